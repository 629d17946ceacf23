import type { components } from '../core/api/schema.generated';
import { dayInZone } from '../core/dates/dates';

type Milestone = components['schemas']['MilestoneDto'];
type Demand = components['schemas']['DemandDto'];
type FollowUp = components['schemas']['FollowUpDto'];

export type EntryKind = 'demand' | 'follow_up' | 'milestone';

/** Something on the calendar: a day (in the person's zone), what it is, and where it links. */
export interface CalendarEntry {
  readonly kind: EntryKind;
  readonly id: string;
  readonly title: string;
  /** `YYYY-MM-DD` */
  readonly day: string;
  /** The instant, for deadlines; null for a milestone (a calendar day). */
  readonly at: string | null;
  readonly link: readonly string[];
  readonly overdue: boolean;
}

/** Every dated thing of a campaign, in order (milestones first on their day). */
export function calendarEntries(
  campaignId: string,
  zone: string,
  milestones: readonly Milestone[],
  demands: readonly Demand[],
  followUps: readonly FollowUp[],
): CalendarEntry[] {
  const entries: CalendarEntry[] = [
    ...milestones.map((m) => ({
      kind: 'milestone' as const,
      id: m.id,
      title: m.title,
      day: m.occursOn,
      at: null,
      link: ['/campaigns', campaignId],
      overdue: false,
    })),
    ...demands.flatMap((d) =>
      d.deadline
        ? [
            {
              kind: 'demand' as const,
              id: d.id,
              title: `${d.office.title}: ${shorten(d.text)}`,
              day: dayInZone(zone, new Date(d.deadline.at)),
              at: d.deadline.at,
              link: ['/campaigns', campaignId, 'demands', d.id],
              overdue: false,
            },
          ]
        : [],
    ),
    ...followUps
      .filter((f) => f.status !== 'cancelled')
      .map((f) => ({
        kind: 'follow_up' as const,
        id: f.id,
        title: f.title,
        day: dayInZone(zone, new Date(f.dueAt)),
        at: f.dueAt,
        link: ['/campaigns', campaignId, 'follow-ups', f.id],
        overdue: f.overdue,
      })),
  ];
  return entries.sort((a, b) => a.day.localeCompare(b.day) || (a.at ?? '').localeCompare(b.at ?? '') || a.title.localeCompare(b.title));
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}

/** `YYYY-MM` of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 + by, 1)).toISOString().slice(0, 7);
}

/** The weeks (Monday first) that show `month`, each day as `YYYY-MM-DD`, padded with the neighbouring months' days. */
export function monthWeeks(month: string): string[][] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, m - 1, 1));
  const start = Date.UTC(year, m - 1, 1 - ((first.getUTCDay() + 6) % 7));
  const weeks: string[][] = [];
  for (let week = 0; week < 6; week++) {
    const days = Array.from({ length: 7 }, (_, i) => new Date(start + (week * 7 + i) * 86_400_000).toISOString().slice(0, 10));
    if (week > 0 && monthOf(days[0] ?? '') !== month) break;
    weeks.push(days);
  }
  return weeks;
}

/** `day` moved by `by` days. */
export function addDays(day: string, by: number): string {
  const [year, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, m - 1, d + by)).toISOString().slice(0, 10);
}
