import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { createCampaign, createDemand, createOffice } from './support/campaigns.js';
import { uniqueName } from './support/databases.js';
import { startApi, type RunningApp } from './support/test-app.js';

describe('campaigns', () => {
  let api: RunningApp;
  let coordinator: TestUser;
  let browser: Browser;
  let partner: TestUser;

  beforeAll(async () => {
    api = await startApi();
    coordinator = await createUser('coordinator');
    partner = await createUser('member');
    browser = await signIn(api.url, coordinator.email);
  });
  afterAll(async () => {
    await api.close();
  });

  it("creates a campaign led by the creator's organization, and records it", async () => {
    const r = await call(api.url, 'POST', '/api/campaigns', browser, {
      title: 'Urgent action on CECOT',
      letterDate: '2025-04-29',
      status: 'active',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      title: 'Urgent action on CECOT',
      letterDate: '2025-04-29',
      status: 'active',
      nextStatuses: ['concluded', 'archived'],
      organizations: [{ id: coordinator.organizationId, role: 'lead' }],
      access: { organizationRole: 'lead', canCoordinate: true, canContribute: true },
    });
    const { rows } = await withDb((db) =>
      db.query(`SELECT action, actor_id, campaign_id FROM audit_events WHERE subject_id = $1`, [r.body.id]),
    );
    expect(rows).toEqual([{ action: 'campaign.created', actor_id: coordinator.id, campaign_id: r.body.id }]);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = await withDb((db) => db.query(`SELECT count(*)::int AS n FROM campaigns`));
    const r = await call(api.url, 'POST', '/api/campaigns', browser, {
      title: '',
      letterDate: '2025-02-30',
      status: 'concluded',
      createdBy: coordinator.id,
    });
    expect(r.status).toBe(400);
    expect(r.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['createdBy', 'letterDate', 'status', 'title']);
    const after = await withDb((db) => db.query(`SELECT count(*)::int AS n FROM campaigns`));
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('moves the status only along the allowed graph; otherwise 409 with the allowed statuses', async () => {
    const id = (await call(api.url, 'POST', '/api/campaigns', browser, { title: 'Status walk' })).body.id as string;
    const illegal = await call(api.url, 'POST', `/api/campaigns/${id}/status`, browser, { status: 'concluded' });
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ code: 'illegal_transition', allowed: ['active', 'archived'] });
    for (const status of ['active', 'concluded', 'active', 'archived']) {
      expect((await call(api.url, 'POST', `/api/campaigns/${id}/status`, browser, { status })).body.status).toBe(status);
    }
  });

  it('adds (an admin; a coordinator invites), re-roles and removes organizations, but never the last lead', async () => {
    const id = (await call(api.url, 'POST', '/api/campaigns', browser, { title: 'Coalition' })).body.id as string;
    const admin = await signIn(api.url, (await createUser('admin')).email);
    const added = await call(api.url, 'PUT', `/api/campaigns/${id}/organizations/${partner.organizationId}`, admin, {
      role: 'signatory',
    });
    expect(added.status).toBe(200);
    expect(added.body.organizations).toContainEqual(expect.objectContaining({ id: partner.organizationId, role: 'signatory' }));
    expect((await call(api.url, 'DELETE', `/api/campaigns/${id}/organizations/${coordinator.organizationId}`, browser)).body.code).toBe(
      'last_lead',
    );
    expect(
      (await call(api.url, 'PUT', `/api/campaigns/${id}/organizations/${coordinator.organizationId}`, browser, { role: 'signatory' })).body
        .code,
    ).toBe('last_lead');
    await call(api.url, 'PUT', `/api/campaigns/${id}/organizations/${partner.organizationId}`, browser, { role: 'lead' });
    const removed = await call(api.url, 'DELETE', `/api/campaigns/${id}/organizations/${partner.organizationId}`, browser);
    expect(removed.body.organizations.map((o: { id: string }) => o.id)).toEqual([coordinator.organizationId]);
    expect(
      (
        await call(api.url, 'PUT', `/api/campaigns/${id}/organizations/00000000-0000-4000-8000-000000000000`, browser, {
          role: 'signatory',
        })
      ).status,
    ).toBe(404);
    const { rows } = await withDb((db) => db.query(`SELECT action FROM audit_events WHERE campaign_id = $1 ORDER BY id`, [id]));
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'campaign.created',
      'campaign.organization_added',
      'campaign.organization_role_changed',
      'campaign.organization_removed',
    ]);
  });

  it('lists with headline counts, filters and keyset pages', async () => {
    const user = await createUser('coordinator');
    const me = await signIn(api.url, user.email);
    const { officeId, institutionId } = await createOffice();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(await createCampaign([{ id: user.organizationId, role: i === 2 ? 'signatory' : 'lead' }], i === 1 ? 'draft' : 'active'));
    await createDemand(ids[0]!, officeId, 'sent');
    await createDemand(ids[0]!, officeId, 'sent');
    await createDemand(ids[0]!, officeId, 'met');
    await withDb(async (db) => {
      await db.query(
        `INSERT INTO responses (campaign_id, institution_id, received_on, channel, summary, assessment) VALUES ($1, $2, '2025-05-02', 'letter', 'Acknowledged', 'non_committal')`,
        [ids[0], institutionId],
      );
      await db.query(
        `INSERT INTO follow_ups (campaign_id, organization_id, title, due_at, due_time_zone, status) VALUES
         ($1, $2, 'late', now() - interval '1 day', 'UTC', 'open'), ($1, $2, 'soon', now() + interval '1 day', 'UTC', 'in_progress'), ($1, $2, 'done', now() - interval '1 day', 'UTC', 'done')`,
        [ids[0], user.organizationId],
      );
    });
    const all = await call(api.url, 'GET', '/api/campaigns', me);
    expect(all.body.items.map((c: { id: string }) => c.id)).toEqual([...ids].reverse());
    const first = all.body.items.find((c: { id: string }) => c.id === ids[0]);
    expect(first.myRole).toBe('lead');
    expect(first.counts).toEqual({
      demands: 3,
      demandsByStatus: {
        draft: 0,
        sent: 2,
        acknowledged: 0,
        under_consideration: 0,
        partially_met: 0,
        met: 1,
        rejected: 0,
        no_response: 0,
        withdrawn: 0,
      },
      responses: 1,
      openFollowUps: 2,
      overdueFollowUps: 1,
    });
    expect(all.body.items[0].myRole).toBe('signatory');
    const drafts = await call(api.url, 'GET', '/api/campaigns?status=draft', me);
    expect(drafts.body.items.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
    const page1 = await call(api.url, 'GET', '/api/campaigns?limit=2', me);
    const page2 = await call(api.url, 'GET', `/api/campaigns?limit=2&cursor=${page1.body.nextCursor}`, me);
    expect([...page1.body.items, ...page2.body.items].map((c: { id: string }) => c.id)).toEqual([...ids].reverse());
    expect(page2.body.nextCursor).toBeNull();
  });

  it('answers 404 for a campaign outside reach and 400 for a malformed id', async () => {
    const elsewhere = await createCampaign([
      { id: (await createUser('coordinator', { organization: uniqueName('Other') })).organizationId, role: 'lead' },
    ]);
    expect((await call(api.url, 'GET', `/api/campaigns/${elsewhere}`, browser)).status).toBe(404);
    expect((await call(api.url, 'GET', '/api/campaigns/nope', browser)).body.code).toBe('invalid_id');
  });
});
