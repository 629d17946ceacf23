/**
 * "API vs the limit", "Query count" and "Growth" (issue #7): the API's three hot read routes
 * against a bare node:http + pg server running the same SQL (baseline.ts), on scale data
 * (`npm run bench:seed`). Every timing is a ratio against the baseline in the same run.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { formatCount, formatMs, formatRatio, type Figure } from '../common/report.js';
import { PgProxy, type Statement } from '../common/pg-proxy.js';
import { BACKEND, profileArgs, REPO, startProcess, type Started } from '../common/processes.js';
import type * as DataSourceOptionsModule from '../../src/core/database/data-source-options.js';

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const POOL_SIZE = '10';
/** Tables large enough that a sequential scan on them is a bug. */
const BIG_TABLES = new Set([
  'demands',
  'responses',
  'response_demands',
  'follow_ups',
  'reminders',
  'audit_events',
  'demand_status_changes',
  'notifications',
  'users',
]);

export interface ApiBenchOptions {
  /** The scales to measure; the first is the reference for "Growth" (default [1, 4]). */
  readonly scales?: readonly number[];
  /** Seconds per throughput and per latency measurement (default 10). */
  readonly seconds?: number;
  /** Concurrent connections for throughput (default 10). */
  readonly connections?: number;
}

interface Seeded {
  readonly databaseUrl: string;
  readonly password: string;
  readonly bigCampaign: { id: string; coordinator: string; demands: number };
  readonly busyOrganization: { id: string; member: string; followUps: number };
}

interface Route {
  readonly key: 'dashboard' | 'follow-ups' | 'timeline';
  readonly label: string;
  /** Who asks: the big campaign's coordinator, or the busy organization's member. */
  readonly as: 'coordinator' | 'member';
  path(seeded: Seeded, limit?: number): string;
  /** A list route: its query count must not depend on the page size. */
  readonly paged: boolean;
}

const ROUTES: readonly Route[] = [
  {
    key: 'dashboard',
    label: 'campaign dashboard',
    as: 'coordinator',
    paged: false,
    path: (s) => `/api/campaigns/${s.bigCampaign.id}/dashboard`,
  },
  {
    key: 'follow-ups',
    label: "organization's follow-ups page",
    as: 'member',
    paged: true,
    path: (_s, limit = 50) => `/api/follow-ups?organization=mine&limit=${limit}`,
  },
  {
    key: 'timeline',
    label: 'timeline page',
    as: 'coordinator',
    paged: true,
    path: (s, limit = 50) => `/api/campaigns/${s.bigCampaign.id}/timeline?limit=${limit}`,
  },
];

/** The seeded database of `scale`, seeding it first when it is missing. */
export function ensureSeeded(scale: number): Seeded {
  const database = `${process.env.BENCH_DATABASE_PREFIX ?? 'demarche_bench_'}${scale}`;
  const file = resolve(REPO, '.demarche', `bench-${database}.json`);
  if (!existsSync(file) || !databaseExists(database)) {
    console.log(`bench: seeding scale ${scale} into ${database} (once; kept for later runs)…`);
    const result = spawnSync(
      process.execPath,
      [resolve(BACKEND, 'bench/run.mjs'), 'seed', '--scale', String(scale), '--database-url', `${SERVER_URL}/${database}`, '--force-drop'],
      { stdio: 'inherit' },
    );
    if (result.status !== 0) throw new Error(`bench: seeding scale ${scale} failed`);
  }
  const seeded = JSON.parse(readFileSync(file, 'utf8')) as Seeded;
  // A database kept from an earlier run gets the migrations added since, as any deployment would.
  const migrated = spawnSync(process.execPath, [resolve(BACKEND, 'dist/cli/migrate.js')], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: seeded.databaseUrl },
  });
  if (migrated.status !== 0) throw new Error(`bench: migrating ${database} failed`);
  return seeded;
}

function databaseExists(database: string): boolean {
  const result = spawnSync('psql', [SERVER_URL + '/postgres', '-tAc', `SELECT 1 FROM pg_database WHERE datname = '${database}'`], {
    encoding: 'utf8',
  });
  return result.stdout.trim() === '1';
}

function apiEnv(databaseUrl: string, port: number, prefix: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: POOL_SIZE,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    DEMO_DATA: 'false',
    // The benchmark is one user asking thousands of times a minute: lift the per-user limit.
    RATE_LIMIT_PER_MINUTE: '1000000',
    NODE_ENV: 'production',
  };
}

