import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccessPolicy } from '../core/auth/access-policy.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { toCsv } from '../core/http/csv.js';

export const EXPORT_KINDS = ['demands', 'responses', 'follow-ups'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Each export: its SQL, whose column aliases are the CSV header, in order. */
const QUERIES: Record<ExportKind, string> = {
  demands: `
    SELECT d.reference, i.name AS institution, o.title AS office, d.category, d.priority, d.status, d.text, d.sent_at, d.deadline_at,
           d.deadline_time_zone, m.title AS deadline_milestone,
           (SELECT count(*) FROM response_demands rd WHERE rd.demand_id = d.id)::int AS responses,
           lr.received_on AS last_response_on, lr.assessment AS last_assessment, d.notes, d.id
    FROM demands d JOIN offices o ON o.id = d.office_id JOIN institutions i ON i.id = o.institution_id
    LEFT JOIN milestones m ON m.id = d.deadline_milestone_id
    LEFT JOIN responses lr ON lr.id = d.latest_response_id
    WHERE d.campaign_id = $1 ORDER BY d.position, d.id`,
  responses: `
    SELECT r.received_on, i.name AS institution, r.channel, r.assessment, r.summary, r.source_url,
           (SELECT string_agg(coalesce(d.reference, d.id::text), '; ' ORDER BY d.position)
            FROM response_demands rd JOIN demands d ON d.id = rd.demand_id WHERE rd.response_id = r.id) AS demands,
           u.display_name AS logged_by, r.id
    FROM responses r JOIN institutions i ON i.id = r.institution_id LEFT JOIN users u ON u.id = r.logged_by_id
    WHERE r.campaign_id = $1 ORDER BY r.received_on, r.id`,
  'follow-ups': `
    SELECT f.title, o.name AS organization, u.display_name AS assignee, f.status, f.due_at, f.due_time_zone, d.reference AS demand,
           f.details, f.completion_note, f.completed_at, CASE WHEN f.is_example THEN 'yes' ELSE 'no' END AS example, f.id
    FROM follow_ups f JOIN organizations o ON o.id = f.organization_id LEFT JOIN users u ON u.id = f.assignee_id
    LEFT JOIN demands d ON d.id = f.demand_id
    WHERE f.campaign_id = $1 ORDER BY f.due_at, f.id`,
};

/** The column aliases of a query, in order: the CSV header. */
function header(sql: string): string[] {
  const select = sql.slice(sql.indexOf('SELECT') + 6, sql.search(/\n\s*FROM /));
  const columns: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of select) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      columns.push(current);
      current = '';
    } else current += ch;
  }
  columns.push(current);
  return columns.map((c) => {
    const alias = / AS (\w+)\s*$/i.exec(c.trim());
    return alias ? alias[1]! : c.trim().split('.').pop()!;
  });
}

/** Spreadsheet exports of a campaign, for anyone who can read it. */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
  ) {}

  async csv(user: AuthUser, campaignId: string, kind: ExportKind): Promise<string> {
    await this.policy.campaignAccess(user, campaignId);
    const sql = QUERIES[kind];
    const columns = header(sql);
    const rows: Record<string, unknown>[] = await this.dataSource.query(sql, [campaignId]);
    return toCsv(
      columns,
      rows.map((row) => columns.map((c) => row[c])),
    );
  }
}
