import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { ParsedMail } from 'mailparser';
import type pg from 'pg';
import { beforeAll, describe, it, type ExpectStatic, type TestContext } from 'vitest';
import { migrate } from '../src/core/database/database-admin.js';
import { SCHEDULERS } from '../src/core/queue/queues.js';
import { deliveryJobId, reminderMessageId } from '../src/reminders/reminder-ids.js';
import { withDb } from './support/accounts.js';
import { createDatabase, dropDatabase, uniqueName } from './support/databases.js';
import { BACKEND_DIR, runNode, type Started } from './support/processes.js';
import { startRedisServer } from './support/redis-server.js';
import { SmtpSink } from './support/smtp-sink.js';
import { closedPort, TcpProxy } from './support/tcp-proxy.js';

// Real worker processes (`npm test` builds them first). Each scenario has a database, a
// redis-server and an SMTP sink of its own, which it kills, flushes, stalls or leaves closed.
// The scenarios run concurrently: the kill loop spends most of its time waiting for BullMQ to
// notice the dead workers' jobs, and a worker sweeps every pending reminder of its database.
const WORKER = 'dist/worker.js';
const HOST = 'faults.test';

type Mail = ParsedMail & { raw: string };

/** One scenario's world: its database, private Redis, worker processes and sinks; all gone when its test ends. */
async function scenario({ onTestFinished }: TestContext) {
  const cleanups: (() => Promise<void>)[] = [];
  onTestFinished(async () => {
    for (const c of cleanups.reverse()) await c();
  });
  const databaseUrl = await createDatabase('demarche_faults');
  cleanups.push(() => dropDatabase(databaseUrl));
  await migrate({ databaseUrl, databasePoolSize: 2 });
  const redis = await startRedisServer(['--maxmemory-policy', 'noeviction']);
  cleanups.push(() => redis.stop());
  const client = new Redis(redis.url);
  cleanups.push(async () => void client.disconnect());
  const prefix = uniqueName('faults');
  const db = <T>(work: (c: pg.Client) => Promise<T>) => withDb(work, databaseUrl);

  return {
    db,
    /** A client of the scenario's own redis-server. */
    redis: client,
    /** The workers' queue keys: `${queue}:…`. */
    queue: `${prefix}:q:reminders`,

    async sink(port = 0): Promise<SmtpSink> {
      const s = await new SmtpSink().start(port);
      cleanups.push(() => s.stop());
      return s;
    },

    /** The scenario's database URL, for routing a worker through a proxy. */
    databaseUrl,

    startWorker(smtpUrl: string, env: NodeJS.ProcessEnv = {}): Started {
      const worker = runNode(WORKER, {
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        REDIS_PREFIX: prefix,
        SMTP_URL: smtpUrl,
        PUBLIC_URL: `http://${HOST}`,
        LOG_LEVEL: 'warn',
        REMINDER_SWEEP_MS: '300',
        REMINDER_LOOKAHEAD_MS: '60000',
        // A killed worker's claims lapse in seconds, not the default minute: the scenarios wait
        // for BullMQ to notice dead workers (up to a minute) and should not add a minute more.
        REMINDER_CLAIM_MS: '5000',
        ...env,
      });
      cleanups.push(async () => {
        if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
        await worker.exited;
      });
      return worker;
    },

    /**
     * `n` open follow-ups due in 10 days, each with its 7-days-before reminder for one
     * coordinator, firing `fireInMs` from now: rows of the shape `replanReminders` writes, for
     * real subjects, so the delivery's check that the reminder is still current passes.
     */
    async reminders(n: number, fireInMs: number, label: string): Promise<string[]> {
      return db(async (c) => {
        const org = await c.query(`INSERT INTO organizations (name) VALUES ($1) RETURNING id`, [uniqueName('Org')]);
        const orgId = org.rows[0].id as string;
        const user = await c.query(
          `INSERT INTO users (email, display_name, organization_id, role) VALUES ($1, 'Coordinator', $2, 'coordinator') RETURNING id`,
          [`${uniqueName('faults')}@example.org`.toLowerCase(), orgId],
        );
        const campaign = await c.query(`INSERT INTO campaigns (title, status) VALUES ($1, 'active') RETURNING id`, [
          uniqueName('Campaign'),
        ]);
        const campaignId = campaign.rows[0].id as string;
        await c.query(`INSERT INTO campaign_organizations (campaign_id, organization_id, role) VALUES ($1, $2, 'lead')`, [
          campaignId,
          orgId,
        ]);
        const { rows } = await c.query(
          `WITH f AS (
             INSERT INTO follow_ups (campaign_id, organization_id, title, due_at, due_time_zone)
             SELECT $1, $2, $3 || ' #' || i, now() + interval '10 days', 'UTC' FROM generate_series(1, $4::int) AS i
             RETURNING id, due_at)
           INSERT INTO reminders (subject_type, subject_id, campaign_id, recipient_id, kind, offset_days, due_at, fire_at)
           SELECT 'follow_up', f.id, $1, $5, 'before', 7, f.due_at, now() + $6::int * interval '1 millisecond' FROM f
           RETURNING id`,
          [campaignId, orgId, label, n, user.rows[0].id, fireInMs],
        );
        return rows.map((r: { id: string }) => r.id);
      });
    },

    async rows(ids: string[]): Promise<{ id: string; status: string; attempts: number; last_error: string | null }[]> {
      return (await db((c) => c.query(`SELECT id, status, attempts, last_error FROM reminders WHERE id = ANY($1) ORDER BY id`, [ids])))
        .rows;
    },

    async statuses(ids: string[]): Promise<Record<string, number>> {
      const { rows } = await db((c) =>
        c.query(`SELECT status, count(*)::int AS n FROM reminders WHERE id = ANY($1) GROUP BY status`, [ids]),
      );
      return Object.fromEntries(rows.map((r: { status: string; n: number }) => [r.status, r.n]));
    },
  };
}

