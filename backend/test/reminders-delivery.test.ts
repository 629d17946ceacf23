import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WorkerModule } from '../src/app/worker.module.js';
import { RemindersProcessor } from '../src/reminder-delivery/reminders.processor.js';
import { deliveryJobId, reminderMessageId } from '../src/reminders/reminder-ids.js';
import { UnansweredDemands } from '../src/demands/unanswered-demands.js';
import { FollowUpEscalation } from '../src/follow-ups/follow-up-escalation.js';
import { QUEUES } from '../src/core/queue/queues.js';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { createCampaign, createDemand, createOffice } from './support/campaigns.js';
import { startWorld, type World } from './support/world.js';

const HOST = 'dashboard.test';

/** Real API, real workers on BullMQ and Redis, a real SMTP server. */
describe('reminder delivery', () => {
  let world: World;
  let coordinator: TestUser;
  let as: Browser;
  let campaignId: string;
  const redis = new Redis(inject('redisUrl'));

  beforeAll(async () => {
    world = await startWorld({
      PUBLIC_URL: `http://${HOST}`,
      REMINDER_SWEEP_MS: '300',
      REMINDER_LOOKAHEAD_MS: '60000',
      // Retries within the test's time: 300 ms, then 600 ms…
      DELIVERY_RETRY_MS: '300',
    });
    coordinator = await createUser('coordinator', { locale: 'es' });
    as = await signIn(world.api.url, coordinator.email);
    campaignId = await createCampaign([{ id: coordinator.organizationId, role: 'lead' }]);
  });
  afterAll(async () => {
    await world.close();
    redis.disconnect();
  });

  /** A follow-up due in 10 days; its 7-days-before reminder made due in `inMs`. */
  async function reminderDueIn(inMs: number, title = 'Brief the delegation'): Promise<{ reminderId: string; followUpId: string }> {
    const dueAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const followUpId = (
      await call(world.api.url, 'POST', `/api/campaigns/${campaignId}/follow-ups`, as, {
        organizationId: coordinator.organizationId,
        title,
        dueAt,
      })
    ).body.id as string;
    const reminderId = await withDb(async (db) => {
      const r = await db.query(`SELECT id FROM reminders WHERE subject_id = $1 AND status = 'pending' AND offset_days = 7`, [followUpId]);
      await db.query(`UPDATE reminders SET fire_at = now() + ($2 || ' milliseconds')::interval WHERE id = $1`, [
        r.rows[0].id,
        String(inMs),
      ]);
      return r.rows[0].id as string;
    });
    return { reminderId, followUpId };
  }

  /** A member of an organization that signs the campaign (so the coordinators' own e-mails stay theirs). */
  async function signatoryMember(): Promise<TestUser> {
    const member = await createUser('member');
    await withDb((db) =>
      db.query(`INSERT INTO campaign_organizations (campaign_id, organization_id, role) VALUES ($1, $2, 'signatory')`, [
        campaignId,
        member.organizationId,
      ]),
    );
    return member;
  }

  /** A follow-up of the campaign assigned to `person`; its 7-days-before reminder for them made due in `inMs`. */
  async function reminderFor(person: TestUser, inMs: number): Promise<{ reminderId: string }> {
    const followUpId = (
      await call(world.api.url, 'POST', `/api/campaigns/${campaignId}/follow-ups`, as, {
        organizationId: person.organizationId,
        assigneeId: person.id,
        title: `For ${person.email}`,
        dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      })
    ).body.id as string;
    const reminderId = await withDb(async (db) => {
      const r = await db.query(
        `SELECT id FROM reminders WHERE subject_id = $1 AND recipient_id = $2 AND status = 'pending' AND offset_days = 7`,
        [followUpId, person.id],
      );
      await db.query(`UPDATE reminders SET fire_at = now() + ($2 || ' milliseconds')::interval WHERE id = $1`, [
        r.rows[0].id,
        String(inMs),
      ]);
      return r.rows[0].id as string;
    });
    return { reminderId };
  }

  const status = async (id: string) =>
    (await withDb((db) => db.query(`SELECT status FROM reminders WHERE id = $1`, [id]))).rows[0].status as string;
  /**
   * The row's status once the delivery that sent the mail has committed: the sink receives the
   * message before the worker, on the server's 250, records it sent (a loaded machine shows the gap).
   */
  const settledStatus = async (id: string): Promise<string> => {
    const deadline = Date.now() + 10_000;
    let current = await status(id);
    while (current === 'pending' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      current = await status(id);
    }
    return current;
  };
  const mailsWith = (messageId: string) => world.smtp.messages.filter((m) => m.messageId === messageId);

  it('delivers a due reminder by e-mail, in the recipient’s language, with a Message-ID derived from the reminder', async () => {
    const { reminderId } = await reminderDueIn(500);
    const messageId = reminderMessageId(reminderId, HOST);
    const mail = await world.smtp.waitFor(coordinator.email, (m) => m.messageId === messageId);
    expect(mail.subject).toBe('Recordatorio: «Brief the delegation» vence en 7 días');
    expect(mail.text).toContain(`http://${HOST}/campaigns/${campaignId}`);
    expect(await settledStatus(reminderId)).toBe('sent');
    // The in-app copy is stored with it; the e-mail's text is not kept again (it has been sent).
    const stored = await withDb((db) =>
      db.query(`SELECT title, email_status, mail FROM notifications WHERE dedupe_key = $1`, [`reminder:${reminderId}`]),
    );
    // The reminder row records the e-mail (sent, above); the copy's own e-mail status is the digest's.
    expect(stored.rows).toEqual([{ title: mail.subject, email_status: 'none', mail: null }]);
    // The other reminders of that follow-up are still in the future and pending.
    expect(
      (
        await withDb((db) =>
          db.query(
            `SELECT count(*)::int AS n FROM reminders WHERE status = 'sent' AND subject_id = (SELECT subject_id FROM reminders WHERE id = $1)`,
            [reminderId],
          ),
        )
      ).rows[0].n,
    ).toBe(1);
  });

  it('sends it once when two workers race for it', async () => {
    const second = await NestFactory.createApplicationContext(WorkerModule.forRoot(world.config), { logger: false });
    await second.init();
    try {
      const { reminderId } = await reminderDueIn(0);
      const messageId = reminderMessageId(reminderId, HOST);
      await world.smtp.waitFor(coordinator.email, (m) => m.messageId === messageId);
      await new Promise((r) => setTimeout(r, 1500));
      expect(mailsWith(messageId)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('delivers reminders starting together once each, with their own copies, when their claims and outcomes go in one statement', async () => {
    // Twelve deliveries started in one tick: their claims, in-app copies and outcomes each go to
    // PostgreSQL together (GroupCommit). One of them is held by another worker's claim: it alone
    // is told to wait, and the others are not held up by it. Due in an hour, so that no sweep
    // hands them to BullMQ meanwhile: the calls below are their only deliveries.
    const reminders: string[] = [];
    for (let i = 0; i < 12; i++) reminders.push((await reminderDueIn(3_600_000, `Together ${i}`)).reminderId);
    const held = reminders[5]!;
    const heldUntil = await withDb(
      async (db) =>
        (
          await db.query(
            `UPDATE reminders SET claimed_until = now() + interval '1 minute', claim_token = gen_random_uuid() WHERE id = $1 RETURNING claimed_until`,
            [held],
          )
        ).rows[0].claimed_until as Date,
    );
    const processor = world.worker.get(RemindersProcessor);
    const answers = await Promise.all(reminders.map((id) => processor.deliver(id, false)));
    expect(answers[5]).toEqual({ claimedUntil: heldUntil });
    expect(answers.filter((a) => a !== undefined)).toHaveLength(1);
    const rows = await withDb((db) =>
      db.query(
        `SELECT r.id, r.status, r.claim_token, n.title FROM reminders r LEFT JOIN notifications n ON n.dedupe_key = 'reminder:' || r.id
         WHERE r.id = ANY($1)`,
        [reminders],
      ),
    );
    for (const id of reminders) {
      const row = rows.rows.find((r: { id: string }) => r.id === id);
      const mails = mailsWith(reminderMessageId(id, HOST));
      if (id === held) {
        expect(row).toMatchObject({ status: 'pending', title: null });
        expect(mails).toHaveLength(0);
      } else {
        expect(mails).toHaveLength(1);
        expect(row).toEqual({ id, status: 'sent', claim_token: null, title: mails[0]!.subject });
      }
    }
    // Nothing else in the table was touched: the held reminder keeps the other worker's claim.
    expect(rows.rows.find((r: { id: string }) => r.id === held).claim_token).not.toBeNull();
    await withDb((db) => db.query(`UPDATE reminders SET status = 'cancelled' WHERE id = $1`, [held]));
  });

  it('opens SMTP connections for reminders falling due within seconds, before they fall due', async () => {
    // A worker of its own: its connection pool starts empty (the shared one's is warm by now).
    const fresh = await NestFactory.createApplicationContext(WorkerModule.forRoot(world.config), { logger: false });
    await fresh.init();
    try {
      const processor = fresh.get(RemindersProcessor);
      expect(await processor.openMailConnectionsForDueSoon(new Date(0))).toBe(0); // nothing due in 1970
      const { reminderId } = await reminderDueIn(12_000);
      const opened = world.smtp.connectionsOpened;
      expect(await processor.openMailConnectionsForDueSoon()).toBeGreaterThanOrEqual(1);
      expect(world.smtp.connectionsOpened).toBeGreaterThan(opened);
      // Opened, not used: the reminder is not due yet, and nothing was sent for it.
      expect(await status(reminderId)).toBe('pending');
      expect(mailsWith(reminderMessageId(reminderId, HOST))).toEqual([]);
      await withDb((db) => db.query(`UPDATE reminders SET status = 'cancelled' WHERE id = $1`, [reminderId]));
    } finally {
      await fresh.close();
    }
  });

  it('loses nothing when Redis loses the queue: the schedule in PostgreSQL is enqueued again', async () => {
    const { reminderId } = await reminderDueIn(2500);
    const prefix = `${world.config.redisPrefix}:q:reminders`;
    // Wait until the sweeper has handed it to BullMQ as a delayed job, then wipe the queue.
    const deadline = Date.now() + 5000;
    while (!(await redis.exists(`${prefix}:reminder-${reminderId}`))) {
      if (Date.now() > deadline) throw new Error('the sweeper never enqueued the reminder');
      await new Promise((r) => setTimeout(r, 100));
    }
    const keys = await redis.keys(`${prefix}:*`);
    await redis.del(...keys);
    const messageId = reminderMessageId(reminderId, HOST);
    await world.smtp.waitFor(coordinator.email, (m) => m.messageId === messageId, 15_000);
    expect(mailsWith(messageId)).toHaveLength(1);
    expect(await settledStatus(reminderId)).toBe('sent');
  });

  it('enqueues every reminder due within the look-ahead, page after page, however many share an instant', async () => {
    // 1,234 rows due in 45 s (inside the 60 s look-ahead), in three groups a microsecond apart:
    // more than two of the sweep's pages, and pages that end inside a group of equal instants
    // finer than a JavaScript Date holds.
    const ids = await withDb(async (db) => {
      const r = await db.query(
        `INSERT INTO reminders (subject_type, subject_id, campaign_id, recipient_id, kind, offset_days, due_at, fire_at)
         SELECT 'follow_up', gen_random_uuid(), $1, $2, 'before', 7, now() + interval '10 days',
                date_trunc('second', now()) + interval '45 seconds' + (i % 3) * interval '1 microsecond'
           FROM generate_series(1, 1234) AS i
         RETURNING id`,
        [campaignId, coordinator.id],
      );
      return r.rows.map((row: { id: string }) => row.id as string);
    });
    const queue = world.worker.get<Queue>(getQueueToken(QUEUES.reminders), { strict: false });
    const processor = world.worker.get(RemindersProcessor);
    const held = async () => {
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.exists(queue.toKey(deliveryJobId(id)));
      return (await pipeline.exec())!.filter(([, exists]) => exists === 1).length;
    };
    const unqueued = async () =>
      (await withDb((db) => db.query(`SELECT count(*)::int AS n FROM reminders WHERE id = ANY($1) AND queued_at IS NULL`, [ids]))).rows[0]
        .n as number;
    try {
      await processor.sweep();
      expect(await held()).toBe(ids.length);
      // Handed over, and marked so: the next sweeps read only what is new (ADR 0019), not the
      // whole look-ahead again.
      expect(await unqueued()).toBe(0);
      const next = await processor.sweep();
      expect(next.full).toBe(false);
      expect(next.read).toBeLessThan(50); // what other tests left pending, if anything; not these 1,234
      // A Redis that lost the queue (its keys gone, the sweep's mark with them): the next sweep
      // reads every pending row of the look-ahead, whatever `queued_at` says, and adds them again.
      // (The worker's own scheduled sweep may make that pass first: either way they come back,
      // where an incremental sweep would leave them until 90 s after they fell due.)
      await Promise.all(ids.slice(0, 600).map((id) => queue.remove(deliveryJobId(id))));
      expect(await held()).toBe(ids.length - 600);
      await redis.del(queue.toKey('swept'));
      await processor.sweep();
      const deadline = Date.now() + 5_000;
      while ((await held()) < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await held()).toBe(ids.length);
      expect(await redis.exists(queue.toKey('swept'))).toBe(1);
    } finally {
      // Not to be delivered: nobody follows these up.
      await withDb((db) => db.query(`UPDATE reminders SET status = 'cancelled' WHERE id = ANY($1)`, [ids]));
      await Promise.all(ids.map((id) => queue.remove(deliveryJobId(id))));
    }
  });

  it('revives a due reminder whose delivery job failed without sending it (as when workers crash twice mid-send)', async () => {
    // Not due for a while: the sweep leaves it in PostgreSQL.
    const { reminderId } = await reminderDueIn(10 * 60_000);
    const queue = world.worker.get<Queue>(getQueueToken(QUEUES.reminders), { strict: false });
    // A job under the reminder's id that fails without delivering (BullMQ fails a job that stalled
    // twice the same way); BullMQ keeps the failed job, and with it the id, for a day.
    await queue.add('no-such-step', { reminderId }, { jobId: deliveryJobId(reminderId), attempts: 1, removeOnFail: { age: 86_400 } });
    const deadline = Date.now() + 8000;
    while ((await (await queue.getJob(deliveryJobId(reminderId)))?.getState()) !== 'failed') {
      if (Date.now() > deadline) throw new Error('the job never failed');
      await new Promise((r) => setTimeout(r, 100));
    }
    // Now the row is pending and long due, under that failed job's id.
    await withDb((db) => db.query(`UPDATE reminders SET fire_at = now() - interval '5 minutes' WHERE id = $1`, [reminderId]));
    const messageId = reminderMessageId(reminderId, HOST);
    await world.smtp.waitFor(coordinator.email, (m) => m.messageId === messageId, 10_000);
    expect(await settledStatus(reminderId)).toBe('sent');
    expect(mailsWith(messageId)).toHaveLength(1);
  });

  it('fails a reminder at once on a permanent refusal (5xx), visibly, with its in-app copy stored', async () => {
    const refused = await signatoryMember();
    world.smtp.refuse.set(refused.email, { code: 550, message: '5.1.1 Mailbox unavailable' });
    try {
      const { reminderId } = await reminderFor(refused, 300);
      const queue = world.worker.get<Queue>(getQueueToken(QUEUES.reminders), { strict: false });
      const deadline = Date.now() + 10_000;
      while ((await (await queue.getJob(deliveryJobId(reminderId)))?.getState()) !== 'failed') {
        if (Date.now() > deadline) throw new Error('the delivery job never failed');
        await new Promise((r) => setTimeout(r, 100));
      }
      const job = await queue.getJob(deliveryJobId(reminderId));
      // One attempt, not six: asking a mailbox that does not exist again changes nothing.
      expect(job!.attemptsMade).toBe(1);
      expect(job!.failedReason).toMatch(/failed for good: .*Mailbox unavailable/);
      const row = (await withDb((db) => db.query(`SELECT status, attempts, last_error FROM reminders WHERE id = $1`, [reminderId])))
        .rows[0];
      expect(row).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringMatching(/550/) });
      // The in-app copy does not depend on the mail server.
      const copies = await withDb((db) =>
        db.query(`SELECT in_app, email_status FROM notifications WHERE dedupe_key = $1`, [`reminder:${reminderId}`]),
      );
      expect(copies.rows).toEqual([{ in_app: true, email_status: 'none' }]);
    } finally {
      world.smtp.refuse.delete(refused.email);
    }
  });

  it('retries a temporary refusal (4xx) with backoff, stores the in-app copy at once, and clears the error once sent', async () => {
    const busy = await signatoryMember();
    world.smtp.refuse.set(busy.email, { code: 451, message: '4.7.1 Try again later' });
    const { reminderId } = await reminderFor(busy, 300);
    const messageId = reminderMessageId(reminderId, HOST);
    const row = async () =>
      (await withDb((db) => db.query(`SELECT status, attempts, last_error FROM reminders WHERE id = $1`, [reminderId]))).rows[0];
    // A failed attempt is recorded and the reminder stays pending for its retry…
    const deadline = Date.now() + 10_000;
    while (!((await row()).attempts >= 1)) {
      if (Date.now() > deadline) throw new Error('no failed attempt recorded');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await row()).toMatchObject({ status: 'pending', last_error: expect.stringMatching(/451/) });
    // …while the person already has the reminder in the app.
    const copies = async () =>
      (await withDb((db) => db.query(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = $1`, [`reminder:${reminderId}`])))
        .rows[0].n as number;
    expect(await copies()).toBe(1);
    world.smtp.refuse.delete(busy.email);
    await world.smtp.waitFor(busy.email, (m) => m.messageId === messageId, 15_000);
    expect(await settledStatus(reminderId)).toBe('sent');
    const sent = await row();
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(sent.last_error).toBeNull();
    expect(mailsWith(messageId)).toHaveLength(1);
    expect(await copies()).toBe(1);
  });

  it('does not deliver a reminder that is no longer current, and says why', async () => {
    const { reminderId, followUpId } = await reminderDueIn(800);
    // The deadline changes behind the planner's back (as if a replan were racing the delivery).
    await withDb((db) => db.query(`UPDATE follow_ups SET due_at = due_at + interval '1 day' WHERE id = $1`, [followUpId]));
    const deadline = Date.now() + 8000;
    while ((await status(reminderId)) === 'pending') {
      if (Date.now() > deadline) throw new Error('the reminder was never handled');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await status(reminderId)).toBe('cancelled');
    expect(mailsWith(reminderMessageId(reminderId, HOST))).toEqual([]);
  });

  it("delivers a sent demand's deadline reminder with the demand's text, and cancels one whose deadline moved", async () => {
    const { officeId } = await createOffice();
    const sentDemand = async (text: string): Promise<{ demandId: string; reminderId: string }> => {
      const demandId = (
        await call(world.api.url, 'POST', `/api/campaigns/${campaignId}/demands`, as, {
          officeId,
          text,
          category: 'meeting',
          deadline: { at: new Date(Date.now() + 10 * 86_400_000).toISOString() },
        })
      ).body.id as string;
      expect((await call(world.api.url, 'POST', `/api/demands/${demandId}/transitions`, as, { to: 'sent' })).status).toBe(200);
      const reminderId = await withDb(async (db) => {
        const r = await db.query(
          `SELECT id FROM reminders WHERE subject_id = $1 AND status = 'pending' AND recipient_id = $2 ORDER BY fire_at LIMIT 1`,
          [demandId, coordinator.id],
        );
        return r.rows[0].id as string;
      });
      return { demandId, reminderId };
    };
    const [current, moved] = [await sentDemand('Grant unimpeded access to CECOT'), await sentDemand('Release the agreement')];
    await withDb((db) => db.query(`UPDATE demands SET deadline_at = deadline_at + interval '1 day' WHERE id = $1`, [moved.demandId]));
    await withDb((db) =>
      db.query(`UPDATE reminders SET fire_at = now() + interval '300 milliseconds' WHERE id = ANY($1::uuid[])`, [
        [current.reminderId, moved.reminderId],
      ]),
    );
    const mail = await world.smtp.waitFor(coordinator.email, (m) => m.messageId === reminderMessageId(current.reminderId, HOST));
    expect(mail.subject).toContain('Grant unimpeded access to CECOT');
    expect(await settledStatus(current.reminderId)).toBe('sent');
    expect(await settledStatus(moved.reminderId)).toBe('cancelled');
    expect(mailsWith(reminderMessageId(moved.reminderId, HOST))).toEqual([]);
  });

  it('moves an unanswered demand past its deadline to no_response, tells the coordinators, and leaves answered ones alone', async () => {
    const { officeId, institutionId } = await createOffice();
    const [recent, historic, answered] = [
      await createDemand(campaignId, officeId, 'sent', 'Convene an emergency meeting'),
      await createDemand(campaignId, officeId, 'sent', 'Old ask'),
      await createDemand(campaignId, officeId, 'sent', 'Answered ask'),
    ];
    // One transaction: the worker sweeps every 300 ms and must never see the answered demand's
    // deadline passed without its response.
    await withDb(async (db) => {
      await db.query('BEGIN');
      await db.query(
        `UPDATE demands SET deadline_at = now() - interval '1 hour', deadline_time_zone = 'America/New_York' WHERE id = ANY($1)`,
        [[recent, answered]],
      );
      await db.query(`UPDATE demands SET deadline_at = now() - interval '30 days', deadline_time_zone = 'America/New_York' WHERE id = $1`, [
        historic,
      ]);
      const r = await db.query(
        `INSERT INTO responses (campaign_id, institution_id, received_on, channel, summary, assessment) VALUES ($1, $2, '2025-05-02', 'letter', 'Noted', 'non_committal') RETURNING id`,
        [campaignId, institutionId],
      );
      await db.query(`INSERT INTO response_demands (response_id, demand_id) VALUES ($1, $2)`, [r.rows[0].id, answered]);
      await db.query('COMMIT');
    });
    const statusOf = async (id: string) =>
      (await withDb((db) => db.query(`SELECT status FROM demands WHERE id = $1`, [id]))).rows[0].status as string;
    const deadline = Date.now() + 8000;
    while ((await statusOf(recent)) !== 'no_response' || (await statusOf(historic)) !== 'no_response') {
      if (Date.now() > deadline) throw new Error('the worker never marked the demands');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await statusOf(answered)).toBe('sent');
    const history = await withDb((db) =>
      db.query(`SELECT from_status, to_status, actor_id, note, note_key, note_params FROM demand_status_changes WHERE demand_id = $1`, [
        recent,
      ]),
    );
    expect(history.rows).toEqual([
      { from_status: 'sent', to_status: 'no_response', actor_id: null, note: null, note_key: 'deadline_passed', note_params: {} },
    ]);
    const mail = await world.smtp.waitFor(coordinator.email, (m) => (m.subject ?? '').includes('Convene an emergency meeting'));
    expect(mail.subject).toBe('Sin respuesta: «Convene an emergency meeting»');
    await new Promise((r) => setTimeout(r, 500));
    expect(world.smtp.messages.filter((m) => (m.subject ?? '').includes('Old ask'))).toEqual([]);
    expect(world.smtp.messages.filter((m) => (m.subject ?? '').includes('Convene an emergency meeting'))).toHaveLength(1);
  });

  it('leaves a demand alone when its response is being logged while the worker marks it unanswered', async () => {
    const { officeId, institutionId } = await createOffice();
    const demandId = await createDemand(campaignId, officeId, 'sent', 'Answer arriving as the deadline passes');
    // Due in an hour (the running worker leaves it be); the call below acts as if two hours on.
    await withDb((db) =>
      db.query(`UPDATE demands SET deadline_at = now() + interval '1 hour', deadline_time_zone = 'UTC' WHERE id = $1`, [demandId]),
    );
    const statusOf = async () =>
      (await withDb((db) => db.query(`SELECT status FROM demands WHERE id = $1`, [demandId]))).rows[0].status as string;
    let marked = 0;
    await withDb(async (db) => {
      // A response being logged: its link is written, not yet committed, when the worker reads.
      await db.query('BEGIN');
      const r = await db.query(
        `INSERT INTO responses (campaign_id, institution_id, received_on, channel, summary, assessment) VALUES ($1, $2, '2025-05-02', 'letter', 'Received', 'positive') RETURNING id`,
        [campaignId, institutionId],
      );
      await db.query(`INSERT INTO response_demands (response_id, demand_id) VALUES ($1, $2)`, [r.rows[0].id, demandId]);
      const marking = world.worker
        .get(UnansweredDemands)
        .markPastDeadline(new Date(Date.now() + 2 * 3_600_000))
        .then((n) => (marked = n));
      // Commit only once the worker waits on this demand's row, so the race is the one that matters.
      const until = Date.now() + 8000;
      const self = (await db.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
      const waiting = async () =>
        (
          await withDb((other) =>
            other.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [self]),
          )
        ).rows[0].n as number;
      while ((await waiting()) === 0) {
        if (Date.now() > until) throw new Error('the worker never waited for the row');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await db.query('COMMIT');
      await marking;
    });
    expect(await statusOf()).toBe('sent');
    expect(marked).toBe(0);
    const history = await withDb((db) => db.query(`SELECT to_status FROM demand_status_changes WHERE demand_id = $1`, [demandId]));
    expect(history.rows.map((h: { to_status: string }) => h.to_status)).not.toContain('no_response');
  });

  it('escalates a follow-up overdue by 3 days to the coordinators, once per level', async () => {
    const partner = await createUser('member');
    await withDb((db) =>
      db.query(`INSERT INTO campaign_organizations (campaign_id, organization_id, role) VALUES ($1, $2, 'signatory')`, [
        campaignId,
        partner.organizationId,
      ]),
    );
    const id = await withDb(async (db) => {
      const r = await db.query(
        `INSERT INTO follow_ups (campaign_id, organization_id, title, due_at, due_time_zone) VALUES ($1, $2, 'Send the dossier', now() - interval '4 days', 'UTC') RETURNING id`,
        [campaignId, partner.organizationId],
      );
      return r.rows[0].id as string;
    });
    const mail = await world.smtp.waitFor(coordinator.email, (m) => (m.subject ?? '').includes('Send the dossier'));
    expect(mail.subject).toMatch(/^Atrasado 4 días: «Send the dossier»/);
    await new Promise((r) => setTimeout(r, 1200)); // several more sweeps
    expect(world.smtp.messages.filter((m) => (m.subject ?? '').includes('Send the dossier'))).toHaveLength(1);
    const { rows } = await withDb((db) =>
      db.query(`SELECT dedupe_key FROM notifications WHERE kind = 'escalation' AND dedupe_key LIKE $1`, [`escalation:${id}:%`]),
    );
    expect(rows.map((r: { dedupe_key: string }) => r.dedupe_key.split(':').at(-2))).toEqual(['1']);
    // One level later (6 days overdue) it escalates once more.
    await withDb((db) => db.query(`UPDATE follow_ups SET due_at = now() - interval '6 days 1 hour' WHERE id = $1`, [id]));
    await world.smtp.waitFor(coordinator.email, (m) => (m.subject ?? '').startsWith('Atrasado 6 días: «Send the dossier»'));
  });

  it('escalates every overdue follow-up in turn, not only the oldest batch', async () => {
    // Due in ten days: nothing for the running sweeps. Asked as of two weeks ahead, one at a time.
    const ids = await withDb(async (db) => {
      const r = await db.query(
        `INSERT INTO follow_ups (campaign_id, organization_id, title, due_at, due_time_zone)
         SELECT $1, $2, 'Batch ' || n, now() + interval '10 days' + n * interval '1 minute', 'UTC' FROM generate_series(1, 3) n RETURNING id`,
        [campaignId, coordinator.organizationId],
      );
      return r.rows.map((row: { id: string }) => row.id);
    });
    const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(world.config), { logger: false });
    try {
      const escalation = context.get(FollowUpEscalation);
      const later = new Date(Date.now() + 14 * 86_400_000);
      // One follow-up per call; each call must move on to one not yet escalated (older ones of
      // other tests come first). Before escalation progress was kept, the second call picked the
      // first again (recording nothing new) on every call, and the others were never reached.
      for (let calls = 0; calls < 200 && (await escalation.escalateOverdue(later, 1)) === 1; calls++);
    } finally {
      await context.close();
    }
    const { rows } = await withDb((db) => db.query(`SELECT id, escalated_level FROM follow_ups WHERE id = ANY($1) ORDER BY due_at`, [ids]));
    expect(rows.map((r: { escalated_level: number }) => r.escalated_level)).toEqual([1, 1, 1]);
    const keys = await withDb((db) =>
      db.query(`SELECT dedupe_key FROM notifications WHERE kind = 'escalation' AND dedupe_key LIKE ANY($1)`, [
        ids.map((id: string) => `escalation:${id}:%`),
      ]),
    );
    expect(new Set(keys.rows.map((r: { dedupe_key: string }) => r.dedupe_key.split(':')[1])).size).toBe(3);
  });

  it('sends nothing for a follow-up completed before its reminder fires', async () => {
    const { reminderId, followUpId } = await reminderDueIn(1500);
    await call(world.api.url, 'PATCH', `/api/follow-ups/${followUpId}`, as, { status: 'done' });
    expect(await status(reminderId)).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 2500));
    expect(mailsWith(reminderMessageId(reminderId, HOST))).toEqual([]);
  });
});
