import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';

import { ApiClient } from '../core/api/api-client';
import { LoadStatus } from '../core/ui/load-status';
import type { TranslationKey } from '../core/i18n/dictionary';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import { LOADING, loadError, type LoadState } from '../core/api/load-state';
import { FollowUpCard } from './follow-up-card';
import { NO_FILTERS, filterQuery, type FollowUp, type FollowUpFilters, type FollowUpStatus } from './follow-up-data';
import { allPages } from '../core/api/pages';
import { FollowUpFiltersBar, type CampaignChoice } from './follow-up-filters';
import { personDates } from '../core/dates/person-dates';

/** How long a done follow-up stays on the board. */
const RECENT_DAYS = 30;

interface Column {
  readonly status: FollowUpStatus;
  readonly heading: TranslationKey;
  readonly items: readonly FollowUp[];
}

/**
 * `/follow-ups`: the signed-in person's organization's follow-ups across campaigns, as a board
 * (open / in progress / recently done) or a filtered list. Members mark progress and complete
 * with a note from the cards.
 */
@Component({
  selector: 'dm-my-follow-ups-page',
  imports: [TPipe, LoadStatus, FollowUpCard, FollowUpFiltersBar],
  template: `
    <h1>{{ 'followUps.mine.title' | t }}</h1>
    <p class="muted">{{ 'followUps.mine.intro' | t: { organization: organization() } }}</p>

    <div class="views" role="group" [attr.aria-label]="'followUps.view' | t">
      <button type="button" class="button button--secondary" [attr.aria-pressed]="view() === 'board'" (click)="view.set('board')">
        {{ 'followUps.view.board' | t }}
      </button>
      <button type="button" class="button button--secondary" [attr.aria-pressed]="view() === 'list'" (click)="view.set('list')">
        {{ 'followUps.view.list' | t }}
      </button>
    </div>

    <dm-follow-up-filters
      [value]="filters()"
      [showStatus]="view() === 'list'"
      [campaigns]="campaigns()"
      [campaignId]="campaignId()"
      (valueChange)="filters.set($event); load()"
      (campaignChange)="campaignId.set($event); load()"
    />

    @let current = state();
    <dm-load-status [state]="current" loading="followUps.loading" (retry)="load()" />
    @if (current.kind === 'ready') {
      <p class="visually-hidden" role="status">{{ 'followUps.count' | t: { count: visible().length } }}</p>
      @if (view() === 'board') {
        <div class="board">
          @for (column of columns(); track column.status) {
            <section class="column" [attr.aria-labelledby]="'column-' + column.status" [attr.data-column]="column.status">
              <h2 class="column__title" [id]="'column-' + column.status">
                {{ column.heading | t }} <span class="count">({{ column.items.length }})</span>
              </h2>
              @for (item of column.items; track item.id) {
                <dm-follow-up-card [followUp]="item" [canAct]="canAct()" (changed)="replace($event)" />
              } @empty {
                <p class="muted">{{ 'followUps.column.empty' | t }}</p>
              }
            </section>
          }
        </div>
      } @else {
        @if (visible().length === 0) {
          <p class="panel">{{ 'followUps.empty' | t }}</p>
        } @else {
          <ul class="list">
            @for (item of visible(); track item.id) {
              <li><dm-follow-up-card [followUp]="item" [canAct]="canAct()" (changed)="replace($event)" /></li>
            }
          </ul>
        }
      }
    }
  `,
  styles: `
    .views {
      display: flex;
      gap: var(--space-2);
      margin: var(--space-3) 0;
    }
    .views [aria-pressed='true'] {
      color: #fff;
      background: var(--color-brand);
      text-decoration: underline;
    }
    .board {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr));
      gap: var(--space-3);
      align-items: start;
    }
    .column {
      display: flex;
      flex-direction: column;
      gap: var(--space-2);
      padding: var(--space-2);
      border-radius: var(--radius);
      background: var(--color-surface);
    }
    .column__title {
      margin: 0;
      font-size: 1.125rem;
    }
    .count {
      font-weight: 400;
    }
    .list {
      display: flex;
      flex-direction: column;
      gap: var(--space-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyFollowUpsPage {
  private readonly api = inject(ApiClient);
  private readonly session = inject(Session);
  private readonly dates = personDates();
  protected readonly organization = computed(() => this.session.user()?.organization.name ?? '');
  /** Observers read; everyone else in the organization updates its follow-ups. */
  protected readonly canAct = computed(() => (this.session.user()?.role ?? 'observer') !== 'observer');

  protected readonly view = signal<'board' | 'list'>('board');
  protected readonly filters = signal<FollowUpFilters>(NO_FILTERS);
  protected readonly campaignId = signal('');
  protected readonly campaigns = signal<readonly CampaignChoice[] | null>(null);
  protected readonly state = signal<LoadState<readonly FollowUp[]>>(LOADING);
  private generation = 0;

  /** What the view shows: the list filters by status; "overdue only" also on the board. */
  protected readonly visible = computed(() => {
    const current = this.state();
    const items = current.kind === 'ready' ? current.value : [];
    const { status, overdueOnly } = this.filters();
    return items.filter(
      (item) =>
        (!overdueOnly || item.overdue) && (this.view() === 'board' ? item.status !== 'cancelled' : !status || item.status === status),
    );
  });

  protected readonly columns = computed<readonly Column[]>(() => {
    const since = Date.now() - RECENT_DAYS * 86_400_000;
    const items = this.visible();
    const done = items.filter((item) => item.status === 'done' && Date.parse(item.completedAt ?? item.updatedAt) >= since);
    return [
      { status: 'open', heading: 'followUps.column.open', items: items.filter((item) => item.status === 'open') },
      { status: 'in_progress', heading: 'followUps.column.in_progress', items: items.filter((item) => item.status === 'in_progress') },
      { status: 'done', heading: 'followUps.column.done', items: done },
    ];
  });

  constructor() {
    void this.loadCampaigns();
    void this.load();
  }

  protected async load(): Promise<void> {
    const generation = ++this.generation;
    this.state.set(LOADING);
    const { status: _status, ...query } = filterQuery(this.filters(), this.dates.zone());
    try {
      const items = await allPages((cursor) =>
        this.api.get('/api/follow-ups', {
          params: { organization: 'mine', limit: 200, cursor, ...query, campaignId: this.campaignId() || undefined },
        }),
      );
      if (generation === this.generation) {
        this.state.set({ kind: 'ready', value: items });
      }
    } catch (error) {
      if (generation === this.generation) {
        this.state.set(loadError(error, 'followUps.notFound'));
      }
    }
  }

  protected replace(updated: FollowUp): void {
    this.state.update((current) =>
      current.kind === 'ready' ? { kind: 'ready', value: current.value.map((item) => (item.id === updated.id ? updated : item)) } : current,
    );
  }

  /** The campaign filter's choices; without them the filter is simply not offered. */
  private async loadCampaigns(): Promise<void> {
    try {
      const campaigns = await allPages((cursor) => this.api.get('/api/campaigns', { params: { cursor } }));
      this.campaigns.set(campaigns.map(({ id, title }) => ({ id, title })));
    } catch {
      this.campaigns.set(null);
    }
  }
}
