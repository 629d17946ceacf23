import { randomUUID } from 'node:crypto';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDemandAwaitingAnswer, isFollowUpOpen, type DemandStatus, type Locale } from '@demarche/shared';
import { DelayedError, UnrecoverableError } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import type { Redis } from 'ioredis';
import { CONFIG } from '../core/config/config.module.js';
import { REDIS } from '../core/redis/redis.module.js';
import type { Config } from '../core/config/config.js';
import { isPermanentMailError, Mailer } from '../core/mail/mailer.js';
import { queryPrepared, queryPreparedOnce } from '../core/database/prepared.js';
import { reminderMail } from '../reminders/reminder-mail.js';
import { Dispatcher } from '../notifications/dispatcher.js';
import {
  channelsFor,
  NOTIFICATION_PARAMETERS,
  storeNotification,
  storeNotificationsTogether,
  type NewNotification,
} from '../notifications/notify.js';
import { interestedWebhooks, type WebhookTarget } from '../webhooks/webhook-outbox.js';
import { EventRecorder } from '../notifications/event-recorder.js';
import { UnansweredDemands } from '../demands/unanswered-demands.js';
import { FollowUpEscalation } from '../follow-ups/follow-up-escalation.js';
import { keepScheduler } from '../core/queue/keep-scheduler.js';
import { deliveryJobOptions, QUEUES, REMINDER_DELIVERY_CONCURRENCY, SCHEDULERS } from '../core/queue/queues.js';
import { addReviving } from '../core/queue/revive.js';
import type { JobSpec, TypedJob, TypedQueue } from '../core/queue/typed-queue.js';
import { deliveryJobId, reminderMessageId } from '../reminders/reminder-ids.js';
import { inTransaction } from '../core/database/transaction.js';
import { GroupCommit } from '../core/database/group-commit.js';

type ReminderJob = TypedJob<'reminders', SweepOutcome | void>;

/**
 * A reminder still pending this long after it fell due is not merely queued: its job may have
 * finished without delivering it, and is revived (a crashed worker's job comes back through
 * BullMQ's stalled-job check within about a minute first).
 */
const STUCK_AFTER_MS = 90_000;

/** Reminders the sweep moves into BullMQ at most per run (the earliest due first), and per page. */
const SWEEP_ENQUEUE_MAX = 10_000;
const SWEEP_PAGE = 500;

interface DueSoon {
  id: string;
  fire_at: Date;
  /** `fire_at` to the microsecond (a Date keeps milliseconds): where the next page starts. */
  fire_at_exact: string;
}
/**
 * A page of the pending reminders due before `$1`, in due order, after the row (`$2` its exact
 * `fire_at`, `$3` its id) that ended the page before. `unqueued`: only those no sweep has handed
 * to BullMQ yet, from their partial index (ADR 0019) — what a sweep reads on most runs; otherwise
 * all of them, from the pending index (a full pass, and the stuck ones).
 */
const duePage = (unqueued: boolean): string => `SELECT id, fire_at, fire_at::text AS fire_at_exact FROM reminders
  WHERE status = 'pending' ${unqueued ? 'AND queued_at IS NULL' : ''} AND fire_at < $1
    AND fire_at >= $2::timestamptz AND (fire_at, id) > ($2::timestamptz, $3::uuid)
  ORDER BY fire_at, id LIMIT ${SWEEP_PAGE}`;

/** The rows of a page are in BullMQ now (added, or found there): later sweeps pass them by. */
const MARK_QUEUED = `UPDATE reminders SET queued_at = now() WHERE id = ANY($1::uuid[]) AND status = 'pending' AND queued_at IS NULL`;

/**
 * Redis key (in the reminders queue's namespace) set by a sweep that has read every pending row
 * of its look-ahead against what Redis holds. Its absence means a Redis that is new or lost its
 * data (flushed, restarted empty): `queued_at` cannot be trusted then, and the next sweep makes a
 * full pass (ADR 0019).
 */
const SWEPT_KEY = 'swept';

type PageCounts = Pick<SweepOutcome, 'read' | 'added' | 'revived'>;

/** What one sweep did, for its log line and the job's return value (Bull Board shows it). */
export interface SweepOutcome {
  full: boolean;
  /** Rows read, delivery jobs added, stuck rows revived. */
  read: number;
  added: number;
  revived: number;
  unanswered: number;
  escalated: number;
  ms: number;
}

