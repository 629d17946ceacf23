import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEMAND_STATUSES,
  deadlineForDay,
  isDemandAwaitingAnswer,
  zonedWallTimeToInstant,
  type DemandCategory,
  type DemandStatus,
  type ResponseAssessment,
} from '@demarche/shared';
import type { DataSource } from 'typeorm';
import { OPEN_FOLLOW_UPS } from '../follow-ups/follow-up.entity.js';
import { AccessPolicy } from '../core/auth/access-policy.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { currentHolders, toDeadlineDto } from '../demands/demands.service.js';
import type { MilestoneDto } from '../milestones/milestone.dto.js';
import { TIMELINE_SELECT, toTimelineEntry } from '../timeline/timeline.service.js';
import type { DashboardDto, InstitutionResponseRateDto, ScorecardRowDto, UpcomingItemDto } from './dashboard.dto.js';

interface Row {
  id: string;
  reference: string | null;
  text: string;
  category: DemandCategory;
  status: DemandStatus;
  sent_at: Date | null;
  deadline_at: Date | null;
  deadline_time_zone: string | null;
  deadline_milestone_id: string | null;
  deadline_term_id: string | null;
  milestone_title: string | null;
  office_id: string;
  office_title: string;
  is_collective: boolean;
  institution_id: string;
  institution_name: string;
  lr_id: string | null;
  lr_received_on: string | null;
  lr_assessment: ResponseAssessment | null;
}

const DAY_MS = 86_400_000;
export const UPCOMING_DAYS = 14;

