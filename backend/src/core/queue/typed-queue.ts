import type { Job, JobsOptions, Queue } from 'bullmq';
import type { JobPayloads, QueueName } from './queues.js';

/** The job names of queue `Q` (queues.ts). */
export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;

/**
 * A job of queue `Q` as its processor receives it: a union with one member per job name, so that
 * `switch (job.name)` narrows `job.data` to that job's payload — no cast. `R`: what `process`
 * returns.
 */
export type TypedJob<Q extends QueueName, R = void> = { [N in JobName<Q>]: Job<JobPayloads[Q][N], R, N> }[JobName<Q>];

/** A job to add to queue `Q`, its name and payload checked together. */
export type JobSpec<Q extends QueueName> = {
  [N in JobName<Q>]: { name: N; data: JobPayloads[Q][N]; opts: JobsOptions & { jobId: string } };
}[JobName<Q>];

/**
 * BullMQ's `Queue` as producers see queue `Q`: `add` and `addBulk` take only its job names, each
 * with its own payload, so a wrong name or payload is a compile error (BullMQ's own generics type
 * names and payloads separately). A type, not a wrapper: inject it as
 * `@InjectQueue(QUEUES.mail) private readonly queue: TypedQueue<'mail'>` — the token and the type
 * argument name the same queue.
 */
export interface TypedQueue<Q extends QueueName> extends Omit<Queue, 'add' | 'addBulk'> {
  add<N extends JobName<Q>>(name: N, data: JobPayloads[Q][N], opts?: JobsOptions): Promise<Job>;
  addBulk(jobs: readonly JobSpec<Q>[]): Promise<Job[]>;
}
