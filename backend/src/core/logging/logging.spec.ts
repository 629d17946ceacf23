import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { AppLogger, createPino, redactUrl, registerRequestLog } from './logging.module.js';

/** A logger whose lines land in an array, parsed. */
function capture(level: 'info' | 'trace' = 'info'): { logger: AppLogger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = new AppLogger(createPino({ logLevel: level }, 'api', { write: (line: string) => lines.push(JSON.parse(line)) }));
  return { logger, lines };
}

describe('AppLogger', () => {
  it('maps Nest logger calls to pino lines: message, context, merged fields, errors', () => {
    const { logger, lines } = capture('trace');
    logger.log('worker ready', 'MaintenanceProcessor');
    logger.warn({ bucket: 'requests', err: new Error('down') }, 'rate limiter unavailable', 'RateLimiter');
    logger.error(new Error('boom'), 'HttpError');
    logger.error('Unhandled', 'Error: Unhandled\n    at somewhere (file.js:1:1)', 'ExceptionsHandler');
    logger.verbose('detail');
    expect(lines.map((l) => [l.level, l.msg, l.context, l.name])).toEqual([
      [30, 'worker ready', 'MaintenanceProcessor', 'demarche-api'],
      [40, 'rate limiter unavailable', 'RateLimiter', 'demarche-api'],
      [50, 'boom', 'HttpError', 'demarche-api'],
      [50, 'Unhandled', 'ExceptionsHandler', 'demarche-api'],
      [10, 'detail', undefined, 'demarche-api'],
    ]);
    expect(lines[1]).toMatchObject({ bucket: 'requests', err: { message: 'down' } });
    expect(lines[2]).toMatchObject({ err: { message: 'boom' } });
    expect(lines[3]).toMatchObject({ err: { message: 'Unhandled', stack: expect.stringContaining('at somewhere') } });
  });

  it('redacts credentials wherever a line carries them', () => {
    const { logger, lines } = capture();
    logger.log({ user: { password: 'hunter2', token: 'tok' }, req: { headers: { authorization: 'Bearer x', cookie: 'sid=y' } } }, 'hello');
    const text = JSON.stringify(lines);
    for (const secret of ['hunter2', 'tok"', 'Bearer x', 'sid=y']) expect(text).not.toContain(secret);
  });
});

describe('the request log', () => {
  const app = Fastify({ logger: false });
  afterEach(async () => {
    await app.close();
  });

  it('writes one line per request, with id, method, URL, status and time; none for a healthy health probe', async () => {
    const { logger, lines } = capture();
    registerRequestLog(app, logger);
    app.get('/api/things', async () => ({ ok: true }));
    app.get('/api/health', async () => ({ status: 'ok' }));
    app.get('/api/broken', async (_request, reply) => reply.status(503).send({ status: 'down' }));
    app.get('/api/missing', async (_request, reply) => reply.status(404).send({}));

    await app.inject({ method: 'GET', url: '/api/things?limit=5', headers: { authorization: 'Bearer secret-token' } });
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({ method: 'GET', url: '/api/missing' });
    await app.inject({ method: 'GET', url: '/api/broken' });

    expect(lines.map((l) => [l.level, (l.req as { url: string }).url, (l.res as { statusCode: number }).statusCode])).toEqual([
      [30, '/api/things?limit=5', 200],
      [40, '/api/missing', 404],
      [50, '/api/broken', 503],
    ]);
    expect(lines[0]).toMatchObject({
      msg: 'request completed',
      req: { id: expect.any(String), method: 'GET' },
      responseTime: expect.any(Number),
    });
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });
});

describe('what a log line may carry', () => {
  it('logs a failed query by its code and names, never its parameters or the value PostgreSQL quotes', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('invalid input syntax for type uuid: "secret-value"'), {
      name: 'QueryFailedError',
      query: 'SELECT $1::uuid',
      parameters: ['secret-value'],
      driverError: {
        code: '22P02',
        severity: 'ERROR',
        detail: 'Key (email)=(secret-value) already exists.',
        where: "unnamed portal parameter $1 = 'secret-value'",
        routine: 'string_to_uuid',
      },
    });
    logger.error({ err: error, requestId: 'r-1' }, 'unhandled error', 'HttpError');
    expect(JSON.stringify(lines)).not.toContain('secret-value');
    expect(lines[0]).toMatchObject({
      requestId: 'r-1',
      err: { message: 'query failed: 22P02', query: 'SELECT $1::uuid', driverError: { code: '22P02', routine: 'string_to_uuid' } },
    });
  });

  it('keeps ids, filters and route words only, in the path and the query', () => {
    const id = '0b9e7c1e-4a55-4b0e-9a51-2f3c1d2e3f40';
    expect(redactUrl(`/api/campaigns?q=Jane%20Doe&limit=20&status=sent&officeId=${id}&cursor=eyJ4Il0`)).toBe(
      `/api/campaigns?q=[redacted]&limit=20&status=sent&officeId=${id}&cursor=[redacted]`,
    );
    // A filter's name is not enough: the value must look like one.
    expect(redactUrl('/api/campaigns?status=Jane%20Doe&officeId=jane-doe-1&limit=2e9')).toBe(
      '/api/campaigns?status=[redacted]&officeId=[redacted]&limit=[redacted]',
    );
    // With the route, a parameter keeps its value only if it is a UUID.
    expect(redactUrl(`/api/campaigns/${id}/demands`, '/api/campaigns/:id/demands')).toBe(`/api/campaigns/${id}/demands`);
    expect(redactUrl('/api/campaigns/janedoe/demands', '/api/campaigns/:id/demands')).toBe('/api/campaigns/[redacted]/demands');
    expect(redactUrl('/api/campaigns/12/export/demands.csv', '/api/campaigns/:id/export/demands.csv')).toBe(
      '/api/campaigns/[redacted]/export/demands.csv',
    );
    // Without one, route-like words and UUIDs stay; tokens, names with capitals or digits go.
    expect(redactUrl('/api/feeds/dmf_9sK2jQ0xL1v8Zp3RtY6uW4eN7aB5cD.ics')).toBe('/api/feeds/[redacted]');
    expect(redactUrl(`/campaigns/${id}/follow-ups`, '/*')).toBe(`/campaigns/${id}/follow-ups`);
    expect(redactUrl('/api/people/Jane-Doe-1980')).toBe('/api/people/[redacted]');
    expect(redactUrl('/api/health')).toBe('/api/health');
    expect(redactUrl('/api/x?Jane%20Doe&planted-1=2')).toBe('/api/x?[redacted]&[redacted]=[redacted]');
  });
});
