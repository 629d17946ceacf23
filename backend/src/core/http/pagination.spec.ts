import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './pagination.js';

const forged = (values: unknown) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
const UUID = '0b9e7c1e-4a55-4b0e-9a51-2f3c1d2e3f40';

describe('page cursors', () => {
  it('round-trips the keys the lists write', () => {
    const at = new Date('2025-05-02T10:11:12.345Z').toISOString();
    expect(decodeCursor(encodeCursor([at, UUID]), ['timestamp', 'uuid'])).toEqual([at, UUID]);
    expect(decodeCursor(encodeCursor(['2025-06-16', UUID]), ['date', 'uuid'])).toEqual(['2025-06-16', UUID]);
    expect(decodeCursor(encodeCursor(['12', UUID]), ['int', 'uuid'])).toEqual([12, UUID]);
    expect(decodeCursor(encodeCursor(['123456789012']), ['bigint'])).toEqual(['123456789012']);
    expect(decodeCursor(encodeCursor(['Amnesty Internatio']), ['text'])).toEqual(['Amnesty Internatio']);
  });

  it('refuses, as a 400 naming the cursor, anything SQL could not cast', () => {
    const cases: [string, Parameters<typeof decodeCursor>[1]][] = [
      [forged(['x', UUID]), ['timestamp', 'uuid']],
      [forged(['2025-01-01', UUID]), ['timestamp', 'uuid']],
      [forged(['+275760-09-13T00:00:00.000Z', UUID]), ['timestamp', 'uuid']],
      [forged(['2025-02-30', UUID]), ['date', 'uuid']],
      [forged(['2025-06-16', 'not-a-uuid']), ['date', 'uuid']],
      [forged(['1e3', UUID]), ['int', 'uuid']],
      [forged(['99999999999', UUID]), ['int', 'uuid']],
      [forged(['9'.repeat(19)]), ['bigint']],
      [forged([12]), ['bigint']],
      [forged(['a\u0000']), ['text']],
      [forged(['x'.repeat(513)]), ['text']],
      [forged([UUID]), ['date', 'uuid']],
      [forged({ 0: 'x' }), ['text']],
      ['%%%', ['text']],
    ];
    for (const [cursor, kinds] of cases) {
      expect(() => decodeCursor(cursor, kinds), cursor).toThrow(expect.objectContaining({ status: 400, code: 'validation_failed' }));
    }
  });
});
