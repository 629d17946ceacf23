import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { DomainError, RateLimitedError } from '../http/domain-error.js';
import { REDIS } from '../redis/redis.module.js';

export interface RateLimitRule {
  /** What is counted: `login-account`, `login-address`, `requests`… */
  bucket: string;
  limit: number;
  windowMs: number;
}

/** Counts a hit; the first hit of a window starts its expiry. Answers [count, milliseconds left]. */
const HIT = `local count = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1], 'NX')
return {count, redis.call('PTTL', KEYS[1])}`;

/** Takes a hit back, within the same window (the expiry is kept); a window that ended stays ended. */
const REFUND = `if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then
  return redis.call('DECR', KEYS[1])
end
return 0`;

type RateLimitClient = Redis & {
  demarcheRateLimitHit(key: string, windowMs: number): Promise<[number, number]>;
  demarcheRateLimitRefund(key: string): Promise<number>;
};

/**
 * Fixed-window counters in Redis, so a limit holds across every API process. `consume` throws a
 * 429 (with Retry-After) past the limit.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    // Every API request passes here: one script (EVALSHA, one command) rather than a MULTI of
    // five. ioredis sends the script itself again if Redis has forgotten it (a restart).
    if (!('demarcheRateLimitHit' in redis)) redis.defineCommand('demarcheRateLimitHit', { numberOfKeys: 1, lua: HIT });
    if (!('demarcheRateLimitRefund' in redis)) redis.defineCommand('demarcheRateLimitRefund', { numberOfKeys: 1, lua: REFUND });
  }

  /**
   * Counts one hit of `id` against `rule`. When Redis cannot be asked, `failOpen` decides: the
   * general request limit lets the request through; sign-in refuses it (503), so an outage never
   * lifts the brake on password guessing.
   */
  async consume(rule: RateLimitRule, id: string, { failOpen }: { failOpen: boolean }): Promise<void> {
    const key = this.key(rule, id);
    let count: number;
    let ttl: number;
    try {
      [count, ttl] = await (this.redis as RateLimitClient).demarcheRateLimitHit(key, rule.windowMs);
    } catch (error) {
      this.logger.warn({ err: error, bucket: rule.bucket }, 'rate limiter unavailable');
      if (failOpen) return;
      throw new RateLimiterUnavailableError();
    }
    if (count > rule.limit) throw new RateLimitedError(Math.max(1, Math.ceil((ttl > 0 ? ttl : rule.windowMs) / 1000)));
  }

  /**
   * Takes one hit back (a sign-in that succeeded, or one refused by another limit, is not a
   * failure). Best effort: a refund Redis cannot take leaves the count one higher until the window ends.
   */
  async refund(rule: RateLimitRule, id: string): Promise<void> {
    await (this.redis as RateLimitClient).demarcheRateLimitRefund(this.key(rule, id)).catch(() => undefined);
  }

  /** Forgets the count (a successful sign-in clears the failures of its account and address). */
  async reset(rule: RateLimitRule, id: string): Promise<void> {
    await this.redis.del(this.key(rule, id)).catch(() => undefined);
  }

  private key(rule: RateLimitRule, id: string): string {
    return `${this.config.redisPrefix}:rl:${rule.bucket}:${id}`;
  }
}

export class RateLimiterUnavailableError extends DomainError {
  constructor() {
    super(503, 'service_unavailable', 'Sign-in is briefly unavailable; try again in a minute.');
  }
}
