/** The worker process: `node dist/worker.js`. Runs queues and schedulers; serves no HTTP. */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from './core/config/config.js';
import { WorkerModule } from './app/worker.module.js';
import { runMain } from './core/process.js';

await runMain('worker', async () => {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  await app.init();
  process.send?.({ type: 'ready' });
  return app;
});
