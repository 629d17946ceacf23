import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';

/** The admin pages' own navigation: people, invitations and, for administrators, organizations and failed deliveries. */
@Component({
  selector: 'dm-admin-nav',
  imports: [TPipe, RouterLink, RouterLinkActive],
  template: `
    <nav class="admin-nav" [attr.aria-label]="'admin.nav.label' | t">
      <ul>
        <li>
          <a routerLink="/admin/users" routerLinkActive="active" ariaCurrentWhenActive="page">{{ 'admin.users.title' | t }}</a>
        </li>
        <li>
          <a routerLink="/admin/invitations" routerLinkActive="active" ariaCurrentWhenActive="page">{{ 'admin.invitations.title' | t }}</a>
        </li>
        @if (isAdmin()) {
          <li>
            <a routerLink="/admin/organizations" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              'admin.organizations.title' | t
            }}</a>
          </li>
          <li>
            <a routerLink="/admin/failed-deliveries" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              'admin.deliveries.title' | t
            }}</a>
          </li>
        }
      </ul>
    </nav>
  `,
  styles: `
    .admin-nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2) var(--space-4);
      margin: 0 0 var(--space-4);
      padding: 0 0 var(--space-2);
      list-style: none;
      border-bottom: 1px solid var(--color-border);
    }
    .admin-nav a {
      display: inline-block;
      padding: var(--space-1) 0;
      font-weight: 600;
    }
    .admin-nav .active {
      color: var(--color-text);
      text-decoration: none;
      border-bottom: 3px solid var(--color-brand);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminNav {
  private readonly session = inject(Session);
  protected readonly isAdmin = computed(() => this.session.user()?.role === 'admin');
}
