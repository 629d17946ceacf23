import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, TcpProxy } from './support/tcp-proxy.js';
import { startApi, testConfig, type RunningApp } from './support/test-app.js';
import { json } from './support/http.js';

async function health(api: RunningApp) {
  const response = await fetch(`${api.url}/api/health`);
  return { status: response.status, body: await json(response) };
}

describe('GET /api/health', () => {
  it('answers 200 when PostgreSQL and Redis both answer', async () => {
    const api = await startApi();
    try {
      const r = await health(api);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        status: 'ok',
        checks: { database: { status: 'up', address: '127.0.0.1:5432' }, redis: { status: 'up', address: '127.0.0.1:6379' } },
      });
      expect(r.body.version).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      await api.close();
    }
  });

  it('answers 503 naming Redis when Redis is on a closed port', async () => {
    const port = await closedPort();
    const api = await startApi(testConfig({ REDIS_URL: `redis://127.0.0.1:${port}` }));
    try {
      const r = await health(api);
      expect(r.status).toBe(503);
      expect(r.body.status).toBe('unavailable');
      expect(r.body.checks.database.status).toBe('up');
      expect(r.body.checks.redis).toMatchObject({ status: 'down', address: `127.0.0.1:${port}` });
      expect(r.body.checks.redis.message).toBeTruthy();
    } finally {
      await api.close();
    }
  });

  describe('when PostgreSQL stops while the API runs', () => {
    let proxy: TcpProxy;
    let api: RunningApp;

    beforeAll(async () => {
      const target = new URL(inject('databaseUrl'));
      proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
      api = await startApi(testConfig({ DATABASE_URL: proxy.route(inject('databaseUrl')) }));
    });
    afterAll(async () => {
      await api.close().catch(() => undefined);
    });

    it('answers 200 first, then 503 naming the database once it is gone', async () => {
      expect((await health(api)).status).toBe(200);
      await proxy.cut();
      const r = await health(api);
      expect(r.status).toBe(503);
      expect(r.body.checks.database).toMatchObject({ status: 'down', address: `127.0.0.1:${proxy.port}` });
      expect(r.body.checks.redis.status).toBe('up');
    });
  });
});
