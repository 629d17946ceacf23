import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ApiClient } from '../core/api/api-client';
import { FormAlert } from '../core/forms/form-alert';
import { LoadStatus } from '../core/ui/load-status';
import { message, type Message } from '../core/forms/message';
import { TPipe } from '../core/i18n/t-pipe';
import { Session, signedInUser } from '../core/session/session';
import { focusAfterRender } from '../core/ui/focus-after-render';
import { kindKey, type Organization } from './admin-data';
import { AdminNav } from './admin-nav';
import { ConfirmAction } from './confirm-action';
import { DisableToggle } from './disable-toggle';
import { OrganizationForm } from './organization-form';
import { LoadMore, PagedList } from './paged-list';
import { personDates } from '../core/dates/person-dates';

const CODES = {
  cannot_disable_self: message('admin.organizations.error.disableSelf'),
  not_found: message('admin.organizations.notFound'),
};

/**
 * `/admin/organizations` (administrators): the coalition's organizations by name, with search and
 * "Load more"; add one; edit one in place; disable (its people are signed out and kept out) or
 * enable one, after a confirmation.
 */
@Component({
  selector: 'dm-organizations-page',
  imports: [TPipe, RouterLink, AdminNav, FormAlert, LoadStatus, ConfirmAction, OrganizationForm, LoadMore],
  template: `
    <dm-admin-nav />
    <h1>{{ 'admin.organizations.title' | t }}</h1>
    <p class="muted">{{ 'admin.organizations.intro' | t }}</p>

    <section class="panel create" aria-labelledby="org-create-heading">
      <h2 id="org-create-heading">{{ 'admin.organizations.create.heading' | t }}</h2>
      @if (created(); as created) {
        <p class="alert alert--ok" role="status">{{ 'admin.organizations.created' | t: { name: created.name } }}</p>
      }
      <dm-organization-form (saved)="added($event)" />
    </section>

    <section aria-labelledby="org-list-heading">
      <h2 id="org-list-heading">{{ 'admin.organizations.list' | t }}</h2>
      <form class="search" role="search" [attr.aria-label]="'admin.organizations.search' | t" (submit)="$event.preventDefault(); search()">
        <div class="field">
          <label class="field__label" for="organizations-q">{{ 'admin.organizations.search.label' | t }}</label>
          <input id="organizations-q" class="input" type="search" maxlength="100" [value]="query()" (input)="query.set(valueOf($event))" />
        </div>
        <button type="submit" class="button">{{ 'admin.search' | t }}</button>
      </form>

      @if (notice(); as notice) {
        <dm-form-alert kind="ok" [message]="notice" />
      }

      @let current = list.state();
      <dm-load-status [state]="current" loading="admin.organizations.loading" (retry)="list.load()" />
      @if (current.kind === 'ready') {
        @if (current.value.items.length === 0) {
          <p class="panel">{{ 'admin.organizations.empty' | t }}</p>
        } @else {
          <ul class="organizations">
            @for (organization of current.value.items; track organization.id) {
              <li>
                <article
                  class="organization"
                  [class.organization--disabled]="organization.disabledAt"
                  [attr.aria-labelledby]="'organization-' + organization.id"
                  [attr.data-organization-id]="organization.id"
                >
                  <h3 class="organization__name" tabindex="-1" [id]="'organization-' + organization.id">{{ organization.name }}</h3>
                  <p class="organization__meta">
                    @if (organization.disabledAt) {
                      <strong class="disabled">{{ 'admin.status.disabled' | t }}</strong>
                      {{ 'admin.status.since' | t: { date: dates.instant(organization.disabledAt) } }}
                    } @else {
                      {{ 'admin.status.active' | t }}
                    }
                    · {{ kindKey(organization.kind) | t }}
                    @if (organization.country) {
                      · {{ organization.country }}
                    }
                    @if (organization.isExample) {
                      · {{ 'admin.example' | t }}
                    }
                  </p>
                  @if (editing() === organization.id) {
                    <dm-organization-form [organization]="organization" (saved)="edited($event)" (cancelled)="stopEditing(organization)" />
                  } @else {
                    <dl class="organization__facts">
                      <div>
                        <dt>{{ 'admin.organizations.contactEmail' | t }}</dt>
                        <dd>{{ organization.contactEmail ?? ('admin.notGiven' | t) }}</dd>
                      </div>
                      <div>
                        <dt>{{ 'admin.organizations.website' | t }}</dt>
                        <dd>
                          @if (organization.website) {
                            <a [href]="organization.website" rel="noopener noreferrer">{{ organization.website }}</a>
                          } @else {
                            {{ 'admin.notGiven' | t }}
                          }
                        </dd>
                      </div>
                    </dl>
                    @if (disabling.confirming() === organization.id) {
                      <dm-confirm-action
                        [questionId]="'organization-confirm-' + organization.id"
                        [question]="
                          (organization.disabledAt ? 'admin.organizations.enable.question' : 'admin.organizations.disable.question')
                            | t: { name: organization.name }
                        "
                        [confirmLabel]="
                          organization.disabledAt ? 'admin.organizations.enable.confirm' : 'admin.organizations.disable.confirm'
                        "
                        [busyLabel]="organization.disabledAt ? 'admin.enabling' : 'admin.disabling'"
                        [danger]="!organization.disabledAt"
                        [busy]="disabling.busy()"
                        [error]="disabling.error()"
                        (confirmed)="disabling.toggle(organization)"
                        (cancelled)="disabling.cancel(organization)"
                      />
                    } @else {
                      <div class="organization__actions">
                        <button
                          type="button"
                          class="button button--secondary"
                          [id]="'organization-edit-' + organization.id"
                          [attr.aria-label]="'admin.organizations.edit.label' | t: { name: organization.name }"
                          (click)="startEditing(organization)"
                        >
                          {{ 'admin.edit' | t }}
                        </button>
                        @if (organization.id !== me.organization.id) {
                          <button
                            type="button"
                            class="button button--secondary"
                            [id]="'organization-toggle-' + organization.id"
                            [attr.aria-label]="
                              (organization.disabledAt ? 'admin.organizations.enable.label' : 'admin.organizations.disable.label')
                                | t: { name: organization.name }
                            "
                            (click)="askToggle(organization)"
                          >
                            {{ (organization.disabledAt ? 'admin.enable' : 'admin.disable') | t }}
                          </button>
                        }
                        <a
                          [routerLink]="['/admin/users']"
                          [queryParams]="{ organizationId: organization.id }"
                          [attr.aria-label]="'admin.organizations.people.label' | t: { name: organization.name }"
                          >{{ 'admin.organizations.people' | t }}</a
                        >
                      </div>
                    }
                  }
                </article>
              </li>
            }
          </ul>
          <dm-load-more [list]="list" (loaded)="focusRow($event)" />
        }
      }
    </section>
  `,
  styles: `
    .create {
      margin-bottom: var(--space-4);
    }
    .search {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: var(--space-2) var(--space-3);
      margin: 0 0 var(--space-3);
    }
    .organizations {
      display: flex;
      flex-direction: column;
      gap: var(--space-3);
      margin: 0 0 var(--space-3);
      padding: 0;
      list-style: none;
    }
    .organization {
      padding: var(--space-3);
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
      background: var(--color-bg);
    }
    .organization--disabled {
      border-style: dashed;
      background: var(--color-surface);
    }
    .organization__name {
      margin: 0 0 var(--space-1);
      font-size: 1.125rem;
    }
    .organization__meta {
      margin: 0 0 var(--space-2);
      color: var(--color-text-muted);
    }
    .disabled {
      color: var(--color-bad);
    }
    .organization__facts {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-1) var(--space-4);
      margin: 0 0 var(--space-2);
    }
    .organization__facts dt {
      display: inline;
      color: var(--color-text-muted);
    }
    .organization__facts dt::after {
      content: ': ';
    }
    .organization__facts dd {
      display: inline;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .organization__actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-2) var(--space-3);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganizationsPage {
  private readonly api = inject(ApiClient);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly me = signedInUser(inject(Session));
  protected readonly dates = personDates();
  protected readonly kindKey = kindKey;

  /** The text being typed; the list follows it on "Search". */
  protected readonly query = signal('');
  private readonly searched = signal('');
  protected readonly list = new PagedList<Organization>(
    (cursor) => this.api.get('/api/organizations', { params: { q: this.searched() || undefined, cursor } }),
    'admin.organizations.notFound',
  );
  protected readonly created = signal<Organization | null>(null);
  protected readonly notice = signal<Message | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly disabling = new DisableToggle<Organization>({
    send: (organization, disable) => {
      const options = { pathParams: { id: organization.id } };
      return disable
        ? this.api.post('/api/organizations/{id}/disable', undefined, options)
        : this.api.post('/api/organizations/{id}/enable', undefined, options);
    },
    saved: (saved, disabled) => {
      this.list.replace(saved);
      this.notice.set(message(disabled ? 'admin.organizations.disabled' : 'admin.organizations.enabled', { name: saved.name }));
    },
    focusBack: (organization) => this.focus(`organization-toggle-${organization.id}`),
    codes: CODES,
  });

  constructor() {
    void this.list.load();
  }

  protected search(): void {
    this.searched.set(this.query().trim());
    this.notice.set(null);
    this.editing.set(null);
    this.disabling.close();
    void this.list.load();
  }

  /** After "Load more": focus on the first new row. */
  protected focusRow(first: { readonly id: string }): void {
    this.focus(`organization-${first.id}`);
  }

  protected added(organization: Organization): void {
    this.created.set(organization);
    void this.list.load();
  }

  protected startEditing(organization: Organization): void {
    this.disabling.close();
    this.notice.set(null);
    this.editing.set(organization.id);
  }

  protected stopEditing(organization: Organization): void {
    this.editing.set(null);
    this.focus(`organization-edit-${organization.id}`);
  }

  protected edited(organization: Organization): void {
    this.list.replace(organization);
    this.notice.set(message('admin.organizations.saved', { name: organization.name }));
    this.stopEditing(organization);
  }

  protected askToggle(organization: Organization): void {
    this.editing.set(null);
    this.notice.set(null);
    this.disabling.ask(organization);
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  private focus(id: string): void {
    focusAfterRender(this.injector, () => this.host.ownerDocument.getElementById(id)?.focus());
  }
}
