import { Redis } from 'ioredis';
import { addressOf, type Config } from './core/config/config.js';
import { ensureDatabase } from './core/database/database-admin.js';
import { DependencyMisconfiguredError, DependencyUnavailableError } from './core/dependency-error.js';
import { redisOptions } from './core/redis/redis-options.js';

/** A one-shot Redis client: one connection attempt within a few seconds, no retries, no queueing. */
function oneShotRedis(redisUrl: string): Redis {
  const client = new Redis(
    redisOptions(redisUrl, {
      lazyConnect: true,
      connectTimeout: 3_000,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
    }),
  );
  client.on('error', () => undefined);
  return client;
}

/** Answers once, within a few seconds, whether Redis takes commands at the configured address. */
export async function checkRedis(redisUrl: string): Promise<void> {
  const client = oneShotRedis(redisUrl);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new DependencyUnavailableError([{ dependency: 'Redis', address: addressOf(redisUrl, 6379), cause: error }]);
  } finally {
    client.disconnect();
  }
}

/**
 * Redis's `maxmemory-policy`: `CONFIG GET`, or where CONFIG is disabled or not permitted (managed
 * Redis, ACLs) the `maxmemory_policy` field of `INFO memory`. Null when neither answers.
 */
export async function readMaxmemoryPolicy(client: Redis): Promise<string | null> {
  try {
    const reply = (await client.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
    const value = reply[1];
    if (reply[0]?.toLowerCase() === 'maxmemory-policy' && value) return value;
  } catch {
    // CONFIG renamed away or refused: ask INFO instead.
  }
  try {
    const info = await client.info('memory');
    return /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * The worker's precondition on Redis: `maxmemory-policy noeviction`. Under any other policy Redis
 * may evict BullMQ's keys when memory runs short: queued jobs (the only copy of a queued e-mail),
 * locks and schedulers vanish silently. Throws a message naming the setting, its value and the
 * fix; Redis unreachable throws as checkRedis does. A policy that cannot be read is passed to
 * `warn` and allowed.
 */
export async function checkRedisEvictionPolicy(redisUrl: string, warn: (message: string) => void): Promise<void> {
  const client = oneShotRedis(redisUrl);
  const address = addressOf(redisUrl, 6379);
  try {
    try {
      await client.connect();
    } catch (error) {
      throw new DependencyUnavailableError([{ dependency: 'Redis', address, cause: error }]);
    }
    const policy = await readMaxmemoryPolicy(client);
    if (policy === null) {
      warn(
        `could not read Redis's maxmemory-policy at ${address} (neither CONFIG GET nor INFO answered); ` +
          'make sure it is noeviction, or queued jobs may be evicted and lost.',
      );
    } else if (policy !== 'noeviction') {
      throw new DependencyMisconfiguredError(
        `Redis at ${address} has maxmemory-policy ${policy}; the worker needs maxmemory-policy noeviction, ` +
          'or Redis may evict queued jobs when memory runs short and lose them.\n' +
          'Set it with `redis-cli CONFIG SET maxmemory-policy noeviction` and keep it across restarts with ' +
          '`maxmemory-policy noeviction` in redis.conf (or `redis-server --maxmemory-policy noeviction`); ' +
          'on a managed Redis, set the maxmemory-policy parameter to noeviction in its settings.',
      );
    }
  } finally {
    client.disconnect();
  }
}

/**
 * Before anything starts: PostgreSQL reachable (its database created if missing) and Redis
 * reachable. Both are checked together, so one message can name both when both are away.
 */
export async function preflight(config: Config): Promise<void> {
  const results = await Promise.allSettled([ensureDatabase(config.databaseUrl), checkRedis(config.redisUrl)]);
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as Error);
  const unreachable = failures.flatMap((f) => (f instanceof DependencyUnavailableError ? f.unreachable : []));
  if (unreachable.length > 0) throw new DependencyUnavailableError(unreachable);
  if (failures.length > 0) throw failures[0];
}
