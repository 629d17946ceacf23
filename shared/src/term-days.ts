/**
 * Calendar-day rules of officeholder terms, pure (term-days.spec.ts), for the directory and for
 * every other place that asks who holds an office today. A day is a 'YYYY-MM-DD' string (ADR
 * 0003); such strings compare in calendar order. "Today" is the UTC date (`utcToday`), the one
 * clock for it: SQL is given that date, never its own `current_date`.
 */

/** A term "ends soon" when its last day falls within this many days from today. */
export const ENDS_SOON_DAYS = 30;

/** The day `days` after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, date + days);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Today's date in UTC. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A term's days in office, both ends included; null is an unknown or open end. */
export interface TermDays {
  startsOn: string | null;
  endsOn: string | null;
}

/** The term covers `on`: it had started (or its start is unknown) and had not ended (or is open). */
export function termCovers(term: TermDays, on: string): boolean {
  return (term.startsOn === null || term.startsOn <= on) && (term.endsOn === null || term.endsOn >= on);
}

/** Two terms share at least one day (an unknown start reaches back, an open end forward, indefinitely). */
export function termsOverlap(a: TermDays, b: TermDays): boolean {
  return (
    (a.startsOn === null || b.endsOn === null || a.startsOn <= b.endsOn) &&
    (b.startsOn === null || a.endsOn === null || b.startsOn <= a.endsOn)
  );
}

/** The term ends within the next ENDS_SOON_DAYS days, today included. */
export function termEndsSoon(term: TermDays, today: string): boolean {
  return term.endsOn !== null && term.endsOn >= today && term.endsOn <= addDays(today, ENDS_SOON_DAYS);
}

/**
 * Who held the office on `on`: the term covering that day. An individual office has at most one
 * (terms may not overlap); for a collective body, the covering term that began last.
 */
export function holderOn<T extends TermDays>(terms: readonly T[], on: string): T | null {
  let found: T | null = null;
  for (const t of terms) {
    if (!termCovers(t, on)) continue;
    if (found === null || (t.startsOn !== null && (found.startsOn === null || t.startsOn >= found.startsOn))) found = t;
  }
  return found;
}
