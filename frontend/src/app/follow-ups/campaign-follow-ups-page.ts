import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import type { components } from '../core/api/schema.generated';
import { LoadStatus } from '../core/ui/load-status';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import { LOADING, loadError, type LoadState } from '../core/api/load-state';
import { routeParam } from '../demands/route-param';
import { FollowUpCard } from './follow-up-card';
import { FollowUpCreateForm } from './follow-up-create-form';
import { NO_FILTERS, filterQuery, type FollowUp, type FollowUpFilters } from './follow-up-data';
import { allPages } from '../core/api/pages';
import { FollowUpFiltersBar } from './follow-up-filters';
import { personDates } from '../core/dates/person-dates';

type Campaign = components['schemas']['CampaignDto'];
type Demand = components['schemas']['DemandDto'];

interface Loaded {
  readonly campaign: Campaign;
  readonly demands: readonly Demand[];
}

/**
 * `/campaigns/:campaignId/follow-ups` (`?demandId=` pre-fills the demand): the campaign's
 * follow-ups with filters, and, for coordinators of a lead organization, the form to assign one.
 */
@Component({
  selector: 'dm-campaign-follow-ups-page',
  imports: [TPipe, RouterLink, LoadStatus, FollowUpCard, FollowUpCreateForm, FollowUpFiltersBar],
  template: `
    <p class="back">
      <a [routerLink]="['/campaigns', campaignId()]">{{ 'followUps.back.overview' | t }}</a>
      · <a [routerLink]="['/campaigns', campaignId(), 'calendar']">{{ 'calendar.title' | t }}</a>
    </p>
    <h1>{{ 'followUps.campaign.title' | t }}</h1>
    @let current = data();
    <dm-load-status [state]="current" loading="followUps.campaign.loading" (retry)="load()" />
    @if (current.kind === 'ready') {
      <p class="muted">{{ current.value.campaign.title }}</p>
      @if (created(); as item) {
        <p class="alert alert--ok" role="status">
          {{ 'followUps.created' | t: { title: item.title, organization: item.organizationName } }}
        </p>
      }
      <section aria-labelledby="fu-list-heading">
        <h2 id="fu-list-heading">{{ 'followUps.campaign.list' | t }}</h2>
        <dm-follow-up-filters [value]="filters()" (valueChange)="filters.set($event); loadList()" />
        @let list = items();
        <dm-load-status [state]="list" loading="followUps.loading" (retry)="loadList()" />
        @if (list.kind === 'ready') {
          @if (visible().length === 0) {
            <p class="panel">{{ 'followUps.empty' | t }}</p>
          } @else {
            <ul class="list">
              @for (item of visible(); track item.id) {
                <li>
                  <dm-follow-up-card [followUp]="item" [showCampaign]="false" [canAct]="canAct(item)" (changed)="replace($event)" />
                </li>
              }
            </ul>
          }
        }
      </section>
      @if (current.value.campaign.access.canCoordinate) {
        <section class="panel create" aria-labelledby="fu-create-heading">
          <h2 id="fu-create-heading">{{ 'followUps.form.heading' | t }}</h2>
          <dm-follow-up-create-form
            [campaign]="current.value.campaign"
            [demands]="current.value.demands"
            [demandId]="preDemandId"
            (created)="added($event)"
          />
        </section>
      }
    }
  `,
  styles: `
    .back {
      margin-bottom: var(--space-2);
    }
    .list {
      display: flex;
      flex-direction: column;
      gap: var(--space-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .create {
      margin-top: var(--space-4);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignFollowUpsPage {
  private readonly api = inject(ApiClient);
  private readonly session = inject(Session);
  private readonly dates = personDates();
  protected readonly campaignId = routeParam('campaignId');
  protected readonly preDemandId = inject(ActivatedRoute).snapshot.queryParamMap.get('demandId') ?? '';
  protected readonly data = signal<LoadState<Loaded>>(LOADING);
  protected readonly items = signal<LoadState<readonly FollowUp[]>>(LOADING);
  protected readonly filters = signal<FollowUpFilters>(NO_FILTERS);
  protected readonly created = signal<FollowUp | null>(null);
  private generation = 0;

  protected readonly visible = computed(() => {
    const current = this.items();
    const overdueOnly = this.filters().overdueOnly;
    return current.kind === 'ready' ? current.value.filter((item) => !overdueOnly || item.overdue) : [];
  });

  constructor() {
    effect(() => {
      this.campaignId();
      untracked(() => {
        void this.load();
        void this.loadList();
      });
    });
  }

  protected canAct(item: FollowUp): boolean {
    const current = this.data();
    if (current.kind !== 'ready') return false;
    const { access } = current.value.campaign;
    return access.canCoordinate || (access.canContribute && this.session.user()?.organization.id === item.organizationId);
  }

  protected async load(): Promise<void> {
    this.data.set(LOADING);
    try {
      const campaign = await firstValueFrom(this.api.get('/api/campaigns/{id}', { pathParams: { id: this.campaignId() } }));
      const demands = campaign.access.canCoordinate
        ? await allPages((cursor) =>
            this.api.get('/api/campaigns/{id}/demands', { pathParams: { id: this.campaignId() }, params: { limit: 200, cursor } }),
          )
        : [];
      this.data.set({ kind: 'ready', value: { campaign, demands } });
    } catch (error) {
      this.data.set(loadError(error, 'followUps.campaign.notFound'));
    }
  }

  protected async loadList(): Promise<void> {
    const generation = ++this.generation;
    this.items.set(LOADING);
    try {
      const query = filterQuery(this.filters(), this.dates.zone());
      const items = await allPages((cursor) =>
        this.api.get('/api/campaigns/{id}/follow-ups', { pathParams: { id: this.campaignId() }, params: { limit: 200, cursor, ...query } }),
      );
      if (generation === this.generation) this.items.set({ kind: 'ready', value: items });
    } catch (error) {
      if (generation === this.generation) this.items.set(loadError(error, 'followUps.campaign.notFound'));
    }
  }

  protected added(item: FollowUp): void {
    this.created.set(item);
    void this.loadList();
  }

  protected replace(updated: FollowUp): void {
    this.items.update((current) =>
      current.kind === 'ready' ? { kind: 'ready', value: current.value.map((item) => (item.id === updated.id ? updated : item)) } : current,
    );
  }
}
