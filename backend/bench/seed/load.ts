/**
 * Writes a plan (plan.ts) into PostgreSQL: the small tables as multi-row `unnest` inserts, the
 * bulk with set-based `INSERT … SELECT … FROM generate_series(…)` whose every choice hashes the
 * row's index (`bench_rnd`), in the same shapes the services write (follow-ups.service.ts,
 * reminder-planner.ts, reminders.processor.ts, notify.ts, the audit calls).
 */
import type pg from 'pg';
import { FOLLOW_UP_TITLES, RESPONSE_SUMMARIES, ADDRESS_PREFIXES } from './words.js';
import { CAMPAIGN_AUDIT_SHARE, contributorsOf, PER_SCALE, type Plan } from './plan.js';

type Column = [name: string, type: string, expression?: string];
type Value = string | number | boolean | null | Date;

const CHUNK = 5_000;

/** Inserts rows with one statement per 5,000: each column travels as one array parameter. */
export async function insertRows(db: pg.Client, table: string, columns: Column[], rows: Value[][]): Promise<number> {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const exprs = columns.map(([, , expression], i) => expression?.replace('$', `c${i}`) ?? `c${i}`).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const sql = `INSERT INTO ${table} (${names}) SELECT ${exprs} FROM unnest(${arrays}) AS t(${aliases})`;
  for (let at = 0; at < rows.length; at += CHUNK) {
    const chunk = rows.slice(at, at + CHUNK);
    await db.query(
      sql,
      columns.map((_, i) => chunk.map((r) => (r[i] instanceof Date ? (r[i] as Date).toISOString() : r[i]))),
    );
  }
  return rows.length;
}

/** Session helpers: deterministic randomness and ids (the same ids as random.ts's `uid`). */
export const SESSION_SQL = [
  `SET synchronous_commit = off`,
  `SET work_mem = '256MB'`,
  `SET maintenance_work_mem = '512MB'`,
  `SET jit = off`,
  `SET timezone = 'UTC'`,
  `CREATE FUNCTION pg_temp.bench_rnd(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
     $$ SELECT (hashint8extended(i, salt) & 4503599627370495)::float8 / 4503599627370496.0 $$`,
  `CREATE FUNCTION pg_temp.bench_uid(k text, i text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
     $$ SELECT overlay(overlay(md5(k || ':' || i) placing '4' from 13) placing '8' from 17)::uuid $$`,
];

const rnd = (i: string, salt: number): string => `pg_temp.bench_rnd(${i}, ${salt})`;
const uidSql = (kind: string, i: string): string => `pg_temp.bench_uid('${kind}', (${i})::text)`;
/** The same instant as JavaScript's toISOString(): notification keys embed it. */
const iso = (col: string): string => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const literal = (items: readonly string[]): string => `ARRAY[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]::text[]`;

