import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisKeys } from './support/global-setup.js';
import { databaseUrl, dropDatabase, uniqueName } from './support/databases.js';
import { BACKEND_DIR, runNode } from './support/processes.js';
import { closedPort } from './support/tcp-proxy.js';

// These run the built launcher (`npm start` runs it after building): `npm test` builds first.
const LAUNCHER = 'dist/launcher.js';

describe('npm start (the launcher)', () => {
  beforeAll(() => {
    if (!existsSync(join(BACKEND_DIR, LAUNCHER))) throw new Error('backend is not built: run `npm run build -w @demarche/backend`');
  });

  it('stops at once on a bad variable, naming it', async () => {
    const run = runNode(LAUNCHER, { PORT: 'eighty' });
    const { code, afterMs } = await run.exited;
    expect(code).toBe(1);
    expect(afterMs).toBeLessThan(10_000);
    expect(run.output()).toContain('PORT: must be a whole number');
  });

  it('says which dependency is away, where, and how to get one, within seconds', async () => {
    const pgPort = await closedPort();
    const run = runNode(LAUNCHER, { DATABASE_URL: `postgres://postgres:pw@127.0.0.1:${pgPort}/demarche`, REDIS_URL: inject('redisUrl') });
    const { code, afterMs } = await run.exited;
    expect(code).toBe(1);
    expect(afterMs).toBeLessThan(10_000);
    expect(run.output()).toContain(`PostgreSQL is not reachable at 127.0.0.1:${pgPort}`);
    expect(run.output()).toContain('docker compose up -d postgres redis');
    expect(run.output()).not.toContain(':pw@');

    const redisPort = await closedPort();
    const run2 = runNode(LAUNCHER, { DATABASE_URL: databaseUrl('postgres'), REDIS_URL: `redis://127.0.0.1:${redisPort}` });
    const second = await run2.exited;
    expect(second.code).toBe(1);
    expect(second.afterMs).toBeLessThan(10_000);
    expect(run2.output()).toContain(`Redis is not reachable at 127.0.0.1:${redisPort}`);
    expect(run2.output()).not.toContain('PostgreSQL is not reachable');
  });

  describe('on a fresh machine', () => {
    const name = uniqueName('demarche_start');
    const url = databaseUrl(name);
    const prefix = uniqueName('demarche_start');
    let port: number;

    beforeAll(async () => {
      port = await closedPort();
    });
    afterAll(async () => {
      await dropDatabase(url);
      await deleteRedisKeys(inject('redisUrl'), prefix);
    });

    const loginsFile = join(mkdtempSync(join(tmpdir(), 'demarche-start-')), 'demo-logins.txt');
    const env = () => ({
      DEMO_LOGINS_FILE: loginsFile,
      DATABASE_URL: url,
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: prefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });

    it('creates the database, migrates, loads the demo once, runs API and worker, and stops cleanly', async () => {
      const first = runNode(LAUNCHER, env());
      try {
        await first.waitFor(/dashboard http:\/\/localhost:\d+\//, 60_000);
        expect(first.output()).toMatch(/applied \d+ migration\(s\)/);
        expect(first.output()).toContain('loaded the demo campaign (35 demands');
        expect(first.output()).toContain(`their passwords are in ${loginsFile}`);
        const health = await fetch(`http://127.0.0.1:${port}/api/health`);
        expect(health.status).toBe(200);
      } finally {
        first.child.kill('SIGTERM');
      }
      const stopped = await first.exited;
      expect(stopped.code).toBe(0);
      expect(first.output()).toContain('demarche: stopped');
      // Both children are gone: nothing answers on the port any more.
      await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();

      const second = runNode(LAUNCHER, env());
      try {
        await second.waitFor(/dashboard http:\/\/localhost:\d+\//, 60_000);
        expect(second.output()).toContain('database schema is up to date');
        expect(second.output()).not.toContain('loaded the demo campaign');
      } finally {
        second.child.kill('SIGINT');
      }
      expect((await second.exited).code).toBe(0);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(
        'SELECT (SELECT count(*)::int FROM campaigns) AS campaigns, (SELECT count(*)::int FROM demands) AS demands',
      );
      await client.end();
      expect(rows[0]).toEqual({ campaigns: 1, demands: 35 });
    });

    it('loads no demo data with DEMO_DATA=false', async () => {
      const other = databaseUrl(uniqueName('demarche_nodemo'));
      const run = runNode(LAUNCHER, { ...env(), DATABASE_URL: other, DEMO_DATA: 'false' });
      try {
        await run.waitFor(/dashboard http:\/\/localhost:\d+\//, 60_000);
        expect(run.output()).not.toContain('loaded the demo campaign');
      } finally {
        run.child.kill('SIGTERM');
        await run.exited;
        await dropDatabase(other);
      }
    });
  });
});
