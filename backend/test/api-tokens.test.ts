import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, withDb, type TestUser } from './support/accounts.js';
import { startApi, type RunningApp } from './support/test-app.js';

describe('personal API tokens', () => {
  let api: RunningApp;
  let owner: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    api = await startApi();
    owner = await createUser('coordinator');
    other = await createUser('member');
  });
  afterAll(async () => {
    await api.close();
  });

  async function newToken(name = 'script', expiresAt?: string) {
    const browser = await signIn(api.url, owner.email);
    const r = await call(api.url, 'POST', '/api/me/tokens', browser, { name, ...(expiresAt ? { expiresAt } : {}) });
    expect(r.status).toBe(201);
    return { browser, token: r.body.token as string, id: r.body.apiToken.id as string, body: r.body };
  }

  it('shows the token once, stores only its hash, and lists it without the secret', async () => {
    const { browser, token, id, body } = await newToken('Reporting');
    expect(token).toMatch(/^dmt_[A-Za-z0-9_-]{43}$/);
    expect(body.apiToken).toMatchObject({ id, name: 'Reporting', prefix: token.slice(0, 12), expiresAt: null, lastUsedAt: null });
    const list = await call(api.url, 'GET', '/api/me/tokens', browser);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(id);
    expect(JSON.stringify(list.body)).not.toContain(token);
    const { rows } = await withDb((db) =>
      db.query(`SELECT count(*)::int AS n FROM api_tokens WHERE position($1::bytea in token_hash) > 0 OR name = $2`, [
        Buffer.from(token),
        token,
      ]),
    );
    expect(rows[0].n).toBe(0);
  });

  it('authenticates a Bearer request by the token alone, needing no CSRF token and ignoring cookies', async () => {
    const { token } = await newToken();
    const otherBrowser = await signIn(api.url, other.email);
    const r = await call(api.url, 'GET', '/api/me', { bearer: token }, undefined, { cookie: otherBrowser.cookie });
    expect(r.status).toBe(200);
    expect(r.body.user.email).toBe(owner.email);
    expect(r.body.csrfToken).toBeNull();
    const change = await call(
      api.url,
      'PATCH',
      '/api/me',
      { bearer: token },
      { displayName: 'Via token' },
      { cookie: otherBrowser.cookie },
    );
    expect(change.status).toBe(200);
    expect(change.body.email).toBe(owner.email);
  });

  it('refuses a bad token even when a valid cookie comes with it', async () => {
    const browser = await signIn(api.url, owner.email);
    const r = await call(api.url, 'GET', '/api/me', { bearer: 'dmt_not-a-real-token' }, undefined, { cookie: browser.cookie });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('invalid_token');
  });

  it('refuses a revoked token', async () => {
    const { browser, token, id } = await newToken();
    expect((await call(api.url, 'GET', '/api/me', { bearer: token })).status).toBe(200);
    expect((await call(api.url, 'DELETE', `/api/me/tokens/${id}`, browser)).status).toBe(204);
    expect((await call(api.url, 'GET', '/api/me', { bearer: token })).status).toBe(401);
    expect((await call(api.url, 'DELETE', `/api/me/tokens/${id}`, browser)).status).toBe(404);
  });

  it('refuses an expired token, and a past expiry at creation', async () => {
    const { token, id } = await newToken('short-lived', new Date(Date.now() + 3_600_000).toISOString());
    expect((await call(api.url, 'GET', '/api/me', { bearer: token })).status).toBe(200);
    await withDb((db) => db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]));
    expect((await call(api.url, 'GET', '/api/me', { bearer: token })).status).toBe(401);
    const browser = await signIn(api.url, owner.email);
    const past = await call(api.url, 'POST', '/api/me/tokens', browser, { name: 'x', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.details).toEqual([{ field: 'expiresAt', message: 'must be in the future' }]);
  });

  it("lets nobody revoke or see another user's token", async () => {
    const { token, id } = await newToken();
    const otherBrowser = await signIn(api.url, other.email);
    expect((await call(api.url, 'DELETE', `/api/me/tokens/${id}`, otherBrowser)).status).toBe(404);
    const list = await call(api.url, 'GET', '/api/me/tokens', otherBrowser);
    expect(list.body.items.map((t: { id: string }) => t.id)).not.toContain(id);
    expect((await call(api.url, 'GET', '/api/me', { bearer: token })).status).toBe(200);
  });

  it('stops working when its owner is disabled', async () => {
    const user = await createUser('member');
    const admin = await createUser('admin');
    const r = await call(api.url, 'POST', '/api/me/tokens', await signIn(api.url, user.email), { name: 't' });
    await call(api.url, 'POST', `/api/users/${user.id}/disable`, await signIn(api.url, admin.email));
    expect((await call(api.url, 'GET', '/api/me', { bearer: r.body.token })).status).toBe(401);
  });

  it('pages the list with a keyset cursor', async () => {
    const user = await createUser('member');
    const browser = await signIn(api.url, user.email);
    for (const name of ['a', 'b', 'c']) await call(api.url, 'POST', '/api/me/tokens', browser, { name });
    const first = await call(api.url, 'GET', '/api/me/tokens?limit=2', browser);
    expect(first.body.items.map((t: { name: string }) => t.name)).toEqual(['c', 'b']);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await call(api.url, 'GET', `/api/me/tokens?limit=2&cursor=${first.body.nextCursor}`, browser);
    expect(second.body).toMatchObject({ items: [{ name: 'a' }], nextCursor: null });
    expect((await call(api.url, 'GET', '/api/me/tokens?cursor=garbage', browser)).body.details).toEqual([
      { field: 'cursor', message: 'is not a cursor from this list' },
    ]);
    expect((await call(api.url, 'GET', '/api/me/tokens?limit=500', browser)).status).toBe(400);
  });

  it('records token creation in the audit trail, without the token', async () => {
    const { token, id } = await newToken('audited');
    const { rows } = await withDb((db) => db.query(`SELECT action, actor_id, after FROM audit_events WHERE subject_id = $1`, [id]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'api_token.created', actor_id: owner.id });
    expect(JSON.stringify(rows[0].after)).not.toContain(token);
  });
});
