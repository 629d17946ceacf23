import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CampaignRole } from '@demarche/shared';
import type { DataSource } from 'typeorm';
import { ForbiddenError, NotFoundError } from '../http/domain-error.js';
import type { AuthUser } from './auth-context.js';

/** What a user may do in one campaign. */
export interface CampaignAccess {
  /** The user's organization's part in the campaign; `null` for an admin from outside it. */
  organizationRole: CampaignRole | null;
  /** Edit everything, move statuses, assign follow-ups: admins and coordinators of a lead organization. */
  canCoordinate: boolean;
  /** Log responses and update their organization's follow-ups: coordinators and members. */
  canContribute: boolean;
}

/**
 * Object-level authorization ("Who may do what", DESIGN.md), in one place. Every method answers
 * NotFound (404) for an object outside the caller's reach, so its existence is not revealed, and
 * Forbidden (403) only when the caller can see the object but their role does not allow the act.
 */
@Injectable()
export class AccessPolicy {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Organizations the user can see: all for admins; else their own and every organization they share a campaign with. */
  async visibleOrganizationIds(user: AuthUser): Promise<'all' | string[]> {
    if (user.role === 'admin') return 'all';
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT $1::uuid AS id
       UNION
       SELECT other.organization_id FROM campaign_organizations mine
       JOIN campaign_organizations other ON other.campaign_id = mine.campaign_id
       WHERE mine.organization_id = $1`,
      [user.organizationId],
    );
    return rows.map((r) => r.id);
  }

  async assertOrganizationVisible(user: AuthUser, organizationId: string): Promise<void> {
    const visible = await this.visibleOrganizationIds(user);
    if (visible !== 'all' && !visible.includes(organizationId)) throw new NotFoundError('organization');
  }

  /**
   * Organizations whose users the caller may list: all for admins; for coordinators their own
   * and those of every campaign their organization leads; nobody else lists users.
   */
  async userDirectoryOrganizationIds(user: AuthUser): Promise<'all' | string[]> {
    if (user.role === 'admin') return 'all';
    if (user.role !== 'coordinator') throw new ForbiddenError('Only coordinators and administrators can list users.');
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT $1::uuid AS id
       UNION
       SELECT other.organization_id FROM campaign_organizations mine
       JOIN campaign_organizations other ON other.campaign_id = mine.campaign_id
       WHERE mine.organization_id = $1 AND mine.role = 'lead'`,
      [user.organizationId],
    );
    return rows.map((r) => r.id);
  }

  /** Whether the caller may see another user's record: admins, the user themself, coordinators within reach. */
  async assertUserVisible(user: AuthUser, target: { id: string; organizationId: string }): Promise<void> {
    if (user.role === 'admin' || user.id === target.id) return;
    if (user.role === 'coordinator') {
      const reach = await this.userDirectoryOrganizationIds(user);
      if (reach === 'all' || reach.includes(target.organizationId)) return;
    }
    throw new NotFoundError('user');
  }

  /**
   * Finding organizations by name, to invite them to a campaign: admins and coordinators. The
   * answer is names only; an organization outside reach stays unreadable otherwise.
   */
  assertMayFindOrganizationsByName(user: AuthUser): void {
    if (user.role !== 'admin' && user.role !== 'coordinator')
      throw new ForbiddenError('Only coordinators and administrators can look organizations up by name.');
  }

  /** Listing invitations of one's organization to campaigns: its coordinators (and admins, for theirs). */
  assertMayListCampaignInvitations(user: AuthUser): void {
    if (user.role !== 'admin' && user.role !== 'coordinator')
      throw new ForbiddenError('Only coordinators can answer invitations to campaigns.');
  }

  /**
   * Accepting or declining an invitation to a campaign: the invited organization's coordinators,
   * and admins. Its other people see it exists (403); anybody else does not (404).
   */
  assertMayAnswerCampaignInvitation(user: AuthUser, invitedOrganizationId: string): void {
    if (user.role === 'admin') return;
    if (user.organizationId !== invitedOrganizationId) throw new NotFoundError('invitation');
    if (user.role !== 'coordinator') throw new ForbiddenError('Only coordinators of the invited organization can answer this invitation.');
  }

  /**
   * The caller's access to the campaign an object belongs to. Outside the campaign, the object
   * itself does not exist for them: NotFound names `subject` (a demand, a milestone…).
   */
  async campaignAccessFor(user: AuthUser, campaignId: string, subject: string): Promise<CampaignAccess> {
    try {
      return await this.campaignAccess(user, campaignId);
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError(subject);
      throw error;
    }
  }

  /** Like campaignAccessFor, and Forbidden unless the caller coordinates the campaign. */
  async requireCoordinator(
    user: AuthUser,
    campaignId: string,
    subject: string,
    message = 'Only coordinators of a lead organization can change this.',
  ): Promise<CampaignAccess> {
    const access = await this.campaignAccessFor(user, campaignId, subject);
    if (!access.canCoordinate) throw new ForbiddenError(message);
    return access;
  }

  /** The caller's access to a campaign; NotFound when their organization is not part of it. */
  async campaignAccess(user: AuthUser, campaignId: string): Promise<CampaignAccess> {
    const rows: { role: CampaignRole }[] = await this.dataSource.query(
      `SELECT role FROM campaign_organizations WHERE campaign_id = $1 AND organization_id = $2`,
      [campaignId, user.organizationId],
    );
    const organizationRole = rows[0]?.role ?? null;
    if (user.role === 'admin') {
      const exists: unknown[] = await this.dataSource.query(`SELECT 1 FROM campaigns WHERE id = $1`, [campaignId]);
      if (exists.length === 0) throw new NotFoundError('campaign');
      return { organizationRole, canCoordinate: true, canContribute: true };
    }
    if (!organizationRole) throw new NotFoundError('campaign');
    return {
      organizationRole,
      canCoordinate: user.role === 'coordinator' && organizationRole === 'lead',
      canContribute: user.role === 'coordinator' || user.role === 'member',
    };
  }
}
