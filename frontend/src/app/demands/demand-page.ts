import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { StatusChip } from '../campaigns/status-chip';
import { statusKey } from '../campaigns/demand-status';
import { ApiClient } from '../core/api/api-client';
import { formatDay, formatInstant } from '../core/dates/dates';
import { FormAlert } from '../core/forms/form-alert';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session, signedInUser } from '../core/session/session';
import { DemandFollowUps } from './demand-follow-ups';
import { categoryKey, priorityKey } from './demand-labels';
import { DemandResponses } from './demand-responses';
import type { Campaign, DemandDetail } from './demand-types';
import { FlashNotice } from '../core/ui/flash-notice';
import { LOADING, loadError, type LoadState } from '../core/api/load-state';
import { routeParam } from './route-param';
import { StatusChangeForm } from './status-change-form';
import { systemNoteText } from './system-note';

interface Loaded {
  readonly demand: DemandDetail;
  readonly campaign: Campaign;
}

/**
 * `/campaigns/:campaignId/demands/:demandId`: one demand — the letter's words, the office and who
 * holds it, the deadline in the person's zone, its status history, the responses that answered
 * it and the follow-ups on it — with a status move for coordinators of a lead organization and
 * a "Log a response" link pre-filled with this demand.
 */
@Component({
  selector: 'dm-demand-page',
  imports: [TPipe, RouterLink, FormAlert, StatusChip, FlashNotice, StatusChangeForm, DemandResponses, DemandFollowUps],
  template: `
    <p class="back">
      <a [routerLink]="['/campaigns', campaignId()]">{{ backLabel() }}</a>
    </p>
    <dm-flash-notice />
    @let current = state();
    @switch (current.kind) {
      @case ('loading') {
        <h1>{{ 'demand.title' | t }}</h1>
        <p role="status">{{ 'demand.loading' | t }}</p>
      }
      @case ('error') {
        <h1>{{ 'demand.title' | t }}</h1>
        <dm-form-alert [message]="current.message" />
        <button type="button" class="button" (click)="reload()">{{ 'form.retry' | t }}</button>
      }
      @case ('ready') {
        @let demand = current.value.demand;
        <header class="head">
          <h1>
            {{ 'demand.heading' | t: { office: demand.office.title } }}
            @if (demand.reference) {
              <small class="ref">{{ demand.reference }}</small>
            }
          </h1>
          <p class="head__status">
            <span class="visually-hidden">{{ 'demand.status' | t }}:</span>
            <dm-status-chip [status]="demand.status" />
          </p>
          <a
            class="button"
            [routerLink]="['/campaigns', campaignId(), 'responses', 'new']"
            [queryParams]="{ demandId: demand.id, institutionId: demand.office.institutionId, from: 'demand' }"
            >{{ 'demand.logResponse' | t }}</a
          >
        </header>

        <section class="stack" aria-labelledby="demand-text-heading">
          <h2 id="demand-text-heading">{{ 'demand.text.heading' | t }}</h2>
          <blockquote class="words">{{ demand.text }}</blockquote>
        </section>

        <dl class="facts">
          <div>
            <dt>{{ 'demand.office' | t }}</dt>
            <dd>
              {{ demand.office.title }} <span class="muted">({{ demand.office.institutionName }})</span>
            </dd>
          </div>
          <div>
            <dt>{{ 'demand.holder' | t }}</dt>
            <dd>
              @if (demand.office.currentHolder; as holder) {
                {{ holder.name }}
                @if (holder.endsSoon) {
                  <span class="muted">({{ 'demand.holder.endsSoon' | t }})</span>
                }
              } @else if (demand.office.isCollective) {
                {{ 'demand.holder.collective' | t }}
              } @else {
                {{ 'demand.holder.unknown' | t }}
              }
            </dd>
          </div>
          <div>
            <dt>{{ 'demand.deadline' | t }}</dt>
            <dd>
              @if (demand.deadline; as deadline) {
                {{ 'demand.deadline.value' | t: { date: instant(deadline.at), zone: timeZone } }}
                @switch (deadline.follows) {
                  @case ('milestone') {
                    <span class="follows">{{ 'demand.deadline.milestone' | t: { milestone: deadline.milestoneTitle ?? '' } }}</span>
                  }
                  @case ('term') {
                    <span class="follows">{{ 'demand.deadline.term' | t }}</span>
                  }
                }
                @if (deadline.timeZone !== timeZone) {
                  <span class="follows muted">{{
                    'demand.deadline.statedIn' | t: { date: instant(deadline.at, deadline.timeZone), zone: deadline.timeZone }
                  }}</span>
                }
              } @else {
                {{ 'demand.deadline.none' | t }}
              }
            </dd>
          </div>
          <div>
            <dt>{{ 'demand.category' | t }}</dt>
            <dd>{{ categoryKey(demand.category) | t }}</dd>
          </div>
          <div>
            <dt>{{ 'demand.priority' | t }}</dt>
            <dd>{{ priorityKey(demand.priority) | t }}</dd>
          </div>
          <div>
            <dt>{{ 'demand.sentAt' | t }}</dt>
            <dd>{{ demand.sentAt ? instant(demand.sentAt) : ('demand.sentAt.never' | t) }}</dd>
          </div>
          @if (demand.notes) {
            <div class="facts__wide">
              <dt>{{ 'demand.notes' | t }}</dt>
              <dd>{{ demand.notes }}</dd>
            </div>
          }
        </dl>

        <div class="stack">
          @if (current.value.campaign.access.canCoordinate) {
            <dm-status-change-form [demand]="demand" (changed)="changed($event)" (stale)="reload()" />
          } @else if (demand.nextStatuses.length > 0) {
            <p class="muted">{{ 'demand.changeStatus.coordinatorsOnly' | t }}</p>
          }

          <section class="panel" aria-labelledby="demand-history-heading">
            <h2 id="demand-history-heading">{{ 'demand.history.heading' | t }}</h2>
            @if (history().length === 0) {
              <p class="muted">{{ 'demand.history.empty' | t }}</p>
            } @else {
              <ol class="history">
                @for (change of history(); track $index) {
                  <li>
                    <p class="history__move">
                      @if (change.fromStatus) {
                        {{ 'demand.history.move' | t: { from: statusName(change.fromStatus), to: statusName(change.toStatus) } }}
                      } @else {
                        {{ 'demand.history.first' | t: { to: statusName(change.toStatus) } }}
                      }
                    </p>
                    <p class="muted">
                      {{
                        'demand.history.byWhen'
                          | t: { who: change.actorName ?? ('demand.history.system' | t), when: instant(change.changedAt) }
                      }}
                    </p>
                    @if (change.note) {
                      <p class="history__note">{{ change.note }}</p>
                    }
                    @if (systemNote(change.systemNote); as note) {
                      <p class="history__note">{{ note }}</p>
                    }
                  </li>
                }
              </ol>
            }
          </section>

          <dm-demand-responses [campaignId]="campaignId()" [demandId]="demand.id" />
          <dm-demand-follow-ups [campaignId]="campaignId()" [demandId]="demand.id" />
        </div>
      }
    }
  `,
  styles: `
    .back {
      margin-bottom: var(--space-2);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-2) var(--space-3);
      margin-bottom: var(--space-4);
    }
    .head h1 {
      margin: 0;
      flex-basis: 100%;
    }
    .head__status {
      margin: 0;
    }
    .ref {
      display: block;
      font-size: 0.95rem;
      font-weight: 400;
      color: var(--color-text-muted);
    }
    .words {
      margin: 0 0 var(--space-4);
      padding: var(--space-3);
      border-left: 4px solid var(--color-brand);
      background: var(--color-surface);
      font-size: 1.1rem;
    }
    .follows {
      display: block;
      font-weight: 400;
    }
    .history {
      margin: 0;
      padding-left: var(--space-4);
    }
    .history li + li {
      margin-top: var(--space-3);
    }
    .history p {
      margin: 0;
    }
    .history__move {
      font-weight: 600;
    }
    .history__note {
      white-space: pre-line;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DemandPage {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  protected readonly timeZone = signedInUser(inject(Session)).timeZone;
  protected readonly categoryKey = categoryKey;
  protected readonly priorityKey = priorityKey;

  protected readonly campaignId = routeParam('campaignId');
  protected readonly demandId = routeParam('demandId');
  protected readonly state = signal<LoadState<Loaded>>(LOADING);
  /** Newest first: what happened last is what people look for. */
  protected readonly history = computed(() => {
    const current = this.state();
    return current.kind === 'ready' ? [...current.value.demand.history].reverse() : [];
  });
  protected readonly backLabel = computed(() => {
    const current = this.state();
    return current.kind === 'ready'
      ? this.i18n.translate('demand.back', { campaign: current.value.campaign.title })
      : this.i18n.translate('demand.back.plain');
  });
  /** Each load is numbered: the answer to an older one (another demand) is dropped. */
  private generation = 0;

  constructor() {
    effect(() => {
      const campaignId = this.campaignId();
      const demandId = this.demandId();
      untracked(() => void this.load(campaignId, demandId));
    });
  }

  protected instant(iso: string, timeZone: string = this.timeZone): string {
    return formatInstant(iso, this.i18n.locale(), timeZone);
  }

  /** A note the system wrote, in the reader's language. */
  protected systemNote(note: unknown): string | null {
    return systemNoteText(this.i18n, (day) => formatDay(day, this.i18n.locale()), note);
  }

  protected statusName(status: DemandDetail['status']): string {
    return this.i18n.translate(statusKey(status));
  }

  protected reload(): void {
    void this.load(this.campaignId(), this.demandId());
  }

  /** The status moved: the form answered with the demand as it is now (history included). */
  protected changed(demand: DemandDetail): void {
    const current = this.state();
    if (current.kind === 'ready') {
      this.state.set({ kind: 'ready', value: { ...current.value, demand } });
    }
  }

  private async load(campaignId: string, demandId: string): Promise<void> {
    const generation = ++this.generation;
    // A refresh keeps the page in place (the status form keeps its message); a first load says so.
    if (this.state().kind !== 'ready' || this.loadedId() !== demandId) {
      this.state.set(LOADING);
    }
    try {
      const [demand, campaign] = await Promise.all([
        firstValueFrom(this.api.get('/api/demands/{id}', { pathParams: { id: demandId } })),
        firstValueFrom(this.api.get('/api/campaigns/{id}', { pathParams: { id: campaignId } })),
      ]);
      if (generation === this.generation) {
        this.state.set({ kind: 'ready', value: { demand, campaign } });
      }
    } catch (error) {
      if (generation === this.generation) {
        this.state.set(loadError(error, 'demand.notFound'));
      }
    }
  }

  private loadedId(): string | null {
    const current = this.state();
    return current.kind === 'ready' ? current.value.demand.id : null;
  }
}
