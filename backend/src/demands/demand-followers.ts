import type { EntityManager } from 'typeorm';

/**
 * Who follows some demands of a campaign: the campaign's lead organizations, and every
 * organization with a follow-up on one of them. Their active coordinators and members hear of
 * responses and status changes; their webhooks too.
 */
export async function demandFollowers(
  manager: EntityManager,
  campaignId: string,
  demandIds: string[],
): Promise<{ userIds: string[]; organizationIds: string[] }> {
  const organizations: { organization_id: string }[] = await manager.query(
    `SELECT organization_id FROM campaign_organizations WHERE campaign_id = $1 AND role = 'lead'
     UNION SELECT organization_id FROM follow_ups WHERE campaign_id = $1 AND demand_id = ANY($2::uuid[])`,
    [campaignId, demandIds],
  );
  const organizationIds = organizations.map((o) => o.organization_id);
  const users: { id: string }[] = await manager.query(
    `SELECT id FROM users WHERE organization_id = ANY($1::uuid[]) AND role IN ('coordinator', 'member') AND disabled_at IS NULL`,
    [organizationIds],
  );
  return { userIds: users.map((u) => u.id), organizationIds };
}
