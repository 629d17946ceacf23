import { ApiProperty } from '@nestjs/swagger';
import {
  DEMAND_CATEGORIES,
  DEMAND_STATUSES,
  RESPONSE_ASSESSMENTS,
  type DemandCategory,
  type DemandStatus,
  type ResponseAssessment,
} from '@demarche/shared';
import { DemandStatusCountsDto } from '../campaigns/campaign.dto.js';
import { DeadlineDto, HolderDto } from '../demands/demand.dto.js';
import { MilestoneDto } from '../milestones/milestone.dto.js';
import { TimelineEntryDto } from '../timeline/timeline.dto.js';

export class LastResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2025-05-02' }) receivedOn: string;
  @ApiProperty({ enum: RESPONSE_ASSESSMENTS }) assessment: ResponseAssessment;
}

export class ScorecardDemandDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ enum: DEMAND_CATEGORIES }) category: DemandCategory;
  @ApiProperty({ enum: DEMAND_STATUSES }) status: DemandStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'Whole days since it was sent' }) daysSinceSent: number | null;
  @ApiProperty({ type: DeadlineDto, nullable: true }) deadline: DeadlineDto | null;
  @ApiProperty({ description: 'Still awaiting an answer and past its deadline' }) overdue: boolean;
  @ApiProperty({ type: LastResponseDto, nullable: true }) lastResponse: LastResponseDto | null;
}

export class ScorecardRowDto {
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty() officeTitle: string;
  @ApiProperty() isCollective: boolean;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ type: HolderDto, nullable: true }) currentHolder: HolderDto | null;
  @ApiProperty({ type: [ScorecardDemandDto], description: 'In letter order' }) demands: ScorecardDemandDto[];
}

export class InstitutionResponseRateDto {
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ description: 'Demands addressed to it that were sent' }) demands: number;
  @ApiProperty({ description: 'Of those, demands with at least one response' }) answered: number;
  @ApiProperty({ description: 'answered / demands, 0–1 (0 when nothing was sent)' }) rate: number;
}

export class OrganizationOverdueDto {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() overdue: number;
}

export class UpcomingItemDto {
  @ApiProperty({ enum: ['demand', 'follow_up', 'milestone'] }) kind: 'demand' | 'follow_up' | 'milestone';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: String, nullable: true, description: 'For follow-ups: the organization it is assigned to' }) organizationName:
    string | null;
}

export class DashboardDto {
  @ApiProperty({ format: 'date-time', description: 'The instant the figures are for' }) asOf: string;
  @ApiProperty({ type: [ScorecardRowDto], description: 'Each addressed office × its demands' }) scorecard: ScorecardRowDto[];
  @ApiProperty({ type: DemandStatusCountsDto }) countsByStatus: DemandStatusCountsDto;
  @ApiProperty({ type: [InstitutionResponseRateDto] }) responseRates: InstitutionResponseRateDto[];
  @ApiProperty({ type: [OrganizationOverdueDto], description: 'Organizations with overdue follow-ups' })
  overdueFollowUps: OrganizationOverdueDto[];
  @ApiProperty({ description: 'Demands awaiting an answer past their deadline' }) overdueDemands: number;
  @ApiProperty({ type: [UpcomingItemDto], description: 'Deadlines, follow-ups and milestones in the next 14 days, soonest first' })
  next14Days: UpcomingItemDto[];
  @ApiProperty({ type: [MilestoneDto], description: 'The whole calendar, by date' }) milestones: MilestoneDto[];
  @ApiProperty({ type: [TimelineEntryDto], description: 'The 10 latest changes' }) latestTimeline: TimelineEntryDto[];
}
