import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { IsIn, IsInt, IsString, Max, Min } from 'class-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Public } from '../src/core/auth/decorators.js';
import { ParseIdPipe } from '../src/core/http/parse-id.pipe.js';
import { startApi, type RunningApp } from './support/test-app.js';
import { json } from './support/http.js';

// A probe mounted beside the real API, to exercise the global pipe, id parsing and error filter
// exactly as every domain controller will use them.
class ProbeDto {
  @IsString()
  title: string;

  @IsInt()
  @Min(1)
  @Max(10)
  priority: number;

  @IsIn(['a', 'b'])
  kind: string;
}

@Public()
@Controller('probe')
class ProbeController {
  @Get(':id')
  get(@Param('id', ParseIdPipe) id: string) {
    return { id };
  }

  @Post()
  create(@Body() dto: ProbeDto) {
    return dto;
  }

  @Get('boom/now')
  boom(): never {
    throw new Error('database password is hunter2');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

const UUID = /^[0-9a-f-]{36}$/;

describe('error shape', () => {
  let api: RunningApp;

  beforeAll(async () => {
    api = await startApi(undefined, { extraModules: [ProbeModule] });
  });
  afterAll(async () => {
    await api.close();
  });

  async function call(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
    const response = await fetch(api.url + path, {
      method,
      body,
      headers: body !== undefined ? { 'content-type': 'application/json', ...headers } : headers,
    });
    return {
      status: response.status,
      requestId: response.headers.get('x-request-id'),
      type: response.headers.get('content-type'),
      body: await json(response),
    };
  }

  it('answers a malformed id with a 400 naming the parameter', async () => {
    const r = await call('GET', '/api/probe/not-a-uuid');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      statusCode: 400,
      code: 'invalid_id',
      message: '"id" must be a UUID.',
      details: [{ field: 'id', message: 'must be a UUID' }],
      requestId: r.requestId,
    });
    expect(r.requestId).toMatch(UUID);
  });

  it('passes a well-formed id through', async () => {
    const r = await call('GET', '/api/probe/3F2504E0-4F89-41D3-9A0C-0305E82C3301');
    expect(r).toMatchObject({ status: 200, body: { id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' } });
  });

  it('refuses unknown fields, naming them, and nothing else is accepted', async () => {
    const r = await call('POST', '/api/probe', JSON.stringify({ title: 'x', priority: 2, kind: 'a', isAdmin: true }));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation_failed');
    expect(r.body.details).toEqual([{ field: 'isAdmin', message: 'is not a known field' }]);
    expect(r.body.requestId).toBe(r.requestId);
  });

  it('names each invalid field', async () => {
    const r = await call('POST', '/api/probe', JSON.stringify({ title: 3, priority: 11, kind: 'c' }));
    expect(r.status).toBe(400);
    const fields = r.body.details.map((d: { field: string }) => d.field);
    expect(new Set(fields)).toEqual(new Set(['title', 'priority', 'kind']));
    expect(r.body.message).toMatch(/title/);
  });

  it('accepts a valid body', async () => {
    const r = await call('POST', '/api/probe', JSON.stringify({ title: 'x', priority: 2, kind: 'b' }));
    expect(r).toMatchObject({ status: 201, body: { title: 'x', priority: 2, kind: 'b' } });
  });

  it('answers unparseable JSON with a 400 in the same shape', async () => {
    const r = await call('POST', '/api/probe', '{"title": ');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ statusCode: 400, requestId: r.requestId });
    expect(typeof r.body.code).toBe('string');
    expect(typeof r.body.message).toBe('string');
  });

  it('answers an unknown API route with a JSON 404, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const r = await call(method, '/api/no-such-thing');
      expect(r.status).toBe(404);
      expect(r.type).toMatch(/application\/json/);
      expect(r.body).toEqual({
        statusCode: 404,
        code: 'not_found',
        message: `Cannot ${method} /api/no-such-thing`,
        requestId: r.requestId,
      });
    }
  });

  it('hides the details of an unexpected error', async () => {
    const r = await call('GET', '/api/probe/boom/now');
    expect(r.status).toBe(500);
    expect(r.body.code).toBe('internal_error');
    expect(JSON.stringify(r.body)).not.toContain('hunter2');
  });

  it('keeps a well-formed X-Request-Id from a proxy and replaces a malformed one', async () => {
    const kept = await call('GET', '/api/no-such-thing', undefined, { 'x-request-id': 'proxy-1234abcd' });
    expect(kept.requestId).toBe('proxy-1234abcd');
    expect(kept.body.requestId).toBe('proxy-1234abcd');
    const replaced = await call('GET', '/api/no-such-thing', undefined, { 'x-request-id': 'bad id\twith spaces' });
    expect(replaced.requestId).toMatch(UUID);
  });
});
