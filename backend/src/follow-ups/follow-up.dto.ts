import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '@demarche/shared';
import { IsIn, IsISO8601, IsString, IsUUID, Length, MaxLength, Validate } from 'class-validator';
import { PageQueryDto } from '../core/http/pagination.js';
import { IsTimeZone, Nullable, Omittable } from '../core/http/validators.js';

export class FollowUpDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() campaignTitle: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId: string | null;
  @ApiProperty({ type: String, nullable: true }) assigneeName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) demandId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) responseId: string | null;
  @ApiProperty() title: string;
  @ApiProperty() details: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ example: 'America/New_York' }) dueTimeZone: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status: FollowUpStatus;
  @ApiProperty({ description: 'Open or in progress, and past its due time' }) overdue: boolean;
  @ApiProperty({ type: String, nullable: true }) completionNote: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty() isExample: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class FollowUpPageDto {
  @ApiProperty({ type: [FollowUpDto] }) items: FollowUpDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class FollowUpFiltersDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES })
  @Omittable()
  @IsIn(FOLLOW_UP_STATUSES)
  status?: FollowUpStatus;

  @ApiPropertyOptional({ format: 'date-time', description: 'Due before this instant' })
  @Omittable()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  dueBefore?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Due at or after this instant' })
  @Omittable()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  dueAfter?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all', { message: 'must be a UUID' })
  demandId?: string;
}

export class CampaignFollowUpsQueryDto extends FollowUpFiltersDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId?: string;
}

export class MyFollowUpsQueryDto extends FollowUpFiltersDto {
  @ApiProperty({ enum: ['mine'], description: "Only 'mine' (the caller's organization) for now" })
  @IsIn(['mine'])
  organization: 'mine';

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all', { message: 'must be a UUID' })
  campaignId?: string;
}

/** Members of the assigned organization change only status and completion note. */
export class UpdateFollowUpDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 300 })
  @Omittable()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @Omittable()
  @IsString()
  @MaxLength(10_000)
  details?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @Omittable()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  dueAt?: string;

  @ApiPropertyOptional({ example: 'America/New_York' })
  @Omittable()
  @Validate(IsTimeZone)
  dueTimeZone?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Reassign to another organization of the campaign' })
  @Omittable()
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A user of the assigned organization' })
  @Nullable()
  @IsUUID('all', { message: 'must be a UUID' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES })
  @Omittable()
  @IsIn(FOLLOW_UP_STATUSES)
  status?: FollowUpStatus;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @Nullable()
  @IsString()
  @MaxLength(5000)
  completionNote?: string | null;
}

export class CreateFollowUpDto {
  @ApiProperty({ format: 'uuid', description: 'An organization of the campaign' })
  @IsUUID('all', { message: 'must be a UUID' })
  organizationId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A user of that organization' })
  @Omittable()
  @IsUUID('all', { message: 'must be a UUID' })
  assigneeId?: string;

  @ApiProperty({ minLength: 1, maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @Omittable()
  @IsString()
  @MaxLength(10_000)
  details?: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  dueAt: string;

  @ApiPropertyOptional({ description: "Zone the due time is stated in; default: the assignee's, else UTC", example: 'America/New_York' })
  @Omittable()
  @Validate(IsTimeZone)
  dueTimeZone?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all', { message: 'must be a UUID' })
  demandId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all', { message: 'must be a UUID' })
  responseId?: string;
}
