import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { uniqueName } from './support/databases.js';
import { startApi, type RunningApp } from './support/test-app.js';

/**
 * Organizations and users, as "Who may do what" says: admins manage; coordinators see the people
 * of campaigns their organization leads; nobody sees what is outside their reach (404).
 */
describe('organizations and users', () => {
  let api: RunningApp;
  let admin: TestUser;
  let lead: TestUser; // coordinator of a lead organization of the shared campaign
  let partner: TestUser; // member of a signatory organization of that campaign
  let stranger: TestUser; // coordinator of an organization in no common campaign
  let as: Record<'admin' | 'lead' | 'partner' | 'stranger', Browser>;

  beforeAll(async () => {
    api = await startApi();
    admin = await createUser('admin');
    lead = await createUser('coordinator');
    partner = await createUser('member');
    stranger = await createUser('coordinator');
    await withDb(async (db) => {
      const c = await db.query(`INSERT INTO campaigns (title, status) VALUES ('Shared campaign', 'active') RETURNING id`);
      await db.query(
        `INSERT INTO campaign_organizations (campaign_id, organization_id, role) VALUES ($1, $2, 'lead'), ($1, $3, 'signatory')`,
        [c.rows[0].id, lead.organizationId, partner.organizationId],
      );
    });
    as = {
      admin: await signIn(api.url, admin.email),
      lead: await signIn(api.url, lead.email),
      partner: await signIn(api.url, partner.email),
      stranger: await signIn(api.url, stranger.email),
    };
  });
  afterAll(async () => {
    await api.close();
  });

  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

  it('lets admins create and edit organizations, with a clear conflict on a duplicate name', async () => {
    const name = uniqueName('New org');
    const created = await call(api.url, 'POST', '/api/organizations', as.admin, {
      name,
      country: 'SV',
      kind: 'legal_clinic',
      website: 'https://example.org',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, country: 'SV', kind: 'legal_clinic', disabledAt: null });
    const duplicate = await call(api.url, 'POST', '/api/organizations', as.admin, { name });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'name_taken', details: [{ field: 'name' }] });
    const bad = await call(api.url, 'POST', '/api/organizations', as.admin, { name: 'x', country: 'Salvador', website: 'ftp://x' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['country', 'website']);
    const edited = await call(api.url, 'PATCH', `/api/organizations/${created.body.id}`, as.admin, {
      country: null,
      contactEmail: 'team@example.org',
    });
    expect(edited.body).toMatchObject({ country: null, contactEmail: 'team@example.org' });
    expect((await call(api.url, 'POST', '/api/organizations', as.lead, { name: uniqueName('x') })).status).toBe(403);
    expect((await call(api.url, 'PATCH', `/api/organizations/${lead.organizationId}`, as.lead, { name: 'Mine now' })).status).toBe(403);
  });

  it('shows each caller only the organizations they work with', async () => {
    const byPartner = await call(api.url, 'GET', '/api/organizations?limit=200', as.partner);
    expect(ids(byPartner.body).sort()).toEqual([lead.organizationId, partner.organizationId].sort());
    const byStranger = await call(api.url, 'GET', '/api/organizations?limit=200', as.stranger);
    expect(ids(byStranger.body)).toEqual([stranger.organizationId]);
    expect((await call(api.url, 'GET', `/api/organizations/${lead.organizationId}`, as.stranger)).status).toBe(404);
    expect((await call(api.url, 'GET', `/api/organizations/${lead.organizationId}`, as.partner)).status).toBe(200);
  });

  it('pages organizations by name with a keyset cursor, without overlap', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; name: string }[]; nextCursor: string | null } } = await call(
        api.url,
        'GET',
        `/api/organizations?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        as.admin,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((o) => o.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    const { rows } = await withDb((db) => db.query(`SELECT name FROM organizations ORDER BY name`));
    expect(seen).toEqual(rows.map((r: { name: string }) => r.name));
  });

  it('lets coordinators list the users of campaigns they lead, and nobody else but admins', async () => {
    const byLead = await call(api.url, 'GET', '/api/users?limit=200', as.lead);
    expect(byLead.status).toBe(200);
    expect(ids(byLead.body)).toEqual(expect.arrayContaining([lead.id, partner.id]));
    expect(ids(byLead.body)).not.toContain(stranger.id);
    expect(ids(byLead.body)).not.toContain(admin.id);
    expect((await call(api.url, 'GET', '/api/users', as.partner)).status).toBe(403);
    const byStranger = await call(api.url, 'GET', '/api/users?limit=200', as.stranger);
    expect(ids(byStranger.body)).toEqual([stranger.id]);
    expect((await call(api.url, 'GET', `/api/users/${partner.id}`, as.stranger)).status).toBe(404);
    expect((await call(api.url, 'GET', `/api/users/${partner.id}`, as.lead)).status).toBe(200);
    expect((await call(api.url, 'GET', `/api/users/${partner.id}`, as.partner)).status).toBe(200);
    expect((await call(api.url, 'GET', `/api/users/${lead.id}`, as.partner)).status).toBe(404);
  });

  it('rejects mass assignment of role or organization by anyone but an admin', async () => {
    const viaMe = await call(api.url, 'PATCH', '/api/me', as.partner, { role: 'admin', organizationId: lead.organizationId });
    expect(viaMe.status).toBe(400);
    expect(viaMe.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['organizationId', 'role']);
    expect((await call(api.url, 'PATCH', `/api/users/${partner.id}`, as.partner, { role: 'admin' })).status).toBe(403);
    expect((await call(api.url, 'PATCH', `/api/users/${partner.id}`, as.lead, { role: 'coordinator' })).status).toBe(403);
    expect((await call(api.url, 'PATCH', `/api/users/${partner.id}`, as.lead, { organizationId: lead.organizationId })).status).toBe(403);
    const { rows } = await withDb((db) => db.query(`SELECT role, organization_id FROM users WHERE id = $1`, [partner.id]));
    expect(rows[0]).toEqual({ role: 'member', organization_id: partner.organizationId });
  });

  it('lets an admin change a role, and records it', async () => {
    const user = await createUser('observer');
    const r = await call(api.url, 'PATCH', `/api/users/${user.id}`, as.admin, { role: 'member' });
    expect(r.body.role).toBe('member');
    const { rows } = await withDb((db) =>
      db.query(`SELECT action, actor_id, before, after FROM audit_events WHERE subject_id = $1 AND action = 'user.role_changed'`, [
        user.id,
      ]),
    );
    expect(rows).toEqual([{ action: 'user.role_changed', actor_id: admin.id, before: { role: 'observer' }, after: { role: 'member' } }]);
    expect((await call(api.url, 'PATCH', `/api/users/${admin.id}`, as.admin, { role: 'member' })).body.code).toBe('cannot_demote_self');
    expect(
      (await call(api.url, 'PATCH', `/api/users/${user.id}`, as.admin, { organizationId: '00000000-0000-4000-8000-000000000000' })).status,
    ).toBe(400);
  });

  it('disables an organization: its users are signed out and kept out; the disable is recorded', async () => {
    const orgUser = await createUser('member');
    const browser = await signIn(api.url, orgUser.email);
    expect((await call(api.url, 'POST', `/api/organizations/${orgUser.organizationId}/disable`, as.admin)).body.disabledAt).toBeTruthy();
    expect((await call(api.url, 'GET', '/api/me', browser)).status).toBe(401);
    expect(
      (await call(api.url, 'POST', '/api/auth/login', null, { email: orgUser.email, password: 'correct horse battery staple' })).status,
    ).toBe(401);
    const { rows } = await withDb((db) => db.query(`SELECT action FROM audit_events WHERE subject_id = $1`, [orgUser.organizationId]));
    expect(rows.map((r: { action: string }) => r.action)).toContain('organization.disabled');
    expect((await call(api.url, 'POST', `/api/organizations/${admin.organizationId}/disable`, as.admin)).body.code).toBe(
      'cannot_disable_self',
    );
  });

  it('records disabling a user', async () => {
    const user = await createUser('member');
    await call(api.url, 'POST', `/api/users/${user.id}/disable`, as.admin);
    const { rows } = await withDb((db) => db.query(`SELECT action, actor_id FROM audit_events WHERE subject_id = $1`, [user.id]));
    expect(rows).toEqual([{ action: 'user.disabled', actor_id: admin.id }]);
  });

  it('answers malformed ids with 400 and unknown ones with 404', async () => {
    expect((await call(api.url, 'GET', '/api/users/not-an-id', as.admin)).body.code).toBe('invalid_id');
    expect((await call(api.url, 'GET', '/api/organizations/00000000-0000-4000-8000-000000000000', as.admin)).status).toBe(404);
  });
});
