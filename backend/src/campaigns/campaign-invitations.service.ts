import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE, type CampaignRole } from '@demarche/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { AccessPolicy } from '../core/auth/access-policy.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { ConflictError, NotFoundError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import { campaignInvitationAnswerMail, campaignInvitationMail } from './campaign-invitation-mails.js';
import { Dispatcher } from '../notifications/dispatcher.js';
import { nothingRecorded, type Recorded } from '../notifications/notify.js';
import type {
  CampaignInvitationDto,
  CampaignInvitationPageDto,
  ListCampaignInvitationsQueryDto,
  PendingCampaignOrganizationDto,
} from './campaign-invitation.dto.js';
import type { CampaignInvitationOutcome } from './campaign-invitation.entity.js';
import { inTransaction } from '../core/database/transaction.js';
import { EventRecorder } from '../notifications/event-recorder.js';

interface InvitationRow {
  id: string;
  campaign_id: string;
  campaign_title: string;
  campaign_summary: string;
  organization_id: string;
  organization_name: string;
  role: CampaignRole;
  invited_by_id: string | null;
  invited_by_name: string | null;
  invited_by_organization_name: string | null;
  created_at: Date;
  decided_at: Date | null;
  outcome: CampaignInvitationOutcome | null;
}

const SELECT = `SELECT i.id, i.campaign_id, c.title AS campaign_title, c.summary AS campaign_summary, i.organization_id,
  o.name AS organization_name, i.role, i.invited_by_id, u.display_name AS invited_by_name, io.name AS invited_by_organization_name,
  i.created_at, i.decided_at, i.outcome
  FROM campaign_organization_invitations i JOIN campaigns c ON c.id = i.campaign_id JOIN organizations o ON o.id = i.organization_id
  LEFT JOIN users u ON u.id = i.invited_by_id LEFT JOIN organizations io ON io.id = i.inviter_organization_id`;

function toDto(r: InvitationRow): CampaignInvitationDto {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignTitle: r.campaign_title,
    campaignSummary: r.campaign_summary,
    organizationId: r.organization_id,
    role: r.role,
    invitedByOrganizationName: r.invited_by_organization_name,
    invitedByName: r.invited_by_name,
    createdAt: r.created_at.toISOString(),
    status: r.outcome ?? 'pending',
    decidedAt: r.decided_at?.toISOString() ?? null,
  };
}

/**
 * Invitations for an organization to join a campaign ("Who may do what", DESIGN.md): a
 * coordinator of a lead organization invites another organization, found by name; that
 * organization's coordinators accept (it joins in the role offered) or decline. Until then it is
 * not part of the campaign, so reach (computed from campaign_organizations) does not grow: the
 * inviters see its name, not its people or its details.
 *
 * Lock order, shared with CampaignsService's membership changes: the campaign row, then the
 * invitation row. Every change of a campaign's membership or invitations takes the campaign row
 * first, so they queue instead of deadlocking, and an invitation is decided once.
 */
