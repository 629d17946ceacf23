/**
 * `npm run bench:seed -- --scale N [--database-url URL] [--force-drop] [--now ISO] [--logins-file PATH]`
 *
 * Fills a fresh database with scale data for the benchmarks (issue #7; docs/performance.md):
 * creates the database if missing, refuses one that holds data (unless --force-drop, which drops
 * and recreates it), applies the project's migrations, bulk-loads, ANALYZEs, prints row counts
 * and step times, and writes the logins and ids the benchmarks need to a file only its owner can
 * read (.demarche/bench-<database>.json by default).
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import type * as DatabaseAdmin from '../../src/core/database/database-admin.js';
import type * as Passwords from '../../src/core/auth/passwords.js';
import {
  loadAudit,
  loadFollowUps,
  loadNotifications,
  loadPlan,
  loadReminders,
  loadResponses,
  loadScaffolding,
  SESSION_SQL,
} from './load.js';
import { makePlan, PER_SCALE, type Plan, type User } from './plan.js';

/** Every seeded person signs in with this password (bench data only). */
export const BENCH_PASSWORD = 'demarche-bench-password';

/** backend/ (this file runs as backend/bench/dist/seed/index.js). */
const BACKEND = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const REPO = resolve(BACKEND, '..');
const backendModule = async <T>(path: string): Promise<T> => (await import(pathToFileURL(resolve(BACKEND, 'dist', path)).href)) as T;

interface Options {
  scale: number;
  databaseUrl: string;
  forceDrop: boolean;
  now: Date;
  loginsFile: string | null;
}

const USAGE = `usage: npm run bench:seed -- --scale N [--database-url URL] [--force-drop] [--now ISO-8601] [--logins-file PATH]

  --scale N          1 = 50 campaigns, 300 organizations, 3,000 people, 5,000 demands, 50,000 responses,
                     100,000 follow-ups, 500,000 reminders, 1,000,000 audit events; N multiplies them (default 1)
  --database-url     the database to fill (default postgres://postgres@127.0.0.1:5432/demarche_bench_<N>);
                     created if missing, refused if it holds data
  --force-drop       drop and recreate that database first
  --now              the instant the data is placed around (default: now, to the minute)
  --logins-file      where to write logins and ids (default .demarche/bench-<database>.json)`;

function parse(argv: string[]): Options {
  const options: Options = {
    scale: 1,
    databaseUrl: '',
    forceDrop: false,
    now: new Date(Math.floor(Date.now() / 60_000) * 60_000),
    loginsFile: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--scale': {
        const v = value();
        if (!/^[1-9]\d*$/.test(v) || Number(v) > 100) throw new UsageError('--scale must be a whole number from 1 to 100');
        options.scale = Number(v);
        break;
      }
      case '--database-url':
        options.databaseUrl = value();
        break;
      case '--force-drop':
        options.forceDrop = true;
        break;
      case '--now': {
        const v = value();
        if (Number.isNaN(Date.parse(v))) throw new UsageError('--now must be an ISO-8601 instant');
        options.now = new Date(v);
        break;
      }
      case '--logins-file':
        options.loginsFile = resolve(value());
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new UsageError(`unknown argument ${arg}`);
    }
  }
  options.databaseUrl ||= `postgres://postgres@127.0.0.1:5432/demarche_bench_${options.scale}`;
  return options;
}

class UsageError extends Error {}

const databaseName = (url: string): string => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));

async function withClient<T>(url: string, work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url, application_name: 'demarche-bench-seed' });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end().catch(() => undefined);
  }
}

