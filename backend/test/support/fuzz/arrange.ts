import type { Role } from '@demarche/shared';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { hashPassword } from '../../../src/core/auth/passwords.js';
import { dataSourceOptions } from '../../../src/core/database/data-source-options.js';
import { migrate } from '../../../src/core/database/database-admin.js';
import { loadDemoDataIfEmpty } from '../../../src/demo/demo-data.loader.js';
import { call, PASSWORD, signIn, type Browser } from '../accounts.js';
import { createDatabase, dropDatabase, uniqueName } from '../databases.js';
import { deleteRedisKeys } from '../global-setup.js';
import { startApi, testConfig } from '../test-app.js';
import { startApiProcess, type ApiProcess } from './memory.js';

/** Who sends a request: nobody, or a signed-in browser (session cookie + CSRF token). */
export interface Caller {
  name: string;
  browser: Browser | null;
}

export interface ArrangeOptions {
  /** Environment for the API's configuration (LOG_LEVEL…), over the tests' defaults. */
  env?: Record<string, string>;
  /** Where the API's log lines go (parsed and checked by the test). */
  logs?: Writable;
  /** The built API as a process of its own (`node dist/main.js`) rather than in the test worker. */
  process?: boolean;
}

export interface Arranged {
  api: { url: string; close: () => Promise<void> };
  /** The API's process when it runs as one (`ArrangeOptions.process`). */
  apiProcess: ApiProcess | null;
  campaignId: string;
  leadOrganizationId: string;
  /** anonymous, admin, coordinator, member, observer (of a lead organization), outside coordinator and member. */
  callers: Caller[];
  emails: string[];
  ids: Record<string, string[]>;
  /** Fresh accounts of every role, for operations that end sessions or change accounts. */
  throwaway: (tag: string) => Promise<{ callers: Caller[]; ids: Record<string, string[]> }>;
  close: () => Promise<void>;
}

