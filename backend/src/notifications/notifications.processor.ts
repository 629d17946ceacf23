import { createHash } from 'node:crypto';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DIGEST_LOCAL_TIME, type Locale } from '@demarche/shared';
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { CONFIG } from '../core/config/config.module.js';
import type { Config } from '../core/config/config.js';
import { isPermanentMailError, Mailer } from '../core/mail/mailer.js';
import { digestMail } from './digest-mail.js';
import type { RenderedMail } from '../core/mail/mail-layout.js';
import { keepScheduler } from '../core/queue/keep-scheduler.js';
import { QUEUES, SCHEDULERS } from '../core/queue/queues.js';
import type { TypedJob, TypedQueue } from '../core/queue/typed-queue.js';
import { Dispatcher } from './dispatcher.js';
import { inTransaction } from '../core/database/transaction.js';

/** A row pending this long was not handed over by its producer (it crashed, or Redis was away). */
const STRAY_AFTER_MS = 10_000;

/** The Message-ID of a notification's e-mail: a retry after a crash is the same message. */
export function notificationMessageId(notificationId: string, host: string): string {
  return `<notification-${createHash('sha256').update(notificationId).digest('hex').slice(0, 32)}@${host}>`;
}

/** The Message-ID of one person's digest for one local date. */
export function digestMessageId(userId: string, localDate: string, host: string): string {
  return `<digest-${createHash('sha256').update(`${userId}:${localDate}`).digest('hex').slice(0, 32)}@${host}>`;
}

/**
 * The worker's side of notifications:
 * - `email`: sends one notification's e-mail. The row is locked (another worker holding it means
 *   it is being sent), re-read, sent with a Message-ID derived from it, and marked sent, in one
 *   transaction; after the last failed attempt it is marked failed.
 * - `sweep` (a scheduler with a fixed id): enqueues e-mails and webhook deliveries still pending
 *   (their producer died before handing them over, or Redis lost them) and sends the daily
 *   digests due: at 08:00 in each person's own time zone, one e-mail with what waited since.
 */