/** Reminders rendered and built, not sent, at a worker's start (see `warmUp`). */
const REHEARSALS = 400;

/**
 * Every 5 s each worker looks 20 s ahead: reminders falling due then get its SMTP connections
 * opened first (`openMailConnectionsForDueSoon`). A sweep (every 15 s by default) is not enough:
 * it runs on one worker, and each worker has its own connections.
 */
const MAIL_WARM_CHECK_MS = 5_000;
const MAIL_WARM_AHEAD_MS = 20_000;

/** A reminder, locked, with all a delivery reads: its recipient, campaign, subject and preferences. */
interface DueRow {
  id: string;
  /** The delivery's own claim, which the row now holds. */
  claim_token: string;
  recipient_id: string;
  subject_type: 'follow_up' | 'demand';
  subject_id: string;
  campaign_id: string;
  kind: string;
  offset_days: number;
  due_at: Date;
  email: string;
  locale: Locale;
  time_zone: string;
  user_active: boolean;
  campaign_title: string;
  campaign_status: string;
  /** The follow-up's, when the subject is one (null otherwise, or when it is gone). */
  follow_up_title: string | null;
  follow_up_due_at: Date | null;
  follow_up_status: string | null;
  follow_up_organization_id: string | null;
  /** The demand's, when the subject is one. */
  demand_text: string | null;
  demand_deadline_at: Date | null;
  demand_status: DemandStatus | null;
  /** The recipient's notification preferences (null: the defaults), and whether they muted the campaign. */
  channels: Record<string, { email?: boolean; inApp?: boolean }> | null;
  digest: string | null;
  muted: boolean;
  /** The webhooks that hear of the reminder (the campaign's, the follow-up's organization's). */
  webhooks: WebhookTarget[];
}

/**
 * One statement claims reminders (ADR 0018) and reads everything their deliveries need: the
 * recipient, campaign, subject, preferences and webhooks, as fresh as the claim. A claim is a
 * lease, not a lock held through the send: `claimed_until` and a token per delivery (`$3`, beside
 * the ids of `$1`), committed before the e-mail goes out; another worker may take over once it
 * lapses. `SKIP LOCKED`: a row another transaction is claiming right now (or one frozen
 * mid-claim) is not waited for. The claims of deliveries starting together go in one statement
 * (`GroupCommit`): every round trip here was paid by up to 16 deliveries at once per worker
 * (docs/performance.md, reminder punctuality); prepared.
 */
const CLAIM_DUE = `WITH wanted AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS w(id uuid, token uuid)),
  claimed AS (
    UPDATE reminders SET claimed_until = now() + $2::int * interval '1 millisecond', claim_token = w.token
    FROM wanted w
    WHERE reminders.id = w.id
      AND reminders.id IN (SELECT l.id FROM reminders l JOIN wanted ON wanted.id = l.id
                           WHERE l.status = 'pending' AND (l.claimed_until IS NULL OR l.claimed_until <= now())
                           FOR UPDATE OF l SKIP LOCKED)
    RETURNING reminders.id, reminders.claim_token, subject_type, subject_id, campaign_id, recipient_id, kind, offset_days, due_at)
  SELECT r.id, r.claim_token, r.subject_type, r.subject_id, r.campaign_id, r.recipient_id, r.kind, r.offset_days, r.due_at,
         u.email, u.locale, u.time_zone, (u.disabled_at IS NULL) AS user_active, c.title AS campaign_title, c.status AS campaign_status,
         f.title AS follow_up_title, f.due_at AS follow_up_due_at, f.status AS follow_up_status, f.organization_id AS follow_up_organization_id,
         d.text AS demand_text, d.deadline_at AS demand_deadline_at, d.status AS demand_status,
         p.channels, p.digest, (r.campaign_id = ANY(COALESCE(p.muted_campaign_ids, '{}'))) AS muted,
         (SELECT COALESCE(json_agg(json_build_object('id', w.id, 'locale', w.locale)), '[]') FROM webhooks w
           WHERE ${interestedWebhooks('r.campaign_id', 'ARRAY[f.organization_id]::uuid[]', `'reminder'`)}) AS webhooks,
         -- The claim commits without waiting for its WAL to reach the disk, and so does the in-app
         -- copy after it: what they write is written again by the next attempt if a database
         -- crash loses it, and the outcome after the send is committed as usual (its flush takes
         -- theirs with it). A delivery commits up to three times; this keeps it to one flush.
         set_config('synchronous_commit', 'off', true) AS _commit
  FROM claimed r JOIN users u ON u.id = r.recipient_id JOIN campaigns c ON c.id = r.campaign_id
    LEFT JOIN follow_ups f ON r.subject_type = 'follow_up' AND f.id = r.subject_id
    LEFT JOIN demands d ON r.subject_type = 'demand' AND d.id = r.subject_id
    LEFT JOIN notification_preferences p ON p.user_id = r.recipient_id`;

