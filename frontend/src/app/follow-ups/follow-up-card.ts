import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';

import { TPipe } from '../core/i18n/t-pipe';
import { FollowUpActions } from './follow-up-actions';
import { type FollowUp } from './follow-up-data';
import { FollowUpStatusChip } from './follow-up-status-chip';
import { personDates } from '../core/dates/person-dates';

/** One follow-up in a board column or a list: what, where, for whom, when, and (if allowed) what to do. */
@Component({
  selector: 'dm-follow-up-card',
  imports: [TPipe, RouterLink, FollowUpActions, FollowUpStatusChip],
  template: `
    @let item = followUp();
    <article class="card" [attr.aria-labelledby]="'fu-title-' + item.id" [attr.data-follow-up-id]="item.id">
      <h3 class="card__title" [id]="'fu-title-' + item.id">
        <a [routerLink]="['/campaigns', item.campaignId, 'follow-ups', item.id]">{{ item.title }}</a>
      </h3>
      <p class="card__meta">
        <dm-follow-up-status [status]="item.status" />
        @if (item.overdue) {
          &ngsp;<strong class="overdue"><span aria-hidden="true">⚠ </span>{{ 'followUps.overdue' | t }}</strong>
        }
        @if (item.isExample) {
          &ngsp;<span class="example">{{ 'followUps.example' | t }}</span>
        }
      </p>
      <dl class="card__facts">
        @if (showCampaign()) {
          <div>
            <dt>{{ 'followUps.campaign' | t }}</dt>
            <dd>{{ item.campaignTitle }}</dd>
          </div>
        }
        <div>
          <dt>{{ 'followUps.due' | t }}</dt>
          <dd>{{ 'followUps.dueAt' | t: { date: dates.instant(item.dueAt), zone: dates.zone() } }}</dd>
        </div>
        <div>
          <dt>{{ 'followUps.assignedTo' | t }}</dt>
          <dd>{{ item.organizationName }} · {{ item.assigneeName ?? ('followUps.anyone' | t) }}</dd>
        </div>
      </dl>
      @if (canAct()) {
        <dm-follow-up-actions [followUp]="item" (changed)="changed.emit($event)" />
      }
    </article>
  `,
  styles: `
    .card {
      padding: var(--space-3);
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
      background: var(--color-bg);
    }
    .card__title {
      margin: 0 0 var(--space-2);
      font-size: 1.0625rem;
    }
    .card__meta {
      margin: 0 0 var(--space-2);
    }
    .card__facts {
      margin: 0 0 var(--space-2);
      font-size: 0.9375rem;
    }
    .card__facts dt {
      display: inline;
      color: var(--color-text-muted);
    }
    .card__facts dt::after {
      content: ': ';
    }
    .card__facts dd {
      display: inline;
      margin: 0;
    }
    .overdue {
      color: var(--color-bad);
    }
    .example {
      font-size: 0.875rem;
      border: 1px dashed var(--color-brand);
      border-radius: var(--radius);
      padding: 0 0.4em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpCard {
  protected readonly dates = personDates();
  readonly followUp = input.required<FollowUp>();
  readonly showCampaign = input(true);
  readonly canAct = input(false);
  readonly changed = output<FollowUp>();
}
