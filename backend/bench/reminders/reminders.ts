/**
 * "Reminder punctuality" (issue #7): 10,000 reminders due within one minute, delivered by 2
 * worker processes through the product's whole path — rows in PostgreSQL planned by
 * `replanReminders`, moved into BullMQ as delayed jobs by the workers' sweep, delivered by the
 * reminders processor over SMTP — while the API serves a moderate load. Lateness is the arrival
 * of each e-mail at an SMTP sink minus the reminder's due instant. The baseline, in the same run
 * and under the same load, is bare BullMQ: 10,000 no-op delayed jobs due in the same kind of
 * window, taken by 2 plain BullMQ worker processes of the same concurrency.
 *
 * Everything is the bench's own — a fresh database, a Redis key prefix, an SMTP sink, the API
 * and worker processes — and removed at the end, failure or not.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { formatCount, formatMs, formatRatio, type Figure } from '../common/report.js';
import type * as DatabaseAdmin from '../../src/core/database/database-admin.js';
import type * as DataSourceOptions from '../../src/core/database/data-source-options.js';
import type * as Passwords from '../../src/core/auth/passwords.js';
import type * as Planner from '../../src/reminders/reminder-planner.js';
import type * as RemindersProcessor from '../../src/reminder-delivery/reminders.processor.js';
import type * as ReminderIds from '../../src/reminders/reminder-ids.js';
import type { SweepOutcome } from '../../src/reminder-delivery/reminders.processor.js';
import type * as RedisOptions from '../../src/core/redis/redis-options.js';
import type { LoadReport } from './api-load.js';
import { createFixture, PEOPLE_PER_ORG, planWindow, withClient, type Fixture } from './fixture.js';
import { ChangingCpu, cpuMeter, loopDelayMeter, machineMeter } from './meters.js';
import { Child } from './processes.js';
import { profileArgs } from '../common/processes.js';
import { cpuIndex } from '../common/cpu-index.js';
import { LightSmtpSink, type Arrival } from './smtp-sink.js';
import { rates, summarize, type Summary } from './stats.js';

export const SECTION = 'Reminder punctuality';

export interface ReminderBenchOptions {
  /** Reminders (and bare jobs) due in the window; default 10,000. */
  count?: number;
  /** Width of the window they fall due in; default 60,000 ms. */
  spreadMs?: number;
  /** The database to create, fill and drop; default postgres://postgres@127.0.0.1:5432/demarche_bench_reminders. */
  databaseUrl?: string;
}

const WORKERS = 2;
/** "Moderate" API load: a fixed rate of a heavy authenticated read, well below what the API serves on 2 cores. */
const API_RATE = 50;
const API_CONNECTIONS = 10;
/** From the end of set-up to the opening of the bare jobs' window. */
const BARE_LEAD_MS = 30_000;
/**
 * From the start of planning to the opening of the reminders' window. Planning takes 10–60 s on
 * 2 busy cores (2,000 follow-ups, 160,000 reminder rows with the overdue ones), so the window
 * opens some 30–60 s after the commit: two or more sweeps (every 15 s) after it.
 */
const REMINDER_LEAD_MS = 90_000;
const HOST = 'bench-reminders.test';
const PASSWORD = 'demarche-bench-password';
/** Marks the workers' PostgreSQL connections (application_name), to tell their backends from the API's. */
const WORKER_DB_LABEL = 'demarche-bench-worker';
/** After the last expected arrival, how long the sink keeps listening for repeats. */
const REPEAT_GRACE_MS = 3_000;

/** backend/ (this file runs as backend/bench/dist/reminders/reminders.js). */
const HERE = dirname(fileURLToPath(import.meta.url));
const BACKEND = resolve(HERE, '../../..');
const backendModule = async <T>(path: string): Promise<T> => (await import(`file://${resolve(BACKEND, 'dist', path)}`)) as T;

