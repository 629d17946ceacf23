import { Writable } from 'node:stream';
import net from 'node:net';
import { Controller, Get, Module, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Public } from '../src/core/auth/decorators.js';
import { createUser, signIn, call, withDb, type Browser } from './support/accounts.js';
import { createCampaign } from './support/campaigns.js';
import { startApi, testConfig, type RunningApp } from './support/test-app.js';
import type { JsonBody } from './support/http.js';

// A probe beside the real API whose queries fail in PostgreSQL with a planted value as their
// parameter: the log must name the failure's code and the request, never the value.
const PLANTED = 'planted-9f2c41e7-value';

@Public()
@Controller('log-probe')
class LogProbeController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('cast')
  async cast(@Query('v') value: string) {
    return this.dataSource.query(`SELECT $1::uuid AS id`, [value]);
  }

  @Get('divide')
  async divide(@Query('v') value: string) {
    return this.dataSource.query(`SELECT length($1::text) / 0 AS n`, [value]);
  }
}

@Module({ controllers: [LogProbeController] })
class LogProbeModule {}

/** The error contract of every 4xx/5xx answer (DESIGN.md). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function expectErrorContract(r: { status: number; body: any; headers: Headers }) {
  const body = r.body as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['statusCode', 'code', 'message', 'requestId', ...(body.details ? ['details'] : [])].sort());
  expect(body.statusCode).toBe(r.status);
  expect(typeof body.code).toBe('string');
  expect(typeof body.message).toBe('string');
  expect(body.requestId).toBe(r.headers.get('x-request-id'));
  for (const d of (body.details as { field: unknown; message: unknown }[] | undefined) ?? []) {
    expect(typeof d.field).toBe('string');
    expect(typeof d.message).toBe('string');
  }
}

describe('input at the edges: every answer a clear 4xx in the error contract, nothing written', () => {
  let api: RunningApp;
  let coordinator: Browser;
  let campaignId: string;
  const lines: string[] = [];

  beforeAll(async () => {
    const logs = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        callback();
      },
    });
    api = await startApi(testConfig({ LOG_LEVEL: 'info' }), { extraModules: [LogProbeModule], logDestination: logs });
    const user = await createUser('coordinator');
    campaignId = await createCampaign([{ id: user.organizationId, role: 'lead' }]);
    coordinator = await signIn(api.url, user.email);
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses a NUL character in the query, the body and a field name, naming the field', async () => {
    const inQuery = await call(api.url, 'GET', `/api/campaigns?q=a%00b`, coordinator);
    expect(inQuery.status).toBe(400);
    expectErrorContract(inQuery);
    expect(inQuery.body.details).toEqual([{ field: 'q', message: 'must not contain NUL characters' }]);

    const inBody = await call(api.url, 'PATCH', `/api/campaigns/${campaignId}`, coordinator, { title: 'a\u0000b' });
    expect(inBody.status).toBe(400);
    expectErrorContract(inBody);
    expect(inBody.body.details).toEqual([{ field: 'title', message: 'must not contain NUL characters' }]);

    const nested = await call(api.url, 'PATCH', `/api/me/notification-preferences`, coordinator, { mutedCampaignIds: ['x\u0000'] });
    expect(nested.status).toBe(400);
    expect(nested.body.details).toEqual([{ field: 'mutedCampaignIds.0', message: 'must not contain NUL characters' }]);

    const title = await withDb((db) => db.query(`SELECT title FROM campaigns WHERE id = $1`, [campaignId]));
    expect(title.rows[0].title).not.toContain('\u0000');
  });

  it('refuses JSON nested deeper than 32 levels before parsing it, signed in or not', async () => {
    const deep = '['.repeat(2000) + ']'.repeat(2000);
    for (const path of ['/api/auth/login', '/api/auth/password-reset', `/api/campaigns/${campaignId}`]) {
      const response = await fetch(api.url + path, {
        method: path.startsWith('/api/auth') ? 'POST' : 'PATCH',
        headers: { 'content-type': 'application/json', cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrfToken },
        body: deep,
      });
      const r = { status: response.status, body: (await response.json()) as JsonBody, headers: response.headers };
      expect(r.status, path).toBe(400);
      expectErrorContract(r);
      expect(r.body.code).toBe('malformed_body');
    }
    // 32 levels of objects inside a string are not nesting; 33 real levels are.
    const quoted = await call(api.url, 'PATCH', `/api/campaigns/${campaignId}`, coordinator, { summary: '{'.repeat(100) });
    expect(quoted.status).toBe(200);
  });

  it('refuses a body that is not a JSON object, and null for a field that cannot be empty', async () => {
    const asText = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"email":"a@b.c","password":"x"}',
    });
    const text = { status: asText.status, body: (await asText.json()) as JsonBody, headers: asText.headers };
    expect(text.status).toBe(415);
    expectErrorContract(text);
    for (const body of ['null', '[]', '42', '"text"', '[{"email":"a@b.c","password":"x"}]']) {
      const response = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const r = { status: response.status, body: (await response.json()) as JsonBody, headers: response.headers };
      expect(r.status, body).toBe(400);
      expectErrorContract(r);
    }
    for (const [path, body, field] of [
      ['/api/me', { locale: null }, 'locale'],
      ['/api/me', { displayName: null }, 'displayName'],
      [`/api/campaigns/${campaignId}`, { title: null }, 'title'],
    ] as const) {
      const r = await call(api.url, 'PATCH', path, coordinator, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expectErrorContract(r);
      expect(r.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    // null where the schema allows it still clears the field.
    const cleared = await call(api.url, 'PATCH', `/api/campaigns/${campaignId}`, coordinator, { letterDate: null });
    expect(cleared.status).toBe(200);
  });

  it('refuses an array where an object belongs', async () => {
    const r = await call(api.url, 'PATCH', `/api/campaigns/${campaignId}`, coordinator, { reminderPolicy: [[]] });
    expect(r.status).toBe(400);
    expect(r.body.details.map((d: { field: string }) => d.field)).toContain('reminderPolicy');
    const stored = await withDb((db) => db.query(`SELECT reminder_policy FROM campaigns WHERE id = $1`, [campaignId]));
    expect(stored.rows[0].reminder_policy).toBeNull();
  });

  it('answers a forged page cursor with a 400 naming it, on every kind of list key', async () => {
    const forge = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const cursors = [
      forge(['x', '00000000-0000-0000-0000-000000000000']),
      forge(['2025-13-45', '00000000-0000-0000-0000-000000000000']),
      forge([1, 2]),
      forge(['2025-01-01T00:00:00.000Z', 'not-a-uuid']),
      forge([123]),
      forge({}),
      'not base64 at all!',
    ];
    const lists = [
      '/api/campaigns',
      `/api/campaigns/${campaignId}/demands`,
      `/api/campaigns/${campaignId}/responses`,
      `/api/campaigns/${campaignId}/milestones`,
      `/api/campaigns/${campaignId}/follow-ups`,
      `/api/campaigns/${campaignId}/timeline`,
      '/api/notifications',
      '/api/me/tokens',
      '/api/institutions',
    ];
    for (const list of lists) {
      for (const cursor of cursors) {
        const r = await call(api.url, 'GET', `${list}?cursor=${encodeURIComponent(cursor)}`, coordinator);
        expect(r.status, `${list} ${cursor}`).toBe(400);
        expectErrorContract(r);
        expect(r.body.details).toEqual([{ field: 'cursor', message: 'is not a cursor from this list' }]);
      }
    }
    // The timeline's key is a bigint: more digits than one holds is not a cursor of it.
    const huge = await call(api.url, 'GET', `/api/campaigns/${campaignId}/timeline?cursor=${forge(['9'.repeat(30)])}`, coordinator);
    expect(huge.status).toBe(400);
  });

  it("brings the router's and Node's own answers into the contract, with the security headers", async () => {
    const badUrl = await fetch(`${api.url}/api/campaigns/%zz`, { headers: { cookie: coordinator.cookie } });
    const longId = await fetch(`${api.url}/api/campaigns/${'a'.repeat(101)}`, { headers: { cookie: coordinator.cookie } });
    for (const [response, status] of [
      [badUrl, 400],
      [longId, 400],
    ] as const) {
      const r = { status: response.status, body: (await response.json()) as JsonBody, headers: response.headers };
      expect(r.status).toBe(status);
      expectErrorContract(r);
      expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }

    // A 1 MB query string never becomes a request: Node answers 431, in our words.
    const raw = await new Promise<string>((resolve, reject) => {
      const { port } = new URL(api.url);
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(`GET /api/campaigns?q=${'a'.repeat(1_048_576)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (c) => (text += c.toString()));
      socket.on('end', () => resolve(text));
      socket.on('close', () => resolve(text));
      socket.on('error', (e) => (text ? resolve(text) : reject(e)));
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/x-request-id: [0-9a-f-]{36}/);
    expect(head).toMatch(/content-security-policy: /);
    const parsed = JSON.parse(body!);
    expect(parsed).toMatchObject({ statusCode: 431, code: 'headers_too_large' });
    expect(head).toContain(`x-request-id: ${parsed.requestId}`);
  });

  it('logs a failed query as JSON with its code and request id, never its parameters or the URL secrets', async () => {
    const mapped = await fetch(`${api.url}/api/log-probe/cast?v=${PLANTED}&token=${PLANTED}`);
    expect(mapped.status).toBe(400);
    const unexpected = await fetch(`${api.url}/api/log-probe/divide?v=${PLANTED}`);
    expect(unexpected.status).toBe(500);
    const ids = [mapped.headers.get('x-request-id'), unexpected.headers.get('x-request-id')];
    await new Promise((r) => setTimeout(r, 50));
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.join('\n')).not.toContain(PLANTED);
    const failures = parsed.filter((l) => (l.err as { driverError?: unknown } | undefined)?.driverError);
    expect(failures.map((l) => [l.requestId, (l.err as { driverError: { code: string } }).driverError.code])).toEqual([
      [ids[0], '22P02'],
      [ids[1], '22012'],
    ]);
    const requestLine = parsed.find((l) => l.msg === 'request completed' && (l.req as { id: string }).id === ids[0]);
    expect((requestLine!.req as { url: string }).url).toBe('/api/log-probe/cast?v=[redacted]&token=[redacted]');
  });
});
