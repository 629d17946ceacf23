import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { type ScorecardDemand, type ScorecardRow } from './campaign-data';
import { StatusChip } from './status-chip';
import { personDates } from '../core/dates/person-dates';

/**
 * The scorecard: each addressed office (with who holds it) and, beneath it, the demands the letter
 * makes of it, in letter order — status (chip with its name and icon), deadline, latest response.
 * One table: a row group per office, headed by the office; each demand links to its page.
 */
@Component({
  selector: 'dm-scorecard',
  imports: [TPipe, RouterLink, StatusChip],
  template: `
    <div class="scroll" role="region" tabindex="0" aria-labelledby="scorecard-caption">
      <table class="scorecard">
        <caption id="scorecard-caption">
          {{
            'campaigns.scorecard.caption' | t
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'campaigns.scorecard.demand' | t }}</th>
            <th scope="col">{{ 'campaigns.scorecard.status' | t }}</th>
            <th scope="col">{{ 'campaigns.scorecard.deadline' | t }}</th>
            <th scope="col">{{ 'campaigns.scorecard.lastResponse' | t }}</th>
          </tr>
        </thead>
        @for (row of rows(); track row.officeId) {
          <tbody [attr.data-office-id]="row.officeId">
            <tr class="office">
              <th scope="rowgroup" colspan="4">
                <span class="office__title">{{ row.officeTitle }}</span>
                <span class="office__meta">
                  {{ row.institutionName }} ·
                  @if (row.isCollective) {
                    {{ 'campaigns.scorecard.collective' | t }}
                  } @else if (row.currentHolder; as holder) {
                    {{ 'campaigns.scorecard.holder' | t: { name: holder.name } }}
                    @if (holder.endsSoon) {
                      <strong>({{ 'campaigns.scorecard.endsSoon' | t }})</strong>
                    }
                  } @else {
                    {{ 'campaigns.scorecard.noHolder' | t }}
                  }
                </span>
                @if (canLogResponse()) {
                  <a
                    class="office__log"
                    [routerLink]="['/campaigns', campaignId(), 'responses', 'new']"
                    [queryParams]="{ institutionId: row.institutionId }"
                    >{{ 'campaigns.scorecard.logFor' | t: { institution: row.institutionName } }}</a
                  >
                }
              </th>
            </tr>
            @for (demand of row.demands; track demand.id) {
              <tr class="demand" [attr.data-demand-id]="demand.id" [attr.data-status]="demand.status">
                <th scope="row">
                  @if (demand.reference) {
                    <span class="demand__ref">{{ demand.reference }}</span>
                  }
                  <a [routerLink]="['/campaigns', campaignId(), 'demands', demand.id]">{{ demand.text }}</a>
                </th>
                <td>
                  <dm-status-chip [status]="demand.status" />&ngsp;
                  @if (demand.overdue) {
                    <span class="flag">{{ 'campaigns.scorecard.overdue' | t }}</span>&ngsp;
                  }
                  @if (demand.daysSinceSent !== null) {
                    <span class="small">{{ 'campaigns.scorecard.sentDaysAgo' | t: { days: demand.daysSinceSent } }}</span>
                  }
                </td>
                <td>
                  @if (demand.deadline; as deadline) {
                    <time [attr.datetime]="deadline.at">{{ dates.instant(deadline.at) }}</time>&ngsp;
                    @if (deadline.milestoneTitle) {
                      <span class="small">{{ 'campaigns.scorecard.follows' | t: { milestone: deadline.milestoneTitle } }}</span>
                    }
                  } @else {
                    <span class="small">{{ 'campaigns.scorecard.noDeadline' | t }}</span>
                  }
                </td>
                <td>{{ lastResponse(demand) }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="4" class="small">{{ 'campaigns.scorecard.empty' | t }}</td>
              </tr>
            }
          </tbody>
        }
      </table>
    </div>
  `,
  styles: `
    .scroll {
      position: relative;
      overflow-x: auto;
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
    }
    .scorecard {
      width: 100%;
      min-width: 44rem;
      border-collapse: collapse;
      background: var(--color-bg);
    }
    caption {
      padding: var(--space-2) var(--space-3);
      text-align: left;
      color: var(--color-text-muted);
    }
    th,
    td {
      padding: var(--space-2) var(--space-3);
      border-top: 1px solid var(--color-border);
      text-align: left;
      vertical-align: top;
    }
    thead th {
      background: var(--color-surface);
      font-size: 0.875rem;
    }
    .office th {
      padding-top: var(--space-3);
      background: #e8edf3;
      border-top: 2px solid var(--color-brand);
    }
    .office__title {
      display: block;
      font-size: 1.125rem;
    }
    .office__meta {
      display: block;
      font-weight: 400;
    }
    .office__log {
      display: inline-block;
      margin-top: var(--space-1);
    }
    .demand th {
      width: 45%;
      font-weight: 400;
    }
    .demand__ref {
      display: block;
      font-size: 0.8125rem;
      font-weight: 600;
      color: var(--color-text-muted);
    }
    .flag {
      display: inline-block;
      margin: var(--space-1) 0 0;
      padding: 0 0.4em;
      border-left: 3px solid var(--color-bad);
      color: var(--color-bad);
      font-weight: 600;
      font-size: 0.875rem;
    }
    .small {
      display: block;
      color: var(--color-text-muted);
      font-size: 0.875rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Scorecard {
  private readonly i18n = inject(I18n);
  protected readonly dates = personDates();

  readonly rows = input.required<readonly ScorecardRow[]>();
  readonly campaignId = input.required<string>();
  readonly canLogResponse = input(false);

  protected lastResponse(demand: ScorecardDemand): string {
    const last = demand.lastResponse;
    if (!last) {
      return this.i18n.translate('campaigns.scorecard.noResponse');
    }
    return this.i18n.translate('campaigns.responseOn', {
      date: this.dates.day(last.receivedOn),
      assessment: this.i18n.translate(`campaigns.assessment.${last.assessment}`),
    });
  }
}
