import { describe, expect, it } from 'vitest';
import { addDays, holderOn, termCovers, termEndsSoon, termsOverlap, utcToday, type TermDays } from './term-days.js';

const term = (startsOn: string | null, endsOn: string | null): TermDays => ({ startsOn, endsOn });

describe('calendar days', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-04-30', 1)).toBe('2025-05-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-05-26', -1)).toBe('2025-05-25');
    expect(addDays('2025-05-26', 30)).toBe('2025-06-25');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('takes today in UTC, whatever the local zone', () => {
    expect(utcToday(new Date('2025-05-25T23:30:00-05:00'))).toBe('2025-05-26');
    expect(utcToday(new Date('2025-05-26T00:30:00+02:00'))).toBe('2025-05-25');
  });
});

describe('officeholder terms', () => {
  // The OAS Secretary General changed on 26 May 2025 (founding campaign, terms.csv).
  const almagro = term('2015-05-26', '2025-05-25');
  const ramdin = term('2025-05-26', null);

  it('covers a day from its first to its last day, both included; unknown and open ends reach indefinitely', () => {
    expect(termCovers(almagro, '2015-05-26')).toBe(true);
    expect(termCovers(almagro, '2025-05-25')).toBe(true);
    expect(termCovers(almagro, '2025-05-26')).toBe(false);
    expect(termCovers(almagro, '2015-05-25')).toBe(false);
    expect(termCovers(ramdin, '2030-01-01')).toBe(true);
    expect(termCovers(term(null, '2025-04-30'), '1990-01-01')).toBe(true);
    expect(termCovers(term(null, null), '2025-01-01')).toBe(true);
  });

  it('finds who held the office on a day, including the day the holder changed', () => {
    expect(holderOn([almagro, ramdin], '2025-05-25')).toBe(almagro);
    expect(holderOn([almagro, ramdin], '2025-05-26')).toBe(ramdin);
    expect(holderOn([almagro, ramdin], '2010-01-01')).toBeNull();
    expect(holderOn([], '2025-05-26')).toBeNull();
  });

  it('answers the covering term that began last when several cover the day (a collective body)', () => {
    const old = term(null, null);
    const founding = term('2020-01-01', null);
    const newest = term('2025-01-01', '2025-12-31');
    expect(holderOn([old, founding, newest], '2025-06-01')).toBe(newest);
    expect(holderOn([newest, founding, old], '2025-06-01')).toBe(newest);
    expect(holderOn([old, founding, newest], '2026-06-01')).toBe(founding);
    expect(holderOn([old], '2026-06-01')).toBe(old);
  });

  it('overlaps when the two share at least one day', () => {
    expect(termsOverlap(almagro, ramdin)).toBe(false);
    expect(termsOverlap(ramdin, almagro)).toBe(false);
    expect(termsOverlap(almagro, term('2025-05-25', null))).toBe(true);
    expect(termsOverlap(term('2025-04-01', '2025-04-30'), term('2025-04-10', '2025-04-12'))).toBe(true);
    expect(termsOverlap(term(null, '2025-04-30'), term('2025-05-01', null))).toBe(false);
    expect(termsOverlap(term(null, '2025-04-30'), term(null, '2020-01-01'))).toBe(true);
    expect(termsOverlap(term('2025-05-01', null), term('2030-01-01', null))).toBe(true);
    expect(termsOverlap(term(null, null), almagro)).toBe(true);
  });

  it('ends soon when its last day is within the next 30 days, today included', () => {
    const today = '2025-05-01';
    expect(termEndsSoon(term('2025-04-01', '2025-05-01'), today)).toBe(true);
    expect(termEndsSoon(term(null, '2025-05-31'), today)).toBe(true);
    expect(termEndsSoon(term(null, '2025-06-01'), today)).toBe(false);
    expect(termEndsSoon(term(null, '2025-04-30'), today)).toBe(false);
    expect(termEndsSoon(term('2025-04-01', null), today)).toBe(false);
  });
});
