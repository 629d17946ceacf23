import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import type { SignInArrival } from '../core/session/sign-in-redirect';
import { UnreadNotifications } from '../notifications/unread-notifications';
import { LanguageSwitcher } from './language-switcher';

/** The frame around every page: skip link, header, primary navigation, main area, footer. */
@Component({
  selector: 'dm-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TPipe, LanguageSwitcher],
  template: `
    <a class="skip-link" href="#main" (click)="skipToMain($event)">{{ 'shell.skipLink' | t }}</a>

    <header class="header">
      <div class="header__inner">
        <a class="brand" routerLink="/">
          <svg class="brand__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path d="M8 7h9a9 9 0 0 1 0 18H8z" fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round" />
            <path d="M12.5 16.2l3 3 5.5-6" fill="none" stroke="#f5b700" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <span class="brand__text">
            <span class="brand__name">{{ 'app.name' | t }}</span>
            <span class="brand__tagline">{{ 'app.tagline' | t }}</span>
          </span>
        </a>
        <div class="header__tools">
          @if (session.user(); as user) {
            <!-- The bell: name "Notifications, 3 unread"; new arrivals are announced politely. -->
            <a class="bell" routerLink="/notifications" [attr.aria-label]="bellLabel()">
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path
                  d="M6 17v-6a6 6 0 0 1 12 0v6l2 2H4zm4 4h4"
                  fill="none"
                  stroke="currentColor"
                  stroke-width="2"
                  stroke-linejoin="round"
                />
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
            <button type="button" class="header__action" [attr.aria-disabled]="signingOut()" (click)="signOut()">
              {{ 'shell.signOut' | t }}
            </button>
          } @else {
            <a class="header__action" routerLink="/sign-in">{{ 'shell.signIn' | t }}</a>
          }
          <dm-language-switcher class="header__language" />
        </div>
      </div>
      @if (signOutFailed()) {
        <p class="header__alert" role="alert">{{ 'shell.signOut.failed' | t }}</p>
      }
      <nav class="nav" [attr.aria-label]="'shell.nav.label' | t">
        <ul class="nav__list">
          <li>
            <a
              class="nav__link"
              routerLink="/"
              routerLinkActive="nav__link--active"
              ariaCurrentWhenActive="page"
              [routerLinkActiveOptions]="{ exact: true }"
              >{{ 'shell.nav.overview' | t }}</a
            >
          </li>
          @if (session.signedIn()) {
            <li>
              <a class="nav__link" routerLink="/campaigns" routerLinkActive="nav__link--active" ariaCurrentWhenActive="page">{{
                'campaigns.nav' | t
              }}</a>
            </li>
            <li>
              <a class="nav__link" routerLink="/follow-ups" routerLinkActive="nav__link--active" ariaCurrentWhenActive="page">{{
                'notifications.nav.followUps' | t
              }}</a>
            </li>
            @if (session.user()?.role === 'admin' || session.user()?.role === 'coordinator') {
              <li>
                <a class="nav__link" routerLink="/admin" routerLinkActive="nav__link--active" ariaCurrentWhenActive="page">{{
                  'admin.nav' | t
                }}</a>
              </li>
            }
          }
        </ul>
      </nav>
    </header>

    <main id="main" class="main" tabindex="-1">
      <router-outlet />
    </main>

    <footer class="footer">
      <div class="footer__inner">
        <p>{{ 'shell.footer.about' | t }}</p>
        <p>{{ 'shell.footer.license' | t }}</p>
      </div>
    </footer>
  `,
  styleUrl: './shell.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly document = inject(DOCUMENT);
  private readonly router = inject(Router);
  protected readonly session = inject(Session);
  protected readonly signingOut = signal(false);
  protected readonly signOutFailed = signal(false);
  protected readonly unread = inject(UnreadNotifications);
  private readonly i18n = inject(I18n);
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

  /**
   * With `<base href="/">`, a plain `href="#main"` resolves to `/#main` and would leave any
   * other route, so the skip link moves focus itself.
   */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.document.getElementById('main')?.focus(); // focusing also scrolls it into view
  }
}
