import { describe, expect, it } from 'vitest';
import { containing, SqlFilters, sqlList } from './sql-filters.js';

describe('SqlFilters', () => {
  it('numbers placeholders after the fixed parameters, in order', () => {
    const f = new SqlFilters('campaign');
    f.add('d.campaign_id = $1').add('d.status = ?', 'sent').add('(d.position, d.id) > (?::int, ?::uuid)', 3, 'id');
    const limit = f.param(11);
    expect(f.where).toBe('d.campaign_id = $1 AND d.status = $2 AND (d.position, d.id) > ($3::int, $4::uuid)');
    expect(limit).toBe('$5');
    expect(f.params).toEqual(['campaign', 'sent', 3, 'id', 11]);
  });

  it('refuses a mismatch between ? and values', () => {
    expect(() => new SqlFilters().add('a = ? AND b = ?', 1)).toThrow(/more \?/);
    expect(() => new SqlFilters().add('a = ?', 1, 2)).toThrow(/more values/);
  });

  it('escapes LIKE wildcards', () => {
    expect(containing('100%_sure\\')).toBe('%100\\%\\_sure\\\\%');
  });

  it('writes a closed set of codes as SQL literals, and refuses anything else', () => {
    expect(sqlList(['open', 'in_progress'])).toBe("('open', 'in_progress')");
    expect(() => sqlList([])).toThrow(/empty/);
    expect(() => sqlList(["open') OR true --"])).toThrow(/not a code/);
    expect(() => sqlList(['Open'])).toThrow(/not a code/);
  });
});