const say = (message: string): void => void process.stderr.write(`bench:reminders: ${message}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const ms = (v: number): string => (Number.isFinite(v) ? formatMs(v) : 'n/a');

const isType =
  <T extends { type: string }>(type: T['type']) =>
  (m: unknown): m is T =>
    typeof m === 'object' && m !== null && (m as { type?: unknown }).type === type;
const ready = isType<{ type: 'ready'; url?: string }>('ready');

/** Cleanups run in reverse order, each whatever happened to the others. */
class Cleanups {
  private readonly steps: { what: string; run: () => Promise<void> }[] = [];
  add(what: string, run: () => Promise<void>): void {
    this.steps.push({ what, run });
  }
  async runAll(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run();
      } catch (error) {
        say(`cleanup: could not ${step.what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

/**
 * Before/after experiments without touching the product's sources (see index.ts): another build
 * of the worker, SMTP transport options in SMTP_URL's query, more worker environment.
 */
interface Experiment {
  workerScript: string;
  smtpQuery: string;
  workerEnv: NodeJS.ProcessEnv;
  /** The product's reminders concurrency, when the experiment changes it. */
  concurrency: number | null;
  /** The SMTP sink without PIPELINING (a relay without the extension). */
  sinkWithoutPipelining: boolean;
  label: string;
}

function experimentFromEnv(): Experiment {
  const e = process.env;
  const workerEnv = Object.fromEntries(
    (e.BENCH_WORKER_ENV ?? '')
      .split(',')
      .filter((kv) => kv.includes('='))
      .map((kv) => [kv.slice(0, kv.indexOf('=')).trim(), kv.slice(kv.indexOf('=') + 1).trim()]),
  );
  return {
    workerScript: e.BENCH_WORKER_SCRIPT ? resolve(e.BENCH_WORKER_SCRIPT) : 'dist/worker.js',
    smtpQuery: e.BENCH_SMTP_QUERY ?? '',
    workerEnv,
    concurrency: e.BENCH_CONCURRENCY ? Number(e.BENCH_CONCURRENCY) : null,
    sinkWithoutPipelining: e.BENCH_SINK_PIPELINING === '0',
    label: [
      e.BENCH_SINK_PIPELINING === '0' ? 'SMTP sink without PIPELINING' : '',
      e.BENCH_WORKER_SCRIPT ? `worker ${e.BENCH_WORKER_SCRIPT}` : '',
      e.BENCH_SMTP_QUERY ? `SMTP_URL …/?${e.BENCH_SMTP_QUERY}` : '',
      e.BENCH_WORKER_ENV ? `worker env ${e.BENCH_WORKER_ENV}` : '',
      e.BENCH_CONCURRENCY ? `concurrency ${e.BENCH_CONCURRENCY}` : '',
    ]
      .filter(Boolean)
      .join(', '),
  };
}

/** The product's code the bench calls, from backend/dist. */
interface Product {
  replanReminders: typeof Planner.replanReminders;
  reminderMessageId: typeof ReminderIds.reminderMessageId;
  deliveryJobId: typeof ReminderIds.deliveryJobId;
  redisOptions: typeof RedisOptions.redisOptions;
  /** `@Processor(QUEUES.reminders, { concurrency })` of the reminders processor. */
  concurrency: number;
}

/** What both phases share. */
interface World {
  count: number;
  spreadMs: number;
  prefix: string;
  redisUrl: string;
  product: Product;
  experiment: Experiment;
  redis: Redis;
  dataSource: DataSource;
  fixture: Fixture;
  sink: LightSmtpSink;
  api: Child;
  workers: Child[];
  spawn(name: string, args: string[], env: NodeJS.ProcessEnv): Child;
  /** Starts the API load; the returned function stops it and says what it measured. */
  startLoad(name: string): Promise<() => Promise<LoadReport>>;
}

export async function benchReminders(options: ReminderBenchOptions = {}): Promise<Figure[]> {
  const count = options.count ?? 10_000;
  const spreadMs = options.spreadMs ?? 60_000;
  if (!Number.isInteger(count) || count < 1) throw new Error('count must be a whole number ≥ 1');
  if (!(spreadMs >= 0)) throw new Error('spreadMs must be ≥ 0');
  const databaseUrl = options.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/demarche_bench_reminders';

  const cleanups = new Cleanups();
  const onSignal = (signal: NodeJS.Signals) => {
    say(`${signal}: cleaning up`);
    void cleanups.runAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  cleanups.add('remove the signal handlers', async () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  });
  const logs = mkdtempSync(join(tmpdir(), 'demarche-bench-reminders-'));
  let succeeded = false;
  cleanups.add('remove the log folder', async () => {
    if (succeeded) rmSync(logs, { recursive: true, force: true });
    else say(`the processes' logs are kept in ${logs}`);
  });

  try {
    const world = await setUp(count, spreadMs, databaseUrl, logs, cleanups);
    const bare = await bareBullmq(world);
    const reminders = await productReminders(world);
    succeeded = true;
    return figures(world, bare, reminders);
  } finally {
    await cleanups.runAll();
  }
}

// ------------------------------------------------------------------------------------ set-up

async function setUp(count: number, spreadMs: number, databaseUrl: string, logs: string, cleanups: Cleanups): Promise<World> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `bench-rem-${process.pid}`;
  const experiment = experimentFromEnv();
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  say(`database "${name}", Redis prefix "${prefix}", ${count.toLocaleString('en-US')} reminders due over ${seconds(spreadMs)}`);

  await import('reflect-metadata'); // the product's decorated modules expect it, as its entry points do
  const { migrate } = await backendModule<typeof DatabaseAdmin>('core/database/database-admin.js');
  const { dataSourceOptions } = await backendModule<typeof DataSourceOptions>('core/database/data-source-options.js');
  const { hashPassword } = await backendModule<typeof Passwords>('core/auth/passwords.js');
  const { replanReminders } = await backendModule<typeof Planner>('reminders/reminder-planner.js');
  const processor = await backendModule<typeof RemindersProcessor>('reminder-delivery/reminders.processor.js');
  const ids = await backendModule<typeof ReminderIds>('reminders/reminder-ids.js');
  const { redisOptions } = await backendModule<typeof RedisOptions>('core/redis/redis-options.js');
  const workerOptions = Reflect.getMetadata('bullmq:worker_metadata', processor.RemindersProcessor) as { concurrency?: number } | undefined;
  const product: Product = {
    replanReminders,
    reminderMessageId: ids.reminderMessageId,
    deliveryJobId: ids.deliveryJobId,
    redisOptions,
    concurrency: experiment.concurrency ?? workerOptions?.concurrency ?? 1,
  };

  // A database of its own, with the project's migrations.
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const dropDatabase = () =>
    withClient(admin.toString(), async (db) => void (await db.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)));
  await dropDatabase(); // left by an interrupted run
  await withClient(admin.toString(), async (db) => void (await db.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)));
  cleanups.add(`drop database "${name}"`, dropDatabase);
  await migrate({ databaseUrl, databasePoolSize: 2 });
  const fixture = await withClient(databaseUrl, async (db) => createFixture(db, count, await hashPassword(PASSWORD)));
  const { DataSource: TypeOrmDataSource } = await import('typeorm');
  const dataSource = new TypeOrmDataSource({
    ...dataSourceOptions({ databaseUrl, databasePoolSize: 2 }),
    applicationName: 'demarche-bench-reminders',
  });
  await dataSource.initialize();
  cleanups.add('close the bench connection pool', () => dataSource.destroy());

  // Redis: everything under the prefix goes at the end.
  const redis = new Redis(redisOptions(redisUrl, { maxRetriesPerRequest: null }));
  cleanups.add('disconnect from Redis', async () => void redis.disconnect());
  cleanups.add(`delete the Redis keys ${prefix}:*`, async () => {
    let deleted = 0;
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length) deleted += await redis.unlink(...keys);
    }
    say(`deleted ${deleted} Redis keys under ${prefix}:`);
  });

  const sink = await new LightSmtpSink({ pipelining: !experiment.sinkWithoutPipelining }).start();
  cleanups.add('stop the SMTP sink', () => Promise.race([sink.stop(), sleep(5_000)]));

  // The product's processes as deployed: NODE_ENV=production, default sweep, look-ahead and pools.
  const children: Child[] = [];
  cleanups.add('stop the processes', async () => void (await Promise.all(children.map((c) => c.stop()))));
  const spawn = (childName: string, args: string[], env: NodeJS.ProcessEnv): Child => {
    const child = new Child(
      childName,
      args,
      {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: prefix,
        PUBLIC_URL: `http://${HOST}`,
        SMTP_URL: experiment.smtpQuery ? `${sink.url}/?${experiment.smtpQuery}` : sink.url,
        LOG_LEVEL: 'info',
        ...env,
      },
      join(logs, `${childName}.log`),
      BACKEND,
    );
    children.push(child);
    return child;
  };
  // The coordinator's own request limit (600/min by default) would refuse a steady 50 req/s.
  const api = spawn('api', ['dist/main.js'], { HOST: '127.0.0.1', PORT: '0', RATE_LIMIT_PER_MINUTE: '1000000' });
  const workerUrl = new URL(databaseUrl);
  workerUrl.searchParams.set('application_name', WORKER_DB_LABEL);
  const profile = profileArgs();
  const workers = Array.from({ length: WORKERS }, (_, i) =>
    spawn(`worker-${i + 1}`, [...profile, experiment.workerScript], { ...experiment.workerEnv, DATABASE_URL: workerUrl.toString() }),
  );
  const apiUrl = (await api.message(ready, 60_000, 'its ready message')).url!.replace('localhost', '127.0.0.1');
  await Promise.all(workers.map((w) => w.message(ready, 60_000, 'its ready message')));
  say(`API at ${apiUrl}, ${WORKERS} workers up, SMTP sink at ${sink.url}`);

  const login = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: fixture.coordinatorEmail, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.includes('demarche_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('sign-in set no session cookie');
  const loadUrl = `${apiUrl}/api/campaigns/${fixture.campaignId}/dashboard`;
  const probe = await fetch(loadUrl, { headers: { cookie } });
  if (probe.status !== 200) throw new Error(`GET ${loadUrl} answered ${probe.status}: ${await probe.text()}`);

  const startLoad = async (loadName: string): Promise<() => Promise<LoadReport>> => {
    const child = spawn(loadName, [join(HERE, 'api-load.js')], {
      BENCH_URL: loadUrl,
      BENCH_RATE: String(API_RATE),
      BENCH_CONNECTIONS: String(API_CONNECTIONS),
      BENCH_COOKIE: cookie,
    });
    await child.message(ready, 30_000, 'its ready message');
    return async () => {
      child.send({ type: 'stop' });
      const report = await child.message(isType<LoadReport>('load-report'), 30_000, 'its report');
      await child.stop();
      return report;
    };
  };
  // Warm the API up (JIT, pools) before anything is measured.
  const stopWarmUp = await startLoad('load-warm-up');
  await sleep(5_000);
  await stopWarmUp();

  return { count, spreadMs, prefix, redisUrl, product, experiment, redis, dataSource, fixture, sink, api, workers, spawn, startLoad };
}

