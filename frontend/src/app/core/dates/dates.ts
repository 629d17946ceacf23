/**
 * Dates as people read them. An instant is always shown with its time zone (architecture.md:
 * "an instant … always shown with the zone it is stated in"); a calendar day is `YYYY-MM-DD`.
 */

/** E.g. "28 Nov 2026, 14:05 GMT-3" in `locale`, in `timeZone` (default: the browser's). */
export function formatInstant(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** The calendar day (`YYYY-MM-DD`) it is at `instant` in `timeZone`. */
export function dayInZone(timeZone: string, instant: Date = new Date()): string {
  const parts = wallClock(timeZone, instant.getTime());
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

/**
 * 23:59 on calendar day `day` (`YYYY-MM-DD`) in `timeZone`, as an ISO instant: what "expires on
 * 31 March" means to the person who chose the day, and the product's end of a day (the same rule
 * as `deadlineForDay` in shared/src/time-zones.ts). DST-safe: the zone's offset is taken at that
 * wall time, not at the start of the day.
 */
export function endOfDayInZone(day: string, timeZone: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date, 23, 59);
  let instant = wall - offsetMs(timeZone, wall);
  instant = wall - offsetMs(timeZone, instant); // a second pass lands on the right side of a DST change
  return new Date(instant).toISOString();
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(timeZone: string, instant: number): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetMs(timeZone: string, instant: number): number {
  const c = wallClock(timeZone, instant);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(instant / 1000) * 1000;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
