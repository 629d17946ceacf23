import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/core/database/database-admin.js';
import { QUEUES, type MailMessage } from '../src/core/queue/queues.js';
import { createDatabase, dropDatabase, uniqueName } from './support/databases.js';
import { BACKEND_DIR, runNode, type Started } from './support/processes.js';
import { startRedisServer, type PrivateRedis } from './support/redis-server.js';
import { SmtpSink } from './support/smtp-sink.js';

// The built worker (`npm test` builds it first), on a redis-server of its own.
const WORKER = 'dist/worker.js';
const SHUTDOWN_TIMEOUT_MS = 3_000;
/** Process start-up and exit, beyond the shutdown budget itself. */
const MARGIN_MS = 1_500;

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, context = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${context()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** SIGTERM with work in flight: the worker stops within SHUTDOWN_TIMEOUT_MS, and the work is not lost. */
describe('worker shutdown', () => {
  let databaseUrl: string;
  let redis: PrivateRedis;
  let smtp: SmtpSink;
  let queue: Queue<MailMessage>;
  const prefix = uniqueName('demarche_shutdown');
  const running: Started[] = [];

  beforeAll(async () => {
    if (!existsSync(join(BACKEND_DIR, WORKER))) throw new Error('backend is not built: run `npm run build -w @demarche/backend`');
    databaseUrl = await createDatabase('demarche_shutdown');
    await migrate({ databaseUrl, databasePoolSize: 2 });
    redis = await startRedisServer(['--maxmemory-policy', 'noeviction']);
    smtp = await new SmtpSink().start();
    queue = new Queue<MailMessage>(QUEUES.mail, { connection: { host: '127.0.0.1', port: redis.port }, prefix: `${prefix}:q` });
  });
  afterAll(async () => {
    for (const run of running) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    await Promise.all(running.map((r) => r.exited));
    await queue?.close();
    smtp?.releaseData();
    await smtp?.stop();
    await redis?.stop();
    if (databaseUrl) await dropDatabase(databaseUrl);
  });

  const startWorker = () => {
    const run = runNode(WORKER, {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    });
    running.push(run);
    return run;
  };

  it('releases a job stuck on a stalled SMTP server, exits in time, and a fresh worker delivers it', async () => {
    const first = startWorker();
    await first.waitFor(/worker ready/);

    smtp.stallData = true;
    const messageId = `<${uniqueName('shutdown')}@shutdown.test>`;
    const job = await queue.add(
      'send',
      { to: 'someone@example.org', subject: 'In flight', text: 'Hello', html: '<p>Hello</p>', messageId },
      // As MailService queues e-mail, but kept once completed so the test can see it.
      { jobId: 'mail-shutdown-test', attempts: 8, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: false },
    );
    const sent = () => smtp.messages.filter((m) => m.messageId === messageId).length;
    // The SMTP server has the message but holds back its reply: the job is mid-delivery.
    await until('the message to reach DATA', () => sent() === 1, 15_000, first.output);
    expect(await queue.getJobState(job.id!)).toBe('active');

    const signalledAt = Date.now();
    first.child.kill('SIGTERM');
    const exit = await first.exited;
    const tookMs = Date.now() - signalledAt;
    expect(tookMs, first.output()).toBeLessThan(SHUTDOWN_TIMEOUT_MS + MARGIN_MS);
    expect(exit.code, first.output()).toBe(0);
    expect(first.output()).toMatch(/released 1 job\(s\) still running/);
    // Not left active (locked for another 30 s, until the stalled-job check): back in line at once.
    expect(await queue.getJobState(job.id!)).toBe('waiting');

    smtp.releaseData();
    const second = startWorker();
    await until('the job to complete', async () => (await queue.getJobState(job.id!)) === 'completed', 10_000, second.output);
    // Sent again in full (same Message-ID): at-least-once, recognizably the same message.
    expect(sent()).toBe(2);
    second.child.kill('SIGTERM');
    const stopped = await second.exited;
    expect(stopped.code, second.output()).toBe(0);
  });

  it('waits for a job that finishes within the budget instead of releasing it', async () => {
    const worker = startWorker();
    await worker.waitFor(/worker ready/);
    smtp.stallData = true;
    const messageId = `<${uniqueName('finishes')}@shutdown.test>`;
    const job = await queue.add(
      'send',
      { to: 'someone@example.org', subject: 'Finishing', text: 'Hello', html: '<p>Hello</p>', messageId },
      { jobId: 'mail-shutdown-finishes', attempts: 8, removeOnComplete: false },
    );
    await until('the message to reach DATA', () => smtp.messages.some((m) => m.messageId === messageId), 15_000, worker.output);
    worker.child.kill('SIGTERM');
    // The SMTP server answers well within the budget: the worker finishes the job, then stops.
    await new Promise((r) => setTimeout(r, 500));
    smtp.releaseData();
    const exit = await worker.exited;
    expect(exit.code, worker.output()).toBe(0);
    expect(await queue.getJobState(job.id!)).toBe('completed');
    expect(smtp.messages.filter((m) => m.messageId === messageId)).toHaveLength(1);
    expect(worker.output()).not.toMatch(/released \d+ job/);
  });
});
