import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerModule } from '../src/app/worker.module.js';
import { heartbeatKey } from '../src/core/queue/queues.js';
import { startApi, testConfig } from './support/test-app.js';
import { json } from './support/http.js';

describe('worker process', () => {
  const redis = new Redis(inject('redisUrl'));
  afterAll(() => redis.disconnect());

  it('starts on BullMQ, keeps one heartbeat scheduler, and /api/health sees it', async () => {
    const config = testConfig();
    await redis.del(heartbeatKey(config.redisPrefix));
    const api = await startApi(config);
    try {
      const before = await json(await fetch(`${api.url}/api/health`));
      expect(before.worker).toEqual({ status: 'down', lastSeenAt: null });

      const workers = await Promise.all(
        [1, 2].map(() => NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false })),
      );
      await Promise.all(workers.map((w) => w.init()));
      try {
        const beat = await redis.get(heartbeatKey(config.redisPrefix));
        expect(beat).not.toBeNull();
        const after = await json(await fetch(`${api.url}/api/health`));
        expect(after.worker.status).toBe('up');
        // Two workers upserted the scheduler with the same fixed id: there is one.
        const schedulers = await redis.zrange(`${config.redisPrefix}:q:maintenance:repeat`, 0, -1);
        expect(schedulers).toEqual(['maintenance:heartbeat']);
      } finally {
        await Promise.all(workers.map((w) => w.close()));
      }
    } finally {
      await api.close();
    }
  });
});
