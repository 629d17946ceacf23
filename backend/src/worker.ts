/** The worker process: `node dist/worker.js`. Runs queues and schedulers; serves no HTTP. */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from './core/config/config.js';
import { WorkerModule } from './app/worker.module.js';
import { AppLogger } from './core/logging/logging.module.js';
import { checkRedisEvictionPolicy } from './preflight.js';
import { runMain } from './core/process.js';
import { drainBudgetMs, WorkerDrain } from './core/queue/worker-drain.js';

await runMain(
  'worker',
  async () => {
    const config = loadConfig();
    // Before anything touches a queue: a Redis that may evict keys would lose jobs silently.
    await checkRedisEvictionPolicy(config.redisUrl, (message) => console.warn(`demarche worker: ${message}`));
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true, abortOnError: false });
    app.useLogger(app.get(AppLogger));
    await app.init();
    process.send?.({ type: 'ready' });
    return app;
  },
  {
    // On SIGTERM: finish the jobs in flight, or put them back in line, before anything closes.
    beforeClose: async (app, remainingMs) => {
      await app.get(WorkerDrain, { strict: false }).drain(drainBudgetMs(remainingMs));
    },
  },
);
