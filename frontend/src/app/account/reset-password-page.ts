import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { FormAlert } from '../core/forms/form-alert';
import { FormState } from '../core/forms/form-state';
import { SubmitButton } from '../core/forms/submit-button';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import { isLinkInvalid, takeLinkToken } from './link-token';
import { NewPasswordFields, newPasswordSpecs } from './new-password-fields';

/**
 * `/reset-password#token=…`, from the e-mail `/forgot-password` sends: a new password, twice;
 * then signed in, on the overview.
 */
@Component({
  selector: 'dm-reset-password-page',
  imports: [RouterLink, TPipe, FormAlert, NewPasswordFields, SubmitButton],
  template: `
    <div class="narrow">
      <h1>{{ 'resetPassword.heading' | t }}</h1>
      @if (linkInvalid()) {
        <div class="alert alert--error" role="alert">{{ 'link.invalid.reset' | t }}</div>
        <p>
          <a routerLink="/forgot-password">{{ 'resetPassword.askAgain' | t }}</a>
        </p>
      } @else {
        <form class="form" novalidate (submit)="$event.preventDefault(); submit()">
          @if (state.formError(); as error) {
            <dm-form-alert [id]="state.alertId" [message]="error" />
          }
          <dm-new-password-fields [form]="state" field="password" />
          <div class="form__actions">
            <button dmSubmit [busy]="state.submitting()" label="resetPassword.submit" busyLabel="resetPassword.submitting"></button>
          </div>
        </form>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPage {
  private readonly api = inject(ApiClient);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly token = takeLinkToken(inject(ActivatedRoute), this.router);

  protected readonly linkInvalid = signal(this.token === null);
  protected readonly state = new FormState(
    'reset-password',
    newPasswordSpecs('password'),
    inject(Injector),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  protected async submit(): Promise<void> {
    const token = this.token;
    if (token === null) {
      return;
    }
    const { password } = this.state.values();
    const reset = await this.state.submit(async () => {
      try {
        await this.session.start(await firstValueFrom(this.api.post('/api/auth/password-reset/confirm', { token, password })));
      } catch (error) {
        if (isLinkInvalid(error)) {
          this.linkInvalid.set(true);
        }
        throw error;
      }
    });
    if (reset) {
      await this.router.navigateByUrl('/', { replaceUrl: true });
    }
  }
}
