import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { uniqueName } from './support/databases.js';
import { startApi, type RunningApp } from './support/test-app.js';

/**
 * Issue 16, item 7, and DESIGN.md's rule: a coordinator adding another organization to a
 * campaign invites it; until that organization's coordinators accept, the inviters see its name
 * and nothing else — not its details, not its people. An admin adds directly.
 */
describe('invitations to a campaign', () => {
  let api: RunningApp;

  /** An organization with a coordinator, a member and an observer, signed in. */
  interface Org {
    id: string;
    name: string;
    coordinator: TestUser;
    as: { coordinator: Browser; member: Browser; observer: Browser };
  }
  async function organization(): Promise<Org> {
    const name = uniqueName('Org');
    const coordinator = await createUser('coordinator', { organization: name });
    const member = await createUser('member', { organization: name });
    const observer = await createUser('observer', { organization: name });
    return {
      id: coordinator.organizationId,
      name,
      coordinator,
      as: {
        coordinator: await signIn(api.url, coordinator.email),
        member: await signIn(api.url, member.email),
        observer: await signIn(api.url, observer.email),
      },
    };
  }

  let admin: Browser;
  beforeAll(async () => {
    api = await startApi();
    admin = await signIn(api.url, (await createUser('admin')).email);
  });
  afterAll(async () => {
    await api.close();
  });

  /** A campaign created through the API by `inviter`'s coordinator: their organization leads it. */
  async function campaignOf(inviter: Org): Promise<string> {
    const r = await call(api.url, 'POST', '/api/campaigns', inviter.as.coordinator, { title: uniqueName('Campaign') });
    expect(r.status).toBe(201);
    return r.body.id as string;
  }

  const invite = (as: Browser, campaignId: string, organizationId: string, role = 'lead') =>
    call(api.url, 'PUT', `/api/campaigns/${campaignId}/organizations/${organizationId}`, as, { role });

  async function pendingInvitationId(invited: Org, campaignId: string): Promise<string> {
    const list = await call(api.url, 'GET', '/api/campaign-invitations', invited.as.coordinator);
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: { campaignId: string }) => i.campaignId === campaignId);
    expect(item).toBeDefined();
    return item.id as string;
  }

  const pendingRows = (campaignId: string) =>
    withDb(async (db) => {
      const r = await db.query(
        `SELECT organization_id, role, outcome FROM campaign_organization_invitations WHERE campaign_id = $1 ORDER BY created_at`,
        [campaignId],
      );
      return r.rows as { organization_id: string; role: string; outcome: string | null }[];
    });

  it("no longer lets a coordinator reach another organization's people by adding it to a campaign", async () => {
    const outsider = await organization();
    const target = await organization();
    // Before: the target organization does not exist for the outsider.
    expect((await call(api.url, 'GET', `/api/organizations/${target.id}`, outsider.as.coordinator)).status).toBe(404);

    const campaignId = await campaignOf(outsider);
    const put = await invite(outsider.as.coordinator, campaignId, target.id, 'lead');
    expect(put.status).toBe(202);
    expect(put.body.organizations.map((o: { id: string }) => o.id)).toEqual([outsider.id]);
    expect(put.body.invitations).toEqual([
      { organizationId: target.id, name: target.name, role: 'lead', status: 'invited', invitedAt: expect.any(String) },
    ]);

    // After: still nothing but the name.
    expect((await call(api.url, 'GET', `/api/organizations/${target.id}`, outsider.as.coordinator)).status).toBe(404);
    expect((await call(api.url, 'GET', `/api/users?organizationId=${target.id}`, outsider.as.coordinator)).status).toBe(404);
    const everyone = await call(api.url, 'GET', '/api/users?limit=200', outsider.as.coordinator);
    expect(everyone.status).toBe(200);
    expect(everyone.body.items.map((u: { organizationId: string }) => u.organizationId)).not.toContain(target.id);
    expect((await call(api.url, 'GET', `/api/users/${target.coordinator.id}`, outsider.as.coordinator)).status).toBe(404);
    const visible = await call(api.url, 'GET', '/api/organizations?limit=200', outsider.as.coordinator);
    expect(visible.body.items.map((o: { id: string }) => o.id)).not.toContain(target.id);
    // The invited organization does not see the campaign either, until it accepts.
    expect((await call(api.url, 'GET', `/api/campaigns/${campaignId}`, target.as.coordinator)).status).toBe(404);
  });

  it('lets coordinators find any organization by name, as id and name only; never members', async () => {
    const seeker = await organization();
    const target = await organization();
    const found = await call(api.url, 'GET', `/api/organizations/names?q=${encodeURIComponent(target.name)}`, seeker.as.coordinator);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ items: [{ id: target.id, name: target.name }], nextCursor: null });
    expect((await call(api.url, 'GET', `/api/organizations/names?q=${target.name}`, seeker.as.member)).status).toBe(403);
    expect((await call(api.url, 'GET', '/api/organizations/names', seeker.as.coordinator)).status).toBe(400);
    // Wildcards are text: "%" finds nothing unless a name has one.
    expect((await call(api.url, 'GET', '/api/organizations/names?q=%25', seeker.as.coordinator)).body.items).toEqual([]);
  });

  it('notifies the invited coordinators; accepting adds the organization in the role offered and opens reach', async () => {
    const inviter = await organization();
    const invited = await organization();
    const campaignId = await campaignOf(inviter);
    expect((await invite(inviter.as.coordinator, campaignId, invited.id, 'signatory')).status).toBe(202);

    const inbox = await call(api.url, 'GET', '/api/notifications', invited.as.coordinator);
    expect(inbox.body.items).toContainEqual(
      expect.objectContaining({ kind: 'campaign_invitation', link: '/', campaignId, body: expect.stringContaining(inviter.name) }),
    );
    // Members and observers of the invited organization are not asked.
    expect((await call(api.url, 'GET', '/api/notifications', invited.as.member)).body.items).toEqual([]);
    expect((await call(api.url, 'GET', '/api/campaign-invitations', invited.as.member)).status).toBe(403);

    const mine = await call(api.url, 'GET', '/api/campaign-invitations', invited.as.coordinator);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        campaignId,
        organizationId: invited.id,
        role: 'signatory',
        status: 'pending',
        invitedByOrganizationName: inviter.name,
        invitedByName: 'Test coordinator',
      }),
    ]);
    const id = mine.body.items[0].id as string;

    const accepted = await call(api.url, 'POST', `/api/campaign-invitations/${id}/accept`, invited.as.coordinator);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id, status: 'accepted', decidedAt: expect.any(String) });

    const campaign = await call(api.url, 'GET', `/api/campaigns/${campaignId}`, inviter.as.coordinator);
    expect(campaign.body.organizations).toContainEqual(expect.objectContaining({ id: invited.id, role: 'signatory' }));
    expect(campaign.body.invitations).toEqual([]);
    expect((await call(api.url, 'GET', `/api/campaigns/${campaignId}`, invited.as.member)).status).toBe(200);
    expect((await call(api.url, 'GET', `/api/organizations/${invited.id}`, inviter.as.coordinator)).status).toBe(200);
    const people = await call(api.url, 'GET', `/api/users?organizationId=${invited.id}`, inviter.as.coordinator);
    expect(people.status).toBe(200);
    expect(people.body.items).toHaveLength(3);
    expect((await call(api.url, 'GET', '/api/campaign-invitations', invited.as.coordinator)).body.items).toEqual([]);

    // The inviter hears of it; the campaign's record says who joined, and how.
    const told = await call(api.url, 'GET', '/api/notifications', inviter.as.coordinator);
    expect(told.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'campaign_invitation',
        link: `/campaigns/${campaignId}`,
        title: expect.stringContaining('accepted'),
      }),
    );
    const { rows } = await withDb((db) =>
      db.query(`SELECT action, actor_id FROM audit_events WHERE campaign_id = $1 ORDER BY id`, [campaignId]),
    );
    expect(rows).toEqual([
      { action: 'campaign.created', actor_id: inviter.coordinator.id },
      { action: 'campaign.organization_invited', actor_id: inviter.coordinator.id },
      { action: 'campaign.organization_added', actor_id: invited.coordinator.id },
    ]);
    // Answered once.
    const again = await call(api.url, 'POST', `/api/campaign-invitations/${id}/decline`, invited.as.coordinator);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'invitation_decided', outcome: 'accepted' });
  });

  it('declining leaves everything as it was', async () => {
    const inviter = await organization();
    const invited = await organization();
    const campaignId = await campaignOf(inviter);
    await invite(inviter.as.coordinator, campaignId, invited.id);
    const id = await pendingInvitationId(invited, campaignId);
    const declined = await call(api.url, 'POST', `/api/campaign-invitations/${id}/decline`, invited.as.coordinator);
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('declined');
    const campaign = await call(api.url, 'GET', `/api/campaigns/${campaignId}`, inviter.as.coordinator);
    expect(campaign.body.organizations.map((o: { id: string }) => o.id)).toEqual([inviter.id]);
    expect(campaign.body.invitations).toEqual([]);
    expect((await call(api.url, 'GET', `/api/organizations/${invited.id}`, inviter.as.coordinator)).status).toBe(404);
    expect((await call(api.url, 'GET', `/api/users?organizationId=${invited.id}`, inviter.as.coordinator)).status).toBe(404);
    expect((await call(api.url, 'GET', `/api/campaigns/${campaignId}`, invited.as.coordinator)).status).toBe(404);
    expect(await pendingRows(campaignId)).toEqual([{ organization_id: invited.id, role: 'lead', outcome: 'declined' }]);
    // A new invitation may follow a declined one.
    expect((await invite(inviter.as.coordinator, campaignId, invited.id)).status).toBe(202);
  });

  it('lets only the invited organization’s coordinators answer: members and observers 403, a third organization 404', async () => {
    const inviter = await organization();
    const invited = await organization();
    const third = await organization();
    const campaignId = await campaignOf(inviter);
    await invite(inviter.as.coordinator, campaignId, invited.id);
    const id = await pendingInvitationId(invited, campaignId);
    for (const answer of ['accept', 'decline']) {
      const path = `/api/campaign-invitations/${id}/${answer}`;
      expect((await call(api.url, 'POST', path, invited.as.member)).status).toBe(403);
      expect((await call(api.url, 'POST', path, invited.as.observer)).status).toBe(403);
      expect((await call(api.url, 'POST', path, third.as.coordinator)).status).toBe(404);
      // Not even the inviter answers for the invited.
      expect((await call(api.url, 'POST', path, inviter.as.coordinator)).status).toBe(404);
    }
    expect((await call(api.url, 'GET', `/api/campaign-invitations/${id}`, third.as.coordinator)).status).toBe(404);
    expect((await call(api.url, 'GET', '/api/campaign-invitations', third.as.coordinator)).body.items).toEqual([]);
    expect(
      (await call(api.url, 'POST', '/api/campaign-invitations/00000000-0000-4000-8000-000000000000/accept', invited.as.coordinator)).status,
    ).toBe(404);
    expect(await pendingRows(campaignId)).toEqual([{ organization_id: invited.id, role: 'lead', outcome: null }]);
    // The campaign's members see no invitations; its coordinators do.
    expect((await call(api.url, 'GET', `/api/campaigns/${campaignId}`, inviter.as.member)).body.invitations).toEqual([]);
  });

  it('an admin adds an organization directly, superseding any pending invitation', async () => {
    const inviter = await organization();
    const invited = await organization();
    const direct = await organization();
    const campaignId = await campaignOf(inviter);

    const added = await invite(admin, campaignId, direct.id, 'signatory');
    expect(added.status).toBe(200);
    expect(added.body.organizations).toContainEqual(expect.objectContaining({ id: direct.id, role: 'signatory' }));

    await invite(inviter.as.coordinator, campaignId, invited.id);
    const id = await pendingInvitationId(invited, campaignId);
    expect((await invite(admin, campaignId, invited.id, 'signatory')).status).toBe(200);
    const late = await call(api.url, 'POST', `/api/campaign-invitations/${id}/accept`, invited.as.coordinator);
    expect(late.status).toBe(409);
    expect(late.body.outcome).toBe('superseded');
    const campaign = await call(api.url, 'GET', `/api/campaigns/${campaignId}`, inviter.as.coordinator);
    expect(campaign.body.organizations).toContainEqual(expect.objectContaining({ id: invited.id, role: 'signatory' }));
    expect(campaign.body.invitations).toEqual([]);
  });

  it('re-roles and removes organizations already in the campaign as before; withdraws a pending invitation', async () => {
    const inviter = await organization();
    const invited = await organization();
    const campaignId = await campaignOf(inviter);
    await invite(inviter.as.coordinator, campaignId, invited.id, 'signatory');
    const id = await pendingInvitationId(invited, campaignId);
    // Another role while pending: the offer changes, still one invitation.
    expect((await invite(inviter.as.coordinator, campaignId, invited.id, 'lead')).body.invitations).toEqual([
      expect.objectContaining({ organizationId: invited.id, role: 'lead' }),
    ]);
    expect((await call(api.url, 'POST', `/api/campaign-invitations/${id}/accept`, invited.as.coordinator)).body.role).toBe('lead');
    // In the campaign now: the inviter's coordinator changes its role and removes it, never the last lead.
    const reRoled = await invite(inviter.as.coordinator, campaignId, invited.id, 'signatory');
    expect(reRoled.status).toBe(200);
    expect(reRoled.body.organizations).toContainEqual(expect.objectContaining({ id: invited.id, role: 'signatory' }));
    expect((await invite(inviter.as.coordinator, campaignId, inviter.id, 'signatory')).body.code).toBe('last_lead');
    const removed = await call(api.url, 'DELETE', `/api/campaigns/${campaignId}/organizations/${invited.id}`, inviter.as.coordinator);
    expect(removed.status).toBe(200);
    expect(removed.body.organizations.map((o: { id: string }) => o.id)).toEqual([inviter.id]);

    // Withdrawn before an answer: the answer comes too late.
    await invite(inviter.as.coordinator, campaignId, invited.id);
    const second = await pendingInvitationId(invited, campaignId);
    const withdrawn = await call(api.url, 'DELETE', `/api/campaigns/${campaignId}/organizations/${invited.id}`, inviter.as.coordinator);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.invitations).toEqual([]);
    const late = await call(api.url, 'POST', `/api/campaign-invitations/${second}/accept`, invited.as.coordinator);
    expect(late.body).toMatchObject({ code: 'invitation_decided', outcome: 'withdrawn' });
    expect((await call(api.url, 'DELETE', `/api/campaigns/${campaignId}/organizations/${invited.id}`, inviter.as.coordinator)).status).toBe(
      404,
    );
    // A coordinator takes their own organization out (another lead stays): the removal stands, and
    // the answer is 204 — not a 404 that would read as "nothing happened".
    await invite(inviter.as.coordinator, campaignId, invited.id, 'lead');
    const third = await pendingInvitationId(invited, campaignId);
    expect((await call(api.url, 'POST', `/api/campaign-invitations/${third}/accept`, invited.as.coordinator)).status).toBe(200);
    const left = await call(api.url, 'DELETE', `/api/campaigns/${campaignId}/organizations/${inviter.id}`, inviter.as.coordinator);
    expect(left.status).toBe(204);
    expect((await call(api.url, 'GET', `/api/campaigns/${campaignId}`, inviter.as.coordinator)).status).toBe(404);
    const remaining = await call(api.url, 'GET', `/api/campaigns/${campaignId}`, invited.as.coordinator);
    expect(remaining.body.organizations.map((o: { id: string }) => o.id)).toEqual([invited.id]);
  });

  it('8 identical invitations at once: one pending row, one notification, no 5xx', async () => {
    const inviter = await organization();
    const invited = await organization();
    const campaignId = await campaignOf(inviter);
    const answers = await Promise.all(Array.from({ length: 8 }, () => invite(inviter.as.coordinator, campaignId, invited.id)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(202));
    expect(await pendingRows(campaignId)).toEqual([{ organization_id: invited.id, role: 'lead', outcome: null }]);
    const inbox = await call(api.url, 'GET', '/api/notifications', invited.as.coordinator);
    expect(inbox.body.items.filter((n: { kind: string }) => n.kind === 'campaign_invitation')).toHaveLength(1);
  });

  it('an accept and a decline at once: one outcome, the other a 409', async () => {
    for (let round = 0; round < 3; round++) {
      const inviter = await organization();
      const invited = await organization();
      const campaignId = await campaignOf(inviter);
      await invite(inviter.as.coordinator, campaignId, invited.id);
      const id = await pendingInvitationId(invited, campaignId);
      const answers = await Promise.all(
        ['accept', 'decline', 'accept', 'decline'].map((a) =>
          call(api.url, 'POST', `/api/campaign-invitations/${id}/${a}`, invited.as.coordinator),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
      const winner = answers.find((a) => a.status === 200)!.body.status as string;
      expect(await pendingRows(campaignId)).toEqual([{ organization_id: invited.id, role: 'lead', outcome: winner }]);
      const members = await withDb((db) =>
        db.query(`SELECT count(*)::int AS n FROM campaign_organizations WHERE campaign_id = $1 AND organization_id = $2`, [
          campaignId,
          invited.id,
        ]),
      );
      expect(members.rows[0].n).toBe(winner === 'accepted' ? 1 : 0);
    }
  });
});