/** Polls `check` until it holds; fails after `timeoutMs`, with `context()` in the message. */
async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, context = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${context()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const isReminder = (m: Mail) => m.messageId?.startsWith('<reminder-') ?? false;

/**
 * What the sink holds for these reminders, per Message-ID. Fails on a reminder Message-ID that
 * belongs to none of them, and on two copies of one Message-ID that differ in subject or text.
 */
function tally(expect: ExpectStatic, smtp: SmtpSink, ids: string[]): { distinct: number; repeats: number; missing: string[] } {
  const expected = new Set(ids.map((id) => reminderMessageId(id, HOST)));
  const byId = new Map<string, Mail[]>();
  for (const m of smtp.messages.filter(isReminder)) {
    expect(expected.has(m.messageId!), `an unexpected reminder ${m.messageId}`).toBe(true);
    byId.set(m.messageId!, [...(byId.get(m.messageId!) ?? []), m]);
  }
  for (const [messageId, [first, ...copies]] of byId) {
    for (const copy of copies) {
      expect({ messageId, subject: copy.subject, text: copy.text }).toEqual({ messageId, subject: first!.subject, text: first!.text });
    }
  }
  return {
    distinct: byId.size,
    repeats: [...byId.values()].reduce((sum, copies) => sum + copies.length - 1, 0),
    missing: [...expected].filter((m) => !byId.has(m)),
  };
}

/** "Nothing lost, nothing different twice" (DESIGN.md, "Reminders"), through crashes and outages. */
describe('reminders under faults', () => {
  beforeAll(() => {
    if (!existsSync(join(BACKEND_DIR, WORKER))) throw new Error('backend is not built: run `npm run build -w @demarche/backend`');
  });

  it.concurrent(
    'loses nothing and sends nothing different when workers are SIGKILLed mid-delivery, again and again',
    async (ctx) => {
      const { expect } = ctx;
      const N = 96; // more than KILLS × the processor's concurrency (16): every round finds jobs never tried
      const KILLS = 5;
      const s = await scenario(ctx);
      const smtp = await s.sink();
      smtp.stallData = true;
      const ids = await s.reminders(N, 0, 'Kill loop');
      const received = () => smtp.messages.filter(isReminder).length;

      for (let round = 1; round <= KILLS; round++) {
        const before = received();
        const worker = s.startWorker(smtp.url);
        // The kill lands mid-delivery: a message's DATA is in, its SMTP reply held, its row locked.
        await until(`round ${round}: a reminder's DATA at the sink`, () => received() > before, 75_000, worker.output);
        worker.child.kill('SIGKILL');
        expect((await worker.exited).signal).toBe('SIGKILL');
      }
      const lastKillAt = Date.now();
      expect((await s.statuses(ids)).pending).toBeGreaterThan(0);

      // Two workers finish the job. Those never tried go at once. Those the dead workers held stay
      // active in BullMQ (the sweep cannot add them again) until a stalled-job check has seen them
      // without a lock twice, 30 s apart. Checks run at most every 30 s cluster-wide (a
      // `stalled-check` key lasting 30 s) and a worker checks first as it starts: the second worker
      // starts once that key has expired, so its first check marks them at once. Being out of
      // phase, one of the two wins the next check, which one worker alone may miss by a hair (its
      // timer and the key both last 30 s) and then waits 30 s more.
      smtp.releaseData();
      const first = s.startWorker(smtp.url);
      await until('the stalled-check window to close', async () => (await s.redis.exists(`${s.queue}:stalled-check`)) === 0, 35_000);
      const second = s.startWorker(smtp.url);
      await until(
        'every reminder sent',
        async () => (await s.statuses(ids)).sent === N,
        100_000,
        () => `${received()} reminder e-mails received\n${first.output()}\n${second.output()}`,
      );
      const { distinct, repeats, missing } = tally(expect, smtp, ids);
      expect(missing).toEqual([]);
      expect(distinct).toBe(N);
      console.log(
        `faults: kill loop — ${N} reminders, ${distinct} distinct Message-IDs, ${repeats} repeats over ${KILLS} kills; ` +
          `all sent ${Math.round((Date.now() - lastKillAt) / 1000)} s after the last kill`,
      );
    },
    150_000,
  );

  it.concurrent(
    'loses nothing when the Redis holding the delayed deliveries is flushed',
    async (ctx) => {
      const { expect } = ctx;
      const N = 20;
      const s = await scenario(ctx);
      const smtp = await s.sink();
      const worker = s.startWorker(smtp.url);
      await until(
        'the worker’s sweep scheduler',
        async () => (await s.redis.zscore(`${s.queue}:repeat`, SCHEDULERS.reminderSweep)) !== null,
        30_000,
        worker.output,
      );
      const ids = await s.reminders(N, 8_000, 'Flush');
      // Every reminder reaches Redis as a delayed delivery (the look-ahead is a minute), none yet due.
      await until(
        'all deliveries delayed in Redis',
        async () => (await s.redis.zmscore(`${s.queue}:delayed`, ...ids.map(deliveryJobId))).every((score) => score !== null),
        7_000,
        worker.output,
      );
      // Atomically, since the worker's next sweep (300 ms) re-enqueues them at once.
      const flushed = await s.redis
        .multi()
        .flushall()
        .exists(...ids.map((id) => `${s.queue}:${deliveryJobId(id)}`))
        .dbsize()
        .exec();
      expect(flushed?.map(([error, result]) => error ?? result)).toEqual(['OK', 0, 0]);
      expect(await s.statuses(ids)).toEqual({ pending: N });

      await until('every reminder sent', async () => (await s.statuses(ids)).sent === N, 30_000, worker.output);
      const { distinct, repeats, missing } = tally(expect, smtp, ids);
      expect(missing).toEqual([]);
      expect(distinct).toBe(N);
      expect(repeats).toBe(0);
      console.log(`faults: redis flush — ${N} reminders delayed in Redis, FLUSHALL, ${distinct} distinct Message-IDs, ${repeats} repeats`);
    },
    60_000,
  );

  it.concurrent(
    'delivers the reminders of a worker that vanished mid-send with its connections frozen, once its claims lapse',
    async (ctx) => {
      const { expect } = ctx;
      const N = 6;
      const CLAIM_MS = 4_000;
      const s = await scenario(ctx);
      const smtp = await s.sink();
      // The first worker reaches PostgreSQL through a proxy the test can freeze: its sessions
      // then stay open and silent, as after a power loss or a partition, not closed.
      const { hostname, port } = new URL(s.databaseUrl);
      const proxy = await new TcpProxy(hostname, Number(port)).start();
      const small = { WORKER_DATABASE_POOL_SIZE: '6', REMINDER_CLAIM_MS: String(CLAIM_MS) };
      smtp.stallData = true;
      const ids = await s.reminders(N, 0, 'vanished');
      const first = s.startWorker(smtp.url, { ...small, DATABASE_URL: proxy.route(s.databaseUrl) });
      // Every message has reached the server, whose answer is held back: the worker is mid-send.
      await until('the first worker sending every reminder', () => smtp.messages.filter(isReminder).length >= N, 30_000, first.output);
      proxy.freeze();
      first.child.kill('SIGKILL');
      await first.exited;
      const vanishedAt = Date.now();
      smtp.releaseData();
      // Under the old design each row stayed locked by a session PostgreSQL still thought alive
      // (about 2 h 11 min with its defaults), and every other worker skipped it. Now nothing is
      // locked: a claim lapses after CLAIM_MS, and the job comes back when BullMQ sees it stalled.
      const second = s.startWorker(smtp.url, small);
      // BullMQ notices the dead worker's jobs within two of its 30 s stall checks.
      await until('every reminder sent', async () => (await s.statuses(ids)).sent === N, 120_000, second.output);
      const lateMs = Date.now() - vanishedAt;
      const { distinct, repeats, missing } = tally(expect, smtp, ids);
      expect(missing).toEqual([]);
      expect(distinct).toBe(N);
      const rows = await s.db((c) => c.query(`SELECT count(*)::int AS n FROM reminders WHERE id = ANY($1) AND claim_token IS NULL`, [ids]));
      expect(rows.rows[0].n).toBe(N);
      await proxy.cut();
      console.log(
        `faults: vanished worker — ${N} reminders mid-send, PostgreSQL sessions frozen then SIGKILL; all sent ${Math.round(lateMs / 1000)} s ` +
          `later by another worker (claim ${CLAIM_MS / 1000} s); ${distinct} distinct Message-IDs, ${repeats} identical repeats`,
      );
    },
    160_000,
  );

  it.concurrent(
    'keeps reminders pending with their error while SMTP is down, and delivers them once it is up',
    async (ctx) => {
      const { expect } = ctx;
      const N = 10;
      const s = await scenario(ctx);
      const port = await closedPort();
      const ids = await s.reminders(N, 0, 'SMTP down');
      const worker = s.startWorker(`smtp://127.0.0.1:${port}`);

      await until(
        'a failed attempt on every reminder',
        async () => (await s.rows(ids)).every((r) => r.attempts >= 1),
        30_000,
        worker.output,
      );
      const failedAt = Date.now();
      for (const r of await s.rows(ids)) {
        expect(r).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringMatching(/ECONNREFUSED/) });
      }
      // Each job waits in BullMQ's delayed set for its retry, under the same id: the sweep (every
      // 300 ms) finds the row pending and due, but cannot add the job again.
      const jobs = await Promise.all(
        ids.map(async (id) => ({
          attemptsMade: Number(await s.redis.hget(`${s.queue}:${deliveryJobId(id)}`, 'atm')),
          retryInMs: Math.floor(Number(await s.redis.zscore(`${s.queue}:delayed`, deliveryJobId(id))) / 0x1000) - Date.now(),
        })),
      );
      for (const j of jobs) {
        expect(j.attemptsMade).toBe(1);
        expect(j.retryInMs).toBeGreaterThan(0);
      }

      const smtp = await s.sink(port);
      expect((await s.rows(ids)).map((r) => r.attempts)).toEqual(ids.map(() => 1));
      await until('every reminder sent', async () => (await s.statuses(ids)).sent === N, 45_000, worker.output);
      const sentAfterMs = Date.now() - failedAt;
      expect((await s.rows(ids)).map((r) => r.attempts)).toEqual(ids.map(() => 2));
      const { distinct, repeats, missing } = tally(expect, smtp, ids);
      expect(missing).toEqual([]);
      expect(distinct).toBe(N);
      expect(repeats).toBe(0);
      const retries = jobs.map((j) => Math.round(j.retryInMs / 1000));
      console.log(
        `faults: smtp down — ${N} reminders failed once (ECONNREFUSED), pending with attempts=1, each job delayed in BullMQ ` +
          `for its retry (attemptsMade=1, due in ${Math.min(...retries)}–${Math.max(...retries)} s); sink up: all sent on attempt 2, ` +
          `${Math.round(sentAfterMs / 1000)} s after the failure; ${distinct} distinct Message-IDs, ${repeats} repeats`,
      );
    },
    60_000,
  );
});
