import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, cookieOf, createUser, PASSWORD, signIn, withDb, type TestUser } from './support/accounts.js';
import { startApi, type RunningApp } from './support/test-app.js';

describe('sign-in and sessions', () => {
  let api: RunningApp;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    api = await startApi();
    admin = await createUser('admin');
    member = await createUser('member');
  });
  afterAll(async () => {
    await api.close();
  });

  const me = (as: Parameters<typeof call>[3]) => call(api.url, 'GET', '/api/me', as);

  it('sets an httpOnly, SameSite=Lax session cookie and answers /api/me with a CSRF token', async () => {
    const response = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: member.email.toUpperCase(), password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = cookieOf(response)!;
    expect(cookie.header).toMatch(/^demarche_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie.header).toMatch(/; HttpOnly/i);
    expect(cookie.header).toMatch(/; SameSite=Lax/i);
    expect(cookie.header).toMatch(/; Path=\//);
    expect(cookie.header).not.toMatch(/; Secure/i);
    const body = (await response.json()) as { user: { email: string; role: string }; csrfToken: string };
    expect(body.user).toMatchObject({ email: member.email, role: 'member' });
    const r = await me({ cookie: cookie.pair, csrfToken: '', setCookie: '' });
    expect(r.status).toBe(200);
    expect(r.body.csrfToken).toBe(body.csrfToken);
    expect(r.body.user.organization.id).toBe(member.organizationId);
  });

  it('refuses a wrong password, an unknown address and a missing session alike', async () => {
    for (const [email, password] of [
      [member.email, 'wrong password!!'],
      ['nobody@example.org', PASSWORD],
    ]) {
      const r = await call(api.url, 'POST', '/api/auth/login', null, { email, password });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('invalid_credentials');
      expect(r.headers.getSetCookie()).toEqual([]);
    }
    expect((await me(null)).status).toBe(401);
  });

  it('names the bad field of a malformed sign-in', async () => {
    const r = await call(api.url, 'POST', '/api/auth/login', null, { email: 'not-an-address', password: PASSWORD });
    expect(r.status).toBe(400);
    expect(r.body.details).toEqual([{ field: 'email', message: 'must be an e-mail address' }]);
  });

  it('ends the session at logout: the old cookie gets 401', async () => {
    const browser = await signIn(api.url, member.email);
    expect((await call(api.url, 'POST', '/api/auth/logout', browser)).status).toBe(204);
    expect((await me(browser)).status).toBe(401);
  });

  it('ends every session of the user with "sign out everywhere"', async () => {
    const a = await signIn(api.url, member.email);
    const b = await signIn(api.url, member.email);
    expect((await call(api.url, 'POST', '/api/auth/logout-everywhere', a)).status).toBe(204);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
  });

  it('ends every session when the password changes, and keeps this browser signed in', async () => {
    const user = await createUser('member');
    const other = await signIn(api.url, user.email);
    const here = await signIn(api.url, user.email);
    const wrong = await call(api.url, 'POST', '/api/me/password', here, {
      currentPassword: 'not it at all',
      newPassword: 'a brand new passphrase',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'wrong_password', details: [{ field: 'currentPassword' }] });
    const short = await call(api.url, 'POST', '/api/me/password', here, { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.details[0].field).toBe('newPassword');

    const changed = await call(api.url, 'POST', '/api/me/password', here, {
      currentPassword: PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(changed.status).toBe(200);
    expect((await me(other)).status).toBe(401);
    expect((await me(here)).status).toBe(401);
    const renewed = { cookie: cookieOf(changed.response)!.pair, csrfToken: changed.body.csrfToken as string, setCookie: '' };
    expect((await me(renewed)).status).toBe(200);
    expect((await call(api.url, 'POST', '/api/auth/login', null, { email: user.email, password: PASSWORD })).status).toBe(401);
    expect((await signIn(api.url, user.email, 'a brand new passphrase')).cookie).toBeTruthy();
  });

  it('ends every session of a disabled user, and lets them in again once enabled', async () => {
    const user = await createUser('member');
    const browser = await signIn(api.url, user.email);
    const adminBrowser = await signIn(api.url, admin.email);
    expect((await call(api.url, 'POST', `/api/users/${user.id}/disable`, adminBrowser)).status).toBe(200);
    expect((await me(browser)).status).toBe(401);
    expect((await call(api.url, 'POST', '/api/auth/login', null, { email: user.email, password: PASSWORD })).body.code).toBe(
      'invalid_credentials',
    );
    expect((await call(api.url, 'POST', `/api/users/${user.id}/enable`, adminBrowser)).status).toBe(200);
    expect((await me(await signIn(api.url, user.email))).status).toBe(200);
  });

  it('expires a session after its idle time and at its absolute end', async () => {
    const idle = await signIn(api.url, member.email);
    const absolute = await signIn(api.url, member.email);
    await withDb(async (db) => {
      await db.query(
        `UPDATE sessions SET idle_expires_at = now() - interval '1 second' WHERE id = (SELECT id FROM sessions ORDER BY created_at DESC OFFSET 1 LIMIT 1)`,
      );
      await db.query(
        `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = (SELECT id FROM sessions ORDER BY created_at DESC LIMIT 1)`,
      );
    });
    expect((await me(idle)).status).toBe(401);
    expect((await me(absolute)).status).toBe(401);
  });

  it('stores sessions only as hashes', async () => {
    const browser = await signIn(api.url, member.email);
    const token = browser.cookie.split('=')[1]!;
    const rows = await withDb((db) =>
      db.query(`SELECT count(*)::int AS n FROM sessions WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%'`, [token]),
    );
    expect(rows.rows[0].n).toBe(0);
  });

  it('hashes passwords with argon2id at m ≥ 19 MiB, t ≥ 2, p ≥ 1', async () => {
    const user = await createUser('observer');
    await call(api.url, 'POST', '/api/me/password', await signIn(api.url, user.email), {
      currentPassword: PASSWORD,
      newPassword: 'another long passphrase',
    });
    const { rows } = await withDb((db) => db.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]));
    // PHC string: $argon2id$v=19$<params>$<salt>$<hash>, params in any order.
    const match = /^\$argon2id\$v=19\$([a-z0-9=,]+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(rows[0].password_hash);
    expect(match).not.toBeNull();
    const params = Object.fromEntries(
      match![1]!
        .split(',')
        .map((kv) => kv.split('='))
        .map(([k, v]) => [k, Number(v)]),
    );
    expect(params.m).toBeGreaterThanOrEqual(19_456);
    expect(params.t).toBeGreaterThanOrEqual(2);
    expect(params.p).toBeGreaterThanOrEqual(1);
  });

  it('records sign-ins and failed sign-ins in the audit trail', async () => {
    const user = await createUser('member');
    await call(api.url, 'POST', '/api/auth/login', null, { email: user.email, password: 'wrong password!!' });
    await signIn(api.url, user.email);
    const { rows } = await withDb((db) =>
      db.query(`SELECT action, actor_id FROM audit_events WHERE subject_id = $1 ORDER BY id`, [user.id]),
    );
    expect(rows).toEqual([
      { action: 'auth.sign_in_failed', actor_id: null },
      { action: 'auth.signed_in', actor_id: user.id },
    ]);
  });
});

describe('CSRF', () => {
  let api: RunningApp;
  let member: TestUser;

  beforeAll(async () => {
    api = await startApi();
    member = await createUser('member');
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses a cookie-authenticated change without the header or with a wrong one, and accepts the right one', async () => {
    const browser = await signIn(api.url, member.email);
    const missing = await fetch(`${api.url}/api/me`, {
      method: 'PATCH',
      headers: { cookie: browser.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Changed' }),
    });
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { code: string }).code).toBe('csrf_invalid');
    const wrong = await call(
      api.url,
      'PATCH',
      '/api/me',
      browser,
      { displayName: 'Changed' },
      { 'x-csrf-token': browser.csrfToken.slice(0, -2) + 'xx' },
    );
    expect(wrong.status).toBe(403);
    const other = await signIn(api.url, member.email);
    const otherSessions = await call(api.url, 'PATCH', '/api/me', browser, { displayName: 'Changed' }, { 'x-csrf-token': other.csrfToken });
    expect(otherSessions.status).toBe(403);
    const right = await call(api.url, 'PATCH', '/api/me', browser, { displayName: 'Changed' });
    expect(right.status).toBe(200);
    expect(right.body.displayName).toBe('Changed');
  });

  it('needs no CSRF token for reads', async () => {
    const browser = await signIn(api.url, member.email);
    expect((await fetch(`${api.url}/api/me`, { headers: { cookie: browser.cookie } })).status).toBe(200);
  });
});
