import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import type { Job, Queue, Worker } from 'bullmq';

/** Of the time left before the forced exit, what the drain leaves for the rest of the shutdown. */
export function drainBudgetMs(remainingMs: number): number {
  const reserve = Math.min(2_000, Math.max(100, remainingMs * 0.2));
  return Math.max(0, remainingMs - reserve);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Stops every BullMQ worker of the process within a time budget, losing no job.
 *
 * BullMQ's own `worker.close()` (what Nest runs on shutdown) waits for the jobs in flight with no
 * limit: one stuck on a stalled SMTP server or webhook target would hold the process until the
 * forced exit, and its lock would keep it from any other worker for up to a minute more (lock
 * expiry, then the stalled-job check). Instead, `drain()`:
 * 1. pauses the workers (no new job is taken) and waits for the jobs in flight to finish;
 * 2. closes the workers — forcibly when the budget ran out with jobs still running;
 * 3. moves those jobs back to waiting (with their lock token, so only if this worker still holds
 *    them): any other or the next worker takes them at once. Such a job runs again from the
 *    start, as after a crash: our jobs are idempotent or keyed (Message-ID, row locks) for that.
 */
@Injectable()
export class WorkerDrain implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerDrain.name);
  private readonly inFlight = new Map<Worker, Map<string, Job>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Workers start in BullModule's onModuleInit; track their jobs as early as they exist. */
  onModuleInit(): void {
    this.track();
  }

  onApplicationBootstrap(): void {
    this.track();
  }

  private track(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof WorkerHost)) continue;
      let worker: Worker;
      try {
        worker = instance.worker;
      } catch {
        continue; // not created yet: the next call tracks it
      }
      if (this.inFlight.has(worker)) continue;
      const jobs = new Map<string, Job>();
      this.inFlight.set(worker, jobs);
      worker.on('active', (job: Job) => void (job.id && jobs.set(job.id, job)));
      const done = (job: Job | undefined) => void (job?.id && jobs.delete(job.id));
      worker.on('completed', done);
      worker.on('failed', done);
    }
  }

  private running(): Job[] {
    return [...this.inFlight.values()].flatMap((jobs) => [...jobs.values()]);
  }

  /** Pauses, waits up to `budgetMs` for the jobs in flight, closes, releases those still running. */
  async drain(budgetMs: number): Promise<{ released: number }> {
    const deadline = Date.now() + budgetMs;
    const workers = [...this.inFlight.keys()];
    await Promise.all(workers.map((w) => w.pause(true)));
    while (this.running().length > 0 && Date.now() < deadline) await sleep(25);

    const left = this.running();
    // Close first: a paused worker still blocked waiting for a job would take a released one
    // straight back. Forced when jobs are left running: their processors no longer matter.
    const force = left.length > 0;
    await Promise.race([Promise.all(workers.map((w) => w.close(force))), sleep(Math.max(0, deadline - Date.now()) + 100)]);
    if (left.length === 0) return { released: 0 };

    // Through the queues' own connections (the workers' are closed), and only with the job's
    // lock token: a job whose lock this worker lost is someone else's now.
    const results = await Promise.allSettled(
      left.map(async (job) => {
        if (!job.token || !job.id) throw new Error('no lock token');
        const queue = this.moduleRef.get<Queue>(getQueueToken(job.queueName), { strict: false });
        const current = await queue.getJob(job.id);
        if (!current) throw new Error('gone');
        await current.moveToWait(job.token);
      }),
    );
    const released = results.filter((r) => r.status === 'fulfilled').length;
    this.logger.warn(
      `released ${released} job(s) still running after ${budgetMs} ms back to waiting: ` +
        left.map((job, i) => `${job.queueName}:${job.id}${results[i]!.status === 'fulfilled' ? '' : ' (not released)'}`).join(', '),
    );
    return { released };
  }
}
