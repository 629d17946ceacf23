import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FOLLOW_UP_STATUSES } from '@demarche/shared';

import { TPipe } from '../core/i18n/t-pipe';
import { followUpStatusKey, type FollowUpFilters, type FollowUpStatus } from './follow-up-data';

export interface CampaignChoice {
  readonly id: string;
  readonly title: string;
}

/** The filters of a follow-up list; each change applies at once. */
@Component({
  selector: 'dm-follow-up-filters',
  imports: [TPipe],
  template: `
    <fieldset class="filters">
      <legend class="visually-hidden">{{ 'followUps.filters' | t }}</legend>
      @if (campaigns(); as campaigns) {
        <div class="field">
          <label class="field__label" for="filter-campaign">{{ 'followUps.campaign' | t }}</label>
          <select id="filter-campaign" class="input" (change)="campaignChange.emit(valueOf($event))">
            <option value="" [selected]="campaignId() === ''">{{ 'followUps.filter.allCampaigns' | t }}</option>
            @for (campaign of campaigns; track campaign.id) {
              <option [value]="campaign.id" [selected]="campaign.id === campaignId()">{{ campaign.title }}</option>
            }
          </select>
        </div>
      }
      @if (showStatus()) {
        <div class="field">
          <label class="field__label" for="filter-status">{{ 'followUps.status' | t }}</label>
          <select id="filter-status" class="input" (change)="set({ status: statusOf($event) })">
            <option value="" [selected]="value().status === ''">{{ 'followUps.filter.allStatuses' | t }}</option>
            @for (status of statuses; track status) {
              <option [value]="status" [selected]="status === value().status">{{ statusKey(status) | t }}</option>
            }
          </select>
        </div>
      }
      <div class="field">
        <label class="field__label" for="filter-after">{{ 'followUps.filter.dueAfter' | t }}</label>
        <input id="filter-after" class="input" type="date" [value]="value().dueAfter" (change)="set({ dueAfter: valueOf($event) })" />
      </div>
      <div class="field">
        <label class="field__label" for="filter-before">{{ 'followUps.filter.dueBefore' | t }}</label>
        <input id="filter-before" class="input" type="date" [value]="value().dueBefore" (change)="set({ dueBefore: valueOf($event) })" />
      </div>
      <div class="check">
        <input id="filter-overdue" type="checkbox" [checked]="value().overdueOnly" (change)="set({ overdueOnly: checkedOf($event) })" />
        <label for="filter-overdue">{{ 'followUps.filter.overdueOnly' | t }}</label>
      </div>
    </fieldset>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: var(--space-2) var(--space-3);
      margin: 0 0 var(--space-3);
      padding: 0;
      border: 0;
    }
    .filters .field {
      margin: 0;
    }
    .check {
      display: flex;
      gap: var(--space-2);
      align-items: center;
      min-height: 2.5rem;
    }
    .check input {
      width: 1.25rem;
      height: 1.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpFiltersBar {
  readonly value = input.required<FollowUpFilters>();
  readonly showStatus = input(true);
  /** When given, a campaign filter. */
  readonly campaigns = input<readonly CampaignChoice[] | null>(null);
  readonly campaignId = input('');
  readonly valueChange = output<FollowUpFilters>();
  readonly campaignChange = output<string>();
  protected readonly statuses = FOLLOW_UP_STATUSES;
  protected readonly statusKey = followUpStatusKey;

  protected set(change: Partial<FollowUpFilters>): void {
    this.valueChange.emit({ ...this.value(), ...change });
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected statusOf(event: Event): FollowUpStatus | '' {
    return this.valueOf(event) as FollowUpStatus | '';
  }

  protected checkedOf(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }
}
