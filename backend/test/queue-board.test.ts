import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES, type MailMessage } from '../src/core/queue/queues.js';
import { call, createUser, signIn, type Browser } from './support/accounts.js';
import { json } from './support/http.js';
import { startApi, type RunningApp } from './support/test-app.js';

const BOARD = '/api/admin/queues';
const PAGE = `${BOARD}`;
const ASSET = `${BOARD}/static/images/logo.svg`;
const LISTING = `${BOARD}/api/queues?page=1&jobsPerPage=50`;

/** Bull Board, mounted on the API's Fastify: Nest's guard does not see it, its own hook does. */
describe('queue board (/api/admin/queues)', () => {
  let api: RunningApp;
  let admin: Browser;
  let coordinator: Browser;

  beforeAll(async () => {
    api = await startApi();
    admin = await signIn(api.url, (await createUser('admin')).email);
    coordinator = await signIn(api.url, (await createUser('coordinator')).email);
  });
  afterAll(async () => {
    await api.close();
  });

  const get = (path: string, as: Browser | null) => fetch(api.url + path, { headers: as ? { cookie: as.cookie } : {} });

  it('answers 401 in the API’s error shape to anonymous callers, serving nothing of the board', async () => {
    for (const path of [PAGE, `${BOARD}/`, ASSET, LISTING, `${BOARD}/queue/mail`]) {
      const response = await get(path, null);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
      const body = await json(response);
      expect(body, path).toEqual({
        statusCode: 401,
        code: 'unauthenticated',
        message: 'Sign in to continue.',
        requestId: response.headers.get('x-request-id'),
      });
    }
    const badToken = await fetch(api.url + LISTING, { headers: { authorization: 'Bearer nope' } });
    expect(badToken.status).toBe(401);
    expect((await json(badToken)).code).toBe('invalid_token');
  });

  it('answers 403 to a signed-in coordinator, serving nothing of the board', async () => {
    for (const path of [PAGE, ASSET, LISTING]) {
      const response = await get(path, coordinator);
      expect(response.status, path).toBe(403);
      const body = await json(response);
      expect(body, path).toMatchObject({ statusCode: 403, code: 'forbidden' });
      expect(JSON.stringify(body)).not.toMatch(/bull|queue-|<html/i);
    }
  });

  it('serves an admin the page, with no third-party request and under the dashboard’s own CSP', async () => {
    const response = await get(PAGE, admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain(`<base href="${BOARD}/"`);
    // No URL to another origin (the stock page links Google Fonts).
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("default-src 'self'");
    // Every script and stylesheet the page names is served, from under the board.
    const assets = [...html.matchAll(/(?:src|href)="(static\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(2);
    for (const asset of assets) {
      const r = await get(`${BOARD}/${asset}`, admin);
      expect(r.status, asset).toBe(200);
    }
    expect((await get(ASSET, admin)).status).toBe(200);
  });

  it('lists every queue to an admin, read-only', async () => {
    const response = await get(LISTING, admin);
    expect(response.status).toBe(200);
    const body = await json(response);
    const names = (body.queues as { name: string; readOnlyMode: boolean }[]).map((q) => q.name).sort();
    expect(names).toEqual(Object.values(QUEUES).sort());
    expect(body.queues.every((q: { readOnlyMode: boolean }) => q.readOnlyMode)).toBe(true);

    const pause = await call(api.url, 'PUT', `${BOARD}/api/queues/mail/pause`, admin);
    expect(pause.status).toBe(405);
    expect(pause.body).toMatchObject({ statusCode: 405, code: 'method_not_allowed' });
  });

  it('does not show the link tokens of queued e-mail', async () => {
    const mail = api.app.get<Queue<MailMessage>>(getQueueToken(QUEUES.mail), { strict: false });
    const secret = 'S3cretResetToken_abc-123';
    const job = await mail.add(
      'send',
      {
        to: 'someone@example.org',
        subject: 'Reset your password',
        text: `Open http://localhost/reset#token=${secret} within the hour.`,
        html: `<a href="http://localhost/reset#token=${secret}">Reset</a>`,
        messageId: '<board-test@localhost>',
      },
      // Delayed, so no worker of a later test file would ever send it; removed below anyway.
      { delay: 3_600_000 },
    );
    try {
      const response = await get(`${BOARD}/api/queues?activeQueue=mail&status=delayed&page=1&jobsPerPage=50`, admin);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain('board-test@localhost');
      expect(text).toContain('#token=[redacted]');
      expect(text).not.toContain(secret);
    } finally {
      await job.remove();
    }
  });
});
