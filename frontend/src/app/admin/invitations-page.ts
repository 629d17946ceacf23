import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { roleKey } from '../account/roles';
import { ApiClient } from '../core/api/api-client';
import { toApiError } from '../core/api/api-error';
import { BindField } from '../core/forms/bind-field';
import { emailAddress, required } from '../core/forms/checks';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { LoadStatus } from '../core/ui/load-status';
import { feedbackFor } from '../core/forms/form-feedback';
import { FormState } from '../core/forms/form-state';
import { message, type Message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import { TPipe } from '../core/i18n/t-pipe';
import { Session, signedInUser } from '../core/session/session';
import { LOADING, loadError, type LoadState } from '../core/api/load-state';
import { allPages } from '../core/api/pages';
import { focusAfterRender } from '../core/ui/focus-after-render';
import { invitableRoles, type Invitation, type NewInvitation, type Organization } from './admin-data';
import { AdminNav } from './admin-nav';
import { ConfirmAction } from './confirm-action';
import { LoadMore, PagedList } from './paged-list';
import { personDates } from '../core/dates/person-dates';

type Field = 'email' | 'organizationId' | 'role';
type OrganizationChoice = Pick<Organization, 'id' | 'name'>;

/**
 * `/admin/invitations`: invite someone by e-mail to an organization with a role, and the pending
 * invitations, which can be revoked. Administrators invite to any active organization with any
 * role; coordinators to their own organization, not as administrators (the API's rules).
 */
@Component({
  selector: 'dm-invitations-page',
  imports: [TPipe, AdminNav, BindField, FieldError, FormAlert, LoadStatus, SubmitButton, ConfirmAction, LoadMore],
  template: `
    <dm-admin-nav />
    <h1>{{ 'admin.invitations.title' | t }}</h1>
    <p class="muted">{{ 'admin.invitations.intro' | t }}</p>

    <section class="panel invite" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{{ 'admin.invite.heading' | t }}</h2>
      @if (sentTo(); as email) {
        <p class="alert alert--ok" role="status">{{ 'admin.invite.sent' | t: { email } }}</p>
      }
      @let choices = organizations();
      <dm-load-status [state]="choices" loading="admin.invite.loadingOrganizations" (retry)="loadOrganizations()" />
      @if (choices.kind === 'ready') {
        <form class="form" novalidate (submit)="$event.preventDefault(); invite()">
          @if (state.formError(); as error) {
            <dm-form-alert [id]="state.alertId" [message]="error" />
          }
          <div class="field">
            <label class="field__label" for="invite-email">{{ 'admin.invite.email' | t }}</label>
            <input
              id="invite-email"
              class="input"
              type="email"
              autocomplete="off"
              spellcheck="false"
              required
              maxlength="320"
              [dmField]="state.fields.email"
            />
            @if (state.errors().email; as error) {
              <dm-field-error [id]="state.errorId('email')" [message]="error" />
            }
          </div>
          <div class="field">
            <label class="field__label" for="invite-organization">{{ 'admin.invite.organization' | t }}</label>
            @if (isAdmin) {
              <select id="invite-organization" class="input" required [dmField]="state.fields.organizationId">
                <option value="" [selected]="state.fields.organizationId.value() === ''">
                  {{ 'admin.invite.chooseOrganization' | t }}
                </option>
                @for (organization of choices.value; track organization.id) {
                  <option [value]="organization.id" [selected]="organization.id === state.fields.organizationId.value()">
                    {{ organization.name }}
                  </option>
                }
              </select>
            } @else {
              <p class="field__hint" id="invite-organization-hint">{{ 'admin.invite.organization.own' | t }}</p>
              <input
                id="invite-organization"
                class="input"
                type="text"
                readonly
                [value]="me.organization.name"
                aria-describedby="invite-organization-hint"
              />
            }
            @if (state.errors().organizationId; as error) {
              <dm-field-error [id]="state.errorId('organizationId')" [message]="error" />
            }
          </div>
          <div class="field">
            <label class="field__label" for="invite-role">{{ 'admin.invite.role' | t }}</label>
            @if (!isAdmin) {
              <p class="field__hint" id="invite-role-hint">{{ 'admin.invite.role.notAdmin' | t }}</p>
            }
            <select
              id="invite-role"
              class="input"
              required
              [dmField]="state.fields.role"
              [dmHint]="isAdmin ? undefined : 'invite-role-hint'"
            >
              @for (role of roles; track role) {
                <option [value]="role" [selected]="role === state.fields.role.value()">{{ roleKey(role) | t }}</option>
              }
            </select>
            @if (state.errors().role; as error) {
              <dm-field-error [id]="state.errorId('role')" [message]="error" />
            }
          </div>
          <div class="form__actions">
            <button dmSubmit [busy]="state.submitting()" label="admin.invite.submit" busyLabel="admin.invite.submitting"></button>
          </div>
        </form>
      }
    </section>

    <section class="pending" aria-labelledby="pending-heading">
      <h2 id="pending-heading" tabindex="-1">{{ 'admin.invitations.pending' | t }}</h2>
      @if (notice(); as notice) {
        <dm-form-alert kind="ok" [message]="notice" />
      }
      @let current = list.state();
      <dm-load-status [state]="current" loading="admin.invitations.loading" (retry)="list.load()" />
      @if (current.kind === 'ready') {
        @if (current.value.items.length === 0) {
          <p class="panel">{{ 'admin.invitations.empty' | t }}</p>
        } @else {
          <div class="table-scroll">
            <table class="table">
              <caption class="visually-hidden">
                {{
                  'admin.invitations.pending' | t
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'admin.invitations.column.email' | t }}</th>
                  <th scope="col">{{ 'admin.invitations.column.organization' | t }}</th>
                  <th scope="col">{{ 'admin.invitations.column.role' | t }}</th>
                  <th scope="col">{{ 'admin.invitations.column.sent' | t }}</th>
                  <th scope="col">{{ 'admin.invitations.column.expires' | t }}</th>
                  <th scope="col">
                    <span class="visually-hidden">{{ 'admin.column.actions' | t }}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                @for (invitation of current.value.items; track invitation.id) {
                  <tr [attr.data-invitation-id]="invitation.id">
                    <th scope="row" tabindex="-1" [id]="'invitation-' + invitation.id">{{ invitation.email }}</th>
                    <td>{{ invitation.organizationName }}</td>
                    <td>{{ roleKey(invitation.role) | t }}</td>
                    <td>{{ dates.instant(invitation.createdAt) }}</td>
                    <td>{{ dates.instant(invitation.expiresAt) }}</td>
                    <td class="actions">
                      @if (confirming() === invitation.id) {
                        <dm-confirm-action
                          [questionId]="'revoke-question-' + invitation.id"
                          [question]="'admin.invitations.revoke.question' | t: { email: invitation.email }"
                          confirmLabel="admin.invitations.revoke.confirm"
                          busyLabel="admin.invitations.revoke.revoking"
                          [busy]="revoking()"
                          [error]="revokeError()"
                          (confirmed)="revoke(invitation)"
                          (cancelled)="cancelRevoke(invitation)"
                        />
                      } @else {
                        <button
                          type="button"
                          class="button button--secondary"
                          [id]="'revoke-' + invitation.id"
                          [attr.aria-label]="'admin.invitations.revoke.label' | t: { email: invitation.email }"
                          (click)="askRevoke(invitation)"
                        >
                          {{ 'admin.invitations.revoke' | t }}
                        </button>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <dm-load-more [list]="list" (loaded)="focusRow($event)" />
        }
      }
    </section>
  `,
  styles: `
    .invite {
      margin-bottom: var(--space-4);
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
    .table tbody th {
      overflow-wrap: anywhere;
    }
    .actions {
      min-width: 12rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationsPage {
  private readonly api = inject(ApiClient);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly me = signedInUser(inject(Session));
  protected readonly isAdmin = this.me.role === 'admin';
  protected readonly dates = personDates();
  protected readonly roles = invitableRoles(this.me.role);
  protected readonly roleKey = roleKey;

  /** Administrators choose among the active organizations; coordinators invite to their own. */
  protected readonly organizations = signal<LoadState<readonly OrganizationChoice[]>>(
    this.isAdmin ? LOADING : { kind: 'ready', value: [this.me.organization] },
  );
  protected readonly sentTo = signal<string | null>(null);
  protected readonly notice = signal<Message | null>(null);
  protected readonly state = new FormState<Field>(
    'invite',
    {
      email: { checks: [required(message('admin.invite.email.required')), emailAddress(message('field.email.invalid'))] },
      organizationId: {
        value: this.isAdmin ? '' : this.me.organization.id,
        checks: [required(message('admin.invite.organization.required'))],
      },
      role: { value: 'member' },
    },
    this.injector,
    this.host,
  );

  protected readonly list = new PagedList<Invitation>(
    (cursor) => this.api.get('/api/invitations', { params: { cursor } }),
    'admin.invitations.notFound',
  );
  protected readonly confirming = signal<string | null>(null);
  protected readonly revoking = signal(false);
  protected readonly revokeError = signal<Message | null>(null);

  constructor() {
    void this.list.load();
    if (this.isAdmin) {
      void this.loadOrganizations();
    }
  }

  protected async loadOrganizations(): Promise<void> {
    this.organizations.set(LOADING);
    try {
      const organizations = await allPages((cursor) => this.api.get('/api/organizations', { params: { limit: 200, cursor } }));
      // Invitations to a disabled organization are refused: do not offer them.
      this.organizations.set({
        kind: 'ready',
        value: organizations.filter((o) => !o.disabledAt).map(({ id, name }) => ({ id, name })),
      });
    } catch (error) {
      this.organizations.set(loadError(error, 'admin.organizations.notFound'));
    }
  }

  protected async invite(): Promise<void> {
    const v = this.state.values();
    const body: NewInvitation = {
      email: v.email.trim(),
      organizationId: this.isAdmin ? v.organizationId : this.me.organization.id,
      role: this.roles.find((role) => role === v.role) ?? 'member',
    };
    let sent: Invitation | undefined;
    this.sentTo.set(null);
    this.notice.set(null);
    const done = await this.state.submit(
      async () => {
        sent = await firstValueFrom(this.api.post('/api/invitations', body));
      },
      {
        email_taken: { field: 'email', message: message('admin.invite.email.taken') },
        forbidden: message('admin.invite.forbidden'),
      },
    );
    if (done && sent) {
      this.sentTo.set(sent.email);
      this.state.setValues({ email: '' });
      void this.list.load();
    }
  }

  /** After "Load more": focus on the first new row. */
  protected focusRow(first: { readonly id: string }): void {
    this.focus(`invitation-${first.id}`);
  }

  protected askRevoke(invitation: Invitation): void {
    this.notice.set(null);
    this.revokeError.set(null);
    this.confirming.set(invitation.id);
  }

  protected cancelRevoke(invitation: Invitation): void {
    this.confirming.set(null);
    this.focus(`revoke-${invitation.id}`);
  }

  protected async revoke(invitation: Invitation): Promise<void> {
    if (this.revoking()) {
      return;
    }
    this.revoking.set(true);
    this.revokeError.set(null);
    try {
      await firstValueFrom(this.api.delete('/api/invitations/{id}', { pathParams: { id: invitation.id } })).catch((error: unknown) => {
        if (toApiError(error).statusCode !== 404) {
          throw error; // 404: revoked or accepted meanwhile; either way it is no longer pending
        }
      });
      this.list.remove(invitation.id);
      this.confirming.set(null);
      this.notice.set(message('admin.invitations.revoked', { email: invitation.email }));
      this.focus('pending-heading');
    } catch (error) {
      this.revokeError.set(feedbackFor(error, []).form);
    } finally {
      this.revoking.set(false);
    }
  }

  private focus(id: string): void {
    focusAfterRender(this.injector, () => this.host.ownerDocument.getElementById(id)?.focus());
  }
}
