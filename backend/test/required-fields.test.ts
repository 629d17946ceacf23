import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, type Browser } from './support/accounts.js';
import { createCampaign, createOffice } from './support/campaigns.js';
import { startApi, type RunningApp } from './support/test-app.js';

/** Every create route, given an empty body, names each required field and writes nothing. */
describe('required fields', () => {
  let api: RunningApp;
  let as: Browser;
  let campaignId: string;
  let officeId: string;

  beforeAll(async () => {
    api = await startApi();
    const admin = await createUser('admin');
    as = await signIn(api.url, admin.email);
    campaignId = await createCampaign([{ id: admin.organizationId, role: 'lead' }]);
    officeId = (await createOffice()).officeId;
  });
  afterAll(async () => {
    await api.close();
  });

  const cases: [string, () => string, string[]][] = [
    ['POST /api/organizations', () => '/api/organizations', ['name']],
    ['POST /api/campaigns', () => '/api/campaigns', ['title']],
    ['POST /api/campaigns/:id/demands', () => `/api/campaigns/${campaignId}/demands`, ['category', 'officeId', 'text']],
    ['POST /api/campaigns/:id/milestones', () => `/api/campaigns/${campaignId}/milestones`, ['occursOn', 'timeZone', 'title']],
    [
      'POST /api/campaigns/:id/responses',
      () => `/api/campaigns/${campaignId}/responses`,
      ['assessment', 'channel', 'demandIds', 'institutionId', 'receivedOn', 'summary'],
    ],
    ['POST /api/campaigns/:id/follow-ups', () => `/api/campaigns/${campaignId}/follow-ups`, ['dueAt', 'organizationId', 'title']],
    ['POST /api/institutions', () => '/api/institutions', ['name', 'seatTimeZone']],
    ['POST /api/invitations', () => '/api/invitations', ['email', 'organizationId', 'role']],
    ['POST /api/me/tokens', () => '/api/me/tokens', ['name']],
  ];

  for (const [name, path, required] of cases) {
    it(name, async () => {
      const r = await call(api.url, 'POST', path(), as, {});
      expect(r.status).toBe(400);
      expect([...new Set(r.body.details.map((d: { field: string }) => d.field))].sort()).toEqual(required);
    });
  }

  it('PATCH routes accept a partial body', async () => {
    const demand = await call(api.url, 'POST', `/api/campaigns/${campaignId}/demands`, as, { officeId, text: 'x', category: 'other' });
    expect((await call(api.url, 'PATCH', `/api/demands/${demand.body.id}`, as, { priority: 'high' })).status).toBe(200);
    expect((await call(api.url, 'PATCH', `/api/campaigns/${campaignId}`, as, { summary: 'Short' })).status).toBe(200);
    // The office may change now (issue 19: readdressing a demand); the rules stay the create's.
    expect((await call(api.url, 'PATCH', `/api/demands/${demand.body.id}`, as, { officeId })).status).toBe(200);
    expect((await call(api.url, 'PATCH', `/api/demands/${demand.body.id}`, as, { officeId: null })).status).toBe(400);
  });
});
