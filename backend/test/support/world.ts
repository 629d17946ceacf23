import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkerModule } from '../../src/app/worker.module.js';
import type { Config } from '../../src/core/config/config.js';
import { SmtpSink } from './smtp-sink.js';
import { startApi, testConfig, type RunningApp } from './test-app.js';

/** The API, a worker (so queued e-mail is really sent) and an SMTP sink, all real. */
export interface World {
  api: RunningApp;
  worker: INestApplicationContext;
  smtp: SmtpSink;
  config: Config;
  close: () => Promise<void>;
}

export async function startWorld(env: NodeJS.ProcessEnv = {}): Promise<World> {
  const smtp = await new SmtpSink().start();
  const config = testConfig({ SMTP_URL: smtp.url, ...env });
  const api = await startApi(config);
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  await worker.init();
  return {
    api,
    worker,
    smtp,
    config,
    close: async () => {
      await api.close();
      await worker.close();
      await smtp.stop();
    },
  };
}
