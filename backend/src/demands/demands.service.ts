import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_PAGE_SIZE,
  deadlineForDay,
  type DemandStatus,
  MAX_PAGE_SIZE,
  termEndsSoon,
  utcToday,
  type SystemNoteKey,
} from '@demarche/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { AccessPolicy } from '../core/auth/access-policy.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { containing, SqlFilters } from '../core/database/sql-filters.js';
import { CONFIG } from '../core/config/config.module.js';
import type { Config } from '../core/config/config.js';
import { Dispatcher } from '../notifications/dispatcher.js';
import { moveDeadlines } from './demand-deadlines.js';
import { DemandTransitions, nextStatusesFor } from './demand-transition.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import type {
  CreateDemandDto,
  DeadlineDto,
  DeadlineInputDto,
  DemandDetailDto,
  DemandDto,
  DemandPageDto,
  HolderDto,
  ListDemandsQueryDto,
  ReorderDemandsDto,
  TransitionDto,
  UpdateDemandDto,
} from './demand.dto.js';
import { DemandStatusChange } from './demand-status-change.entity.js';
import { Demand } from './demand.entity.js';
import { inTransaction } from '../core/database/transaction.js';

const DEMAND_SELECT = `
  SELECT d.id, d.campaign_id, d.reference, d.position, d.text, d.category, d.priority, d.status, d.sent_at,
         d.deadline_at, d.deadline_time_zone, d.deadline_milestone_id, d.deadline_term_id, d.notes, d.created_at, d.updated_at,
         o.id AS office_id, o.title AS office_title, o.is_collective, i.id AS institution_id, i.name AS institution_name,
         i.seat_time_zone, m.title AS milestone_title
  FROM demands d
  JOIN offices o ON o.id = d.office_id
  JOIN institutions i ON i.id = o.institution_id
  LEFT JOIN milestones m ON m.id = d.deadline_milestone_id`;

interface DemandRow {
  id: string;
  campaign_id: string;
  reference: string | null;
  position: number;
  text: string;
  category: Demand['category'];
  priority: Demand['priority'];
  status: DemandStatus;
  sent_at: Date | null;
  deadline_at: Date | null;
  deadline_time_zone: string | null;
  deadline_milestone_id: string | null;
  deadline_term_id: string | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
  office_id: string;
  office_title: string;
  is_collective: boolean;
  institution_id: string;
  institution_name: string;
  seat_time_zone: string;
  milestone_title: string | null;
}

export { nextStatusesFor };

/** A demand's deadline as the API shows it, from the deadline columns of its row. */
export function toDeadlineDto(r: {
  deadline_at: Date | null;
  deadline_time_zone: string | null;
  deadline_milestone_id: string | null;
  deadline_term_id: string | null;
  milestone_title: string | null;
}): DeadlineDto | null {
  if (!r.deadline_at) return null;
  return {
    at: r.deadline_at.toISOString(),
    timeZone: r.deadline_time_zone!,
    follows: r.deadline_milestone_id ? 'milestone' : r.deadline_term_id ? 'term' : 'fixed',
    milestoneId: r.deadline_milestone_id,
    milestoneTitle: r.milestone_title,
    termId: r.deadline_term_id,
  };
}

