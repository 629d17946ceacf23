import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ApiClient, type ResponseBody } from '../core/api/api-client';
import { toApiError } from '../core/api/api-error';
import { loadFor } from '../core/api/load-state';
import { personDates } from '../core/dates/person-dates';
import { FormAlert } from '../core/forms/form-alert';
import { feedbackFor } from '../core/forms/form-feedback';
import { message, type Message } from '../core/forms/message';
import type { TranslationKey } from '../core/i18n/dictionary';
import { TPipe } from '../core/i18n/t-pipe';

export type CampaignInvitation = ResponseBody<'/api/campaign-invitations', 'get'>['items'][number];
type Answer = 'accept' | 'decline';

/** `record` without `key`. */
function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** The most shown at once; an organization rarely has more than one or two waiting. */
const SHOWN = 50;

/**
 * On the home page of a coordinator: the invitations for their organization to join a campaign,
 * each with Accept and Decline. Until they accept, the inviters see only the organization's name
 * (DESIGN.md); accepting makes it part of the campaign in the role offered. Nothing is shown when
 * there is nothing to answer. Loaded lazily by the home page, for coordinators and admins only.
 */
@Component({
  selector: 'dm-campaign-invitations',
  imports: [TPipe, RouterLink, FormAlert],
  template: `
    @let current = loaded.state();
    @switch (current.kind) {
      @case ('error') {
        <section class="invitations" aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">{{ 'home.invitations.heading' | t }}</h2>
          <dm-form-alert [message]="current.message" />
          <button type="button" class="button button--secondary" (click)="loaded.reload()">{{ 'form.retry' | t }}</button>
        </section>
      }
      @case ('ready') {
        @if (current.value.length > 0) {
          <section class="invitations" aria-labelledby="invitations-heading">
            <h2 id="invitations-heading">{{ 'home.invitations.heading' | t }}</h2>
            <p class="muted">{{ 'home.invitations.intro' | t }}</p>
            <ul class="invitations__list">
              @for (invitation of current.value; track invitation.id) {
                <li class="invitation panel" [attr.data-invitation-id]="invitation.id">
                  <h3 class="invitation__title" [id]="'invitation-' + invitation.id">{{ invitation.campaignTitle }}</h3>
                  <p class="invitation__offer">
                    {{
                      (invitation.invitedByOrganizationName ? 'home.invitations.offer' : 'home.invitations.offerUnknown')
                        | t: { organization: invitation.invitedByOrganizationName ?? '', role: roleKey(invitation.role) | t }
                    }}
                  </p>
                  <p class="muted invitation__sent">
                    {{
                      (invitation.invitedByName ? 'home.invitations.sentBy' : 'home.invitations.sent')
                        | t: { name: invitation.invitedByName ?? '', date: dates.instant(invitation.createdAt) }
                    }}
                  </p>
                  @if (invitation.campaignSummary) {
                    <p class="invitation__summary">{{ invitation.campaignSummary }}</p>
                  }
                  @if (outcomes()[invitation.id]; as outcome) {
                    <p class="alert alert--ok" role="status">
                      @if (outcome === 'accepted') {
                        {{ 'home.invitations.accepted' | t }}
                        <a [routerLink]="['/campaigns', invitation.campaignId]">{{ 'home.invitations.open' | t }}</a>
                      } @else {
                        {{ 'home.invitations.declined' | t }}
                      }
                    </p>
                  } @else {
                    @if (errors()[invitation.id]; as error) {
                      <dm-form-alert [message]="error" />
                    }
                    <div class="invitation__actions" role="group" [attr.aria-labelledby]="'invitation-' + invitation.id">
                      <button
                        type="button"
                        class="button"
                        [attr.aria-disabled]="busy() === invitation.id ? 'true' : null"
                        (click)="answer(invitation, 'accept')"
                      >
                        {{
                          (busy() === invitation.id && pending() === 'accept' ? 'home.invitations.accepting' : 'home.invitations.accept')
                            | t
                        }}
                      </button>
                      <button
                        type="button"
                        class="button button--secondary"
                        [attr.aria-disabled]="busy() === invitation.id ? 'true' : null"
                        (click)="answer(invitation, 'decline')"
                      >
                        {{
                          (busy() === invitation.id && pending() === 'decline' ? 'home.invitations.declining' : 'home.invitations.decline')
                            | t
                        }}
                      </button>
                    </div>
                  }
                </li>
              }
            </ul>
          </section>
        }
      }
    }
  `,
  styles: `
    .invitations {
      max-width: 42rem;
      margin-bottom: var(--space-5, 2rem);
    }
    .invitations__list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--space-3);
    }
    .invitation > * {
      margin: 0;
    }
    .invitation > * + * {
      margin-top: var(--space-2);
    }
    .invitation__title {
      font-size: 1.15rem;
      overflow-wrap: anywhere;
    }
    .invitation__summary {
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .invitation__actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
      padding-top: var(--space-1);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignInvitations {
  private readonly api = inject(ApiClient);
  protected readonly dates = personDates();

  protected readonly loaded = loadFor(
    () => SHOWN,
    async (limit) => (await firstValueFrom(this.api.get('/api/campaign-invitations', { params: { limit } }))).items,
    'home.invitations.gone',
  );

  /** The invitation being answered, and how. */
  protected readonly busy = signal<string | null>(null);
  protected readonly pending = signal<Answer | null>(null);
  /** Answers given on this page, by invitation: the card then says what happened. */
  protected readonly outcomes = signal<Readonly<Record<string, 'accepted' | 'declined'>>>({});
  protected readonly errors = signal<Readonly<Record<string, Message>>>({});

  protected roleKey(role: CampaignInvitation['role']): TranslationKey {
    return `home.invitations.role.${role}`;
  }

  protected async answer(invitation: CampaignInvitation, answer: Answer): Promise<void> {
    if (this.busy() !== null) {
      return;
    }
    this.busy.set(invitation.id);
    this.pending.set(answer);
    this.errors.update((all) => without(all, invitation.id));
    try {
      const path = answer === 'accept' ? '/api/campaign-invitations/{id}/accept' : '/api/campaign-invitations/{id}/decline';
      const decided = await firstValueFrom(this.api.post(path, undefined, { pathParams: { id: invitation.id } }));
      this.outcomes.update((all) => ({ ...all, [invitation.id]: decided.status === 'accepted' ? 'accepted' : 'declined' }));
    } catch (error) {
      const problem =
        toApiError(error).statusCode === 404
          ? message('home.invitations.gone')
          : (feedbackFor(error, [], { invitation_decided: message('home.invitations.decided') }).form ?? message('form.error.unexpected'));
      this.errors.update((all) => ({ ...all, [invitation.id]: problem }));
    } finally {
      this.busy.set(null);
      this.pending.set(null);
    }
  }
}