@Injectable()
export class CampaignInvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
    private readonly dispatcher: Dispatcher,
    private readonly events: EventRecorder,
  ) {}

  /**
   * Invites an organization not yet in the campaign, or changes the role a pending invitation
   * offers. Runs in the caller's transaction, which holds the campaign row locked; the unique
   * partial index keeps one pending invitation per campaign and organization regardless.
   * Returns what to dispatch after commit.
   */
  async invite(
    manager: EntityManager,
    actor: AuthUser,
    campaign: { id: string; title: string },
    organization: { id: string; name: string },
    role: CampaignRole,
  ): Promise<Recorded> {
    const [pending] = (await manager.query(
      `SELECT id, role FROM campaign_organization_invitations WHERE campaign_id = $1 AND organization_id = $2 AND decided_at IS NULL`,
      [campaign.id, organization.id],
    )) as { id: string; role: CampaignRole }[];
    if (pending) {
      if (pending.role === role) return nothingRecorded();
      await manager.query(`UPDATE campaign_organization_invitations SET role = $2 WHERE id = $1`, [pending.id, role]);
      await recordAudit(manager, {
        action: 'campaign.invitation_changed',
        subjectType: 'organization',
        subjectId: organization.id,
        campaignId: campaign.id,
        actorId: actor.id,
        before: { role: pending.role },
        after: { role, name: organization.name },
      });
      return nothingRecorded();
    }
    const [created] = (await manager.query(
      `INSERT INTO campaign_organization_invitations (campaign_id, organization_id, role, invited_by_id, inviter_organization_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (campaign_id, organization_id) WHERE decided_at IS NULL DO NOTHING RETURNING id`,
      [campaign.id, organization.id, role, actor.id, actor.organizationId],
    )) as { id: string }[];
    if (!created) return nothingRecorded();
    await recordAudit(manager, {
      action: 'campaign.organization_invited',
      subjectType: 'organization',
      subjectId: organization.id,
      campaignId: campaign.id,
      actorId: actor.id,
      after: { role, name: organization.name, invitationId: created.id },
    });
    const coordinators: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE organization_id = $1 AND role = 'coordinator' AND disabled_at IS NULL`,
      [organization.id],
    );
    const invitedBy = `${actor.displayName} (${actor.organizationName})`;
    return this.events.record(manager, {
      kind: 'campaign_invitation',
      key: `campaign_invitation:${created.id}`,
      campaignId: campaign.id,
      campaignTitle: campaign.title,
      recipientIds: coordinators.map((c) => c.id),
      actorId: actor.id,
      organizationIds: [organization.id],
      // The invited see the invitation on their home page; the campaign is not theirs yet.
      link: '/',
      render: (locale, _timeZone, link) => {
        const mail = campaignInvitationMail(locale, {
          invitedBy,
          organizationName: organization.name,
          campaignTitle: campaign.title,
          role,
          link,
        });
        return { title: mail.subject, body: invitedBy, mail };
      },
      data: { invitationId: created.id, organizationId: organization.id, organizationName: organization.name, role },
    });
  }

  /**
   * Ends the pending invitation of an organization, if there is one, in the caller's transaction
   * (campaign row locked): `withdrawn` by the campaign's coordinators, `superseded` when an admin
   * adds the organization directly. Whether there was one.
   */
  async close(
    manager: EntityManager,
    actor: AuthUser,
    campaignId: string,
    organizationId: string,
    outcome: 'withdrawn' | 'superseded',
  ): Promise<boolean> {
    const [closed] = (await manager.query(
      `UPDATE campaign_organization_invitations i SET decided_at = now(), decided_by_id = $3, outcome = $4
       FROM organizations o WHERE o.id = i.organization_id AND i.campaign_id = $1 AND i.organization_id = $2 AND i.decided_at IS NULL
       RETURNING i.id, i.role, o.name`,
      [campaignId, organizationId, actor.id, outcome],
    )) as [{ id: string; role: CampaignRole; name: string }[], number];
    const row = closed[0];
    if (!row) return false;
    if (outcome === 'withdrawn') {
      await recordAudit(manager, {
        action: 'campaign.invitation_withdrawn',
        subjectType: 'organization',
        subjectId: organizationId,
        campaignId,
        actorId: actor.id,
        before: { role: row.role, name: row.name, invitationId: row.id },
      });
    }
    return true;
  }

  /** The pending invitations of a campaign, for its coordinators: each organization's name and the role offered. */
  async pendingForCampaign(campaignId: string): Promise<PendingCampaignOrganizationDto[]> {
    const rows: { organization_id: string; name: string; role: CampaignRole; created_at: Date }[] = await this.dataSource.query(
      `SELECT i.organization_id, o.name, i.role, i.created_at FROM campaign_organization_invitations i
       JOIN organizations o ON o.id = i.organization_id
       WHERE i.campaign_id = $1 AND i.decided_at IS NULL ORDER BY o.name`,
      [campaignId],
    );
    return rows.map((r) => ({
      organizationId: r.organization_id,
      name: r.name,
      role: r.role,
      status: 'invited',
      invitedAt: r.created_at.toISOString(),
    }));
  }

  /** The pending invitations of the caller's organization, newest first. */
  async listMine(user: AuthUser, query: ListCampaignInvitationsQueryDto): Promise<CampaignInvitationPageDto> {
    this.policy.assertMayListCampaignInvitations(user);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [user.organizationId];
    let after = '';
    if (query.cursor) {
      params.push(...decodeCursor(query.cursor, ['timestamp', 'uuid'] as const));
      after = 'AND (i.created_at, i.id) < ($2::timestamptz, $3::uuid)';
    }
    const rows: InvitationRow[] = await this.dataSource.query(
      `${SELECT} WHERE i.organization_id = $1 AND i.decided_at IS NULL ${after}
       ORDER BY i.created_at DESC, i.id DESC LIMIT ${limit + 1}`,
      params,
    );
    return toPage(rows, limit, toDto, (r) => [r.created_at.toISOString(), r.id]);
  }

  async get(user: AuthUser, id: string): Promise<CampaignInvitationDto> {
    const row = await this.find(this.dataSource.manager, id);
    this.policy.assertMayAnswerCampaignInvitation(user, row.organization_id);
    return toDto(row);
  }

  /**
   * The invited organization's answer. Accepting adds it to the campaign in the role offered, in
   * the same transaction; either way the inviter hears of it. An invitation already decided (by a
   * parallel answer, a withdrawal…) is a 409 naming its outcome.
   */
  async answer(user: AuthUser, id: string, outcome: 'accepted' | 'declined'): Promise<CampaignInvitationDto> {
    const first = await this.find(this.dataSource.manager, id);
    this.policy.assertMayAnswerCampaignInvitation(user, first.organization_id);
    let recorded = nothingRecorded();
    const decided = await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT 1 FROM campaigns WHERE id = $1 FOR UPDATE`, [first.campaign_id]);
      await manager.query(`SELECT 1 FROM campaign_organization_invitations WHERE id = $1 FOR UPDATE`, [id]);
      const row = await this.find(manager, id);
      if (row.outcome) {
        throw new ConflictError('invitation_decided', `This invitation was ${row.outcome} already.`, undefined, {
          outcome: row.outcome,
        });
      }
      if (outcome === 'accepted') {
        await manager.query(
          `INSERT INTO campaign_organizations (campaign_id, organization_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (campaign_id, organization_id) DO NOTHING`,
          [row.campaign_id, row.organization_id, row.role],
        );
      }
      await manager.query(
        `UPDATE campaign_organization_invitations SET decided_at = now(), decided_by_id = $2, outcome = $3 WHERE id = $1`,
        [id, user.id, outcome],
      );
      await recordAudit(manager, {
        action: outcome === 'accepted' ? 'campaign.organization_added' : 'campaign.invitation_declined',
        subjectType: 'organization',
        subjectId: row.organization_id,
        campaignId: row.campaign_id,
        actorId: user.id,
        after: { role: row.role, name: row.organization_name, invitationId: id },
      });
      recorded = await this.notifyInviter(manager, user, row, outcome === 'accepted');
      return this.find(manager, id);
    });
    await this.dispatcher.dispatch(recorded);
    return toDto(decided);
  }

  /** Tells the person who invited (if their account is still there) how the invitation was answered. */
  private async notifyInviter(manager: EntityManager, actor: AuthUser, row: InvitationRow, accepted: boolean): Promise<Recorded> {
    if (!row.invited_by_id) return nothingRecorded();
    return this.events.record(manager, {
      kind: 'campaign_invitation',
      key: `campaign_invitation_answered:${row.id}`,
      campaignId: row.campaign_id,
      campaignTitle: row.campaign_title,
      recipientIds: [row.invited_by_id],
      actorId: actor.id,
      // The campaign's webhooks hear of it; the invited organization's already heard of the invitation.
      organizationIds: [],
      link: `/campaigns/${row.campaign_id}`,
      render: (locale, _timeZone, link) => {
        const mail = campaignInvitationAnswerMail(locale, {
          organizationName: row.organization_name,
          campaignTitle: row.campaign_title,
          accepted,
          link,
        });
        return { title: mail.subject, body: '', mail };
      },
      data: { invitationId: row.id, organizationId: row.organization_id, organizationName: row.organization_name, accepted },
    });
  }

  private async find(manager: EntityManager, id: string): Promise<InvitationRow> {
    const [row] = (await manager.query(`${SELECT} WHERE i.id = $1`, [id])) as InvitationRow[];
    if (!row) throw new NotFoundError('invitation');
    return row;
  }
}
