import { describe, expect, it } from 'vitest';
import { isValidTimeZone, zonedWallTimeToInstant, zoneOffsetMinutes } from './time-zones.js';

describe('time zones', () => {
  it('recognizes IANA names and refuses others', () => {
    expect(isValidTimeZone('Europe/Zurich')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('knows the offset on both sides of a DST change', () => {
    expect(zoneOffsetMinutes('America/New_York', new Date('2025-01-15T12:00:00Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', new Date('2025-07-15T12:00:00Z'))).toBe(-240);
    expect(zoneOffsetMinutes('Europe/Zurich', new Date('2025-06-16T00:00:00Z'))).toBe(120);
  });

  it('turns a wall time into the instant, in winter and in summer', () => {
    expect(zonedWallTimeToInstant('2025-03-08', '09:00', 'America/New_York').toISOString()).toBe('2025-03-08T14:00:00.000Z');
    expect(zonedWallTimeToInstant('2025-03-10', '09:00', 'America/New_York').toISOString()).toBe('2025-03-10T13:00:00.000Z');
    expect(zonedWallTimeToInstant('2025-06-16', '00:00', 'Europe/Zurich').toISOString()).toBe('2025-06-15T22:00:00.000Z');
  });

  it('moves a wall time skipped by spring-forward past the gap', () => {
    // 02:30 does not exist in New York on 9 March 2025; clocks read 03:30 EDT an hour after 01:30 EST.
    expect(zonedWallTimeToInstant('2025-03-09', '02:30', 'America/New_York').toISOString()).toBe('2025-03-09T07:30:00.000Z');
  });

  it('takes the earlier of two instants in the repeated hour of fall-back', () => {
    // 01:30 happens twice in New York on 2 November 2025: first in EDT (05:30Z), then EST (06:30Z).
    expect(zonedWallTimeToInstant('2025-11-02', '01:30', 'America/New_York').toISOString()).toBe('2025-11-02T05:30:00.000Z');
  });

  it('does the same east of UTC and south of the equator, where the wall time is later than UTC', () => {
    // Zurich springs forward at 02:00 CET (01:00Z): 02:30 does not exist, 03:30 CEST does.
    expect(zonedWallTimeToInstant('2030-03-31', '02:30', 'Europe/Zurich').toISOString()).toBe('2030-03-31T01:30:00.000Z');
    // Zurich falls back at 03:00 CEST (01:00Z): 02:30 happens twice, CEST first.
    expect(zonedWallTimeToInstant('2030-10-27', '02:30', 'Europe/Zurich').toISOString()).toBe('2030-10-27T00:30:00.000Z');
    // Auckland springs forward at 02:00 NZST (14:00Z the day before): 02:30 becomes 03:30 NZDT.
    expect(zonedWallTimeToInstant('2030-09-29', '02:30', 'Pacific/Auckland').toISOString()).toBe('2030-09-28T14:30:00.000Z');
    // Either side of the change, the plain offsets.
    expect(zonedWallTimeToInstant('2030-03-31', '01:30', 'Europe/Zurich').toISOString()).toBe('2030-03-31T00:30:00.000Z');
    expect(zonedWallTimeToInstant('2030-03-31', '03:30', 'Europe/Zurich').toISOString()).toBe('2030-03-31T01:30:00.000Z');
  });

  it('refuses malformed input', () => {
    expect(() => zonedWallTimeToInstant('2025-6-1', '09:00', 'UTC')).toThrow(RangeError);
  });
});
