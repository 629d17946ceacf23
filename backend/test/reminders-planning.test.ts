import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { createCampaign, createDemand, createMilestone, createOffice } from './support/campaigns.js';
import { uniqueName } from './support/databases.js';
import { startApi, type RunningApp } from './support/test-app.js';

interface Row {
  recipient_id: string;
  kind: string;
  offset_days: number;
  fire_at: Date;
  due_at: Date;
  status: string;
}

const reminders = (subjectId: string, status = 'pending') =>
  withDb(
    async (db) =>
      (
        await db.query(
          `SELECT recipient_id, kind, offset_days, fire_at, due_at, status FROM reminders WHERE subject_id = $1 AND status = $2 ORDER BY recipient_id, fire_at`,
          [subjectId, status],
        )
      ).rows as Row[],
  );

const localTime = (d: Date, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);

describe('reminder rows follow the deadlines, in the same transaction', () => {
  let api: RunningApp;
  let coordinator: TestUser;
  let member: TestUser;
  let observer: TestUser;
  let as: Browser;
  let campaignId: string;
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

  beforeAll(async () => {
    api = await startApi();
    const org = uniqueName('Org');
    coordinator = await createUser('coordinator', { organization: org });
    member = await createUser('member', { organization: org });
    observer = await createUser('observer', { organization: org });
    await withDb((db) => db.query(`UPDATE users SET time_zone = 'Asia/Tokyo' WHERE id = $1`, [member.id]));
    as = await signIn(api.url, coordinator.email);
    campaignId = await createCampaign([{ id: coordinator.organizationId, role: 'lead' }]);
  });
  afterAll(async () => {
    await api.close();
  });

  const newFollowUp = async (body: Record<string, unknown> = {}) =>
    (
      await call(api.url, 'POST', `/api/campaigns/${campaignId}/follow-ups`, as, {
        organizationId: coordinator.organizationId,
        title: 'Call the mission',
        dueAt: inDays(10),
        ...body,
      })
    ).body.id as string;

  it("plans a follow-up's reminders for its organization's coordinators and members, at 09:00 where each of them is", async () => {
    const id = await newFollowUp();
    const rows = await reminders(id);
    const recipients = [...new Set(rows.map((r) => r.recipient_id))].sort();
    expect(recipients).toEqual([coordinator.id, member.id].sort());
    const forMember = rows.filter((r) => r.recipient_id === member.id);
    expect(forMember.map((r) => [r.kind, r.offset_days]).slice(0, 4)).toEqual([
      ['before', 7],
      ['before', 2],
      ['before', 1],
      ['due', 0],
    ]);
    for (const r of forMember.filter((x) => x.kind === 'before')) expect(localTime(r.fire_at, 'Asia/Tokyo')).toBe('09:00');
    expect(forMember.filter((r) => r.kind === 'overdue')).toHaveLength(15);
    expect(rows.some((r) => r.recipient_id === observer.id)).toBe(false);
  });

  it('reminds only the assignee when there is one', async () => {
    const id = await newFollowUp({ assigneeId: member.id });
    expect([...new Set((await reminders(id)).map((r) => r.recipient_id))]).toEqual([member.id]);
  });

  it('replaces the reminders when the due date moves, and stops them when done; reopening plans them again', async () => {
    const id = await newFollowUp();
    const newDue = inDays(20);
    await call(api.url, 'PATCH', `/api/follow-ups/${id}`, as, { dueAt: newDue });
    const pending = await reminders(id);
    expect(new Set(pending.map((r) => r.due_at.toISOString()))).toEqual(new Set([newDue]));
    expect((await reminders(id, 'cancelled')).length).toBeGreaterThan(0);
    await call(api.url, 'PATCH', `/api/follow-ups/${id}`, as, { status: 'done' });
    expect(await reminders(id)).toEqual([]);
    await call(api.url, 'PATCH', `/api/follow-ups/${id}`, as, { status: 'open' });
    expect((await reminders(id)).length).toBe(pending.length);
  });

  it('changes nothing when the request fails', async () => {
    const id = await newFollowUp();
    const before = await reminders(id);
    const stranger = await createUser('member');
    const r = await call(api.url, 'PATCH', `/api/follow-ups/${id}`, as, { dueAt: inDays(30), organizationId: stranger.organizationId });
    expect(r.status).toBe(400);
    expect(await reminders(id)).toEqual(before);
  });

  it("plans a sent demand's deadline for the lead organization's coordinators, and stops when it is answered", async () => {
    const { officeId } = await createOffice();
    const demand = (
      await call(api.url, 'POST', `/api/campaigns/${campaignId}/demands`, as, {
        officeId,
        text: 'Convene',
        category: 'meeting',
        deadline: { at: inDays(5) },
      })
    ).body.id as string;
    expect(await reminders(demand)).toEqual([]); // a draft reminds nobody
    await call(api.url, 'POST', `/api/demands/${demand}/transitions`, as, { to: 'sent' });
    const rows = await reminders(demand);
    expect([...new Set(rows.map((r) => r.recipient_id))]).toEqual([coordinator.id]);
    expect(rows.map((r) => r.kind)).toContain('due');
    await call(api.url, 'POST', `/api/demands/${demand}/transitions`, as, { to: 'met' });
    expect(await reminders(demand)).toEqual([]);
  });

  it('moves demand reminders with the milestone the deadline follows', async () => {
    const { officeId } = await createOffice();
    const soon = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 19 * 86_400_000).toISOString().slice(0, 10);
    const milestoneId = await createMilestone(campaignId, soon, 'Europe/Zurich');
    const demand = await createDemand(campaignId, officeId, 'draft');
    await call(api.url, 'PATCH', `/api/demands/${demand}`, as, { deadline: { milestoneId } });
    await call(api.url, 'POST', `/api/demands/${demand}/transitions`, as, { to: 'sent' });
    const before = (await reminders(demand)).find((r) => r.kind === 'due')!;
    await call(api.url, 'PATCH', `/api/milestones/${milestoneId}`, as, { occursOn: later });
    const after = (await reminders(demand)).find((r) => r.kind === 'due')!;
    expect(after.fire_at.getTime() - before.fire_at.getTime()).toBe(10 * 86_400_000);
  });

  it("follows the campaign's own policy, set by a coordinator, at once", async () => {
    const own = await createCampaign([{ id: coordinator.organizationId, role: 'lead' }]);
    const id = (
      await call(api.url, 'POST', `/api/campaigns/${own}/follow-ups`, as, {
        organizationId: coordinator.organizationId,
        title: 'x',
        dueAt: inDays(10),
        assigneeId: member.id,
      })
    ).body.id as string;
    const policy = { daysBefore: [3], localTime: '08:30', atDue: true, overdueEveryDays: 0, overdueForDays: 0, escalateAfterDays: 5 };
    const r = await call(api.url, 'PATCH', `/api/campaigns/${own}`, as, { reminderPolicy: policy });
    expect(r.body).toMatchObject({ reminderPolicy: policy, customReminderPolicy: true });
    const rows = await reminders(id);
    expect(rows.map((x) => [x.kind, x.offset_days])).toEqual([
      ['before', 3],
      ['due', 0],
    ]);
    expect(localTime(rows[0]!.fire_at, 'Asia/Tokyo')).toBe('08:30');
    const bad = await call(api.url, 'PATCH', `/api/campaigns/${own}`, as, {
      reminderPolicy: { ...policy, localTime: '25:00', daysBefore: [0] },
    });
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'reminderPolicy.daysBefore',
      'reminderPolicy.localTime',
    ]);
    const reset = await call(api.url, 'PATCH', `/api/campaigns/${own}`, as, { reminderPolicy: null });
    expect(reset.body).toMatchObject({ customReminderPolicy: false, reminderPolicy: { daysBefore: [7, 2, 1], localTime: '09:00' } });
    expect((await reminders(id)).length).toBe(19);
  });

  it('stops every reminder of a campaign that is concluded, and plans them again when it is reopened', async () => {
    const own = await createCampaign([{ id: coordinator.organizationId, role: 'lead' }]);
    const id = (
      await call(api.url, 'POST', `/api/campaigns/${own}/follow-ups`, as, {
        organizationId: coordinator.organizationId,
        title: 'x',
        dueAt: inDays(10),
      })
    ).body.id as string;
    const count = (await reminders(id)).length;
    await call(api.url, 'POST', `/api/campaigns/${own}/status`, as, { status: 'concluded' });
    expect(await reminders(id)).toEqual([]);
    await call(api.url, 'POST', `/api/campaigns/${own}/status`, as, { status: 'active' });
    expect((await reminders(id)).length).toBe(count);
  });
});