/**
 * After the sends, under each worker's own claim (`$2`, beside the ids of `$1`): the reminders
 * are sent. Nothing for one whose claim another worker has taken over meanwhile (it sends the
 * same message, and marks it). The reminder row is the e-mail's record; its in-app copy keeps
 * `email_status = 'none'` (a second write of that row on every delivery cost the benchmark more
 * than it told anyone). Deliveries finishing together are marked in one statement (`GroupCommit`).
 */
const MARK_SENT_CLAIMED = `UPDATE reminders SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL,
    claimed_until = NULL, claim_token = NULL, updated_at = now()
  FROM jsonb_to_recordset($1::jsonb) AS o(id uuid, token uuid)
  WHERE reminders.id = o.id AND reminders.claim_token = o.token AND reminders.status = 'pending'`;

/** After a failed send, under the worker's own claim: the attempt and its error, `failed` if final. */
const MARK_FAILED_CLAIMED = `UPDATE reminders SET attempts = attempts + 1, last_error = $3, claimed_until = NULL, claim_token = NULL,
    status = CASE WHEN $4 THEN 'failed' ELSE status END, updated_at = now()
  WHERE id = $1 AND claim_token = $2 AND status = 'pending'`;

/** A delivery that failed before its send gives its claim back (nothing if it was taken over). */
const RELEASE_CLAIM = `UPDATE reminders SET claimed_until = NULL, claim_token = NULL WHERE id = $1 AND claim_token = $2 AND status = 'pending'`;

/** Why a reminder could not be claimed: gone or done (nothing to do), or claimed by another worker until when. */
const CLAIM_HOLDER = `SELECT status, claimed_until FROM reminders WHERE id = $1`;

/** Marks the reminder whose id is the parameter `id` (`$1`, say) sent. */
const markSent = (id: string): string =>
  `UPDATE reminders SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL, claimed_until = NULL, claim_token = NULL,
    updated_at = now() WHERE id = ${id}`;

/**
 * The worker's side of reminders (DESIGN.md, "Reminders", rules 2–3):
 * - `sweep` (a job scheduler with a fixed id, so any number of workers keep one): moves the
 *   pending reminders due within the look-ahead from PostgreSQL into BullMQ as delayed `deliver`
 *   jobs whose id is derived from the reminder, and re-enqueues any that are due but undelivered
 *   (after a worker crash or a Redis flush). Redis never holds the far future.
 * - `deliver`: claims the row for a while (ADR 0018; skipping it while another worker's claim
 *   lasts), re-reads it, cancels anything no longer pending or current, stores its in-app copy,
 *   sends with no lock held, and marks it sent. A crash between the send and the mark can only
 *   repeat the same message (same Message-ID), never lose it.
 */
