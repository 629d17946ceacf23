import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../src/core/queue/queues.js';
import { emailJobId } from '../src/notifications/dispatcher.js';
import { notificationMessageId } from '../src/notifications/notifications.processor.js';
import { deliveryJobId, reminderMessageId } from '../src/reminders/reminder-ids.js';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { createCampaign } from './support/campaigns.js';
import { startWorld, type World } from './support/world.js';

const HOST = 'dashboard.test';
const REFUSAL = { code: 550, message: '5.1.1 Mailbox unavailable' };

interface Item {
  id: string;
  kind: string;
  recipient: { id: string; name: string; email: string };
  subject: {
    type: string;
    title: string;
    notificationKind: string | null;
    link: string | null;
    campaign: { id: string; title: string } | null;
  };
  attempts: number;
  lastError: string | null;
  failedAt: string;
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Real API, real worker on BullMQ and Redis, a real SMTP server that refuses some mailboxes. */
describe('failed deliveries (admin)', () => {
  let world: World;
  let coordinator: TestUser;
  let as: Browser;
  let admin: Browser;
  let campaignId: string;

  beforeAll(async () => {
    world = await startWorld({
      PUBLIC_URL: `http://${HOST}`,
      REMINDER_SWEEP_MS: '300',
      REMINDER_LOOKAHEAD_MS: '60000',
      DELIVERY_RETRY_MS: '300',
    });
    coordinator = await createUser('coordinator');
    as = await signIn(world.api.url, coordinator.email);
    admin = await signIn(world.api.url, (await createUser('admin')).email);
    campaignId = await createCampaign([{ id: coordinator.organizationId, role: 'lead' }]);
  });
  afterAll(async () => {
    await world.close();
  });

  async function refusedMember(): Promise<TestUser> {
    const member = await createUser('member');
    await withDb((db) =>
      db.query(`INSERT INTO campaign_organizations (campaign_id, organization_id, role) VALUES ($1, $2, 'signatory')`, [
        campaignId,
        member.organizationId,
      ]),
    );
    world.smtp.refuse.set(member.email, REFUSAL);
    return member;
  }

  /** A follow-up assigned to `person` (which e-mails them an `assignment` notification); its 7-days-before reminder made due now. */
  async function followUpFor(person: TestUser, title: string): Promise<{ followUpId: string; reminderId: string }> {
    const followUpId = (
      await call(world.api.url, 'POST', `/api/campaigns/${campaignId}/follow-ups`, as, {
        organizationId: person.organizationId,
        assigneeId: person.id,
        title,
        dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      })
    ).body.id as string;
    const reminderId = await withDb(async (db) => {
      const r = await db.query(
        `SELECT id FROM reminders WHERE subject_id = $1 AND recipient_id = $2 AND status = 'pending' AND offset_days = 7`,
        [followUpId, person.id],
      );
      await db.query(`UPDATE reminders SET fire_at = now() + interval '200 milliseconds' WHERE id = $1`, [r.rows[0].id]);
      return r.rows[0].id as string;
    });
    return { followUpId, reminderId };
  }

  const list = async (query = ''): Promise<Item[]> => {
    const res = await call(world.api.url, 'GET', `/api/admin/failed-deliveries${query}`, admin);
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  };
  const reminderRow = async (id: string) =>
    (await withDb((db) => db.query(`SELECT status, attempts, last_error FROM reminders WHERE id = $1`, [id]))).rows[0];
  const emailRow = async (id: string) =>
    (
      await withDb((db) =>
        db.query(`SELECT email_status, email_attempts, email_last_error, email_failed_at FROM notifications WHERE id = $1`, [id]),
      )
    ).rows[0];
  const assignmentOf = async (userId: string): Promise<string> =>
    until(
      'the assignment notification',
      async () =>
        (await withDb((db) => db.query(`SELECT id FROM notifications WHERE user_id = $1 AND kind = 'assignment'`, [userId]))).rows[0]
          ?.id as string | undefined,
      (id) => id !== undefined,
    ) as Promise<string>;

  it('lists a reminder refused with a 550 as failed, with its last error, and retries it once the mailbox takes mail', async () => {
    const person = await refusedMember();
    const { followUpId, reminderId } = await followUpFor(person, 'Call the rapporteur');
    await until(
      'the reminder to fail',
      () => reminderRow(reminderId),
      (r) => r.status === 'failed',
    );
    const queue = world.worker.get<Queue>(getQueueToken(QUEUES.reminders), { strict: false });
    expect(await (await queue.getJob(deliveryJobId(reminderId)))?.getState()).toBe('failed');

    const item = (await list('?kind=reminder')).find((i) => i.id === reminderId);
    expect(item).toMatchObject({
      kind: 'reminder',
      recipient: { id: person.id, email: person.email, name: 'Test member' },
      subject: {
        type: 'follow_up',
        title: 'Call the rapporteur',
        notificationKind: null,
        link: `/campaigns/${campaignId}/follow-ups/${followUpId}`,
        campaign: { id: campaignId },
      },
      attempts: 1,
      lastError: expect.stringMatching(/550.*Mailbox unavailable/),
    });
    expect(Date.parse(item!.failedAt)).toBeGreaterThan(Date.now() - 60_000);
    // `kind=email` leaves reminders out.
    expect((await list('?kind=email')).some((i) => i.id === reminderId)).toBe(false);

    world.smtp.refuse.delete(person.email);
    const retried = await call(world.api.url, 'POST', `/api/admin/failed-deliveries/reminder/${reminderId}/retry`, admin);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ id: reminderId, kind: 'reminder', status: 'pending' });
    const messageId = reminderMessageId(reminderId, HOST);
    await world.smtp.waitFor(person.email, (m) => m.messageId === messageId, 15_000);
    expect(
      await until(
        'the reminder to be sent',
        () => reminderRow(reminderId),
        (r) => r.status !== 'pending',
      ),
    ).toMatchObject({
      status: 'sent',
      attempts: 1,
      last_error: null,
    });
    expect(world.smtp.messages.filter((m) => m.messageId === messageId)).toHaveLength(1);
    expect((await list()).some((i) => i.id === reminderId)).toBe(false);
    // Audited.
    const audit = await withDb((db) =>
      db.query(`SELECT action, subject_type FROM audit_events WHERE subject_id = $1 AND action = 'delivery.retried'`, [reminderId]),
    );
    expect(audit.rows).toEqual([{ action: 'delivery.retried', subject_type: 'reminder' }]);

    // Sent, so not failed: nothing to retry.
    const again = await call(world.api.url, 'POST', `/api/admin/failed-deliveries/reminder/${reminderId}/retry`, admin);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('not_failed');
  });

