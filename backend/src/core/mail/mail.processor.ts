import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bullmq';
import nodemailer, { type Transporter } from 'nodemailer';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { QUEUES, type MailMessage } from '../queue/queues.js';

/** Marks a message that was logged instead of sent (no SMTP_URL). README: "Seeing e-mail". */
export const UNSENT_MAIL_MARKER = '[mail not sent: SMTP_URL is not set]';

/**
 * The worker's side of e-mail: SMTP through nodemailer when SMTP_URL is set; otherwise the message
 * is written to the log (in production only its recipient and subject). Failed sends are retried
 * with backoff by BullMQ; the Message-ID stays the same across retries.
 */
@Processor(QUEUES.mail, { concurrency: 4 })
export class MailProcessor extends WorkerHost implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    super();
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  async process(job: Job<MailMessage, void, 'send'>): Promise<void> {
    const m = job.data;
    if (!this.transport) {
      const body = this.config.nodeEnv === 'production' ? '(body withheld in production)' : m.text;
      this.logger.log(`${UNSENT_MAIL_MARKER}\nTo: ${m.to}\nSubject: ${m.subject}\n\n${body}`);
      return;
    }
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId: m.messageId,
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
