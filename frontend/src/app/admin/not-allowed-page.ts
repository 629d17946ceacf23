import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { roleKey } from '../account/roles';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import { isStaff } from './admin-data';

/**
 * What someone sees at an admin page their role does not open (the guards send them here and keep
 * the address they asked for): why, and where to go instead.
 */
@Component({
  selector: 'dm-not-allowed-page',
  imports: [TPipe, RouterLink],
  template: `
    <h1>{{ 'admin.notAllowed.title' | t }}</h1>
    <p class="alert alert--error">{{ 'admin.notAllowed.body' | t: { role: (role() | t) } }}</p>
    <p>{{ 'admin.notAllowed.ask' | t }}</p>
    <p>
      @if (staff()) {
        <a routerLink="/admin/users">{{ 'admin.notAllowed.users' | t }}</a>
      } @else {
        <a routerLink="/">{{ 'notFound.home' | t }}</a>
      }
    </p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotAllowedPage {
  private readonly session = inject(Session);
  protected readonly role = computed(() => roleKey(this.session.user()?.role ?? 'observer'));
  protected readonly staff = computed(() => isStaff(this.session.user()?.role));
}
