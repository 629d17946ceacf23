import { describe, expect, it } from 'vitest';
import { RestartBackoff, restartDelayMs, RESTART_POLICY } from './launcher-restarts.js';

describe('restartDelayMs', () => {
  it('starts at 0.5 s and doubles up to 30 s, never beyond', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 100, 5000].map((n) => restartDelayMs(n))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('treats a nonsense attempt as the first', () => {
    expect(restartDelayMs(0)).toBe(500);
    expect(restartDelayMs(-3)).toBe(500);
  });
});

describe('RestartBackoff', () => {
  it('never gives up on a child that keeps dying, and counts the exits of the last minute', () => {
    const backoff = new RestartBackoff();
    let now = 0;
    const decisions = [];
    for (let i = 0; i < 12; i++) {
      const d = backoff.exited(now, 2_000);
      decisions.push(d);
      now += d.delayMs + 2_000;
    }
    expect(decisions.map((d) => d.delayMs)).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000,
    ]);
    expect(decisions.map((d) => d.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // At 32 s between exits, the last minute holds two of them.
    expect(decisions.at(-1)!.exitsInWindow).toBe(2);
    expect(decisions[4].exitsInWindow).toBe(5);
  });

  it('starts again at 0.5 s after a child stayed ready for 30 s', () => {
    const backoff = new RestartBackoff();
    backoff.exited(0, 0);
    backoff.exited(1_000, 0);
    expect(backoff.exited(4_000, 0).delayMs).toBe(2_000);
    expect(backoff.exited(40_000, RESTART_POLICY.stableAfterMs - 1).delayMs).toBe(4_000);
    expect(backoff.exited(200_000, RESTART_POLICY.stableAfterMs)).toEqual({ delayMs: 500, attempt: 1, exitsInWindow: 1 });
  });

  it('follows the policy it is given', () => {
    const backoff = new RestartBackoff({ initialDelayMs: 100, maxDelayMs: 250, stableAfterMs: 1_000, windowMs: 10_000 });
    expect([0, 1, 2].map((t) => backoff.exited(t, 0).delayMs)).toEqual([100, 200, 250]);
  });
});
