import { Injectable } from '@nestjs/common';
import { containing, SqlFilters } from '../core/database/sql-filters.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE, type DemandStatus } from '@demarche/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { AccessPolicy, type CampaignAccess } from '../core/auth/access-policy.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import { DemandTransitions } from '../demands/demand-transition.js';
import { demandFollowers } from '../demands/demand-followers.js';
import { responseMail } from './response-mail.js';
import { Dispatcher } from '../notifications/dispatcher.js';
import { mergeRecorded, type Recorded } from '../notifications/notify.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import type { CreateResponseDto, ListResponsesQueryDto, ResponseDto, ResponsePageDto, UpdateResponseDto } from './response.dto.js';
import { ResponseDemand } from './response-demand.entity.js';
import { Response } from './response.entity.js';
import { inTransaction } from '../core/database/transaction.js';
import { EventRecorder } from '../notifications/event-recorder.js';

interface ResponseRow {
  id: string;
  campaign_id: string;
  institution_id: string;
  institution_name: string;
  received_on: string;
  channel: Response['channel'];
  summary: string;
  source_url: string | null;
  assessment: Response['assessment'];
  logged_by_id: string | null;
  logged_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT r.id, r.campaign_id, r.institution_id, i.name AS institution_name, r.received_on, r.channel, r.summary, r.source_url,
  r.assessment, r.logged_by_id, u.display_name AS logged_by_name, r.created_at, r.updated_at
  FROM responses r JOIN institutions i ON i.id = r.institution_id LEFT JOIN users u ON u.id = r.logged_by_id`;

/** Snapshot of a response for the audit trail (edit and delete keep history there). */
function snapshot(r: ResponseRow, demandIds: string[]): Record<string, unknown> {
  return {
    institutionId: r.institution_id,
    receivedOn: r.received_on,
    channel: r.channel,
    summary: r.summary,
    sourceUrl: r.source_url,
    assessment: r.assessment,
    demandIds,
  };
}

/** What institutions said or did, answering one or more demands. */
@Injectable()
export class ResponsesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
    private readonly transitions: DemandTransitions,
    private readonly proposals: ProposalsService,
    private readonly dispatcher: Dispatcher,
    private readonly events: EventRecorder,
  ) {}

  async list(user: AuthUser, campaignId: string, query: ListResponsesQueryDto): Promise<ResponsePageDto> {
    await this.policy.campaignAccessFor(user, campaignId, 'campaign');
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const f = new SqlFilters().add('r.campaign_id = ?', campaignId);
    if (query.institutionId) f.add('r.institution_id = ?', query.institutionId);
    if (query.assessment) f.add('r.assessment = ?', query.assessment);
    if (query.demandId)
      f.add('EXISTS (SELECT 1 FROM response_demands rd WHERE rd.response_id = r.id AND rd.demand_id = ?)', query.demandId);
    if (query.q) f.add('r.summary ILIKE ?', containing(query.q));
    if (query.cursor) f.add('(r.received_on, r.id) < (?::date, ?::uuid)', ...decodeCursor(query.cursor, ['date', 'uuid']));
    const rows: ResponseRow[] = await this.dataSource.query(
      `${SELECT} WHERE ${f.where} ORDER BY r.received_on DESC, r.id DESC LIMIT ${f.param(limit + 1)}`,
      f.params,
    );
    const answers = await this.answers(
      this.dataSource.manager,
      rows.slice(0, limit).map((r) => r.id),
    );
    return toPage(
      rows,
      limit,
      (r) => this.toDto(r, answers),
      (r) => [r.received_on, r.id],
    );
  }

  async get(user: AuthUser, id: string): Promise<ResponseDto> {
    const row = await this.find(this.dataSource.manager, id);
    await this.policy.campaignAccessFor(user, row.campaign_id, 'response');
    return this.toDto(row, await this.answers(this.dataSource.manager, [id]));
  }

  /**
   * Logs a response. Coordinators and members of the campaign's organizations may log. Status
   * moves in the same request are applied at once for a coordinator of a lead organization, and
   * recorded as proposals awaiting one for anyone else; either way in the same transaction.
   */
  async create(user: AuthUser, campaignId: string, dto: CreateResponseDto): Promise<ResponseDto> {
    const access = await this.policy.campaignAccessFor(user, campaignId, 'campaign');
    if (!access.canContribute) throw new ForbiddenError('Observers cannot log responses.');
    const moves = dto.statusMoves ?? [];
    for (const [i, move] of moves.entries()) {
      if (!dto.demandIds.includes(move.demandId))
        throw new ValidationFailedError([{ field: `statusMoves.${i}.demandId`, message: 'is not one of demandIds' }]);
    }
    const created = await inTransaction(this.dataSource, async (manager) => {
      await this.assertAnswerable(manager, campaignId, dto.institutionId, dto.demandIds);
      const saved = await manager.save(
        Response,
        manager.create(Response, {
          campaignId,
          institutionId: dto.institutionId,
          receivedOn: dto.receivedOn,
          channel: dto.channel,
          summary: dto.summary.trim(),
          sourceUrl: dto.sourceUrl ?? null,
          assessment: dto.assessment,
          loggedById: user.id,
        }),
      );
      await manager.insert(
        ResponseDemand,
        dto.demandIds.map((demandId) => ({ responseId: saved.id, demandId })),
      );
      const row = await this.find(manager, saved.id);
      await recordAudit(manager, {
        action: 'response.logged',
        subjectType: 'response',
        subjectId: saved.id,
        campaignId,
        actorId: user.id,
        after: snapshot(row, dto.demandIds),
      });
      const recorded: Recorded[] = [await this.recordLogged(manager, user, saved, dto.demandIds)];
      if (access.canCoordinate) {
        for (const move of moves) {
          recorded.push(
            await this.transitions.move(manager, user.id, move.demandId, campaignId, {
              to: move.to,
              systemNote: { key: 'response_logged', params: { receivedOn: dto.receivedOn, summary: dto.summary.slice(0, 200) } },
            }),
          );
        }
      } else if (moves.length > 0) {
        // A member's moves wait for a coordinator of a lead organization.
        await this.proposals.propose(manager, user, campaignId, saved.id, moves);
      }
      return { id: saved.id, recorded: mergeRecorded(...recorded) };
    });
    await this.dispatcher.dispatch(created.recorded);
    return this.get(user, created.id);
  }

  /** Tells the organizations following the answered demands (their people and webhooks). */
  private async recordLogged(manager: EntityManager, user: AuthUser, saved: Response, demandIds: string[]): Promise<Recorded> {
    const [names] = (await manager.query(
      `SELECT i.name AS institution_name, c.title AS campaign_title FROM institutions i, campaigns c WHERE i.id = $1 AND c.id = $2`,
      [saved.institutionId, saved.campaignId],
    )) as { institution_name: string; campaign_title: string }[];
    const followers = await demandFollowers(manager, saved.campaignId, demandIds);
    return this.events.record(manager, {
      kind: 'response',
      key: `response:${saved.id}`,
      campaignId: saved.campaignId,
      campaignTitle: names!.campaign_title,
      recipientIds: followers.userIds,
      actorId: user.id,
      organizationIds: followers.organizationIds,
      link: `/campaigns/${saved.campaignId}/responses/${saved.id}`,
      render: (locale, _timeZone, link) => {
        const mail = responseMail(locale, {
          institutionName: names!.institution_name,
          assessment: saved.assessment,
          summary: saved.summary,
          demandCount: demandIds.length,
          campaignTitle: names!.campaign_title,
          link,
        });
        return { title: mail.subject, body: saved.summary.slice(0, 280), mail };
      },
      data: {
        responseId: saved.id,
        institutionName: names!.institution_name,
        receivedOn: saved.receivedOn,
        channel: saved.channel,
        assessment: saved.assessment,
        demandIds,
        sourceUrl: saved.sourceUrl,
      },
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateResponseDto): Promise<ResponseDto> {
    await this.requireEditor(user, await this.find(this.dataSource.manager, id));
    await inTransaction(this.dataSource, async (manager) => {
      const before = await this.lockForEdit(manager, id, dto.demandIds ?? []);
      const beforeDemands = (await this.answers(manager, [id])).get(id)!.map((d) => d.id);
      if (dto.demandIds) await this.assertAnswerable(manager, before.campaign_id, before.institution_id, dto.demandIds);
      const changes: Partial<Response> = {};
      if (dto.receivedOn !== undefined) changes.receivedOn = dto.receivedOn;
      if (dto.channel !== undefined) changes.channel = dto.channel;
      if (dto.summary !== undefined) changes.summary = dto.summary.trim();
      if (dto.sourceUrl !== undefined) changes.sourceUrl = dto.sourceUrl;
      if (dto.assessment !== undefined) changes.assessment = dto.assessment;
      if (Object.keys(changes).length > 0) await manager.update(Response, { id }, changes);
      if (dto.demandIds) {
        await manager.query(`DELETE FROM response_demands WHERE response_id = $1`, [id]);
        await manager.insert(
          ResponseDemand,
          dto.demandIds.map((demandId) => ({ responseId: id, demandId })),
        );
      }
      const after = await this.find(manager, id);
      await recordAudit(manager, {
        action: 'response.updated',
        subjectType: 'response',
        subjectId: id,
        campaignId: before.campaign_id,
        actorId: user.id,
        before: snapshot(before, beforeDemands),
        after: snapshot(after, dto.demandIds ?? beforeDemands),
      });
    });
    return this.get(user, id);
  }

  /** Deletes a response; the audit trail keeps what it said. Demand statuses are left as they are. */
  async remove(user: AuthUser, id: string): Promise<void> {
    await this.requireEditor(user, await this.find(this.dataSource.manager, id));
    await inTransaction(this.dataSource, async (manager) => {
      const before = await this.lockForEdit(manager, id, []);
      const demandIds = (await this.answers(manager, [id])).get(id)!.map((d) => d.id);
      await manager.query(`DELETE FROM responses WHERE id = $1`, [id]);
      await recordAudit(manager, {
        action: 'response.deleted',
        subjectType: 'response',
        subjectId: id,
        campaignId: before.campaign_id,
        actorId: user.id,
        before: snapshot(before, demandIds),
      });
    });
  }

  /**
   * Takes the locks an edit needs, in the documented order (docs/architecture.md, "Data access"):
   * the demands the response answers now and will answer, by id, then the response. The
   * latest-response trigger locks the same demands; taken first here, parallel edits queue instead
   * of deadlocking on a lock upgrade. Answers the row as it is under the lock.
   */
  private async lockForEdit(manager: EntityManager, id: string, newDemandIds: string[]): Promise<ResponseRow> {
    await manager.query(
      `SELECT 1 FROM demands WHERE id IN (SELECT demand_id FROM response_demands WHERE response_id = $1) OR id = ANY($2::uuid[])
       ORDER BY id FOR UPDATE`,
      [id, newDemandIds],
    );
    const [locked] = (await manager.query(`SELECT 1 FROM responses WHERE id = $1 FOR UPDATE`, [id])) as unknown[];
    if (!locked) throw new NotFoundError('response');
    return this.find(manager, id);
  }

  /** Every demand must be of this campaign and addressed to an office of the answering institution; locks them. */
  private async assertAnswerable(manager: EntityManager, campaignId: string, institutionId: string, demandIds: string[]): Promise<void> {
    const [institution] = (await manager.query(`SELECT 1 FROM institutions WHERE id = $1`, [institutionId])) as unknown[];
    if (!institution) throw new ValidationFailedError([{ field: 'institutionId', message: 'is not an institution' }]);
    const rows: { id: string }[] = await manager.query(
      // Locked in id order before any link is written: the lock order of docs/architecture.md.
      `SELECT d.id FROM demands d JOIN offices o ON o.id = d.office_id WHERE d.id = ANY($1) AND d.campaign_id = $2 AND o.institution_id = $3
       ORDER BY d.id FOR UPDATE OF d`,
      [demandIds, campaignId, institutionId],
    );
    const found = new Set(rows.map((r) => r.id));
    const missing = demandIds.filter((d) => !found.has(d));
    if (missing.length > 0) {
      throw new ValidationFailedError(
        missing.map((d) => ({
          field: `demandIds.${demandIds.indexOf(d)}`,
          message: 'is not a demand of this campaign addressed to this institution',
        })),
      );
    }
  }

  /** Coordinators of a lead organization edit any response; a member edits the ones they logged. */
  private async requireEditor(user: AuthUser, row: ResponseRow): Promise<CampaignAccess> {
    const access = await this.policy.campaignAccessFor(user, row.campaign_id, 'response');
    if (access.canCoordinate || (access.canContribute && row.logged_by_id === user.id)) return access;
    throw new ForbiddenError('Only coordinators of a lead organization, or whoever logged it, can change this response.');
  }

  private async answers(manager: EntityManager, ids: string[]): Promise<Map<string, ResponseDto['demands']>> {
    const result = new Map<string, ResponseDto['demands']>(ids.map((id) => [id, []]));
    if (ids.length === 0) return result;
    const rows: { response_id: string; id: string; text: string; status: DemandStatus; office_title: string }[] = await manager.query(
      `SELECT rd.response_id, d.id, d.text, d.status, o.title AS office_title
       FROM response_demands rd JOIN demands d ON d.id = rd.demand_id JOIN offices o ON o.id = d.office_id
       WHERE rd.response_id = ANY($1) ORDER BY d.position`,
      [ids],
    );
    for (const r of rows) result.get(r.response_id)!.push({ id: r.id, text: r.text, status: r.status, officeTitle: r.office_title });
    return result;
  }

  private toDto(r: ResponseRow, answers: Map<string, ResponseDto['demands']>): ResponseDto {
    return {
      id: r.id,
      campaignId: r.campaign_id,
      institutionId: r.institution_id,
      institutionName: r.institution_name,
      receivedOn: r.received_on,
      channel: r.channel,
      summary: r.summary,
      sourceUrl: r.source_url,
      assessment: r.assessment,
      demands: answers.get(r.id) ?? [],
      loggedById: r.logged_by_id,
      loggedByName: r.logged_by_name,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  }

  private async find(manager: EntityManager, id: string): Promise<ResponseRow> {
    const rows: ResponseRow[] = await manager.query(`${SELECT} WHERE r.id = $1`, [id]);
    if (!rows[0]) throw new NotFoundError('response');
    return rows[0];
  }
}
