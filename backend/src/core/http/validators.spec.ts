import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './validators.js';

describe('isCalendarDate', () => {
  it('accepts real days written YYYY-MM-DD and nothing else', () => {
    for (const ok of ['2025-05-26', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31']) expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of [
      '2025-02-29',
      '1900-02-29',
      '2025-13-01',
      '2025-04-31',
      '2025-00-10',
      '2025-05-00',
      '0000-01-01',
      '2025-5-26',
      '26/05/2025',
      '2025-05-26T00:00:00Z',
      ' 2025-05-26',
      '',
    ])
      expect(isCalendarDate(bad), bad).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const bad of [null, undefined, 20250526, new Date('2025-05-26'), ['2025-05-26']]) expect(isCalendarDate(bad)).toBe(false);
  });
});
