import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { createCampaign, createDemand, createOffice } from './support/campaigns.js';
import { startApi, type RunningApp } from './support/test-app.js';

describe('responses, follow-ups and the timeline', () => {
  let api: RunningApp;
  let coordinator: TestUser;
  let member: TestUser;
  let partnerMember: TestUser;
  let as: Browser;
  let asMember: Browser;
  let asPartner: Browser;
  let campaignId: string;
  let office: Awaited<ReturnType<typeof createOffice>>;
  let otherOffice: Awaited<ReturnType<typeof createOffice>>;

  beforeAll(async () => {
    api = await startApi();
    coordinator = await createUser('coordinator');
    member = await createUser('member', {
      organization: (await withDb((db) => db.query('SELECT name FROM organizations WHERE id = $1', [coordinator.organizationId]))).rows[0]
        .name,
    });
    partnerMember = await createUser('member');
    as = await signIn(api.url, coordinator.email);
    asMember = await signIn(api.url, member.email);
    asPartner = await signIn(api.url, partnerMember.email);
    campaignId = await createCampaign([
      { id: coordinator.organizationId, role: 'lead' },
      { id: partnerMember.organizationId, role: 'signatory' },
    ]);
    office = await createOffice();
    otherOffice = await createOffice();
  });
  afterAll(async () => {
    await api.close();
  });

  const log = (who: Browser, body: Record<string, unknown>) =>
    call(api.url, 'POST', `/api/campaigns/${campaignId}/responses`, who, {
      institutionId: office.institutionId,
      receivedOn: '2025-05-02',
      channel: 'letter',
      summary: 'The office acknowledged receipt',
      assessment: 'non_committal',
      ...body,
    });

  it('logs a response answering several demands and moves their statuses in the same transaction', async () => {
    const [a, b] = [await createDemand(campaignId, office.officeId, 'sent'), await createDemand(campaignId, office.officeId, 'sent')];
    const r = await log(as, {
      demandIds: [a, b],
      statusMoves: [
        { demandId: a, to: 'acknowledged' },
        { demandId: b, to: 'under_consideration' },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body.demands.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([
      [a, 'acknowledged'],
      [b, 'under_consideration'],
    ]);
    expect(r.body.loggedById).toBe(coordinator.id);
    const history = await call(api.url, 'GET', `/api/demands/${a}`, as);
    // The system's note is a key with parameters, worded by whoever reads it.
    expect(history.body.history.at(-1)).toEqual({
      fromStatus: 'sent',
      toStatus: 'acknowledged',
      actorId: coordinator.id,
      actorName: 'Test coordinator',
      note: null,
      systemNote: { key: 'response_logged', params: { receivedOn: '2025-05-02', summary: 'The office acknowledged receipt' } },
      changedAt: expect.any(String),
    });
  });

  it('writes nothing when one of the status moves is illegal', async () => {
    const [a, b] = [await createDemand(campaignId, office.officeId, 'sent'), await createDemand(campaignId, office.officeId, 'met')];
    const before = await withDb((db) => db.query(`SELECT count(*)::int AS n FROM responses WHERE campaign_id = $1`, [campaignId]));
    const r = await log(as, {
      demandIds: [a, b],
      statusMoves: [
        { demandId: a, to: 'acknowledged' },
        { demandId: b, to: 'rejected' },
      ],
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('illegal_transition');
    const after = await withDb((db) => db.query(`SELECT count(*)::int AS n FROM responses WHERE campaign_id = $1`, [campaignId]));
    expect(after.rows[0].n).toBe(before.rows[0].n);
    expect((await withDb((db) => db.query(`SELECT status FROM demands WHERE id = $1`, [a]))).rows[0].status).toBe('sent');
  });

  it('refuses demands of another institution or campaign', async () => {
    const elsewhere = await createDemand(campaignId, otherOffice.officeId, 'sent');
    const r = await log(as, { demandIds: [elsewhere] });
    expect(r.status).toBe(400);
    expect(r.body.details).toEqual([{ field: 'demandIds.0', message: 'is not a demand of this campaign addressed to this institution' }]);
    const mine = await createDemand(campaignId, office.officeId, 'sent');
    expect((await log(asMember, { demandIds: [mine] })).status).toBe(201);
    expect((await log(as, { demandIds: [] })).body.details[0]).toEqual({ field: 'demandIds', message: 'must name at least one demand' });
  });

  it("turns a member's status moves into proposals that a coordinator confirms or rejects, both recorded", async () => {
    const [a, b] = [await createDemand(campaignId, office.officeId, 'sent'), await createDemand(campaignId, office.officeId, 'sent')];
    const logged = await log(asMember, {
      demandIds: [a, b],
      statusMoves: [
        { demandId: a, to: 'partially_met' },
        { demandId: b, to: 'rejected' },
      ],
    });
    expect(logged.status).toBe(201);
    expect(logged.body.demands.map((d: { status: string }) => d.status)).toEqual(['sent', 'sent']);
    const pending = await call(api.url, 'GET', `/api/campaigns/${campaignId}/proposals?status=pending`, as);
    const forA = pending.body.items.find((p: { demandId: string }) => p.demandId === a);
    const forB = pending.body.items.find((p: { demandId: string }) => p.demandId === b);
    expect(forA).toMatchObject({ toStatus: 'partially_met', status: 'pending', proposedById: member.id, responseId: logged.body.id });

    expect((await call(api.url, 'POST', `/api/proposals/${forA.id}/confirm`, asMember, {})).status).toBe(403);
    const confirmed = await call(api.url, 'POST', `/api/proposals/${forA.id}/confirm`, as, { note: 'Agreed: partial' });
    expect(confirmed.body).toMatchObject({
      status: 'confirmed',
      decidedById: coordinator.id,
      decisionNote: 'Agreed: partial',
      demandStatus: 'partially_met',
    });
    const rejected = await call(api.url, 'POST', `/api/proposals/${forB.id}/reject`, as, { note: 'Not a rejection, only silence' });
    expect(rejected.body).toMatchObject({ status: 'rejected', demandStatus: 'sent' });
    expect((await call(api.url, 'POST', `/api/proposals/${forB.id}/confirm`, as, {})).body.code).toBe('already_decided');

    const history = await call(api.url, 'GET', `/api/demands/${a}`, as);
    expect(history.body.history.at(-1)).toMatchObject({
      fromStatus: 'sent',
      toStatus: 'partially_met',
      actorId: coordinator.id,
      note: 'Agreed: partial',
      systemNote: null,
    });
    const { rows } = await withDb((db) =>
      db.query(`SELECT action, actor_id FROM audit_events WHERE subject_id = ANY($1) ORDER BY id`, [[a, b]]),
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'demand.status_proposed',
      'demand.status_proposed',
      'demand.status_changed',
      'demand.status_proposal_confirmed',
      'demand.status_proposal_rejected',
    ]);
    expect((await log(asMember, { demandIds: [b], statusMoves: [{ demandId: b, to: 'draft' }] })).status).toBe(409);
  });

  it('notes, as a key naming the proposer, a proposal confirmed without words of the coordinator', async () => {
    const demand = await createDemand(campaignId, office.officeId, 'sent');
    expect((await log(asMember, { demandIds: [demand], statusMoves: [{ demandId: demand, to: 'acknowledged' }] })).status).toBe(201);
    const pending = await call(api.url, 'GET', `/api/campaigns/${campaignId}/proposals?status=pending`, as);
    const proposal = pending.body.items.find((p: { demandId: string }) => p.demandId === demand);
    expect((await call(api.url, 'POST', `/api/proposals/${proposal.id}/confirm`, as, {})).status).toBe(200);
    const history = await call(api.url, 'GET', `/api/demands/${demand}`, as);
    expect(history.body.history.at(-1)).toMatchObject({
      toStatus: 'acknowledged',
      note: null,
      systemNote: { key: 'proposal_confirmed', params: { proposer: 'Test member' } },
    });
  });

  it('lets whoever logged a response edit it, keeping the old version in the timeline', async () => {
    const demand = await createDemand(campaignId, office.officeId, 'sent');
    const logged = await log(asMember, { demandIds: [demand], summary: 'First reading' });
    const edited = await call(api.url, 'PATCH', `/api/responses/${logged.body.id}`, asMember, {
      summary: 'Second reading',
      assessment: 'partial',
    });
    expect(edited.body).toMatchObject({ summary: 'Second reading', assessment: 'partial' });
    expect((await call(api.url, 'PATCH', `/api/responses/${logged.body.id}`, asPartner, { summary: 'Not mine' })).status).toBe(403);
    expect((await call(api.url, 'DELETE', `/api/responses/${logged.body.id}`, asMember)).status).toBe(204);
    const { rows } = await withDb((db) =>
      db.query(`SELECT action, before, after FROM audit_events WHERE subject_id = $1 ORDER BY id`, [logged.body.id]),
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['response.logged', 'response.updated', 'response.deleted']);
    expect(rows[1].before.summary).toBe('First reading');
    expect(rows[2].before.summary).toBe('Second reading');
  });

  it("keeps each demand's latest response on the scorecard through logging, back-dating, relinking and deleting", async () => {
    const [x, y] = [await createDemand(campaignId, office.officeId, 'sent'), await createDemand(campaignId, office.officeId, 'sent')];
    const latest = async (demandId: string): Promise<string | null> => {
      const dashboard = await call(api.url, 'GET', `/api/campaigns/${campaignId}/dashboard`, as);
      const demands = dashboard.body.scorecard.flatMap((row: { demands: { id: string }[] }) => row.demands);
      return demands.find((d: { id: string; lastResponse: { id: string } | null }) => d.id === demandId).lastResponse?.id ?? null;
    };
    expect(await latest(x)).toBeNull();
    const first = (await log(as, { demandIds: [x], receivedOn: '2025-05-10' })).body.id;
    expect(await latest(x)).toBe(first);
    // Received earlier, logged later: not the latest.
    const older = (await log(as, { demandIds: [x, y], receivedOn: '2025-05-01' })).body.id;
    expect([await latest(x), await latest(y)]).toEqual([first, older]);
    // Its received day corrected to after the first: now it is.
    await call(api.url, 'PATCH', `/api/responses/${older}`, as, { receivedOn: '2025-05-20' });
    expect(await latest(x)).toBe(older);
    // Relinked to y only: x falls back to the first.
    await call(api.url, 'PATCH', `/api/responses/${older}`, as, { demandIds: [y] });
    expect([await latest(x), await latest(y)]).toEqual([first, older]);
    // Deleted: x has none left that answer it, y none either.
    expect((await call(api.url, 'DELETE', `/api/responses/${first}`, as)).status).toBe(204);
    expect((await call(api.url, 'DELETE', `/api/responses/${older}`, as)).status).toBe(204);
    expect([await latest(x), await latest(y)]).toEqual([null, null]);
  });

  it('searches and pages responses newest first', async () => {
    const own = await createCampaign([{ id: coordinator.organizationId, role: 'lead' }]);
    const d = await createDemand(own, office.officeId, 'sent');
    for (const [day, summary] of [
      ['2025-05-01', 'Acknowledged receipt'],
      ['2025-05-03', 'Will raise it at the June session'],
      ['2025-05-02', 'Declined to comment'],
    ]) {
      await call(api.url, 'POST', `/api/campaigns/${own}/responses`, as, {
        institutionId: office.institutionId,
        receivedOn: day,
        channel: 'email',
        summary,
        assessment: 'partial',
        demandIds: [d],
      });
    }
    const all = await call(api.url, 'GET', `/api/campaigns/${own}/responses?limit=2`, as);
    expect(all.body.items.map((r: { receivedOn: string }) => r.receivedOn)).toEqual(['2025-05-03', '2025-05-02']);
    const next = await call(api.url, 'GET', `/api/campaigns/${own}/responses?limit=2&cursor=${all.body.nextCursor}`, as);
    expect(next.body.items.map((r: { receivedOn: string }) => r.receivedOn)).toEqual(['2025-05-01']);
    expect((await call(api.url, 'GET', `/api/campaigns/${own}/responses?q=june`, as)).body.items).toHaveLength(1);
    expect((await call(api.url, 'GET', `/api/campaigns/${own}/responses?demandId=${d}`, as)).body.items).toHaveLength(3);
  });

  it('assigns follow-ups, lets the assigned organization progress and complete them, and coordinators reassign', async () => {
    const created = await call(api.url, 'POST', `/api/campaigns/${campaignId}/follow-ups`, as, {
      organizationId: partnerMember.organizationId,
      assigneeId: partnerMember.id,
      title: 'Brief the delegation',
      dueAt: '2030-06-01T09:00:00-04:00',
      dueTimeZone: 'America/New_York',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'open',
      organizationId: partnerMember.organizationId,
      assigneeId: partnerMember.id,
      dueAt: '2030-06-01T13:00:00.000Z',
      overdue: false,
    });
    const id = created.body.id as string;
    expect((await call(api.url, 'PATCH', `/api/follow-ups/${id}`, asPartner, { dueAt: '2031-01-01T00:00:00Z' })).status).toBe(403);
    expect((await call(api.url, 'PATCH', `/api/follow-ups/${id}`, asPartner, { status: 'in_progress' })).body.status).toBe('in_progress');
    const done = await call(api.url, 'PATCH', `/api/follow-ups/${id}`, asPartner, { status: 'done', completionNote: 'Briefed on 2 June' });
    expect(done.body).toMatchObject({ status: 'done', completionNote: 'Briefed on 2 June' });
    expect(done.body.completedAt).toBeTruthy();
    const reassigned = await call(api.url, 'PATCH', `/api/follow-ups/${id}`, as, { organizationId: coordinator.organizationId });
    expect(reassigned.body).toMatchObject({ organizationId: coordinator.organizationId, assigneeId: null });
    const { rows } = await withDb((db) => db.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`, [id]));
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'follow_up.created',
      'follow_up.updated',
      'follow_up.completed',
      'follow_up.reassigned',
    ]);
  });

  it('refuses an assignment outside the campaign or to a user of another organization', async () => {
    const stranger = await createUser('member');
    const bad = await call(api.url, 'POST', `/api/campaigns/${campaignId}/follow-ups`, as, {
      organizationId: stranger.organizationId,
      title: 'x',
      dueAt: '2030-01-01T00:00:00Z',
    });
    expect(bad.body.details).toEqual([{ field: 'organizationId', message: 'is not an organization of this campaign' }]);
    const wrongUser = await call(api.url, 'POST', `/api/campaigns/${campaignId}/follow-ups`, as, {
      organizationId: partnerMember.organizationId,
      assigneeId: member.id,
      title: 'x',
      dueAt: '2030-01-01T00:00:00Z',
    });
    expect(wrongUser.body.details).toEqual([{ field: 'assigneeId', message: 'is not an active user of that organization' }]);
  });

  it("lists my organization's follow-ups across campaigns, with filters", async () => {
    const user = await createUser('coordinator');
    const me = await signIn(api.url, user.email);
    const [c1, c2] = [
      await createCampaign([{ id: user.organizationId, role: 'lead' }]),
      await createCampaign([{ id: user.organizationId, role: 'lead' }]),
    ];
    const add = (c: string, title: string, dueAt: string) =>
      call(api.url, 'POST', `/api/campaigns/${c}/follow-ups`, me, { organizationId: user.organizationId, title, dueAt });
    await add(c1, 'late', '2020-01-01T00:00:00Z');
    await add(c2, 'soon', '2030-01-01T00:00:00Z');
    const third = await add(c2, 'later', '2031-01-01T00:00:00Z');
    await call(api.url, 'PATCH', `/api/follow-ups/${third.body.id}`, me, { status: 'cancelled' });
    const mine = await call(api.url, 'GET', '/api/follow-ups?organization=mine', me);
    expect(mine.body.items.map((f: { title: string; overdue: boolean }) => [f.title, f.overdue])).toEqual([
      ['late', true],
      ['soon', false],
      ['later', false],
    ]);
    expect(
      (await call(api.url, 'GET', `/api/follow-ups?organization=mine&campaignId=${c2}&status=open`, me)).body.items.map(
        (f: { title: string }) => f.title,
      ),
    ).toEqual(['soon']);
    expect(
      (await call(api.url, 'GET', '/api/follow-ups?organization=mine&dueBefore=2025-01-01T00:00:00Z', me)).body.items.map(
        (f: { title: string }) => f.title,
      ),
    ).toEqual(['late']);
    expect((await call(api.url, 'GET', '/api/follow-ups', me)).status).toBe(400);
    // An organization that no longer takes part in a campaign no longer sees that campaign's work.
    await withDb((db) => db.query('DELETE FROM campaign_organizations WHERE campaign_id = $1', [c1]));
    expect((await call(api.url, 'GET', '/api/follow-ups?organization=mine', me)).body.items.map((f: { title: string }) => f.title)).toEqual(
      ['soon', 'later'],
    );
  });

  it('pages the timeline newest first with every change and who made it', async () => {
    const own = await createCampaign([{ id: coordinator.organizationId, role: 'lead' }]);
    await call(api.url, 'PATCH', `/api/campaigns/${own}`, as, { title: 'Renamed once' });
    await call(api.url, 'PATCH', `/api/campaigns/${own}`, as, { title: 'Renamed twice' });
    await call(api.url, 'POST', `/api/campaigns/${own}/milestones`, as, {
      title: 'June session',
      occursOn: '2025-06-16',
      timeZone: 'Europe/Zurich',
    });
    const first = await call(api.url, 'GET', `/api/campaigns/${own}/timeline?limit=2`, as);
    expect(first.body.items.map((e: { action: string }) => e.action)).toEqual(['milestone.created', 'campaign.updated']);
    expect(first.body.items[1]).toMatchObject({
      actorId: coordinator.id,
      actorName: 'Test coordinator',
      after: { title: 'Renamed twice' },
    });
    const second = await call(api.url, 'GET', `/api/campaigns/${own}/timeline?limit=2&cursor=${first.body.nextCursor}`, as);
    expect(second.body.items.map((e: { action: string }) => e.action)).toEqual(['campaign.updated']);
    expect(second.body.nextCursor).toBeNull();
  });
});
