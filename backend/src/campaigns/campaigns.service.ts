import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CAMPAIGN_TRANSITIONS,
  DEFAULT_PAGE_SIZE,
  DEFAULT_REMINDER_POLICY,
  DEMAND_STATUSES,
  type CampaignRole,
  type DemandStatus,
} from '@demarche/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { OPEN_FOLLOW_UPS } from '../follow-ups/follow-up.entity.js';
import { recordAudit } from '../audit/audit.js';
import { AccessPolicy } from '../core/auth/access-policy.js';
import { containing, SqlFilters } from '../core/database/sql-filters.js';
import { replanCampaignReminders } from '../reminders/reminder-planner.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { ConflictError, NotFoundError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import { Dispatcher } from '../notifications/dispatcher.js';
import { nothingRecorded } from '../notifications/notify.js';
import { Organization } from '../organizations/organization.entity.js';
import { CampaignInvitationsService } from './campaign-invitations.service.js';
import type {
  CampaignCountsDto,
  CampaignDto,
  CampaignPageDto,
  CampaignSummaryDto,
  CreateCampaignDto,
  ListCampaignsQueryDto,
  UpdateCampaignDto,
} from './campaign.dto.js';
import { CampaignOrganization } from './campaign-organization.entity.js';
import { Campaign } from './campaign.entity.js';
import { inTransaction } from '../core/database/transaction.js';

interface CampaignRow {
  id: string;
  title: string;
  status: Campaign['status'];
  letter_date: string | null;
  is_example: boolean;
  created_at: Date;
  my_role: CampaignRole | null;
}

const zeroStatusCounts = (): Record<DemandStatus, number> =>
  Object.fromEntries(DEMAND_STATUSES.map((s) => [s, 0])) as Record<DemandStatus, number>;

