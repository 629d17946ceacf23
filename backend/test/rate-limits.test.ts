import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisKeys } from './support/global-setup.js';
import { call, createUser, PASSWORD, signIn } from './support/accounts.js';
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

/** The Set-Cookie pair (`name=value`) of the device cookie a sign-in answer set. */
function deviceCookie(response: Response): string {
  const header = response.headers.getSetCookie().find((c) => c.startsWith('demarche_device='));
  if (!header) throw new Error('no device cookie');
  return header.split(';')[0]!;
}

describe('rate limits, shared by two API processes through Redis', () => {
  const prefix = uniqueName('demarche_rl');
  let a: RunningApp;
  let b: RunningApp;

  beforeAll(async () => {
    const config = testConfig({
      REDIS_PREFIX: prefix,
      // Addresses come from X-Forwarded-For, so one test can play several clients.
      TRUST_PROXY: 'true',
      RATE_LIMIT_LOGIN_PER_ACCOUNT_ADDRESS: '3',
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '5',
      RATE_LIMIT_LOGIN_PER_ADDRESS: '8',
      RATE_LIMIT_PER_MINUTE: '1000',
    });
    a = await startApi(config);
    b = await startApi(config);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await deleteRedisKeys(inject('redisUrl'), prefix);
  });

  /** A sign-in from `address`, alternately through each instance, optionally with a device cookie. */
  let turn = 0;
  const login = (email: string, password: string, address: string, cookie?: string) =>
    call(
      (turn++ % 2 ? b : a).url,
      'POST',
      '/api/auth/login',
      null,
      { email, password },
      {
        'x-forwarded-for': address,
        ...(cookie ? { cookie } : {}),
      },
    );

  it('stops an address failing on one account, across both instances, while the member signs in from another address', async () => {
    const member = await createUser('member');
    const attacker = '198.51.100.1';
    for (let i = 0; i < 3; i++) expect((await login(member.email, 'wrong password!!', attacker)).status).toBe(401);
    const blocked = await login(member.email, 'wrong password!!', attacker);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // From that address even the right password waits: the limit is checked before the password.
    expect((await login(member.email, PASSWORD, attacker)).status).toBe(429);
    // The member, elsewhere, is not locked out.
    expect((await login(member.email, PASSWORD, '203.0.113.10')).status).toBe(200);
  });

  it('counts parallel attempts before their passwords are checked, so a burst cannot overtake the limit', async () => {
    const member = await createUser('member');
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () => login(member.email, 'wrong password!!', '198.51.100.2').then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });

  it("clears an account and address pair's failures on a successful sign-in", async () => {
    const member = await createUser('member');
    const address = '203.0.113.20';
    expect((await login(member.email, 'wrong password!!', address)).status).toBe(401);
    expect((await login(member.email, 'wrong password!!', address)).status).toBe(401);
    expect((await login(member.email, PASSWORD, address)).status).toBe(200);
    // Three more failures are allowed, not one.
    for (let i = 0; i < 3; i++) expect((await login(member.email, 'wrong password!!', address)).status).toBe(401);
    expect((await login(member.email, 'wrong password!!', address)).status).toBe(429);
  });

  it('stops new devices on an account after its failures from many addresses, while a known device still signs in', async () => {
    const member = await createUser('member');
    const signedIn = await login(member.email, PASSWORD, '203.0.113.30');
    expect(signedIn.status).toBe(200);
    const known = deviceCookie(signedIn.response);
    // A distributed attacker: five addresses, one failure each, reach the account's limit of 5.
    for (let i = 1; i <= 5; i++) expect((await login(member.email, 'wrong password!!', `198.51.100.${100 + i}`)).status).toBe(401);
    // Now no new device gets in, from any address, whatever the password…
    const refused = await login(member.email, PASSWORD, '198.51.100.200');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60 * 60);
    expect((await login(member.email, PASSWORD, '203.0.113.31')).status).toBe(429);
    // …nor one whose device cookie belongs to someone else.
    const other = await createUser('member');
    const othersDevice = deviceCookie((await login(other.email, PASSWORD, '203.0.113.32')).response);
    expect((await login(member.email, PASSWORD, '203.0.113.32', othersDevice)).status).toBe(429);
    // The member's own browser still signs in, from a new address too, and stays known.
    const fromKnown = await login(member.email, PASSWORD, '203.0.113.33', known);
    expect(fromKnown.status).toBe(200);
    expect(deviceCookie(fromKnown.response)).toBe(known);
  });

  it('stops failures from one address across accounts', async () => {
    const address = '198.51.100.50';
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await login(`someone-${i}@example.org`, 'whatever it is', address)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429]);
    // Successes are not failures: an office behind one address is not stopped by its own sign-ins.
    const office = '203.0.113.40';
    for (let i = 0; i < 10; i++) {
      const colleague = await createUser('member');
      expect((await login(colleague.email, PASSWORD, office)).status).toBe(200);
    }
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
