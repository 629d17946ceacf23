import type { components } from '../core/api/schema.generated';
import type { Campaign } from './setup-data';

/** Rules of the set-up's coalition step (issue 19): no Angular here, so the specs test them alone. */

export type CampaignOrganization = Campaign['organizations'][number];
export type PendingOrganization = Campaign['invitations'][number];
export type OrganizationName = components['schemas']['OrganizationNameDto'];
export type CampaignRole = CampaignOrganization['role'];
export type UserRole = components['schemas']['MeDto']['role'];

/** The roles an organization may take in a campaign, in the order the form offers them. */
export const COALITION_ROLES: readonly CampaignRole[] = ['signatory', 'lead'];

export function isCampaignRole(value: unknown): value is CampaignRole {
  return value === 'lead' || value === 'signatory';
}

/**
 * How an organization new to the campaign comes in: an administrator adds it directly (the API
 * answers 200); anyone else who coordinates the campaign invites it (202), and it joins once its
 * coordinators accept.
 */
export type JoinMode = 'add' | 'invite';

export function joinMode(userRole: UserRole | null | undefined): JoinMode {
  return userRole === 'admin' ? 'add' : 'invite';
}

/** The other role: what "change the role" changes it to. */
export function otherRole(role: CampaignRole): CampaignRole {
  return role === 'lead' ? 'signatory' : 'lead';
}

/** The campaign's lead organizations: a campaign keeps at least one (the API refuses, 409 `last_lead`). */
export function leadCount(campaign: Pick<Campaign, 'organizations'>): number {
  return campaign.organizations.filter((organization) => organization.role === 'lead').length;
}

/** Whether the organization is the campaign's only lead: it can be neither removed nor made a signatory. */
export function isLastLead(campaign: Pick<Campaign, 'organizations'>, organizationId: string): boolean {
  const organization = campaign.organizations.find((o) => o.id === organizationId);
  return organization?.role === 'lead' && leadCount(campaign) === 1;
}

/** Who looks at the coalition: their role in Demarche and their organization. */
export interface Viewer {
  readonly role: UserRole | null;
  readonly organizationId: string | null;
}

/**
 * Why an organization cannot be removed from the coalition, or null when it can:
 * - `last_lead`: the campaign's only lead (the API would refuse);
 * - `own`: the person's own organization — without it they could no longer open the campaign
 *   (administrators excepted: they see every campaign).
 */
export type RemovalBlock = 'last_lead' | 'own';

export function removalBlock(campaign: Pick<Campaign, 'organizations'>, organizationId: string, viewer: Viewer): RemovalBlock | null {
  if (isLastLead(campaign, organizationId)) return 'last_lead';
  if (viewer.role !== 'admin' && viewer.organizationId === organizationId) return 'own';
  return null;
}

/**
 * Whether making this organization a signatory takes the person's own coordination of the
 * campaign away: their own organization, a lead, and they are not an administrator. Asked first.
 */
export function losesCoordination(organization: CampaignOrganization, viewer: Viewer): boolean {
  return viewer.role !== 'admin' && organization.role === 'lead' && organization.id === viewer.organizationId;
}

/** The organizations found that can still be brought in: not in the coalition, not invited already. */
export function offerable(
  found: readonly OrganizationName[],
  campaign: Pick<Campaign, 'organizations' | 'invitations'>,
): OrganizationName[] {
  const taken = new Set([...campaign.organizations.map((o) => o.id), ...campaign.invitations.map((i) => i.organizationId)]);
  return found.filter((organization) => !taken.has(organization.id));
}

/**
 * What a `PUT …/organizations/:organizationId` did, read from the campaign it answers (the API
 * says the same by its status: 200 in the coalition, 202 invited): `added` when the organization is
 * in the coalition, `invited` when its invitation is pending, with the role it has or is offered.
 * Null when it is in neither (someone else removed it meanwhile).
 */
export type JoinOutcome = { readonly kind: 'added' | 'invited'; readonly role: CampaignRole };

export function joinOutcome(campaign: Pick<Campaign, 'organizations' | 'invitations'>, organizationId: string): JoinOutcome | null {
  const member = campaign.organizations.find((o) => o.id === organizationId);
  if (member) return { kind: 'added', role: member.role };
  const invitation = campaign.invitations.find((i) => i.organizationId === organizationId);
  return invitation ? { kind: 'invited', role: invitation.role } : null;
}

/**
 * The option a combobox's arrow keys lead to among `count`: down from none is the first, up from
 * none the last, and both wrap around. -1 when there is nothing to choose.
 */
export function nextActive(active: number, count: number, by: 1 | -1): number {
  if (count === 0) return -1;
  if (active < 0 || active >= count) return by === 1 ? 0 : count - 1;
  return (active + by + count) % count;
}
