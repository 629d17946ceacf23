import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, cookieOf, createUser, PASSWORD, signIn, withDb, type TestUser } from './support/accounts.js';
import { linkToken } from './support/smtp-sink.js';
import { startWorld, type World } from './support/world.js';

describe('invitations and password reset, through a real SMTP server', () => {
  let world: World;
  let admin: TestUser;
  let coordinator: TestUser;
  let url: string;

  beforeAll(async () => {
    world = await startWorld({ PUBLIC_URL: 'http://dashboard.test' });
    url = world.api.url;
    admin = await createUser('admin');
    coordinator = await createUser('coordinator');
  });
  afterAll(async () => {
    await world.close();
  });

  const email = (name: string) => `${name}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}@example.org`;

  describe('invitations', () => {
    it('e-mails a single-use link that creates the account and signs it in', async () => {
      const adminBrowser = await signIn(url, admin.email);
      const invitee = email('invitee');
      const created = await call(url, 'POST', '/api/invitations', adminBrowser, {
        email: invitee.toUpperCase(),
        organizationId: coordinator.organizationId,
        role: 'member',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ email: invitee, organizationId: coordinator.organizationId, role: 'member' });

      const mail = await world.smtp.waitFor(invitee);
      expect(mail.subject).toContain('Your invitation to Demarche');
      expect(mail.text).toContain('http://dashboard.test/accept-invitation#token=');
      expect(mail.messageId).toMatch(/@dashboard\.test>?$/);
      const token = linkToken(mail);

      const preview = await call(url, 'POST', '/api/auth/invitations/inspect', null, { token });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ email: invitee, role: 'member' });

      const accepted = await call(url, 'POST', '/api/auth/invitations/accept', null, {
        token,
        displayName: 'New Member',
        password: 'a long enough passphrase',
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body.user).toMatchObject({
        email: invitee,
        role: 'member',
        displayName: 'New Member',
        organization: { id: coordinator.organizationId },
      });
      const browser = { cookie: cookieOf(accepted.response)!.pair, csrfToken: accepted.body.csrfToken, setCookie: '' };
      expect((await call(url, 'GET', '/api/me', browser)).status).toBe(200);

      const again = await call(url, 'POST', '/api/auth/invitations/accept', null, {
        token,
        displayName: 'Again',
        password: 'a long enough passphrase',
      });
      expect(again.status).toBe(400);
      expect(again.body.code).toBe('link_invalid');
      expect((await call(url, 'POST', '/api/auth/invitations/inspect', null, { token })).body.code).toBe('link_invalid');
      expect((await signIn(url, invitee, 'a long enough passphrase')).cookie).toBeTruthy();
    });

    it('refuses an expired or revoked link', async () => {
      const adminBrowser = await signIn(url, admin.email);
      const expiring = email('expiring');
      const created = await call(url, 'POST', '/api/invitations', adminBrowser, {
        email: expiring,
        organizationId: admin.organizationId,
        role: 'observer',
      });
      const token = linkToken(await world.smtp.waitFor(expiring));
      await withDb((db) => db.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.body.id]));
      expect(
        (await call(url, 'POST', '/api/auth/invitations/accept', null, { token, displayName: 'X', password: 'a long enough passphrase' }))
          .body.code,
      ).toBe('link_invalid');

      const revoked = email('revoked');
      const second = await call(url, 'POST', '/api/invitations', adminBrowser, {
        email: revoked,
        organizationId: admin.organizationId,
        role: 'observer',
      });
      const token2 = linkToken(await world.smtp.waitFor(revoked));
      expect((await call(url, 'DELETE', `/api/invitations/${second.body.id}`, adminBrowser)).status).toBe(204);
      expect((await call(url, 'POST', '/api/auth/invitations/inspect', null, { token: token2 })).body.code).toBe('link_invalid');
    });

    it('lets a coordinator invite to their own organization only, never as admin', async () => {
      const browser = await signIn(url, coordinator.email);
      const own = await call(url, 'POST', '/api/invitations', browser, {
        email: email('own'),
        organizationId: coordinator.organizationId,
        role: 'member',
      });
      expect(own.status).toBe(201);
      const elsewhere = await call(url, 'POST', '/api/invitations', browser, {
        email: email('elsewhere'),
        organizationId: admin.organizationId,
        role: 'member',
      });
      expect(elsewhere.status).toBe(403);
      const asAdmin = await call(url, 'POST', '/api/invitations', browser, {
        email: email('boss'),
        organizationId: coordinator.organizationId,
        role: 'admin',
      });
      expect(asAdmin.status).toBe(403);
      const member = await createUser('member', {
        organization: (await withDb((db) => db.query('SELECT name FROM organizations WHERE id = $1', [coordinator.organizationId]))).rows[0]
          .name,
      });
      const byMember = await call(url, 'POST', '/api/invitations', await signIn(url, member.email), {
        email: email('x'),
        organizationId: member.organizationId,
        role: 'member',
      });
      expect(byMember.status).toBe(403);
    });

    it('refuses to invite an address that has an account', async () => {
      const r = await call(url, 'POST', '/api/invitations', await signIn(url, admin.email), {
        email: coordinator.email,
        organizationId: admin.organizationId,
        role: 'member',
      });
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ code: 'email_taken', details: [{ field: 'email' }] });
    });
  });

  describe('password reset', () => {
    it('answers the same for known and unknown addresses, and mails only the known one', async () => {
      const user = await createUser('member');
      const unknown = email('nobody');
      const forUnknown = await call(url, 'POST', '/api/auth/password-reset', null, { email: unknown });
      const forKnown = await call(url, 'POST', '/api/auth/password-reset', null, { email: user.email });
      expect(forUnknown.status).toBe(202);
      expect(forKnown.status).toBe(202);
      expect(forUnknown.body).toEqual(forKnown.body);
      await world.smtp.waitFor(user.email);
      await new Promise((r) => setTimeout(r, 300));
      expect(world.smtp.to(unknown)).toEqual([]);
    });

    it('uses the link once: sets the password, ends every old session, signs this browser in', async () => {
      const user = await createUser('member', { locale: 'es' });
      const old = await signIn(url, user.email);
      await call(url, 'POST', '/api/auth/password-reset', null, { email: user.email });
      const mail = await world.smtp.waitFor(user.email);
      expect(mail.subject).toBe('Restablecer su contraseña de Demarche');
      const token = linkToken(mail);

      const short = await call(url, 'POST', '/api/auth/password-reset/confirm', null, { token, password: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.details[0].field).toBe('password');

      const done = await call(url, 'POST', '/api/auth/password-reset/confirm', null, { token, password: 'my new secret passphrase' });
      expect(done.status).toBe(200);
      expect(done.body.user.email).toBe(user.email);
      expect((await call(url, 'GET', '/api/me', old)).status).toBe(401);
      const fresh = { cookie: cookieOf(done.response)!.pair, csrfToken: done.body.csrfToken, setCookie: '' };
      expect((await call(url, 'GET', '/api/me', fresh)).status).toBe(200);
      expect((await call(url, 'POST', '/api/auth/login', null, { email: user.email, password: PASSWORD })).status).toBe(401);

      const reused = await call(url, 'POST', '/api/auth/password-reset/confirm', null, { token, password: 'yet another passphrase' });
      expect(reused.body.code).toBe('link_invalid');
    });

    it('refuses an expired link, and an older link once a newer one was sent', async () => {
      const user = await createUser('member');
      await call(url, 'POST', '/api/auth/password-reset', null, { email: user.email });
      const first = linkToken(await world.smtp.waitFor(user.email));
      await call(url, 'POST', '/api/auth/password-reset', null, { email: user.email });
      const second = linkToken(await world.smtp.waitFor(user.email, (m) => !m.text!.includes(first)));
      expect(
        (await call(url, 'POST', '/api/auth/password-reset/confirm', null, { token: first, password: 'a long enough passphrase' })).body
          .code,
      ).toBe('link_invalid');
      await withDb((db) => db.query(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]));
      expect(
        (await call(url, 'POST', '/api/auth/password-reset/confirm', null, { token: second, password: 'a long enough passphrase' })).body
          .code,
      ).toBe('link_invalid');
    });
  });

  it('never puts a password, session cookie, CSRF token or API token in an e-mail', async () => {
    const user = await createUser('member');
    const browser = await signIn(url, user.email);
    const apiToken = (await call(url, 'POST', '/api/me/tokens', browser, { name: 't' })).body.token as string;
    await call(url, 'POST', '/api/auth/password-reset', null, { email: user.email });
    const inviteEmail = email('secretless');
    await call(url, 'POST', '/api/invitations', await signIn(url, admin.email), {
      email: inviteEmail,
      organizationId: admin.organizationId,
      role: 'member',
    });
    await world.smtp.waitFor(user.email);
    await world.smtp.waitFor(inviteEmail);
    const everything = world.smtp.messages.map((m) => m.raw).join('\n');
    for (const secret of [PASSWORD, browser.cookie.split('=')[1]!, browser.csrfToken, apiToken]) expect(everything).not.toContain(secret);
  });
});
