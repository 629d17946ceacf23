import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { createCampaign, createDemand, createMilestone, createOffice } from './support/campaigns.js';
import { uniqueName } from './support/databases.js';
import { startApi, type RunningApp } from './support/test-app.js';

/**
 * Every mutating campaign route, tried as each kind of caller. The expected outcome of each pair
 * is written out by hand from DESIGN.md's "Who may do what" — never derived from the code's own
 * rules. Outside the campaign, the campaign and its objects do not exist (404).
 */
type Actor =
  | 'admin'
  | 'leadCoordinator'
  | 'leadMember'
  | 'leadObserver'
  | 'signatoryCoordinator'
  | 'signatoryMember'
  | 'outsiderCoordinator'
  | 'outsiderMember';
const ACTORS: Actor[] = [
  'admin',
  'leadCoordinator',
  'leadMember',
  'leadObserver',
  'signatoryCoordinator',
  'signatoryMember',
  'outsiderCoordinator',
  'outsiderMember',
];

/** Only admins and coordinators of a lead organization change a campaign; outsiders see nothing. */
const COORDINATE: Record<Actor, number> = {
  admin: 200,
  leadCoordinator: 200,
  leadMember: 403,
  leadObserver: 403,
  signatoryCoordinator: 403,
  signatoryMember: 403,
  outsiderCoordinator: 404,
  outsiderMember: 404,
};
const withStatus = (table: Record<Actor, number>, ok: number): Record<Actor, number> =>
  Object.fromEntries(Object.entries(table).map(([a, s]) => [a, s === 200 ? ok : s])) as Record<Actor, number>;

/** Anyone in the campaign reads it; admins too; outsiders get 404. */
const READ: Record<Actor, number> = {
  admin: 200,
  leadCoordinator: 200,
  leadMember: 200,
  leadObserver: 200,
  signatoryCoordinator: 200,
  signatoryMember: 200,
  outsiderCoordinator: 404,
  outsiderMember: 404,
};