function toDto(r: DemandRow, holders: Map<string, HolderDto>): DemandDto {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    reference: r.reference,
    position: r.position,
    text: r.text,
    category: r.category,
    priority: r.priority,
    status: r.status,
    nextStatuses: nextStatusesFor(r.status),
    sentAt: r.sent_at?.toISOString() ?? null,
    deadline: toDeadlineDto(r),
    office: {
      id: r.office_id,
      title: r.office_title,
      isCollective: r.is_collective,
      institutionId: r.institution_id,
      institutionName: r.institution_name,
      seatTimeZone: r.seat_time_zone,
      currentHolder: holders.get(r.office_id) ?? null,
    },
    notes: r.notes,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/**
 * Who holds each office today (`utcToday`, the directory's clock), in one query: the term
 * covering that day, the latest if several — as `holderOn` (shared/src/term-days.ts) says.
 */
export async function currentHolders(
  db: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  officeIds: string[],
  today: string = utcToday(),
): Promise<Map<string, HolderDto>> {
  if (officeIds.length === 0) return new Map();
  const rows = (await db.query(
    `SELECT DISTINCT ON (office_id) office_id, holder_name, starts_on, ends_on
     FROM officeholder_terms
     WHERE office_id = ANY($1) AND (starts_on IS NULL OR starts_on <= $2::date) AND (ends_on IS NULL OR ends_on >= $2::date)
     ORDER BY office_id, starts_on DESC NULLS LAST`,
    [[...new Set(officeIds)], today],
  )) as { office_id: string; holder_name: string; starts_on: string | null; ends_on: string | null }[];
  return new Map(
    rows.map((r) => [
      r.office_id,
      {
        name: r.holder_name,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        endsSoon: termEndsSoon({ startsOn: r.starts_on, endsOn: r.ends_on }, today),
      },
    ]),
  );
}

interface ResolvedDeadline {
  deadlineAt: Date | null;
  deadlineTimeZone: string | null;
  deadlineMilestoneId: string | null;
  deadlineTermId: string | null;
}

/** Demands: what a campaign asks of each office, their deadlines, and their status history. */
@Injectable()
export class DemandsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
    private readonly dispatcher: Dispatcher,
    @Inject(CONFIG) private readonly config: Config,
    private readonly transitions: DemandTransitions,
  ) {}

  async list(user: AuthUser, campaignId: string, query: ListDemandsQueryDto): Promise<DemandPageDto> {
    await this.policy.campaignAccessFor(user, campaignId, 'campaign');
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const f = new SqlFilters().add('d.campaign_id = ?', campaignId);
    if (query.status) f.add('d.status = ?', query.status);
    if (query.officeId) f.add('d.office_id = ?', query.officeId);
    if (query.q) f.add('d.text ILIKE ?', containing(query.q));
    if (query.cursor) {
      f.add('(d.position, d.id) > (?::int, ?::uuid)', ...decodeCursor(query.cursor, ['int', 'uuid']));
    }
    const rows: DemandRow[] = await this.dataSource.query(
      `${DEMAND_SELECT} WHERE ${f.where} ORDER BY d.position, d.id LIMIT ${f.param(limit + 1)}`,
      f.params,
    );
    const holders = await this.currentHolders(rows.map((r) => r.office_id));
    return toPage(
      rows,
      limit,
      (r) => toDto(r, holders),
      (r) => [String(r.position), r.id],
    );
  }

  async get(user: AuthUser, id: string): Promise<DemandDetailDto> {
    const row = await this.findRow(id);
    await this.policy.campaignAccessFor(user, row.campaign_id, 'demand');
    const [holders, history] = await Promise.all([
      this.currentHolders([row.office_id]),
      this.dataSource.query(
        `SELECT c.from_status, c.to_status, c.note, c.note_key, c.note_params, c.actor_id, u.display_name AS actor_name, c.changed_at
         FROM demand_status_changes c LEFT JOIN users u ON u.id = c.actor_id
         WHERE c.demand_id = $1
         -- Its creation first, whatever the dates: a letter entered after the fact has moves dated
         -- before the day its demands were typed in (CampaignSending dates them at the letter).
         ORDER BY (c.from_status IS NULL) DESC, c.changed_at, c.created_at`,
        [id],
      ) as Promise<
        {
          from_status: DemandStatus | null;
          to_status: DemandStatus;
          note: string | null;
          note_key: SystemNoteKey | null;
          note_params: Record<string, string> | null;
          actor_id: string | null;
          actor_name: string | null;
          changed_at: Date;
        }[]
      >,
    ]);
    return {
      ...toDto(row, holders),
      history: history.map((h) => ({
        fromStatus: h.from_status,
        toStatus: h.to_status,
        note: h.note,
        systemNote: h.note_key ? { key: h.note_key, params: h.note_params ?? {} } : null,
        actorId: h.actor_id,
        actorName: h.actor_name,
        changedAt: h.changed_at.toISOString(),
      })),
    };
  }

  async create(user: AuthUser, campaignId: string, dto: CreateDemandDto): Promise<DemandDetailDto> {
    await this.requireCoordinator(user, campaignId, 'campaign');
    const id = await inTransaction(this.dataSource, async (manager) => {
      const office = await this.office(manager, dto.officeId);
      const deadline = await this.resolveDeadline(manager, campaignId, dto.officeId, office.seat_time_zone, dto.deadline ?? null);
      await manager.query(`SELECT 1 FROM campaigns WHERE id = $1 FOR UPDATE`, [campaignId]);
      const [{ next }] = (await manager.query(`SELECT coalesce(max(position) + 1, 0)::int AS next FROM demands WHERE campaign_id = $1`, [
        campaignId,
      ])) as { next: number }[];
      await this.assertReferenceFree(manager, campaignId, dto.reference ?? null, null);
      const demand = await manager.save(
        Demand,
        manager.create(Demand, {
          campaignId,
          officeId: dto.officeId,
          reference: dto.reference ?? null,
          position: next!,
          text: dto.text.trim(),
          category: dto.category,
          priority: dto.priority ?? 'normal',
          status: 'draft',
          notes: dto.notes ?? null,
          ...deadline,
        }),
      );
      await manager.insert(DemandStatusChange, {
        demandId: demand.id,
        fromStatus: null,
        toStatus: 'draft',
        actorId: user.id,
        changedAt: new Date(),
        note: null,
      });
      await recordAudit(manager, {
        action: 'demand.created',
        subjectType: 'demand',
        subjectId: demand.id,
        campaignId,
        actorId: user.id,
        after: {
          officeId: dto.officeId,
          category: dto.category,
          text: demand.text,
          deadlineAt: deadline.deadlineAt?.toISOString() ?? null,
        },
      });
      return demand.id;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, dto: UpdateDemandDto): Promise<DemandDetailDto> {
    const row = await this.findRow(id);
    await this.requireCoordinator(user, row.campaign_id);
    await inTransaction(this.dataSource, async (manager) => {
      // "before" as it is under the lock, not as it was read before the transaction.
      await manager.query(`SELECT 1 FROM demands WHERE id = $1 FOR UPDATE`, [id]);
      const locked = await this.findRow(id, manager);
      const changes: Partial<Demand> = {};
      if (dto.text !== undefined) changes.text = dto.text.trim();
      if (dto.category !== undefined) changes.category = dto.category;
      if (dto.priority !== undefined) changes.priority = dto.priority;
      if (dto.notes !== undefined) changes.notes = dto.notes;
      if (dto.reference !== undefined) {
        await this.assertReferenceFree(manager, locked.campaign_id, dto.reference, id);
        changes.reference = dto.reference;
      }
      // Readdressed: the deadline is resolved against the new office (its seat, its terms).
      let office = { id: locked.office_id, seatTimeZone: locked.seat_time_zone };
      if (dto.officeId !== undefined && dto.officeId !== locked.office_id) {
        office = { id: dto.officeId, seatTimeZone: (await this.office(manager, dto.officeId)).seat_time_zone };
        changes.officeId = dto.officeId;
        if (locked.deadline_term_id && dto.deadline === undefined)
          throw new ValidationFailedError([
            { field: 'deadline', message: "follows a term of the former office's holder; give the new deadline with the new office" },
          ]);
      }
      const deadline =
        dto.deadline !== undefined
          ? await this.resolveDeadline(manager, locked.campaign_id, office.id, office.seatTimeZone, dto.deadline)
          : null;
      if (Object.keys(changes).length === 0 && !deadline) return;
      if (Object.keys(changes).length > 0) await manager.update(Demand, { id }, changes);
      if (deadline) {
        await moveDeadlines(manager, [
          {
            id,
            deadlineAt: deadline.deadlineAt,
            timeZone: deadline.deadlineTimeZone,
            milestoneId: deadline.deadlineMilestoneId,
            termId: deadline.deadlineTermId,
          },
        ]);
        Object.assign(changes, deadline); // for the audit event's before and after
      }
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(changes)) {
        const snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) as keyof DemandRow;
        before[key] = locked[snake] instanceof Date ? (locked[snake] as Date).toISOString() : (locked[snake] ?? null);
        after[key] = value instanceof Date ? value.toISOString() : value;
      }
      await recordAudit(manager, {
        action: 'demand.updated',
        subjectType: 'demand',
        subjectId: id,
        campaignId: row.campaign_id,
        actorId: user.id,
        before,
        after,
      });
    });
    return this.get(user, id);
  }

  /**
   * Deletes a demand that was never sent (`draft`): a mistake of the set-up. Once sent, a demand
   * is part of the campaign's record: it is withdrawn, not deleted (409 not_draft).
   */
  async remove(user: AuthUser, id: string): Promise<void> {
    const row = await this.findRow(id);
    await this.requireCoordinator(user, row.campaign_id);
    await inTransaction(this.dataSource, async (manager) => {
      // The campaign first, as reorder and create take it: a demand deleted meanwhile is not
      // missing from an order they are writing.
      await manager.query(`SELECT 1 FROM campaigns WHERE id = $1 FOR UPDATE`, [row.campaign_id]);
      const [locked] = (await manager.query(`SELECT status, text, office_id FROM demands WHERE id = $1 FOR UPDATE`, [id])) as {
        status: DemandStatus;
        text: string;
        office_id: string;
      }[];
      if (!locked) throw new NotFoundError('demand');
      if (locked.status !== 'draft')
        throw new ConflictError(
          'not_draft',
          `The demand is ${locked.status}: only a draft demand can be deleted; withdraw it instead.`,
          [],
          {
            current: locked.status,
          },
        );
      // A draft has no reminders, responses or proposals; its history goes with it (cascade).
      await manager.query(`DELETE FROM reminders WHERE subject_type = 'demand' AND subject_id = $1`, [id]);
      await manager.query(`DELETE FROM demands WHERE id = $1`, [id]);
      await recordAudit(manager, {
        action: 'demand.deleted',
        subjectType: 'demand',
        subjectId: id,
        campaignId: row.campaign_id,
        actorId: user.id,
        before: { text: locked.text, officeId: locked.office_id, status: locked.status },
      });
    });
  }

  /**
   * Puts the campaign's demands in a new order (the letter's). The list names every demand of
   * the campaign once: one added or deleted since the caller loaded them makes it stale (409
   * stale_order, reload), so that no order silently leaves a demand out.
   */
  async reorder(user: AuthUser, campaignId: string, dto: ReorderDemandsDto): Promise<DemandPageDto> {
    await this.requireCoordinator(user, campaignId, 'campaign');
    if (new Set(dto.demandIds).size !== dto.demandIds.length)
      throw new ValidationFailedError([{ field: 'demandIds', message: 'names a demand more than once' }]);
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT 1 FROM campaigns WHERE id = $1 FOR UPDATE`, [campaignId]);
      const current: { id: string; position: number }[] = await manager.query(
        `SELECT id, position FROM demands WHERE campaign_id = $1 ORDER BY position, id`,
        [campaignId],
      );
      const known = new Set(current.map((d) => d.id));
      if (current.length !== dto.demandIds.length || dto.demandIds.some((id) => !known.has(id)))
        throw new ConflictError(
          'stale_order',
          'The campaign’s demands changed since they were loaded (one was added or deleted); reload and order them again.',
          [{ field: 'demandIds', message: `must name each of the campaign's ${current.length} demands once` }],
        );
      const before = current.map((d) => d.id);
      if (before.every((id, i) => id === dto.demandIds[i])) return;
      await manager.query(
        `UPDATE demands d SET position = o.position - 1, updated_at = now()
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position)
         WHERE d.id = o.id AND d.campaign_id = $1 AND d.position IS DISTINCT FROM (o.position - 1)::int`,
        [campaignId, dto.demandIds],
      );
      await recordAudit(manager, {
        action: 'campaign.demands_reordered',
        subjectType: 'campaign',
        subjectId: campaignId,
        campaignId,
        actorId: user.id,
        before: { order: before },
        after: { order: dto.demandIds },
      });
    });
    return this.list(user, campaignId, { limit: MAX_PAGE_SIZE });
  }

  /**
   * Moves a demand along the status machine (shared/demand-status.ts), recorded with who, when
   * and why. The row is locked, so of two concurrent moves the second sees the first's result:
   * with `from` it gets 409 stale_status; without, 409 illegal_transition if no longer allowed.
   */
  async transition(user: AuthUser, id: string, dto: TransitionDto): Promise<DemandDetailDto> {
    const row = await this.findRow(id);
    await this.requireCoordinator(user, row.campaign_id);
    const recorded = await inTransaction(this.dataSource, (manager) => this.transitions.move(manager, user.id, id, row.campaign_id, dto));
    await this.dispatcher.dispatch(recorded);
    return this.get(user, id);
  }

  private async findRow(id: string, manager: EntityManager = this.dataSource.manager): Promise<DemandRow> {
    const rows: DemandRow[] = await manager.query(`${DEMAND_SELECT} WHERE d.id = $1`, [id]);
    if (!rows[0]) throw new NotFoundError('demand');
    return rows[0];
  }

  private currentHolders(officeIds: string[]): Promise<Map<string, HolderDto>> {
    return currentHolders(this.dataSource, officeIds);
  }

  private async office(manager: EntityManager, officeId: string): Promise<{ seat_time_zone: string }> {
    const rows: { seat_time_zone: string }[] = await manager.query(
      `SELECT i.seat_time_zone FROM offices o JOIN institutions i ON i.id = o.institution_id WHERE o.id = $1`,
      [officeId],
    );
    if (!rows[0]) throw new ValidationFailedError([{ field: 'officeId', message: 'is not an office' }]);
    return rows[0];
  }

  /**
   * A deadline is one of: a fixed instant (in its zone, default the institution's seat), a
   * milestone of the same campaign (due at the end of its day, moving with it), or the end of a
   * term of the demand's own office.
   */
  private async resolveDeadline(
    manager: EntityManager,
    campaignId: string,
    officeId: string,
    seatTimeZone: string,
    input: DeadlineInputDto | null,
  ): Promise<ResolvedDeadline> {
    if (input === null) return { deadlineAt: null, deadlineTimeZone: null, deadlineMilestoneId: null, deadlineTermId: null };
    const given = [input.at, input.milestoneId, input.termId].filter((v) => v !== undefined);
    if (given.length !== 1)
      throw new ValidationFailedError([{ field: 'deadline', message: 'give exactly one of at, milestoneId, termId' }]);
    if (input.at !== undefined) {
      return {
        deadlineAt: new Date(input.at),
        deadlineTimeZone: input.timeZone ?? seatTimeZone,
        deadlineMilestoneId: null,
        deadlineTermId: null,
      };
    }
    if (input.milestoneId !== undefined) {
      const [m] = (await manager.query(`SELECT occurs_on, time_zone FROM milestones WHERE id = $1 AND campaign_id = $2`, [
        input.milestoneId,
        campaignId,
      ])) as {
        occurs_on: string;
        time_zone: string;
      }[];
      if (!m) throw new ValidationFailedError([{ field: 'deadline.milestoneId', message: 'is not a milestone of this campaign' }]);
      return {
        deadlineAt: deadlineForDay(m.occurs_on, m.time_zone),
        deadlineTimeZone: m.time_zone,
        deadlineMilestoneId: input.milestoneId,
        deadlineTermId: null,
      };
    }
    const [t] = (await manager.query(`SELECT ends_on FROM officeholder_terms WHERE id = $1 AND office_id = $2`, [
      input.termId,
      officeId,
    ])) as { ends_on: string | null }[];
    if (!t) throw new ValidationFailedError([{ field: 'deadline.termId', message: "is not a term of the demand's office" }]);
    if (!t.ends_on) throw new ValidationFailedError([{ field: 'deadline.termId', message: 'has no end date' }]);
    const zone = input.timeZone ?? seatTimeZone;
    return {
      deadlineAt: deadlineForDay(t.ends_on, zone),
      deadlineTimeZone: zone,
      deadlineMilestoneId: null,
      deadlineTermId: input.termId!,
    };
  }

  private async assertReferenceFree(
    manager: EntityManager,
    campaignId: string,
    reference: string | null,
    exceptId: string | null,
  ): Promise<void> {
    if (reference === null) return;
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM demands WHERE campaign_id = $1 AND reference = $2 AND id IS DISTINCT FROM $3`,
      [campaignId, reference, exceptId],
    );
    if (rows.length > 0)
      throw new ConflictError('reference_taken', 'Another demand of this campaign has this reference.', [
        { field: 'reference', message: 'is taken' },
      ]);
  }

  private async requireCoordinator(user: AuthUser, campaignId: string, subject = 'demand'): Promise<void> {
    await this.policy.requireCoordinator(user, campaignId, subject, 'Only coordinators of a lead organization can change demands.');
  }
}
