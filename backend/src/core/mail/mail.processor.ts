import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { QUEUES } from '../queue/queues.js';
import type { TypedJob } from '../queue/typed-queue.js';
import { isPermanentMailError, Mailer } from './mailer.js';

/**
 * The worker's side of queued e-mail; failed sends are retried with backoff by BullMQ, except a
 * permanent refusal (5xx), which fails the job at once.
 */
@Processor(QUEUES.mail, { concurrency: 4 })
export class MailProcessor extends WorkerHost {
  constructor(private readonly mailer: Mailer) {
    super();
  }

  async process(job: TypedJob<'mail'>): Promise<void> {
    try {
      await this.mailer.send(job.data);
    } catch (error) {
      if (isPermanentMailError(error)) throw new UnrecoverableError(error instanceof Error ? error.message.slice(0, 500) : String(error));
      throw error;
    }
  }
}