/** Lateness in each tenth of the window (p50, or another quantile): a backlog grows along it, a fixed cost does not. */
function byTenth(start: number, spreadMs: number, samples: { due: number; late: number }[], q: 'p50' | 'p99' = 'p50'): string {
  const tenths: number[][] = Array.from({ length: 10 }, () => []);
  for (const s of samples) tenths[Math.min(9, Math.max(0, Math.floor(((s.due - start) * 10) / Math.max(spreadMs, 1))))]!.push(s.late);
  return tenths.map((t) => (t.length ? formatMs(summarize(t)[q]) : '—')).join(' · ');
}

// ------------------------------------------------------------------------------------ bare BullMQ

interface BareResult {
  lateness: Summary;
  perSecond: { mean: number; peak: number };
  processed: number;
  repeats: number;
  /** CPU (ms) of the worker processes per job. */
  cpuPerJob: number | null;
  machineBusy: number | null;
  load: LoadReport;
}

/**
 * `count` no-op delayed jobs due evenly over the window (30 s from now), on a queue of their own
 * (own prefix, same Redis), taken by 2 plain BullMQ worker processes with the product's
 * concurrency. Lateness: when the processor was called − when the job was due.
 */
async function bareBullmq(w: World): Promise<BareResult> {
  const { count, spreadMs, product } = w;
  say(`baseline: ${formatCount(count)} no-op delayed jobs, ${WORKERS} bare BullMQ workers × concurrency ${product.concurrency}`);
  const prefix = `${w.prefix}:bare`;
  const queueName = 'noop';
  const workers = Array.from({ length: WORKERS }, (_, i) =>
    w.spawn(`bare-worker-${i + 1}`, [join(HERE, 'bare-worker.js')], {
      BENCH_REDIS_URL: w.redisUrl,
      BENCH_PREFIX: prefix,
      BENCH_QUEUE: queueName,
      BENCH_CONCURRENCY: String(product.concurrency),
    }),
  );
  const queue = new Queue(queueName, { connection: product.redisOptions(w.redisUrl, { maxRetriesPerRequest: null }), prefix });
  try {
    await Promise.all(workers.map((bw) => bw.message(ready, 30_000, 'its ready message')));
    const stopLoad = await w.startLoad('load-baseline');
    const start = Date.now() + BARE_LEAD_MS;
    const dueOf = (i: number) => start + Math.floor((i * spreadMs) / count);
    for (let at = 0; at < count; at += 500) {
      const base = Date.now(); // BullMQ stamps each job a moment later: due at stamp + delay ≥ dueOf(i)
      await queue.addBulk(
        Array.from({ length: Math.min(500, count - at) }, (_, k) => ({
          name: 'noop',
          data: { dueAt: dueOf(at + k) },
          opts: { jobId: `noop-${at + k}`, delay: dueOf(at + k) - base, removeOnComplete: { age: 3600 }, removeOnFail: { age: 86_400 } },
        })),
      );
    }
    say(`baseline: jobs added ${seconds(start - Date.now())} before the first is due`);
    const workerCpu = cpuMeter(workers.map((bw) => bw.child.pid));
    const machine = machineMeter();
    const deadline = start + spreadMs + 120_000;
    while ((await queue.getCompletedCount()) < count && Date.now() < deadline) await sleep(500);
    const cpu = workerCpu();
    const machineBusy = machine();
    await sleep(REPEAT_GRACE_MS);
    const load = await stopLoad();

    const reports = await Promise.all(
      workers.map((bw) => {
        bw.send({ type: 'report' });
        return bw.message(isType<{ type: 'report'; seen: [string, number, number][] }>('report'), 30_000, 'its report');
      }),
    );
    const seen = reports.flatMap((r) => r.seen);
    const first = new Map<string, { due: number; at: number }>();
    for (const [id, due, at] of seen) if (!first.has(id)) first.set(id, { due, at });
    const samples = [...first.values()].map(({ due, at }) => ({ due, late: at - due }));
    const lateness = summarize(samples.map((s) => s.late));
    say(
      `baseline: ${formatCount(first.size)} processed, lateness p50 ${ms(lateness.p50)}, p99 ${ms(lateness.p99)}, max ${ms(lateness.max)}`,
    );
    say(`baseline: lateness p50 by tenth of the window: ${byTenth(start, spreadMs, samples)}`);
    return {
      lateness,
      perSecond: rates(
        start,
        [...first.values()].map((f) => f.at),
      ),
      processed: first.size,
      repeats: seen.length - first.size,
      cpuPerJob: cpu === null ? null : cpu / Math.max(1, first.size),
      machineBusy,
      load,
    };
  } finally {
    await queue.close();
    await Promise.all(workers.map((bw) => bw.stop()));
  }
}

