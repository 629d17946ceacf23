import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { BindField } from '../core/forms/bind-field';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength, required, sameAs } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { FormState } from '../core/forms/form-state';
import { message } from '../core/forms/message';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import { isLinkInvalid, takeLinkToken } from './link-token';

/**
 * `/reset-password#token=…`, from the e-mail `/forgot-password` sends: a new password, twice;
 * then signed in, on the overview.
 */
@Component({
  selector: 'dm-reset-password-page',
  imports: [RouterLink, TPipe, FieldError, BindField, FormAlert],
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
          <div class="field">
            <label class="field__label" for="reset-password-password">{{ 'field.newPassword' | t }}</label>
            <p class="field__hint" id="reset-password-password-hint">{{ 'field.newPassword.hint' | t: lengths }}</p>
            <input
              id="reset-password-password"
              class="input"
              type="password"
              autocomplete="new-password"
              required
              [dmField]="state.fields.password"
              dmHint="reset-password-password-hint"
            />
            @if (state.errors().password; as error) {
              <dm-field-error [id]="state.errorId('password')" [message]="error" />
            }
          </div>
          <div class="field">
            <label class="field__label" for="reset-password-confirm">{{ 'field.confirmPassword' | t }}</label>
            <input
              id="reset-password-confirm"
              class="input"
              type="password"
              autocomplete="new-password"
              required
              [dmField]="state.fields.confirm"
            />
            @if (state.errors().confirm; as error) {
              <dm-field-error [id]="state.errorId('confirm')" [message]="error" />
            }
          </div>
          <div class="form__actions">
            <button type="submit" class="button" [attr.aria-disabled]="state.submitting()">
              {{ (state.submitting() ? 'resetPassword.submitting' : 'resetPassword.submit') | t }}
            </button>
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

  protected readonly lengths = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  protected readonly linkInvalid = signal(this.token === null);
  protected readonly state = new FormState(
    'reset-password',
    {
      password: {
        checks: [required(message('field.newPassword.required')), passwordLength(message('field.newPassword.length', this.lengths))],
      },
      confirm: {
        checks: [required(message('field.confirmPassword.required')), sameAs('password', message('field.confirmPassword.mismatch'))],
      },
    },
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
