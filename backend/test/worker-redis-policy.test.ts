import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/core/database/database-admin.js';
import { createDatabase, dropDatabase, uniqueName } from './support/databases.js';
import { BACKEND_DIR, runNode, type Started } from './support/processes.js';
import { startRedisServer, type PrivateRedis } from './support/redis-server.js';

// The built worker (`npm test` builds first), each run against a private redis-server configured for the case.
const WORKER = 'dist/worker.js';

describe('the worker refuses a Redis that may evict keys', () => {
  let databaseUrl: string;
  const servers: PrivateRedis[] = [];
  const running: Started[] = [];

  beforeAll(async () => {
    if (!existsSync(join(BACKEND_DIR, WORKER))) throw new Error('backend is not built: run `npm run build -w @demarche/backend`');
    databaseUrl = await createDatabase('demarche_policy');
    await migrate({ databaseUrl, databasePoolSize: 2 });
  });
  afterAll(async () => {
    for (const run of running) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    await Promise.all(running.map((r) => r.exited));
    await Promise.all(servers.map((s) => s.stop()));
    await dropDatabase(databaseUrl);
  });

  const redis = async (args: string[]) => {
    const server = await startRedisServer(args);
    servers.push(server);
    return server;
  };
  const worker = (redisUrl: string) => {
    const run = runNode(WORKER, {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: uniqueName('demarche_policy'),
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: '5000',
    });
    running.push(run);
    return run;
  };

  it('exits non-zero under allkeys-lru, naming the setting, its value and the fix', async () => {
    const server = await redis(['--maxmemory-policy', 'allkeys-lru']);
    const run = worker(server.url);
    const { code, afterMs } = await run.exited;
    expect(code).not.toBe(0);
    expect(afterMs).toBeLessThan(10_000);
    const output = run.output();
    expect(output).toContain(`Redis at 127.0.0.1:${server.port} has maxmemory-policy allkeys-lru`);
    expect(output).toContain('maxmemory-policy noeviction');
    expect(output).toContain('CONFIG SET maxmemory-policy noeviction');
    expect(output).toContain('redis.conf');
    expect(output).not.toContain('worker ready');
    // A known start-up failure: its message, no stack.
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('reads the policy from INFO where CONFIG is disabled (managed Redis)', async () => {
    const server = await redis(['--maxmemory-policy', 'volatile-ttl', '--rename-command', 'CONFIG', '']);
    const run = worker(server.url);
    const { code } = await run.exited;
    expect(code).not.toBe(0);
    expect(run.output()).toContain('has maxmemory-policy volatile-ttl');
    expect(run.output()).toContain('noeviction');
  });

  it('starts under noeviction', async () => {
    const server = await redis(['--maxmemory-policy', 'noeviction']);
    const run = worker(server.url);
    await run.waitFor(/worker ready/, 30_000);
    expect(run.output()).not.toContain('maxmemory-policy');
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
  });

  it('starts under noeviction with CONFIG disabled too', async () => {
    const server = await redis(['--rename-command', 'CONFIG', '']);
    const run = worker(server.url);
    await run.waitFor(/worker ready/, 30_000);
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
  });
});
