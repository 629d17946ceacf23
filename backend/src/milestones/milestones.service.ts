import { Injectable } from '@nestjs/common';
import { SqlFilters } from '../core/database/sql-filters.js';
import { followMilestone } from '../demands/demand-deadlines.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE } from '@demarche/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { AccessPolicy } from '../core/auth/access-policy.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { NotFoundError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import type { CreateMilestoneDto, ListMilestonesQueryDto, MilestoneDto, MilestonePageDto, UpdateMilestoneDto } from './milestone.dto.js';
import { Milestone } from './milestone.entity.js';
import { inTransaction } from '../core/database/transaction.js';

interface MilestoneRow {
  id: string;
  campaign_id: string;
  reference: string | null;
  title: string;
  kind: Milestone['kind'];
  occurs_on: string;
  time_zone: string;
  source: string | null;
  demand_count: number;
}

const SELECT = `SELECT m.id, m.campaign_id, m.reference, m.title, m.kind, m.occurs_on, m.time_zone, m.source,
  (SELECT count(*)::int FROM demands d WHERE d.deadline_milestone_id = m.id) AS demand_count FROM milestones m`;

const toDto = (r: MilestoneRow): MilestoneDto => ({
  id: r.id,
  campaignId: r.campaign_id,
  reference: r.reference,
  title: r.title,
  kind: r.kind,
  occursOn: r.occurs_on,
  timeZone: r.time_zone,
  source: r.source,
  demandCount: r.demand_count,
});

/** The campaign calendar. Moving a milestone moves, in the same transaction, every deadline that follows it. */
@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
  ) {}

  async list(user: AuthUser, campaignId: string, query: ListMilestonesQueryDto): Promise<MilestonePageDto> {
    await this.policy.campaignAccessFor(user, campaignId, 'campaign');
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const f = new SqlFilters().add('m.campaign_id = ?', campaignId);
    if (query.kind) f.add('m.kind = ?', query.kind);
    if (query.cursor) f.add('(m.occurs_on, m.id) > (?::date, ?::uuid)', ...decodeCursor(query.cursor, ['date', 'uuid']));
    const rows: MilestoneRow[] = await this.dataSource.query(
      `${SELECT} WHERE ${f.where} ORDER BY m.occurs_on, m.id LIMIT ${f.param(limit + 1)}`,
      f.params,
    );
    return toPage(rows, limit, toDto, (r) => [r.occurs_on, r.id]);
  }

  async get(user: AuthUser, id: string): Promise<MilestoneDto> {
    const row = await this.find(this.dataSource.manager, id);
    await this.policy.campaignAccessFor(user, row.campaign_id, 'milestone');
    return toDto(row);
  }

  async create(user: AuthUser, campaignId: string, dto: CreateMilestoneDto): Promise<MilestoneDto> {
    await this.policy.requireCoordinator(user, campaignId, 'campaign', 'Only coordinators of a lead organization can change the calendar.');
    const id = await inTransaction(this.dataSource, async (manager) => {
      const saved = await manager.save(
        Milestone,
        manager.create(Milestone, {
          campaignId,
          title: dto.title.trim(),
          kind: dto.kind ?? 'deadline',
          occursOn: dto.occursOn,
          timeZone: dto.timeZone,
          reference: dto.reference ?? null,
          source: dto.source ?? null,
        }),
      );
      await recordAudit(manager, {
        action: 'milestone.created',
        subjectType: 'milestone',
        subjectId: saved.id,
        campaignId,
        actorId: user.id,
        after: { title: saved.title, occursOn: saved.occursOn, timeZone: saved.timeZone },
      });
      return saved.id;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, dto: UpdateMilestoneDto): Promise<MilestoneDto> {
    const before = await this.find(this.dataSource.manager, id);
    await this.policy.requireCoordinator(
      user,
      before.campaign_id,
      'milestone',
      'Only coordinators of a lead organization can change the calendar.',
    );
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT 1 FROM milestones WHERE id = $1 FOR UPDATE`, [id]);
      const changes: Partial<Milestone> = {};
      if (dto.title !== undefined) changes.title = dto.title.trim();
      if (dto.kind !== undefined) changes.kind = dto.kind;
      if (dto.occursOn !== undefined) changes.occursOn = dto.occursOn;
      if (dto.timeZone !== undefined) changes.timeZone = dto.timeZone;
      if (dto.reference !== undefined) changes.reference = dto.reference;
      if (dto.source !== undefined) changes.source = dto.source;
      if (Object.keys(changes).length === 0) return;
      await manager.update(Milestone, { id }, changes);
      const occursOn = changes.occursOn ?? before.occurs_on;
      const timeZone = changes.timeZone ?? before.time_zone;
      const moved =
        occursOn !== before.occurs_on || timeZone !== before.time_zone ? await followMilestone(manager, id, occursOn, timeZone) : 0;
      await recordAudit(manager, {
        action: moved > 0 || occursOn !== before.occurs_on ? 'milestone.moved' : 'milestone.updated',
        subjectType: 'milestone',
        subjectId: id,
        campaignId: before.campaign_id,
        actorId: user.id,
        before: Object.fromEntries(
          Object.keys(changes).map((k) => [k, before[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) as keyof MilestoneRow]]),
        ),
        after: { ...changes, ...(moved > 0 ? { deadlinesMoved: moved } : {}) },
      });
    });
    return this.get(user, id);
  }

  /** Deadlines that followed a deleted milestone keep their date, now fixed. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const before = await this.find(this.dataSource.manager, id);
    await this.policy.requireCoordinator(
      user,
      before.campaign_id,
      'milestone',
      'Only coordinators of a lead organization can change the calendar.',
    );
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`DELETE FROM milestones WHERE id = $1`, [id]);
      await recordAudit(manager, {
        action: 'milestone.deleted',
        subjectType: 'milestone',
        subjectId: id,
        campaignId: before.campaign_id,
        actorId: user.id,
        before: { title: before.title, occursOn: before.occurs_on },
      });
    });
  }

  private async find(manager: EntityManager, id: string): Promise<MilestoneRow> {
    const rows: MilestoneRow[] = await manager.query(`${SELECT} WHERE m.id = $1`, [id]);
    if (!rows[0]) throw new NotFoundError('milestone');
    return rows[0];
  }
}