async function startApi(databaseUrl: string, port: number, prefix: string): Promise<Started> {
  return startProcess(resolve(BACKEND, 'dist/main.js'), apiEnv(databaseUrl, port, prefix), { name: 'the API', execArgv: profileArgs() });
}

async function startBaseline(databaseUrl: string, port: number): Promise<Started> {
  return startProcess(resolve(BACKEND, 'bench/dist/api/baseline.js'), apiEnv(databaseUrl, port, 'bench-baseline'), {
    name: 'the baseline server',
  });
}

/** An API token for `email`, made the way a person makes one: sign in, then POST /api/me/tokens. */
async function apiToken(base: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`bench: sign-in as ${email} failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const created = await fetch(`${base}/api/me/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'benchmark' }),
  });
  if (!created.ok) throw new Error(`bench: creating an API token failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

async function getJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`bench: GET ${url} → ${response.status} ${await response.text()}`);
  return response.json();
}

interface Load {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

/** autocannon against `url`: as fast as it goes (`rate` unset), or at a fixed total rate. */
async function load(url: string, token: string, options: { seconds: number; connections: number; rate?: number }): Promise<Load> {
  const result = await autocannon({
    url,
    headers: { authorization: `Bearer ${token}` },
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * One request at a time over one kept-alive connection, timed to the microsecond: the latency of
 * the route itself, with no queueing. autocannon's percentiles are whole milliseconds, too coarse
 * to compare 8 ms with 9 ms across scales; this is what Growth compares.
 */
async function serialLatency(url: string, token: string, count: number): Promise<{ p50: number; p99: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = (): Promise<number> =>
    new Promise((resolvePromise, reject) => {
      const started = performance.now();
      http
        .get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200
              ? resolvePromise(performance.now() - started)
              : reject(new Error(`bench: GET ${url} → ${res.statusCode}`)),
          );
        })
        .on('error', reject);
    });
  try {
    for (let i = 0; i < Math.ceil(count / 10); i++) await once(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < count; i++) times.push(await once());
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(count * 0.5)]!, p99: times[Math.floor(count * 0.99)]! };
  } finally {
    agent.destroy();
  }
}

interface Plans {
  /** Sequential scans on big tables, by table name. */
  readonly seqScans: string[];
  /** Each SELECT's execution time as EXPLAIN ANALYZE measures it, slowest first. */
  readonly times: { readonly ms: number; readonly sql: string }[];
}

/** The plans of `statements`, run with the product's connection settings. */
async function plans(databaseUrl: string, statements: readonly Statement[], connectionOptions: string): Promise<Plans> {
  const client = new pg.Client({ connectionString: databaseUrl, options: connectionOptions });
  await client.connect();
  try {
    const found: string[] = [];
    const times: { ms: number; sql: string }[] = [];
    for (const statement of statements) {
      if (!/^\s*(SELECT|WITH)\b/i.test(statement.sql)) continue;
      const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`, [...statement.params]);
      const explained = (rows[0] as { 'QUERY PLAN': { Plan: Record<string, unknown>; 'Execution Time': number }[] })['QUERY PLAN'][0]!;
      times.push({ ms: explained['Execution Time'], sql: statement.sql.replace(/\s+/g, ' ').trim() });
      const walk = (node: Record<string, unknown>): void => {
        const relation = node['Relation Name'];
        if (node['Node Type'] === 'Seq Scan' && typeof relation === 'string' && BIG_TABLES.has(relation)) found.push(relation);
        for (const child of (node['Plans'] as Record<string, unknown>[] | undefined) ?? []) walk(child);
      };
      walk(explained.Plan);
    }
    return { seqScans: found, times: times.sort((x, y) => y.ms - x.ms) };
  } finally {
    await client.end();
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Clock-dependent fields (the dashboard's `asOf`) differ between two calls; compare the rest. */
function withoutClock(value: unknown): unknown {
  if (value && typeof value === 'object' && 'asOf' in value) return { ...(value as object), asOf: null };
  return value;
}

export async function benchApi(options: ApiBenchOptions = {}): Promise<Figure[]> {
  const { CONNECTION_OPTIONS: connectionOptions } = (await import(
    `file://${resolve(BACKEND, 'dist/core/database/data-source-options.js')}`
  )) as typeof DataSourceOptionsModule;
  const scales = options.scales ?? [1, 4];
  const seconds = options.seconds ?? 10;
  const connections = options.connections ?? 10;
  const figures: Figure[] = [];
  /** Fixed rate per route, chosen at the first scale and kept for the others (Growth). */
  const rates = new Map<Route['key'], number>();
  /** Latency at the fixed rate, per route, per scale. */
  const growth = new Map<Route['key'], { ours: number; base: number }[]>();

  for (const [index, scale] of scales.entries()) {
    const seeded = ensureSeeded(scale);
    const first = index === 0;
    const tokens: Record<Route['as'], string> = { coordinator: '', member: '' };

    // 1. Through the counting proxy: same JSON, same SQL, statement counts, plans.
    const proxy = new PgProxy(hostPort(seeded.databaseUrl));
    const proxyPort = await proxy.start();
    const proxiedUrl = withPort(seeded.databaseUrl, proxyPort);
    let api: Started | undefined;
    let baseline: Started | undefined;
    try {
      api = await startApi(proxiedUrl, 3301, `bench-api-${process.pid}`);
      baseline = await startBaseline(proxiedUrl, 3302);
      const apiBase = 'http://127.0.0.1:3301';
      const baseBase = 'http://127.0.0.1:3302';
      tokens.coordinator = await apiToken(apiBase, seeded.bigCampaign.coordinator, seeded.password);
      tokens.member = await apiToken(apiBase, seeded.busyOrganization.member, seeded.password);
      for (const route of ROUTES) {
        const token = tokens[route.as];
        const path = route.path(seeded);
        await getJson(apiBase + path, token); // warm both, and let the token's last-used touch happen
        await getJson(baseBase + path, token);
        proxy.record();
        const fromApi = await getJson(apiBase + path, token);
        const apiSql = proxy.stopRecording();
        proxy.record();
        const fromBaseline = await getJson(baseBase + path, token);
        const baseSql = proxy.stopRecording();
        if (!sameJson(withoutClock(fromApi), withoutClock(fromBaseline))) {
          throw new Error(`bench: the baseline's answer to ${route.label} differs from the API's: fix baseline.ts`);
        }
        const sameSql = apiSql.length === baseSql.length && apiSql.every((s, i) => s.sql === baseSql[i]!.sql);
        if (first) {
          figures.push({
            section: 'Query count',
            name: `${route.label}: statements per request`,
            value: formatCount(apiSql.length),
            baseline: formatCount(baseSql.length),
            note: sameSql ? 'the same statements as the baseline, in the same order' : `differs from the baseline: ${describeSql(apiSql)}`,
          });
          if (route.paged) {
            const counts: number[] = [];
            for (const limit of [10, 200]) {
              await getJson(apiBase + route.path(seeded, limit), token);
              proxy.record();
              await getJson(apiBase + route.path(seeded, limit), token);
              counts.push(proxy.stopRecording().length);
            }
            figures.push({
              section: 'Query count',
              name: `${route.label}: page size 10 vs 200`,
              value: `${counts[0]} vs ${counts[1]}`,
              target: 'equal, small',
              met: counts[0] === counts[1] && counts[0]! <= 5,
            });
          }
        }
        const explained = await plans(seeded.databaseUrl, apiSql, connectionOptions);
        const slowest = explained.times[0];
        const total = explained.times.reduce((sum, t) => sum + t.ms, 0);
        figures.push({
          section: 'Growth',
          name: `${route.label}: sequential scans on big tables (scale ${scale})`,
          value: formatCount(explained.seqScans.length),
          target: '0',
          met: explained.seqScans.length === 0,
          note:
            (explained.seqScans.length ? `on ${[...new Set(explained.seqScans)].join(', ')}; ` : '') +
            `SQL ${formatMs(total)} in all (EXPLAIN ANALYZE)` +
            (slowest ? `, slowest ${formatMs(slowest.ms)}: ${slowest.sql.slice(0, 90)}…` : ''),
        });
      }
    } finally {
      await api?.stop();
      await baseline?.stop();
      await proxy.stop();
    }

    // 2. Direct: throughput and latency, API vs baseline, one after the other.
    try {
      api = await startApi(seeded.databaseUrl, 3301, `bench-api-${process.pid}`);
      baseline = await startBaseline(seeded.databaseUrl, 3302);
      for (const route of ROUTES) {
        const token = tokens[route.as];
        const apiUrl = `http://127.0.0.1:3301${route.path(seeded)}`;
        const baseUrl = `http://127.0.0.1:3302${route.path(seeded)}`;
        if (first) {
          await load(baseUrl, token, { seconds: 2, connections }); // warm-up (JIT, pools, caches)
          await load(apiUrl, token, { seconds: 2, connections });
          const base = await load(baseUrl, token, { seconds, connections });
          const ours = await load(apiUrl, token, { seconds, connections });
          const ratio = ours.requestsPerSecond / base.requestsPerSecond;
          figures.push({
            section: 'API vs the limit',
            name: `${route.label}: throughput`,
            value: `${formatCount(ours.requestsPerSecond)} req/s`,
            baseline: `${formatCount(base.requestsPerSecond)} req/s`,
            ratio: formatRatio(ratio),
            target: '≥ 0.70×',
            met: ratio >= 0.7 && ours.errors === 0,
            note: `${connections} connections, ${seconds} s each; p50 ${formatMs(ours.p50)} vs ${formatMs(base.p50)}, p99 ${formatMs(ours.p99)} vs ${formatMs(base.p99)}${ours.errors ? `; ${ours.errors} errors` : ''}`,
          });
          rates.set(route.key, Math.max(1, Math.floor(Math.min(ours.requestsPerSecond, base.requestsPerSecond) / 2)));
        } else {
          await load(apiUrl, token, { seconds: 2, connections });
        }
        const rate = rates.get(route.key)!;
        const base = await load(baseUrl, token, { seconds, connections, rate });
        const ours = await load(apiUrl, token, { seconds, connections, rate });
        if (first) {
          const ratio = ours.p99 / base.p99;
          figures.push({
            section: 'API vs the limit',
            name: `${route.label}: latency at ${rate} req/s`,
            value: `p50 ${formatMs(ours.p50)}, p99 ${formatMs(ours.p99)}`,
            baseline: `p50 ${formatMs(base.p50)}, p99 ${formatMs(base.p99)}`,
            ratio: formatRatio(ratio),
            target: 'p99 ≤ 1.5×',
            met: ratio <= 1.5,
          });
        }
        figures.push({
          section: 'Growth',
          name: `${route.label}: latency at ${rate} req/s (scale ${scale})`,
          value: `p50 ${formatMs(ours.p50)}, p99 ${formatMs(ours.p99)}`,
          baseline: `p50 ${formatMs(base.p50)}`,
        });
        const serialCount = route.key === 'dashboard' ? 100 : 400;
        const serialBase = await serialLatency(baseUrl, token, serialCount);
        const serialOurs = await serialLatency(apiUrl, token, serialCount);
        growth.set(route.key, [...(growth.get(route.key) ?? []), { ours: serialOurs.p50, base: serialBase.p50 }]);
        figures.push({
          section: 'Growth',
          name: `${route.label}: one request at a time (scale ${scale})`,
          value: `p50 ${serialOurs.p50.toFixed(2)} ms, p99 ${serialOurs.p99.toFixed(2)} ms`,
          baseline: `p50 ${serialBase.p50.toFixed(2)} ms, p99 ${serialBase.p99.toFixed(2)} ms`,
          note: `${serialCount} requests one after the other over one connection, after ${serialCount / 10} to warm up`,
        });
      }
    } finally {
      await api?.stop();
      await baseline?.stop();
    }
  }
  if (scales.length > 1) {
    for (const route of ROUTES) {
      const [small, big] = [growth.get(route.key)![0]!, growth.get(route.key)!.at(-1)!];
      const ratio = big.ours / small.ours;
      figures.push({
        section: 'Growth',
        name: `${route.label}: p50 at scale ${scales.at(-1)} ÷ scale ${scales[0]}, one request at a time`,
        value: formatRatio(ratio),
        baseline: formatRatio(big.base / small.base),
        target: '≤ 1.20×',
        met: ratio <= 1.2,
        note: `${small.ours.toFixed(2)} → ${big.ours.toFixed(2)} ms; the baseline, same SQL: ${small.base.toFixed(2)} → ${big.base.toFixed(2)} ms`,
      });
    }
  }
  // The API's own keys (rate-limit counters, queues) under this run's prefix.
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`bench-api-${process.pid}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
  return figures;
}

function hostPort(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || 5432) };
}

function withPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(port);
  return parsed.toString();
}

function describeSql(statements: readonly Statement[]): string {
  return statements.map((s) => s.sql.replace(/\s+/g, ' ').slice(0, 60)).join(' | ');
}
