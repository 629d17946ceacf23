import { ChangeDetectionStrategy, Component, DOCUMENT, ElementRef, Injector, inject } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';

import { BindField } from '../core/forms/bind-field';
import { emailAddress, required } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { FormState } from '../core/forms/form-state';
import { message, type Message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { TPipe } from '../core/i18n/t-pipe';
import { safeNextUrl } from '../core/session/safe-next';
import { Session } from '../core/session/session';
import type { SignInArrival } from '../core/session/sign-in-redirect';

/** `/sign-in`: e-mail and password; then the page asked for (`?next=`, if safe) or the overview. */
@Component({
  selector: 'dm-sign-in-page',
  imports: [RouterLink, TPipe, BindField, FieldError, FormAlert, SubmitButton],
  template: `
    <div class="narrow">
      <h1>{{ 'signIn.heading' | t }}</h1>
      <form class="form" novalidate (submit)="$event.preventDefault(); submit()">
        @if (state.formError(); as error) {
          <dm-form-alert [id]="state.alertId" [message]="error" />
        } @else if (arrival; as arrival) {
          <dm-form-alert kind="ok" [message]="arrival" />
        }
        <div class="field">
          <label class="field__label" for="sign-in-email">{{ 'field.email' | t }}</label>
          <input
            id="sign-in-email"
            class="input"
            type="email"
            autocomplete="username"
            spellcheck="false"
            required
            [dmField]="state.fields.email"
          />
          @if (state.errors().email; as error) {
            <dm-field-error [id]="state.errorId('email')" [message]="error" />
          }
        </div>
        <div class="field">
          <label class="field__label" for="sign-in-password">{{ 'field.password' | t }}</label>
          <input
            id="sign-in-password"
            class="input"
            type="password"
            autocomplete="current-password"
            required
            [dmField]="state.fields.password"
          />
          @if (state.errors().password; as error) {
            <dm-field-error [id]="state.errorId('password')" [message]="error" />
          }
        </div>
        <div class="form__actions">
          <button dmSubmit [busy]="state.submitting()" label="signIn.submit" busyLabel="signIn.submitting"></button>
          <a routerLink="/forgot-password">{{ 'signIn.forgot' | t }}</a>
        </div>
      </form>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly origin = inject(DOCUMENT).location.origin;

  /** Why we are here, when the app sent us: signed out just now, or the session ended. */
  protected readonly arrival = arrivalMessage(this.router.currentNavigation()?.extras.state?.['signIn']);

  protected readonly state = new FormState(
    'sign-in',
    {
      email: { checks: [required(message('field.email.required')), emailAddress(message('field.email.invalid'))] },
      password: { checks: [required(message('field.password.required'))] },
    },
    inject(Injector),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  protected async submit(): Promise<void> {
    const { email, password } = this.state.values();
    const signedIn = await this.state.submit(() => this.session.signIn(email.trim(), password), {
      // One message for both: saying which was wrong would tell who has an account.
      invalid_credentials: { message: message('signIn.error.invalidCredentials'), flag: ['email', 'password'] },
    });
    if (signedIn) {
      const next = safeNextUrl(this.route.snapshot.queryParamMap.get('next'), this.origin);
      await this.router.navigateByUrl(next ?? '/', { replaceUrl: true });
    }
  }
}

const ARRIVAL_MESSAGES: Readonly<Record<SignInArrival, Message>> = {
  signedOut: message('signIn.notice.signedOut'),
  expired: message('signIn.notice.expired'),
};

function arrivalMessage(arrival: unknown): Message | null {
  return typeof arrival === 'string' && Object.hasOwn(ARRIVAL_MESSAGES, arrival) ? ARRIVAL_MESSAGES[arrival as SignInArrival] : null;
}
