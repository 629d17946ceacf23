import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const rows = parseCsv('a,b\n"x, y","say ""hi""\nthere"\r\nplain,\n');
    expect(rows).toEqual([
      { a: 'x, y', b: 'say "hi"\nthere' },
      { a: 'plain', b: '' },
    ]);
  });

  it('refuses a row with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/row 2 has 3 fields/);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(/unterminated/);
  });
});