@Processor(QUEUES.reminders, { concurrency: REMINDER_DELIVERY_CONCURRENCY })
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    @InjectQueue(QUEUES.reminders) private readonly queue: TypedQueue<'reminders'>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly mailer: Mailer,
    private readonly dispatcher: Dispatcher,
    private readonly events: EventRecorder,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly unansweredDemands: UnansweredDemands,
    private readonly escalation: FollowUpEscalation,
  ) {
    super();
    this.mailHost = new URL(config.publicUrl).hostname;
    this.claims = new GroupCommit(async (wanted) => {
      const rows = await queryPreparedOnce<DueRow>(dataSource, 'reminder-claim-due', CLAIM_DUE, [
        JSON.stringify(wanted),
        config.reminderClaimMs,
      ]);
      // Each delivery gets the row its own token claimed (none: not claimed, or claimed by another).
      return wanted.map((w) => rows.find((r) => r.id === w.id && r.claim_token === w.token));
    });
    this.copies = new GroupCommit(async (copies) => {
      const runner = dataSource.createQueryRunner();
      try {
        return await storeNotificationsTogether(runner.manager, copies);
      } finally {
        await runner.release();
      }
    });
    this.sent = new GroupCommit(async (done) => {
      await queryPreparedOnce(dataSource, 'reminder-sent-claimed', MARK_SENT_CLAIMED, [JSON.stringify(done)]);
      return done.map(() => undefined);
    });
  }

  /** Claims of deliveries starting together, and outcomes of those finishing together, each as one statement. */
  private readonly claims: GroupCommit<{ id: string; token: string }, DueRow | undefined>;
  /** In-app copies of reminders e-mailed now, stored together. */
  private readonly copies: GroupCommit<NewNotification, Awaited<ReturnType<typeof storeNotificationsTogether>>[number]>;
  private readonly sent: GroupCommit<{ id: string; token: string }, undefined>;

  private stopWatch: (() => void) | null = null;
  private mailWarmTimer: NodeJS.Timeout | null = null;
  /** The host of reminders' Message-IDs (parsed once: every delivery needs it). */
  private readonly mailHost: string;

  async onApplicationBootstrap(): Promise<void> {
    await this.warmUp();
    this.mailWarmTimer = setInterval(() => void this.openMailConnectionsForDueSoon(), MAIL_WARM_CHECK_MS);
    this.mailWarmTimer.unref();
    this.stopWatch = await keepScheduler(
      this.queue,
      SCHEDULERS.reminderSweep,
      { every: this.config.reminderSweepMs },
      // By age, not count: a count trims the queue's whole completed (failed) set, the delivery
      // jobs' records included, whatever their own options say.
      { name: 'sweep', data: {}, opts: { removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 } } },
      Math.max(1_000, this.config.reminderSweepMs * 2),
      this.logger,
    );
    await this.sweep();
  }

  /**
   * Opens a connection for each delivery that may run at once (the pool keeps them: the worker
   * module's `databasePoolKept`) and prepares the delivery's statements on each. A burst of
   * reminders — 09:00 in a busy time zone — then starts on connections ready to lock and mark
   * rows, not on 16 new PostgreSQL backends with empty caches planning a six-table join each: in
   * the benchmark, the first seconds of a burst were its only late ones (docs/performance.md).
   * It also renders and builds (without sending) some hundreds of reminders in each language,
   * so that the code doing it is compiled before the burst, not during its first seconds.
   * Best effort: a worker that cannot warm up still delivers, opening connections as it goes.
   */
  private async warmUp(): Promise<void> {
    const started = Date.now();
    const none = '00000000-0000-0000-0000-000000000000';
    await Promise.all(
      Array.from({ length: REMINDER_DELIVERY_CONCURRENCY }, () =>
        inTransaction(this.dataSource, async (manager) => {
          await queryPrepared(manager, 'reminder-claim-due', CLAIM_DUE, [
            JSON.stringify([{ id: none, token: none }]),
            this.config.reminderClaimMs,
          ]);
          await queryPrepared(manager, 'reminder-sent', markSent('$1'), [none]);
          await queryPrepared(manager, 'reminder-sent-claimed', MARK_SENT_CLAIMED, [JSON.stringify([{ id: none, token: none }])]);
          await storeNotificationsTogether(manager, []);
        }),
      ),
    ).catch((error: unknown) => this.logger.warn({ error: String(error) }, 'could not warm up the delivery connections'));
    const host = this.mailHost;
    const rehearsals = Array.from({ length: REHEARSALS }, (_, i) => {
      const mail = reminderMail(i % 2 === 0 ? 'en' : 'es', {
        what: i % 3 === 0 ? 'demand' : 'follow_up',
        title: `Rehearsal ${i}`,
        campaignTitle: 'Rehearsal',
        offsetDays: (i % 9) - 2,
        dueAt: new Date(started + i * 3_600_000),
        timeZone: i % 4 === 0 ? 'UTC' : 'America/New_York',
        link: `${this.config.publicUrl}/campaigns/${none}/follow-ups/${none}`,
      });
      return { to: `rehearsal-${i}@${host}`, ...mail, messageId: reminderMessageId(String(i), host) };
    });
    await this.mailer
      .rehearse(rehearsals)
      .catch((error: unknown) => this.logger.warn({ error: String(error) }, 'could not rehearse reminders'));
    this.logger.log(`delivery connections and code warmed up in ${Date.now() - started} ms`);
  }

  onApplicationShutdown(): void {
    this.stopWatch?.();
    if (this.mailWarmTimer) clearInterval(this.mailWarmTimer);
  }

  /**
   * Opens this worker's SMTP connections — one per reminder falling due within 20 s, up to as
   * many as it delivers at once — before the reminders need them (`Mailer.warm`): a burst then
   * starts on open connections instead of opening 16 at once on cores busy with the burst (in the
   * benchmark, its first second holds most of its latest deliveries: docs/performance.md). Best effort;
   * resolves with the number of connections opened.
   */
  async openMailConnectionsForDueSoon(now = new Date()): Promise<number> {
    try {
      const [due] = (await this.dataSource.query(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM reminders WHERE status = 'pending' AND fire_at < $1 LIMIT $2) soon`,
        [new Date(now.getTime() + MAIL_WARM_AHEAD_MS), REMINDER_DELIVERY_CONCURRENCY],
      )) as { n: number }[];
      return due && due.n > 0 ? await this.mailer.warm(due.n) : 0;
    } catch (error) {
      this.logger.debug({ error: String(error) }, 'could not look ahead for reminders to open mail connections');
      return 0;
    }
  }

  async process(job: ReminderJob, token?: string): Promise<SweepOutcome | void> {
    switch (job.name) {
      case 'sweep':
        return this.sweep(); // its outcome is the job's return value, shown in Bull Board
      case 'deliver': {
        const held = await this.deliver(job.data.reminderId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
        if (!held || !token) return;
        // Another worker holds the reminder: this job waits until that claim lapses, then looks
        // again (the other worker will have sent it, or vanished and left it to this one).
        await job.moveToDelayed(held.claimedUntil.getTime() + 100, token);
        throw new DelayedError();
      }
      default: {
        const unknown: never = job;
        throw new Error(`unknown reminders job ${String((unknown as { name?: unknown }).name)}`);
      }
    }
  }

  /**
   * Marks unanswered demands, escalates overdue follow-ups, and hands BullMQ the reminders due
   * before now + look-ahead that it does not hold yet.
   */
  async sweep(now = new Date()): Promise<SweepOutcome> {
    const started = performance.now();
    const unanswered = await this.unansweredDemands.markPastDeadline(now);
    const escalated = await this.escalation.escalateOverdue(now);
    const enqueued = await this.enqueueDue(now);
    const outcome = { ...enqueued, unanswered, escalated, ms: Math.round(performance.now() - started) };
    if (outcome.full || outcome.added > 0 || outcome.revived > 0 || outcome.ms > 1_000) this.logger.log(outcome, 'reminder sweep');
    return outcome;
  }

  /**
   * Hands BullMQ the pending reminders due before now + look-ahead, as delayed `deliver` jobs
   * (ADR 0019). On most runs it reads only the rows no sweep has handed over yet (`queued_at`
   * null: new or replanned since the last run), and the stuck ones; a full pass reads every
   * pending row of the look-ahead when Redis is new or has lost its data. At scale the look-ahead
   * holds thousands of rows due in the coming minutes, and reading them all again on every run,
   * in a worker delivering meanwhile, held its deliveries up (docs/performance.md).
   */
  private async enqueueDue(now: Date): Promise<Pick<SweepOutcome, 'full' | 'read' | 'added' | 'revived'>> {
    const horizon = new Date(now.getTime() + this.config.reminderLookaheadMs);
    // A row still pending this long after it fell due may sit under a job that finished without
    // delivering it (failed after workers crashed twice mid-send): that one is added again.
    const stuck = new Date(now.getTime() - STUCK_AFTER_MS);
    const sweptKey = this.queue.toKey(SWEPT_KEY);
    const full = (await this.redis.exists(sweptKey)) === 0;
    const outcome = { full, read: 0, added: 0, revived: 0 };
    const add = (page: PageCounts) => {
      outcome.read += page.read;
      outcome.added += page.added;
      outcome.revived += page.revived;
    };
    if (full) {
      add(await this.enqueuePages(now, horizon, stuck, { unqueued: false, from: null }));
      // Every row of the look-ahead is in this Redis now: the next runs may trust `queued_at`.
      await this.redis.set(sweptKey, now.toISOString());
    } else {
      add(await this.enqueuePages(now, stuck, stuck, { unqueued: false, from: null }));
      add(await this.enqueuePages(now, horizon, stuck, { unqueued: true, from: stuck }));
    }
    return outcome;
  }

  /**
   * Reads the pending rows due before `before` (from `from` on, or from the start) in pages, in
   * due order, adds the jobs Redis lacks (reviving the stuck ones: due before `stuck`), and marks
   * the rows queued. One page's synchronous work (parsing its rows, building its jobs and Redis
   * commands) is short enough not to hold up the deliveries running in the same worker.
   */
  private async enqueuePages(now: Date, before: Date, stuck: Date, scan: { unqueued: boolean; from: Date | null }): Promise<PageCounts> {
    const job = (r: DueSoon): JobSpec<'reminders'> => ({
      name: 'deliver',
      data: { reminderId: r.id },
      opts: {
        jobId: deliveryJobId(r.id),
        delay: Math.max(0, r.fire_at.getTime() - now.getTime()),
        // BullMQ schedules at timestamp + delay; without this the timestamp is when the job is
        // built, after the sweep's queries, and every reminder fell due that much late.
        timestamp: now.getTime(),
        ...deliveryJobOptions(this.config),
      },
    });
    const sql = duePage(scan.unqueued);
    const counts: PageCounts = { read: 0, added: 0, revived: 0 };
    let after = { fire_at_exact: scan.from ? scan.from.toISOString() : '-infinity', id: '00000000-0000-0000-0000-000000000000' };
    while (counts.read < SWEEP_ENQUEUE_MAX) {
      const rows: DueSoon[] = await this.dataSource.query(sql, [before, after.fire_at_exact, after.id]);
      counts.read += rows.length;
      const late = rows.filter((r) => r.fire_at.getTime() < stuck.getTime());
      const onTime = await this.notQueued(rows.filter((r) => r.fire_at.getTime() >= stuck.getTime()));
      await addReviving(this.queue, late.map(job));
      await this.queue.addBulk(onTime.map(job));
      counts.revived += late.length;
      counts.added += onTime.length;
      if (rows.length > 0) await this.dataSource.query(MARK_QUEUED, [rows.map((r) => r.id)]);
      if (rows.length < SWEEP_PAGE) break;
      after = rows[rows.length - 1]!;
    }
    return counts;
  }

  /**
   * The rows whose delivery job Redis does not hold. Each sweep sees the whole look-ahead again,
   * and BullMQ would refuse the ones it holds anyway, but only after parsing each job: asking for
   * the keys first (one pipelined round trip) is what keeps a sweep of 10,000 cheap. A key
   * missing — a Redis flush, a job removed — means the job is added, exactly as before.
   */
  private async notQueued<T extends { id: string }>(rows: T[]): Promise<T[]> {
    if (rows.length === 0) return rows;
    const pipeline = this.redis.pipeline();
    for (const r of rows) pipeline.exists(this.queue.toKey(deliveryJobId(r.id)));
    // No answer (this client still reconnecting) or an error on a key counts as missing: adding
    // a job BullMQ holds is only wasted work, never a second delivery.
    const answers = await pipeline.exec().catch(() => null);
    return answers ? rows.filter((_, i) => answers[i]?.[1] !== 1) : rows;
  }

  /**
   * Delivers one reminder (ADR 0018): claims it and does its database work before the send —
   * cancels it if no longer current, writes its webhook deliveries, stores its in-app copy —
   * then sends the e-mail with no lock held, then records the outcome under its own claim. Answers when the claim of another worker lapses, if one holds it (the job waits
   * until then), else nothing.
   */
  async deliver(reminderId: string, lastAttempt: boolean): Promise<{ claimedUntil: Date } | void> {
    const host = this.mailHost;
    const token = randomUUID();
    // The claim (in one statement with the claims of deliveries starting together) and what goes
    // with it, as statements that each commit on their own (ADR 0018, addendum): every part is safe alone — a claim that lapses, a
    // cancellation, webhook deliveries and an in-app copy each written at most once by their
    // keys — so a transaction around them bought nothing but its BEGIN and COMMIT, two round
    // trips of every delivery.
    const claim = async (manager: EntityManager) => {
      const row = await this.claims.submit({ id: reminderId, token });
      if (!row) {
        // Gone, delivered, cancelled — or another worker's claim, which may lapse.
        const [holder] = (await manager.query(CLAIM_HOLDER, [reminderId])) as { status: string; claimed_until: Date | null }[];
        if (holder?.status !== 'pending') return 'skipped' as const;
        // Claimed until then; or being claimed right now (row locked): look again shortly.
        return {
          claimedUntil: holder.claimed_until && holder.claimed_until > new Date() ? holder.claimed_until : new Date(Date.now() + 2_000),
        };
      }
      const subject = currentSubject(row);
      if (subject === null || !row.user_active || row.campaign_status !== 'active') {
        await manager.query(
          `UPDATE reminders SET status = 'cancelled', last_error = 'no longer current', claimed_until = NULL, claim_token = NULL, updated_at = now() WHERE id = $1`,
          [row.id],
        );
        return 'cancelled' as const;
      }
      const render = (locale: Locale, timeZone: string, link: string) => {
        const mail = reminderMail(locale, {
          what: row.subject_type,
          title: subject.title,
          campaignTitle: row.campaign_title,
          offsetDays: row.offset_days,
          dueAt: row.due_at,
          timeZone,
          link,
        });
        return { title: mail.subject, body: subject.title, mail };
      };
      const link = `/campaigns/${row.campaign_id}/${row.subject_type === 'follow_up' ? 'follow-ups' : 'demands'}/${row.subject_id}`;
      // Webhooks hear of the deadline once, however many people are reminded of it: the key is
      // the schedule slot, not this person's row.
      const deliveryIds = await this.events.webhookDeliveries(
        manager,
        {
          kind: 'reminder',
          key: `reminder:${row.subject_type}:${row.subject_id}:${row.due_at.toISOString()}:${row.kind}:${row.offset_days}`,
          campaignId: row.campaign_id,
          campaignTitle: row.campaign_title,
          organizationIds: subject.organizationIds,
          link,
          render,
          data: {
            subjectType: row.subject_type,
            subjectId: row.subject_id,
            title: subject.title,
            dueAt: row.due_at.toISOString(),
            offsetDays: row.offset_days,
          },
        },
        row.webhooks,
      );
      // The recipient is active (checked above); one who muted the campaign hears nothing of it.
      const person = row.muted ? null : channelsFor(row, 'reminder');
      if (!person) {
        await manager.query(
          `UPDATE reminders SET status = 'cancelled', last_error = 'muted', claimed_until = NULL, claim_token = NULL, updated_at = now() WHERE id = $1`,
          [row.id],
        );
        return { stored: null, deliveryIds, mail: null };
      }
      const rendered = render(row.locale, row.time_zone, `${this.config.publicUrl}${link}`);
      const mailNow = person.mail === 'now';
      // The in-app copy (and the digest's line) is stored when the reminder falls due, before any
      // e-mail and whatever the mail server will say: channels are independent. At most once per
      // reminder (its dedupe key), so a retried attempt stores nothing more.
      const copy = (person.inApp || person.mail === 'digest') && {
        userId: row.recipient_id,
        kind: 'reminder' as const,
        title: rendered.title,
        body: rendered.body,
        link,
        campaignId: row.campaign_id,
        dedupeKey: `reminder:${row.id}`,
        inApp: person.inApp,
        // The reminder row records the e-mail; this copy's own e-mail status is for the digest.
        emailStatus: person.mail === 'digest' ? ('digest' as const) : ('none' as const),
        // Kept only for the digest, which lists its subject. A reminder e-mailed now is sent
        // below: storing its whole text again cost each delivery a compressed JSON write, and
        // nothing reads it (less of people's correspondence at rest, too).
        mail: person.mail === 'digest' ? rendered.mail : null,
      };
      // Nothing to send now: done in this transaction, marked sent with the copy (one round trip).
      const markNow = mailNow ? undefined : { name: 'reminder-sent', sql: markSent(`$${NOTIFICATION_PARAMETERS + 1}`), values: [row.id] };
      // Committed without waiting for its WAL flush, as the claim: a crash that lost it loses the
      // claim too, and the next attempt stores it.
      // Stored with the copies of other deliveries now (one statement) when an e-mail follows; with
      // the reminder marked sent when none does.
      const saved = !copy
        ? null
        : markNow
          ? await storeNotification(manager, copy, markNow, undefined, 'async')
          : await this.copies.submit(copy);
      if (!copy && !mailNow) await queryPrepared(manager, 'reminder-sent', markSent('$1'), [row.id]);
      return {
        stored: saved?.stored ?? null,
        deliveryIds,
        mail: mailNow ? { to: row.email, ...rendered.mail, messageId: reminderMessageId(row.id, host) } : null,
      };
    };
    const runner = this.dataSource.createQueryRunner();
    let claimed: Awaited<ReturnType<typeof claim>>;
    try {
      claimed = await claim(runner.manager);
    } catch (error) {
      // What was written stays (each part is written once by its key); the claim, if taken, is
      // given back so that the job's retry need not wait for it to lapse.
      await this.dataSource.query(RELEASE_CLAIM, [reminderId, token]).catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    if (claimed === 'skipped' || claimed === 'cancelled') return;
    if ('claimedUntil' in claimed && claimed.claimedUntil) return { claimedUntil: claimed.claimedUntil };
    // The in-app copy and the webhooks go out at once, beside the e-mail, not after the mail
    // server has answered (`dispatch` never rejects: what it cannot hand over now, the
    // notifications sweep does).
    const dispatched = this.dispatcher.dispatch({
      notifications: claimed.stored ? [claimed.stored] : [],
      emailIds: [],
      deliveryIds: claimed.deliveryIds,
    });
    if (!claimed.mail) return dispatched;

    // No lock and no transaction through the network call: a worker that vanishes here leaves
    // only a claim, which lapses (REMINDER_CLAIM_MS, longer than the mailer's timeouts).
    let failure: unknown = null;
    try {
      await this.mailer.send(claimed.mail);
    } catch (error) {
      failure = error;
    }
    await dispatched;
    if (failure === null) {
      await this.sent.submit({ id: reminderId, token });
      return;
    }
    // A refusal the server says is permanent (5xx: no such mailbox, policy) will not change by
    // asking again: the reminder fails at once. Anything else (4xx, a dead connection) is
    // retried with backoff, until the last attempt.
    const permanent = isPermanentMailError(failure);
    const message = failure instanceof Error ? failure.message.slice(0, 500) : String(failure);
    await queryPreparedOnce(this.dataSource, 'reminder-failed-claimed', MARK_FAILED_CLAIMED, [
      reminderId,
      token,
      message,
      lastAttempt || permanent,
    ]);
    if (!lastAttempt && !permanent) throw failure; // recorded; BullMQ retries with backoff
    // Failed for good: the job fails too, so that operators see it (Bull Board's failed list)
    // rather than a completed job that sent nothing.
    this.logger.warn({ reminderId, permanent }, 'reminder delivery failed for good');
    throw new UnrecoverableError(`reminder ${reminderId} failed for good: ${message.slice(0, 300)}`);
  }
}

/**
 * The subject's title and organizations concerned, if the reminder is still current (same
 * deadline, still open or awaiting an answer); else null.
 */
function currentSubject(row: DueRow): { title: string; organizationIds: string[] } | null {
  if (row.subject_type === 'follow_up') {
    return row.follow_up_title !== null &&
      row.follow_up_status !== null &&
      isFollowUpOpen(row.follow_up_status) &&
      row.follow_up_due_at?.getTime() === row.due_at.getTime()
      ? { title: row.follow_up_title, organizationIds: [row.follow_up_organization_id!] }
      : null;
  }
  return row.demand_text !== null &&
    row.demand_status !== null &&
    isDemandAwaitingAnswer(row.demand_status) &&
    row.demand_deadline_at?.getTime() === row.due_at.getTime()
    ? { title: row.demand_text, organizationIds: [] }
    : null;
}
