/**
 * The bench's data: a campaign whose signatory organizations have follow-ups falling due within
 * the window, and their reminders planned by the product's own `replanReminders`.
 */
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type * as Planner from '../../src/reminders/reminder-planner.js';

/** Every follow-up is org-wide: its organization's 5 people (2 coordinators, 3 members) are reminded. */
export const PEOPLE_PER_ORG = 5;
const FOLLOW_UPS_PER_ORG = 10;

export interface Fixture {
  campaignId: string;
  coordinatorId: string;
  coordinatorEmail: string;
  /** The signatory organizations whose people are reminded, and those people (5 per organization, in order). */
  organizationIds: string[];
  people: string[];
}

export async function withClient<T>(url: string, work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url, application_name: 'demarche-bench-reminders' });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end().catch(() => undefined);
  }
}

/**
 * A lead organization with a coordinator (who signs in for the API load), an active campaign
 * with the default reminder policy, and enough signatory organizations, each with 5 people in
 * several time zones and both languages (every e-mail is rendered for its recipient).
 */
export async function createFixture(db: pg.Client, count: number, passwordHash: string): Promise<Fixture> {
  const orgs = Math.max(1, Math.ceil(Math.ceil(count / PEOPLE_PER_ORG) / FOLLOW_UPS_PER_ORG));
  const lead = (await db.query(`INSERT INTO organizations (name, kind) VALUES ('Bench lead network', 'network') RETURNING id`)).rows[0]
    .id as string;
  const coordinatorEmail = 'lead-coordinator@bench-reminders.example.org';
  const coordinatorId = (
    await db.query(
      `INSERT INTO users (email, display_name, organization_id, role, password_hash, time_zone)
       VALUES ($1, 'Lead Coordinator', $2, 'coordinator', $3, 'Europe/Zurich') RETURNING id`,
      [coordinatorEmail, lead, passwordHash],
    )
  ).rows[0].id as string;
  const campaignId = (
    await db.query(
      `INSERT INTO campaigns (title, summary, status) VALUES ('Reminder punctuality', 'Bench campaign', 'active') RETURNING id`,
    )
  ).rows[0].id as string;
  await db.query(`INSERT INTO campaign_organizations (campaign_id, organization_id, role) VALUES ($1, $2, 'lead')`, [campaignId, lead]);
  const organizationIds = (
    await db.query(
      `INSERT INTO organizations (name, kind)
       SELECT 'Bench signatory ' || lpad(i::text, 5, '0'), 'ngo' FROM generate_series(1, $1::int) AS i ORDER BY i RETURNING id, name`,
      [orgs],
    )
  ).rows
    .sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))
    .map((r: { id: string }) => r.id);
  await db.query(
    `INSERT INTO campaign_organizations (campaign_id, organization_id, role) SELECT $1, o, 'signatory' FROM unnest($2::uuid[]) AS o`,
    [campaignId, organizationIds],
  );
  const people = (
    await db.query(
      `INSERT INTO users (email, display_name, organization_id, role, time_zone, locale)
       SELECT 'p' || o.n || '-' || k || '@bench-reminders.example.org', 'Person ' || o.n || '-' || k, o.id,
              CASE WHEN k <= 2 THEN 'coordinator' ELSE 'member' END,
              (ARRAY['UTC', 'Europe/Zurich', 'America/New_York', 'Africa/Nairobi', 'Asia/Manila'])[1 + (o.n + k) % 5],
              CASE WHEN (o.n + k) % 3 = 0 THEN 'es' ELSE 'en' END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n), generate_series(1, $2::int) AS k
       RETURNING id, organization_id, email`,
      [organizationIds, PEOPLE_PER_ORG],
    )
  ).rows
    .sort((a: { email: string }, b: { email: string }) => a.email.localeCompare(b.email, 'en', { numeric: true }))
    .map((r: { id: string }) => r.id);
  return { campaignId, coordinatorId, coordinatorEmail, organizationIds, people };
}

/**
 * Follow-ups falling due at instants spread evenly over [start, start + spreadMs), inserted as the
 * follow-ups service inserts them, then their reminders planned by the product's own
 * `replanReminders`, in one transaction (the service plans each in its creation's): each gets
 * its at-the-deadline reminder for every person reminded (and, with the default policy, 15
 * overdue ones, every 2 days after). Whole organizations are reminded (5 people each);
 * `count % 5` follow-ups have one assignee instead. Returns each reminder of the window: id →
 * due instant.
 */
export async function planWindow(
  dataSource: DataSource,
  replanReminders: typeof Planner.replanReminders,
  fixture: Fixture,
  count: number,
  start: number,
  spreadMs: number,
): Promise<Map<string, number>> {
  const orgWide = Math.floor(count / PEOPLE_PER_ORG);
  const total = orgWide + (count % PEOPLE_PER_ORG);
  const rows = Array.from({ length: total }, (_, j) => {
    const assignee = j < orgWide ? null : (j - orgWide) % fixture.people.length; // a person of organization ⌊assignee / 5⌋
    const org = assignee === null ? Math.floor(j / FOLLOW_UPS_PER_ORG) : Math.floor(assignee / PEOPLE_PER_ORG);
    return {
      organizationId: fixture.organizationIds[org % fixture.organizationIds.length]!,
      assigneeId: assignee === null ? null : fixture.people[assignee]!,
      title: `Ask the rapporteur for a meeting #${j + 1}`,
      dueAt: new Date(start + Math.floor((j * spreadMs) / total)).toISOString(),
    };
  });
  const now = new Date();
  await dataSource.transaction(async (manager) => {
    const ids: { id: string }[] = await manager.query(
      `INSERT INTO follow_ups (campaign_id, organization_id, assignee_id, title, due_at, due_time_zone, status, created_by_id)
       SELECT $1, o, a, t, d, 'UTC', 'open', $6 FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[]) AS x(o, a, t, d)
       RETURNING id`,
      [
        fixture.campaignId,
        rows.map((r) => r.organizationId),
        rows.map((r) => r.assigneeId),
        rows.map((r) => r.title),
        rows.map((r) => r.dueAt),
        fixture.coordinatorId,
      ],
    );
    for (const { id } of ids) await replanReminders(manager, 'follow_up', id, now);
  });
  const due: { id: string; fire_at: Date }[] = await dataSource.query(
    `SELECT id, fire_at FROM reminders WHERE status = 'pending' AND fire_at >= $1 AND fire_at < $2`,
    [new Date(start), new Date(start + Math.max(spreadMs, 1))],
  );
  if (due.length !== count) throw new Error(`planned ${due.length} reminders in the window, expected ${count}`);
  return new Map(due.map((r) => [r.id, r.fire_at.getTime()]));
}
