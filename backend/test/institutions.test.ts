import { addDays, utcToday, type Role } from '@demarche/shared';
import { DataSource, type QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { uniqueName } from './support/databases.js';
import { startApi, type RunningApp } from './support/test-app.js';

/** "Who may do what" (DESIGN.md): coordinators edit the shared directory; admins do everything. */
const ROLES: Role[] = ['admin', 'coordinator', 'member', 'observer'];
const MAY_EDIT_DIRECTORY: Role[] = ['admin', 'coordinator'];

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The shared directory of institutions, offices and officeholder terms: everyone signed in reads
 * it; admins and coordinators edit it; every edit is audited.
 */
describe('institutions, offices and officeholder terms', () => {
  let api: RunningApp;
  const users = {} as Record<Role, TestUser>;
  const as = {} as Record<Role, Browser>;
  const today = utcToday();
  const day = (offset: number) => addDays(today, offset);

  beforeAll(async () => {
    api = await startApi();
    for (const role of ROLES) {
      users[role] = await createUser(role);
      as[role] = await signIn(api.url, users[role].email);
    }
  });
  afterAll(async () => {
    await api.close();
  });

  const request = (method: string, path: string, role: Role = 'admin', body?: unknown) => call(api.url, method, path, as[role], body);
  const fieldsOf = (body: { details?: { field: string }[] }) => [...new Set((body.details ?? []).map((d) => d.field))].sort();

  async function newInstitution(body: Record<string, unknown> = {}, role: Role = 'admin') {
    const r = await request('POST', '/api/institutions', role, {
      name: uniqueName('Institution'),
      seatTimeZone: 'America/New_York',
      ...body,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }
  async function newOffice(institutionId: string, body: Record<string, unknown> = {}, role: Role = 'admin') {
    const r = await request('POST', `/api/institutions/${institutionId}/offices`, role, { title: uniqueName('Office'), ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }
  async function newTerm(officeId: string, body: Record<string, unknown>, role: Role = 'admin') {
    const r = await request('POST', `/api/offices/${officeId}/terms`, role, { holderName: uniqueName('Holder'), ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }

  it('lists institutions by name with their office counts, pages with a keyset cursor and searches name and abbreviation', async () => {
    const prefix = uniqueName('Paged');
    const abbreviation = uniqueName('AB');
    const c = await newInstitution({ name: `${prefix} C`, abbreviation });
    const a = await newInstitution({ name: `${prefix} A` });
    const b = await newInstitution({ name: `${prefix} B`, website: 'https://www.example.org/b' });
    await newOffice(b.id);
    await newOffice(b.id);

    const first = await request('GET', `/api/institutions?q=${prefix}&limit=2`, 'observer');
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      { id: a.id, name: `${prefix} A`, abbreviation: null, seatTimeZone: 'America/New_York', website: null, officeCount: 0 },
      {
        id: b.id,
        name: `${prefix} B`,
        abbreviation: null,
        seatTimeZone: 'America/New_York',
        website: 'https://www.example.org/b',
        officeCount: 2,
      },
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await request('GET', `/api/institutions?q=${prefix}&limit=2&cursor=${first.body.nextCursor}`, 'member');
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: c.id, abbreviation, officeCount: 0 })], nextCursor: null });

    const byAbbreviation = await request('GET', `/api/institutions?q=${abbreviation.toLowerCase()}`, 'coordinator');
    expect(byAbbreviation.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    // Wildcards in the search are taken literally.
    expect((await request('GET', `/api/institutions?q=${encodeURIComponent(`${prefix}%`)}`)).body.items).toEqual([]);
  });

  it('pages through the whole directory in name order without overlap', async () => {
    await newInstitution();
    await newInstitution();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { name: string }[]; nextCursor: string | null } } = await request(
        'GET',
        `/api/institutions?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        'observer',
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i) => i.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    const { rows } = await withDb((db) => db.query(`SELECT name FROM institutions ORDER BY name`));
    expect(seen).toEqual(rows.map((r: { name: string }) => r.name));
    const bad = await request('GET', '/api/institutions?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['cursor']);
    expect(fieldsOf((await request('GET', '/api/institutions?limit=0')).body)).toEqual(['limit']);
  });

  it('shows an institution with its offices, their terms in order, the current holder and the terms that end soon', async () => {
    const institution = await newInstitution({ abbreviation: 'OAS', seatTimeZone: 'America/New_York' });
    const secretary = await newOffice(institution.id, { title: 'B Secretary General', source: 'letter' });
    const members = await newOffice(institution.id, { title: 'A Member States', isCollective: true });
    const rapporteur = await newOffice(institution.id, { title: 'C Rapporteur' });
    const current = await newTerm(secretary.id, { holderName: 'Current holder', startsOn: day(-100), endsOn: day(20) });
    const next = await newTerm(secretary.id, { holderName: 'Next holder', startsOn: day(21) });
    const previous = await newTerm(secretary.id, {
      holderName: 'Previous holder',
      startsOn: day(-500),
      endsOn: day(-101),
      source: 'record',
    });
    const lastDayToday = await newTerm(rapporteur.id, { holderName: 'Ends today', startsOn: null, endsOn: day(0) });
    const later = await newTerm(rapporteur.id, { holderName: 'Ends in 31 days', startsOn: day(1), endsOn: day(31) });

    const detail = await request('GET', `/api/institutions/${institution.id}`, 'observer');
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: institution.id, abbreviation: 'OAS', officeCount: 3 });
    expect(detail.body.offices.map((o: { title: string }) => o.title)).toEqual(['A Member States', 'B Secretary General', 'C Rapporteur']);
    const [m, s, r] = detail.body.offices;
    expect(m).toEqual({
      id: members.id,
      institutionId: institution.id,
      institutionName: institution.name,
      seatTimeZone: 'America/New_York',
      title: 'A Member States',
      isCollective: true,
      source: null,
      terms: [],
      currentHolder: null,
    });
    expect(s.terms).toEqual([
      { id: previous.id, holderName: 'Previous holder', startsOn: day(-500), endsOn: day(-101), source: 'record', endsSoon: false },
      { id: current.id, holderName: 'Current holder', startsOn: day(-100), endsOn: day(20), source: null, endsSoon: true },
      { id: next.id, holderName: 'Next holder', startsOn: day(21), endsOn: null, source: null, endsSoon: false },
    ]);
    expect(s.currentHolder).toEqual(s.terms[1]);
    expect(s).toMatchObject({ isCollective: false, source: 'letter' });
    // An unknown start comes first; a term ending today still holds the office and ends soon; 31 days is not soon.
    expect(r.terms.map((t: { id: string; endsSoon: boolean }) => [t.id, t.endsSoon])).toEqual([
      [lastDayToday.id, true],
      [later.id, false],
    ]);
    expect(r.currentHolder.id).toBe(lastDayToday.id);

    const office = await request('GET', `/api/offices/${secretary.id}`, 'member');
    expect(office.status).toBe(200);
    expect(office.body).toEqual(s);
  });

  it('reads an institution with a fixed number of queries, however many offices and terms it has', async () => {
    const dataSource = api.app.get(DataSource);
    const runner = dataSource.createQueryRunner();
    const proto = Object.getPrototypeOf(runner) as QueryRunner;
    await runner.release();
    const directorySql = /\b(institutions|offices|officeholder_terms)\b/;

    async function queriesToRead(institutionId: string): Promise<number> {
      const spy = vi.spyOn(proto, 'query');
      try {
        expect((await request('GET', `/api/institutions/${institutionId}`)).status).toBe(200);
        return spy.mock.calls.filter(([sql]) => directorySql.test(String(sql))).length;
      } finally {
        spy.mockRestore();
      }
    }

    const small = await newInstitution();
    await newTerm((await newOffice(small.id)).id, { startsOn: '2020-01-01' });
    const large = await newInstitution();
    for (let i = 0; i < 4; i++) {
      const office = await newOffice(large.id);
      for (let year = 2020; year < 2023; year++) await newTerm(office.id, { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` });
    }
    const forSmall = await queriesToRead(small.id);
    expect(forSmall).toBeGreaterThan(0);
    expect(forSmall).toBeLessThanOrEqual(3);
    expect(await queriesToRead(large.id)).toBe(forSmall);
  });

  it('answers who held an office on a day, across a change of holder, and when nobody did', async () => {
    // The OAS Secretary General changed on 26 May 2025 (founding campaign).
    const oas = await newInstitution({ name: uniqueName('Organization of American States'), seatTimeZone: 'America/New_York' });
    const office = await newOffice(oas.id, { title: 'Secretary General' });
    const almagro = await newTerm(office.id, { holderName: 'Luis Almagro Lemes', startsOn: '2015-05-26', endsOn: '2025-05-25' });
    const ramdin = await newTerm(office.id, { holderName: 'Albert Ramdin', startsOn: '2025-05-26' });

    const on = async (date: string) => {
      const r = await request('GET', `/api/offices/${office.id}/holder?on=${date}`, 'observer');
      expect(r.status).toBe(200);
      expect(r.body.on).toBe(date);
      return r.body.term as { id: string; holderName: string } | null;
    };
    expect((await on('2025-05-25'))?.holderName).toBe('Luis Almagro Lemes');
    expect((await on('2025-05-26'))?.holderName).toBe('Albert Ramdin');
    expect((await on('2015-05-26'))?.id).toBe(almagro.id);
    expect(await on('2015-05-25')).toBeNull();
    expect(await on(day(365))).toMatchObject({ id: ramdin.id, startsOn: '2025-05-26', endsOn: null, endsSoon: false });

    const now = await request('GET', `/api/offices/${office.id}/holder`, 'member');
    expect(now.body).toEqual({ on: today, term: expect.objectContaining({ id: ramdin.id }) });
    const empty = await newOffice(oas.id);
    expect((await request('GET', `/api/offices/${empty.id}/holder?on=2025-05-26`)).body).toEqual({ on: '2025-05-26', term: null });

    for (const bad of ['2025-02-29', '26-05-2025', '2025-05-26T00:00:00Z', 'tomorrow']) {
      const r = await request('GET', `/api/offices/${office.id}/holder?on=${encodeURIComponent(bad)}`);
      expect(r.status, bad).toBe(400);
      expect(fieldsOf(r.body), bad).toEqual(['on']);
    }
    expect((await request('GET', `/api/offices/${UNKNOWN_ID}/holder?on=2025-05-26`)).status).toBe(404);
  });

  it('lets admins and coordinators build and edit the directory', async () => {
    const name = uniqueName('UN Human Rights Council');
    const created = await request('POST', '/api/institutions', 'coordinator', {
      name: `  ${name}  `,
      abbreviation: 'HRC',
      seatTimeZone: 'Europe/Zurich',
      website: 'https://www.ohchr.org/en/hr-bodies/hrc',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name,
      abbreviation: 'HRC',
      seatTimeZone: 'Europe/Zurich',
      website: 'https://www.ohchr.org/en/hr-bodies/hrc',
      officeCount: 0,
    });
    const edited = await request('PATCH', `/api/institutions/${created.body.id}`, 'admin', { abbreviation: '', website: null });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name, abbreviation: null, website: null, seatTimeZone: 'Europe/Zurich' });
    const renamed = await request('PATCH', `/api/institutions/${created.body.id}`, 'coordinator', { name: `${name} (Geneva)` });
    expect(renamed.body.name).toBe(`${name} (Geneva)`);

    const office = await request('POST', `/api/institutions/${created.body.id}/offices`, 'admin', { title: 'President', source: 'letter' });
    expect(office.status).toBe(201);
    expect(office.body).toMatchObject({
      institutionId: created.body.id,
      institutionName: `${name} (Geneva)`,
      title: 'President',
      isCollective: false,
      source: 'letter',
      terms: [],
      currentHolder: null,
    });
    const officeEdited = await request('PATCH', `/api/offices/${office.body.id}`, 'coordinator', {
      title: 'President of the Council',
      source: null,
    });
    expect(officeEdited.body).toMatchObject({ title: 'President of the Council', source: null });

    const term = await request('POST', `/api/offices/${office.body.id}/terms`, 'coordinator', {
      holderName: 'Jürg Lauber',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      source: 'UN Geneva press release',
    });
    expect(term.status).toBe(201);
    expect(term.body).toEqual({
      id: expect.any(String),
      holderName: 'Jürg Lauber',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      source: 'UN Geneva press release',
      endsSoon: false,
    });
    const termEdited = await request('PATCH', `/api/terms/${term.body.id}`, 'admin', {
      holderName: 'Ambassador Jürg Lauber',
      endsOn: null,
    });
    expect(termEdited.status).toBe(200);
    expect(termEdited.body).toMatchObject({ holderName: 'Ambassador Jürg Lauber', startsOn: '2025-01-01', endsOn: null });
    expect((await request('GET', `/api/offices/${office.body.id}`)).body.currentHolder).toMatchObject({ id: term.body.id });

    const deleted = await request('DELETE', `/api/terms/${term.body.id}`, 'coordinator');
    expect(deleted.status).toBe(204);
    expect((await request('GET', `/api/offices/${office.body.id}`)).body).toMatchObject({ terms: [], currentHolder: null });
    expect((await request('DELETE', `/api/terms/${term.body.id}`, 'coordinator')).status).toBe(404);
  });

  describe('who may write', () => {
    interface Fixture {
      institutionId: string;
      officeId: string;
      termId: string;
    }
    const WRITES: { route: string; path: (f: Fixture) => string; body?: () => unknown; success: number }[] = [
      {
        route: 'POST /institutions',
        path: () => '/api/institutions',
        body: () => ({ name: uniqueName('I'), seatTimeZone: 'UTC' }),
        success: 201,
      },
      {
        route: 'PATCH /institutions/:id',
        path: (f) => `/api/institutions/${f.institutionId}`,
        body: () => ({ abbreviation: 'X' }),
        success: 200,
      },
      {
        route: 'POST /institutions/:id/offices',
        path: (f) => `/api/institutions/${f.institutionId}/offices`,
        body: () => ({ title: uniqueName('O') }),
        success: 201,
      },
      { route: 'PATCH /offices/:id', path: (f) => `/api/offices/${f.officeId}`, body: () => ({ source: 'record' }), success: 200 },
      {
        route: 'POST /offices/:id/terms',
        path: (f) => `/api/offices/${f.officeId}/terms`,
        body: () => ({ holderName: 'Someone', startsOn: '2030-01-01' }),
        success: 201,
      },
      { route: 'PATCH /terms/:id', path: (f) => `/api/terms/${f.termId}`, body: () => ({ holderName: 'Someone else' }), success: 200 },
      { route: 'DELETE /terms/:id', path: (f) => `/api/terms/${f.termId}`, success: 204 },
    ];

    /** A fresh institution, office and term, written straight to the database (so no audit event). */
    const arrange = () =>
      withDb(async (db): Promise<Fixture> => {
        const i = await db.query(`INSERT INTO institutions (name, seat_time_zone) VALUES ($1, 'UTC') RETURNING id`, [uniqueName('I')]);
        const o = await db.query(`INSERT INTO offices (institution_id, title) VALUES ($1, 'Office') RETURNING id`, [i.rows[0].id]);
        const t = await db.query(
          `INSERT INTO officeholder_terms (office_id, holder_name, starts_on, ends_on) VALUES ($1, 'Holder', '2020-01-01', '2020-12-31') RETURNING id`,
          [o.rows[0].id],
        );
        return { institutionId: i.rows[0].id, officeId: o.rows[0].id, termId: t.rows[0].id };
      });

    it.for(ROLES)('lets %s write only as "Who may do what" says', async (role) => {
      const start = await withDb((db) => db.query(`SELECT coalesce(max(id), 0) AS id FROM audit_events`));
      for (const write of WRITES) {
        const [method] = write.route.split(' ');
        const r = await request(method!, write.path(await arrange()), role, write.body?.());
        expect(r.status, `${role} ${write.route}`).toBe(MAY_EDIT_DIRECTORY.includes(role) ? write.success : 403);
      }
      const { rows } = await withDb((db) =>
        db.query(`SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND id > $2`, [users[role].id, start.rows[0].id]),
      );
      expect(rows[0].n).toBe(MAY_EDIT_DIRECTORY.includes(role) ? WRITES.length : 0);
    });
  });

  it('refuses a second institution of the same name and a second office of the same title in one institution', async () => {
    const first = await newInstitution();
    const duplicate = await request('POST', '/api/institutions', 'coordinator', { name: ` ${first.name} `, seatTimeZone: 'Europe/Zurich' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'name_taken', details: [{ field: 'name' }] });
    const other = await newInstitution();
    const rename = await request('PATCH', `/api/institutions/${other.id}`, 'coordinator', { name: first.name });
    expect(rename.status).toBe(409);
    expect(rename.body).toMatchObject({ code: 'name_taken', details: [{ field: 'name' }] });

    const office = await newOffice(first.id, { title: 'Secretary-General' });
    const sameTitle = await request('POST', `/api/institutions/${first.id}/offices`, 'coordinator', { title: 'Secretary-General' });
    expect(sameTitle.status).toBe(409);
    expect(sameTitle.body).toMatchObject({ code: 'title_taken', details: [{ field: 'title' }] });
    await newOffice(other.id, { title: 'Secretary-General' });
    const second = await newOffice(first.id, { title: 'Deputy Secretary-General' });
    const retitle = await request('PATCH', `/api/offices/${second.id}`, 'coordinator', { title: office.title });
    expect(retitle.status).toBe(409);
    expect(retitle.body.code).toBe('title_taken');
    expect((await request('GET', `/api/institutions/${first.id}`)).body.offices.map((o: { title: string }) => o.title)).toEqual([
      'Deputy Secretary-General',
      'Secretary-General',
    ]);
  });

  it('keeps names unique and terms apart when the same write arrives several times at once', async () => {
    const name = uniqueName('Concurrent');
    const creates = await Promise.all(
      Array.from({ length: 6 }, () => request('POST', '/api/institutions', 'coordinator', { name, seatTimeZone: 'UTC' })),
    );
    expect(creates.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(creates.filter((r) => r.status === 409).every((r) => r.body.code === 'name_taken')).toBe(true);

    const office = await newOffice(creates.find((r) => r.status === 201)!.body.id);
    const terms = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        request('POST', `/api/offices/${office.id}/terms`, 'coordinator', { holderName: `Holder ${i}`, startsOn: `2025-0${i + 1}-01` }),
      ),
    );
    expect(terms.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const { rows } = await withDb((db) => db.query(`SELECT count(*)::int AS n FROM officeholder_terms WHERE office_id = $1`, [office.id]));
    expect(rows[0].n).toBe(1);
  });

  it('names the field of every bad input', async () => {
    const bad = await request('POST', '/api/institutions', 'coordinator', {
      name: '   ',
      abbreviation: 'x'.repeat(31),
      seatTimeZone: 'Mars/Olympus_Mons',
      website: 'ftp://example.org',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(fieldsOf(bad.body)).toEqual(['abbreviation', 'name', 'seatTimeZone', 'website']);
    expect(fieldsOf((await request('POST', '/api/institutions', 'coordinator', {})).body)).toEqual(['name', 'seatTimeZone']);
    expect(fieldsOf((await request('POST', '/api/institutions', 'coordinator', { name: null, seatTimeZone: null })).body)).toEqual([
      'name',
      'seatTimeZone',
    ]);
    const institution = await newInstitution();
    const nulls = await request('PATCH', `/api/institutions/${institution.id}`, 'coordinator', {
      name: null,
      seatTimeZone: 'Europe/Nowhere',
    });
    expect(fieldsOf(nulls.body)).toEqual(['name', 'seatTimeZone']);
    const unknownField = await request('PATCH', `/api/institutions/${institution.id}`, 'coordinator', { officeCount: 3 });
    expect(unknownField.body.details).toEqual([{ field: 'officeCount', message: 'is not a known field' }]);

    const badOffice = await request('POST', `/api/institutions/${institution.id}/offices`, 'coordinator', {
      title: '',
      isCollective: 'yes',
      source: 's'.repeat(501),
    });
    expect(fieldsOf(badOffice.body)).toEqual(['isCollective', 'source', 'title']);
    const office = await newOffice(institution.id);
    expect(
      fieldsOf((await request('PATCH', `/api/offices/${office.id}`, 'coordinator', { isCollective: null, title: null })).body),
    ).toEqual(['isCollective', 'title']);

    const badTerm = await request('POST', `/api/offices/${office.id}/terms`, 'coordinator', {
      holderName: 'x'.repeat(201),
      startsOn: '2025-02-29',
      endsOn: '30 April 2025',
    });
    expect(fieldsOf(badTerm.body)).toEqual(['endsOn', 'holderName', 'startsOn']);
    const backwards = await request('POST', `/api/offices/${office.id}/terms`, 'coordinator', {
      holderName: 'Backwards',
      startsOn: '2025-04-30',
      endsOn: '2025-04-01',
    });
    expect(backwards.status).toBe(400);
    expect(fieldsOf(backwards.body)).toEqual(['endsOn']);
    const term = await newTerm(office.id, { startsOn: '2025-04-01', endsOn: '2025-04-30' });
    const movedBack = await request('PATCH', `/api/terms/${term.id}`, 'coordinator', { endsOn: '2025-03-31' });
    expect(movedBack.status).toBe(400);
    expect(fieldsOf(movedBack.body)).toEqual(['endsOn']);
    expect(fieldsOf((await request('PATCH', `/api/terms/${term.id}`, 'coordinator', { holderName: null })).body)).toEqual(['holderName']);
    // Nothing of the refused writes was kept.
    expect((await request('GET', `/api/offices/${office.id}`)).body.terms).toEqual([
      expect.objectContaining({ id: term.id, endsOn: '2025-04-30' }),
    ]);
  });

  it('refuses overlapping terms on an individual office and allows them on a collective body', async () => {
    const institution = await newInstitution();
    const presidency = await newOffice(institution.id, { title: 'President of the Security Council' });
    const april = await newTerm(presidency.id, { holderName: 'April president', startsOn: '2025-04-01', endsOn: '2025-04-30' });

    for (const dates of [
      { startsOn: '2025-04-30', endsOn: '2025-05-31' },
      { startsOn: '2025-03-01', endsOn: '2025-04-01' },
      { startsOn: null, endsOn: null },
      { startsOn: '2025-03-01' },
    ]) {
      const r = await request('POST', `/api/offices/${presidency.id}/terms`, 'coordinator', { holderName: 'Overlapping', ...dates });
      expect(r.status, JSON.stringify(dates)).toBe(409);
      expect(r.body).toMatchObject({ code: 'terms_overlap', details: [{ field: 'startsOn' }] });
    }
    const may = await newTerm(presidency.id, { holderName: 'May president', startsOn: '2025-05-01', endsOn: '2025-05-31' }, 'coordinator');
    const moved = await request('PATCH', `/api/terms/${may.id}`, 'coordinator', { startsOn: '2025-04-15' });
    expect(moved.status).toBe(409);
    expect(moved.body).toMatchObject({ code: 'terms_overlap', details: [{ field: 'startsOn' }] });
    // A term may be edited without clashing with itself.
    expect((await request('PATCH', `/api/terms/${april.id}`, 'coordinator', { startsOn: '2025-03-31', endsOn: '2025-04-30' })).status).toBe(
      200,
    );
    const { rows } = await withDb((db) =>
      db.query(`SELECT count(*)::int AS n FROM officeholder_terms WHERE office_id = $1`, [presidency.id]),
    );
    expect(rows[0].n).toBe(2);

    const members = await newOffice(institution.id, { title: 'Members of the Council', isCollective: true });
    await newTerm(members.id, { holderName: 'France', startsOn: '2024-01-01', endsOn: '2025-12-31' });
    await newTerm(members.id, { holderName: 'Slovenia', startsOn: '2024-01-01', endsOn: '2025-12-31' });
    await newTerm(members.id, { holderName: 'Permanent member', startsOn: null, endsOn: null });
    const individual = await request('PATCH', `/api/offices/${members.id}`, 'coordinator', { isCollective: false });
    expect(individual.status).toBe(409);
    expect(individual.body).toMatchObject({ code: 'terms_overlap', details: [{ field: 'isCollective' }] });
    expect((await request('GET', `/api/offices/${members.id}`)).body).toMatchObject({ isCollective: true });

    // An individual office made collective accepts the overlap it refused before.
    expect((await request('PATCH', `/api/offices/${presidency.id}`, 'coordinator', { isCollective: true })).status).toBe(200);
    await newTerm(presidency.id, { holderName: 'Co-president', startsOn: '2025-04-10', endsOn: '2025-04-20' }, 'coordinator');
  });

  it('answers a malformed id with 400 and an unknown one with 404', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/institutions/:id'],
      ['PATCH', '/api/institutions/:id', { abbreviation: 'X' }],
      ['POST', '/api/institutions/:id/offices', { title: 'T' }],
      ['GET', '/api/offices/:id'],
      ['PATCH', '/api/offices/:id', { source: 'x' }],
      ['GET', '/api/offices/:id/holder'],
      ['POST', '/api/offices/:id/terms', { holderName: 'H' }],
      ['PATCH', '/api/terms/:id', { holderName: 'H' }],
      ['DELETE', '/api/terms/:id'],
    ];
    for (const [method, path, body] of routes) {
      const malformed = await request(method, path.replace(':id', 'not-an-id'), 'coordinator', body);
      expect(malformed.status, `${method} ${path}`).toBe(400);
      expect(malformed.body).toMatchObject({ code: 'invalid_id', details: [{ field: 'id' }] });
      const unknown = await request(method, path.replace(':id', UNKNOWN_ID), 'coordinator', body);
      expect(unknown.status, `${method} ${path}`).toBe(404);
      expect(unknown.body.code).toBe('not_found');
    }
  });

  it('records every write in the audit trail, with what changed, in the same transaction', async () => {
    const actor = users.coordinator;
    const institution = await newInstitution({ abbreviation: 'UNSC', seatTimeZone: 'America/New_York' }, 'coordinator');
    await request('PATCH', `/api/institutions/${institution.id}`, 'coordinator', { abbreviation: 'SC', seatTimeZone: 'America/New_York' });
    const office = await newOffice(institution.id, { title: 'President' }, 'coordinator');
    await request('PATCH', `/api/offices/${office.id}`, 'coordinator', { isCollective: true, title: 'President' });
    const term = await newTerm(office.id, { holderName: 'Jérôme Bonnafont', startsOn: '2025-04-01', endsOn: '2025-04-30' }, 'coordinator');
    await request('PATCH', `/api/terms/${term.id}`, 'coordinator', { endsOn: '2025-05-01', source: 'letter' });
    await request('DELETE', `/api/terms/${term.id}`, 'coordinator');
    // Edits that change nothing and refused writes leave no trace.
    await request('PATCH', `/api/institutions/${institution.id}`, 'coordinator', { abbreviation: 'SC' });
    await request('POST', `/api/institutions/${institution.id}/offices`, 'coordinator', { title: 'President' });

    const { rows } = await withDb((db) =>
      db.query(
        `SELECT action, subject_type, subject_id, actor_id, campaign_id, before, after FROM audit_events
         WHERE subject_id = ANY($1::uuid[]) ORDER BY id`,
        [[institution.id, office.id, term.id]],
      ),
    );
    const common = { actor_id: actor.id, campaign_id: null };
    expect(rows).toEqual([
      {
        ...common,
        action: 'institution.created',
        subject_type: 'institution',
        subject_id: institution.id,
        before: null,
        after: { name: institution.name, abbreviation: 'UNSC', seatTimeZone: 'America/New_York', website: null },
      },
      {
        ...common,
        action: 'institution.updated',
        subject_type: 'institution',
        subject_id: institution.id,
        before: { abbreviation: 'UNSC' },
        after: { abbreviation: 'SC' },
      },
      {
        ...common,
        action: 'office.created',
        subject_type: 'office',
        subject_id: office.id,
        before: null,
        after: { institutionId: institution.id, title: 'President', isCollective: false, source: null },
      },
      {
        ...common,
        action: 'office.updated',
        subject_type: 'office',
        subject_id: office.id,
        before: { isCollective: false },
        after: { isCollective: true },
      },
      {
        ...common,
        action: 'term.created',
        subject_type: 'term',
        subject_id: term.id,
        before: null,
        after: { officeId: office.id, holderName: 'Jérôme Bonnafont', startsOn: '2025-04-01', endsOn: '2025-04-30', source: null },
      },
      {
        ...common,
        action: 'term.updated',
        subject_type: 'term',
        subject_id: term.id,
        before: { endsOn: '2025-04-30', source: null },
        after: { endsOn: '2025-05-01', source: 'letter' },
      },
      {
        ...common,
        action: 'term.deleted',
        subject_type: 'term',
        subject_id: term.id,
        before: { officeId: office.id, holderName: 'Jérôme Bonnafont', startsOn: '2025-04-01', endsOn: '2025-05-01', source: 'letter' },
        after: null,
      },
    ]);
  });
});
