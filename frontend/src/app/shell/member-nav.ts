import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';

/**
 * The primary navigation for someone signed in (the shell's own lists only the overview): loaded
 * with `AccountTools`, in the signed-in part of the header (ADR 0010). The classes are the
 * shell's, which are global.
 */
@Component({
  selector: 'dm-member-nav',
  imports: [RouterLink, RouterLinkActive, TPipe],
  template: `
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
        <li>
          <a class="nav__link" routerLink="/directory" routerLinkActive="nav__link--active" ariaCurrentWhenActive="page">{{
            'directory.title' | t
          }}</a>
        </li>
        @if (session.user()?.role === 'admin' || session.user()?.role === 'coordinator') {
          <li>
            <a class="nav__link" routerLink="/admin" routerLinkActive="nav__link--active" ariaCurrentWhenActive="page">{{
              'admin.nav' | t
            }}</a>
          </li>
        }
      </ul>
    </nav>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MemberNav {
  protected readonly session = inject(Session);
}
