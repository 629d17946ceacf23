import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QUEUES, type MailMessage } from '../queue/queues.js';
import { Mailer } from './mailer.js';

/** The worker's side of queued e-mail; failed sends are retried with backoff by BullMQ. */
@Processor(QUEUES.mail, { concurrency: 4 })
export class MailProcessor extends WorkerHost {
  constructor(private readonly mailer: Mailer) {
    super();
  }

  async process(job: Job<MailMessage, void, 'send'>): Promise<void> {
    await this.mailer.send(job.data);
  }
}
