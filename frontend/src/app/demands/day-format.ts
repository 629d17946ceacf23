/**
 * A calendar day (`YYYY-MM-DD`, e.g. when a response was received) as people read it, e.g.
 * "2 May 2025". A day is not an instant: it is formatted at noon UTC so that no zone shifts it.
 */
export function formatDay(day: string, locale: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  if (!year || !month || !date) {
    return day;
  }
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date, 12)),
  );
}
