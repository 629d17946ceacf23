import { describe, expect, it } from 'vitest';
import { fieldWithNul, MAX_JSON_DEPTH, nestsDeeperThan } from './request-input.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('request input checks', () => {
  it('measures nesting on the raw bytes, outside strings only', () => {
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(nestsDeeperThan(bytes(nested(MAX_JSON_DEPTH)), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(bytes(nested(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan(bytes(`{"a":${'{"b":'.repeat(40)}1${'}'.repeat(40)}}`), MAX_JSON_DEPTH)).toBe(true);
    // Brackets inside strings, escaped quotes included, are text.
    expect(nestsDeeperThan(bytes(JSON.stringify({ text: '['.repeat(500) })), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(bytes(JSON.stringify({ text: `say \\"${'{'.repeat(500)}` })), MAX_JSON_DEPTH)).toBe(false);
    // Siblings do not add up.
    expect(nestsDeeperThan(bytes(JSON.stringify(Array.from({ length: 1000 }, () => [[1]]))), MAX_JSON_DEPTH)).toBe(false);
  });

  it('names the first field holding a NUL, in names and values, at any depth', () => {
    expect(fieldWithNul({ title: 'fine', tags: ['a', 'b'] })).toBeNull();
    expect(fieldWithNul({ title: 'a\u0000b' })).toBe('title');
    expect(fieldWithNul({ deadline: { zone: 'Europe/Zurich\u0000' } })).toBe('deadline.zone');
    expect(fieldWithNul({ demandIds: ['x', 'y\u0000'] })).toBe('demandIds.1');
    expect(fieldWithNul({ ['ke\u0000y']: 1 })).toBe('ke\u0000y');
    expect(fieldWithNul('\u0000')).toBe('body');
    expect(fieldWithNul({ n: 1, b: true, z: null })).toBeNull();
  });
});
