import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/demo/csv.js';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { createCampaign, createDemand, createOffice } from './support/campaigns.js';
import { startApi, type RunningApp } from './support/test-app.js';

describe('CSV exports', () => {
  let api: RunningApp;
  let coordinator: TestUser;
  let as: Browser;
  let campaignId: string;

  beforeAll(async () => {
    api = await startApi();
    coordinator = await createUser('coordinator');
    as = await signIn(api.url, coordinator.email);
    campaignId = await createCampaign([{ id: coordinator.organizationId, role: 'lead' }]);
    const { officeId, institutionId } = await createOffice();
    const demand = await createDemand(campaignId, officeId, 'sent', '=HYPERLINK("http://example.org","Release the agreement")');
    await withDb(async (db) => {
      const r = await db.query(
        `INSERT INTO responses (campaign_id, institution_id, received_on, channel, summary, assessment) VALUES ($1, $2, '2025-05-02', 'letter', $3, 'partial') RETURNING id`,
        [campaignId, institutionId, 'We note, "with concern", the reports\nof transfers'],
      );
      await db.query(`INSERT INTO response_demands (response_id, demand_id) VALUES ($1, $2)`, [r.rows[0].id, demand]);
      await db.query(
        `INSERT INTO follow_ups (campaign_id, organization_id, title, due_at, due_time_zone) VALUES ($1, $2, '+1 call the mission', now(), 'UTC')`,
        [campaignId, coordinator.organizationId],
      );
    });
  });
  afterAll(async () => {
    await api.close();
  });

  async function download(kind: string) {
    const response = await fetch(`${api.url}/api/campaigns/${campaignId}/export/${kind}.csv`, { headers: { cookie: as.cookie } });
    return { response, text: await response.text() };
  }

  it('exports demands as UTF-8 CSV with one header row, defusing formula-leading cells', async () => {
    const { response, text } = await download('demands');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="campaign-${campaignId}-demands.csv"`);
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text).toBe(`'=HYPERLINK("http://example.org","Release the agreement")`);
    expect(rows[0]).toMatchObject({ status: 'sent', responses: '1', last_response_on: '2025-05-02', last_assessment: 'partial' });
  });

  it('exports responses and follow-ups, quoting commas, quotes and newlines', async () => {
    const responses = parseCsv((await download('responses')).text.replace(/^\uFEFF/, ''));
    expect(responses[0]!.summary).toBe('We note, "with concern", the reports\nof transfers');
    const followUps = parseCsv((await download('follow-ups')).text.replace(/^\uFEFF/, ''));
    expect(followUps[0]).toMatchObject({ title: "'+1 call the mission", status: 'open', example: 'no' });
  });

  it('answers 404 to someone outside the campaign', async () => {
    const stranger = await signIn(api.url, (await createUser('coordinator')).email);
    expect((await call(api.url, 'GET', `/api/campaigns/${campaignId}/export/demands.csv`, stranger)).status).toBe(404);
  });
});