/** The directory, organizations, people, campaigns, milestones, demands and their history, preferences. */
export async function loadPlan(db: pg.Client, plan: Plan, passwordHash: string): Promise<Record<string, number>> {
  const n: Record<string, number> = {};
  /** When the directory was entered (before any organization joined). */
  const directoryAt = new Date(plan.now.getTime() - 1600 * 86_400_000);
  n.institutions = await insertRows(
    db,
    'institutions',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['abbreviation', 'text'],
      ['seat_time_zone', 'text'],
      ['website', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    plan.institutions.map((i) => [i.id, i.name, i.abbreviation, i.zone, i.website, directoryAt, directoryAt]),
  );
  n.offices = await insertRows(
    db,
    'offices',
    [
      ['id', 'uuid'],
      ['institution_id', 'uuid'],
      ['title', 'text'],
      ['is_collective', 'bool'],
      ['source', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    plan.offices.map((o) => [o.id, o.institution.id, o.title, o.collective, o.institution.website, directoryAt, directoryAt]),
  );
  n.officeholder_terms = await insertRows(
    db,
    'officeholder_terms',
    [
      ['id', 'uuid'],
      ['office_id', 'uuid'],
      ['holder_name', 'text'],
      ['starts_on', 'date'],
      ['ends_on', 'date'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    plan.terms.map((t) => [t.id, t.officeId, t.holderName, t.startsOn, t.endsOn, directoryAt, directoryAt]),
  );
  n.organizations = await insertRows(
    db,
    'organizations',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['country', 'text'],
      ['kind', 'text'],
      ['contact_email', 'text'],
      ['website', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    plan.organizations.map((o) => [
      o.id,
      o.name,
      o.country.name,
      o.kind,
      `info@${o.domain}`,
      `https://${o.domain}`,
      o.createdAt,
      o.createdAt,
    ]),
  );
  n.users = await insertRows(
    db,
    'users',
    [
      ['id', 'uuid'],
      ['email', 'text'],
      ['display_name', 'text'],
      ['organization_id', 'uuid'],
      ['role', 'text'],
      ['time_zone', 'text'],
      ['locale', 'text'],
      ['disabled_at', 'timestamptz'],
      ['password_hash', 'text'],
      ['password_changed_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    plan.users.map((u) => [
      u.id,
      u.email,
      u.displayName,
      u.org.id,
      u.role,
      u.zone,
      u.locale,
      u.disabledAt,
      passwordHash,
      u.createdAt,
      u.createdAt,
      u.disabledAt ?? u.createdAt,
    ]),
  );
  n.campaigns = await insertRows(
    db,
    'campaigns',
    [
      ['id', 'uuid'],
      ['title', 'text'],
      ['summary', 'text'],
      ['letter_text', 'text'],
      ['letter_date', 'date'],
      ['status', 'text'],
      ['reminder_policy', 'jsonb'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    plan.campaigns.map((c) => [
      c.id,
      c.title,
      c.summary,
      c.letterText,
      c.letterDate,
      c.status,
      c.policy ? JSON.stringify(c.policy) : null,
      c.createdAt,
      c.archivedAt ?? c.concludedAt ?? c.sentAt ?? c.createdAt,
    ]),
  );
  n.campaign_organizations = await insertRows(
    db,
    'campaign_organizations',
    [
      ['campaign_id', 'uuid'],
      ['organization_id', 'uuid'],
      ['role', 'text'],
      ['created_at', 'timestamptz'],
    ],
    plan.campaigns.flatMap((c) => [
      ...c.leads.map((o, k) => [c.id, o.id, 'lead', new Date(c.createdAt.getTime() + k * 60_000)]),
      ...c.signatories.map((o, k) => [c.id, o.id, 'signatory', new Date(c.createdAt.getTime() + (c.leads.length + k) * 60_000)]),
    ]),
  );
  n.milestones = await insertRows(
    db,
    'milestones',
    [
      ['id', 'uuid'],
      ['campaign_id', 'uuid'],
      ['reference', 'text'],
      ['title', 'text'],
      ['kind', 'text'],
      ['occurs_on', 'date'],
      ['time_zone', 'text'],
      ['source', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    plan.campaigns.flatMap((c) =>
      c.milestones.map((m) => [m.id, c.id, m.reference, m.title, m.kind, m.occursOn, m.zone, m.source, m.createdAt, m.createdAt]),
    ),
  );
  n.demands = await insertRows(
    db,
    'demands',
    [
      ['id', 'uuid'],
      ['campaign_id', 'uuid'],
      ['office_id', 'uuid'],
      ['reference', 'text'],
      ['position', 'int'],
      ['text', 'text'],
      ['category', 'text'],
      ['priority', 'text'],
      ['status', 'text'],
      ['sent_at', 'timestamptz'],
      ['deadline_at', 'timestamptz'],
      ['deadline_time_zone', 'text'],
      ['deadline_milestone_id', 'uuid'],
      ['deadline_term_id', 'uuid'],
      ['notes', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    plan.demands.map((d) => [
      d.id,
      d.campaign.id,
      d.office.id,
      d.reference,
      d.position,
      d.text,
      d.category,
      d.priority,
      d.status,
      d.sentAt,
      d.deadlineAt,
      d.deadlineZone,
      d.milestoneId,
      d.termId,
      d.notes,
      d.createdAt,
      d.changes[d.changes.length - 1]!.at,
    ]),
  );
  n.demand_status_changes = await insertRows(
    db,
    'demand_status_changes',
    [
      ['id', 'uuid'],
      ['demand_id', 'uuid'],
      ['from_status', 'text'],
      ['to_status', 'text'],
      ['note', 'text'],
      ['actor_id', 'uuid'],
      ['changed_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
    ],
    plan.demands.flatMap((d) =>
      d.changes.map((ch, k) => [
        `${d.id.slice(0, 24)}${(k + 1).toString(16).padStart(12, '0')}`,
        d.id,
        ch.from,
        ch.to,
        ch.note,
        ch.actorId,
        ch.at,
        ch.at,
      ]),
    ),
  );
  n.notification_preferences = await insertRows(
    db,
    'notification_preferences',
    [
      ['user_id', 'uuid'],
      ['channels', 'jsonb'],
      ['digest', 'text'],
      ['muted_campaign_ids', 'text', '$::uuid[]'],
      ['last_digest_on', 'date'],
      ['updated_at', 'timestamptz'],
    ],
    plan.preferences.map((p) => [p.userId, p.channels, p.digest, `{${p.muted.join(',')}}`, p.lastDigestOn, p.updatedAt]),
  );
  return n;
}

/** Session tables the SQL steps read: the plan's structure, indexed by campaign and rank. */
export async function loadScaffolding(db: pg.Client, plan: Plan): Promise<void> {
  await db.query(`CREATE TEMP TABLE b_campaign (
    c int PRIMARY KEY, id uuid NOT NULL, status text NOT NULL, subject text NOT NULL, created_at timestamptz NOT NULL, end_at timestamptz NOT NULL,
    d_lo bigint NOT NULL, d_n int NOT NULL, f_lo bigint NOT NULL, f_n int NOT NULL, r_lo bigint NOT NULL, r_n int NOT NULL, rd_n int NOT NULL,
    n_part int NOT NULL, n_lead int NOT NULL, office_titles text[] NOT NULL,
    days_before int[] NOT NULL, local_time time NOT NULL, at_due bool NOT NULL, every int NOT NULL, for_days int NOT NULL, escalate int NOT NULL)`);
  await insertRows(
    db,
    'b_campaign',
    [
      ['c', 'int'],
      ['id', 'uuid'],
      ['status', 'text'],
      ['subject', 'text'],
      ['created_at', 'timestamptz'],
      ['end_at', 'timestamptz'],
      ['d_lo', 'bigint'],
      ['d_n', 'int'],
      ['f_lo', 'bigint'],
      ['f_n', 'int'],
      ['r_lo', 'bigint'],
      ['r_n', 'int'],
      ['rd_n', 'int'],
      ['n_part', 'int'],
      ['n_lead', 'int'],
      ['office_titles', 'text', '$::text[]'],
      ['days_before', 'text', '$::int[]'],
      ['local_time', 'time'],
      ['at_due', 'bool'],
      ['every', 'int'],
      ['for_days', 'int'],
      ['escalate', 'int'],
    ],
    plan.campaigns.map((c) => [
      c.idx,
      c.id,
      c.status,
      c.subject,
      c.createdAt,
      c.end,
      c.demandLo,
      c.demands.length,
      c.followUpLo,
      c.followUps,
      c.responseLo,
      c.responses,
      c.answered.length,
      c.participants.length,
      c.leadCoordinators.length,
      `{${c.offices.map((o) => `"${o.title.replace(/"/g, '\\"')}"`).join(',')}}`,
      `{${[...new Set(c.effectivePolicy.daysBefore)].join(',')}}`,
      c.effectivePolicy.localTime,
      c.effectivePolicy.atDue,
      c.effectivePolicy.overdueEveryDays,
      c.effectivePolicy.overdueForDays,
      c.effectivePolicy.escalateAfterDays,
    ]),
  );
  await db.query(`CREATE TEMP TABLE b_part (c int, ord int, org_id uuid, PRIMARY KEY (c, ord))`);
  await insertRows(
    db,
    'b_part',
    [
      ['c', 'int'],
      ['ord', 'int'],
      ['org_id', 'uuid'],
    ],
    plan.campaigns.flatMap((c) => c.participants.map((o, k) => [c.idx, k, o.id])),
  );
  await db.query(`CREATE TEMP TABLE b_lead (c int, ord int, user_id uuid, zone text, PRIMARY KEY (c, ord))`);
  await insertRows(
    db,
    'b_lead',
    [
      ['c', 'int'],
      ['ord', 'int'],
      ['user_id', 'uuid'],
      ['zone', 'text'],
    ],
    plan.campaigns.flatMap((c) => c.leadCoordinators.map((u, k) => [c.idx, k, u.id, u.zone])),
  );
  await db.query(`CREATE TEMP TABLE b_org (org_id uuid PRIMARY KEY, n int, zone text, name text)`);
  await db.query(`CREATE TEMP TABLE b_contrib (org_id uuid, ord int, user_id uuid, zone text, PRIMARY KEY (org_id, ord))`);
  await insertRows(
    db,
    'b_org',
    [
      ['org_id', 'uuid'],
      ['n', 'int'],
      ['zone', 'text'],
      ['name', 'text'],
    ],
    plan.organizations.map((o) => [o.id, contributorsOf(o).length, o.country.zone, o.name]),
  );
  await insertRows(
    db,
    'b_contrib',
    [
      ['org_id', 'uuid'],
      ['ord', 'int'],
      ['user_id', 'uuid'],
      ['zone', 'text'],
    ],
    plan.organizations.flatMap((o) => contributorsOf(o).map((u, k) => [o.id, k, u.id, u.zone])),
  );
  await db.query(`CREATE TEMP TABLE b_ans (c int, ord int, id uuid, institution_id uuid, status text, grp_start int, gn int, gpos int,
    lo timestamptz, hi timestamptz, PRIMARY KEY (c, ord))`);
  await insertRows(
    db,
    'b_ans',
    [
      ['c', 'int'],
      ['ord', 'int'],
      ['id', 'uuid'],
      ['institution_id', 'uuid'],
      ['status', 'text'],
      ['grp_start', 'int'],
      ['gn', 'int'],
      ['gpos', 'int'],
      ['lo', 'timestamptz'],
      ['hi', 'timestamptz'],
    ],
    plan.campaigns.flatMap((c) => {
      const rows: Value[][] = [];
      let start = 0;
      c.answered.forEach((d, k) => {
        if (k > 0 && c.answered[k - 1]!.office.institution.id !== d.office.institution.id) start = k;
        let end = k;
        while (end + 1 < c.answered.length && c.answered[end + 1]!.office.institution.id === d.office.institution.id) end++;
        rows.push([c.idx, k, d.id, d.office.institution.id, d.status, start, end - start + 1, k - start, d.answeredFrom, d.answeredUntil]);
      });
      return rows;
    }),
  );
  await db.query(`CREATE TEMP TABLE b_dseg (demand_id uuid, c int, due_at timestamptz, from_at timestamptz, until_at timestamptz)`);
  await insertRows(
    db,
    'b_dseg',
    [
      ['demand_id', 'uuid'],
      ['c', 'int'],
      ['due_at', 'timestamptz'],
      ['from_at', 'timestamptz'],
      ['until_at', 'timestamptz'],
    ],
    plan.demandSegments.map((s) => [s.demandId, s.campaign.idx, s.dueAt, s.from, s.until]),
  );
  await db.query(`CREATE TEMP TABLE b_audit (occurred_at timestamptz, campaign_id uuid, actor_id uuid, action text, subject_type text,
    subject_id uuid, before jsonb, after jsonb)`);
  await insertRows(
    db,
    'b_audit',
    [
      ['occurred_at', 'timestamptz'],
      ['campaign_id', 'uuid'],
      ['actor_id', 'uuid'],
      ['action', 'text'],
      ['subject_type', 'text'],
      ['subject_id', 'uuid'],
      ['before', 'jsonb'],
      ['after', 'jsonb'],
    ],
    plan.audit.map((a) => [
      a.at,
      a.campaignId,
      a.actorId,
      a.action,
      a.subjectType,
      a.subjectId,
      a.before && JSON.stringify(a.before),
      a.after && JSON.stringify(a.after),
    ]),
  );
  await db.query(`ANALYZE b_campaign, b_part, b_lead, b_org, b_contrib, b_ans, b_dseg, b_audit`);
}

/** Responses (each answering 1–3 demands of one institution, every answered demand at least once) and their links. */
export async function loadResponses(db: pg.Client, now: Date): Promise<number> {
  const k = 'c.r_lo + j';
  const primary = `JOIN b_ans a ON a.c = c.c AND a.ord = CASE WHEN j < c.rd_n THEN j ELSE floor(c.rd_n * ${rnd(k, 1)})::int END`;
  const summaries = Object.values(RESPONSE_SUMMARIES).flat();
  const result = await db.query(
    `INSERT INTO responses (id, campaign_id, institution_id, received_on, channel, summary, source_url, assessment, logged_by_id, created_at, updated_at)
     SELECT ${uidSql('response', k)}, c.id, a.institution_id, x.at::date, x.channel,
            (${literal(summaries)})[1 + 2 * x.ai + floor(2 * ${rnd(k, 5)})::int],
            CASE WHEN ${rnd(k, 6)} < 0.4 THEN 'https://documents.example.org/responses/' || (${k}) END,
            (ARRAY['positive', 'partial', 'negative', 'non_committal'])[1 + x.ai],
            l.user_id, x.logged, x.logged
     FROM b_campaign c
     CROSS JOIN LATERAL generate_series(0, c.r_n - 1) AS j
     ${primary}
     CROSS JOIN LATERAL (
       SELECT a.lo + (a.hi - a.lo) * ${rnd(k, 2)} AS at,
              least(a.lo + (a.hi - a.lo) * ${rnd(k, 2)} + interval '1 hour' * (2 + 70 * ${rnd(k, 7)}), $1::timestamptz - interval '1 hour') AS logged,
              CASE WHEN ${rnd(k, 4)} < 0.30 THEN 'letter' WHEN ${rnd(k, 4)} < 0.65 THEN 'email' WHEN ${rnd(k, 4)} < 0.80 THEN 'meeting'
                   WHEN ${rnd(k, 4)} < 0.90 THEN 'public_statement' WHEN ${rnd(k, 4)} < 0.97 THEN 'session_record' ELSE 'other' END AS channel,
              CASE a.status
                WHEN 'met' THEN CASE WHEN ${rnd(k, 3)} < 0.8 THEN 0 ELSE 1 END
                WHEN 'partially_met' THEN CASE WHEN ${rnd(k, 3)} < 0.8 THEN 1 ELSE 3 END
                WHEN 'rejected' THEN CASE WHEN ${rnd(k, 3)} < 0.85 THEN 2 ELSE 3 END
                ELSE CASE WHEN ${rnd(k, 3)} < 0.7 THEN 3 WHEN ${rnd(k, 3)} < 0.85 THEN 1 WHEN ${rnd(k, 3)} < 0.95 THEN 0 ELSE 2 END
              END AS ai
     ) x
     JOIN b_lead l ON l.c = c.c AND l.ord = floor(c.n_lead * ${rnd(k, 8)})::int
     WHERE c.r_n > 0`,
    [now],
  );
  // In two statements, with ANALYZE between: the links' insert trigger (migration LatestResponse)
  // recomputes each demand's latest response, and planned against a never-analyzed table it
  // scans the whole link table once per demand.
  for (const part of ['j < c.rd_n', 'j >= c.rd_n']) {
    await db.query(
      `INSERT INTO response_demands (response_id, demand_id)
       SELECT ${uidSql('response', k)}, b.id
       FROM b_campaign c
       CROSS JOIN LATERAL generate_series(0, c.r_n - 1) AS j
       ${primary}
       CROSS JOIN LATERAL generate_series(0, least(a.gn, 1 + floor(3 * ${rnd(k, 9)})::int) - 1) AS t
       JOIN b_ans b ON b.c = c.c AND b.ord = a.grp_start + (a.gpos + t) % a.gn
       WHERE c.r_n > 0 AND ${part} AND (t = 0 OR b.lo <= a.lo + (a.hi - a.lo) * ${rnd(k, 2)})`,
    );
    await db.query(`ANALYZE responses, response_demands`);
  }
  return result.rowCount ?? 0;
}

const FOLLOW_UP_DETAILS = [
  'Agreed at the coordination call. Share the outcome in the campaign channel.',
  'Use the template letter in the shared folder and copy the lead organizations.',
  'Check with the focal point before sending anything in writing.',
  'Keep the affected families informed of each step.',
];
const COMPLETION_NOTES = [
  'Done; notes in the shared folder.',
  'Sent and acknowledged.',
  'Meeting held; minutes circulated.',
  'Completed late, see thread.',
];

/** Follow-ups: assigned to the campaign's organizations (the biggest most often), due at an instant in a zone. */
export async function loadFollowUps(db: pg.Client, now: Date): Promise<number> {
  const k = 'k';
  const result = await db.query(
    `INSERT INTO follow_ups (id, created_at, updated_at, campaign_id, demand_id, response_id, organization_id, assignee_id, title, details,
                             due_at, due_time_zone, status, completion_note, completed_at, created_by_id)
     SELECT ${uidSql('follow_up', k)}, t.created_at,
            CASE s.status WHEN 'open' THEN t.created_at WHEN 'done' THEN s.closed_at WHEN 'cancelled' THEN s.closed_at
              ELSE t.created_at + (least(t.due_at, c.end_at) - t.created_at) * 0.5 * ${rnd(k, 14)} END,
            c.id,
            CASE WHEN ${rnd(k, 10)} < 0.6 THEN ${uidSql('demand', `c.d_lo + floor(c.d_n * ${rnd(k, 11)})::bigint`)} END,
            CASE WHEN c.r_n > 0 AND ${rnd(k, 12)} < 0.1 THEN ${uidSql('response', `c.r_lo + floor(c.r_n * ${rnd(k, 13)})::bigint`)} END,
            p.org_id, a.user_id,
            replace(replace((${literal(FOLLOW_UP_TITLES)})[1 + floor(${FOLLOW_UP_TITLES.length} * ${rnd(k, 15)})::int],
              '{office}', c.office_titles[1 + floor(cardinality(c.office_titles) * ${rnd(k, 16)})::int]), '{subject}', lower(c.subject)),
            (${literal(FOLLOW_UP_DETAILS)})[1 + floor(${FOLLOW_UP_DETAILS.length} * ${rnd(k, 17)})::int],
            t.due_at, coalesce(a.zone, o.zone), s.status,
            CASE WHEN s.status = 'done' AND ${rnd(k, 18)} < 0.5 THEN (${literal(COMPLETION_NOTES)})[1 + floor(${COMPLETION_NOTES.length} * ${rnd(k, 19)})::int] END,
            CASE WHEN s.status = 'done' THEN s.closed_at END,
            l.user_id
     FROM b_campaign c
     CROSS JOIN LATERAL generate_series(c.f_lo, c.f_lo + c.f_n - 1) AS k
     CROSS JOIN LATERAL (SELECT c.created_at + (c.end_at - c.created_at) * ${rnd(k, 1)} AS created_at) t0
     CROSS JOIN LATERAL (
       SELECT t0.created_at, date_trunc('hour', t0.created_at + interval '1 hour' * (48 + 960 * power(${rnd(k, 2)}, 1.5))) AS due_at
     ) t
     JOIN b_part p ON p.c = c.c AND p.ord = floor(c.n_part * power(${rnd(k, 3)}, 2))::int
     JOIN b_org o ON o.org_id = p.org_id
     LEFT JOIN b_contrib a ON a.org_id = p.org_id AND ${rnd(k, 4)} >= CASE WHEN o.n <= 3 THEN 0.5 WHEN o.n <= 8 THEN 0.25 WHEN o.n <= 20 THEN 0.05 ELSE 0.01 END AND a.ord = floor(o.n * ${rnd(k, 5)})::int
     JOIN b_lead l ON l.c = c.c AND l.ord = floor(c.n_lead * ${rnd(k, 6)})::int
     CROSS JOIN LATERAL (
       SELECT CASE
         WHEN c.status = 'draft' THEN CASE WHEN ${rnd(k, 7)} < 0.85 THEN 'open' ELSE 'in_progress' END
         WHEN c.status = 'active' AND t.due_at > $1 THEN
           CASE WHEN ${rnd(k, 7)} < 0.70 THEN 'open' WHEN ${rnd(k, 7)} < 0.92 THEN 'in_progress' WHEN ${rnd(k, 7)} < 0.98 THEN 'done' ELSE 'cancelled' END
         WHEN c.status = 'active' AND t.due_at > $1::timestamptz - interval '60 days' THEN
           CASE WHEN ${rnd(k, 7)} < 0.62 THEN 'done' WHEN ${rnd(k, 7)} < 0.68 THEN 'cancelled' WHEN ${rnd(k, 7)} < 0.88 THEN 'open' ELSE 'in_progress' END
         WHEN c.status = 'active' THEN
           CASE WHEN ${rnd(k, 7)} < 0.82 THEN 'done' WHEN ${rnd(k, 7)} < 0.92 THEN 'cancelled' WHEN ${rnd(k, 7)} < 0.97 THEN 'open' ELSE 'in_progress' END
         ELSE CASE WHEN ${rnd(k, 7)} < 0.85 THEN 'done' ELSE 'cancelled' END
       END AS status,
       least(t.created_at + (t.due_at - t.created_at) * (0.35 + 1.3 * ${rnd(k, 8)}), c.end_at, $1::timestamptz - interval '30 minutes') AS closed_at
     ) s`,
    [now],
  );
  return result.rowCount ?? 0;
}

/**
 * Reminder rows as reminder-planner.ts writes them: for each stretch of a deadline's life (a
 * follow-up from its creation, and again from each update; a demand from each move into an
 * awaiting status) and each recipient, one row per planned slot still to come. A row is sent when
 * its slot passed within the stretch, cancelled when the stretch ended first (done, moved,
 * replanned), pending when still to come. Reminders began with a release at instant L: the rows
 * planned since then, L chosen so that the table holds 500,000 × scale rows.
 */
export async function loadReminders(
  db: pg.Client,
  now: Date,
  target: number,
): Promise<{ rows: number; releasedAt: Date | null; phases: Record<string, number> }> {
  const phases: Record<string, number> = {};
  let t0 = Date.now();
  const lap = (name: string) => {
    phases[name] = Date.now() - t0;
    t0 = Date.now();
  };
  await db.query(
    `CREATE TEMP TABLE b_seg AS
     WITH fseg AS (
       SELECT f.id AS subject_id, f.campaign_id, c.c, f.due_at, f.organization_id, f.assignee_id, s.from_at, s.until_at
       FROM follow_ups f JOIN b_campaign c ON c.id = f.campaign_id AND c.status <> 'draft'
       CROSS JOIN LATERAL (VALUES
         (f.created_at, CASE f.status WHEN 'done' THEN f.completed_at WHEN 'open' THEN NULL ELSE f.updated_at END),
         (CASE WHEN f.status = 'in_progress' THEN f.updated_at END, NULL::timestamptz)
       ) AS s(from_at, until_at)
       WHERE s.from_at IS NOT NULL
     ), seg AS (
       SELECT 'follow_up'::text AS subject_type, fs.subject_id, fs.campaign_id, fs.c, u.id AS recipient_id, u.time_zone AS zone, fs.due_at, fs.from_at, fs.until_at
       FROM fseg fs JOIN users u ON u.id = fs.assignee_id
       UNION ALL
       SELECT 'follow_up', fs.subject_id, fs.campaign_id, fs.c, bc.user_id, bc.zone, fs.due_at, fs.from_at, fs.until_at
       FROM fseg fs JOIN b_contrib bc ON bc.org_id = fs.organization_id WHERE fs.assignee_id IS NULL
       UNION ALL
       SELECT 'demand', d.demand_id, c.id, d.c, l.user_id, l.zone, d.due_at, d.from_at, d.until_at
       FROM b_dseg d JOIN b_campaign c ON c.c = d.c AND c.status <> 'draft' JOIN b_lead l ON l.c = d.c
     )
     SELECT row_number() OVER (ORDER BY s.subject_type, s.subject_id, s.recipient_id, s.from_at) AS sid, s.*,
            c.days_before, c.local_time, c.at_due, c.every, c.for_days,
            coalesce(c.id = ANY(p.muted_campaign_ids), false) AS muted,
            least(coalesce(s.until_at, 'infinity'), s.due_at + make_interval(days => c.for_days + 1)) AS last_key
     FROM seg s JOIN b_campaign c ON c.c = s.c LEFT JOIN notification_preferences p ON p.user_id = s.recipient_id`,
  );
  await db.query(`ANALYZE b_seg`);
  lap('stretches × recipients');
  // planReminders (shared/src/reminders.ts): days before at a local time, at the deadline, then every few days while overdue.
  const slots = (where: string) => `
    SELECT s.sid, x.slot, x.kind, x.offset_days, x.fire_at, least(x.fire_at, coalesce(s.until_at, 'infinity')) AS key,
           ${rnd('s.sid * 1000 + x.slot', 31)} AS tb
    FROM b_seg s
    CROSS JOIN LATERAL (
      SELECT 100 + d AS slot, 'before'::text AS kind, d AS offset_days,
             (((s.due_at AT TIME ZONE s.zone)::date - d) + s.local_time) AT TIME ZONE s.zone AS fire_at
      FROM unnest(s.days_before) AS d
      UNION ALL SELECT 200, 'due', 0, s.due_at WHERE s.at_due
      UNION ALL SELECT 300 + d, 'overdue', -d, s.due_at + make_interval(days => d)
      FROM generate_series(s.every, s.for_days, greatest(s.every, 1)) AS d WHERE s.every > 0
    ) x
    WHERE ${where} AND (x.kind <> 'before' OR x.fire_at < s.due_at) AND x.fire_at > s.from_at`;
  // A first cut from a sample of the stretches (a little early, to be safe), then the exact cut
  // among the rows after it; should the sample have cut too late, all candidates are taken.
  const total = Number((await db.query(`SELECT count(*) AS n FROM b_seg`)).rows[0].n);
  const rate = Math.min(1, 25_000 / Math.max(1, total));
  // Instants travel as text: a JavaScript Date would drop the microseconds and move the cut.
  const [sample] = (
    await db.query(`SELECT key::text AS key FROM (${slots(`${rnd('s.sid', 77)} < $1`)}) z ORDER BY key DESC OFFSET $2 LIMIT 1`, [
      rate,
      Math.floor(target * rate * 1.3),
    ])
  ).rows as { key: string }[];
  let firstCut = sample?.key ?? '-infinity';
  lap('first cut (sample)');
  await db.query(
    `CREATE TEMP TABLE b_slot (sid bigint, slot int, kind text, offset_days int, fire_at timestamptz, key timestamptz, tb float8)`,
  );
  let cut: { key: string; tb: string } | undefined;
  for (;;) {
    await db.query(`INSERT INTO b_slot ${slots(`s.last_key > $1`)} AND least(x.fire_at, coalesce(s.until_at, 'infinity')) > $1`, [
      firstCut,
    ]);
    [cut] = (
      await db.query(`SELECT key::text AS key, tb::text AS tb FROM b_slot ORDER BY key DESC, tb DESC OFFSET $1 LIMIT 1`, [target - 1])
    ).rows as { key: string; tb: string }[];
    if (cut || firstCut === '-infinity') break;
    await db.query(`TRUNCATE b_slot`);
    firstCut = '-infinity';
  }
  lap('candidate rows and exact cut');
  if (!cut) {
    const available = Number((await db.query(`SELECT count(*) AS n FROM b_slot`)).rows[0].n);
    console.warn(`bench:seed: only ${available} reminder rows could be planned (wanted ${target}); keeping them all`);
  }
  const releasedAt = cut?.key ?? firstCut;
  const result = await db.query(
    `INSERT INTO reminders (id, subject_type, subject_id, campaign_id, recipient_id, kind, offset_days, due_at, fire_at,
                            status, attempts, sent_at, last_error, created_at, updated_at)
     SELECT ${uidSql('reminder', 'z.sid * 1000 + z.slot')}, s.subject_type, s.subject_id, s.campaign_id, s.recipient_id, z.kind, z.offset_days,
            s.due_at, z.fire_at, v.status,
            CASE v.status WHEN 'sent' THEN CASE WHEN v.r < 0.012 THEN 2 ELSE 1 END WHEN 'failed' THEN 6 ELSE 0 END,
            CASE WHEN v.status = 'sent' THEN v.sent_at END,
            CASE WHEN v.status = 'failed' THEN '451 4.3.0 Temporary failure, try again later'
                 WHEN v.status = 'sent' AND v.r < 0.012 THEN 'Connection timeout'
                 WHEN v.status = 'cancelled' AND s.muted AND z.fire_at < coalesce(s.until_at, 'infinity') THEN 'muted' END,
            greatest(s.from_at, $2::timestamptz),
            CASE v.status WHEN 'pending' THEN greatest(s.from_at, $2::timestamptz) WHEN 'sent' THEN v.sent_at
              WHEN 'failed' THEN z.fire_at + interval '310 seconds' ELSE least(coalesce(s.until_at, 'infinity'), z.fire_at + interval '1 second') END
     FROM b_slot z JOIN b_seg s ON s.sid = z.sid
     CROSS JOIN LATERAL (
       SELECT CASE
         WHEN s.until_at IS NOT NULL AND s.until_at <= z.fire_at THEN 'cancelled'
         WHEN z.fire_at > $1 THEN 'pending'
         WHEN s.muted THEN 'cancelled'
         WHEN ${rnd('z.sid * 1000 + z.slot', 32)} < 0.002 THEN 'failed'
         ELSE 'sent' END AS status,
         ${rnd('z.sid * 1000 + z.slot', 33)} AS r,
         z.fire_at + interval '1 millisecond' * (40 + 1500 * power(${rnd('z.sid * 1000 + z.slot', 34)}, 3))
           + CASE WHEN ${rnd('z.sid * 1000 + z.slot', 33)} < 0.012 THEN interval '10 seconds' ELSE interval '0' END
           + CASE WHEN ${rnd('z.sid * 1000 + z.slot', 35)} < 0.005 THEN interval '1 second' * (30 + 270 * ${rnd('z.sid * 1000 + z.slot', 36)}) ELSE interval '0' END
           AS sent_at
     ) v
     WHERE ${cut ? '(z.key, z.tb) >= ($2::timestamptz, $3::float8)' : '$3::float8 IS NULL OR true'}`,
    [now, releasedAt, cut?.tb ?? null],
  );
  lap('insert');
  return { rows: result.rowCount ?? 0, releasedAt: cut ? new Date(releasedAt) : null, phases };
}

/**
 * Notifications, as notify.ts stores them: the in-app copy of each reminder sent in the last 30
 * days, assignments of the follow-ups created in the last 30 days, and the current escalation
 * level of each overdue follow-up (which the worker's sweep would otherwise record on its first
 * pass). Older in-app history is not back-filled.
 */
export async function loadNotifications(db: pg.Client, now: Date): Promise<number> {
  const mailStatus = (kind: string) => `CASE WHEN NOT coalesce((p.channels -> '${kind}' ->> 'email')::boolean, true) THEN 'none'
    WHEN p.digest = 'daily' THEN 'digested' ELSE 'sent' END`;
  const inApp = (kind: string) => `coalesce((p.channels -> '${kind}' ->> 'inApp')::boolean, true)`;
  const columns = `id, user_id, kind, title, body, link, campaign_id, dedupe_key, read_at, created_at, in_app, email_status, mail, email_attempts, emailed_at`;
  const finish = (source: string) => `
    SELECT ${uidSql('notification', 'n.dedupe_key')}, n.user_id, n.kind, n.title, n.body, n.link, n.campaign_id, n.dedupe_key,
           CASE WHEN NOT n.in_app THEN n.created_at
                WHEN n.created_at < $1::timestamptz - interval '3 days' AND ${rnd('hashtext(n.dedupe_key)', 41)} < 0.65
                  THEN n.created_at + interval '1 hour' * (1 + 47 * ${rnd('hashtext(n.dedupe_key)', 42)})
                WHEN ${rnd('hashtext(n.dedupe_key)', 41)} < 0.2 THEN least(n.created_at + interval '2 hours', $1::timestamptz) END,
           n.created_at, n.in_app, n.email_status,
           CASE WHEN n.email_status <> 'none' THEN jsonb_build_object('subject', n.title, 'text', n.body, 'html', '<p>' || n.body || '</p>') END,
           CASE WHEN n.email_status <> 'none' THEN 1 ELSE 0 END,
           CASE n.email_status WHEN 'sent' THEN n.created_at + interval '2 seconds'
             WHEN 'digested' THEN date_trunc('day', n.created_at) + interval '1 day 8 hours' END
    FROM (${source}) n WHERE n.in_app OR n.email_status <> 'none'`;
  let total = 0;
  const run = async (source: string) => {
    const r = await db.query(`INSERT INTO notifications (${columns}) ${finish(source)}`, [now]);
    total += r.rowCount ?? 0;
  };
  await run(`
    SELECT r.recipient_id AS user_id, 'reminder' AS kind,
           CASE u.locale WHEN 'es' THEN 'Recordatorio: «' || left(t.title, 77) || '»' ELSE 'Reminder: “' || left(t.title, 77) || '”' END
             || CASE WHEN r.offset_days > 0 THEN CASE u.locale WHEN 'es' THEN ' vence en ' || r.offset_days || ' días' ELSE ' is due in ' || r.offset_days || ' days' END
                     WHEN r.offset_days = 0 THEN CASE u.locale WHEN 'es' THEN ' vence ahora' ELSE ' is due now' END
                     ELSE CASE u.locale WHEN 'es' THEN ' venció hace ' || -r.offset_days || ' días' ELSE ' is ' || -r.offset_days || ' days overdue' END END AS title,
           t.title AS body,
           '/campaigns/' || r.campaign_id || CASE r.subject_type WHEN 'follow_up' THEN '/follow-ups/' ELSE '/demands/' END || r.subject_id AS link,
           r.campaign_id, 'reminder:' || r.id AS dedupe_key, r.sent_at AS created_at,
           ${inApp('reminder')} AS in_app, ${mailStatus('reminder')} AS email_status
    FROM reminders r JOIN users u ON u.id = r.recipient_id LEFT JOIN notification_preferences p ON p.user_id = r.recipient_id
    CROSS JOIN LATERAL (
      SELECT coalesce((SELECT f.title FROM follow_ups f WHERE f.id = r.subject_id AND r.subject_type = 'follow_up'),
                      (SELECT d.text FROM demands d WHERE d.id = r.subject_id AND r.subject_type = 'demand')) AS title
    ) t
    WHERE r.status = 'sent' AND r.sent_at > $1::timestamptz - interval '30 days'`);
  const people = `(
    SELECT f.id AS fid, u.id AS user_id FROM follow_ups f JOIN users u ON u.id = f.assignee_id
    WHERE f.created_at > $1::timestamptz - interval '30 days'
    UNION ALL
    SELECT f.id, bc.user_id FROM follow_ups f JOIN b_contrib bc ON bc.org_id = f.organization_id
    WHERE f.created_at > $1::timestamptz - interval '30 days' AND f.assignee_id IS NULL)`;
  await run(`
    SELECT a.user_id, 'assignment' AS kind, f.title, actor.display_name || ' (' || ao.name || ')' AS body,
           '/campaigns/' || f.campaign_id || '/follow-ups/' || f.id AS link, f.campaign_id,
           'assignment:' || f.id || ':' || f.organization_id || ':' || coalesce(f.assignee_id::text, '-') || ':' || a.user_id AS dedupe_key,
           f.created_at, ${inApp('assignment')} AS in_app, ${mailStatus('assignment')} AS email_status
    FROM ${people} a JOIN follow_ups f ON f.id = a.fid JOIN users actor ON actor.id = f.created_by_id JOIN organizations ao ON ao.id = actor.organization_id
    LEFT JOIN notification_preferences p ON p.user_id = a.user_id
    WHERE a.user_id <> f.created_by_id AND NOT coalesce(f.campaign_id = ANY(p.muted_campaign_ids), false)`);
  await run(`
    SELECT l.user_id, 'escalation' AS kind,
           'Escalation: “' || left(f.title, 77) || '” is ' || x.overdue_days || ' days overdue (' || o.name || ')' AS title, f.title AS body,
           '/campaigns/' || f.campaign_id || '/follow-ups/' || f.id AS link, f.campaign_id,
           'escalation:' || f.id || ':' || ${iso('f.due_at')} || ':' || x.level || ':' || l.user_id AS dedupe_key,
           x.crossed_at + interval '15 seconds' AS created_at, ${inApp('escalation')} AS in_app,
           CASE WHEN $1::timestamptz - x.crossed_at > interval '2 days' THEN 'none' ELSE ${mailStatus('escalation')} END AS email_status
    FROM follow_ups f JOIN b_campaign c ON c.id = f.campaign_id AND c.status = 'active' JOIN organizations o ON o.id = f.organization_id
    CROSS JOIN LATERAL (
      SELECT floor(extract(epoch FROM $1::timestamptz - f.due_at) / 86400)::int AS overdue_days,
             floor(floor(extract(epoch FROM $1::timestamptz - f.due_at) / 86400) / greatest(1, c.escalate))::int AS level
    ) x0
    CROSS JOIN LATERAL (SELECT x0.*, f.due_at + make_interval(days => x0.level * greatest(1, c.escalate)) AS crossed_at) x
    JOIN b_lead l ON l.c = c.c
    LEFT JOIN notification_preferences p ON p.user_id = l.user_id
    WHERE f.status IN ('open', 'in_progress') AND f.due_at < $1::timestamptz - make_interval(days => greatest(1, c.escalate))
      AND NOT coalesce(f.campaign_id = ANY(p.muted_campaign_ids), false)`);
  return total;
}

/**
 * The audit trail, in the order it was written (its bigint id is the timeline's order): the plan's
 * events (campaigns, milestones, demands, people, the directory), each response logged, each
 * follow-up created and moved, edits of follow-ups, responses and demands, and sign-ins. Exactly
 * 1,000,000 × scale rows, about 55% of them on a campaign's timeline.
 */
export async function loadAudit(db: pg.Client, plan: Plan): Promise<number> {
  const now = plan.now;
  const target = PER_SCALE.auditEvents * plan.scale;
  const q = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  const small = await q(`SELECT count(*) AS n FROM b_audit`);
  const smallCampaign = await q(`SELECT count(*) AS n FROM b_audit WHERE campaign_id IS NOT NULL`);
  const responses = await q(`SELECT count(*) AS n FROM responses`);
  const followUps = await q(`SELECT count(*) AS n FROM follow_ups`);
  const moved = await q(`SELECT count(*) AS n FROM follow_ups WHERE status <> 'open'`);
  const demands = plan.demands.length;
  const derived = smallCampaign + responses + followUps + moved;
  const edits = Math.max(0, Math.round(CAMPAIGN_AUDIT_SHARE * target) - derived);
  const signIns = target - small - responses - followUps - moved - edits;
  if (signIns < 0) throw new Error(`bench seed: ${target} audit events are fewer than those the data implies`);
  const editF = Math.round(edits * 0.8);
  const editR = Math.round(edits * 0.12);
  const editD = edits - editF - editR;
  const failed = Math.round(signIns * 0.04);
  const other = Math.round(signIns * 0.01);
  const ok = signIns - failed - other;
  const address = (j: string) => `(${literal(ADDRESS_PREFIXES)})[1 + (${j}) % 3] || (1 + (${j}) % 254)`;
  const person = (j: string, salt: number) =>
    `JOIN users u ON u.id = ${uidSql('user', `floor(${plan.scale} * ${rnd(j, salt)})::bigint * ${PER_SCALE.users} + floor(${PER_SCALE.users} * power(${rnd(j, salt + 1)}, 1.8))::bigint`)}`;
  const when = (j: string, salt: number) =>
    `greatest(u.created_at, $1::timestamptz - interval '730 days') + (coalesce(u.disabled_at, $1::timestamptz) - greatest(u.created_at, $1::timestamptz - interval '730 days')) * ${rnd(j, salt)}`;
  const result = await db.query(
    `INSERT INTO audit_events (campaign_id, actor_id, action, subject_type, subject_id, before, after, occurred_at, created_at)
     SELECT campaign_id, actor_id, action, subject_type, subject_id, before, after, occurred_at, occurred_at
     FROM (
       SELECT occurred_at, campaign_id, actor_id, action, subject_type, subject_id, before, after FROM b_audit
       UNION ALL
       SELECT r.created_at, r.campaign_id, r.logged_by_id, 'response.logged', 'response', r.id, NULL,
              jsonb_build_object('institutionId', r.institution_id, 'receivedOn', r.received_on, 'channel', r.channel, 'summary', r.summary,
                                 'sourceUrl', r.source_url, 'assessment', r.assessment, 'demandIds', rd.ids)
       FROM responses r JOIN (SELECT response_id, jsonb_agg(demand_id) AS ids FROM response_demands GROUP BY response_id) rd ON rd.response_id = r.id
       UNION ALL
       SELECT f.created_at, f.campaign_id, f.created_by_id, 'follow_up.created', 'follow_up', f.id, NULL,
              jsonb_build_object('title', f.title, 'organizationId', f.organization_id, 'assigneeId', f.assignee_id, 'dueAt', ${iso('f.due_at')})
       FROM follow_ups f
       UNION ALL
       SELECT f.updated_at, f.campaign_id, coalesce(f.assignee_id, f.created_by_id),
              CASE f.status WHEN 'done' THEN 'follow_up.completed' ELSE 'follow_up.updated' END, 'follow_up', f.id,
              jsonb_build_object('status', 'open', 'completedAt', NULL),
              jsonb_build_object('status', f.status, 'completedAt', CASE WHEN f.completed_at IS NOT NULL THEN ${iso('f.completed_at')} END)
       FROM follow_ups f WHERE f.status <> 'open'
       UNION ALL
       SELECT f.created_at + (coalesce(f.completed_at, least(f.due_at, $1::timestamptz)) - f.created_at) * ${rnd('j', 3)}, f.campaign_id, f.created_by_id,
              'follow_up.updated', 'follow_up', f.id, jsonb_build_object('details', 'Draft: ' || left(f.details, 40)), jsonb_build_object('details', f.details)
       FROM generate_series(0, ${editF - 1}) AS j
       JOIN follow_ups f ON f.id = ${uidSql('follow_up', `floor(${followUps} * ${rnd('j', 2)})::bigint`)}
       UNION ALL
       SELECT least(r.created_at + interval '1 day' * 20 * ${rnd('j', 5)}, $1::timestamptz - interval '1 hour'), r.campaign_id, r.logged_by_id,
              'response.updated', 'response', r.id, jsonb_build_object('summary', left(r.summary, 30) || '…'), jsonb_build_object('summary', r.summary)
       FROM generate_series(0, ${editR - 1}) AS j
       JOIN responses r ON r.id = ${uidSql('response', `floor(${responses} * ${rnd('j', 4)})::bigint`)}
       UNION ALL
       SELECT d.created_at + (d.updated_at - d.created_at) * ${rnd('j', 7)}, d.campaign_id, l.user_id,
              'demand.updated', 'demand', d.id, jsonb_build_object('notes', NULL), jsonb_build_object('notes', coalesce(d.notes, 'Context added after the call.'))
       FROM generate_series(0, ${editD - 1}) AS j
       JOIN demands d ON d.id = ${uidSql('demand', `floor(${demands} * ${rnd('j', 6)})::bigint`)}
       JOIN b_campaign c ON c.id = d.campaign_id JOIN b_lead l ON l.c = c.c AND l.ord = 0
       UNION ALL
       SELECT ${when('j', 11)}, NULL, u.id, 'auth.signed_in', 'user', u.id, NULL, jsonb_build_object('address', ${address('j')})
       FROM generate_series(0, ${ok - 1}) AS j ${person('j', 9)}
       UNION ALL
       SELECT ${when('j', 14)}, NULL, NULL, 'auth.sign_in_failed', 'user', u.id, NULL, jsonb_build_object('email', u.email, 'address', ${address('j')})
       FROM generate_series(${ok}, ${ok + failed - 1}) AS j ${person('j', 12)}
       UNION ALL
       SELECT ${when('j', 17)}, NULL, u.id, 'user.password_changed', 'user', u.id, NULL, NULL
       FROM generate_series(${ok + failed}, ${ok + failed + other - 1}) AS j ${person('j', 15)}
     ) e
     ORDER BY occurred_at, subject_id, action`,
    [now],
  );
  return result.rowCount ?? 0;
}
