import type { TestProject } from 'vitest/node';
import { Redis } from 'ioredis';
import { migrate } from '../../src/core/database/database-admin.js';
import { createDatabase, dropDatabase, TEST_REDIS_URL, uniqueName } from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    redisPrefix: string;
  }
}

/**
 * One database and one Redis key prefix for this run, migrated once; both removed afterwards.
 * Tests that need a pristine database of their own make one with createDatabase().
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const databaseUrl = await createDatabase('demarche_test');
  await migrate({ databaseUrl, databasePoolSize: 2 });
  const redisPrefix = uniqueName('demarche_test');
  project.provide('databaseUrl', databaseUrl);
  project.provide('redisUrl', TEST_REDIS_URL);
  project.provide('redisPrefix', redisPrefix);
  return async () => {
    await dropDatabase(databaseUrl);
    await deleteRedisKeys(TEST_REDIS_URL, redisPrefix);
  };
}

export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
