import pg from 'pg';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, withDb, type Browser } from './support/accounts.js';
import { createCampaign, createDemand, createMilestone, createOffice } from './support/campaigns.js';
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

  it("a person's zone changed many times at once, through both routes and with malformed values: no 5xx, reminders planned once in the final zone", async () => {
    const orgName = (
      await withDb((db) =>
        db.query(
          `SELECT o.name FROM organizations o JOIN campaign_organizations co ON co.organization_id = o.id WHERE co.campaign_id = $1`,
          [campaignId],
        ),
      )
    ).rows[0].name as string;
    const person = await createUser('member', { organization: orgName });
    const as = await signIn(api.url, person.email);
    const followUp = await call(api.url, 'POST', `/api/campaigns/${campaignId}/follow-ups`, coordinator, {
      organizationId: person.organizationId,
      title: 'Call the mission',
      dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    });
    expect(followUp.status).toBe(201);
    const zones = ['Asia/Tokyo', 'America/Bogota', 'Europe/Zurich', 'Africa/Nairobi'];
    const valid = Array.from({ length: 12 }, (_, i) =>
      i % 2 === 0
        ? call(api.url, 'PATCH', '/api/me', as, { timeZone: zones[i % zones.length] })
        : call(api.url, 'PATCH', '/api/me/notification-preferences', as, { timeZone: zones[i % zones.length] }),
    );
    const malformed = [
      call(api.url, 'PATCH', '/api/me', as, { timeZone: 'Europe/Zu\u0000rich' }),
      call(api.url, 'PATCH', '/api/me', as, { timeZone: null }),
      call(api.url, 'PATCH', '/api/me/notification-preferences', as, { timeZone: 42 }),
      call(api.url, 'PATCH', '/api/me/notification-preferences', as, { timeZone: 'Not/AZone' }),
    ];
    const results = await timed('12 zone changes and 4 malformed', () => Promise.all([...valid, ...malformed]));
    expect(results.slice(0, 12).map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(results.slice(12).map((r) => r.status)).toEqual([400, 400, 400, 400]);
    const { zone, rows } = await withDb(async (db) => ({
      zone: (await db.query(`SELECT time_zone FROM users WHERE id = $1`, [person.id])).rows[0].time_zone as string,
      rows: (
        await db.query(
          `SELECT kind, offset_days, fire_at FROM reminders WHERE recipient_id = $1 AND subject_id = $2 AND status = 'pending'`,
          [person.id, followUp.body.id],
        )
      ).rows as { kind: string; offset_days: number; fire_at: Date }[],
    }));
    expect(zones).toContain(zone);
    // One pending row per slot, each at 09:00 in the zone the person ended with.
    expect(new Set(rows.map((r) => `${r.kind}:${r.offset_days}`)).size).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(0);
    const nine = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    for (const r of rows.filter((x) => x.kind === 'before')) expect(nine.format(r.fire_at)).toBe('09:00');
  });

  it('a milestone moved 8 times at once, with malformed moves beside: no 5xx, the demand that follows it ends on the last move, reminders once each', async () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const milestoneId = await createMilestone(campaignId, day(20), 'Europe/Zurich');
    const demandId = await createDemand(campaignId, office.officeId, 'sent', 'Follows the session');
    expect((await call(api.url, 'PATCH', `/api/demands/${demandId}`, coordinator, { deadline: { milestoneId } })).status).toBe(200);
    const moves = Array.from({ length: 8 }, (_, i) =>
      call(api.url, 'PATCH', `/api/milestones/${milestoneId}`, coordinator, { occursOn: day(21 + i) }),
    );
    const malformed = [
      call(api.url, 'PATCH', `/api/milestones/${milestoneId}`, coordinator, { occursOn: '2026-02-30' }),
      call(api.url, 'PATCH', `/api/milestones/${milestoneId}`, coordinator, { occursOn: null }),
      call(api.url, 'PATCH', `/api/milestones/${milestoneId}`, coordinator, { timeZone: 'Europe/Zu\u0000rich' }),
      call(api.url, 'PATCH', `/api/milestones/00000000-0000-4000-8000-000000000000`, coordinator, { occursOn: day(30) }),
    ];
    const results = await timed('8 milestone moves and 4 malformed', () => Promise.all([...moves, ...malformed]));
    expect(results.slice(0, 8).map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(results.slice(8).map((r) => r.status)).toEqual([400, 400, 400, 404]);
    const { occursOn, deadline, pending } = await withDb(async (db) => ({
      occursOn: (await db.query(`SELECT occurs_on::text AS d FROM milestones WHERE id = $1`, [milestoneId])).rows[0].d as string,
      deadline: (
        await db.query(`SELECT (deadline_at AT TIME ZONE deadline_time_zone)::date::text AS d FROM demands WHERE id = $1`, [demandId])
      ).rows[0].d as string,
      pending: (
        await db.query(`SELECT recipient_id, kind, offset_days, due_at FROM reminders WHERE subject_id = $1 AND status = 'pending'`, [
          demandId,
        ])
      ).rows as { recipient_id: string; kind: string; offset_days: number; due_at: Date }[],
    }));
    expect(deadline).toBe(occursOn);
    expect(pending.length).toBeGreaterThan(0);
    expect(new Set(pending.map((r) => `${r.recipient_id}:${r.kind}:${r.offset_days}`)).size).toBe(pending.length);
    const deadlineAt = (await withDb((db) => db.query(`SELECT deadline_at FROM demands WHERE id = $1`, [demandId]))).rows[0]
      .deadline_at as Date;
    for (const r of pending) expect(r.due_at.getTime()).toBe(deadlineAt.getTime());
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