// ------------------------------------------------------------------------------------ the product

interface ReminderResult {
  lateness: Summary;
  perSecond: { mean: number; peak: number };
  distinct: number;
  repeats: number;
  missing: number;
  /** The window's reminder rows by status, afterwards. */
  statuses: Record<string, number>;
  smtpConnections: number;
  /** Per delivery, from BullMQ's records: its due instant − the reminder's; processor start − that; arrival − processor start. */
  enqueueSkew: Summary;
  pickup: Summary;
  delivery: Summary;
  jobMs: Summary;
  /** How long each sweep that ran during the window took; the rows each read; how many were full passes. */
  sweeps: Summary;
  sweepRows: Summary;
  fullSweeps: number;
  /** Lighthouse's CPU benchmark index, in the lead time before the window and after it. */
  cpuIndex: { before: number | null; after: number | null };
  /** CPU (ms) per delivery of the worker processes, and of their PostgreSQL backends. */
  cpuPerJob: number | null;
  pgCpuPerJob: number | null;
  apiCpuShare: number | null;
  machineBusy: number | null;
  /** From the commit of the plan to the window's opening. */
  plannedAheadMs: number;
  load: LoadReport;
}

/**
 * `count` reminders due evenly over the window, planned by the product ~90 s ahead; the
 * workers' sweep moves them into BullMQ, the workers deliver them to the sink. Lateness: arrival
 * of the e-mail − the reminder's due instant.
 */