@Processor(QUEUES.notifications, { concurrency: 8 })
export class NotificationsProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsProcessor.name);
  private stopWatch: (() => void) | null = null;

  constructor(
    @InjectQueue(QUEUES.notifications) private readonly queue: TypedQueue<'notifications'>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly mailer: Mailer,
    private readonly dispatcher: Dispatcher,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.stopWatch = await keepScheduler(
      this.queue,
      SCHEDULERS.notificationSweep,
      { every: this.config.reminderSweepMs },
      { name: 'sweep', data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
      Math.max(1_000, this.config.reminderSweepMs * 2),
      this.logger,
    );
  }

  onApplicationShutdown(): void {
    this.stopWatch?.();
  }

  async process(job: TypedJob<'notifications'>): Promise<void> {
    switch (job.name) {
      case 'sweep':
        await this.sweep();
        return;
      case 'email':
        await this.email(job.data.notificationId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
        return;
      default: {
        const unknown: never = job;
        throw new Error(`unknown notifications job ${String((unknown as { name?: unknown }).name)}`);
      }
    }
  }

  async sweep(now = new Date()): Promise<void> {
    const stray = new Date(now.getTime() - STRAY_AFTER_MS);
    const emails: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notifications WHERE email_status = 'pending' AND created_at < $1 ORDER BY created_at LIMIT 5000`,
      [stray],
    );
    await this.dispatcher.enqueueEmails(
      emails.map((r) => r.id),
      true,
    );
    const deliveries: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM webhook_deliveries WHERE status = 'pending' AND created_at < $1 ORDER BY created_at LIMIT 5000`,
      [stray],
    );
    await this.dispatcher.enqueueDeliveries(
      deliveries.map((r) => r.id),
      true,
    );
    await this.sendDigests(now);
  }

  async email(notificationId: string, lastAttempt: boolean): Promise<void> {
    const host = new URL(this.config.publicUrl).hostname;
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const [row] = (await manager.query(
        `SELECT n.id, n.mail, u.email, (u.disabled_at IS NULL) AS active FROM notifications n JOIN users u ON u.id = n.user_id
         WHERE n.id = $1 AND n.email_status = 'pending' FOR UPDATE OF n SKIP LOCKED`,
        [notificationId],
      )) as { id: string; mail: RenderedMail | null; email: string; active: boolean }[];
      if (!row) return 'skipped'; // sent, or another worker has it
      if (!row.mail || !row.active) {
        await manager.query(`UPDATE notifications SET email_status = 'none' WHERE id = $1`, [row.id]);
        return 'skipped';
      }
      try {
        await this.mailer.send({ to: row.email, ...row.mail, messageId: notificationMessageId(row.id, host) });
      } catch (error) {
        // A permanent refusal (5xx) fails at once; anything else is retried until the last attempt.
        const final = lastAttempt || isPermanentMailError(error);
        await manager.query(
          `UPDATE notifications SET email_attempts = email_attempts + 1, email_status = CASE WHEN $2 THEN 'failed' ELSE email_status END, email_last_error = $3, email_failed_at = CASE WHEN $2 THEN now() END WHERE id = $1`,
          [row.id, final, (error instanceof Error ? error.message : String(error)).slice(0, 500)],
        );
        return final ? { failed: error } : { retry: error };
      }
      await manager.query(
        `UPDATE notifications SET email_status = 'sent', emailed_at = now(), email_attempts = email_attempts + 1, email_last_error = NULL WHERE id = $1`,
        [row.id],
      );
      return 'sent';
    });
    if (typeof outcome !== 'object') return;
    if ('retry' in outcome) throw outcome.retry;
    // Failed for good: the job fails too, so that operators see it in the queue's failed list.
    this.logger.warn({ notificationId }, 'notification e-mail failed for good');
    throw new UnrecoverableError(
      `notification ${notificationId} e-mail failed for good: ${outcome.failed instanceof Error ? outcome.failed.message.slice(0, 300) : String(outcome.failed)}`,
    );
  }

  /**
   * Sends each digest now due: to people taking a daily digest whose local time has passed 08:00
   * today, who have had none today, with what waited from before 08:00. The preference row is
   * locked (SKIP LOCKED) while sending, so two workers never send one person two digests; the
   * Message-ID is derived from the person and the local date.
   */
  async sendDigests(now = new Date()): Promise<number> {
    const due: { user_id: string; local_date: string }[] = await this.dataSource.query(
      `SELECT p.user_id, to_char(($1::timestamptz AT TIME ZONE u.time_zone)::date, 'YYYY-MM-DD') AS local_date
       FROM notification_preferences p JOIN users u ON u.id = p.user_id
       WHERE p.digest = 'daily' AND u.disabled_at IS NULL
         AND ($1::timestamptz AT TIME ZONE u.time_zone)::time >= $2::time
         AND (p.last_digest_on IS NULL OR p.last_digest_on < ($1::timestamptz AT TIME ZONE u.time_zone)::date)
         AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = p.user_id AND n.email_status = 'digest')
       LIMIT 500`,
      [now, DIGEST_LOCAL_TIME],
    );
    const host = new URL(this.config.publicUrl).hostname;
    let sent = 0;
    for (const d of due) {
      const done = await this.digestFor(d.user_id, d.local_date, host).catch((error: unknown) => {
        this.logger.warn({ err: error, userId: d.user_id }, 'could not send a digest; the next sweep tries again');
        return false;
      });
      if (done) sent++;
    }
    return sent;
  }

  private digestFor(userId: string, localDate: string, host: string): Promise<boolean> {
    const d = { user_id: userId, local_date: localDate };
    {
      return inTransaction(this.dataSource, async (manager) => {
        const [person] = (await manager.query(
          `SELECT u.email, u.locale, u.time_zone FROM notification_preferences p JOIN users u ON u.id = p.user_id
           WHERE p.user_id = $1 AND (p.last_digest_on IS NULL OR p.last_digest_on < $2::date) FOR UPDATE OF p SKIP LOCKED`,
          [d.user_id, d.local_date],
        )) as { email: string; locale: Locale; time_zone: string }[];
        if (!person) return false;
        // What was recorded before 08:00 today, local time; later ones wait for tomorrow's.
        const items: { id: string; mail: RenderedMail | null; link: string | null }[] = await manager.query(
          `SELECT id, mail, link FROM notifications
           WHERE user_id = $1 AND email_status = 'digest' AND created_at < (($2::date + $3::time) AT TIME ZONE $4)
           ORDER BY created_at LIMIT 200`,
          [d.user_id, d.local_date, DIGEST_LOCAL_TIME, person.time_zone],
        );
        if (items.length === 0) return false;
        const mail = digestMail(person.locale, {
          date: d.local_date,
          items: items.map((i) => ({ subject: i.mail?.subject ?? '', link: `${this.config.publicUrl}${i.link ?? '/notifications'}` })),
          link: `${this.config.publicUrl}/notifications`,
        });
        await this.mailer.send({ to: person.email, ...mail, messageId: digestMessageId(d.user_id, d.local_date, host) });
        await manager.query(`UPDATE notifications SET email_status = 'digested', emailed_at = now() WHERE id = ANY($1::uuid[])`, [
          items.map((i) => i.id),
        ]);
        await manager.query(`UPDATE notification_preferences SET last_digest_on = $2 WHERE user_id = $1`, [d.user_id, d.local_date]);
        return true;
      });
    }
  }
}
