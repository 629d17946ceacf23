import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import type { MailMessage } from '../queue/queues.js';

/** Marks a message that was logged instead of sent (no SMTP_URL). README: "Seeing e-mail". */
export const UNSENT_MAIL_MARKER = '[mail not sent: SMTP_URL is not set]';

/**
 * Sends one message, worker side: SMTP through nodemailer when SMTP_URL is set; otherwise the
 * message is written to the log (in production only its recipient and subject). The caller's
 * Message-ID is kept, so a retried send is recognizably the same message.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  async send(m: MailMessage): Promise<void> {
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
