import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DEMAND_STATUSES } from '@demarche/shared';

import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { type DemandLabel, type TimelineEntry } from './campaign-data';
import { type DemandStatus } from './demand-status';
import { StatusChip } from './status-chip';
import { personDates } from '../core/dates/person-dates';
import { systemNoteText } from '../demands/system-note';

interface EntryView {
  readonly id: string;
  readonly what: string;
  readonly actor: string;
  readonly occurredAt: string;
  readonly when: string;
  readonly demandId: string | null;
  readonly demand: string | null;
  readonly from: DemandStatus | null;
  readonly to: DemandStatus | null;
  readonly note: string | null;
}

const MAX_LABEL = 90;

/** Campaign history entries, newest first: what happened (and to which demand), who, when. */
@Component({
  selector: 'dm-timeline-list',
  imports: [TPipe, RouterLink, StatusChip],
  template: `
    <ol class="timeline">
      @for (entry of views(); track entry.id) {
        <li class="timeline__entry" [attr.data-entry-id]="entry.id">
          <p class="timeline__what">
            <strong>{{ entry.what }}</strong>
            @if (entry.demandId) {
              —
              <a [routerLink]="['/campaigns', campaignId(), 'demands', entry.demandId]">{{
                entry.demand ?? ('campaigns.timeline.openDemand' | t)
              }}</a>
            } @else if (entry.demand) {
              — {{ entry.demand }}
            }
          </p>
          @if (entry.to) {
            <p class="timeline__move">
              {{ 'campaigns.timeline.statusMove' | t }}
              @if (entry.from) {
                <dm-status-chip [status]="entry.from" /> {{ 'campaigns.timeline.statusTo' | t }}
              }
              <dm-status-chip [status]="entry.to" />
            </p>
          }
          @if (entry.note) {
            <p class="timeline__note">{{ 'campaigns.timeline.note' | t: { note: entry.note } }}</p>
          }
          <p class="timeline__meta">
            {{ entry.actor }} · <time [attr.datetime]="entry.occurredAt">{{ entry.when }}</time>
          </p>
        </li>
      }
    </ol>
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .timeline__entry {
      padding: var(--space-2) 0 var(--space-2) var(--space-3);
      border-left: 3px solid var(--color-border);
    }
    .timeline__entry + .timeline__entry {
      margin-top: var(--space-2);
    }
    .timeline p {
      margin: 0;
    }
    .timeline__move {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-1);
    }
    .timeline__note,
    .timeline__meta {
      color: var(--color-text-muted);
      font-size: 0.9375rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimelineList {
  private readonly i18n = inject(I18n);
  private readonly dates = personDates();

  readonly entries = input.required<readonly TimelineEntry[]>();
  readonly campaignId = input.required<string>();
  /** Names the demands entries are about (from the scorecard); without it, a plain link. */
  readonly demands = input<ReadonlyMap<string, DemandLabel>>(new Map());

  protected readonly views = computed<readonly EntryView[]>(() => this.entries().map((entry) => this.view(entry)));

  private view(entry: TimelineEntry): EntryView {
    const actionKey = `campaigns.timeline.action.${entry.action}`;
    // A deleted draft demand has no page any more: its words, from the event, without a link.
    const deleted = entry.action === 'demand.deleted';
    const isDemand = entry.subjectType === 'demand' && entry.subjectId !== null && !deleted;
    const label = isDemand ? this.demands().get(entry.subjectId!) : undefined;
    const deletedText = deleted && typeof entry.before?.['text'] === 'string' ? shorten(entry.before['text']) : null;
    const isStatusMove = entry.action.startsWith('demand.status_');
    return {
      id: entry.id,
      what: this.i18n.has(actionKey)
        ? this.i18n.translate(actionKey)
        : this.i18n.translate('campaigns.timeline.action.other', { action: entry.action }),
      actor: entry.actorName ?? this.i18n.translate('campaigns.timeline.system'),
      occurredAt: entry.occurredAt,
      when: this.dates.instant(entry.occurredAt),
      demandId: isDemand ? entry.subjectId : null,
      demand: label ? `${label.office}: ${shorten(label.text)}` : deletedText,
      from: isStatusMove ? asStatus(entry.before?.['status']) : null,
      to: isStatusMove ? asStatus(entry.after?.['status']) : null,
      note:
        typeof entry.after?.['note'] === 'string' && entry.after['note']
          ? entry.after['note']
          : systemNoteText(this.i18n, (day) => this.dates.day(day), entry.after?.['systemNote']),
    };
  }
}

function asStatus(value: unknown): DemandStatus | null {
  return DEMAND_STATUSES.find((s) => s === value) ?? null;
}

function shorten(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1).trimEnd()}…`;
}
