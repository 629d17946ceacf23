import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dataSourceOptions } from '../src/core/database/data-source-options.js';
import { migrate } from '../src/core/database/database-admin.js';
import { parseCsv } from '../src/demo/csv.js';
import { loadDemoDataIfEmpty, type DemoLogin } from '../src/demo/demo-data.loader.js';
import { call, signIn, type Browser } from './support/accounts.js';
import { createDatabase, dropDatabase } from './support/databases.js';
import { startApi, testConfig, type RunningApp } from './support/test-app.js';

const table = (name: string) => parseCsv(readFileSync(new URL(`../data/founding-campaign/${name}`, import.meta.url), 'utf8'));

/** The founding campaign, through the API, as the dashboard reads it: it must read like the letter. */
describe('the demo campaign through the API', () => {
  let databaseUrl: string;
  let api: RunningApp;
  let logins: DemoLogin[];
  let campaignId: string;
  let as: Record<string, Browser>;

  beforeAll(async () => {
    databaseUrl = await createDatabase('demarche_dashboard');
    await migrate({ databaseUrl, databasePoolSize: 2 });
    const ds = await new DataSource(dataSourceOptions({ databaseUrl, databasePoolSize: 2 })).initialize();
    const result = await loadDemoDataIfEmpty(ds);
    await ds.destroy();
    if (!result.loaded) throw new Error('demo data not loaded');
    logins = result.logins;
    campaignId = result.campaignId;
    api = await startApi(testConfig({ DATABASE_URL: databaseUrl }));
    as = {};
    for (const l of logins) as[l.role] = await signIn(api.url, l.email, l.password);
  });
  afterAll(async () => {
    await api.close();
    await dropDatabase(databaseUrl);
  });

  it('lets every demo role open the campaign; the observer cannot change it', async () => {
    for (const role of ['admin', 'coordinator', 'member', 'observer']) {
      const list = await call(api.url, 'GET', '/api/campaigns', as[role]!);
      expect(
        list.body.items.map((c: { id: string }) => c.id),
        role,
      ).toEqual([campaignId]);
      expect(list.body.items[0].counts.demands).toBe(35);
    }
    const detail = await call(api.url, 'GET', `/api/campaigns/${campaignId}`, as.coordinator!);
    expect(detail.body.access).toMatchObject({ organizationRole: 'lead', canCoordinate: true });
    expect(
      detail.body.organizations
        .filter((o: { isExample: boolean }) => !o.isExample)
        .map((o: { name: string; role: string }) => [o.name, o.role]),
    ).toEqual([
      ['Center for Constitutional Rights', 'lead'],
      ['Movement Law Lab', 'lead'],
    ]);
    expect((await call(api.url, 'PATCH', `/api/campaigns/${campaignId}`, as.observer!, { title: 'x' })).status).toBe(403);
  });

  it('pages through all 35 demands, verbatim, in letter order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { text: string }[]; nextCursor: string | null } } = await call(
        api.url,
        'GET',
        `/api/campaigns/${campaignId}/demands?limit=10${cursor ? `&cursor=${cursor}` : ''}`,
        as.member!,
      );
      seen.push(...page.body.items.map((d) => d.text));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(table('demands.csv').map((d) => d.quote));
  });

  it('shows the scorecard as the letter reads: every addressee and demand, their state, what is overdue and next', async () => {
    const r = await call(api.url, 'GET', `/api/campaigns/${campaignId}/dashboard`, as.observer!);
    expect(r.status).toBe(200);
    const d = r.body;
    const offices = table('offices.csv');
    const demands = table('demands.csv');
    // Offices in the order the letter first addresses them, each with its demands in letter order.
    const officeOrder = [...new Set(demands.map((x) => x.office))].map((k) => offices.find((o) => o.key === k)!.office);
    expect(d.scorecard.map((row: { officeTitle: string }) => row.officeTitle)).toEqual(officeOrder);
    for (const row of d.scorecard) {
      const key = offices.find((o) => o.office === row.officeTitle)!.key;
      expect(row.demands.map((x: { text: string }) => x.text)).toEqual(demands.filter((x) => x.office === key).map((x) => x.quote));
      for (const x of row.demands) {
        expect(x.status).toBe('sent');
        expect(x.daysSinceSent).toBeGreaterThan(500);
        expect(x.lastResponse).toBeNull();
      }
    }
    const oasSecretaryGeneral = d.scorecard.find((row: { officeTitle: string }) =>
      row.officeTitle.startsWith('Secretary General of the Organization'),
    );
    expect(oasSecretaryGeneral.currentHolder.name).toBe('Albert Ramdin');
    expect(d.countsByStatus).toMatchObject({ sent: 35, met: 0 });
    expect(d.responseRates).toHaveLength(5);
    for (const rate of d.responseRates) expect(rate).toMatchObject({ answered: 0, rate: 0 });
    expect(d.responseRates.reduce((n: number, x: { demands: number }) => n + x.demands, 0)).toBe(35);
    // The letter's dated asks are long past and unanswered.
    expect(d.overdueDemands).toBe(demands.filter((x) => x.deadline_milestone).length);
    expect(d.overdueFollowUps.map((o: { organizationName: string; overdue: number }) => [o.organizationName, o.overdue]).sort()).toEqual([
      ['Center for Constitutional Rights', 1],
      ['Movement Law Lab', 1],
    ]);
    expect(d.next14Days.map((x: { kind: string }) => x.kind)).toEqual(['follow_up', 'follow_up']);
    expect(d.milestones.map((m: { reference: string }) => m.reference)).toEqual(table('milestones.csv').map((m) => m.key));
    expect(d.latestTimeline).toHaveLength(10);
  });

  it('asks the database the same number of times for a 35-demand campaign as for a 1-demand one', async () => {
    const { DataSource: DS } = await import('typeorm');
    const ds = api.app.get(DS);
    const spy = vi.spyOn(ds, 'query');
    try {
      await call(api.url, 'GET', `/api/campaigns/${campaignId}/dashboard`, as.admin!);
      const big = spy.mock.calls.length;
      spy.mockClear();
      const small = await call(api.url, 'POST', '/api/campaigns', as.coordinator!, { title: 'Small', status: 'active' });
      const office = (await call(api.url, 'GET', `/api/campaigns/${campaignId}/demands?limit=1`, as.admin!)).body.items[0].office.id;
      await call(api.url, 'POST', `/api/campaigns/${small.body.id}/demands`, as.coordinator!, {
        officeId: office,
        text: 'One ask',
        category: 'other',
      });
      spy.mockClear();
      await call(api.url, 'GET', `/api/campaigns/${small.body.id}/dashboard`, as.admin!);
      expect(spy.mock.calls.length).toBe(big);
      expect(big).toBeLessThanOrEqual(10);
    } finally {
      spy.mockRestore();
    }
  });
});