async function productReminders(w: World): Promise<ReminderResult> {
  const { count, spreadMs, product, redis, sink, prefix } = w;
  const queueKey = `${prefix}:q:reminders`;
  say(`reminders: planning ${formatCount(count)} reminders due from ${seconds(REMINDER_LEAD_MS)} on`);
  const stopLoad = await w.startLoad('load-reminders');
  const start = Date.now() + REMINDER_LEAD_MS;
  const due = await planWindow(w.dataSource, product.replanReminders, w.fixture, count, start, spreadMs);
  const plannedAheadMs = start - Date.now();
  say(`reminders: planned and committed ${seconds(plannedAheadMs)} before the first is due; the workers' sweep enqueues them`);
  // The machine's speed just before the window (a second of CPU, in the lead time, not measured).
  const cpuBefore = await cpuIndex();

  // When BullMQ will consider each delivery due: its score in the delayed set, read once the
  // sweep has put it there (before the window opens).
  const bullDue = new Map<string, number>();
  for (;;) {
    const ids = [...due.keys()].filter((id) => !bullDue.has(id));
    if (ids.length === 0 || Date.now() > start - 1_000) break;
    const scores = await redis.zmscore(`${queueKey}:delayed`, ...ids.map(product.deliveryJobId));
    ids.forEach((id, i) => scores[i] !== null && bullDue.set(id, Math.floor(Number(scores[i]) / 0x1000)));
    await sleep(200);
  }
  say(`reminders: ${formatCount(bullDue.size)} delivery jobs delayed in BullMQ ${seconds(start - Date.now())} before the first is due`);

  const workerCpu = cpuMeter(w.workers.map((c) => c.child.pid));
  const apiCpu = cpuMeter([w.api.child.pid]);
  const machine = machineMeter();
  const pgCpu = new ChangingCpu(async () =>
    (
      (await w.dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [
        WORKER_DB_LABEL,
      ])) as { pid: number }[]
    ).map((r) => r.pid),
  );
  await pgCpu.sample(true);
  const meteredFrom = Date.now();
  // The sink's clock is this process's event loop: an arrival is stamped when this process gets
  // to it. Its delay, per second of the window, says how far arrivals can be trusted.
  const loopDelay = loopDelayMeter(start);

  const byMessageId = new Map([...due.keys()].map((id) => [product.reminderMessageId(id, HOST), id]));
  const delivered = new Set<string>();
  // BullMQ's record of each delivery job, read shortly after its e-mail arrived: completed jobs
  // do not stay (each sweep's `removeOnComplete: 10` trims the queue's completed set to 10).
  const jobTimes = new Map<string, [processedOn: number, finishedOn: number]>();
  let seenCursor = 0;
  let readCursor = 0;
  const readJobs = async (arrivedBefore: number) => {
    const batch: string[] = [];
    for (; readCursor < sink.arrivals.length && sink.arrivals[readCursor]!.at <= arrivedBefore; readCursor++) {
      const id = byMessageId.get(sink.arrivals[readCursor]!.messageId);
      if (id && !jobTimes.has(id)) batch.push(id);
    }
    if (batch.length === 0) return;
    const pipeline = redis.pipeline();
    for (const id of batch) pipeline.hmget(`${queueKey}:${product.deliveryJobId(id)}`, 'processedOn', 'finishedOn');
    const results = (await pipeline.exec()) ?? [];
    batch.forEach((id, i) => {
      const [processedOn, finishedOn] = (results[i]?.[1] as (string | null)[] | undefined) ?? [];
      if (processedOn) jobTimes.set(id, [Number(processedOn), Number(finishedOn ?? 0)]);
    });
  };
  // The sweeps that ran meanwhile (the scheduler's jobs, "repeat:…"), among the latest completed,
  // with what each did (its return value: full pass or not, rows read).
  const sweeps = new Map<string, [processedOn: number, finishedOn: number]>();
  const sweepOutcomes = new Map<string, SweepOutcome>();
  const readSweeps = async () => {
    for (const id of await redis.zrevrange(`${queueKey}:completed`, 0, 300)) {
      if (!id.startsWith('repeat:') || sweeps.has(id)) continue;
      const [processedOn, finishedOn, returned] = await redis.hmget(`${queueKey}:${id}`, 'processedOn', 'finishedOn', 'returnvalue');
      if (processedOn && finishedOn && Number(finishedOn) >= start) {
        sweeps.set(id, [Number(processedOn), Number(finishedOn)]);
        const outcome = returned ? (JSON.parse(returned) as SweepOutcome | null) : null;
        if (outcome && typeof outcome === 'object' && 'read' in outcome) sweepOutcomes.set(id, outcome);
      }
    }
  };

  const deadline = start + spreadMs + 180_000;
  let lastSample = Date.now();
  let lastProgress = Date.now();
  while (delivered.size < count && Date.now() < deadline) {
    await sleep(250);
    for (; seenCursor < sink.arrivals.length; seenCursor++) {
      if (byMessageId.has(sink.arrivals[seenCursor]!.messageId)) delivered.add(sink.arrivals[seenCursor]!.messageId);
    }
    await readJobs(Date.now() - 300);
    await readSweeps();
    if (Date.now() - lastSample >= 1_000) {
      lastSample = Date.now();
      await pgCpu.sample();
    }
    if (Date.now() - lastProgress >= 15_000) {
      lastProgress = Date.now();
      say(
        `reminders: ${formatCount(delivered.size)} delivered so far (${formatCount(sink.arrivals.length)} messages on ${formatCount(sink.connections)} connections at the sink)`,
      );
    }
  }
  const loopMaxBySecond = loopDelay();
  const workerCpuMs = workerCpu();
  const apiCpuMs = apiCpu();
  const machineBusy = machine();
  await pgCpu.sample();
  const pgCpuMs = pgCpu.total();
  const meteredMs = Date.now() - meteredFrom;
  await sleep(300);
  await readJobs(Date.now());
  await sleep(REPEAT_GRACE_MS);
  // And after it, the API load still running (never during it: a second of CPU taken from the
  // burst would be measured too).
  const cpuAfter = await cpuIndex();
  const load = await stopLoad();

  const first = new Map<string, Arrival>();
  let repeats = 0;
  for (const a of sink.arrivals) {
    if (!byMessageId.has(a.messageId)) continue;
    if (first.has(a.messageId)) repeats++;
    else first.set(a.messageId, a);
  }
  const samples: { due: number; late: number }[] = [];
  const [skew, pickup, delivery, jobMs]: number[][] = [[], [], [], []];
  /** Per due instant, for the by-tenth lines: waiting for a worker, and the job's own time. */
  const [waits, jobs]: { due: number; late: number }[][] = [[], []];
  for (const [messageId, arrival] of first) {
    const id = byMessageId.get(messageId)!;
    const dueAt = due.get(id)!;
    samples.push({ due: dueAt, late: arrival.at - dueAt });
    const [processedOn, finishedOn] = jobTimes.get(id) ?? [0, 0];
    const queuedDue = bullDue.get(id);
    if (queuedDue === undefined || !processedOn) continue;
    skew.push(queuedDue - dueAt);
    pickup.push(processedOn - queuedDue);
    waits.push({ due: dueAt, late: processedOn - queuedDue });
    delivery.push(arrival.at - processedOn);
    if (finishedOn) {
      jobMs.push(finishedOn - processedOn);
      jobs.push({ due: dueAt, late: finishedOn - processedOn });
    }
  }
  const statuses = Object.fromEntries(
    (
      (await w.dataSource.query(`SELECT status, count(*)::int AS n FROM reminders WHERE id = ANY($1::uuid[]) GROUP BY status`, [
        [...due.keys()],
      ])) as { status: string; n: number }[]
    ).map((r) => [r.status, r.n]),
  );
  const lateness = summarize(samples.map((s) => s.late));
  say(
    `reminders: ${formatCount(first.size)} distinct delivered, ${repeats} repeats, lateness p50 ${ms(lateness.p50)}, p99 ${ms(lateness.p99)}, max ${ms(lateness.max)}`,
  );
  say(`reminders: lateness p50 by tenth of the window: ${byTenth(start, spreadMs, samples)}`);
  say(`reminders: lateness p99 by tenth of the window: ${byTenth(start, spreadMs, samples, 'p99')}`);
  say(`reminders: waiting for a worker, p50 by tenth of the window: ${byTenth(start, spreadMs, waits)}`);
  say(`reminders: the job itself, p50 by tenth of the window: ${byTenth(start, spreadMs, jobs)}`);
  say(
    `reminders: this process's (the SMTP sink's) event-loop delay, most per second: first 5 s ${loopMaxBySecond
      .slice(0, 5)
      .map(formatMs)
      .join(' · ')}; the whole window ${formatMs(Math.max(0, ...loopMaxBySecond))}`,
  );
  if (process.env.BENCH_SAMPLES_FILE) {
    // Every delivery's timings and the sweeps, for a closer look than the tenths above.
    const rows = [...first].map(([messageId, arrival]) => {
      const id = byMessageId.get(messageId)!;
      const [processedOn, finishedOn] = jobTimes.get(id) ?? [null, null];
      return {
        due: due.get(id)! - start,
        arrived: arrival.at - start,
        processedOn: processedOn && processedOn - start,
        finishedOn: finishedOn && finishedOn - start,
      };
    });
    writeFileSync(
      process.env.BENCH_SAMPLES_FILE,
      JSON.stringify({ start, spreadMs, loopMaxBySecond, sweeps: [...sweeps.values()].map(([a, b]) => [a - start, b - start]), rows }),
    );
    say(`reminders: every delivery's timings written to ${process.env.BENCH_SAMPLES_FILE}`);
  }
  say(
    `reminders: sweeps in the window (s from its opening): ${
      [...sweeps.values()]
        .sort((a, b) => a[0] - b[0])
        .map(([from, to]) => `${((from - start) / 1000).toFixed(1)}–${((to - start) / 1000).toFixed(1)}`)
        .join(', ') || 'none seen'
    }`,
  );
  return {
    lateness,
    perSecond: rates(
      start,
      [...first.values()].map((a) => a.at),
    ),
    distinct: first.size,
    repeats,
    missing: count - first.size,
    statuses,
    smtpConnections: sink.connections,
    enqueueSkew: summarize(skew),
    pickup: summarize(pickup),
    delivery: summarize(delivery),
    jobMs: summarize(jobMs),
    sweeps: summarize([...sweeps.values()].map(([from, to]) => to - from)),
    sweepRows: summarize([...sweepOutcomes.values()].map((o) => o.read)),
    fullSweeps: [...sweepOutcomes.values()].filter((o) => o.full).length,
    cpuIndex: { before: cpuBefore, after: cpuAfter },
    cpuPerJob: workerCpuMs === null ? null : workerCpuMs / Math.max(1, first.size),
    pgCpuPerJob: pgCpuMs === null ? null : pgCpuMs / Math.max(1, first.size),
    apiCpuShare: apiCpuMs === null ? null : apiCpuMs / meteredMs,
    machineBusy,
    plannedAheadMs,
    load,
  };
}

