import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../src/core/database/data-source-options.js';
import { migrate } from '../src/core/database/database-admin.js';
import { parseCsv } from '../src/demo/csv.js';
import { loadDemoDataIfEmpty } from '../src/demo/demo-data.loader.js';
import { createDatabase, dropDatabase } from './support/databases.js';

// The expected rows come straight from the data tables shipped with the product, read here on
// their own, so the test checks the loader against the source, not against itself.
const table = (name: string) => parseCsv(readFileSync(new URL(`../data/founding-campaign/${name}`, import.meta.url), 'utf8'));
const offices = table('offices.csv');
const terms = table('terms.csv');
const milestones = table('milestones.csv');
const demands = table('demands.csv');

describe('demo data: the founding campaign', () => {
  let databaseUrl: string;
  let db: DataSource;
  const now = new Date('2026-11-28T10:00:00Z');

  beforeAll(async () => {
    databaseUrl = await createDatabase('demarche_demo');
    await migrate({ databaseUrl, databasePoolSize: 2 });
    db = await new DataSource(dataSourceOptions({ databaseUrl, databasePoolSize: 4 })).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(databaseUrl);
  });

  it('loads once even when two processes start together', async () => {
    const other = await new DataSource(dataSourceOptions({ databaseUrl, databasePoolSize: 2 })).initialize();
    try {
      const results = await Promise.all([loadDemoDataIfEmpty(db, now), loadDemoDataIfEmpty(other, now)]);
      expect(results.filter((r) => r.loaded)).toHaveLength(1);
    } finally {
      await other.destroy();
    }
    expect(await db.query('SELECT count(*)::int AS n FROM campaigns')).toEqual([{ n: 1 }]);
  });

  it('holds the campaign as the letter describes it', async () => {
    const [campaign] = await db.query('SELECT * FROM campaigns');
    expect(campaign.title).toBe('Civil Society Calls for Urgent UN Action on US/El Salvador Detention Agreement');
    expect(campaign.status).toBe('active');
    expect(campaign.letter_date).toBe('2025-04-29');
    expect(campaign.letter_text.startsWith('April 29, 2025\nTo António Guterres')).toBe(true);
    expect(campaign.letter_text.trim().endsWith('Respectfully,')).toBe(true);
  });

  it('has the two signatories as leads, and example organizations only labelled as such', async () => {
    const rows = await db.query(
      `SELECT o.name, o.is_example, o.contact_email, co.role FROM campaign_organizations co JOIN organizations o ON o.id = co.organization_id ORDER BY o.name`,
    );
    const real = rows.filter((r: { is_example: boolean }) => !r.is_example);
    expect(real).toEqual([
      { name: 'Center for Constitutional Rights', is_example: false, contact_email: null, role: 'lead' },
      { name: 'Movement Law Lab', is_example: false, contact_email: null, role: 'lead' },
    ]);
    for (const example of rows.filter((r: { is_example: boolean }) => r.is_example)) {
      expect(example.name).toMatch(/example/i);
      expect(example.contact_email).toMatch(/@example\.org$/);
      expect(example.role).toBe('signatory');
    }
    const users = await db.query(`SELECT email FROM users WHERE email NOT LIKE '%@example.org' OR NOT is_example`);
    expect(users).toEqual([]);
  });

  it('has every office with its institution, kind and seat time zone', async () => {
    const rows = await db.query(
      `SELECT o.title, o.is_collective, i.name AS institution, i.seat_time_zone FROM offices o JOIN institutions i ON i.id = o.institution_id`,
    );
    expect(rows).toHaveLength(offices.length);
    for (const o of offices) {
      expect(rows).toContainEqual({
        title: o.office,
        is_collective: o.collective === 'yes',
        institution: o.institution,
        seat_time_zone: o.seat_time_zone,
      });
    }
  });

  it('has every officeholder term on the right office', async () => {
    const rows = await db.query(
      `SELECT t.holder_name, t.starts_on, t.ends_on, o.title FROM officeholder_terms t JOIN offices o ON o.id = t.office_id`,
    );
    expect(rows).toHaveLength(terms.length);
    const officeTitle = new Map(offices.map((o) => [o.key, o.office]));
    for (const t of terms) {
      expect(rows).toContainEqual({
        holder_name: t.holder,
        starts_on: t.from || null,
        ends_on: t.until || null,
        title: officeTitle.get(t.office!),
      });
    }
  });

  it('has every milestone with its date and zone', async () => {
    const rows = await db.query(`SELECT reference, title, kind, occurs_on, time_zone FROM milestones`);
    expect(rows).toHaveLength(milestones.length);
    for (const m of milestones) {
      expect(rows).toContainEqual({ reference: m.key, title: m.title, kind: m.kind, occurs_on: m.date, time_zone: m.time_zone });
    }
  });

  it('has every demand, verbatim, on its office, sent on 29 April 2025, with milestone deadlines', async () => {
    const rows = await db.query(`
      SELECT d.text, d.category, d.status, o.title AS office, m.reference AS milestone,
             d.deadline_at, d.deadline_time_zone, to_char(d.sent_at AT TIME ZONE 'America/New_York', 'YYYY-MM-DD') AS sent_on
      FROM demands d JOIN offices o ON o.id = d.office_id LEFT JOIN milestones m ON m.id = d.deadline_milestone_id
      ORDER BY d.position`);
    expect(rows).toHaveLength(35);
    expect(demands).toHaveLength(35);
    const officeTitle = new Map(offices.map((o) => [o.key, o.office]));
    for (const [i, d] of demands.entries()) {
      const row = rows[i];
      expect(row).toMatchObject({
        text: d.quote,
        category: d.category,
        status: 'sent',
        office: officeTitle.get(d.office!),
        sent_on: '2025-04-29',
      });
      expect(row.milestone).toBe(d.deadline_milestone || null);
      if (d.deadline_milestone) {
        const m = milestones.find((x) => x.key === d.deadline_milestone)!;
        expect(row.deadline_time_zone).toBe(m.time_zone);
        // Due at the end of the milestone's day, where it happens.
        const local = new Intl.DateTimeFormat('en-CA', {
          timeZone: m.time_zone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(row.deadline_at);
        expect(local).toBe(`${m.date}, 23:59`);
      } else {
        expect(row.deadline_at).toBeNull();
      }
    }
    const changes = await db.query(`SELECT count(*)::int AS n FROM demand_status_changes WHERE to_status = 'sent' AND from_status IS NULL`);
    expect(changes).toEqual([{ n: 35 }]);
  });

  it('creates one example account per role, with an argon2id password', async () => {
    const rows = await db.query(`SELECT role, email, is_example, password_hash FROM users ORDER BY email`);
    expect(rows.map((r: { role: string }) => r.role).sort()).toEqual(['admin', 'coordinator', 'member', 'observer']);
    for (const r of rows) {
      expect(r.is_example).toBe(true);
      expect(r.email).toMatch(/^demo-[a-z]+@example\.org$/);
      expect(r.password_hash).toMatch(/^\$argon2id\$/);
    }
  });

  it('plans reminders only for what is still to come: history sets off none', async () => {
    const rows: { subject_type: string; fire_at: Date }[] = await db.query(
      `SELECT subject_type, fire_at FROM reminders WHERE status = 'pending'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.fire_at > now)).toBe(true);
    // The letter's deadlines (2025) are long past: no demand reminds anyone.
    expect(new Set(rows.map((r) => r.subject_type))).toEqual(new Set(['follow_up']));
  });

  it('invents no responses', async () => {
    expect(await db.query('SELECT count(*)::int AS n FROM responses')).toEqual([{ n: 0 }]);
  });

  it('has labelled example follow-ups, some overdue and some due within 14 days', async () => {
    const rows: { title: string; is_example: boolean; due_at: Date; status: string }[] = await db.query(
      'SELECT title, is_example, due_at, status FROM follow_ups',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const f of rows) {
      expect(f.is_example).toBe(true);
      expect(f.title.startsWith('Example:')).toBe(true);
    }
    const open = rows.filter((f) => f.status === 'open' || f.status === 'in_progress');
    expect(open.filter((f) => f.due_at < now).length).toBeGreaterThan(0);
    expect(open.filter((f) => f.due_at > now && f.due_at.getTime() - now.getTime() <= 14 * 86_400_000).length).toBeGreaterThan(0);
  });

  it('writes the timeline of what it loaded', async () => {
    const rows = await db.query(`SELECT action, count(*)::int AS n FROM audit_events GROUP BY action ORDER BY action`);
    expect(rows).toEqual([
      { action: 'campaign.created', n: 1 },
      { action: 'demand.status_changed', n: 35 },
      { action: 'follow_up.created', n: (await db.query('SELECT count(*)::int AS n FROM follow_ups'))[0].n },
    ]);
  });

  it('loads nothing the second time', async () => {
    const before = await db.query(
      `SELECT (SELECT count(*) FROM demands) AS d, (SELECT count(*) FROM organizations) AS o, (SELECT count(*) FROM follow_ups) AS f, (SELECT count(*) FROM audit_events) AS a`,
    );
    expect(await loadDemoDataIfEmpty(db, new Date())).toEqual({ loaded: false });
    const after = await db.query(
      `SELECT (SELECT count(*) FROM demands) AS d, (SELECT count(*) FROM organizations) AS o, (SELECT count(*) FROM follow_ups) AS f, (SELECT count(*) FROM audit_events) AS a`,
    );
    expect(after).toEqual(before);
  });
});
