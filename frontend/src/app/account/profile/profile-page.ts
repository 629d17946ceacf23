import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router } from '@angular/router';

import { FormAlert } from '../../core/forms/form-alert';
import { feedbackFor } from '../../core/forms/form-feedback';
import type { Message } from '../../core/forms/message';
import { TPipe } from '../../core/i18n/t-pipe';
import { Session } from '../../core/session/session';
import type { SignInArrival } from '../../core/session/sign-in-redirect';
import { ApiTokensPanel } from './api-tokens-panel';
import { ChangePasswordForm } from './change-password-form';
import { ProfileDetailsForm } from './profile-details-form';

/** `/profile` (signed in): details, password, API tokens, and signing out on every device. */
@Component({
  selector: 'dm-profile-page',
  imports: [TPipe, FormAlert, ProfileDetailsForm, ChangePasswordForm, ApiTokensPanel],
  template: `
    <h1>{{ 'profile.heading' | t }}</h1>
    @if (session.signedIn()) {
      <div class="stack">
        <dm-profile-details-form />
        <dm-change-password-form />
        <dm-api-tokens-panel />
        <section class="panel" aria-labelledby="sign-out-everywhere-heading">
          <h2 id="sign-out-everywhere-heading">{{ 'profile.everywhere.heading' | t }}</h2>
          <p>{{ 'profile.everywhere.intro' | t }}</p>
          @if (everywhereError(); as error) {
            <dm-form-alert [message]="error" />
          }
          <button type="button" class="button button--danger" [attr.aria-disabled]="signingOut()" (click)="signOutEverywhere()">
            {{ 'profile.everywhere.submit' | t }}
          </button>
        </section>
      </div>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePage {
  protected readonly session = inject(Session);
  private readonly router = inject(Router);
  protected readonly signingOut = signal(false);
  protected readonly everywhereError = signal<Message | null>(null);

  protected async signOutEverywhere(): Promise<void> {
    if (this.signingOut()) {
      return;
    }
    this.signingOut.set(true);
    this.everywhereError.set(null);
    try {
      await this.session.signOutEverywhere();
      await this.router.navigateByUrl('/sign-in', { state: { signIn: 'signedOut' satisfies SignInArrival } });
    } catch (error) {
      this.everywhereError.set(feedbackFor(error, []).form);
    } finally {
      this.signingOut.set(false);
    }
  }
}
