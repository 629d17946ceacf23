/** Time-zone helpers that need nothing but the platform's Intl support. */

/** True when `zone` is an IANA time-zone name this runtime knows (e.g. `Europe/Zurich`). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.trim() !== zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTC offset of `zone` at `instant`, in minutes east of UTC (Zurich in summer: +120).
 */
export function zoneOffsetMinutes(zone: string, instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant at which the wall clock in `zone` reads `date` (YYYY-MM-DD) at `time` (HH:MM).
 * A wall time skipped by a DST change moves forward by the gap, as clocks do; an ambiguous one
 * (repeated hour) takes the earlier instant.
 */
export function zonedWallTimeToInstant(date: string, time: string, zone: string): Date {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm) throw new RangeError(`expected YYYY-MM-DD and HH:MM, got "${date}" "${time}"`);
  const wallAsUtc = Date.UTC(+dm[1], +dm[2] - 1, +dm[3], +tm[1], +tm[2]);
  // Read the wall time as if it were UTC, then correct by the zone's offset around it. Near a DST
  // change the two candidate offsets differ; keep the candidates that really read as the asked
  // wall time (two in an overlap: take the earlier), or, in a gap, the later one (clocks moved on).
  // The offsets are read a day either side: the real instant lies up to 14 hours from the wall
  // time read as UTC (east of UTC, before it), and an hour's margin missed a change in Zurich.
  const candidates = [...new Set([-24, 0, 24].map((h) => zoneOffsetMinutes(zone, new Date(wallAsUtc + h * 3600000))))]
    .map((offset) => wallAsUtc - offset * 60000)
    .sort((a, b) => a - b);
  const exact = candidates.filter((c) => c + zoneOffsetMinutes(zone, new Date(c)) * 60000 === wallAsUtc);
  return new Date(exact.length > 0 ? exact[0]! : candidates[candidates.length - 1]!);
}

/** The wall time a date-only deadline falls due at: the end of that day where it is stated. */
export const END_OF_DAY = '23:59';

/** The instant a deadline stated as a calendar day in `zone` falls due (23:59 there). */
export function deadlineForDay(date: string, zone: string): Date {
  return zonedWallTimeToInstant(date, END_OF_DAY, zone);
}
