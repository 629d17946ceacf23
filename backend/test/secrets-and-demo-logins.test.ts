import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, cookieOf, signIn } from './support/accounts.js';
import { databaseUrl, dropDatabase, uniqueName } from './support/databases.js';
import { deleteRedisKeys } from './support/global-setup.js';
import { runNode, type Started } from './support/processes.js';
import { linkToken, SmtpSink } from './support/smtp-sink.js';
import { closedPort } from './support/tcp-proxy.js';

/**
 * The product as `npm start` runs it (launcher → API + worker), logging at the most verbose
 * level, through every flow that handles a secret. Then its whole output is searched for them.
 */
describe('secrets stay out of logs and e-mails; demo logins go to an owner-only file', () => {
  const name = uniqueName('demarche_secrets');
  const prefix = uniqueName('demarche_secrets');
  const loginsFile = join(mkdtempSync(join(tmpdir(), 'demarche-logins-')), 'demo-logins.txt');
  let smtp: SmtpSink;
  let product: Started;
  let url: string;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    const port = await closedPort();
    url = `http://127.0.0.1:${port}`;
    product = runNode('dist/launcher.js', {
      DATABASE_URL: databaseUrl(name),
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: prefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'trace',
      SMTP_URL: smtp.url,
      DEMO_LOGINS_FILE: loginsFile,
    });
    await product.waitFor(/dashboard http:/, 60_000);
  });
  afterAll(async () => {
    product.child.kill('SIGTERM');
    await product.exited;
    await smtp.stop();
    await dropDatabase(databaseUrl(name));
    await deleteRedisKeys(inject('redisUrl'), prefix);
  });

  const readLogins = () =>
    readFileSync(loginsFile, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .slice(1)
      .map((l) => l.split(/\s+/))
      .map(([role, email, password]) => ({ role: role!, email: email!, password: password! }));

  it('writes one demo login per role to a 0600 file and prints only its path', () => {
    expect(statSync(loginsFile).mode & 0o777).toBe(0o600);
    const logins = readLogins();
    expect(logins.map((l) => l.role)).toEqual(['admin', 'coordinator', 'member', 'observer']);
    for (const l of logins) {
      expect(l.email).toMatch(/@example\.org$/);
      expect(l.password.length).toBeGreaterThanOrEqual(16);
      expect(product.output()).not.toContain(l.password);
    }
    expect(product.output()).toContain(loginsFile);
  });

  it('never writes a password, session, CSRF, API or link token to its output', async () => {
    const [admin, , member] = readLogins();
    const wrongAttempt = 'Wrong-Secret-Attempt-4242';
    expect((await call(url, 'POST', '/api/auth/login', null, { email: member!.email, password: wrongAttempt })).status).toBe(401);

    const adminBrowser = await signIn(url, admin!.email, admin!.password);
    const memberBrowser = await signIn(url, member!.email, member!.password);
    const apiToken = (await call(url, 'POST', '/api/me/tokens', memberBrowser, { name: 'cli' })).body.token as string;
    expect((await call(url, 'GET', '/api/me', { bearer: apiToken })).status).toBe(200);

    const newPassword = 'New-Member-Passphrase-777';
    const changed = await call(url, 'POST', '/api/me/password', memberBrowser, { currentPassword: member!.password, newPassword });
    expect(changed.status).toBe(200);
    const renewedCookie = cookieOf(changed.response)!.pair;

    await call(url, 'POST', '/api/auth/password-reset', null, { email: member!.email });
    const resetToken = linkToken(await smtp.waitFor(member!.email));
    const invitee = `${uniqueName('invitee')}@example.org`;
    await call(url, 'POST', '/api/invitations', adminBrowser, {
      email: invitee,
      organizationId: (await call(url, 'GET', '/api/me', adminBrowser)).body.user.organization.id,
      role: 'observer',
    });
    const inviteToken = linkToken(await smtp.waitFor(invitee));
    const resetPassword = 'Reset-Passphrase-Chosen-888';
    expect((await call(url, 'POST', '/api/auth/password-reset/confirm', null, { token: resetToken, password: resetPassword })).status).toBe(
      200,
    );

    const secrets = {
      demoPasswords: readLogins().map((l) => l.password),
      wrongAttempt,
      newPassword,
      resetPassword,
      sessionTokens: [adminBrowser.cookie, memberBrowser.cookie, renewedCookie].map((c) => c.split('=')[1]!),
      csrfTokens: [adminBrowser.csrfToken, memberBrowser.csrfToken, changed.body.csrfToken as string],
      apiToken,
      linkTokens: [resetToken, inviteToken],
    };
    // Give the processes a moment to flush their last lines.
    await new Promise((r) => setTimeout(r, 300));
    const output = product.output();
    expect(output.length).toBeGreaterThan(1000); // it did log, verbosely
    for (const [kind, values] of Object.entries(secrets)) {
      for (const value of [values].flat()) expect(output, `${kind} leaked into the logs`).not.toContain(value);
    }
    const mail = smtp.messages.map((m) => m.raw).join('\n');
    for (const value of [secrets.demoPasswords, newPassword, resetPassword, secrets.sessionTokens, secrets.csrfTokens, apiToken].flat()) {
      expect(mail).not.toContain(value);
    }
  });
});
