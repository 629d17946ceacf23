import type { RedisOptions } from 'ioredis';

/**
 * ioredis options from a `redis://` or `rediss://` URL. Commands fail fast while Redis is away
 * (no offline queue), so a request never hangs on it; the client keeps reconnecting with backoff.
 */
export function redisOptions(redisUrl: string, overrides: RedisOptions = {}): RedisOptions {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(200 * 2 ** attempt, 5_000),
    ...overrides,
  };
}
