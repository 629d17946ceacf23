import { ChangeDetectionStrategy, Component, DOCUMENT, ViewEncapsulation, computed, effect, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import type { TranslationKey } from '../core/i18n/dictionary';
import { I18n } from '../core/i18n/i18n';
import { Session } from '../core/session/session';
import { ComponentOutlet } from '../core/ui/component-outlet';
import { SignedInHeaderLoader } from './signed-in-header-loader';
import { LanguageSwitcher } from './language-switcher';

/**
 * The frame around every page: skip link, header, primary navigation, main area, footer. What
 * only someone signed in sees in the header (bell, profile, sign out; the members' pages in the
 * navigation) is `AccountTools` and `MemberNav`, loaded apart (`SignedInHeaderLoader`).
 */
@Component({
  selector: 'dm-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, ComponentOutlet, LanguageSwitcher],
  template: `
    <a class="skip-link" href="#main" (click)="skipToMain($event)">{{ t('shell.skipLink') }}</a>

    <header class="header">
      <div class="header__inner">
        <a class="brand" routerLink="/">
          <svg class="brand__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path d="M8 7h9a9 9 0 0 1 0 18H8z" fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round" />
            <path d="M12.5 16.2l3 3 5.5-6" fill="none" stroke="#f5b700" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <span class="brand__text">
            <span class="brand__name">{{ t('app.name') }}</span>
            <span class="brand__tagline">{{ t('app.tagline') }}</span>
          </span>
        </a>
        <div class="header__tools">
          @if (signedInHeader(); as parts) {
            <ng-template [dmComponentOutlet]="parts.tools" />
          } @else if (!session.signedIn()) {
            <a class="header__action" routerLink="/sign-in">{{ t('shell.signIn') }}</a>
          }
          <dm-language-switcher class="header__language" />
        </div>
      </div>
      @if (signedInHeader(); as parts) {
        <ng-template [dmComponentOutlet]="parts.nav" />
      } @else {
        <nav class="nav" [attr.aria-label]="t('shell.nav.label')">
          <ul class="nav__list">
            <li>
              <a
                class="nav__link"
                routerLink="/"
                routerLinkActive="nav__link--active"
                ariaCurrentWhenActive="page"
                [routerLinkActiveOptions]="{ exact: true }"
                >{{ t('shell.nav.overview') }}</a
              >
            </li>
          </ul>
        </nav>
      }
    </header>

    <main id="main" class="main" tabindex="-1">
      <router-outlet />
    </main>

    <footer class="footer">
      <div class="footer__inner">
        <p>{{ t('shell.footer.about') }}</p>
        <p>{{ t('shell.footer.license') }}</p>
      </div>
    </footer>
  `,
  styleUrl: './shell.css',
  // The root frame: its block__element classes are global, without the per-selector attributes
  // of emulated encapsulation (ADR 0010).
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(I18n);
  protected readonly session = inject(Session);
  private readonly signedInHeaderLoader = inject(SignedInHeaderLoader);
  /** The signed-in part of the header (tools and navigation), once loaded and while signed in. */
  protected readonly signedInHeader = computed(() => (this.session.signedIn() ? this.signedInHeaderLoader.parts() : null));

  /**
   * Translates as the `t` pipe does (and, reading the locale signal, renders again when it
   * changes): the pipe's instances and calls would be more code in the initial bundle (ADR 0010).
   */
  protected readonly t = (key: TranslationKey): string => this.i18n.translate(key);

  constructor() {
    // At start-up the initializer has loaded it already; after a sign-in, load it now.
    effect(() => {
      if (this.session.signedIn()) {
        void this.signedInHeaderLoader.load();
      }
    });
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
