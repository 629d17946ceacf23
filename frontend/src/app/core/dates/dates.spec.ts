import { dayInZone, endOfDayInZone, formatInstant } from './dates';

describe('dates', () => {
  it('puts the end of a day at 23:59 in the zone, on either side of a DST change', () => {
    expect(endOfDayInZone('2027-03-31', 'America/Argentina/Buenos_Aires')).toBe('2027-04-01T02:59:00.000Z');
    expect(endOfDayInZone('2027-01-15', 'Europe/Zurich')).toBe('2027-01-15T22:59:00.000Z'); // CET, UTC+1
    expect(endOfDayInZone('2027-07-15', 'Europe/Zurich')).toBe('2027-07-15T21:59:00.000Z'); // CEST, UTC+2
    expect(endOfDayInZone('2027-03-28', 'Europe/Zurich')).toBe('2027-03-28T21:59:00.000Z'); // the day clocks go forward
    expect(endOfDayInZone('2027-11-07', 'America/New_York')).toBe('2027-11-08T04:59:00.000Z'); // the day clocks go back
    expect(endOfDayInZone('2027-06-01', 'Asia/Kolkata')).toBe('2027-06-01T18:29:00.000Z');
  });

  it('tells the calendar day in a zone', () => {
    const instant = new Date('2026-11-29T02:30:00Z');
    expect(dayInZone('America/Argentina/Buenos_Aires', instant)).toBe('2026-11-28');
    expect(dayInZone('Asia/Tokyo', instant)).toBe('2026-11-29');
  });

  it('shows an instant with its zone', () => {
    expect(formatInstant('2026-11-28T12:00:00.000Z', 'en', 'America/Argentina/Buenos_Aires')).toBe('Nov 28, 2026, 09:00 AM GMT-3');
    expect(formatInstant('2026-11-28T12:00:00.000Z', 'es', 'Europe/Madrid')).toBe('28 nov 2026, 13:00 CET');
  });
});
