import { describe, expect, it } from 'vitest';
import { isRetryable } from './transaction.js';

describe('which failed transactions are run again', () => {
  it('retries deadlocks and serialization failures only', () => {
    expect(isRetryable({ driverError: { code: '40P01' } })).toBe(true);
    expect(isRetryable({ code: '40001' })).toBe(true);
    expect(isRetryable({ driverError: { code: '23505' } })).toBe(false);
    expect(isRetryable(new Error('boom'))).toBe(false);
    expect(isRetryable(null)).toBe(false);
  });
});
