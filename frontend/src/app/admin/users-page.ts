import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, signal } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { roleKey } from '../account/roles';
import { ApiClient } from '../core/api/api-client';
import { BindField } from '../core/forms/bind-field';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { LoadStatus } from '../core/ui/load-status';
import { FormState } from '../core/forms/form-state';
import { message, type Message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session, signedInUser } from '../core/session/session';
import { allPages } from '../core/api/pages';
import { focusAfterRender } from '../core/ui/focus-after-render';
import { ALL_ROLES, type Organization, type Role, type User } from './admin-data';
import { AdminNav } from './admin-nav';
import { ConfirmAction } from './confirm-action';
import { DisableToggle } from './disable-toggle';
import { LoadMore, PagedList } from './paged-list';
import { personDates } from '../core/dates/person-dates';

interface UserFilters {
  readonly q: string;
  readonly organizationId: string;
  readonly role: Role | '';
  readonly includeDisabled: boolean;
}

type OrganizationChoice = Pick<Organization, 'id' | 'name'>;

const CODES = {
  cannot_demote_self: message('admin.users.error.demoteSelf'),
  cannot_disable_self: message('admin.users.error.disableSelf'),
  not_found: message('admin.users.notFound'),
};

/**
 * `/admin/users` (`?organizationId=` pre-sets the filter): the people in the caller's reach, by
 * e-mail, with their role, organization, last sign-in (in the caller's zone) and whether their
 * account is disabled. Administrators change roles and disable or enable accounts, after a
 * confirmation; coordinators read.
 */
