import type { QueueName } from './queues.js';
import type { JobSpec, TypedQueue } from './typed-queue.js';

/**
 * Adds jobs whose PostgreSQL rows are still pending. BullMQ keeps a finished job's id for a
 * while (removeOnComplete / removeOnFail), and refuses to add a job under an id it holds: a row
 * whose job failed (stalled twice by crashed workers, an error outside the send) or completed
 * without sending (it found the row locked by a transaction that then rolled back) would wait
 * for that id to expire — a day. So a finished job under a pending row's id is removed and the
 * job added again. Waiting, delayed and active jobs are left as they are.
 */
export async function addReviving<Q extends QueueName>(queue: TypedQueue<Q>, jobs: JobSpec<Q>[]): Promise<void> {
  if (jobs.length === 0) return;
  const states = await Promise.all(
    jobs.map(async (job) => {
      const existing = await queue.getJob(job.opts.jobId);
      return existing ? { existing, state: await existing.getState() } : null;
    }),
  );
  for (const s of states) {
    if (s && (s.state === 'failed' || s.state === 'completed')) await s.existing.remove().catch(() => undefined); // gone meanwhile
  }
  await queue.addBulk(jobs);
}
