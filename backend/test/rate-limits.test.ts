import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisKeys } from './support/global-setup.js';
import { call, createUser, PASSWORD, signIn, type TestUser } from './support/accounts.js';
import { uniqueName } from './support/databases.js';
import { startApi, testConfig, type RunningApp } from './support/test-app.js';

async function flushScripts(): Promise<void> {
  const redis = new Redis(inject('redisUrl'));
  try {
    expect(await redis.script('FLUSH')).toBe('OK');
  } finally {
    redis.disconnect();
  }
}

describe('rate limits, shared by two API processes through Redis', () => {
  const prefix = uniqueName('demarche_rl');
  let a: RunningApp;
  let b: RunningApp;
  let member: TestUser;

  beforeAll(async () => {
    const config = testConfig({
      REDIS_PREFIX: prefix,
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '3',
      RATE_LIMIT_LOGIN_PER_ADDRESS: '8',
      RATE_LIMIT_PER_MINUTE: '1000',
    });
    a = await startApi(config);
    b = await startApi(config);
    member = await createUser('member');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await deleteRedisKeys(inject('redisUrl'), prefix);
  });

  it('stops sign-in attempts on one account past the limit, counting across both instances', async () => {
    const attempt = (app: RunningApp) =>
      call(app.url, 'POST', '/api/auth/login', null, { email: member.email, password: 'wrong password!!' });
    expect((await attempt(a)).status).toBe(401);
    expect((await attempt(b)).status).toBe(401);
    expect((await attempt(a)).status).toBe(401);
    const blocked = await attempt(b);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Even the right password waits: the limit is checked before the password.
    expect((await call(a.url, 'POST', '/api/auth/login', null, { email: member.email, password: PASSWORD })).status).toBe(429);
  });

  it('stops sign-in attempts from one address across accounts', async () => {
    // 5 attempts were made from 127.0.0.1 above; the address limit is 8: three more, then 429.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const app = i % 2 === 0 ? a : b;
      statuses.push(
        (await call(app.url, 'POST', '/api/auth/login', null, { email: `someone-${i}@example.org`, password: 'whatever it is' })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('limits requests per user per minute, across both instances', async () => {
    const perMinutePrefix = uniqueName('demarche_rl');
    const config = testConfig({ REDIS_PREFIX: perMinutePrefix, RATE_LIMIT_PER_MINUTE: '6' });
    const [c, d] = [await startApi(config), await startApi(config)];
    const user = await createUser('observer');
    // Sign in through an instance with generous limits, then use the session on the limited pair.
    const helper = await startApi();
    let browser;
    try {
      browser = await signIn(helper.url, user.email);
    } finally {
      await helper.close();
    }
    const statuses: number[] = [];
    try {
      for (let i = 0; i < 7; i++) {
        // Redis forgets its scripts on a restart: the counting script is sent again, the count kept.
        if (i === 3) await flushScripts();
        statuses.push((await call(i % 2 ? c.url : d.url, 'GET', '/api/me', browser)).status);
      }
    } finally {
      await c.close();
      await d.close();
      await deleteRedisKeys(inject('redisUrl'), perMinutePrefix);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });
});
