import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { combineLatest, map, type Subscription } from 'rxjs';
import { DEMAND_STATUSES } from '@demarche/shared';

import { ApiClient } from '../core/api/api-client';
import { FormAlert } from '../core/forms/form-alert';
import type { TranslationKey } from '../core/i18n/dictionary';
import { TPipe } from '../core/i18n/t-pipe';
import { demandLabels, loading, type Campaign, type Dashboard, type Load } from './campaign-data';
import { Scorecard } from './scorecard';
import { StatusChip } from './status-chip';
import { TimelineList } from './timeline-list';
import { FlashNotice } from '../core/ui/flash-notice';
import { stagedRender } from '../core/ui/staged-render';
import { personDates } from '../core/dates/person-dates';

/** The scorecard's parts of the page: an office each (one, the empty table, without offices). */
function scorecardParts(dashboard: Dashboard): number {
  return Math.max(1, dashboard.scorecard.length);
}

interface Overview {
  readonly campaign: Campaign;
  readonly dashboard: Dashboard;
}

/**
 * `/campaigns/:campaignId`: the campaign as its letter reads — who signed, the calendar, each
 * addressee with its demands and their status — then what needs attention (overdue, the next 14
 * days), the figures (by status, response rate per institution) and the latest changes.
 */
@Component({
  selector: 'dm-campaign-overview-page',
  imports: [TPipe, RouterLink, FormAlert, FlashNotice, Scorecard, StatusChip, TimelineList],
  templateUrl: './campaign-overview-page.html',
  styleUrl: './campaign-overview-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignOverviewPage {
  private readonly api = inject(ApiClient);
  protected readonly dates = personDates();
  private readonly route = inject(ActivatedRoute);
  private subscription: Subscription | undefined;

  protected readonly campaignId = signal('');
  protected readonly state = signal<Load<Overview>>({ kind: 'loading' });
  /**
   * The page in parts, a task each (core/ui/staged-render.ts; 800 elements for the founding
   * letter, 250 ms of one task on a mid-range phone): the head, the glance and the scorecard's
   * first office; each other office; the milestones; the panels; the latest changes.
   */
  protected readonly stages = stagedRender();

  constructor() {
    const params = this.route.paramMap.subscribe((p) => {
      this.campaignId.set(p.get('campaignId') ?? '');
      this.load();
    });
    inject(DestroyRef).onDestroy(() => {
      params.unsubscribe();
      this.subscription?.unsubscribe();
    });
  }

  /** The campaign and its dashboard, side by side (each answers once). */
  protected load(): void {
    const pathParams = { id: this.campaignId() };
    this.subscription?.unsubscribe();
    this.subscription = loading(
      combineLatest([
        this.api.get('/api/campaigns/{id}', { pathParams }),
        this.api.get('/api/campaigns/{id}/dashboard', { pathParams }),
      ]).pipe(map(([campaign, dashboard]): Overview => ({ campaign, dashboard }))),
    ).subscribe((state) => {
      this.state.set(state);
      if (state.kind === 'ready') {
        this.stages.start(scorecardParts(state.value.dashboard) + 3);
      }
    });
  }

  /** The scorecard's offices rendered so far (one part each). */
  protected readonly scorecardRows = computed(() => this.overview()?.dashboard.scorecard.slice(0, this.stages.shown()) ?? []);

  /** The parts after the scorecard rendered so far: 1 the milestones, 2 the panels, 3 the latest changes. */
  protected readonly below = computed(() => {
    const dashboard = this.overview()?.dashboard;
    return dashboard ? this.stages.shown() - scorecardParts(dashboard) : 0;
  });

  protected readonly overview = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.value : null;
  });

  protected readonly leads = computed(() => this.overview()?.campaign.organizations.filter((o) => o.role === 'lead') ?? []);
  protected readonly signatories = computed(() => this.overview()?.campaign.organizations.filter((o) => o.role === 'signatory') ?? []);

  protected readonly counts = computed(() => {
    const counts = this.overview()?.dashboard.countsByStatus;
    if (!counts) {
      return { total: 0, items: [] };
    }
    const items = DEMAND_STATUSES.map((status) => ({ status, count: counts[status] })).filter((c) => c.count > 0);
    return { total: items.reduce((sum, c) => sum + c.count, 0), items };
  });

  /** Demands past their deadline unanswered, plus overdue follow-ups. */
  protected readonly overdueTotal = computed(() => {
    const dashboard = this.overview()?.dashboard;
    return dashboard ? dashboard.overdueDemands + dashboard.overdueFollowUps.reduce((sum, org) => sum + org.overdue, 0) : 0;
  });

  protected readonly overdueDemands = computed(
    () =>
      this.overview()?.dashboard.scorecard.flatMap((row) =>
        row.demands.filter((d) => d.overdue).map((demand) => ({ office: row.officeTitle, demand })),
      ) ?? [],
  );

  protected readonly labels = computed(() => demandLabels(this.overview()?.dashboard.scorecard ?? []));

  /** Milestones before the figures' instant are past (a milestone is due at the end of its day). */
  protected readonly milestones = computed(() => {
    const dashboard = this.overview()?.dashboard;
    if (!dashboard) {
      return [];
    }
    const today = dashboard.asOf.slice(0, 10);
    return dashboard.milestones.map((m) => ({ ...m, past: m.occursOn < today }));
  });

  protected milestoneKind(kind: Dashboard['milestones'][number]['kind']): TranslationKey {
    return `campaigns.milestones.kind.${kind}`;
  }

  protected invitedRoleKey(role: Campaign['invitations'][number]['role']): TranslationKey {
    return `campaigns.overview.invitedRole.${role}`;
  }

  protected upcomingKind(kind: Dashboard['next14Days'][number]['kind']): TranslationKey {
    return `campaigns.upcoming.kind.${kind}`;
  }
}
