import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../../core/api/api-client';
import { BindField } from '../../core/forms/bind-field';
import { required } from '../../core/forms/checks';
import { FieldError } from '../../core/forms/field-error';
import { FormAlert } from '../../core/forms/form-alert';
import { FormState } from '../../core/forms/form-state';
import { message } from '../../core/forms/message';
import { SubmitButton } from '../../core/forms/submit-button';
import { TPipe } from '../../core/i18n/t-pipe';
import { Session, signedInUser } from '../../core/session/session';
import { NewPasswordFields, newPasswordSpecs } from '../new-password-fields';

/**
 * Current password, new password twice. The API then ends every session of the person and opens
 * a new one for this browser, whose CSRF token replaces ours.
 */
@Component({
  selector: 'dm-change-password-form',
  imports: [TPipe, FieldError, BindField, FormAlert, NewPasswordFields, SubmitButton],
  template: `
    <section class="panel" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">{{ 'profile.password.heading' | t }}</h2>
      <p>{{ 'profile.password.intro' | t }}</p>
      <form class="form" novalidate (submit)="$event.preventDefault(); submit()">
        @if (state.formError(); as error) {
          <dm-form-alert [id]="state.alertId" [message]="error" />
        } @else if (changed()) {
          <dm-form-alert kind="ok" [message]="changedMessage" />
        }
        <!-- For password managers: which account this password belongs to. -->
        <input type="email" name="username" autocomplete="username" [value]="email" readonly hidden />
        <div class="field">
          <label class="field__label" for="change-password-current">{{ 'field.currentPassword' | t }}</label>
          <input
            id="change-password-current"
            class="input"
            type="password"
            autocomplete="current-password"
            required
            [dmField]="state.fields.currentPassword"
          />
          @if (state.errors().currentPassword; as error) {
            <dm-field-error [id]="state.errorId('currentPassword')" [message]="error" />
          }
        </div>
        <dm-new-password-fields [form]="state" field="newPassword" inputId="change-password-new" />
        <div class="form__actions">
          <button dmSubmit [busy]="state.submitting()" label="profile.password.submit" busyLabel="profile.password.submitting"></button>
        </div>
      </form>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordForm {
  private readonly api = inject(ApiClient);
  private readonly session = inject(Session);

  protected readonly email = signedInUser(this.session).email;
  protected readonly changedMessage = message('profile.password.changed');
  protected readonly changed = signal(false);

  protected readonly state = new FormState(
    'change-password',
    {
      currentPassword: { checks: [required(message('field.currentPassword.required'))] },
      ...newPasswordSpecs('newPassword'),
    },
    inject(Injector),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  protected async submit(): Promise<void> {
    this.changed.set(false);
    const { currentPassword, newPassword } = this.state.values();
    const done = await this.state.submit(
      async () => {
        const { csrfToken } = await firstValueFrom(this.api.post('/api/me/password', { currentPassword, newPassword }));
        this.session.replaceCsrf(csrfToken);
      },
      { wrong_password: { field: 'currentPassword', message: message('field.currentPassword.wrong') } },
    );
    if (done) {
      this.state.setValues({ currentPassword: '', newPassword: '', confirm: '' });
      this.changed.set(true);
    }
  }
}