@Component({
  selector: 'dm-users-page',
  imports: [TPipe, RouterLink, AdminNav, BindField, FieldError, FormAlert, LoadStatus, SubmitButton, ConfirmAction, LoadMore],
  template: `
    <dm-admin-nav />
    <h1>{{ 'admin.users.title' | t }}</h1>
    <p class="muted">
      {{ (isAdmin ? 'admin.users.intro.admin' : 'admin.users.intro.coordinator') | t }}
      <a routerLink="/admin/invitations">{{ 'admin.users.inviteLink' | t }}</a>
    </p>

    <form class="filters" role="search" [attr.aria-label]="'admin.users.filters' | t" (submit)="$event.preventDefault(); search()">
      <div class="field">
        <label class="field__label" for="users-q">{{ 'admin.users.filter.q' | t }}</label>
        <input id="users-q" class="input" type="search" maxlength="100" [value]="query()" (input)="query.set(valueOf($event))" />
      </div>
      @if (organizations(); as organizations) {
        <div class="field">
          <label class="field__label" for="users-organization">{{ 'admin.users.filter.organization' | t }}</label>
          <select id="users-organization" class="input" (change)="setFilter({ organizationId: valueOf($event) })">
            <option value="" [selected]="filters().organizationId === ''">{{ 'admin.users.filter.allOrganizations' | t }}</option>
            @for (organization of organizations; track organization.id) {
              <option [value]="organization.id" [selected]="organization.id === filters().organizationId">{{ organization.name }}</option>
            }
          </select>
        </div>
      }
      <div class="field">
        <label class="field__label" for="users-role">{{ 'admin.users.filter.role' | t }}</label>
        <select id="users-role" class="input" (change)="setFilter({ role: roleOf($event) })">
          <option value="" [selected]="filters().role === ''">{{ 'admin.users.filter.allRoles' | t }}</option>
          @for (role of roles; track role) {
            <option [value]="role" [selected]="role === filters().role">{{ roleKey(role) | t }}</option>
          }
        </select>
      </div>
      <div class="check">
        <input
          id="users-disabled"
          type="checkbox"
          [checked]="filters().includeDisabled"
          (change)="setFilter({ includeDisabled: checkedOf($event) })"
        />
        <label for="users-disabled">{{ 'admin.users.filter.includeDisabled' | t }}</label>
      </div>
      <button type="submit" class="button">{{ 'admin.search' | t }}</button>
    </form>

    @if (notice(); as notice) {
      <dm-form-alert kind="ok" [message]="notice" />
    }

    @let current = list.state();
    <dm-load-status [state]="current" loading="admin.users.loading" (retry)="list.load()" />
    @if (current.kind === 'ready') {
      @if (current.value.items.length === 0) {
        <p class="panel">{{ 'admin.users.empty' | t }}</p>
      } @else {
        <p class="muted times">{{ 'admin.users.times' | t: { zone: dates.zone() } }}</p>
        <div class="table-scroll">
          <table class="table">
            <caption class="visually-hidden">
              {{
                'admin.users.caption' | t
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'admin.users.column.name' | t }}</th>
                <th scope="col">{{ 'admin.users.column.role' | t }}</th>
                <th scope="col">{{ 'admin.users.column.organization' | t }}</th>
                <th scope="col">{{ 'admin.users.column.lastSignIn' | t }}</th>
                <th scope="col">{{ 'admin.users.column.status' | t }}</th>
                @if (isAdmin) {
                  <th scope="col">
                    <span class="visually-hidden">{{ 'admin.column.actions' | t }}</span>
                  </th>
                }
              </tr>
            </thead>
            <tbody>
              @for (user of current.value.items; track user.id) {
                <tr [attr.data-user-id]="user.id">
                  <th scope="row" tabindex="-1" [id]="'user-' + user.id">
                    {{ user.displayName }}
                    <span class="email">{{ user.email }}</span>
                  </th>
                  <td>{{ roleKey(user.role) | t }}</td>
                  <td>{{ user.organizationName }}</td>
                  <td>{{ user.lastSignInAt ? dates.instant(user.lastSignInAt) : ('admin.users.neverSignedIn' | t) }}</td>
                  <td>
                    @if (user.disabledAt) {
                      <strong class="disabled">{{ 'admin.status.disabled' | t }}</strong>&ngsp;<span class="since">{{
                        'admin.status.since' | t: { date: dates.instant(user.disabledAt) }
                      }}</span>
                    } @else {
                      {{ 'admin.status.active' | t }}
                    }
                  </td>
                  @if (isAdmin) {
                    <td class="actions">
                      @if (user.id === me.id) {
                        <span class="muted">{{ 'admin.users.you' | t }}</span>
                      } @else if (editingRole() === user.id) {
                        <form class="role-form" novalidate (submit)="$event.preventDefault(); saveRole(user)">
                          @if (roleForm.formError(); as error) {
                            <dm-form-alert [id]="roleForm.alertId" [message]="error" />
                          }
                          <label class="field__label" [for]="'user-role-select-' + user.id">{{
                            'admin.users.role.label' | t: { name: user.displayName }
                          }}</label>
                          <select class="input" [id]="'user-role-select-' + user.id" [dmField]="roleForm.fields.role">
                            @for (role of roles; track role) {
                              <option [value]="role" [selected]="role === roleForm.fields.role.value()">{{ roleKey(role) | t }}</option>
                            }
                          </select>
                          @if (roleForm.errors().role; as error) {
                            <dm-field-error [id]="roleForm.errorId('role')" [message]="error" />
                          }
                          <div class="buttons">
                            <button dmSubmit [busy]="roleForm.submitting()" label="admin.users.role.save" busyLabel="form.saving"></button>
                            <button type="button" class="button button--secondary" (click)="closeRole(user)">
                              {{ 'form.cancel' | t }}
                            </button>
                          </div>
                        </form>
                      } @else if (disabling.confirming() === user.id) {
                        <dm-confirm-action
                          [questionId]="'user-confirm-' + user.id"
                          [question]="
                            (user.disabledAt ? 'admin.users.enable.question' : 'admin.users.disable.question')
                              | t: { name: user.displayName }
                          "
                          [confirmLabel]="user.disabledAt ? 'admin.users.enable.confirm' : 'admin.users.disable.confirm'"
                          [busyLabel]="user.disabledAt ? 'admin.enabling' : 'admin.disabling'"
                          [danger]="!user.disabledAt"
                          [busy]="disabling.busy()"
                          [error]="disabling.error()"
                          (confirmed)="disabling.toggle(user)"
                          (cancelled)="disabling.cancel(user)"
                        />
                      } @else {
                        <div class="buttons">
                          <button
                            type="button"
                            class="button button--secondary"
                            [id]="'user-role-' + user.id"
                            [attr.aria-label]="'admin.users.role.change.label' | t: { name: user.displayName }"
                            (click)="openRole(user)"
                          >
                            {{ 'admin.users.role.change' | t }}
                          </button>
                          <button
                            type="button"
                            class="button button--secondary"
                            [id]="'user-toggle-' + user.id"
                            [attr.aria-label]="
                              (user.disabledAt ? 'admin.users.enable.label' : 'admin.users.disable.label') | t: { name: user.displayName }
                            "
                            (click)="askToggle(user)"
                          >
                            {{ (user.disabledAt ? 'admin.enable' : 'admin.disable') | t }}
                          </button>
                        </div>
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        <dm-load-more [list]="list" (loaded)="focusRow($event)" />
      }
    }
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: var(--space-2) var(--space-3);
      margin: 0 0 var(--space-4);
    }
    .filters .field {
      margin: 0;
    }
    .check {
      display: flex;
      gap: var(--space-2);
      align-items: center;
      min-height: 2.75rem;
    }
    .check input {
      width: 1.25rem;
      height: 1.25rem;
    }
    .table-scroll {
      position: relative;
      overflow-x: auto;
      margin-bottom: var(--space-3);
    }
    .table {
      width: 100%;
      border-collapse: collapse;
      background: var(--color-bg);
    }
    .table th,
    .table td {
      padding: var(--space-2);
      border-bottom: 1px solid var(--color-border);
      text-align: left;
      vertical-align: top;
    }
    .email {
      display: block;
      color: var(--color-text-muted);
      font-weight: 400;
      white-space: nowrap;
    }
    .disabled {
      color: var(--color-bad);
    }
    .since {
      display: block;
      color: var(--color-text-muted);
      font-size: 0.9375rem;
    }
    .actions {
      min-width: 16rem;
    }
    .buttons {
      display: flex;
      gap: var(--space-2);
    }
    .buttons .button {
      white-space: nowrap;
    }
    .role-form {
      display: flex;
      flex-direction: column;
      gap: var(--space-2);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly me = signedInUser(inject(Session));
  protected readonly isAdmin = this.me.role === 'admin';
  protected readonly dates = personDates();
  protected readonly roles = ALL_ROLES;
  protected readonly roleKey = roleKey;

  /** The text being typed; it applies on "Search" (the other filters apply at once). */
  protected readonly query = signal('');
  protected readonly filters = signal<UserFilters>({
    q: '',
    organizationId: inject(ActivatedRoute).snapshot.queryParamMap.get('organizationId') ?? '',
    role: '',
    includeDisabled: false,
  });
  /** The organization filter's choices; without them the filter is not offered. */
  protected readonly organizations = signal<readonly OrganizationChoice[] | null>(null);
  protected readonly notice = signal<Message | null>(null);

  protected readonly list = new PagedList<User>(
    (cursor) => this.api.get('/api/users', { params: { ...this.listQuery(), cursor } }),
    'admin.users.notFound',
  );
  private readonly listQuery = computed(() => {
    const { q, organizationId, role, includeDisabled } = this.filters();
    return {
      q: q.trim() || undefined,
      organizationId: organizationId || undefined,
      role: role || undefined,
      includeDisabled: includeDisabled || undefined,
    };
  });

  protected readonly editingRole = signal<string | null>(null);
  protected readonly roleForm = new FormState<'role'>('user-role', { role: {} }, this.injector, this.host);
  protected readonly disabling = new DisableToggle<User>({
    send: (user, disable) => {
      const options = { pathParams: { id: user.id } };
      return disable
        ? this.api.post('/api/users/{id}/disable', undefined, options)
        : this.api.post('/api/users/{id}/enable', undefined, options);
    },
    saved: (saved, disabled) => {
      this.list.replace(saved);
      this.notice.set(message(disabled ? 'admin.users.disabled' : 'admin.users.enabled', { name: saved.displayName }));
    },
    focusBack: (user) => this.focus(`user-toggle-${user.id}`),
    codes: CODES,
  });

  constructor() {
    void this.list.load();
    void this.loadOrganizations();
  }

  protected search(): void {
    this.setFilter({ q: this.query() });
  }

  protected setFilter(change: Partial<UserFilters>): void {
    this.filters.update((filters) => ({ ...filters, ...change }));
    this.notice.set(null);
    this.editingRole.set(null);
    this.disabling.close();
    void this.list.load();
  }

  /** After "Load more": focus on the first new row. */
  protected focusRow(first: { readonly id: string }): void {
    this.focus(`user-${first.id}`);
  }

  protected openRole(user: User): void {
    this.disabling.close();
    this.notice.set(null);
    this.roleForm.clearFeedback();
    this.roleForm.setValues({ role: user.role });
    this.editingRole.set(user.id);
    this.focus(`user-role-select-${user.id}`);
  }

  protected closeRole(user: User): void {
    this.editingRole.set(null);
    this.focus(`user-role-${user.id}`);
  }

  protected async saveRole(user: User): Promise<void> {
    const role = this.roleForm.values().role as Role;
    let saved: User | undefined;
    const done = await this.roleForm.submit(async () => {
      saved = await firstValueFrom(this.api.patch('/api/users/{id}', { role }, { pathParams: { id: user.id } }));
    }, CODES);
    if (done && saved) {
      this.list.replace(saved);
      this.notice.set(message('admin.users.role.saved', { name: saved.displayName, role: this.i18n.translate(roleKey(saved.role)) }));
      this.closeRole(saved);
    }
  }

  protected askToggle(user: User): void {
    this.editingRole.set(null);
    this.notice.set(null);
    this.disabling.ask(user);
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected roleOf(event: Event): Role | '' {
    const value = this.valueOf(event);
    return this.roles.find((role) => role === value) ?? '';
  }

  protected checkedOf(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  private async loadOrganizations(): Promise<void> {
    try {
      const organizations = await allPages((cursor) => this.api.get('/api/organizations', { params: { limit: 200, cursor } }));
      this.organizations.set(organizations.map(({ id, name }) => ({ id, name })));
    } catch {
      // Without the choices, the list is simply not filtered by organization.
      this.organizations.set(null);
    }
  }

  private focus(id: string): void {
    focusAfterRender(this.injector, () => this.host.ownerDocument.getElementById(id)?.focus());
  }
}