describe('who may do what in a campaign', () => {
  let api: RunningApp;
  const users = {} as Record<Actor, TestUser>;
  const as = {} as Record<Actor, Browser>;
  let leadOrg: string;
  let signatoryOrg: string;
  let officeId: string;
  let institutionId: string;
  let extraOrg: string;

  beforeAll(async () => {
    api = await startApi();
    const lead = uniqueName('Lead org');
    const signatory = uniqueName('Signatory org');
    const outsider = uniqueName('Outsider org');
    users.admin = await createUser('admin');
    users.leadCoordinator = await createUser('coordinator', { organization: lead });
    users.leadMember = await createUser('member', { organization: lead });
    users.leadObserver = await createUser('observer', { organization: lead });
    users.signatoryCoordinator = await createUser('coordinator', { organization: signatory });
    users.signatoryMember = await createUser('member', { organization: signatory });
    users.outsiderCoordinator = await createUser('coordinator', { organization: outsider });
    users.outsiderMember = await createUser('member', { organization: outsider });
    leadOrg = users.leadCoordinator.organizationId;
    signatoryOrg = users.signatoryCoordinator.organizationId;
    extraOrg = (await createUser('observer')).organizationId;
    ({ officeId, institutionId } = await createOffice());
    for (const a of ACTORS) as[a] = await signIn(api.url, users[a].email);
  });
  afterAll(async () => {
    await api.close();
  });

  const campaign = () =>
    createCampaign([
      { id: leadOrg, role: 'lead' },
      { id: signatoryOrg, role: 'signatory' },
    ]);

  const response = async () => {
    const c = await campaign();
    const demandId = await createDemand(c, officeId, 'sent');
    return withDb(async (db) => {
      const r = await db.query(
        `INSERT INTO responses (campaign_id, institution_id, received_on, channel, summary, assessment) VALUES ($1, $2, '2025-05-02', 'letter', 'x', 'partial') RETURNING id`,
        [c, institutionId],
      );
      await db.query(`INSERT INTO response_demands (response_id, demand_id) VALUES ($1, $2)`, [r.rows[0].id, demandId]);
      return r.rows[0].id as string;
    });
  };
  const proposal = async () => {
    const c = await campaign();
    const demandId = await createDemand(c, officeId, 'sent');
    return withDb(async (db) => {
      const r = await db.query(`INSERT INTO demand_status_proposals (demand_id, to_status) VALUES ($1, 'acknowledged') RETURNING id`, [
        demandId,
      ]);
      return r.rows[0].id as string;
    });
  };
  const followUp = async () => {
    const c = await campaign();
    return withDb(async (db) => {
      const r = await db.query(
        `INSERT INTO follow_ups (campaign_id, organization_id, title, due_at, due_time_zone) VALUES ($1, $2, 'Call', now() + interval '3 days', 'UTC') RETURNING id`,
        [c, signatoryOrg],
      );
      return r.rows[0].id as string;
    });
  };

  /** Each route: how to make a fresh target, the request, and the expected status per actor. */
  const ROUTES: { name: string; expected: Record<Actor, number>; request: () => Promise<[string, string, unknown?]> }[] = [
    {
      name: 'POST /api/campaigns',
      expected: {
        admin: 201,
        leadCoordinator: 201,
        leadMember: 403,
        leadObserver: 403,
        signatoryCoordinator: 201,
        signatoryMember: 403,
        outsiderCoordinator: 201,
        outsiderMember: 403,
      },
      request: async () => ['POST', '/api/campaigns', { title: 'A new campaign' }],
    },
    {
      name: 'PATCH /api/campaigns/:id',
      expected: COORDINATE,
      request: async () => ['PATCH', `/api/campaigns/${await campaign()}`, { title: 'Renamed' }],
    },
    {
      name: 'POST /api/campaigns/:id/status',
      expected: COORDINATE,
      request: async () => ['POST', `/api/campaigns/${await campaign()}/status`, { status: 'concluded' }],
    },
    {
      // A new organization: an admin adds it (200); a coordinator invites it (202), and it joins
      // only when its own coordinators accept (campaign-invitations.test.ts).
      name: 'PUT /api/campaigns/:id/organizations/:org',
      expected: { ...COORDINATE, leadCoordinator: 202 },
      request: async () => ['PUT', `/api/campaigns/${await campaign()}/organizations/${extraOrg}`, { role: 'signatory' }],
    },
    {
      name: 'DELETE /api/campaigns/:id/organizations/:org',
      expected: COORDINATE,
      request: async () => ['DELETE', `/api/campaigns/${await campaign()}/organizations/${signatoryOrg}`],
    },
    {
      name: 'POST /api/campaigns/:id/demands',
      expected: withStatus(COORDINATE, 201),
      request: async () => [
        'POST',
        `/api/campaigns/${await campaign()}/demands`,
        { officeId, text: 'Release the agreement', category: 'disclosure' },
      ],
    },
    {
      name: 'PATCH /api/demands/:id',
      expected: COORDINATE,
      request: async () => ['PATCH', `/api/demands/${await createDemand(await campaign(), officeId)}`, { priority: 'high' }],
    },
    {
      name: 'POST /api/demands/:id/transitions',
      expected: COORDINATE,
      request: async () => ['POST', `/api/demands/${await createDemand(await campaign(), officeId)}/transitions`, { to: 'sent' }],
    },
    {
      name: 'POST /api/campaigns/:id/milestones',
      expected: withStatus(COORDINATE, 201),
      request: async () => [
        'POST',
        `/api/campaigns/${await campaign()}/milestones`,
        { title: 'June session', occursOn: '2025-06-16', timeZone: 'Europe/Zurich' },
      ],
    },
    {
      name: 'PATCH /api/milestones/:id',
      expected: COORDINATE,
      request: async () => ['PATCH', `/api/milestones/${await createMilestone(await campaign())}`, { title: 'Moved' }],
    },
    {
      name: 'DELETE /api/milestones/:id',
      expected: withStatus(COORDINATE, 204),
      request: async () => ['DELETE', `/api/milestones/${await createMilestone(await campaign())}`],
    },
    {
      name: 'POST /api/campaigns/:id/responses',
      expected: {
        admin: 201,
        leadCoordinator: 201,
        leadMember: 201,
        leadObserver: 403,
        signatoryCoordinator: 201,
        signatoryMember: 201,
        outsiderCoordinator: 404,
        outsiderMember: 404,
      },
      request: async () => {
        const c = await campaign();
        const demandId = await createDemand(c, officeId, 'sent');
        return [
          'POST',
          `/api/campaigns/${c}/responses`,
          {
            institutionId,
            receivedOn: '2025-05-02',
            channel: 'letter',
            summary: 'Received',
            assessment: 'non_committal',
            demandIds: [demandId],
          },
        ];
      },
    },
    {
      name: 'PATCH /api/responses/:id (logged by someone else)',
      expected: COORDINATE,
      request: async () => ['PATCH', `/api/responses/${await response()}`, { assessment: 'positive' }],
    },
    {
      name: 'DELETE /api/responses/:id (logged by someone else)',
      expected: withStatus(COORDINATE, 204),
      request: async () => ['DELETE', `/api/responses/${await response()}`],
    },
    {
      name: 'POST /api/campaigns/:id/follow-ups',
      expected: withStatus(COORDINATE, 201),
      request: async () => [
        'POST',
        `/api/campaigns/${await campaign()}/follow-ups`,
        { organizationId: signatoryOrg, title: 'Call the mission', dueAt: '2030-01-01T09:00:00Z' },
      ],
    },
    {
      name: "PATCH /api/follow-ups/:id status (the signatory organization's follow-up)",
      expected: {
        admin: 200,
        leadCoordinator: 200,
        leadMember: 403,
        leadObserver: 403,
        signatoryCoordinator: 200,
        signatoryMember: 200,
        outsiderCoordinator: 404,
        outsiderMember: 404,
      },
      request: async () => ['PATCH', `/api/follow-ups/${await followUp()}`, { status: 'in_progress' }],
    },
    {
      name: "PATCH /api/follow-ups/:id due date (the signatory organization's follow-up)",
      expected: COORDINATE,
      request: async () => ['PATCH', `/api/follow-ups/${await followUp()}`, { dueAt: '2031-01-01T09:00:00Z' }],
    },
    {
      name: 'POST /api/proposals/:id/confirm',
      expected: COORDINATE,
      request: async () => ['POST', `/api/proposals/${await proposal()}/confirm`, {}],
    },
    {
      name: 'POST /api/proposals/:id/reject',
      expected: COORDINATE,
      request: async () => ['POST', `/api/proposals/${await proposal()}/reject`, {}],
    },
    {
      name: 'GET /api/campaigns/:id/proposals',
      expected: READ,
      request: async () => ['GET', `/api/campaigns/${await campaign()}/proposals`],
    },
    {
      name: 'GET /api/campaigns/:id/timeline',
      expected: READ,
      request: async () => ['GET', `/api/campaigns/${await campaign()}/timeline`],
    },
    {
      name: 'GET /api/campaigns/:id/responses',
      expected: READ,
      request: async () => ['GET', `/api/campaigns/${await campaign()}/responses`],
    },
    {
      name: 'GET /api/campaigns/:id/follow-ups',
      expected: READ,
      request: async () => ['GET', `/api/campaigns/${await campaign()}/follow-ups`],
    },
    { name: 'GET /api/follow-ups/:id', expected: READ, request: async () => ['GET', `/api/follow-ups/${await followUp()}`] },
    { name: 'GET /api/campaigns/:id', expected: READ, request: async () => ['GET', `/api/campaigns/${await campaign()}`] },
    { name: 'GET /api/campaigns/:id/demands', expected: READ, request: async () => ['GET', `/api/campaigns/${await campaign()}/demands`] },
    {
      name: 'GET /api/demands/:id',
      expected: READ,
      request: async () => ['GET', `/api/demands/${await createDemand(await campaign(), officeId)}`],
    },
    {
      name: 'GET /api/campaigns/:id/milestones',
      expected: READ,
      request: async () => ['GET', `/api/campaigns/${await campaign()}/milestones`],
    },
    {
      name: 'GET /api/milestones/:id',
      expected: READ,
      request: async () => ['GET', `/api/milestones/${await createMilestone(await campaign())}`],
    },
  ];

  for (const route of ROUTES) {
    it(route.name, async () => {
      const outcome = {} as Record<Actor, number>;
      for (const actor of ACTORS) {
        const [method, path, body] = await route.request();
        const r = await call(api.url, method, path, as[actor], body);
        outcome[actor] = r.status;
        if (r.status === 404) expect(r.body.code, `${actor} ${route.name}`).toBe('not_found');
      }
      expect(outcome).toEqual(route.expected);
    });
  }

  it('lists only the campaigns of the caller’s organization (all for admins)', async () => {
    const id = await campaign();
    const seen = async (actor: Actor) => {
      const r = await call(api.url, 'GET', '/api/campaigns?limit=200', as[actor]);
      return (r.body.items as { id: string }[]).some((c) => c.id === id);
    };
    expect(await seen('admin')).toBe(true);
    expect(await seen('leadObserver')).toBe(true);
    expect(await seen('signatoryMember')).toBe(true);
    expect(await seen('outsiderCoordinator')).toBe(false);
  });
});
