import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Subscription } from 'rxjs';
import { DEMAND_STATUSES } from '@demarche/shared';

import { ApiClient } from '../core/api/api-client';
import { FormAlert } from '../core/forms/form-alert';
import { feedbackFor } from '../core/forms/form-feedback';
import type { Message } from '../core/forms/message';
import type { TranslationKey } from '../core/i18n/dictionary';
import { TPipe } from '../core/i18n/t-pipe';
import { loading, type CampaignSummary, type Load } from './campaign-data';
import { StatusChip } from './status-chip';
import { personDates } from '../core/dates/person-dates';
import { Session } from '../core/session/session';
import { FlashNotice } from '../core/ui/flash-notice';

type Page = { readonly items: readonly CampaignSummary[]; readonly nextCursor: string | null };

/** `/campaigns`: the campaigns of the person's organization, newest first, with their figures. */
@Component({
  selector: 'dm-campaigns-list-page',
  imports: [TPipe, RouterLink, FormAlert, FlashNotice, StatusChip],
  template: `
    <div class="list-head">
      <h1>{{ 'campaigns.title' | t }}</h1>
      @if (mayCreate) {
        <a class="button" routerLink="/campaigns/new">{{ 'setup.list.new' | t }}</a>
      }
    </div>
    <p class="muted">{{ 'campaigns.list.intro' | t }}</p>
    <dm-flash-notice />

    @let current = state();
    @switch (current.kind) {
      @case ('loading') {
        <p role="status">{{ 'campaigns.list.loading' | t }}</p>
      }
      @case ('error') {
        <dm-form-alert [message]="current.message" />
        <button type="button" class="button" (click)="load()">{{ 'campaigns.retry' | t }}</button>
      }
      @case ('ready') {
        @if (current.value.items.length === 0) {
          <p class="panel">{{ 'campaigns.list.empty' | t }}</p>
        } @else {
          <ul class="campaigns">
            @for (campaign of current.value.items; track campaign.id) {
              <li class="panel" [attr.data-campaign-id]="campaign.id">
                <h2 class="campaign__title">
                  <a [routerLink]="campaignLink(campaign)">{{ campaign.title }}</a>
                </h2>
                <p class="campaign__meta">
                  <span class="tag">{{ campaignStatus(campaign.status) | t }}</span>&ngsp;
                  @if (campaign.isExample) {
                    <span class="tag tag--example">{{ 'campaigns.example' | t }}</span>&ngsp;
                  }
                  @if (campaign.myRole) {
                    {{ role(campaign.myRole) | t }} ·
                  }
                  @if (campaign.letterDate) {
                    {{ 'campaigns.list.letterDate' | t: { date: dates.day(campaign.letterDate) } }}
                  } @else {
                    {{ 'campaigns.list.noLetterDate' | t }}
                  }
                </p>
                <dl class="figures">
                  <div>
                    <dt>{{ 'campaigns.list.demands' | t }}</dt>
                    <dd>{{ campaign.counts.demands }}</dd>
                  </div>
                  <div>
                    <dt>{{ 'campaigns.list.responses' | t }}</dt>
                    <dd>{{ campaign.counts.responses }}</dd>
                  </div>
                  <div>
                    <dt>{{ 'campaigns.list.openFollowUps' | t }}</dt>
                    <dd>{{ campaign.counts.openFollowUps }}</dd>
                  </div>
                  <div [class.figures--bad]="campaign.counts.overdueFollowUps > 0">
                    <dt>{{ 'campaigns.list.overdueFollowUps' | t }}</dt>
                    <dd>{{ campaign.counts.overdueFollowUps }}</dd>
                  </div>
                </dl>
                <h3 class="visually-hidden">{{ 'campaigns.list.byStatus' | t }}</h3>
                <ul class="by-status">
                  @for (item of byStatus(campaign); track item.status) {
                    <li><dm-status-chip [status]="item.status" />&ngsp;{{ item.count }}</li>
                  }
                </ul>
              </li>
            }
          </ul>
          @if (current.value.nextCursor) {
            <button type="button" class="button button--secondary" [attr.aria-disabled]="loadingMore()" (click)="loadMore()">
              {{ 'campaigns.list.more' | t }}
            </button>
            @if (moreError(); as error) {
              <dm-form-alert [message]="error" />
            }
          }
        }
      }
    }
  `,
  styles: `
    .list-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--space-2) var(--space-3);
      margin-bottom: var(--space-3);
    }
    .list-head h1 {
      margin: 0;
    }
    .list-head .button {
      text-decoration: none;
    }
    .campaigns {
      margin: var(--space-4) 0;
      padding: 0;
      list-style: none;
    }
    .campaigns > li + li {
      margin-top: var(--space-3);
    }
    .campaign__title {
      font-size: 1.375rem;
      margin-bottom: var(--space-2);
    }
    .campaign__meta {
      color: var(--color-text-muted);
    }
    .tag {
      display: inline-block;
      margin-right: var(--space-2);
      padding: 0 0.5em;
      border: 1px solid var(--color-brand);
      border-radius: var(--radius);
      color: var(--color-brand);
      font-size: 0.875rem;
      font-weight: 600;
    }
    .tag--example {
      border-style: dashed;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2) var(--space-4);
      margin: 0 0 var(--space-3);
    }
    .figures dt {
      font-size: 0.875rem;
      color: var(--color-text-muted);
    }
    .figures dd {
      margin: 0;
      font-size: 1.375rem;
      font-weight: 700;
    }
    .figures--bad dd {
      color: var(--color-bad);
    }
    .by-status {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2) var(--space-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignsListPage {
  private readonly api = inject(ApiClient);
  private readonly user = inject(Session).user();
  protected readonly dates = personDates();
  /** Coordinators and administrators start campaigns (the API's rule for `POST /api/campaigns`). */
  protected readonly mayCreate = this.user?.role === 'admin' || this.user?.role === 'coordinator';
  private subscription: Subscription | undefined;

  protected readonly state = signal<Load<Page>>({ kind: 'loading' });
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<Message | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
    this.load();
  }

  protected load(): void {
    this.subscription?.unsubscribe();
    this.subscription = loading(this.api.get('/api/campaigns')).subscribe((state) => this.state.set(state));
  }

  protected loadMore(): void {
    const current = this.state();
    if (current.kind !== 'ready' || !current.value.nextCursor || this.loadingMore()) {
      return;
    }
    this.loadingMore.set(true);
    this.moreError.set(null);
    this.subscription = this.api.get('/api/campaigns', { params: { cursor: current.value.nextCursor } }).subscribe({
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

  /** A draft opens its set-up for those who may set it up (an administrator, a coordinator of a lead organization); else the overview. */
  protected campaignLink(campaign: CampaignSummary): string[] {
    const mayCoordinate = this.user?.role === 'admin' || (this.user?.role === 'coordinator' && campaign.myRole === 'lead');
    return campaign.status === 'draft' && mayCoordinate ? ['/campaigns', campaign.id, 'setup'] : ['/campaigns', campaign.id];
  }

  protected byStatus(campaign: CampaignSummary): { status: (typeof DEMAND_STATUSES)[number]; count: number }[] {
    return DEMAND_STATUSES.map((status) => ({ status, count: campaign.counts.demandsByStatus[status] })).filter((c) => c.count > 0);
  }

  protected campaignStatus(status: CampaignSummary['status']): TranslationKey {
    return `campaigns.campaignStatus.${status}`;
  }

  protected role(role: NonNullable<CampaignSummary['myRole']>): TranslationKey {
    return `campaigns.role.${role}`;
  }
}
