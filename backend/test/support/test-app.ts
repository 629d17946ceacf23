import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { inject } from 'vitest';
import { createApiApp, type ApiAppOptions } from '../../src/app/create-api-app.js';
import { loadConfig, type Config } from '../../src/core/config/config.js';

/** The configuration of this test run: its own database and Redis prefix, quiet logs. */
export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: inject('redisPrefix'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    // Generous limits by default: the whole run signs in from 127.0.0.1. The rate-limit tests set their own.
    RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000',
    RATE_LIMIT_LOGIN_PER_ADDRESS: '100000',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  });
}

export interface RunningApp {
  app: NestFastifyApplication;
  url: string;
  close: () => Promise<void>;
}

/** Starts the real API on a free loopback port. */
export async function startApi(config: Config = testConfig(), options: ApiAppOptions = {}): Promise<RunningApp> {
  const app = await createApiApp(config, { bufferLogs: true, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
