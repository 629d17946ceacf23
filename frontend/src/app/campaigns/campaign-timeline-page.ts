import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { Subscription } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { FormAlert } from '../core/forms/form-alert';
import { feedbackFor } from '../core/forms/form-feedback';
import type { Message } from '../core/forms/message';
import { TPipe } from '../core/i18n/t-pipe';
import { demandLabels, loading, type DemandLabel, type Load, type TimelineEntry } from './campaign-data';
import { TimelineList } from './timeline-list';

/** Entries per page: a screenful or two. */
const PAGE_SIZE = 20;

type Page = { readonly items: readonly TimelineEntry[]; readonly nextCursor: string | null };

/**
 * `/campaigns/:campaignId/timeline`: every change in the campaign, newest first, a page at a time
 * ("Load more" follows the API's cursor). The campaign's title and its demands' names come from
 * two side requests; the timeline does without them if they fail.
 */
@Component({
  selector: 'dm-campaign-timeline-page',
  imports: [TPipe, RouterLink, FormAlert, TimelineList],
  template: `
    <p class="back">
      <a [routerLink]="['/campaigns', campaignId]">← {{ 'campaigns.timeline.back' | t }}</a>
    </p>
    <h1>{{ 'campaigns.timeline.heading' | t }}</h1>
    @if (title(); as title) {
      <p class="lead">{{ title }}</p>
    }
    <p class="muted">{{ 'campaigns.timeline.intro' | t }}</p>

    @let current = state();
    @switch (current.kind) {
      @case ('loading') {
        <p role="status">{{ 'campaigns.timeline.loading' | t }}</p>
      }
      @case ('error') {
        <dm-form-alert [message]="current.message" />
        <button type="button" class="button" (click)="load()">{{ 'campaigns.retry' | t }}</button>
      }
      @case ('ready') {
        @if (current.value.items.length === 0) {
          <p class="panel">{{ 'campaigns.timeline.empty' | t }}</p>
        } @else {
          <dm-timeline-list [entries]="current.value.items" [campaignId]="campaignId" [demands]="labels()" />
          @if (current.value.nextCursor) {
            <p class="more">
              <button type="button" class="button button--secondary" [attr.aria-disabled]="loadingMore()" (click)="loadMore()">
                {{ (loadingMore() ? 'campaigns.timeline.loadingMore' : 'campaigns.timeline.more') | t }}
              </button>
            </p>
          }
          @if (moreError(); as error) {
            <dm-form-alert [message]="error" />
          }
        }
      }
    }
  `,
  styles: `
    .back {
      margin-bottom: var(--space-2);
    }
    .lead {
      font-size: 1.125rem;
      font-weight: 600;
    }
    .more {
      margin-top: var(--space-3);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignTimelinePage {
  private readonly api = inject(ApiClient);
  protected readonly campaignId = inject(ActivatedRoute).snapshot.paramMap.get('campaignId') ?? '';
  private readonly subscriptions: Subscription[] = [];
  private page: Subscription | undefined;

  protected readonly state = signal<Load<Page>>({ kind: 'loading' });
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<Message | null>(null);
  protected readonly title = signal<string | null>(null);
  protected readonly labels = signal<ReadonlyMap<string, DemandLabel>>(new Map());

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.page?.unsubscribe();
      this.subscriptions.forEach((s) => s.unsubscribe());
    });
    const pathParams = { id: this.campaignId };
    this.subscriptions.push(
      this.api.get('/api/campaigns/{id}', { pathParams }).subscribe({ next: (c) => this.title.set(c.title), error: () => undefined }),
      this.api
        .get('/api/campaigns/{id}/dashboard', { pathParams })
        .subscribe({ next: (d) => this.labels.set(demandLabels(d.scorecard)), error: () => undefined }),
    );
    this.load();
  }

  protected load(): void {
    this.page?.unsubscribe();
    this.page = loading(
      this.api.get('/api/campaigns/{id}/timeline', { pathParams: { id: this.campaignId }, params: { limit: PAGE_SIZE } }),
    ).subscribe((state) => this.state.set(state));
  }

  protected loadMore(): void {
    const current = this.state();
    if (current.kind !== 'ready' || !current.value.nextCursor || this.loadingMore()) {
      return;
    }
    this.loadingMore.set(true);
    this.moreError.set(null);
    this.page = this.api
      .get('/api/campaigns/{id}/timeline', {
        pathParams: { id: this.campaignId },
        params: { cursor: current.value.nextCursor, limit: PAGE_SIZE },
      })
      .subscribe({
        next: (page) => {
          this.state.set({ kind: 'ready', value: { items: [...current.value.items, ...page.items], nextCursor: page.nextCursor } });
          this.loadingMore.set(false);
        },
        error: (error: unknown) => {
          this.moreError.set(feedbackFor(error, []).form);
          this.loadingMore.set(false);
        },
      });
  }
}
