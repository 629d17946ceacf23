import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';

import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import type { SignInArrival } from '../core/session/sign-in-redirect';
import { UnreadNotifications } from '../notifications/unread-notifications';

/**
 * The header's tools for someone signed in: the notification bell (new arrivals announced
 * politely), who is signed in (linking to the profile), and "Sign out". A chunk of its own that
 * signed-out visitors never load; `SignedInHeaderLoader` has it ready before the first render when
 * someone is signed in (ADR 0010).
 */
@Component({
  selector: 'dm-account-tools',
  imports: [RouterLink, RouterLinkActive, TPipe],
  template: `
    @if (session.user(); as user) {
      <!-- The bell: name "Notifications, 3 unread"; new arrivals are announced politely. -->
      <a class="bell" routerLink="/notifications" [attr.aria-label]="bellLabel()">
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M6 17v-6a6 6 0 0 1 12 0v6l2 2H4zm4 4h4" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
        </svg>
        @if (unread.count(); as count) {
          <span class="bell__count" aria-hidden="true">{{ count > 99 ? '99+' : count }}</span>
        }
      </a>
      <p class="visually-hidden" aria-live="polite">
        @if (unread.latest(); as latest) {
          {{ 'notifications.bell.arrived' | t: { title: latest.title } }}
        }
      </p>
      <a class="account" routerLink="/profile" routerLinkActive="account--active" ariaCurrentWhenActive="page">
        <!-- Accessible name "Your profile: Ana Pérez, Centro de Derechos": the spans alone would run together. -->
        <span class="visually-hidden">{{ 'shell.account.profile' | t }} </span>
        <span class="account__name">{{ user.displayName }}</span>
        <span class="visually-hidden">, </span>
        <span class="account__organization">{{ user.organization.name }}</span>
      </a>
      <!-- .header__action: the shell's class (global), as its "Sign in" link. -->
      <button type="button" class="header__action" [attr.aria-disabled]="signingOut()" (click)="signOut()">
        {{ 'shell.signOut' | t }}
      </button>
      @if (signOutFailed()) {
        <p class="header__alert" role="alert">{{ 'shell.signOut.failed' | t }}</p>
      }
    }
  `,
  styleUrl: './account-tools.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountTools {
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  protected readonly session = inject(Session);
  protected readonly unread = inject(UnreadNotifications);
  protected readonly signingOut = signal(false);
  protected readonly signOutFailed = signal(false);
  protected readonly bellLabel = computed(() => {
    const count = this.unread.count();
    return this.i18n.translate(count === null ? 'notifications.title' : 'notifications.bell.label', { count: count ?? 0 });
  });

  /** Ends the session on the server first: if that fails, say so rather than pretend. */
  protected async signOut(): Promise<void> {
    if (this.signingOut()) {
      return;
    }
    this.signingOut.set(true);
    this.signOutFailed.set(false);
    try {
      await this.session.signOut();
      await this.router.navigateByUrl('/sign-in', { state: { signIn: 'signedOut' satisfies SignInArrival } });
    } catch {
      this.signOutFailed.set(true);
    } finally {
      this.signingOut.set(false);
    }
  }
}
