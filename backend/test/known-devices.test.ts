import { createHash } from 'node:crypto';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisKeys } from './support/global-setup.js';
import { call, cookieOf, createUser, PASSWORD, withDb } from './support/accounts.js';
import { uniqueName } from './support/databases.js';
import { closedPort } from './support/tcp-proxy.js';
import { startApi, testConfig, type RunningApp } from './support/test-app.js';

/** The device cookie's Set-Cookie header, if the answer set one. */
function deviceHeader(response: Response, name = 'demarche_device'): string | undefined {
  return response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
}

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest();

// Instances stay up to the end of the file (the one without Redis starts in the last test):
// Passport keeps strategies in one process-wide registry.
describe('known devices (docs/adr/0016)', () => {
  const prefix = uniqueName('demarche_kd');
  let api: RunningApp;
  let secure: RunningApp;

  beforeAll(async () => {
    api = await startApi(testConfig({ REDIS_PREFIX: prefix }));
    secure = await startApi(testConfig({ REDIS_PREFIX: prefix, PUBLIC_URL: 'https://demarche.example.org' }));
  });
  afterAll(async () => {
    await api.close();
    await secure.close();
    await deleteRedisKeys(inject('redisUrl'), prefix);
  });

  it('sets a long-lived httpOnly, SameSite=Lax device cookie on sign-in, after the session cookie, and stores only its hash', async () => {
    const member = await createUser('member');
    const r = await call(
      api.url,
      'POST',
      '/api/auth/login',
      null,
      { email: member.email, password: PASSWORD },
      { 'user-agent': ' Test/1.0 ' },
    );
    expect(r.status).toBe(200);
    expect(r.response.headers.getSetCookie()[0]).toMatch(/^demarche_session=/);
    const header = deviceHeader(r.response)!;
    expect(header).toBeDefined();
    expect(header).toMatch(/; HttpOnly/i);
    expect(header).toMatch(/; SameSite=Lax/i);
    expect(header).toMatch(/; Path=\/(;|$)/);
    expect(header).not.toMatch(/; Secure/i);
    const expires = new Date(/; Expires=([^;]+)/i.exec(header)![1]!).getTime();
    expect(expires - Date.now()).toBeGreaterThan(360 * 86_400_000);
    const token = header.split(';')[0]!.split('=')[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const { rows } = await withDb((db) =>
      db.query(`SELECT token_hash, user_agent, to_jsonb(d)::text AS everything FROM known_devices d WHERE user_id = $1`, [member.id]),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toEqual(sha256(token));
    expect(rows[0].user_agent).toBe('Test/1.0');
    expect(rows[0].everything).not.toContain(token);
  });

  it('keeps the same device on the next sign-in from that browser, and moves its last-seen time', async () => {
    const member = await createUser('member');
    const first = await call(api.url, 'POST', '/api/auth/login', null, { email: member.email, password: PASSWORD });
    const cookie = deviceHeader(first.response)!.split(';')[0]!;
    await withDb((db) => db.query(`UPDATE known_devices SET last_seen_at = now() - interval '10 days' WHERE user_id = $1`, [member.id]));
    const again = await call(api.url, 'POST', '/api/auth/login', null, { email: member.email, password: PASSWORD }, { cookie });
    expect(again.status).toBe(200);
    expect(deviceHeader(again.response)!.split(';')[0]).toBe(cookie);
    const { rows } = await withDb((db) =>
      db.query(`SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM known_devices WHERE user_id = $1`, [member.id]),
    );
    expect(rows).toEqual([{ fresh: true }]);
  });

  it('does not set a device cookie on a failed sign-in', async () => {
    const member = await createUser('member');
    const r = await call(api.url, 'POST', '/api/auth/login', null, { email: member.email, password: 'wrong password!!' });
    expect(r.status).toBe(401);
    expect(r.response.headers.getSetCookie()).toEqual([]);
  });

  it('forgets every device of a person whose password changes, and makes the browser that changed it known again', async () => {
    const member = await createUser('member');
    const elsewhere = await call(api.url, 'POST', '/api/auth/login', null, { email: member.email, password: PASSWORD });
    const here = await call(api.url, 'POST', '/api/auth/login', null, { email: member.email, password: PASSWORD });
    const browser = { cookie: cookieOf(here.response)!.pair, csrfToken: here.body.csrfToken as string, setCookie: '' };
    const oldHere = deviceHeader(here.response)!.split(';')[0]!;
    const changed = await call(
      api.url,
      'POST',
      '/api/me/password',
      browser,
      {
        currentPassword: PASSWORD,
        newPassword: 'another long password',
      },
      { cookie: `${browser.cookie}; ${oldHere}` },
    );
    expect(changed.status).toBe(200);
    const renewed = deviceHeader(changed.response)!.split(';')[0]!;
    expect(renewed).not.toBe(oldHere);
    const { rows } = await withDb((db) => db.query(`SELECT token_hash FROM known_devices WHERE user_id = $1`, [member.id]));
    expect(rows).toEqual([{ token_hash: sha256(renewed.split('=')[1]!) }]);
    expect(rows[0].token_hash).not.toEqual(sha256(deviceHeader(elsewhere.response)!.split(';')[0]!.split('=')[1]!));
  });

  it('makes the device cookie Secure and __Host- behind HTTPS', async () => {
    const member = await createUser('member');
    const response = await fetch(`${secure.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: member.email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    const header = deviceHeader(response, '__Host-demarche_device')!;
    expect(header).toBeDefined();
    expect(header).toMatch(/; Secure/i);
    expect(header).toMatch(/; Path=\/(;|$)/);
    expect(header).not.toMatch(/; Domain=/i);
  });

  it('refuses sign-in (503) while Redis is away, known device or not', async () => {
    const member = await createUser('member');
    const first = await call(api.url, 'POST', '/api/auth/login', null, { email: member.email, password: PASSWORD });
    const cookie = deviceHeader(first.response)!.split(';')[0]!;
    const noRedis = await startApi(testConfig({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` }));
    try {
      const r = await call(noRedis.url, 'POST', '/api/auth/login', null, { email: member.email, password: PASSWORD }, { cookie });
      expect(r.status).toBe(503);
      expect(r.body.code).toBe('service_unavailable');
    } finally {
      await noRedis.close();
    }
  });
});
