import { describe, expect, it } from 'vitest';
import { SIGN_IN_ACCOUNT_WINDOW_MS, SIGN_IN_WINDOW_MS, signInCounters } from './sign-in-limits.js';

const limits = { loginPerAccountAddress: 10, loginPerAccount: 50, loginPerAddress: 30, perMinute: 600 };

describe('signInCounters', () => {
  it('counts an attempt from an unknown device per address, per account and address, and per account', () => {
    const counters = signInCounters(limits, { email: 'ana@example.org', address: '203.0.113.7', knownDeviceId: null });
    expect(counters).toEqual([
      { rule: { bucket: 'login-address', limit: 30, windowMs: SIGN_IN_WINDOW_MS }, id: '203.0.113.7', onSuccess: 'refund' },
      {
        rule: { bucket: 'login-account-address', limit: 10, windowMs: SIGN_IN_WINDOW_MS },
        id: '["ana@example.org","203.0.113.7"]',
        onSuccess: 'clear',
      },
      { rule: { bucket: 'login-account', limit: 50, windowMs: SIGN_IN_ACCOUNT_WINDOW_MS }, id: 'ana@example.org', onSuccess: 'refund' },
    ]);
  });

  it('exempts a known device from the per-account limit, and limits that device instead', () => {
    const counters = signInCounters(limits, { email: 'ana@example.org', address: '203.0.113.7', knownDeviceId: 'device-1' });
    expect(counters.map((c) => c.rule.bucket)).toEqual(['login-address', 'login-account-address', 'login-device']);
    expect(counters[2]).toEqual({
      rule: { bucket: 'login-device', limit: 10, windowMs: SIGN_IN_WINDOW_MS },
      id: 'device-1',
      onSuccess: 'clear',
    });
  });

  it('keeps the slow account window longer than the others', () => {
    expect(SIGN_IN_ACCOUNT_WINDOW_MS).toBeGreaterThan(SIGN_IN_WINDOW_MS);
  });

  it('keeps pairs apart when an e-mail contains the separator', () => {
    const a = signInCounters(limits, { email: 'a|b', address: 'c', knownDeviceId: null })[1]!.id;
    const b = signInCounters(limits, { email: 'a', address: 'b|c', knownDeviceId: null })[1]!.id;
    expect(a).not.toBe(b);
  });
});
