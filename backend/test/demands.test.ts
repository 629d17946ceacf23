import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { createCampaign, createDemand, createMilestone, createOffice } from './support/campaigns.js';
import { startApi, type RunningApp } from './support/test-app.js';

const wallClock = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

describe('demands and milestones', () => {
  let api: RunningApp;
  let coordinator: TestUser;
  let as: Browser;
  let campaignId: string;
  let office: Awaited<ReturnType<typeof createOffice>>;

  beforeAll(async () => {
    api = await startApi();
    coordinator = await createUser('coordinator');
    as = await signIn(api.url, coordinator.email);
    campaignId = await createCampaign([{ id: coordinator.organizationId, role: 'lead' }]);
    const today = new Date();
    const inTenDays = new Date(today.getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    office = await createOffice([
      { holder: 'Luis Almagro Lemes', from: '2015-05-26', until: '2025-05-25' },
      { holder: 'Albert Ramdin', from: '2025-05-26', until: inTenDays },
    ]);
  });
  afterAll(async () => {
    await api.close();
  });

  const create = (body: Record<string, unknown>) =>
    call(api.url, 'POST', `/api/campaigns/${campaignId}/demands`, as, {
      officeId: office.officeId,
      text: 'Speak out',
      category: 'statement',
      ...body,
    });

  it('creates a draft with a fixed deadline in the seat zone by default, showing the current holder', async () => {
    const r = await create({ deadline: { at: '2025-04-30T23:59:00-04:00' }, reference: 'sc-emergency-meeting', priority: 'urgent' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'draft',
      nextStatuses: ['sent', 'withdrawn'],
      priority: 'urgent',
      reference: 'sc-emergency-meeting',
      deadline: { at: '2025-05-01T03:59:00.000Z', timeZone: 'America/New_York', follows: 'fixed', milestoneId: null },
      office: { id: office.officeId, seatTimeZone: 'America/New_York', currentHolder: { name: 'Albert Ramdin', endsSoon: true } },
      history: [{ fromStatus: null, toStatus: 'draft', actorId: coordinator.id }],
    });
    expect((await create({ reference: 'sc-emergency-meeting' })).body).toMatchObject({ statusCode: 409, code: 'reference_taken' });
  });

  it('follows a milestone (end of its day, where it happens) and moves with it', async () => {
    const milestoneId = await createMilestone(campaignId, '2025-06-16', 'Europe/Zurich');
    const r = await create({ deadline: { milestoneId } });
    expect(r.body.deadline).toMatchObject({
      follows: 'milestone',
      milestoneId,
      timeZone: 'Europe/Zurich',
      milestoneTitle: 'Session opens',
    });
    expect(wallClock(r.body.deadline.at, 'Europe/Zurich')).toBe('2025-06-16, 23:59');

    const moved = await call(api.url, 'PATCH', `/api/milestones/${milestoneId}`, as, { occursOn: '2025-06-18' });
    expect(moved.body).toMatchObject({ occursOn: '2025-06-18', demandCount: 1 });
    const after = await call(api.url, 'GET', `/api/demands/${r.body.id}`, as);
    expect(wallClock(after.body.deadline.at, 'Europe/Zurich')).toBe('2025-06-18, 23:59');
    const { rows } = await withDb((db) => db.query(`SELECT action, after FROM audit_events WHERE subject_id = $1`, [milestoneId]));
    expect(rows[0]).toMatchObject({ action: 'milestone.moved', after: { occursOn: '2025-06-18', deadlinesMoved: 1 } });

    expect((await call(api.url, 'DELETE', `/api/milestones/${milestoneId}`, as)).status).toBe(204);
    const kept = await call(api.url, 'GET', `/api/demands/${r.body.id}`, as);
    expect(kept.body.deadline).toMatchObject({ follows: 'fixed', milestoneId: null, at: after.body.deadline.at });
  });

  it("binds a deadline to the end of a term of the demand's office", async () => {
    const r = await create({ deadline: { termId: office.termIds[0] } });
    expect(r.body.deadline).toMatchObject({ follows: 'term', termId: office.termIds[0], timeZone: 'America/New_York' });
    expect(wallClock(r.body.deadline.at, 'America/New_York')).toBe('2025-05-25, 23:59');
    const other = await createOffice([{ holder: 'Someone', from: null, until: '2025-04-30' }]);
    expect((await create({ deadline: { termId: other.termIds[0] } })).body.details).toEqual([
      { field: 'deadline.termId', message: "is not a term of the demand's office" },
    ]);
  });

  it('moves a term-bound deadline when the term’s end date changes', async () => {
    const own = await createOffice([{ holder: 'Jérôme Bonnafont (France)', from: '2025-04-01', until: '2025-04-30' }]);
    const r = await create({ officeId: own.officeId, deadline: { termId: own.termIds[0] } });
    expect(wallClock(r.body.deadline.at, 'America/New_York')).toBe('2025-04-30, 23:59');
    expect((await call(api.url, 'PATCH', `/api/terms/${own.termIds[0]}`, as, { endsOn: '2025-05-02' })).status).toBe(200);
    const after = await call(api.url, 'GET', `/api/demands/${r.body.id}`, as);
    expect(wallClock(after.body.deadline.at, 'America/New_York')).toBe('2025-05-02, 23:59');
    expect(after.body.deadline.follows).toBe('term');
  });

  it('refuses bad input field by field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ category: 'petition' }, 'category'],
      [{ officeId: '00000000-0000-4000-8000-000000000000' }, 'officeId'],
      [{ deadline: { at: '2025-04-30T23:59:00Z', milestoneId: '00000000-0000-4000-8000-000000000000' } }, 'deadline'],
      [{ deadline: { at: 'tomorrow' } }, 'deadline.at'],
      [{ deadline: { at: '2025-04-30T23:59:00Z', timeZone: 'Mars/Base' } }, 'deadline.timeZone'],
      [{ deadline: { milestoneId: '00000000-0000-4000-8000-000000000000' } }, 'deadline.milestoneId'],
      [{ status: 'met' }, 'status'],
      [{ campaignId: '00000000-0000-4000-8000-000000000000' }, 'campaignId'],
    ];
    for (const [body, field] of cases) {
      const r = await create(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(
        r.body.details.map((d: { field: string }) => d.field),
        JSON.stringify(body),
      ).toContain(field);
    }
  });

  it('moves status only along the table, recording who, when and why; 409 lists what is allowed', async () => {
    const id = (await create({})).body.id as string;
    const illegal = await call(api.url, 'POST', `/api/demands/${id}/transitions`, as, { to: 'met' });
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ code: 'illegal_transition', current: 'draft', allowed: ['sent', 'withdrawn'] });

    const sent = await call(api.url, 'POST', `/api/demands/${id}/transitions`, as, { to: 'sent', note: 'Delivered by email' });
    expect(sent.body).toMatchObject({
      status: 'sent',
      nextStatuses: ['acknowledged', 'under_consideration', 'partially_met', 'met', 'rejected', 'withdrawn'],
    });
    expect(sent.body.sentAt).toBeTruthy();
    expect((await call(api.url, 'POST', `/api/demands/${id}/transitions`, as, { to: 'no_response' })).body).toMatchObject({
      code: 'illegal_transition',
    });
    await call(api.url, 'POST', `/api/demands/${id}/transitions`, as, { to: 'met', note: 'Special Envoy appointed' });
    expect((await call(api.url, 'POST', `/api/demands/${id}/transitions`, as, { to: 'rejected' })).body).toMatchObject({
      code: 'illegal_transition',
      allowed: [],
    });

    const noNote = await call(api.url, 'POST', `/api/demands/${id}/transitions`, as, { to: 'under_consideration', correction: true });
    expect(noNote.body.details).toEqual([{ field: 'note', message: 'must say why, for a correction' }]);
    const corrected = await call(api.url, 'POST', `/api/demands/${id}/transitions`, as, {
      to: 'under_consideration',
      correction: true,
      note: 'Logged on the wrong demand',
    });
    expect(corrected.body.status).toBe('under_consideration');
    expect(corrected.body.history.map((h: { toStatus: string; note: string | null }) => [h.toStatus, h.note])).toEqual([
      ['draft', null],
      ['sent', 'Delivered by email'],
      ['met', 'Special Envoy appointed'],
      ['under_consideration', 'Logged on the wrong demand'],
    ]);
    const { rows } = await withDb((db) => db.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`, [id]));
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'demand.created',
      'demand.status_changed',
      'demand.status_changed',
      'demand.status_corrected',
    ]);
  });

  it('lets one of two concurrent moves win; the other gets 409 and history stays consistent', async () => {
    const id = await createDemand(campaignId, office.officeId, 'sent');
    const [a, b] = await Promise.all([
      call(api.url, 'POST', `/api/demands/${id}/transitions`, as, { to: 'acknowledged', from: 'sent' }),
      call(api.url, 'POST', `/api/demands/${id}/transitions`, as, { to: 'under_consideration', from: 'sent' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body).toMatchObject({ code: 'stale_status', current: winner.body.status });
    const { rows } = await withDb((db) => db.query(`SELECT from_status, to_status FROM demand_status_changes WHERE demand_id = $1`, [id]));
    expect(rows).toEqual([{ from_status: 'sent', to_status: winner.body.status }]);
    const status = await withDb((db) => db.query(`SELECT status FROM demands WHERE id = $1`, [id]));
    expect(status.rows[0].status).toBe(winner.body.status);
  });

  it('edits a demand and records before and after', async () => {
    const id = (await create({ text: 'Old words' })).body.id as string;
    const r = await call(api.url, 'PATCH', `/api/demands/${id}`, as, {
      text: 'New words',
      deadline: null,
      notes: 'checked against the letter',
    });
    expect(r.body).toMatchObject({ text: 'New words', deadline: null, notes: 'checked against the letter' });
    const { rows } = await withDb((db) =>
      db.query(`SELECT before, after FROM audit_events WHERE subject_id = $1 AND action = 'demand.updated'`, [id]),
    );
    expect(rows[0].before).toMatchObject({ text: 'Old words', notes: null });
    expect(rows[0].after).toMatchObject({ text: 'New words', notes: 'checked against the letter', deadlineAt: null });
  });

  it('lists in letter order with filters, text search and keyset pages', async () => {
    const own = await createCampaign([{ id: coordinator.organizationId, role: 'lead' }]);
    const second = await createOffice();
    const ids = [
      await createDemand(own, office.officeId, 'sent', 'appoint a Special Envoy'),
      await createDemand(own, second.officeId, 'met', 'release the agreement'),
      await createDemand(own, office.officeId, 'sent', 'cessation of transfers'),
    ];
    const all = await call(api.url, 'GET', `/api/campaigns/${own}/demands`, as);
    expect(all.body.items.map((d: { id: string }) => d.id)).toEqual(ids);
    expect(
      (await call(api.url, 'GET', `/api/campaigns/${own}/demands?status=sent`, as)).body.items.map((d: { id: string }) => d.id),
    ).toEqual([ids[0], ids[2]]);
    expect(
      (await call(api.url, 'GET', `/api/campaigns/${own}/demands?officeId=${second.officeId}`, as)).body.items.map(
        (d: { id: string }) => d.id,
      ),
    ).toEqual([ids[1]]);
    expect(
      (await call(api.url, 'GET', `/api/campaigns/${own}/demands?q=special%20envoy`, as)).body.items.map((d: { id: string }) => d.id),
    ).toEqual([ids[0]]);
    const p1 = await call(api.url, 'GET', `/api/campaigns/${own}/demands?limit=2`, as);
    const p2 = await call(api.url, 'GET', `/api/campaigns/${own}/demands?limit=2&cursor=${p1.body.nextCursor}`, as);
    expect([...p1.body.items, ...p2.body.items].map((d: { id: string }) => d.id)).toEqual(ids);
    expect(p2.body.nextCursor).toBeNull();
  });

  it('creates, lists and validates milestones', async () => {
    const own = await createCampaign([{ id: coordinator.organizationId, role: 'lead' }]);
    const m = await call(api.url, 'POST', `/api/campaigns/${own}/milestones`, as, {
      title: 'UNSC presidency ends',
      occursOn: '2025-04-30',
      timeZone: 'America/New_York',
      kind: 'deadline',
    });
    expect(m.status).toBe(201);
    await call(api.url, 'POST', `/api/campaigns/${own}/milestones`, as, {
      title: 'Letter sent',
      occursOn: '2025-04-29',
      timeZone: 'America/New_York',
      kind: 'campaign',
    });
    const list = await call(api.url, 'GET', `/api/campaigns/${own}/milestones`, as);
    expect(list.body.items.map((x: { title: string }) => x.title)).toEqual(['Letter sent', 'UNSC presidency ends']);
    const bad = await call(api.url, 'POST', `/api/campaigns/${own}/milestones`, as, {
      title: 'x',
      occursOn: '2025-13-01',
      timeZone: 'Nowhere/Place',
      kind: 'party',
    });
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['kind', 'occursOn', 'timeZone']);
  });
});