/**
 * The campaign at a glance, in one call and a fixed number of queries whatever its size: the
 * scorecard (each office × its demands), counts, response rates, overdue and upcoming work, the
 * calendar and the latest changes.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
  ) {}

  async get(user: AuthUser, campaignId: string, now = new Date()): Promise<DashboardDto> {
    await this.policy.campaignAccess(user, campaignId);
    const horizon = new Date(now.getTime() + UPCOMING_DAYS * DAY_MS);
    const [rows, overdueFollowUps, upcomingFollowUps, milestones, timeline] = await Promise.all([
      this.dataSource.query(
        `SELECT d.id, d.reference, d.text, d.category, d.status, d.sent_at, d.deadline_at, d.deadline_time_zone, d.deadline_milestone_id,
                d.deadline_term_id, m.title AS milestone_title, o.id AS office_id, o.title AS office_title, o.is_collective,
                i.id AS institution_id, i.name AS institution_name, lr.id AS lr_id, lr.received_on AS lr_received_on, lr.assessment AS lr_assessment
         FROM demands d
         JOIN offices o ON o.id = d.office_id
         JOIN institutions i ON i.id = o.institution_id
         LEFT JOIN milestones m ON m.id = d.deadline_milestone_id
         LEFT JOIN responses lr ON lr.id = d.latest_response_id
         WHERE d.campaign_id = $1
         ORDER BY d.position, d.id`,
        [campaignId],
      ) as Promise<Row[]>,
      this.dataSource.query(
        `SELECT o.id AS organization_id, o.name AS organization_name, count(*)::int AS overdue
         FROM follow_ups f JOIN organizations o ON o.id = f.organization_id
         WHERE f.campaign_id = $1 AND f.status IN ${OPEN_FOLLOW_UPS} AND f.due_at < $2
         GROUP BY o.id, o.name ORDER BY overdue DESC, o.name`,
        [campaignId, now],
      ) as Promise<{ organization_id: string; organization_name: string; overdue: number }[]>,
      this.dataSource.query(
        `SELECT f.id, f.title, f.due_at, f.due_time_zone, o.name AS organization_name
         FROM follow_ups f JOIN organizations o ON o.id = f.organization_id
         WHERE f.campaign_id = $1 AND f.status IN ${OPEN_FOLLOW_UPS} AND f.due_at >= $2 AND f.due_at < $3
         ORDER BY f.due_at LIMIT 100`,
        [campaignId, now, horizon],
      ) as Promise<{ id: string; title: string; due_at: Date; due_time_zone: string; organization_name: string }[]>,
      this.dataSource.query(
        `SELECT m.id, m.campaign_id, m.reference, m.title, m.kind, m.occurs_on, m.time_zone, m.source, count(d.id)::int AS demand_count
         FROM milestones m LEFT JOIN demands d ON d.deadline_milestone_id = m.id
         WHERE m.campaign_id = $1 GROUP BY m.id ORDER BY m.occurs_on, m.id`,
        [campaignId],
      ) as Promise<
        {
          id: string;
          campaign_id: string;
          reference: string | null;
          title: string;
          kind: MilestoneDto['kind'];
          occurs_on: string;
          time_zone: string;
          source: string | null;
          demand_count: number;
        }[]
      >,
      this.dataSource.query(`${TIMELINE_SELECT} WHERE e.campaign_id = $1 ORDER BY e.id DESC LIMIT 10`, [campaignId]),
    ]);
    const holders = await currentHolders(
      this.dataSource,
      rows.map((r) => r.office_id),
    );

    const countsByStatus = Object.fromEntries(DEMAND_STATUSES.map((s) => [s, 0])) as Record<DemandStatus, number>;
    const scorecard = new Map<string, ScorecardRowDto>();
    const rates = new Map<string, InstitutionResponseRateDto>();
    const upcoming: UpcomingItemDto[] = [];
    let overdueDemands = 0;
    for (const r of rows) {
      countsByStatus[r.status]++;
      const awaiting = isDemandAwaitingAnswer(r.status);
      const overdue = awaiting && r.deadline_at !== null && r.deadline_at < now;
      if (overdue) overdueDemands++;
      if (awaiting && r.deadline_at && r.deadline_at >= now && r.deadline_at < horizon) {
        upcoming.push({
          kind: 'demand',
          id: r.id,
          title: r.text,
          at: r.deadline_at.toISOString(),
          timeZone: r.deadline_time_zone!,
          organizationName: null,
        });
      }
      let row = scorecard.get(r.office_id);
      if (!row) {
        row = {
          officeId: r.office_id,
          officeTitle: r.office_title,
          isCollective: r.is_collective,
          institutionId: r.institution_id,
          institutionName: r.institution_name,
          currentHolder: holders.get(r.office_id) ?? null,
          demands: [],
        };
        scorecard.set(r.office_id, row);
      }
      row.demands.push({
        id: r.id,
        reference: r.reference,
        text: r.text,
        category: r.category,
        status: r.status,
        daysSinceSent: r.sent_at ? Math.floor((now.getTime() - r.sent_at.getTime()) / DAY_MS) : null,
        deadline: toDeadlineDto(r),
        overdue,
        lastResponse: r.lr_id ? { id: r.lr_id, receivedOn: r.lr_received_on!, assessment: r.lr_assessment! } : null,
      });
      if (r.status !== 'draft' && r.status !== 'withdrawn') {
        const rate = rates.get(r.institution_id) ?? {
          institutionId: r.institution_id,
          institutionName: r.institution_name,
          demands: 0,
          answered: 0,
          rate: 0,
        };
        rate.demands++;
        if (r.lr_id) rate.answered++;
        rate.rate = rate.answered / rate.demands;
        rates.set(r.institution_id, rate);
      }
    }
    for (const f of upcomingFollowUps) {
      upcoming.push({
        kind: 'follow_up',
        id: f.id,
        title: f.title,
        at: f.due_at.toISOString(),
        timeZone: f.due_time_zone,
        organizationName: f.organization_name,
      });
    }
    for (const m of milestones) {
      // A milestone is a day where it happens: upcoming while that day has not ended there.
      const starts = zonedWallTimeToInstant(m.occurs_on, '00:00', m.time_zone);
      if (deadlineForDay(m.occurs_on, m.time_zone) >= now && starts < horizon) {
        upcoming.push({
          kind: 'milestone',
          id: m.id,
          title: m.title,
          at: starts.toISOString(),
          timeZone: m.time_zone,
          organizationName: null,
        });
      }
    }
    upcoming.sort((a, b) => a.at.localeCompare(b.at));

    return {
      asOf: now.toISOString(),
      scorecard: [...scorecard.values()],
      countsByStatus,
      responseRates: [...rates.values()].sort((a, b) => a.institutionName.localeCompare(b.institutionName)),
      overdueFollowUps: overdueFollowUps.map((o) => ({
        organizationId: o.organization_id,
        organizationName: o.organization_name,
        overdue: o.overdue,
      })),
      overdueDemands,
      next14Days: upcoming,
      milestones: milestones.map((m) => ({
        id: m.id,
        campaignId: m.campaign_id,
        reference: m.reference,
        title: m.title,
        kind: m.kind,
        occursOn: m.occurs_on,
        timeZone: m.time_zone,
        source: m.source,
        demandCount: m.demand_count,
      })),
      latestTimeline: (timeline as Parameters<typeof toTimelineEntry>[0][]).map(toTimelineEntry),
    };
  }
}
