/**
 * The limit on this machine: a bare `node:http` + `pg` server that runs the same SQL as the API
 * and returns the same JSON, for the three routes the benchmark measures. It calls the product's
 * own compiled services (their SQL and the assembly of their answers) with a plain pg pool in
 * place of TypeORM's DataSource, and authenticates the same `Authorization: Bearer` token with
 * the product's SessionService — and nothing else: no Nest, Fastify, TypeORM, validation, rate
 * limiting, security headers or logging. What the API spends beyond this is the framework's.
 *
 * Run by the benchmark as a child process (`{ type: 'ready' }` on IPC once listening);
 * environment: DATABASE_URL, PORT, DATABASE_POOL_SIZE (as the API's).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import pg from 'pg';
import type * as AccessPolicyModule from '../../src/core/auth/access-policy.js';
import type * as ConfigModule from '../../src/core/config/config.js';
import type * as DataSourceOptionsModule from '../../src/core/database/data-source-options.js';
import type * as DashboardModule from '../../src/dashboard/dashboard.service.js';
import type * as DomainErrorModule from '../../src/core/http/domain-error.js';
import type * as FollowUpsModule from '../../src/follow-ups/follow-ups.service.js';
import type * as SessionModule from '../../src/core/auth/session.service.js';
import type * as TimelineModule from '../../src/timeline/timeline.service.js';
import { BACKEND } from '../common/processes.js';

const load = async <T>(path: string): Promise<T> => (await import(`file://${resolve(BACKEND, 'dist', path)}`)) as T;

// The product's pg type parsers (a `date` stays 'YYYY-MM-DD'), as its data source sets them.
await load<unknown>('core/database/pg-types.js');
const { loadConfig } = await load<typeof ConfigModule>('core/config/config.js');
const { AccessPolicy } = await load<typeof AccessPolicyModule>('core/auth/access-policy.js');
const { SessionService } = await load<typeof SessionModule>('core/auth/session.service.js');
const { DashboardService } = await load<typeof DashboardModule>('dashboard/dashboard.service.js');
const { TimelineService } = await load<typeof TimelineModule>('timeline/timeline.service.js');
const { FollowUpsService } = await load<typeof FollowUpsModule>('follow-ups/follow-ups.service.js');
const { DomainError } = await load<typeof DomainErrorModule>('core/http/domain-error.js');

const { CONNECTION_OPTIONS } = await load<typeof DataSourceOptionsModule>('core/database/data-source-options.js');

const config = loadConfig();
// The pool the product's data source would open: same size, same connection settings.
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.databasePoolSize, options: CONNECTION_OPTIONS });

/** What the services use of TypeORM's DataSource on these read paths: `query` → rows. */
const query = async (sql: string, params?: unknown[]): Promise<unknown[]> => (await pool.query(sql, params)).rows;
const dataSource = { query, manager: { query } } as never;

const policy = new AccessPolicy(dataSource);
const sessions = new SessionService(dataSource, config);
const dashboard = new DashboardService(dataSource, policy);
const timeline = new TimelineService(dataSource, policy);
// The list paths record no events and dispatch nothing.
const followUps = new FollowUpsService(dataSource, policy, undefined as never, undefined as never);

const CAMPAIGN = /^\/api\/campaigns\/([0-9a-f-]{36})\/(dashboard|timeline)$/;

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const resolved = token ? await sessions.resolveApiToken(token) : null;
  if (!resolved) return send(response, 401, { code: 'invalid_token' });
  const user = resolved.user;
  // The page query as the API's DTOs hold it once validated (the bench sends valid ones).
  const page = {
    ...(url.searchParams.has('limit') ? { limit: Number(url.searchParams.get('limit')) } : {}),
    ...(url.searchParams.has('cursor') ? { cursor: url.searchParams.get('cursor')! } : {}),
  };
  const match = CAMPAIGN.exec(url.pathname);
  if (match?.[2] === 'dashboard') return send(response, 200, await dashboard.get(user, match[1]!));
  if (match?.[2] === 'timeline') return send(response, 200, await timeline.page(user, match[1]!, page));
  if (url.pathname === '/api/follow-ups') return send(response, 200, await followUps.listMine(user, { organization: 'mine', ...page }));
  return send(response, 404, { code: 'not_found' });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    if (error instanceof DomainError) return send(response, error.status, { code: error.code });
    console.error('baseline:', error);
    send(response, 500, { code: 'internal' });
  });
});
server.keepAliveTimeout = 72_000;
server.listen(config.port, '127.0.0.1', () => process.send?.({ type: 'ready' }));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