// ------------------------------------------------------------------------------------ figures

function figures(w: World, bare: BareResult, rem: ReminderResult): Figure[] {
  const { count, spreadMs, product, experiment } = w;
  const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? formatRatio(a / b) : 'n/a');
  const p99Ratio = bare.lateness.p99 > 0 ? rem.lateness.p99 / bare.lateness.p99 : Number.POSITIVE_INFINITY;
  const percent = (v: number | null) => (v === null ? '?' : `${(v * 100).toFixed(0)}%`);
  const api = (l: LoadReport) =>
    `${l.perSecond.toFixed(0)} req/s, p50 ${ms(l.p50)}, p99 ${ms(l.p99)}, ${l.non2xx + l.errors + l.timeouts} errors`;
  const sweepEvery = seconds(Number(experiment.workerEnv.REMINDER_SWEEP_MS ?? 15_000));
  return [
    {
      section: SECTION,
      name: 'reminder lateness p50',
      value: ms(rem.lateness.p50),
      baseline: ms(bare.lateness.p50),
      ratio: ratio(rem.lateness.p50, bare.lateness.p50),
      note:
        `arrival at the SMTP sink − the reminder's due instant; ${formatCount(count)} due evenly over ${seconds(spreadMs)}, ` +
        `${WORKERS} worker processes × concurrency ${product.concurrency}; baseline: bare BullMQ, no-op delayed jobs, processor called − due`,
    },
    {
      section: SECTION,
      name: 'reminder lateness p99',
      value: ms(rem.lateness.p99),
      baseline: ms(bare.lateness.p99),
      ratio: Number.isFinite(p99Ratio) ? formatRatio(p99Ratio) : 'n/a',
      target: '≤ 1 s and ≤ 1.50×',
      met: rem.missing === 0 && rem.lateness.p99 <= 1_000 && p99Ratio <= 1.5,
      note:
        `≤ 1 s: ${rem.lateness.p99 <= 1_000 ? 'yes' : 'no'}, ≤ 1.5× bare: ${p99Ratio <= 1.5 ? 'yes' : 'no'}. ` +
        `Where it goes, p50/p99 over the ${formatCount(rem.pickup.count)} jobs whose BullMQ record was read: ` +
        `due in BullMQ − due ${ms(rem.enqueueSkew.p50)}/${ms(rem.enqueueSkew.p99)}, ` +
        `waiting for a worker ${ms(rem.pickup.p50)}/${ms(rem.pickup.p99)}, ` +
        `processor called → e-mail at the sink ${ms(rem.delivery.p50)}/${ms(rem.delivery.p99)} ` +
        `(whole job ${ms(rem.jobMs.p50)}/${ms(rem.jobMs.p99)}); ` +
        `${rem.sweeps.count} sweeps (every ${sweepEvery}) ran in the window, ${ms(rem.sweeps.p50)} each (max ${ms(rem.sweeps.max)})`,
    },
    {
      section: SECTION,
      name: 'sweeps during the window',
      value: rem.sweeps.count ? `${rem.sweeps.count}, p50 ${ms(rem.sweeps.p50)}, max ${ms(rem.sweeps.max)}` : 'none seen',
      note:
        `each run of the reminders sweep (every ${sweepEvery}, on either worker) that ended in the window, as BullMQ recorded it; ` +
        (rem.sweepRows.count
          ? `reminder rows read per sweep p50 ${formatCount(rem.sweepRows.p50)}, max ${formatCount(rem.sweepRows.max)}; ${rem.fullSweeps} full passes`
          : 'rows read not recorded (a worker whose sweep returns nothing)'),
    },
    {
      section: SECTION,
      name: 'machine speed (CPU benchmark index)',
      value: `${rem.cpuIndex.before ?? 'n/a'} before the window, ${rem.cpuIndex.after ?? 'n/a'} after it`,
      note:
        "Lighthouse's computeBenchmarkIndex, run in a Node.js child process in the lead time just before the window and after " +
        'the last arrival (never during it: its second of CPU would be measured too), with the API load running. Higher is ' +
        'faster; compare runs with it beside their figures (a shared machine has slow moments)',
    },
    {
      section: SECTION,
      name: 'reminder lateness max',
      value: ms(rem.lateness.max),
      baseline: ms(bare.lateness.max),
      ratio: ratio(rem.lateness.max, bare.lateness.max),
    },
    {
      section: SECTION,
      name: 'deliveries per second',
      value: `${rem.perSecond.mean.toFixed(0)} /s`,
      baseline: `${bare.perSecond.mean.toFixed(0)} /s`,
      ratio: ratio(rem.perSecond.mean, bare.perSecond.mean),
      note: `count ÷ (last arrival − first due); the window itself brings ${((count * 1000) / Math.max(spreadMs, 1)).toFixed(0)} /s`,
    },
    {
      section: SECTION,
      name: 'peak deliveries per second',
      value: `${formatCount(rem.perSecond.peak)} /s`,
      baseline: `${formatCount(bare.perSecond.peak)} /s`,
      note: 'the most arrivals within any one second',
    },
    {
      section: SECTION,
      name: 'worker CPU per delivery',
      value: rem.cpuPerJob === null ? 'n/a' : ms(rem.cpuPerJob),
      baseline: bare.cpuPerJob === null ? 'n/a' : ms(bare.cpuPerJob),
      ratio: rem.cpuPerJob !== null && bare.cpuPerJob ? ratio(rem.cpuPerJob, bare.cpuPerJob) : undefined,
      note:
        `user + system CPU of the ${WORKERS} worker processes from the window's opening to the last arrival ÷ deliveries; ` +
        `their PostgreSQL backends: ${rem.pgCpuPerJob === null ? 'n/a' : ms(rem.pgCpuPerJob)} per delivery; ` +
        `the API used ${percent(rem.apiCpuShare)} of a core meanwhile; the machine's ${cpus().length} cores were ` +
        `${percent(rem.machineBusy)} busy (${percent(bare.machineBusy)} during the baseline)`,
    },
    {
      section: SECTION,
      name: 'reminders delivered exactly once',
      value: `${formatCount(rem.distinct)} distinct, ${formatCount(rem.repeats)} repeats`,
      baseline: `${formatCount(bare.processed)} jobs, ${formatCount(bare.repeats)} repeats`,
      target: `${formatCount(count)}, 0 repeats`,
      met: rem.distinct === count && rem.repeats === 0,
      note:
        `distinct Message-IDs at the sink; the rows afterwards: ${Object.entries(rem.statuses)
          .map(([s, n]) => `${formatCount(n)} ${s}`)
          .join(', ')}; ` + `${formatCount(rem.smtpConnections)} SMTP connections for ${formatCount(rem.distinct + rem.repeats)} messages`,
    },
    {
      section: SECTION,
      name: 'API under load meanwhile',
      value: api(rem.load),
      baseline: api(bare.load),
      note:
        `the moderate load: autocannon at a fixed ${API_RATE} req/s (${API_CONNECTIONS} connections) on GET /api/campaigns/:id/dashboard ` +
        `of the bench campaign (${formatCount(Math.ceil(count / PEOPLE_PER_ORG))} follow-ups) as its lead coordinator, from before the ` +
        `plan until the last arrival; the plan was committed ${seconds(rem.plannedAheadMs)} before the window opened; ` +
        `load average ${loadavg()[0]!.toFixed(1)} at the end` +
        (experiment.label ? `; EXPERIMENT: ${experiment.label}` : ''),
    },
  ];
}
