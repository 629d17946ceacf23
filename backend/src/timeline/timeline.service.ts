import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE } from '@demarche/shared';
import type { DataSource } from 'typeorm';
import { AccessPolicy } from '../core/auth/access-policy.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { decodeCursor, type PageQueryDto, toPage } from '../core/http/pagination.js';
import type { TimelineEntryDto, TimelinePageDto } from './timeline.dto.js';

interface EntryRow {
  id: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  occurred_at: Date;
}

export function toTimelineEntry(r: EntryRow): TimelineEntryDto {
  return {
    id: String(r.id),
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    actorId: r.actor_id,
    actorName: r.actor_name,
    before: r.before,
    after: r.after,
    occurredAt: r.occurred_at.toISOString(),
  };
}

export const TIMELINE_SELECT = `SELECT e.id, e.action, e.subject_type, e.subject_id, e.actor_id, u.display_name AS actor_name, e.before, e.after, e.occurred_at
  FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id`;

/** A campaign's audit events, newest first: the campaign's history. */
@Injectable()
export class TimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
  ) {}

  async page(user: AuthUser, campaignId: string, query: PageQueryDto): Promise<TimelinePageDto> {
    await this.policy.campaignAccess(user, campaignId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [campaignId, limit + 1];
    let where = 'e.campaign_id = $1';
    if (query.cursor) {
      const [before] = decodeCursor(query.cursor, ['bigint']);
      params.push(before);
      where += ` AND e.id < $3::bigint`;
    }
    const rows: EntryRow[] = await this.dataSource.query(`${TIMELINE_SELECT} WHERE ${where} ORDER BY e.id DESC LIMIT $2`, params);
    return toPage(rows, limit, toTimelineEntry, (r) => [String(r.id)]);
  }
}
