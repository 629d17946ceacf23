import type { Logger } from '@nestjs/common';
import type { Queue, RepeatOptions } from 'bullmq';
import type { JobPayloads, QueueName } from './queues.js';
import type { JobName, TypedQueue } from './typed-queue.js';

/**
 * Upserts a BullMQ job scheduler with a fixed id now, and again every `checkEveryMs` while the
 * process runs. Upserting is idempotent, so any number of workers keep exactly one; re-upserting
 * restores the scheduler within seconds if Redis lost it (a flush, a failover to an empty
 * replica). Returns a function that stops the watch.
 */
export async function keepScheduler<Q extends QueueName>(
  queue: TypedQueue<Q>,
  id: string,
  repeat: Omit<RepeatOptions, 'key'>,
  template: { [N in JobName<Q>]: { name: N; data: JobPayloads[Q][N]; opts?: object } }[JobName<Q>],
  checkEveryMs: number,
  logger: Logger,
): Promise<() => void> {
  const upsert = () => queue.upsertJobScheduler(id, repeat, template as Parameters<Queue['upsertJobScheduler']>[2]);
  await upsert();
  const timer = setInterval(() => {
    upsert().catch((error: unknown) => logger.warn({ err: error, scheduler: id }, 'could not restore job scheduler'));
  }, checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
