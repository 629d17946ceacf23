import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import type { MailMessage } from '../queue/queues.js';
import { composeMessage } from './compose.js';

/** Marks a message that was logged instead of sent (no SMTP_URL). README: "Seeing e-mail". */
export const UNSENT_MAIL_MARKER = '[mail not sent: SMTP_URL is not set]';

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
  // Bounded, so that a send ends well within a reminder's claim (REMINDER_CLAIM_MS, 60 s; ADR
  // 0018): nodemailer's own socket timeout is 10 minutes of silence per step.
  const defaults = {
    pool: 'true',
    maxConnections: '16',
    maxMessages: '100',
    connectionTimeout: '10000',
    greetingTimeout: '10000',
    socketTimeout: '20000',
  };
  for (const [name, value] of Object.entries(defaults)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  }
  return url.toString();
}

/**
 * The parts of nodemailer's SMTP pool (nodemailer 10, `smtp-pool/index.js`) that `Mailer.warm`
 * drives: the pool has no public way to open a connection before a message waits for one.
 * test/mailer-warm.test.ts fails if they change.
 */
interface SmtpPoolInternals {
  options: { maxConnections: number };
  _connections: unknown[];
  _closed?: boolean;
  _createConnection(): PoolResourceInternals;
}
interface PoolResourceInternals {
  available: boolean;
  connect(callback: (error?: Error | null) => void): void;
  _release(): void;
  once(event: 'error' | 'close', listener: () => void): void;
}

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
    this.transport = config.smtpUrl ? nodemailer.createTransport(pooled(config.smtpUrl)) : null;
  }

  async send(m: MailMessage): Promise<void> {
    if (!this.transport) {
      const body = this.config.nodeEnv === 'production' ? '(body withheld in production)' : m.text;
      this.logger.log(`${UNSENT_MAIL_MARKER}\nTo: ${m.to}\nSubject: ${m.subject}\n\n${body}`);
      return;
    }
    // Built in memory (`composeMessage`) and handed over whole: it goes out in one socket write,
    // where nodemailer's own streaming wrote each message in about five (docs/performance.md).
    await this.transport.sendMail({ from: this.config.mailFrom, to: m.to, raw: composeMessage(this.config.mailFrom, m) });
  }

  /**
   * Opens SMTP connections now, up to `count` open in all (and the pool's maximum), for messages
   * about to be sent: the reminders processor calls it when reminders fall due within seconds.
   * The pool otherwise opens a connection only once a message waits for it, so a burst began
   * with 16 handshakes per worker at once (with TLS, each a key exchange) on cores busy with the
   * burst itself: in the benchmark its first second held most of its latest deliveries (p99 met
   * 1.5× a bare BullMQ job in 2 of 4 runs with the connections opened ahead, 2 of 9 before:
   * docs/performance.md). An open connection is closed by the pool after 4 idle minutes, or by
   * the server. Resolves, once the connections are open or have failed, with how many were
   * opened; never rejects (a failed connection is the pool's to report, and a message opens one
   * as before).
   */
  async warm(count: number): Promise<number> {
    const pool = (this.transport as (Transporter & { transporter?: unknown }) | null)?.transporter as SmtpPoolInternals | undefined;
    if (!pool || typeof pool._createConnection !== 'function' || pool._closed) return 0;
    const wanted = Math.min(count, pool.options.maxConnections) - pool._connections.length;
    const opening = Array.from({ length: Math.max(0, wanted) }, () => {
      const resource = pool._createConnection();
      // Not handed a message while it connects (it would connect a second time); once connected,
      // released as after a send: available, idle timer started, queued messages assigned.
      resource.available = false;
      return new Promise<boolean>((resolve) => {
        resource.once('error', () => resolve(false));
        resource.once('close', () => resolve(false));
        resource.connect((error) => {
          if (error) return resolve(false);
          resource._release();
          resolve(true);
        });
      });
    });
    return (await Promise.all(opening)).filter(Boolean).length;
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
      await rehearsal.sendMail({ from: this.config.mailFrom, to: m.to, raw: composeMessage(this.config.mailFrom, m) });
    }
    rehearsal.close();
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

/**
 * Whether an SMTP failure is permanent: the server answered 5xx (no such mailbox, refused by
 * policy, message rejected), which asking again will not change. 4xx answers (mailbox busy,
 * greylisting) and failures without an answer (a refused or dropped connection, a timeout) are
 * temporary and worth retrying.
 */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
