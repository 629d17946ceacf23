import { createHash } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { QUEUES, type MailMessage } from '../queue/queues.js';
import type { TypedQueue } from '../queue/typed-queue.js';
import type { RenderedMail } from './mail-layout.js';

/**
 * Hands e-mail to the worker through the `mail` queue: the API never waits on an SMTP server, and
 * a request's timing does not reveal whether it led to a message (password reset).
 */
@Injectable()
export class MailService {
  constructor(
    @InjectQueue(QUEUES.mail) private readonly queue: TypedQueue<'mail'>,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Queues a message. `key` identifies it (e.g. `invitation:<id>`): the same key is the same message. */
  async send(to: string, mail: RenderedMail, key: string): Promise<void> {
    const host = new URL(this.config.publicUrl).hostname;
    const id = createHash('sha256').update(key).digest('hex').slice(0, 32);
    const message: MailMessage = { to, ...mail, messageId: `<${id}@${host}>` };
    await this.queue.add('send', message, {
      jobId: `mail-${id}`,
      attempts: 8,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: true,
      removeOnFail: 1_000,
    });
  }

  /** A dashboard link; tokens go in the fragment, which browsers never send to a server or its logs. */
  link(path: string, token?: string): string {
    return `${this.config.publicUrl}${path}${token ? `#token=${encodeURIComponent(token)}` : ''}`;
  }
}
