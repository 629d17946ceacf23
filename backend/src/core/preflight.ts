import { Redis } from 'ioredis';
import { addressOf, type Config } from './config/config.js';
import { ensureDatabase } from './database/database-admin.js';
import { DependencyUnavailableError } from './dependency-error.js';
import { redisOptions } from './redis/redis-options.js';

/** Answers once, within a few seconds, whether Redis takes commands at the configured address. */
export async function checkRedis(redisUrl: string): Promise<void> {
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
