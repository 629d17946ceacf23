import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ApiClient } from '../core/api/api-client';
import { dayInZone } from '../core/dates/dates';
import { LoadStatus } from '../core/ui/load-status';
import type { TranslationKey } from '../core/i18n/dictionary';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { loadFor } from '../core/api/load-state';
import { routeParam } from '../demands/route-param';
import { allPages } from '../core/api/pages';
import { addDays, calendarEntries, monthOf, monthWeeks, shiftMonth, type CalendarEntry, type EntryKind } from './calendar-data';
import { personDates } from '../core/dates/person-dates';

const KIND_KEYS: Readonly<Record<EntryKind, TranslationKey>> = {
  demand: 'calendar.kind.demand',
  follow_up: 'calendar.kind.follow_up',
  milestone: 'calendar.kind.milestone',
};
const KIND_ICONS: Readonly<Record<EntryKind, string>> = { demand: '◆', follow_up: '●', milestone: '▲' };

/**
 * `/campaigns/:campaignId/calendar`: the campaign's milestones and the deadlines of its demands
 * and follow-ups, as a month grid (arrow keys move between days) or a chronological agenda.
 * Days are the person's: deadlines fall on the day they are due in the person's zone.
 */
@Component({
  selector: 'dm-calendar-page',
  imports: [TPipe, RouterLink, LoadStatus],
  template: `
    <p class="back">
      <a [routerLink]="['/campaigns', campaignId()]">{{ 'calendar.back' | t }}</a>
      · <a [routerLink]="['/campaigns', campaignId(), 'follow-ups']">{{ 'followUps.campaign.title' | t }}</a>
    </p>
    <h1>{{ 'calendar.title' | t }}</h1>
    <p class="muted">{{ 'calendar.intro' | t: { zone: dates.zone() } }}</p>
    <div class="bar">
      <div class="views" role="group" [attr.aria-label]="'calendar.view' | t">
        <button type="button" class="button button--secondary" [attr.aria-pressed]="view() === 'month'" (click)="view.set('month')">
          {{ 'calendar.view.month' | t }}
        </button>
        <button type="button" class="button button--secondary" [attr.aria-pressed]="view() === 'agenda'" (click)="view.set('agenda')">
          {{ 'calendar.view.agenda' | t }}
        </button>
      </div>
      <div class="nav">
        <button type="button" class="button button--secondary" (click)="move(-1)">
          <span aria-hidden="true">‹ </span>{{ 'calendar.previous' | t }}
        </button>
        <h2 class="month" aria-live="polite">{{ monthName() }}</h2>
        <button type="button" class="button button--secondary" (click)="move(1)">
          {{ 'calendar.next' | t }}<span aria-hidden="true"> ›</span>
        </button>
        <button type="button" class="button button--secondary" (click)="goToday()">{{ 'calendar.thisMonth' | t }}</button>
      </div>
    </div>
    <p class="legend muted">
      @for (kind of kinds; track kind) {
        <span
          ><span aria-hidden="true">{{ icon(kind) }} </span>{{ kindKey(kind) | t }}</span
        >
      }
    </p>
    @let current = state();
    <dm-load-status [state]="current" loading="calendar.loading" (retry)="load()" />
    @if (current.kind === 'ready') {
      @if (view() === 'month') {
        <p class="visually-hidden" id="calendar-hint">{{ 'calendar.gridHint' | t }}</p>
        <table class="grid" role="grid" [attr.aria-label]="monthName()" aria-describedby="calendar-hint" (keydown)="key($event)">
          <thead>
            <tr>
              @for (name of weekdays(); track $index) {
                <th scope="col" [attr.abbr]="name.long">{{ name.short }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (week of weeks(); track $index) {
              <tr>
                @for (day of week; track $index) {
                  <td
                    role="gridcell"
                    [attr.data-day]="day"
                    [attr.tabindex]="day === focusDay() ? 0 : -1"
                    [attr.aria-current]="day === today ? 'date' : null"
                    [class.other]="!inMonth(day)"
                    [class.today]="day === today"
                    (focus)="focusDay.set(day)"
                  >
                    <span class="num"
                      >{{ dayNumber(day) }}
                      @if (day === today) {
                        <span class="today-tag">{{ 'calendar.today' | t }}</span>
                      }
                    </span>
                    @if (byDay().get(day); as entries) {
                      <ul class="entries">
                        @for (entry of entries; track entry.kind + entry.id) {
                          <li [attr.data-kind]="entry.kind">
                            <span aria-hidden="true">{{ icon(entry.kind) }} </span>
                            <span class="visually-hidden">{{ kindKey(entry.kind) | t }}: </span>
                            <a [routerLink]="entry.link" tabindex="-1" [class.overdue]="entry.overdue">{{ entry.title }}</a>
                            @if (entry.overdue) {
                              <strong class="overdue"> ⚠ {{ 'followUps.overdue' | t }}</strong>
                            }
                          </li>
                        }
                      </ul>
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
        <p class="muted small">{{ focusedSummary() }}</p>
      } @else {
        @if (agenda().length === 0) {
          <p class="panel">{{ 'calendar.empty' | t }}</p>
        } @else {
          <ol class="agenda">
            @for (group of agenda(); track group.day) {
              <li>
                <h3 [class.today]="group.day === today">
                  {{ longDay(group.day) }}
                  @if (group.day === today) {
                    <span class="today-tag">{{ 'calendar.today' | t }}</span>
                  }
                </h3>
                <ul class="entries">
                  @for (entry of group.entries; track entry.kind + entry.id) {
                    <li [attr.data-kind]="entry.kind">
                      <span aria-hidden="true">{{ icon(entry.kind) }} </span>{{ kindKey(entry.kind) | t }}:
                      <a [routerLink]="entry.link">{{ entry.title }}</a>
                      @if (entry.at) {
                        <span class="muted"> · {{ dates.instant(entry.at) }}</span>
                      }
                      @if (entry.overdue) {
                        <strong class="overdue"> · {{ 'followUps.overdue' | t }}</strong>
                      }
                    </li>
                  }
                </ul>
              </li>
            }
          </ol>
        }
      }
    }
  `,
  styles: `
    .bar,
    .nav,
    .views {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-2) var(--space-3);
    }
    .bar {
      justify-content: space-between;
      margin: var(--space-3) 0 var(--space-2);
    }
    .views [aria-pressed='true'] {
      color: #fff;
      background: var(--color-brand);
      text-decoration: underline;
    }
    .month {
      margin: 0;
      min-width: 10rem;
      text-align: center;
      font-size: 1.25rem;
    }
    .legend span + span {
      margin-left: var(--space-3);
    }
    .grid {
      width: 100%;
      table-layout: fixed;
      border-collapse: collapse;
    }
    .grid th {
      padding: var(--space-1);
      font-size: 0.875rem;
    }
    .grid td {
      height: 6rem;
      padding: var(--space-1);
      vertical-align: top;
      border: 1px solid var(--color-border);
      font-size: 0.8125rem;
      overflow-wrap: anywhere;
    }
    .grid td:focus {
      outline: 3px solid var(--color-focus);
      outline-offset: -3px;
    }
    .other {
      background: var(--color-surface);
      color: var(--color-text-muted);
    }
    .today {
      box-shadow: inset 0 0 0 2px var(--color-brand);
    }
    .num {
      font-weight: 700;
    }
    .today-tag {
      margin-left: var(--space-1);
      padding: 0 0.3em;
      border-radius: var(--radius);
      background: var(--color-brand);
      color: #fff;
      font-size: 0.75rem;
    }
    .entries {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .agenda {
      padding: 0;
      list-style: none;
    }
    .agenda h3 {
      margin: var(--space-3) 0 var(--space-1);
      font-size: 1rem;
    }
    .agenda h3.today {
      box-shadow: none;
    }
    .overdue {
      color: var(--color-bad);
      font-weight: 700;
    }
    .small {
      font-size: 0.875rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarPage {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly dates = personDates();
  protected readonly campaignId = routeParam('campaignId');
  protected readonly today = dayInZone(this.dates.zone());
  protected readonly kinds: readonly EntryKind[] = ['demand', 'follow_up', 'milestone'];
  protected readonly view = signal<'month' | 'agenda'>('month');
  protected readonly month = signal(monthOf(this.today));
  protected readonly focusDay = signal(this.today);
  /** The campaign's entries; a slow answer for a campaign left behind never shows for the next one. */
  private readonly entries = loadFor(
    () => this.campaignId(),
    async (id) => {
      const [milestones, demands, followUps] = await Promise.all([
        allPages((cursor) => this.api.get('/api/campaigns/{id}/milestones', { pathParams: { id }, params: { limit: 200, cursor } })),
        allPages((cursor) => this.api.get('/api/campaigns/{id}/demands', { pathParams: { id }, params: { limit: 200, cursor } })),
        allPages((cursor) => this.api.get('/api/campaigns/{id}/follow-ups', { pathParams: { id }, params: { limit: 200, cursor } })),
      ]);
      return calendarEntries(id, this.dates.zone(), milestones, demands, followUps);
    },
    'calendar.notFound',
  );
  protected readonly state = this.entries.state;

  protected readonly weeks = computed(() => monthWeeks(this.month()));
  protected readonly monthName = computed(() => {
    const [year, m] = this.month().split('-').map(Number) as [number, number];
    return new Intl.DateTimeFormat(this.i18n.locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, m - 1, 15)),
    );
  });
  protected readonly weekdays = computed(() =>
    (this.weeks()[0] ?? []).map((day) => ({
      short: this.format(day, { weekday: 'short' }),
      long: this.format(day, { weekday: 'long' }),
    })),
  );
  protected readonly byDay = computed(() => {
    const current = this.state();
    const map = new Map<string, CalendarEntry[]>();
    for (const entry of current.kind === 'ready' ? current.value : []) {
      map.set(entry.day, [...(map.get(entry.day) ?? []), entry]);
    }
    return map;
  });
  protected readonly agenda = computed(() =>
    [...this.byDay()]
      .filter(([day]) => monthOf(day) === this.month())
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, entries]) => ({ day, entries })),
  );
  protected readonly focusedSummary = computed(() => {
    const day = this.focusDay();
    const count = this.byDay().get(day)?.length ?? 0;
    return `${this.longDay(day)}: ${this.i18n.translate('calendar.entries', { count })}`;
  });

  protected load(): void {
    void this.entries.reload();
  }

  protected move(by: number): void {
    this.month.update((month) => shiftMonth(month, by));
    this.focusDay.set(`${this.month()}-01`);
  }

  protected goToday(): void {
    this.month.set(monthOf(this.today));
    this.focusDay.set(this.today);
  }

  protected inMonth(day: string): boolean {
    return monthOf(day) === this.month();
  }

  protected dayNumber(day: string): number {
    return Number(day.slice(8));
  }

  protected icon(kind: EntryKind): string {
    return KIND_ICONS[kind];
  }

  protected kindKey(kind: EntryKind): TranslationKey {
    return KIND_KEYS[kind];
  }

  protected longDay(day: string): string {
    return this.format(day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  }

  /** Arrow keys move a day or a week (changing month at the edges), Home/End to the week's ends, Enter opens the first entry. */
  protected key(event: KeyboardEvent): void {
    const day = this.focusDay();
    const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7, Home: -weekday, End: 6 - weekday };
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'TD') {
      (event.target as HTMLElement).querySelector('a')?.click();
      return;
    }
    const by = moves[event.key];
    if (by === undefined) return;
    event.preventDefault();
    const next = addDays(day, by);
    this.focusDay.set(next);
    this.month.set(monthOf(next));
    requestAnimationFrame(() => this.host.querySelector<HTMLElement>(`td[data-day="${next}"]`)?.focus());
  }

  private format(day: string, options: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { ...options, timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
  }
}