async function withDatabase<T>(url: string, work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

let hash: Promise<string> | null = null;

async function insertOrganization(db: pg.Client, name: string): Promise<string> {
  const r = await db.query(`INSERT INTO organizations (name) VALUES ($1) RETURNING id`, [name]);
  return r.rows[0].id as string;
}

async function insertUser(db: pg.Client, role: Role, organizationId: string): Promise<{ id: string; email: string }> {
  hash ??= hashPassword(PASSWORD);
  const email = `${uniqueName(`fuzz-${role}`)}@example.org`.toLowerCase();
  const r = await db.query(
    `INSERT INTO users (email, display_name, organization_id, role, password_hash, locale) VALUES ($1, $2, $3, $4, $5, 'en') RETURNING id`,
    [email, `Fuzz ${role}`, organizationId, role, await hash],
  );
  return { id: r.rows[0].id as string, email };
}

/** A setup step through the API; a refusal is reported but does not stop the run. */
async function step(
  api: { url: string },
  label: string,
  method: string,
  path: string,
  as: Browser,
  body?: unknown,
): Promise<{ id?: string } | null> {
  const r = await call(api.url, method, path, as, body);
  if (r.status >= 300) {
    console.warn(`fuzz arrange: ${label} answered ${r.status} ${JSON.stringify(r.body)?.slice(0, 300)}`);
    return null;
  }
  return r.body as { id?: string };
}

const ID_QUERIES: Record<string, string> = {
  campaign: `SELECT id FROM campaigns ORDER BY created_at, title`,
  demand: `SELECT id FROM demands ORDER BY campaign_id, position`,
  response: `SELECT id FROM responses ORDER BY created_at, id`,
  followUp: `SELECT id FROM follow_ups ORDER BY due_at, title`,
  milestone: `SELECT id FROM milestones ORDER BY occurs_on, title`,
  institution: `SELECT id FROM institutions ORDER BY name`,
  office: `SELECT id FROM offices ORDER BY title, id`,
  term: `SELECT id FROM officeholder_terms ORDER BY holder_name, id`,
  organization: `SELECT id FROM organizations ORDER BY name`,
  user: `SELECT id FROM users ORDER BY email`,
  notification: `SELECT id FROM notifications ORDER BY created_at, id`,
  webhook: `SELECT id FROM webhooks ORDER BY created_at, id`,
  invitation: `SELECT id FROM invitations ORDER BY created_at, id`,
  token: `SELECT id FROM api_tokens ORDER BY created_at, id`,
  proposal: `SELECT id FROM demand_status_proposals ORDER BY created_at, id`,
  campaignInvitation: `SELECT id FROM campaign_organization_invitations ORDER BY id`,
};

/**
 * A database of its own with the founding campaign (the demo data), the real API on it, accounts
 * of every role in a lead organization and in an outside one, and one of every kind of object.
 */
export async function arrange(options: ArrangeOptions = {}): Promise<Arranged> {
  const databaseUrl = await createDatabase('demarche_fuzz');
  await migrate({ databaseUrl, databasePoolSize: 2 });
  const ds = await new DataSource(dataSourceOptions({ databaseUrl, databasePoolSize: 2 })).initialize();
  const demo = await loadDemoDataIfEmpty(ds);
  await ds.destroy();
  if (!demo.loaded) throw new Error('demo data not loaded');
  const campaignId = demo.campaignId;
  // A Redis prefix of its own: the run's thousands of sign-in and password-reset attempts from
  // 127.0.0.1 would otherwise use up the limits the next test files count on.
  const redisPrefix = uniqueName('demarche_fuzz');
  const env = { DATABASE_URL: databaseUrl, REDIS_PREFIX: redisPrefix, ...options.env };
  const apiProcess = options.process
    ? await startApiProcess(
        {
          NODE_ENV: 'production',
          REDIS_URL: inject('redisUrl'),
          DEMO_DATA: 'false',
          // As testConfig: the whole run signs in from 127.0.0.1.
          RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000',
          RATE_LIMIT_LOGIN_PER_ADDRESS: '100000',
          RATE_LIMIT_PER_MINUTE: '100000',
          ...env,
        },
        options.logs ?? process.stdout,
      )
    : null;
  const api = apiProcess ?? (await startApi(testConfig(env), { logDestination: options.logs }));
  const db = (work: (db: pg.Client) => Promise<unknown>) => withDatabase(databaseUrl, work);

  const people: { name: string; role: Role; org: 'admin' | 'lead' | 'outside' }[] = [
    { name: 'admin', role: 'admin', org: 'admin' },
    { name: 'coordinator', role: 'coordinator', org: 'lead' },
    { name: 'member', role: 'member', org: 'lead' },
    { name: 'observer', role: 'observer', org: 'lead' },
    { name: 'outside coordinator', role: 'coordinator', org: 'outside' },
    { name: 'outside member', role: 'member', org: 'outside' },
  ];
  const accounts: { name: string; id: string; email: string }[] = [];
  let leadOrganizationId = '';
  await db(async (c) => {
    const lead = await c.query(
      `SELECT co.organization_id AS id FROM campaign_organizations co JOIN organizations o ON o.id = co.organization_id
       WHERE co.campaign_id = $1 AND co.role = 'lead' ORDER BY o.name LIMIT 1`,
      [campaignId],
    );
    leadOrganizationId = lead.rows[0].id as string;
    const orgs = {
      admin: await insertOrganization(c, uniqueName('Fuzz admins')),
      lead: leadOrganizationId,
      outside: await insertOrganization(c, uniqueName('Fuzz outside org')),
    };
    for (const p of people) accounts.push({ name: p.name, ...(await insertUser(c, p.role, orgs[p.org])) });
  });
  const callers: Caller[] = [{ name: 'anonymous', browser: null }];
  for (const a of accounts) callers.push({ name: a.name, browser: await signIn(api.url, a.email) });
  const as = Object.fromEntries(callers.map((c) => [c.name, c.browser!])) as Record<string, Browser>;

  // One of everything, made the way the product makes it.
  let demand: { id: string; institution_id: string; office_id: string } | undefined;
  await db(async (c) => {
    const r = await c.query(
      `SELECT d.id, o.institution_id, d.office_id FROM demands d JOIN offices o ON o.id = d.office_id
       WHERE d.campaign_id = $1 AND d.status <> 'draft' ORDER BY d.position LIMIT 1`,
      [campaignId],
    );
    demand = r.rows[0];
  });
  if (demand) {
    await step(api, 'log a response', 'POST', `/api/campaigns/${campaignId}/responses`, as.coordinator!, {
      institutionId: demand.institution_id,
      receivedOn: '2025-05-02',
      channel: 'letter',
      summary: 'Acknowledged receipt',
      assessment: 'partial',
      demandIds: [demand.id],
    });
    await step(api, 'a member logs a response', 'POST', `/api/campaigns/${campaignId}/responses`, as.member!, {
      institutionId: demand.institution_id,
      receivedOn: '2025-05-09',
      channel: 'email',
      summary: 'A second answer',
      assessment: 'non_committal',
      demandIds: [demand.id],
      // A member's status move waits for a coordinator: a proposal.
      statusMoves: [{ demandId: demand.id, to: 'acknowledged' }],
    });
  }
  const memberId = accounts.find((a) => a.name === 'member')!.id;
  await step(api, 'assign a follow-up', 'POST', `/api/campaigns/${campaignId}/follow-ups`, as.coordinator!, {
    organizationId: leadOrganizationId,
    assigneeId: memberId,
    title: 'Call the office',
    dueAt: '2030-01-15T10:00:00.000Z',
    ...(demand ? { demandId: demand.id } : {}),
  });
  // Another organization asked to join the campaign (an invitation it answers, or a direct add by older rules).
  let invitedOrganizationId = '';
  await db(async (c) => {
    invitedOrganizationId = await insertOrganization(c, uniqueName('Fuzz invited org'));
  });
  await step(
    api,
    'ask another organization in',
    'PUT',
    `/api/campaigns/${campaignId}/organizations/${invitedOrganizationId}`,
    as.coordinator!,
    {
      role: 'signatory',
    },
  );
  await step(api, 'create a campaign', 'POST', '/api/campaigns', as.coordinator!, { title: uniqueName('Fuzz campaign'), status: 'active' });
  const institution = await step(api, 'create an institution', 'POST', '/api/institutions', as.admin!, {
    name: uniqueName('Fuzz institution'),
    seatTimeZone: 'Europe/Zurich',
  });
  if (institution?.id) {
    const office = await step(api, 'create an office', 'POST', `/api/institutions/${institution.id}/offices`, as.admin!, {
      title: 'Rapporteur',
    });
    if (office?.id)
      await step(api, 'create a term', 'POST', `/api/offices/${office.id}/terms`, as.admin!, {
        holderName: 'A. Holder',
        startsOn: '2024-01-01',
        endsOn: '2027-12-31',
      });
  }
  await step(api, 'create an organization webhook', 'POST', `/api/organizations/${leadOrganizationId}/webhooks`, as.coordinator!, {
    url: 'https://93.184.215.14/hook',
  });
  await step(api, 'create a campaign webhook', 'POST', `/api/campaigns/${campaignId}/webhooks`, as.coordinator!, {
    url: 'https://93.184.215.14/campaign-hook',
    events: ['response'],
  });
  await step(api, 'invite someone', 'POST', '/api/invitations', as.admin!, {
    email: `${uniqueName('invitee')}@example.org`.toLowerCase(),
    organizationId: leadOrganizationId,
    role: 'member',
  });
  for (const c of callers) if (c.browser) await step(api, `API token for ${c.name}`, 'POST', '/api/me/tokens', c.browser, { name: 'fuzz' });
  await db(async (c) => {
    for (const a of accounts)
      await c.query(
        `INSERT INTO notifications (user_id, kind, title, body, link, campaign_id) VALUES ($1, 'reminder', 'Due soon', 'A deadline', '/x', $2)`,
        [a.id, campaignId],
      );
  });

  const ids: Record<string, string[]> = {};
  await db(async (c) => {
    for (const [kind, sql] of Object.entries(ID_QUERIES)) {
      // A table may not exist yet (or any more) while the schema changes: no ids of that kind then.
      ids[kind] = await c.query(sql).then(
        (r) => r.rows.map((row: { id: string }) => row.id),
        () => [],
      );
    }
  });

  let n = 0;
  const throwaway = async (tag: string) => {
    const made: { name: string; id: string; email: string }[] = [];
    const orgIds: string[] = [];
    await db(async (c) => {
      const own = await insertOrganization(c, uniqueName(`Fuzz throwaway ${tag} ${n++}`));
      const admins = await insertOrganization(c, uniqueName(`Fuzz throwaway admins ${tag}`));
      const outside = await insertOrganization(c, uniqueName(`Fuzz throwaway outside ${tag}`));
      orgIds.push(own, outside);
      // The throwaway organization leads the campaign, so that its people have something to lose.
      await c.query(`INSERT INTO campaign_organizations (campaign_id, organization_id, role) VALUES ($1, $2, 'lead')`, [campaignId, own]);
      const where = { admin: admins, lead: own, outside };
      for (const p of people.filter((q) => q.name !== 'outside member'))
        made.push({ name: p.name, ...(await insertUser(c, p.role, where[p.org])) });
    });
    const out: Caller[] = [{ name: 'anonymous', browser: null }];
    const tokenIds: string[] = [];
    for (const m of made) {
      const browser = await signIn(api.url, m.email);
      out.push({ name: m.name, browser });
      const t = (await step(api, `throwaway token for ${m.name}`, 'POST', '/api/me/tokens', browser, { name: 'throwaway' })) as {
        apiToken?: { id: string };
      } | null;
      if (t?.apiToken?.id) tokenIds.push(t.apiToken.id);
    }
    return { callers: out, ids: { ...ids, user: made.map((m) => m.id), organization: orgIds, token: tokenIds } };
  };

  return {
    api,
    apiProcess,
    campaignId,
    leadOrganizationId,
    callers,
    emails: accounts.map((a) => a.email),
    ids,
    throwaway,
    close: async () => {
      await api.close();
      await dropDatabase(databaseUrl);
      await deleteRedisKeys(inject('redisUrl'), redisPrefix);
    },
  };
}
