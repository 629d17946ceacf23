/**
 * Dates as people read them. An instant is always shown with its time zone (architecture.md:
 * "an instant … always shown with the zone it is stated in"); a calendar day is `YYYY-MM-DD`.
 */
import { deadlineForDay } from '@demarche/shared';

/** E.g. "28 Nov 2026, 14:05 GMT-3" in `locale`, in `timeZone` (default: the browser's). */
export function formatInstant(iso: string, locale: string, timeZone?: string): string {
  return dateFormat(
    `instant ${locale} ${timeZone ?? ''}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
        ...(timeZone ? { timeZone } : {}),
      }),
  ).format(new Date(iso));
}

/** The calendar day (`YYYY-MM-DD`) it is at `instant` in `timeZone`. */
export function dayInZone(timeZone: string, instant: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * 23:59 on calendar day `day` (`YYYY-MM-DD`) in `timeZone`, as an ISO instant: what "expires on
 * 31 March" means to the person who chose the day, and the product's end of a day — the API's own
 * rule (`deadlineForDay` in shared/src/time-zones.ts, DST-safe), not a copy of it.
 */
export function endOfDayInZone(day: string, timeZone: string): string {
  return deadlineForDay(day, timeZone).toISOString();
}

/**
 * A calendar day (`YYYY-MM-DD`, e.g. when a response was received) as people read it, e.g.
 * "2 May 2025". A day is not an instant: it is formatted at noon UTC so that no zone shifts it.
 */
export function formatDay(day: string, locale: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  if (!year || !month || !date) {
    return day;
  }
  return dateFormat(
    `day ${locale}`,
    () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(Date.UTC(year, month - 1, date, 12)));
}

/**
 * Formatters, made once per locale and zone: making an `Intl.DateTimeFormat` costs far more than
 * formatting with one, and templates format on every render (the overview's scorecard, dozens of
 * dates each time).
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}
