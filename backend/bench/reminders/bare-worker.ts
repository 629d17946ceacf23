/**
 * The baseline's worker process: a plain BullMQ Worker with a no-op processor, the same
 * connection options and concurrency as the product's reminders worker, and nothing else (no
 * Nest, no database, no other queues). It notes when each job reached its processor; the bench
 * asks for the notes over IPC. Environment: BENCH_REDIS_URL, BENCH_PREFIX, BENCH_QUEUE,
 * BENCH_CONCURRENCY.
 */
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import type * as RedisOptions from '../../src/core/redis/redis-options.js';

const BACKEND = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { redisOptions } = (await import(`file://${resolve(BACKEND, 'dist/core/redis/redis-options.js')}`)) as typeof RedisOptions;

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`bare-worker: ${name} is not set`);
  return v;
};

/** [job id, due instant, instant the processor was called]. */
const seen: [string, number, number][] = [];

const worker = new Worker(
  env('BENCH_QUEUE'),
  async (job) => {
    seen.push([job.id ?? '', (job.data as { dueAt: number }).dueAt, Date.now()]);
  },
  {
    connection: redisOptions(env('BENCH_REDIS_URL'), { maxRetriesPerRequest: null }),
    prefix: env('BENCH_PREFIX'),
    concurrency: Number(env('BENCH_CONCURRENCY')),
  },
);
worker.on('error', (error) => console.error('bare-worker:', error));
await worker.waitUntilReady();

process.on('message', (m: { type?: string }) => {
  if (m?.type === 'report') process.send?.({ type: 'report', seen });
});
process.once('SIGTERM', () => {
  console.error('bare-worker: SIGTERM, closing');
  void worker.close().finally(() => process.exit(0));
});
process.send?.({ type: 'ready' });
console.error(`bare-worker: ready (pid ${process.pid})`);
