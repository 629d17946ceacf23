import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { createCampaign, createDemand, createMilestone, createOffice } from './support/campaigns.js';
import { startApi, type RunningApp } from './support/test-app.js';

/** What a coalition needs to set up a campaign and send it (issue 19, §2), through the API. */
describe('campaign set-up', () => {
  let api: RunningApp;
  let coordinator: TestUser;
  let as: Browser;
  let member: Browser;
  let outsider: Browser;

  beforeAll(async () => {
    api = await startApi();
    coordinator = await createUser('coordinator');
    as = await signIn(api.url, coordinator.email);
    const colleague = await createUser('member', { organization: (await orgName(coordinator.organizationId))! });
    member = await signIn(api.url, colleague.email);
    outsider = await signIn(api.url, (await createUser('coordinator')).email);
  });
  afterAll(async () => {
    await api.close();
  });

  const orgName = async (id: string) =>
    (await withDb((db) => db.query(`SELECT name FROM organizations WHERE id = $1`, [id]))).rows[0]?.name as string | undefined;
  const led = () => createCampaign([{ id: coordinator.organizationId, role: 'lead' }], 'draft');
  const demandRows = async (campaignId: string) =>
    (
      await withDb((db) =>
        db.query(`SELECT id, status, position, sent_at FROM demands WHERE campaign_id = $1 ORDER BY position, id`, [campaignId]),
      )
    ).rows as { id: string; status: string; position: number; sent_at: Date | null }[];
  const audit = async (subjectId: string) =>
    (
      await withDb((db) =>
        db.query(`SELECT action, campaign_id, before, after FROM audit_events WHERE subject_id = $1 ORDER BY id`, [subjectId]),
      )
    ).rows as { action: string; campaign_id: string | null; before: Record<string, unknown>; after: Record<string, unknown> }[];

  describe('the letter', () => {
    it("keeps the letter's language as a language tag, and refuses anything else", async () => {
      const created = await call(api.url, 'POST', '/api/campaigns', as, { title: 'Carta a la OEA', letterLanguage: 'es' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'draft', letterLanguage: 'es' });
      const id = created.body.id as string;
      expect((await call(api.url, 'PATCH', `/api/campaigns/${id}`, as, { letterLanguage: 'pt-BR' })).body.letterLanguage).toBe('pt-BR');
      for (const letterLanguage of ['Spanish', 'ES', '', 'e', 42, 'x'.repeat(36)]) {
        const refused = await call(api.url, 'PATCH', `/api/campaigns/${id}`, as, { letterLanguage });
        expect(refused.status, String(letterLanguage)).toBe(400);
        expect(refused.body.details[0].field).toBe('letterLanguage');
      }
      expect((await call(api.url, 'PATCH', `/api/campaigns/${id}`, as, { letterLanguage: null })).body.letterLanguage).toBeNull();
    });
  });

  describe('the directory searched for an addressee', () => {
    it('finds offices by institution, title or any holder, page by page, with their seat zone and current holder', async () => {
      const holder = `Zelda Quarrington ${Date.now()}`;
      const { officeId, institutionId } = await createOffice([{ holder, from: '2020-01-01', until: '2099-12-31' }], 'Asia/Tokyo');
      const institution = (await withDb((db) => db.query(`SELECT name FROM institutions WHERE id = $1`, [institutionId]))).rows[0]
        .name as string;
      const byHolder = await call(api.url, 'GET', `/api/offices?q=${encodeURIComponent(holder.slice(6).toUpperCase())}`, as);
      expect(byHolder.status).toBe(200);
      expect(byHolder.body.items).toEqual([
        expect.objectContaining({
          id: officeId,
          institutionName: institution,
          seatTimeZone: 'Asia/Tokyo',
          currentHolder: expect.objectContaining({ holderName: holder }),
        }),
      ]);
      const byInstitution = await call(api.url, 'GET', `/api/offices?q=${encodeURIComponent(institution)}`, member);
      expect(byInstitution.body.items.map((o: { id: string }) => o.id)).toEqual([officeId]);
      // Every office, two at a time: each once, in institution order.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: { id: string; institutionName: string }[]; nextCursor: string | null } } = await call(
          api.url,
          'GET',
          `/api/offices?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          as,
        );
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((o) => o.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      const total = (await withDb((db) => db.query(`SELECT count(*)::int AS n FROM offices`))).rows[0].n as number;
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      expect((await call(api.url, 'GET', `/api/offices?cursor=forged`, as)).status).toBe(400);
      expect((await call(api.url, 'GET', `/api/offices?q=${'x'.repeat(101)}`, as)).status).toBe(400);
    });
  });

  describe('a demand readdressed', () => {
    it('moves to another office; a deadline that follows a term of the former one needs a new deadline with it', async () => {
      const campaignId = await led();
      const a = await createOffice([{ holder: 'A. Holder', from: '2024-01-01', until: '2030-06-30' }]);
      const b = await createOffice([{ holder: 'B. Holder', from: '2024-01-01', until: '2031-03-31' }], 'Europe/Zurich');
      const created = await call(api.url, 'POST', `/api/campaigns/${campaignId}/demands`, as, {
        officeId: a.officeId,
        text: 'Grant access',
        category: 'meeting',
        deadline: { termId: a.termIds[0] },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id as string;

      const bare = await call(api.url, 'PATCH', `/api/demands/${id}`, as, { officeId: b.officeId });
      expect(bare.status).toBe(400);
      expect(bare.body.details).toEqual([{ field: 'deadline', message: expect.stringContaining('former office') }]);
      const notAnOffice = await call(api.url, 'PATCH', `/api/demands/${id}`, as, { officeId: b.institutionId, deadline: null });
      expect(notAnOffice.status).toBe(400);
      expect(notAnOffice.body.details).toEqual([{ field: 'officeId', message: 'is not an office' }]);
      // The former office's term, for the new office: refused, as for any demand.
      const wrongTerm = await call(api.url, 'PATCH', `/api/demands/${id}`, as, {
        officeId: b.officeId,
        deadline: { termId: a.termIds[0] },
      });
      expect(wrongTerm.status).toBe(400);
      expect(wrongTerm.body.details[0].field).toBe('deadline.termId');
      expect((await call(api.url, 'GET', `/api/demands/${id}`, as)).body.office.id).toBe(a.officeId);

      const moved = await call(api.url, 'PATCH', `/api/demands/${id}`, as, { officeId: b.officeId, deadline: { termId: b.termIds[0] } });
      expect(moved.status).toBe(200);
      expect(moved.body.office).toMatchObject({ id: b.officeId, seatTimeZone: 'Europe/Zurich' });
      // The end of 2031-03-31 in the new office's seat.
      expect(moved.body.deadline).toMatchObject({
        follows: 'term',
        termId: b.termIds[0],
        timeZone: 'Europe/Zurich',
        at: '2031-03-31T21:59:00.000Z',
      });
      const events = await audit(id);
      expect(events.at(-1)).toMatchObject({ action: 'demand.updated', before: { officeId: a.officeId }, after: { officeId: b.officeId } });
    });
  });

  describe('a draft demand deleted', () => {
    it('goes with its history, by a coordinator only; a sent demand is withdrawn instead', async () => {
      const campaignId = await led();
      const { officeId } = await createOffice();
      const draft = await createDemand(campaignId, officeId);
      const sent = await createDemand(campaignId, officeId, 'sent');

      expect((await call(api.url, 'DELETE', `/api/demands/${draft}`, member)).status).toBe(403);
      expect([403, 404]).toContain((await call(api.url, 'DELETE', `/api/demands/${draft}`, outsider)).status);
      const refused = await call(api.url, 'DELETE', `/api/demands/${sent}`, as);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'not_draft', current: 'sent' });

      expect((await call(api.url, 'DELETE', `/api/demands/${draft}`, as)).status).toBe(204);
      expect((await demandRows(campaignId)).map((d) => d.id)).toEqual([sent]);
      expect(await audit(draft)).toEqual([
        expect.objectContaining({
          action: 'demand.deleted',
          campaign_id: campaignId,
          before: expect.objectContaining({ status: 'draft' }),
        }),
      ]);
      expect((await call(api.url, 'DELETE', `/api/demands/${draft}`, as)).status).toBe(404);
      expect((await call(api.url, 'DELETE', `/api/demands/not-an-id`, as)).status).toBe(400);
    });
  });

  describe('demands reordered', () => {
    it('take the order given; a list that misses, repeats or adds a demand is refused and nothing moves', async () => {
      const campaignId = await led();
      const { officeId } = await createOffice();
      const ids = [
        await createDemand(campaignId, officeId),
        await createDemand(campaignId, officeId),
        await createDemand(campaignId, officeId),
      ];
      const reversed = [...ids].reverse();
      const r = await call(api.url, 'PUT', `/api/campaigns/${campaignId}/demands/order`, as, { demandIds: reversed });
      expect(r.status).toBe(200);
      expect(r.body.items.map((d: { id: string }) => d.id)).toEqual(reversed);
      expect((await demandRows(campaignId)).map((d) => d.position)).toEqual([0, 1, 2]);

      const other = await createDemand(await led(), officeId);
      for (const [demandIds, status, code] of [
        [ids.slice(0, 2), 409, 'stale_order'],
        [[...ids, other], 409, 'stale_order'],
        [[ids[0], ids[1], other], 409, 'stale_order'],
        [[ids[0], ids[0], ids[1]], 400, 'validation_failed'],
        [[ids[0], 'x', ids[1]], 400, 'validation_failed'],
        [null, 400, 'validation_failed'],
      ] as const) {
        const refused = await call(api.url, 'PUT', `/api/campaigns/${campaignId}/demands/order`, as, { demandIds });
        expect(refused.status, JSON.stringify(demandIds)).toBe(status);
        expect(refused.body.code).toBe(code);
      }
      expect((await demandRows(campaignId)).map((d) => d.id)).toEqual(reversed);
      expect((await call(api.url, 'PUT', `/api/campaigns/${campaignId}/demands/order`, member, { demandIds: ids })).status).toBe(403);
      expect(await audit(campaignId)).toEqual([
        expect.objectContaining({ action: 'campaign.demands_reordered', after: { order: reversed } }),
      ]);
    });

    it('stay whole when two people reorder, add and delete at once', async () => {
      const campaignId = await led();
      const { officeId } = await createOffice();
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push(await createDemand(campaignId, officeId));
      const shuffled = [ids[3]!, ids[0]!, ids[5]!, ids[1]!, ids[4]!, ids[2]!];
      const answers = await Promise.all([
        call(api.url, 'PUT', `/api/campaigns/${campaignId}/demands/order`, as, { demandIds: [...ids].reverse() }),
        call(api.url, 'PUT', `/api/campaigns/${campaignId}/demands/order`, as, { demandIds: shuffled }),
        call(api.url, 'DELETE', `/api/demands/${ids[2]}`, as),
        call(api.url, 'POST', `/api/campaigns/${campaignId}/demands`, as, { officeId, text: 'Added meanwhile', category: 'statement' }),
      ]);
      const [first, second, removed, added] = answers;
      expect(answers.every((a) => a.status < 500)).toBe(true);
      expect(removed!.status).toBe(204);
      expect(added!.status).toBe(201);
      // An order written after the delete or the add named a demand that was gone or left one out.
      for (const r of [first!, second!]) expect([200, 409]).toContain(r.status);
      const rows = await demandRows(campaignId);
      expect(rows).toHaveLength(6);
      expect(rows.map((d) => d.id)).not.toContain(ids[2]);
      expect(rows.map((d) => d.id)).toContain(added!.body.id);
      // Positions stay distinct: no order half-applied.
      expect(new Set(rows.map((d) => d.position)).size).toBe(6);
    });
  });

  describe('a campaign marked as sent', () => {
    /** A draft campaign dated `letterDate`, with three demands: a deadline ahead, one already past, none. */
    async function ready(letterDate: string | null) {
      const campaignId = await led();
      if (letterDate) await withDb((db) => db.query(`UPDATE campaigns SET letter_date = $2 WHERE id = $1`, [campaignId, letterDate]));
      const { officeId } = await createOffice();
      const post = (text: string, deadline: unknown) =>
        call(api.url, 'POST', `/api/campaigns/${campaignId}/demands`, as, { officeId, text, category: 'statement', deadline });
      const ahead = (await post('Meet before the session', { at: new Date(Date.now() + 20 * 86_400_000).toISOString() })).body.id as string;
      const past = (await post('Answer by last week', { at: new Date(Date.now() - 7 * 86_400_000).toISOString() })).body.id as string;
      const open = (await post('Release the agreement', null)).body.id as string;
      return { campaignId, ahead, past, open };
    }
    const today = () => new Date().toISOString().slice(0, 10);
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

    it("becomes active with its demands sent on the letter's date and their reminders planned; past deadlines are named and confirmed first", async () => {
      const letterDate = daysAgo(10);
      const { campaignId, ahead, past, open } = await ready(letterDate);
      const preview = await call(api.url, 'GET', `/api/campaigns/${campaignId}/send-preview`, as);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ letterDate, demands: 3, offices: 1, withDeadline: 2, blockers: [] });
      expect(preview.body.pastDeadline).toEqual([
        expect.objectContaining({ id: past, text: 'Answer by last week', officeTitle: 'President' }),
      ]);

      const unconfirmed = await call(api.url, 'POST', `/api/campaigns/${campaignId}/send`, as, {});
      expect(unconfirmed.status).toBe(409);
      expect(unconfirmed.body).toMatchObject({ code: 'past_deadlines', pastDeadline: [expect.objectContaining({ id: past })] });
      expect((await demandRows(campaignId)).map((d) => d.status)).toEqual(['draft', 'draft', 'draft']);

      const sent = await call(api.url, 'POST', `/api/campaigns/${campaignId}/send`, as, { confirmPastDeadlines: true });
      expect(sent.status).toBe(200);
      expect(sent.body).toMatchObject({ demands: 3, blockers: [] });
      // What it planned, as the overview's confirmation says it: how many reminders, the first when.
      const planned = await withDb((db) =>
        db.query(`SELECT count(*)::int AS n, min(due_at) AS first FROM reminders WHERE campaign_id = $1 AND status = 'pending'`, [
          campaignId,
        ]),
      );
      expect(planned.rows[0].n).toBeGreaterThan(0);
      expect(sent.body).toMatchObject({ remindersPlanned: planned.rows[0].n, firstReminderAt: planned.rows[0].first.toISOString() });
      expect((await call(api.url, 'GET', `/api/campaigns/${campaignId}`, as)).body.status).toBe('active');
      const rows = new Map((await demandRows(campaignId)).map((d) => [d.id, d]));
      const letterNoon = new Date(`${letterDate}T12:00:00Z`);
      expect(rows.get(ahead)).toMatchObject({ status: 'sent', sent_at: letterNoon });
      expect(rows.get(open)).toMatchObject({ status: 'sent', sent_at: letterNoon });
      expect(rows.get(past)).toMatchObject({ status: 'no_response', sent_at: letterNoon });
      // The past one's history: sent on the letter's date by the coordinator, unanswered at its deadline by the system.
      const history = (await call(api.url, 'GET', `/api/demands/${past}`, as)).body.history;
      const deadline = (await call(api.url, 'GET', `/api/demands/${past}`, as)).body.deadline.at;
      expect(
        history.map((h: { toStatus: string; changedAt: string; actorId: string | null }) => [h.toStatus, h.changedAt, h.actorId]),
      ).toEqual([
        ['draft', expect.any(String), coordinator.id],
        ['sent', letterNoon.toISOString(), coordinator.id],
        ['no_response', deadline, null],
      ]);
      expect(history.at(-1)).toMatchObject({ note: null, systemNote: { key: 'deadline_passed_before_sending', params: {} } });
      const reminders = await withDb((db) =>
        db.query(`SELECT subject_id, count(*)::int AS n FROM reminders WHERE campaign_id = $1 AND status = 'pending' GROUP BY 1`, [
          campaignId,
        ]),
      );
      expect(reminders.rows).toEqual([{ subject_id: ahead, n: expect.any(Number) }]);
      expect(reminders.rows[0].n).toBeGreaterThan(0);
      // Silently: no notification of the moves, no burst of mail.
      const told = await withDb((db) => db.query(`SELECT count(*)::int AS n FROM notifications WHERE campaign_id = $1`, [campaignId]));
      expect(told.rows[0].n).toBe(0);
      expect((await audit(campaignId)).map((e) => e.action)).toContain('campaign.sent');

      const again = await call(api.url, 'POST', `/api/campaigns/${campaignId}/send`, as, { confirmPastDeadlines: true });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'cannot_send', blockers: ['not_draft', 'no_demands'] });
    });

    it('once, when two coordinators send it at the same moment', async () => {
      const { campaignId } = await ready(today());
      const answers = await Promise.all(
        [0, 1, 2].map(() => call(api.url, 'POST', `/api/campaigns/${campaignId}/send`, as, { confirmPastDeadlines: true })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
      const changes = await withDb((db) =>
        db.query(
          `SELECT count(*)::int AS n FROM demand_status_changes c JOIN demands d ON d.id = c.demand_id WHERE d.campaign_id = $1 AND c.to_status = 'sent'`,
          [campaignId],
        ),
      );
      expect(changes.rows[0].n).toBe(3);
    });

    it('not before it has a letter date in the past, demands, and by a coordinator of a lead organization', async () => {
      const undated = await ready(null);
      const r = await call(api.url, 'POST', `/api/campaigns/${undated.campaignId}/send`, as, { confirmPastDeadlines: true });
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ code: 'cannot_send', blockers: ['no_letter_date'] });
      expect(r.body.details).toEqual([{ field: 'letterDate', message: expect.stringContaining('must be set') }]);

      const future = await ready(new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10));
      expect((await call(api.url, 'GET', `/api/campaigns/${future.campaignId}/send-preview`, as)).body.blockers).toEqual([
        'letter_date_in_future',
      ]);

      const empty = await led();
      await withDb((db) => db.query(`UPDATE campaigns SET letter_date = $2 WHERE id = $1`, [empty, today()]));
      expect((await call(api.url, 'POST', `/api/campaigns/${empty}/send`, as, {})).body.blockers).toEqual(['no_demands']);

      const { campaignId } = await ready(today());
      expect((await call(api.url, 'POST', `/api/campaigns/${campaignId}/send`, member, { confirmPastDeadlines: true })).status).toBe(403);
      expect([403, 404]).toContain((await call(api.url, 'POST', `/api/campaigns/${campaignId}/send`, outsider, {})).status);
      expect([403, 404]).toContain((await call(api.url, 'GET', `/api/campaigns/${campaignId}/send-preview`, outsider)).status);
      const malformed = await call(api.url, 'POST', `/api/campaigns/${campaignId}/send`, as, { confirmPastDeadlines: 'yes' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.details[0].field).toBe('confirmPastDeadlines');
      for (const id of [undated.campaignId, future.campaignId, empty, campaignId])
        expect((await call(api.url, 'GET', `/api/campaigns/${id}`, as)).body.status).toBe('draft');
    });
  });

  describe('a draft campaign discarded', () => {
    it('goes with all that was set up in it; its audit event stays; a sent campaign is archived instead', async () => {
      const campaignId = await led();
      const { officeId } = await createOffice();
      await createDemand(campaignId, officeId);
      await createMilestone(campaignId);
      expect((await call(api.url, 'DELETE', `/api/campaigns/${campaignId}`, member)).status).toBe(403);
      expect([403, 404]).toContain((await call(api.url, 'DELETE', `/api/campaigns/${campaignId}`, outsider)).status);

      const answers = await Promise.all([0, 1].map(() => call(api.url, 'DELETE', `/api/campaigns/${campaignId}`, as)));
      expect(answers.map((a) => a.status).sort()).toEqual([204, 404]);
      const left = await withDb((db) =>
        db.query(
          `SELECT (SELECT count(*)::int FROM demands WHERE campaign_id = $1) AS demands, (SELECT count(*)::int FROM milestones WHERE campaign_id = $1) AS milestones,
                  (SELECT count(*)::int FROM campaign_organizations WHERE campaign_id = $1) AS organizations`,
          [campaignId],
        ),
      );
      expect(left.rows[0]).toEqual({ demands: 0, milestones: 0, organizations: 0 });
      expect(await audit(campaignId)).toEqual([
        expect.objectContaining({
          action: 'campaign.discarded',
          campaign_id: null,
          before: expect.objectContaining({ demands: 1, milestones: 1 }),
        }),
      ]);

      const active = await createCampaign([{ id: coordinator.organizationId, role: 'lead' }], 'active');
      const refused = await call(api.url, 'DELETE', `/api/campaigns/${active}`, as);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'not_draft', current: 'active' });
    });
  });
});