  it('lists a notification e-mail refused with a 550 with its last error, and retries it', async () => {
    const person = await refusedMember();
    await followUpFor(person, 'Draft the reply');
    const notificationId = await assignmentOf(person.id);
    await until(
      'the e-mail to fail',
      () => emailRow(notificationId),
      (r) => r.email_status === 'failed',
    );
    const queue = world.worker.get<Queue>(getQueueToken(QUEUES.notifications), { strict: false });
    await until(
      'its job to fail',
      async () => (await queue.getJob(emailJobId(notificationId)))?.getState(),
      (s) => s === 'failed',
    );

    const item = (await list('?kind=email')).find((i) => i.id === notificationId);
    expect(item).toMatchObject({
      kind: 'email',
      recipient: { id: person.id, email: person.email },
      subject: { type: 'notification', notificationKind: 'assignment', campaign: { id: campaignId } },
      attempts: 1,
      lastError: expect.stringMatching(/550.*Mailbox unavailable/),
    });
    expect(item!.subject.title).not.toBe('');

    world.smtp.refuse.delete(person.email);
    const before = world.smtp.to(person.email).length;
    const retried = await call(world.api.url, 'POST', `/api/admin/failed-deliveries/email/${notificationId}/retry`, admin);
    expect(retried.status).toBe(200);
    await until(
      'the e-mail to be sent',
      () => emailRow(notificationId),
      (r) => r.email_status === 'sent',
    );
    expect(await emailRow(notificationId)).toMatchObject({ email_attempts: 1, email_last_error: null, email_failed_at: null });
    await until(
      'the message',
      async () => world.smtp.to(person.email).length,
      (n) => n > before,
    );
    await new Promise((r) => setTimeout(r, 500));
    const messageId = notificationMessageId(notificationId, HOST);
    expect(world.smtp.messages.filter((m) => m.messageId === messageId)).toHaveLength(1);

    const again = await call(world.api.url, 'POST', `/api/admin/failed-deliveries/email/${notificationId}/retry`, admin);
    expect(again.status).toBe(409);
  });

  it('pages latest first with a cursor, rows failed at the same instant included', async () => {
    const person = await createUser('member');
    // Three failed e-mails, two of them at one instant (the cursor breaks the tie by id).
    await withDb((db) =>
      db.query(
        `INSERT INTO notifications (user_id, kind, title, email_status, email_attempts, email_last_error, email_failed_at)
         SELECT $1, 'other', 'Paged ' || n, 'failed', 1, '550 no', now() + interval '1 hour' - (CASE WHEN n = 1 THEN 0 ELSE 1 END) * interval '1 second'
         FROM generate_series(1, 3) n`,
        [person.id],
      ),
    );
    const all = await list('?limit=100');
    expect(all.length).toBeGreaterThanOrEqual(3);
    const sorted = [...all].sort((a, b) => b.failedAt.localeCompare(a.failedAt) || b.id.localeCompare(a.id));
    expect(all).toEqual(sorted);
    const seen: Item[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(world.api.url, 'GET', `/api/admin/failed-deliveries?limit=1${cursor ? `&cursor=${cursor}` : ''}`, admin);
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as Item[]));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.slice(0, 3).map((i) => i.subject.title)).toEqual([
      'Paged 1',
      expect.stringMatching(/^Paged [23]$/),
      expect.stringMatching(/^Paged [23]$/),
    ]);
  });

  it('is for admins only, and checks what it is given', async () => {
    expect((await call(world.api.url, 'GET', '/api/admin/failed-deliveries', as)).status).toBe(403);
    const member = await signIn(world.api.url, (await createUser('member')).email);
    expect((await call(world.api.url, 'GET', '/api/admin/failed-deliveries', member)).status).toBe(403);
    expect((await call(world.api.url, 'POST', `/api/admin/failed-deliveries/reminder/${crypto.randomUUID()}/retry`, as)).status).toBe(403);
    expect((await call(world.api.url, 'GET', '/api/admin/failed-deliveries', null)).status).toBe(401);
    expect((await call(world.api.url, 'GET', '/api/admin/failed-deliveries?kind=webhook', admin)).status).toBe(400);
    expect((await call(world.api.url, 'GET', '/api/admin/failed-deliveries?cursor=nope', admin)).status).toBe(400);
    expect((await call(world.api.url, 'POST', `/api/admin/failed-deliveries/webhook/${crypto.randomUUID()}/retry`, admin)).status).toBe(
      400,
    );
    expect((await call(world.api.url, 'POST', `/api/admin/failed-deliveries/reminder/${crypto.randomUUID()}/retry`, admin)).status).toBe(
      404,
    );
    expect((await call(world.api.url, 'POST', `/api/admin/failed-deliveries/email/not-an-id/retry`, admin)).status).toBe(400);
  });
});
