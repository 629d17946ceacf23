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
/**
 * SMTP_URL with connection reuse unless the operator set it otherwise: a burst of reminders (a
 * 09:00 local slot) sent over one new connection per message ran at about 90 messages/s with
 * lateness growing to a minute; a pool of 8 kept it up (docs/performance.md, reminder
 * punctuality). 16, as many as the reminders processor runs at once: with 8, half the deliveries
 * of a burst waited for a connection while holding their row. `?pool=false` in SMTP_URL turns it
 * off, `?maxConnections=N` sets another number (some providers allow fewer).
 */
export function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const defaults = { pool: 'true', maxConnections: '16', maxMessages: '100' };
  for (const [name, value] of Object.entries(defaults)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  }
  return url.toString();
}

@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(pooled(config.smtpUrl)) : null;
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

  /**
   * Builds `messages` (none sent: nodemailer's stream transport writes each into memory, then
   * drops it), so the code that composes a message is compiled and optimized before a burst of
   * them needs it. In a worker just started, the first seconds of a burst of reminders cost two
   * to three times the CPU of later ones (docs/performance.md, reminder punctuality).
   */
  async rehearse(messages: MailMessage[]): Promise<void> {
    const rehearsal = nodemailer.createTransport({ streamTransport: true, buffer: true });
    for (const m of messages) {
      await rehearsal.sendMail({ from: this.config.mailFrom, ...m });
    }
    rehearsal.close();
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
