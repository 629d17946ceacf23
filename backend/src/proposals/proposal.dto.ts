import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEMAND_STATUSES, type DemandStatus } from '@demarche/shared';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../core/http/pagination.js';
import { PROPOSAL_STATUSES, type ProposalStatus } from './status-proposal.entity.js';
import { Omittable } from '../core/http/validators.js';

export class ProposalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) demandId: string;
  @ApiProperty() demandText: string;
  @ApiProperty({ enum: DEMAND_STATUSES, description: "The demand's status now" }) demandStatus: DemandStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) responseId: string | null;
  @ApiProperty({ enum: DEMAND_STATUSES }) toStatus: DemandStatus;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) proposedById: string | null;
  @ApiProperty({ type: String, nullable: true }) proposedByName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedById: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ProposalPageDto {
  @ApiProperty({ type: [ProposalDto] }) items: ProposalDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListProposalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES })
  @Omittable()
  @IsIn(PROPOSAL_STATUSES)
  status?: ProposalStatus;
}

export class DecideProposalDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @Omittable()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
