import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ApiClient, type ResponseBody } from '../core/api/api-client';
import { toApiError } from '../core/api/api-error';
import { formatInstant } from '../core/dates/dates';
import { BindField } from '../core/forms/bind-field';
import { required } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { feedbackFor } from '../core/forms/form-feedback';
import { FormState } from '../core/forms/form-state';
import { message, type Message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session, type SessionStart } from '../core/session/session';
import { isLinkInvalid, takeLinkToken } from './link-token';
import { NewPasswordFields, newPasswordSpecs } from './new-password-fields';
import { roleKey } from './roles';

type Invitation = ResponseBody<'/api/auth/invitations/inspect', 'post'>;

type InvitationState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'error'; readonly message: Message }
  | { readonly kind: 'ready'; readonly invitation: Invitation };

/**
 * `/accept-invitation#token=…`, from an invitation e-mail: shows who is invited where and as
 * what; the person chooses the name others will see and a password; then signed in, on the overview.
 */
@Component({
  selector: 'dm-accept-invitation-page',
  imports: [TPipe, FieldError, BindField, FormAlert, NewPasswordFields, SubmitButton],
  template: `
    <div class="narrow">
      <h1>{{ 'acceptInvitation.heading' | t }}</h1>
      @let current = invitation();
      @switch (current.kind) {
        @case ('loading') {
          <p role="status">{{ 'acceptInvitation.loading' | t }}</p>
        }
        @case ('invalid') {
          <div class="alert alert--error" role="alert">{{ 'link.invalid.invitation' | t }}</div>
        }
        @case ('error') {
          <dm-form-alert [message]="current.message" />
          <button type="button" class="button" (click)="inspect()">{{ 'form.retry' | t }}</button>
        }
        @case ('ready') {
          <p>
            {{
              'acceptInvitation.intro'
                | t: { organization: current.invitation.organizationName, role: (roleKey(current.invitation.role) | t) }
            }}
          </p>
          <p class="muted">{{ 'acceptInvitation.expires' | t: { date: expires() } }}</p>
          <form class="form" novalidate (submit)="$event.preventDefault(); submit()">
            @if (state.formError(); as error) {
              <dm-form-alert [id]="state.alertId" [message]="error" />
            }
            <div class="field">
              <label class="field__label" for="accept-invitation-email">{{ 'field.email' | t }}</label>
              <input
                id="accept-invitation-email"
                class="input"
                type="email"
                autocomplete="username"
                readonly
                [value]="current.invitation.email"
              />
            </div>
            <div class="field">
              <label class="field__label" for="accept-invitation-name">{{ 'field.displayName' | t }}</label>
              <p class="field__hint" id="accept-invitation-name-hint">{{ 'field.displayName.hint' | t }}</p>
              <input
                id="accept-invitation-name"
                class="input"
                type="text"
                autocomplete="name"
                required
                maxlength="120"
                [dmField]="state.fields.displayName"
                dmHint="accept-invitation-name-hint"
              />
              @if (state.errors().displayName; as error) {
                <dm-field-error [id]="state.errorId('displayName')" [message]="error" />
              }
            </div>
            <dm-new-password-fields [form]="state" field="password" label="field.choosePassword" />
            <div class="form__actions">
              <button dmSubmit [busy]="state.submitting()" label="acceptInvitation.submit" busyLabel="acceptInvitation.submitting"></button>
            </div>
          </form>
        }
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AcceptInvitationPage {
  private readonly api = inject(ApiClient);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly token = takeLinkToken(inject(ActivatedRoute), this.router);

  protected readonly roleKey = roleKey;
  protected readonly invitation = signal<InvitationState>({ kind: 'loading' });
  protected readonly expires = computed(() => {
    const state = this.invitation();
    return state.kind === 'ready' ? formatInstant(state.invitation.expiresAt, this.i18n.locale()) : '';
  });

  protected readonly state = new FormState(
    'accept-invitation',
    {
      displayName: { checks: [required(message('field.displayName.required'))] },
      ...newPasswordSpecs('password'),
    },
    inject(Injector),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  constructor() {
    void this.inspect();
  }

  protected async inspect(): Promise<void> {
    const token = this.token;
    if (token === null) {
      this.invitation.set({ kind: 'invalid' });
      return;
    }
    this.invitation.set({ kind: 'loading' });
    try {
      const invitation = await firstValueFrom(this.api.post('/api/auth/invitations/inspect', { token }));
      this.invitation.set({ kind: 'ready', invitation });
    } catch (error) {
      // 400: expired, used, unknown or malformed — all mean "ask for a new invitation".
      const form = feedbackFor(error, []).form;
      const invalid = isLinkInvalid(error) || toApiError(error).statusCode === 400 || form === null;
      this.invitation.set(invalid ? { kind: 'invalid' } : { kind: 'error', message: form });
    }
  }

  protected async submit(): Promise<void> {
    const token = this.token;
    if (token === null) {
      return;
    }
    const { displayName, password } = this.state.values();
    const accepted = await this.state.submit(
      async () => {
        try {
          const started = await firstValueFrom(
            this.api.post('/api/auth/invitations/accept', { token, displayName: displayName.trim(), password }),
          );
          await this.session.start(await this.withPreferencesOfThisBrowser(started));
        } catch (error) {
          if (isLinkInvalid(error)) {
            this.invitation.set({ kind: 'invalid' });
          }
          throw error;
        }
      },
      { email_taken: message('acceptInvitation.error.emailTaken') },
    );
    if (accepted) {
      await this.router.navigateByUrl('/', { replaceUrl: true });
    }
  }

  /**
   * A new account starts with the server's default language and time zone, which nobody chose.
   * The person just used the dashboard in a language, in a browser that knows their zone: give
   * the account those, rather than switch the page to another language the moment they arrive.
   */
  private async withPreferencesOfThisBrowser(started: SessionStart): Promise<SessionStart> {
    const locale = this.i18n.locale();
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const changes = {
      ...(started.user.locale !== locale ? { locale } : {}),
      ...(timeZone && started.user.timeZone !== timeZone ? { timeZone } : {}),
    };
    if (Object.keys(changes).length === 0 || !started.csrfToken) {
      return started;
    }
    try {
      const headers = { 'X-CSRF-Token': started.csrfToken }; // the new session's, not yet the app's
      const user = await firstValueFrom(this.api.patch('/api/me', changes, { headers }));
      return { ...started, user };
    } catch {
      return started; // the account works all the same; the profile page can change these
    }
  }
}
