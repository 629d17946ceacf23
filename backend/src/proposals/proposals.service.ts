import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE, type DemandStatus } from '@demarche/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { AccessPolicy } from '../core/auth/access-policy.js';
import { SqlFilters } from '../core/database/sql-filters.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import { DemandTransitions, nextStatusesFor } from '../demands/demand-transition.js';
import { Dispatcher } from '../notifications/dispatcher.js';
import { nothingRecorded } from '../notifications/notify.js';
import type { ListProposalsQueryDto, ProposalDto, ProposalPageDto } from './proposal.dto.js';
import { StatusProposal } from './status-proposal.entity.js';
import { inTransaction } from '../core/database/transaction.js';

interface ProposalRow {
  id: string;
  demand_id: string;
  demand_text: string;
  demand_status: DemandStatus;
  campaign_id: string;
  response_id: string | null;
  to_status: DemandStatus;
  status: StatusProposal['status'];
  proposed_by_id: string | null;
  proposed_by_name: string | null;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Date;
}

const SELECT = `SELECT p.id, p.demand_id, d.text AS demand_text, d.status AS demand_status, d.campaign_id, p.response_id, p.to_status, p.status,
  p.proposed_by_id, pu.display_name AS proposed_by_name, p.decided_by_id, du.display_name AS decided_by_name, p.decided_at, p.decision_note, p.created_at
  FROM demand_status_proposals p JOIN demands d ON d.id = p.demand_id
  LEFT JOIN users pu ON pu.id = p.proposed_by_id LEFT JOIN users du ON du.id = p.decided_by_id`;

const toDto = (r: ProposalRow): ProposalDto => ({
  id: r.id,
  demandId: r.demand_id,
  demandText: r.demand_text,
  demandStatus: r.demand_status,
  responseId: r.response_id,
  toStatus: r.to_status,
  status: r.status,
  proposedById: r.proposed_by_id,
  proposedByName: r.proposed_by_name,
  decidedById: r.decided_by_id,
  decidedByName: r.decided_by_name,
  decidedAt: r.decided_at?.toISOString() ?? null,
  decisionNote: r.decision_note,
  createdAt: r.created_at.toISOString(),
});

/**
 * Status moves a member proposes with a response. They wait for a coordinator of a lead
 * organization, who confirms (the demand moves, through the same transition rules) or rejects.
 */
@Injectable()
export class ProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
    private readonly transitions: DemandTransitions,
    private readonly dispatcher: Dispatcher,
  ) {}

  /** Records proposals inside the caller's transaction; each must be a legal move from today's status. */
  async propose(
    manager: EntityManager,
    user: AuthUser,
    campaignId: string,
    responseId: string,
    moves: { demandId: string; to: DemandStatus }[],
  ): Promise<void> {
    for (const move of moves) {
      const [demand] = (await manager.query(`SELECT status FROM demands WHERE id = $1 AND campaign_id = $2`, [
        move.demandId,
        campaignId,
      ])) as { status: DemandStatus }[];
      if (!demand) throw new NotFoundError('demand');
      const allowed = nextStatusesFor(demand.status);
      if (!allowed.includes(move.to)) {
        throw new ConflictError(
          'illegal_transition',
          `A demand cannot move from ${demand.status} to ${move.to}.`,
          [{ field: 'statusMoves', message: `${move.to} is not allowed` }],
          {
            current: demand.status,
            allowed,
          },
        );
      }
      const saved = await manager.save(
        StatusProposal,
        manager.create(StatusProposal, {
          demandId: move.demandId,
          responseId,
          toStatus: move.to,
          proposedById: user.id,
          status: 'pending',
        }),
      );
      await recordAudit(manager, {
        action: 'demand.status_proposed',
        subjectType: 'demand',
        subjectId: move.demandId,
        campaignId,
        actorId: user.id,
        after: { proposalId: saved.id, to: move.to, from: demand.status },
      });
    }
  }

  async list(user: AuthUser, campaignId: string, query: ListProposalsQueryDto): Promise<ProposalPageDto> {
    await this.policy.campaignAccess(user, campaignId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const f = new SqlFilters().add('d.campaign_id = ?', campaignId);
    if (query.status) f.add('p.status = ?', query.status);
    if (query.cursor) f.add('(p.created_at, p.id) < (?::timestamptz, ?::uuid)', ...decodeCursor(query.cursor, ['timestamp', 'uuid']));
    const rows: ProposalRow[] = await this.dataSource.query(
      `${SELECT} WHERE ${f.where} ORDER BY p.created_at DESC, p.id DESC LIMIT ${f.param(limit + 1)}`,
      f.params,
    );
    return toPage(rows, limit, toDto, (r) => [r.created_at.toISOString(), r.id]);
  }

  async decide(user: AuthUser, id: string, confirm: boolean, note?: string): Promise<ProposalDto> {
    const row = await this.find(this.dataSource.manager, id);
    let access;
    try {
      access = await this.policy.campaignAccess(user, row.campaign_id);
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError('proposal');
      throw error;
    }
    if (!access.canCoordinate)
      throw new ForbiddenError('Only coordinators of a lead organization confirm or reject proposed status moves.');
    let recorded = nothingRecorded();
    await inTransaction(this.dataSource, async (manager) => {
      const [locked] = (await manager.query(`SELECT status FROM demand_status_proposals WHERE id = $1 FOR UPDATE`, [id])) as {
        status: StatusProposal['status'];
      }[];
      if (locked!.status !== 'pending') throw new ConflictError('already_decided', `This proposal was ${locked!.status} already.`);
      if (confirm) {
        // The coordinator's words if any; else the system's, worded in each reader's language.
        recorded = await this.transitions.move(manager, user.id, row.demand_id, row.campaign_id, {
          to: row.to_status,
          ...(note?.trim()
            ? { note: note.trim() }
            : {
                systemNote: row.proposed_by_name
                  ? { key: 'proposal_confirmed', params: { proposer: row.proposed_by_name } }
                  : { key: 'proposal_confirmed_unnamed', params: {} },
              }),
        });
      }
      await manager.update(
        StatusProposal,
        { id },
        { status: confirm ? 'confirmed' : 'rejected', decidedById: user.id, decidedAt: new Date(), decisionNote: note?.trim() || null },
      );
      await recordAudit(manager, {
        action: confirm ? 'demand.status_proposal_confirmed' : 'demand.status_proposal_rejected',
        subjectType: 'demand',
        subjectId: row.demand_id,
        campaignId: row.campaign_id,
        actorId: user.id,
        after: { proposalId: id, to: row.to_status, note: note?.trim() || null },
      });
    });
    await this.dispatcher.dispatch(recorded);
    return toDto(await this.find(this.dataSource.manager, id));
  }

  private async find(manager: EntityManager, id: string): Promise<ProposalRow> {
    const rows: ProposalRow[] = await manager.query(`${SELECT} WHERE p.id = $1`, [id]);
    if (!rows[0]) throw new NotFoundError('proposal');
    return rows[0];
  }
}
