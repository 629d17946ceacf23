/**
 * When the launcher restarts a child that exited (ADR 0005, addendum): never gives up, waits
 * 0.5 s after the first exit, doubling with each exit that follows a short run, up to 30 s; a child
 * that stayed up for a while (30 s after it said it was ready) starts the count again. Pure: the
 * launcher passes the clock in.
 */
export interface RestartPolicy {
  /** Delay before the first restart of a series. */
  initialDelayMs: number;
  /** The delay never exceeds this. */
  maxDelayMs: number;
  /** A child that stayed ready this long before it exited restarts after `initialDelayMs` again. */
  stableAfterMs: number;
  /** The window of the "exits in the last minute" figure the launcher logs. */
  windowMs: number;
}

export const RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 30_000,
  windowMs: 60_000,
};

/** The delay before restart number `attempt` (1-based) of a series of short runs. */
export function restartDelayMs(attempt: number, policy: RestartPolicy = RESTART_POLICY): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2 ** exponent overflows to Infinity long after the cap: Math.min keeps the cap.
  return Math.min(policy.initialDelayMs * 2 ** exponent, policy.maxDelayMs);
}

export interface RestartDecision {
  /** Wait this long, then start the child again. */
  delayMs: number;
  /** Which restart of the current series of short runs this is (1 after a stable run). */
  attempt: number;
  /** Exits within the last `windowMs`, this one included. */
  exitsInWindow: number;
}

/** One child's exit history. */
export class RestartBackoff {
  private attempt = 0;
  private exits: number[] = [];

  constructor(private readonly policy: RestartPolicy = RESTART_POLICY) {}

  /**
   * Records an exit at `now`. `readyForMs` is how long the child had been ready when it exited
   * (0 if it never got there this time).
   */
  exited(now: number, readyForMs: number): RestartDecision {
    if (readyForMs >= this.policy.stableAfterMs) this.attempt = 0;
    this.attempt += 1;
    this.exits = [...this.exits.filter((t) => now - t < this.policy.windowMs), now];
    return { delayMs: restartDelayMs(this.attempt, this.policy), attempt: this.attempt, exitsInWindow: this.exits.length };
  }
}
