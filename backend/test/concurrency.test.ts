import pg from 'pg';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, withDb, type Browser } from './support/accounts.js';
import { createCampaign, createDemand, createOffice } from './support/campaigns.js';
import { startApi, testConfig, type RunningApp } from './support/test-app.js';

// Two people doing the same thing at once is ordinary (issue 16, items 5 and 6). A small pool
// makes a statement that needs a second connection while its transaction holds the first show
// up as a stall at once, as it would under load with the default pool.
const POOL = 4;

/** Prints a scenario's answers and wall time (for the record; timing is not asserted here). */
async function timed<T extends { status: number }[]>(label: string, work: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  const results = await work();
  console.log(`concurrency: ${label}: ${JSON.stringify(statuses(results))} in ${Math.round(performance.now() - startedAt)} ms`);
  return results;
}

function statuses(results: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

describe('parallel writes: queued, never a 500 or a stall', () => {
  let api: RunningApp;
  let coordinator: Browser;
  let member: Browser;
  let observer: Browser;
  let campaignId: string;
  let office: Awaited<ReturnType<typeof createOffice>>;

  beforeAll(async () => {
    api = await startApi(testConfig({ DATABASE_POOL_SIZE: String(POOL) }));
    const c = await createUser('coordinator');
    const m = await createUser('member', {
      organization: (await withDb((db) => db.query(`SELECT name FROM organizations WHERE id = $1`, [c.organizationId]))).rows[0].name,
    });
    const o = await createUser('observer', {
      organization: (await withDb((db) => db.query(`SELECT name FROM organizations WHERE id = $1`, [c.organizationId]))).rows[0].name,
    });
    campaignId = await createCampaign([{ id: c.organizationId, role: 'lead' }]);
    office = await createOffice();
    [coordinator, member, observer] = await Promise.all([signIn(api.url, c.email), signIn(api.url, m.email), signIn(api.url, o.email)]);
  });
  afterAll(async () => {
    await api.close();
  });

  const log = (who: Browser, demandIds: string[], extra: Record<string, unknown> = {}) =>
    call(api.url, 'POST', `/api/campaigns/${campaignId}/responses`, who, {
      institutionId: office.institutionId,
      receivedOn: '2025-05-02',
      channel: 'letter',
      summary: 'The office acknowledged receipt',
      assessment: 'non_committal',
      demandIds,
      ...extra,
    });

  it('12 parallel edits of one response by the member who logged it all succeed, in turn', async () => {
    const demands = [await createDemand(campaignId, office.officeId, 'sent'), await createDemand(campaignId, office.officeId, 'sent')];
    const logged = await log(member, demands);
    expect(logged.status).toBe(201);
    const edits = await timed('12 parallel edits of one response', () =>
      Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          call(api.url, 'PATCH', `/api/responses/${logged.body.id}`, member, {
            summary: `Edit ${i}`,
            receivedOn: `2025-05-${String(3 + i).padStart(2, '0')}`,
            demandIds: i % 2 ? demands : [...demands].reverse(),
          }),
        ),
      ),
    );
    expect(statuses(edits)).toEqual({ 200: 12 });
    // Every edit is in the audit trail, and the latest response of each demand is this one.
    const trail = await withDb((db) =>
      db.query(`SELECT count(*)::int AS n FROM audit_events WHERE subject_id = $1 AND action = 'response.updated'`, [logged.body.id]),
    );
    expect(trail.rows[0].n).toBe(12);
    const latest = await withDb((db) => db.query(`SELECT DISTINCT latest_response_id FROM demands WHERE id = ANY($1)`, [demands]));
    expect(latest.rows).toEqual([{ latest_response_id: logged.body.id }]);
  });

  it('12 parallel responses to the same demands, in both orders, are all logged', async () => {
    const demands = [
      await createDemand(campaignId, office.officeId, 'sent'),
      await createDemand(campaignId, office.officeId, 'sent'),
      await createDemand(campaignId, office.officeId, 'sent'),
    ];
    const results = await timed('12 parallel responses to 3 demands, both orders', () =>
      Promise.all(Array.from({ length: 12 }, (_, i) => log(i % 3 ? member : coordinator, i % 2 ? demands : [...demands].reverse()))),
    );
    expect(statuses(results)).toEqual({ 201: 12 });
    const linked = await withDb((db) =>
      db.query(`SELECT count(DISTINCT response_id)::int AS n FROM response_demands WHERE demand_id = ANY($1)`, [demands]),
    );
    expect(linked.rows[0].n).toBe(12);
    // The trigger's latest response is the newest of the twelve for every demand.
    const latest = await withDb((db) =>
      db.query(
        `SELECT d.latest_response_id = (SELECT r.id FROM response_demands rd JOIN responses r ON r.id = rd.response_id
           WHERE rd.demand_id = d.id ORDER BY r.received_on DESC, r.created_at DESC, r.id DESC LIMIT 1) AS ok
         FROM demands d WHERE d.id = ANY($1)`,
        [demands],
      ),
    );
    expect(latest.rows).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
  });

  it('12 parallel responses that move the same statuses: each applied once or refused with a 409', async () => {
    const demands = [await createDemand(campaignId, office.officeId, 'sent'), await createDemand(campaignId, office.officeId, 'sent')];
    const results = await timed('12 parallel responses moving the same statuses', () =>
      Promise.all(
        Array.from({ length: 12 }, (_, i) => {
          const order = i % 2 ? demands : [...demands].reverse();
          return log(coordinator, order, { statusMoves: order.map((demandId) => ({ demandId, to: 'acknowledged' })) });
        }),
      ),
    );
    // The first moves both to acknowledged; the others find the move no longer allowed.
    const counts = statuses(results);
    expect(counts[201]).toBe(1);
    expect(counts[409]).toBe(11);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('illegal_transition');
  });

  it('parallel status moves of one demand: one wins, the rest get a 409 naming why', async () => {
    const demand = await createDemand(campaignId, office.officeId, 'sent');
    const results = await timed('10 parallel status moves of one demand', () =>
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          call(api.url, 'POST', `/api/demands/${demand}/transitions`, coordinator, {
            to: i % 2 ? 'acknowledged' : 'under_consideration',
            from: 'sent',
            note: `move ${i}`,
          }),
        ),
      ),
    );
    const counts = statuses(results);
    expect(counts[200]).toBe(1);
    expect(counts[409]).toBe(9);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('stale_status');
  });

  it('a read by someone else is not queued behind a writer holding the row', async () => {
    const demand = await createDemand(campaignId, office.officeId, 'sent');
    const logged = await log(member, [demand]);
    const locker = new pg.Client({ connectionString: inject('databaseUrl') });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`SELECT 1 FROM responses WHERE id = $1 FOR UPDATE`, [logged.body.id]);
      await locker.query(`SELECT 1 FROM demands WHERE id = $1 FOR UPDATE`, [demand]);
      // A writer waits on the lock (and holds one connection of the pool while it does)…
      const writer = call(api.url, 'PATCH', `/api/responses/${logged.body.id}`, member, { summary: 'Waiting' });
      await waitForBlockedSession(locker);
      // …while readers get their answers: the response itself, the list, the overview.
      const reads = await timed('4 reads while a writer waits on the locked row', () =>
        Promise.all([
          call(api.url, 'GET', `/api/responses/${logged.body.id}`, observer),
          call(api.url, 'GET', '/api/campaigns', observer),
          call(api.url, 'GET', `/api/campaigns/${campaignId}/dashboard`, observer),
          call(api.url, 'GET', `/api/campaigns/${campaignId}/responses`, observer),
        ]),
      );
      expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(reads[0]!.body.summary).toBe('The office acknowledged receipt');
      await locker.query('COMMIT');
      expect((await writer).status).toBe(200);
    } finally {
      await locker.end();
    }
  });
});

/** Resolves once another session waits on a lock `locker` holds. */
async function waitForBlockedSession(locker: pg.Client): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = await locker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))`);
    if (r.rows[0].n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no session ever waited on the lock');
}
