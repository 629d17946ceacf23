import type { components } from '../core/api/schema.generated';
import { endOfDayInZone } from '../core/dates/dates';
import type { TranslationKey } from '../core/i18n/dictionary';

export type FollowUp = components['schemas']['FollowUpDto'];
export type FollowUpStatus = FollowUp['status'];
export type FollowUpChange = components['schemas']['UpdateFollowUpDto'];
export type NewFollowUp = components['schemas']['CreateFollowUpDto'];
export type FollowUpPage = components['schemas']['FollowUpPageDto'];

const STATUS_KEYS = {
  open: 'followUp.status.open',
  in_progress: 'followUp.status.in_progress',
  done: 'followUp.status.done',
  cancelled: 'followUp.status.cancelled',
} as const satisfies Record<FollowUpStatus, TranslationKey>;

export function followUpStatusKey(status: FollowUpStatus): TranslationKey {
  return STATUS_KEYS[status];
}

/** The list filters both lists take (the API's query parameters). */
export interface FollowUpFilters {
  readonly status: FollowUpStatus | '';
  /** `YYYY-MM-DD`, in the person's zone */
  readonly dueAfter: string;
  readonly dueBefore: string;
  readonly overdueOnly: boolean;
}

export const NO_FILTERS: FollowUpFilters = { status: '', dueAfter: '', dueBefore: '', overdueOnly: false };

/** The API's query for `filters`: days become instants at the bounds of those days in `zone`. */
export function filterQuery(
  filters: FollowUpFilters,
  zone: string,
  now: Date = new Date(),
): { status?: FollowUpStatus; dueAfter?: string; dueBefore?: string } {
  const query: { status?: FollowUpStatus; dueAfter?: string; dueBefore?: string } = {};
  if (filters.status) query.status = filters.status;
  if (filters.dueAfter) query.dueAfter = startOfDay(filters.dueAfter, zone);
  if (filters.dueBefore) query.dueBefore = startOfDay(nextDay(filters.dueBefore), zone);
  if (filters.overdueOnly && (!query.dueBefore || query.dueBefore > now.toISOString())) query.dueBefore = now.toISOString();
  return query;
}

/** 00:00 of `day` in `zone`: one minute after 23:59 of the day before. */
export function startOfDay(day: string, zone: string): string {
  return new Date(Date.parse(endOfDayInZone(previousDay(day), zone)) + 60_000).toISOString();
}

export function nextDay(day: string): string {
  return shiftDay(day, 1);
}

export function previousDay(day: string): string {
  return shiftDay(day, -1);
}

function shiftDay(day: string, by: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + by)).toISOString().slice(0, 10);
}

/** The instant it is at wall time `time` (`HH:MM`) on `day` in `zone`, DST-safe (two passes). */
export function instantInZone(day: string, time: string, zone: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  let instant = wall - zoneOffset(zone, wall);
  instant = wall - zoneOffset(zone, instant);
  return new Date(instant).toISOString();
}

function zoneOffset(zone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - Math.floor(instant / 60_000) * 60_000;
}