/** Creates the database (dropping it first with --force-drop); refuses one that already holds rows. */
async function prepareDatabase(options: Options): Promise<void> {
  const name = databaseName(options.databaseUrl);
  if (!name) throw new UsageError('the database URL names no database');
  const admin = new URL(options.databaseUrl);
  admin.pathname = '/postgres';
  const exists = await withClient(admin.toString(), async (db) => {
    const found = (await db.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount! > 0;
    if (found && options.forceDrop) {
      console.log(`bench:seed: dropping database "${name}" (--force-drop)`);
      await db.query(`DROP DATABASE ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    }
    if (!found || options.forceDrop) await db.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    return found && !options.forceDrop;
  });
  if (!exists) return;
  const filled = await withClient(options.databaseUrl, async (db) => {
    const tables = (
      await db.query(
        `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS t FROM information_schema.tables
         WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_name <> 'schema_migrations'`,
      )
    ).rows as { t: string }[];
    const out: string[] = [];
    for (const { t } of tables) if ((await db.query(`SELECT EXISTS (SELECT 1 FROM ${t}) AS e`)).rows[0].e) out.push(t);
    return out;
  });
  if (filled.length > 0) {
    throw new UsageError(
      `bench:seed: database "${name}" already holds data (${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}); ` +
        `refusing to add to it. Pass --force-drop to drop and recreate "${name}", or name a new database with --database-url.`,
    );
  }
}

interface StepTime {
  step: string;
  ms: number;
  rows: number | null;
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]) =>
    r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const name = databaseName(options.databaseUrl);
  const started = Date.now();
  const times: StepTime[] = [];
  const step = async <T>(label: string, work: () => Promise<T>, rowsOf?: (result: T) => number): Promise<T> => {
    const t0 = Date.now();
    const result = await work();
    const ms = Date.now() - t0;
    const rows = rowsOf ? rowsOf(result) : null;
    times.push({ step: label, ms, rows });
    console.log(`bench:seed: ${label}: ${(ms / 1000).toFixed(1)} s${rows !== null ? ` (${rows.toLocaleString('en-US')} rows)` : ''}`);
    return result;
  };
  console.log(`bench:seed: scale ${options.scale} into database "${name}", data placed around ${options.now.toISOString()}`);

  await step('create the database', () => prepareDatabase(options));
  const { migrate } = await backendModule<typeof DatabaseAdmin>('core/database/database-admin.js');
  await step('apply the migrations', () => migrate({ databaseUrl: options.databaseUrl, databasePoolSize: 2 }));
  const { hashPassword } = await backendModule<typeof Passwords>('core/auth/passwords.js');
  const passwordHash = await step('hash the bench password', () => hashPassword(BENCH_PASSWORD));
  const plan = await step(
    'plan campaigns, people and demands',
    async () => makePlan(options.scale, options.now),
    (p) => p.demands.length,
  );

  const result = await withClient(options.databaseUrl, async (db) => {
    for (const sql of SESSION_SQL) await db.query(sql);
    await step(
      'insert directory, organizations, people, campaigns, demands',
      () => loadPlan(db, plan, passwordHash),
      (n) => Object.values(n).reduce((a, b) => a + b, 0),
    );
    await step('session scaffolding', () => loadScaffolding(db, plan));
    // Only the tables filled so far: an empty table ANALYZEd now would be planned as empty by the
    // statements (and the triggers) that fill it next.
    await step('analyze', () =>
      db.query(
        'ANALYZE institutions, offices, officeholder_terms, organizations, users, campaigns, campaign_organizations, milestones, demands, demand_status_changes, notification_preferences',
      ),
    );
    await step(
      'responses and response_demands',
      () => loadResponses(db, plan.now),
      (n) => n,
    );
    await step(
      'follow-ups',
      () => loadFollowUps(db, plan.now),
      (n) => n,
    );
    await step('analyze', () => db.query('ANALYZE follow_ups, responses, response_demands'));
    // Two sessions side by side (two cores): reminders then notifications here, the audit trail there.
    const [reminders] = await Promise.all([
      (async () => {
        const r = await step(
          'reminders',
          () => loadReminders(db, plan.now, PER_SCALE.reminders * plan.scale),
          (x) => x.rows,
        );
        console.log(
          `bench:seed:   (${Object.entries(r.phases)
            .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`)
            .join(', ')})`,
        );
        await step(
          'notifications',
          () => loadNotifications(db, plan.now),
          (n) => n,
        );
        return r;
      })(),
      withClient(options.databaseUrl, async (other) => {
        for (const sql of SESSION_SQL) await other.query(sql);
        await loadScaffolding(other, plan);
        await step(
          'audit events (in parallel)',
          () => loadAudit(other, plan),
          (n) => n,
        );
        await step('users.last_sign_in_at', () =>
          other.query(`UPDATE users u SET last_sign_in_at = s.at FROM (
                         SELECT subject_id, max(occurred_at) AS at FROM audit_events WHERE action = 'auth.signed_in' GROUP BY subject_id) s
                       WHERE u.id = s.subject_id`),
        );
      }),
    ]);
    await step('ANALYZE', () => db.query('ANALYZE'));
    const counts = await step('count rows', () => countRows(db));
    const ids = await benchIds(db, plan);
    return { counts, ids, releasedAt: reminders.releasedAt };
  });

  const loginsFile = options.loginsFile ?? resolve(REPO, '.demarche', `bench-${name}.json`);
  mkdirSync(dirname(loginsFile), { recursive: true, mode: 0o700 });
  const file = {
    note: 'Bench data only: every seeded person signs in with this password. See docs/performance.md.',
    database: name,
    databaseUrl: options.databaseUrl,
    scale: options.scale,
    now: plan.now.toISOString(),
    remindersReleasedAt: result.releasedAt?.toISOString() ?? null,
    password: BENCH_PASSWORD,
    ...result.ids,
    counts: result.counts,
  };
  writeFileSync(loginsFile, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  chmodSync(loginsFile, 0o600);

  console.log(`\nRows (scale ${options.scale}, database "${name}")\n`);
  console.log(table(['table', 'rows'], Object.entries(result.counts)));
  console.log(`\nSteps\n`);
  console.log(
    table(
      ['step', 'seconds', 'rows'],
      times.map((t) => [t.step, (t.ms / 1000).toFixed(1), t.rows ?? '']),
    ),
  );
  console.log(`\nbench:seed: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(
    `bench:seed: big campaign ${result.ids.bigCampaign.id} (${result.ids.bigCampaign.demands} demands), coordinator ${result.ids.bigCampaign.coordinator}`,
  );
  console.log(
    `bench:seed: busy organization ${result.ids.busyOrganization.id} (${result.ids.busyOrganization.followUps} follow-ups), member ${result.ids.busyOrganization.member}`,
  );
  console.log(`bench:seed: logins and ids in ${loginsFile} (readable only by you); password "${BENCH_PASSWORD}"`);
}

async function countRows(db: pg.Client): Promise<Record<string, number>> {
  const tables = (
    await db.query(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).rows as { t: string }[];
  const out: Record<string, number> = {};
  for (const { t } of tables) out[t] = Number((await db.query(`SELECT count(*) AS n FROM ${pg.escapeIdentifier(t)}`)).rows[0].n);
  return out;
}

/** The ids and logins the benchmarks use, all in block 0 (the same at every scale). */
async function benchIds(db: pg.Client, plan: Plan) {
  const block0 = plan.users.filter((u) => u.org.block === 0 && u.disabledAt === null);
  const big = plan.campaigns[0]!;
  const [busy] = (
    await db.query(
      `SELECT organization_id AS id, count(*)::int AS n FROM follow_ups WHERE organization_id = ANY($1::uuid[])
       GROUP BY organization_id ORDER BY n DESC, organization_id LIMIT 1`,
      [plan.organizations.filter((o) => o.block === 0).map((o) => o.id)],
    )
  ).rows as { id: string; n: number }[];
  const busyOrg = plan.organizations.find((o) => o.id === busy!.id)!;
  const member = busyOrg.users.find((u) => u.role === 'member' && u.disabledAt === null) ?? busyOrg.users[0]!;
  const few = (role: User['role']) =>
    block0
      .filter((u) => u.role === role)
      .slice(0, 3)
      .map((u) => u.email);
  const [bigCounts] = (
    await db.query(
      `SELECT (SELECT count(*) FROM follow_ups WHERE campaign_id = $1)::int AS follow_ups,
              (SELECT count(*) FROM responses WHERE campaign_id = $1)::int AS responses,
              (SELECT count(*) FROM audit_events WHERE campaign_id = $1)::int AS audit_events`,
      [big.id],
    )
  ).rows as { follow_ups: number; responses: number; audit_events: number }[];
  return {
    bigCampaign: {
      id: big.id,
      title: big.title,
      demands: big.demands.length,
      followUps: bigCounts!.follow_ups,
      responses: bigCounts!.responses,
      auditEvents: bigCounts!.audit_events,
      coordinator: big.leadCoordinators[0]!.email,
    },
    smallCampaign: { id: plan.campaigns[PER_SCALE.campaigns - 1]!.id, demands: plan.campaigns[PER_SCALE.campaigns - 1]!.demands.length },
    busyOrganization: { id: busyOrg.id, name: busyOrg.name, followUps: busy!.n, member: member.email, memberRole: member.role },
    logins: {
      admin: few('admin'),
      coordinator: [...new Set([big.leadCoordinators[0]!.email, ...few('coordinator')])].slice(0, 3),
      member: [...new Set([member.email, ...few('member')])].slice(0, 3),
      observer: few('observer'),
    },
  };
}

try {
  await main();
  process.exit(0);
} catch (error) {
  if (error instanceof UsageError) {
    console.error(error.message.startsWith('bench:seed') ? error.message : `bench:seed: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error('\nbench:seed: failed', error);
  console.error('bench:seed: the database may be partly filled; run again with --force-drop.');
  process.exit(1);
}
