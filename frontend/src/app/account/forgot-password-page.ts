import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { BindField } from '../core/forms/bind-field';
import { emailAddress, required } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { FormState } from '../core/forms/form-state';
import { message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { TPipe } from '../core/i18n/t-pipe';

/**
 * `/forgot-password`: asks for a reset link. Whatever the address, the page ends on the same
 * confirmation — the API answers 202 either way, so nobody learns who has an account.
 */
@Component({
  selector: 'dm-forgot-password-page',
  imports: [RouterLink, TPipe, BindField, FieldError, FormAlert, SubmitButton],
  template: `
    <div class="narrow">
      <h1>{{ 'forgotPassword.heading' | t }}</h1>
      @if (sent()) {
        <div class="alert alert--ok" role="status">
          <p>{{ 'forgotPassword.sent' | t }}</p>
          <p>{{ 'forgotPassword.sent.spam' | t }}</p>
        </div>
        <p>
          <a routerLink="/sign-in">{{ 'forgotPassword.backToSignIn' | t }}</a>
        </p>
      } @else {
        <p>{{ 'forgotPassword.intro' | t }}</p>
        <form class="form" novalidate (submit)="$event.preventDefault(); submit()">
          @if (state.formError(); as error) {
            <dm-form-alert [id]="state.alertId" [message]="error" />
          }
          <div class="field">
            <label class="field__label" for="forgot-password-email">{{ 'field.email' | t }}</label>
            <input
              id="forgot-password-email"
              class="input"
              type="email"
              autocomplete="email"
              spellcheck="false"
              required
              [dmField]="state.fields.email"
            />
            @if (state.errors().email; as error) {
              <dm-field-error [id]="state.errorId('email')" [message]="error" />
            }
          </div>
          <div class="form__actions">
            <button dmSubmit [busy]="state.submitting()" label="forgotPassword.submit" busyLabel="forgotPassword.submitting"></button>
            <a routerLink="/sign-in">{{ 'forgotPassword.backToSignIn' | t }}</a>
          </div>
        </form>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPage {
  private readonly api = inject(ApiClient);

  protected readonly sent = signal(false);
  protected readonly state = new FormState(
    'forgot-password',
    { email: { checks: [required(message('field.email.required')), emailAddress(message('field.email.invalid'))] } },
    inject(Injector),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  protected async submit(): Promise<void> {
    const email = this.state.values().email.trim();
    if (await this.state.submit(() => firstValueFrom(this.api.post('/api/auth/password-reset', { email })))) {
      this.sent.set(true);
    }
  }
}
