import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { createCampaign } from './support/campaigns.js';
import { startApi, type RunningApp } from './support/test-app.js';
import { startWorld, type World } from './support/world.js';
import { readUntil } from './support/sse.js';

describe('in-app notifications', () => {
  let world: World;
  let other: RunningApp;
  let coordinator: TestUser;
  let as: Browser;
  let campaignId: string;

  beforeAll(async () => {
    world = await startWorld({ REMINDER_SWEEP_MS: '300' });
    other = await startApi(world.config);
    coordinator = await createUser('coordinator');
    as = await signIn(world.api.url, coordinator.email);
    campaignId = await createCampaign([{ id: coordinator.organizationId, role: 'lead' }]);
  });
  afterAll(async () => {
    await world.close();
    await other.close();
  });

  async function dueReminder(title: string): Promise<string> {
    const dueAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const followUpId = (
      await call(world.api.url, 'POST', `/api/campaigns/${campaignId}/follow-ups`, as, {
        organizationId: coordinator.organizationId,
        title,
        dueAt,
      })
    ).body.id as string;
    return withDb(async (db) => {
      const r = await db.query(
        `UPDATE reminders SET fire_at = now() WHERE subject_id = $1 AND status = 'pending' AND offset_days = 7 RETURNING id`,
        [followUpId],
      );
      return r.rows[0].id as string;
    });
  }

  it('pushes a reminder live to a stream open on another API process, and stores it once', async () => {
    const stream = await fetch(`${other.url}/api/notifications/stream`, { headers: { cookie: as.cookie, accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reminderId = await dueReminder('Call the Geneva mission');
    const text = await readUntil(stream, (t) => t.includes('Call the Geneva mission'));
    expect(text).toMatch(/event: notification/);
    const data = JSON.parse(/data: (\{.*\})/.exec(text)![1]!);
    expect(data).toMatchObject({
      kind: 'reminder',
      body: 'Call the Geneva mission',
      link: expect.stringMatching(new RegExp(`^/campaigns/${campaignId}/follow-ups/[0-9a-f-]{36}$`)),
      readAt: null,
    });
    const { rows } = await withDb((db) =>
      db.query(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = $1`, [`reminder:${reminderId}`]),
    );
    expect(rows[0].n).toBe(1);
  });

  it('lists, counts unread, and marks read one or all', async () => {
    await dueReminder('Second reminder');
    const deadline = Date.now() + 8000;
    while ((await call(world.api.url, 'GET', '/api/notifications/unread-count', as)).body.unread < 2) {
      if (Date.now() > deadline) throw new Error('notifications never arrived');
      await new Promise((r) => setTimeout(r, 100));
    }
    const list = await call(world.api.url, 'GET', '/api/notifications?limit=1', as);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.nextCursor).toBeTruthy();
    const read = await call(world.api.url, 'POST', `/api/notifications/${list.body.items[0].id}/read`, as);
    expect(read.body.readAt).toBeTruthy();
    expect((await call(world.api.url, 'GET', '/api/notifications/unread-count', as)).body.unread).toBe(1);
    expect((await call(world.api.url, 'GET', '/api/notifications?unread=true', as)).body.items).toHaveLength(1);
    await call(world.api.url, 'POST', '/api/notifications/read-all', as);
    expect((await call(world.api.url, 'GET', '/api/notifications/unread-count', as)).body.unread).toBe(0);
  });

  it('tells the people a follow-up is assigned to, once per assignment', async () => {
    const partnerMember = await createUser('member');
    // An observer of the same organization, who is not told: observers do not act on follow-ups.
    await createUser('observer', {
      organization: (await withDb((db) => db.query('SELECT name FROM organizations WHERE id = $1', [partnerMember.organizationId]))).rows[0]
        .name,
    });
    await withDb((db) =>
      db.query(`INSERT INTO campaign_organizations (campaign_id, organization_id, role) VALUES ($1, $2, 'signatory')`, [
        campaignId,
        partnerMember.organizationId,
      ]),
    );
    const asPartner = await signIn(world.api.url, partnerMember.email);
    const stream = await fetch(`${other.url}/api/notifications/stream`, { headers: { cookie: asPartner.cookie } });
    const created = await call(world.api.url, 'POST', `/api/campaigns/${campaignId}/follow-ups`, as, {
      organizationId: partnerMember.organizationId,
      title: 'Translate the letter into Spanish',
      dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    });
    const text = await readUntil(stream, (t) => t.includes('Translate the letter into Spanish'));
    expect(JSON.parse(/data: (\{.*\})/.exec(text)![1]!)).toMatchObject({ kind: 'assignment', title: 'Translate the letter into Spanish' });
    await call(world.api.url, 'PATCH', `/api/follow-ups/${created.body.id}`, as, { title: 'Translate the letter' });
    const { rows } = await withDb((db) =>
      db.query(`SELECT user_id FROM notifications WHERE kind = 'assignment' AND dedupe_key LIKE $1`, [`assignment:${created.body.id}:%`]),
    );
    expect(rows.map((r: { user_id: string }) => r.user_id)).toEqual([partnerMember.id]);
  });

  it("keeps each person's notifications their own", async () => {
    const stranger = await signIn(world.api.url, (await createUser('member')).email);
    const mine = await call(world.api.url, 'GET', '/api/notifications?limit=1', as);
    expect((await call(world.api.url, 'POST', `/api/notifications/${mine.body.items[0].id}/read`, stranger)).status).toBe(404);
    expect((await call(world.api.url, 'GET', '/api/notifications', stranger)).body.items).toEqual([]);
    expect((await fetch(`${world.api.url}/api/notifications/stream`)).status).toBe(401);
  });
});