/** Campaigns: who takes part, in which role, and their headline counts. */
@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
    private readonly invitations: CampaignInvitationsService,
    private readonly dispatcher: Dispatcher,
  ) {}

  /** The campaigns the caller takes part in (all, for admins), newest first, with counts: three queries per page. */
  async list(user: AuthUser, query: ListCampaignsQueryDto): Promise<CampaignPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    // $1 is the caller's organization, for the join that tells their role in each campaign.
    const f = new SqlFilters(user.organizationId).add('(? OR co.organization_id IS NOT NULL)', user.role === 'admin');
    if (query.status) f.add('c.status = ?', query.status);
    if (query.q) f.add('c.title ILIKE ?', containing(query.q));
    if (query.cursor) f.add('(c.created_at, c.id) < (?::timestamptz, ?::uuid)', ...decodeCursor(query.cursor, ['timestamp', 'uuid']));
    const rows: CampaignRow[] = await this.dataSource.query(
      `SELECT c.id, c.title, c.status, c.letter_date, c.is_example, c.created_at, co.role AS my_role
       FROM campaigns c
       LEFT JOIN campaign_organizations co ON co.campaign_id = c.id AND co.organization_id = $1
       WHERE ${f.where}
       ORDER BY c.created_at DESC, c.id DESC LIMIT ${f.param(limit + 1)}`,
      f.params,
    );
    const page = rows.slice(0, limit);
    const counts = await this.counts(page.map((r) => r.id));
    return toPage(
      rows,
      limit,
      (r): CampaignSummaryDto => ({
        id: r.id,
        title: r.title,
        status: r.status,
        letterDate: r.letter_date,
        isExample: r.is_example,
        myRole: r.my_role,
        createdAt: r.created_at.toISOString(),
        counts: counts.get(r.id)!,
      }),
      (r) => [r.created_at.toISOString(), r.id],
    );
  }

  /** Headline counts of several campaigns, in a fixed number of grouped queries. */
  private async counts(ids: string[]): Promise<Map<string, CampaignCountsDto>> {
    const result = new Map<string, CampaignCountsDto>(
      ids.map((id) => [id, { demands: 0, demandsByStatus: zeroStatusCounts(), responses: 0, openFollowUps: 0, overdueFollowUps: 0 }]),
    );
    if (ids.length === 0) return result;
    const [demands, responses, followUps] = await Promise.all([
      this.dataSource.query(`SELECT campaign_id, status, count(*)::int AS n FROM demands WHERE campaign_id = ANY($1) GROUP BY 1, 2`, [ids]),
      this.dataSource.query(`SELECT campaign_id, count(*)::int AS n FROM responses WHERE campaign_id = ANY($1) GROUP BY 1`, [ids]),
      this.dataSource.query(
        `SELECT campaign_id, count(*)::int AS open, count(*) FILTER (WHERE due_at < now())::int AS overdue
         FROM follow_ups WHERE campaign_id = ANY($1) AND status IN ${OPEN_FOLLOW_UPS} GROUP BY 1`,
        [ids],
      ),
    ]);
    for (const d of demands as { campaign_id: string; status: DemandStatus; n: number }[]) {
      const c = result.get(d.campaign_id)!;
      c.demandsByStatus[d.status] = d.n;
      c.demands += d.n;
    }
    for (const r of responses as { campaign_id: string; n: number }[]) result.get(r.campaign_id)!.responses = r.n;
    for (const f of followUps as { campaign_id: string; open: number; overdue: number }[]) {
      Object.assign(result.get(f.campaign_id)!, { openFollowUps: f.open, overdueFollowUps: f.overdue });
    }
    return result;
  }

  async get(user: AuthUser, id: string): Promise<CampaignDto> {
    const access = await this.policy.campaignAccess(user, id);
    const campaign = await this.dataSource.getRepository(Campaign).findOneByOrFail({ id });
    const organizations: { id: string; name: string; role: CampaignRole; is_example: boolean }[] = await this.dataSource.query(
      `SELECT o.id, o.name, co.role, o.is_example FROM campaign_organizations co JOIN organizations o ON o.id = co.organization_id
       WHERE co.campaign_id = $1 ORDER BY co.role, o.name`,
      [id],
    );
    return {
      id: campaign.id,
      title: campaign.title,
      summary: campaign.summary,
      letterText: campaign.letterText,
      letterDate: campaign.letterDate,
      letterLanguage: campaign.letterLanguage,
      status: campaign.status,
      nextStatuses: [...CAMPAIGN_TRANSITIONS[campaign.status]],
      isExample: campaign.isExample,
      createdAt: campaign.createdAt.toISOString(),
      updatedAt: campaign.updatedAt.toISOString(),
      organizations: organizations.map((o) => ({ id: o.id, name: o.name, role: o.role, isExample: o.is_example })),
      // Organizations invited and yet to answer: their names, for those who run the campaign.
      invitations: access.canCoordinate ? await this.invitations.pendingForCampaign(id) : [],
      access,
      reminderPolicy: { ...DEFAULT_REMINDER_POLICY, ...(campaign.reminderPolicy ?? {}) },
      customReminderPolicy: campaign.reminderPolicy !== null,
    };
  }

  /** A coordinator's (or admin's) organization becomes the new campaign's lead. */
  async create(user: AuthUser, dto: CreateCampaignDto): Promise<CampaignDto> {
    const id = await inTransaction(this.dataSource, async (manager) => {
      const campaign = await manager.save(
        Campaign,
        manager.create(Campaign, {
          title: dto.title.trim(),
          summary: dto.summary ?? '',
          letterText: dto.letterText ?? '',
          letterDate: dto.letterDate ?? null,
          letterLanguage: dto.letterLanguage ?? null,
          status: dto.status ?? 'draft',
        }),
      );
      await manager.insert(CampaignOrganization, { campaignId: campaign.id, organizationId: user.organizationId, role: 'lead' });
      await recordAudit(manager, {
        action: 'campaign.created',
        subjectType: 'campaign',
        subjectId: campaign.id,
        campaignId: campaign.id,
        actorId: user.id,
        after: { title: campaign.title, status: campaign.status },
      });
      return campaign.id;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, dto: UpdateCampaignDto): Promise<CampaignDto> {
    await this.requireCoordinator(user, id);
    await inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneByOrFail(Campaign, { id });
      const changes: Partial<Campaign> = {};
      if (dto.title !== undefined) changes.title = dto.title.trim();
      if (dto.summary !== undefined) changes.summary = dto.summary;
      if (dto.letterText !== undefined) changes.letterText = dto.letterText;
      if (dto.letterDate !== undefined) changes.letterDate = dto.letterDate;
      if (dto.letterLanguage !== undefined) changes.letterLanguage = dto.letterLanguage;
      if (dto.reminderPolicy !== undefined) changes.reminderPolicy = dto.reminderPolicy ? { ...dto.reminderPolicy } : null;
      if (Object.keys(changes).length === 0) return;
      await manager.update(Campaign, { id }, changes as Parameters<typeof manager.update<Campaign>>[2]);
      // A new policy applies at once to every pending reminder of the campaign.
      if ('reminderPolicy' in changes) await replanCampaignReminders(manager, id);
      const fields = Object.keys(changes) as (keyof Campaign)[];
      await recordAudit(manager, {
        action: 'campaign.updated',
        subjectType: 'campaign',
        subjectId: id,
        campaignId: id,
        actorId: user.id,
        before: Object.fromEntries(fields.map((f) => [f, f === 'letterText' ? `(${before.letterText.length} characters)` : before[f]])),
        after: Object.fromEntries(fields.map((f) => [f, f === 'letterText' ? `(${changes.letterText!.length} characters)` : changes[f]])),
      });
    });
    return this.get(user, id);
  }

  async changeStatus(user: AuthUser, id: string, to: Campaign['status']): Promise<CampaignDto> {
    await this.requireCoordinator(user, id);
    await inTransaction(this.dataSource, async (manager) => {
      const [row] = (await manager.query(`SELECT status FROM campaigns WHERE id = $1 FOR UPDATE`, [id])) as {
        status: Campaign['status'];
      }[];
      const allowed = CAMPAIGN_TRANSITIONS[row!.status];
      if (!allowed.includes(to)) {
        throw new ConflictError(
          'illegal_transition',
          `A ${row!.status} campaign cannot become ${to}.`,
          [{ field: 'status', message: allowed.length ? `must be one of: ${allowed.join(', ')}` : 'cannot change' }],
          { allowed },
        );
      }
      await manager.update(Campaign, { id }, { status: to });
      // Only an active campaign reminds anyone.
      await replanCampaignReminders(manager, id);
      await recordAudit(manager, {
        action: 'campaign.status_changed',
        subjectType: 'campaign',
        subjectId: id,
        campaignId: id,
        actorId: user.id,
        before: { status: row!.status },
        after: { status: to },
      });
    });
    return this.get(user, id);
  }

  /**
   * Discards a campaign that was never sent (`draft`), with everything set up in it: demands,
   * milestones, follow-ups, organizations, invitations (they cascade). A campaign that was sent
   * is part of the coalition's record: it is archived, not discarded (409 not_draft). The audit
   * event outlives it (no campaign id, which would cascade it away too).
   */
  async discard(user: AuthUser, id: string): Promise<void> {
    await this.requireCoordinator(user, id);
    await inTransaction(this.dataSource, async (manager) => {
      const [row] = (await manager.query(`SELECT status, title FROM campaigns WHERE id = $1 FOR UPDATE`, [id])) as {
        status: Campaign['status'];
        title: string;
      }[];
      if (!row) throw new NotFoundError('campaign');
      if (row.status !== 'draft')
        throw new ConflictError('not_draft', `The campaign is ${row.status}: only a draft can be discarded; archive it instead.`, [], {
          current: row.status,
        });
      const [counts] = (await manager.query(
        `SELECT (SELECT count(*)::int FROM demands WHERE campaign_id = $1) AS demands,
                (SELECT count(*)::int FROM milestones WHERE campaign_id = $1) AS milestones`,
        [id],
      )) as { demands: number; milestones: number }[];
      await manager.query(`DELETE FROM campaigns WHERE id = $1`, [id]);
      await recordAudit(manager, {
        action: 'campaign.discarded',
        subjectType: 'campaign',
        subjectId: id,
        campaignId: null,
        actorId: user.id,
        before: { title: row.title, status: row.status, ...counts },
      });
    });
  }

  /**
   * Changes the role of an organization in the campaign, or brings in a new one: an admin adds it
   * directly; a coordinator invites it (`invited: true`), and it joins only when its own
   * coordinators accept (CampaignInvitationsService). A campaign always keeps a lead.
   */
  async setOrganization(
    user: AuthUser,
    id: string,
    organizationId: string,
    role: CampaignRole,
  ): Promise<{ campaign: CampaignDto; invited: boolean }> {
    await this.requireCoordinator(user, id);
    let recorded = nothingRecorded();
    let invited = false;
    await inTransaction(this.dataSource, async (manager) => {
      const organization = await manager.findOneBy(Organization, { id: organizationId });
      if (!organization || organization.disabledAt) throw new NotFoundError('organization');
      const campaign = await this.lockCampaign(manager, id);
      const [current] = (await manager.query(`SELECT role FROM campaign_organizations WHERE campaign_id = $1 AND organization_id = $2`, [
        id,
        organizationId,
      ])) as {
        role: CampaignRole;
      }[];
      if (!current && user.role !== 'admin') {
        invited = true;
        recorded = await this.invitations.invite(manager, user, campaign, organization, role);
        return;
      }
      if (current?.role === role) return;
      if (current?.role === 'lead') await this.assertAnotherLead(manager, id, organizationId);
      await manager.query(
        `INSERT INTO campaign_organizations (campaign_id, organization_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (campaign_id, organization_id) DO UPDATE SET role = EXCLUDED.role`,
        [id, organizationId, role],
      );
      if (!current) await this.invitations.close(manager, user, id, organizationId, 'superseded');
      await recordAudit(manager, {
        action: current ? 'campaign.organization_role_changed' : 'campaign.organization_added',
        subjectType: 'organization',
        subjectId: organizationId,
        campaignId: id,
        actorId: user.id,
        before: current ? { role: current.role } : null,
        after: { role, name: organization.name },
      });
    });
    await this.dispatcher.dispatch(recorded);
    return { campaign: await this.get(user, id), invited };
  }

  /** Removes an organization from the campaign (never its last lead), or withdraws its pending invitation. */
  async removeOrganization(user: AuthUser, id: string, organizationId: string): Promise<CampaignDto | null> {
    await this.requireCoordinator(user, id);
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockCampaign(manager, id);
      const [current] = (await manager.query(`SELECT role FROM campaign_organizations WHERE campaign_id = $1 AND organization_id = $2`, [
        id,
        organizationId,
      ])) as {
        role: CampaignRole;
      }[];
      if (!current) {
        if (await this.invitations.close(manager, user, id, organizationId, 'withdrawn')) return;
        throw new NotFoundError('organization in this campaign');
      }
      if (current.role === 'lead') await this.assertAnotherLead(manager, id, organizationId);
      await manager.query(`DELETE FROM campaign_organizations WHERE campaign_id = $1 AND organization_id = $2`, [id, organizationId]);
      await recordAudit(manager, {
        action: 'campaign.organization_removed',
        subjectType: 'organization',
        subjectId: organizationId,
        campaignId: id,
        actorId: user.id,
        before: { role: current.role },
      });
    });
    // A coordinator who took their own organization out can no longer see the campaign: the
    // removal stands, and there is nothing of the campaign to show them (null: 204).
    try {
      await this.policy.campaignAccess(user, id);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
    return this.get(user, id);
  }

  private async requireCoordinator(user: AuthUser, id: string): Promise<void> {
    await this.policy.requireCoordinator(user, id, 'campaign', 'Only coordinators of a lead organization can change this campaign.');
  }

  /**
   * Serializes membership changes and invitations of one campaign, so two removals cannot leave
   * it without a lead and an invitation is decided once (the campaign row first, then any
   * invitation row: CampaignInvitationsService takes them in the same order).
   */
  private async lockCampaign(manager: EntityManager, id: string): Promise<{ id: string; title: string }> {
    const [row] = (await manager.query(`SELECT id, title FROM campaigns WHERE id = $1 FOR UPDATE`, [id])) as {
      id: string;
      title: string;
    }[];
    if (!row) throw new NotFoundError('campaign');
    return row;
  }

  private async assertAnotherLead(manager: EntityManager, id: string, organizationId: string): Promise<void> {
    const [{ n }] = (await manager.query(
      `SELECT count(*)::int AS n FROM campaign_organizations WHERE campaign_id = $1 AND role = 'lead' AND organization_id <> $2`,
      [id, organizationId],
    )) as { n: number }[];
    if (n === 0) throw new ConflictError('last_lead', 'A campaign needs at least one lead organization.');
  }
}
