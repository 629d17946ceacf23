import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { CAMPAIGN_ROLES, CAMPAIGN_STATUSES, type CampaignRole, type CampaignStatus, type DemandStatus } from '@demarche/shared';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsString, Length, Matches, Max, MaxLength, Min, Validate } from 'class-validator';
import { PageQueryDto } from '../core/http/pagination.js';
import { PendingCampaignOrganizationDto } from './campaign-invitation.dto.js';
import { IsCalendarDate, Nested, Nullable, Omittable } from '../core/http/validators.js';

export class DemandStatusCountsDto implements Record<DemandStatus, number> {
  @ApiProperty() draft: number;
  @ApiProperty() sent: number;
  @ApiProperty() acknowledged: number;
  @ApiProperty() under_consideration: number;
  @ApiProperty() partially_met: number;
  @ApiProperty() met: number;
  @ApiProperty() rejected: number;
  @ApiProperty() no_response: number;
  @ApiProperty() withdrawn: number;
}

export class CampaignCountsDto {
  @ApiProperty() demands: number;
  @ApiProperty({ type: DemandStatusCountsDto }) demandsByStatus: DemandStatusCountsDto;
  @ApiProperty() responses: number;
  @ApiProperty({ description: 'Follow-ups open or in progress' }) openFollowUps: number;
  @ApiProperty({ description: 'Open or in-progress follow-ups past their due time' }) overdueFollowUps: number;
}

export class CampaignSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status: CampaignStatus;
  @ApiProperty({ type: String, nullable: true, example: '2025-04-29' }) letterDate: string | null;
  @ApiProperty() isExample: boolean;
  @ApiProperty({ enum: CAMPAIGN_ROLES, nullable: true, description: "The caller's organization's part (null: an admin from outside)" })
  myRole: CampaignRole | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: CampaignCountsDto }) counts: CampaignCountsDto;
}

export class CampaignPageDto {
  @ApiProperty({ type: [CampaignSummaryDto] }) items: CampaignSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CampaignOrganizationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CAMPAIGN_ROLES }) role: CampaignRole;
  @ApiProperty() isExample: boolean;
}

export class CampaignAccessDto {
  @ApiProperty({ enum: CAMPAIGN_ROLES, nullable: true }) organizationRole: CampaignRole | null;
  @ApiProperty({ description: 'May edit the campaign, move demand statuses, assign follow-ups' }) canCoordinate: boolean;
  @ApiProperty({ description: 'May log responses and update their organization’s follow-ups' }) canContribute: boolean;
}

export class ReminderPolicyDto {
  @ApiProperty({ type: [Number], example: [7, 2, 1], description: 'Days before the deadline, each at localTime where the recipient is' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true, message: 'must be whole numbers of days' })
  @Min(1, { each: true })
  @Max(60, { each: true })
  daysBefore: number[];

  @ApiProperty({ example: '09:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time such as 09:00' })
  localTime: string;

  @ApiProperty()
  @IsBoolean()
  atDue: boolean;

  @ApiProperty({ minimum: 0, maximum: 30, description: '0: no overdue reminders' })
  @IsInt()
  @Min(0)
  @Max(30)
  overdueEveryDays: number;

  @ApiProperty({ minimum: 0, maximum: 365 })
  @IsInt()
  @Min(0)
  @Max(365)
  overdueForDays: number;

  @ApiProperty({ minimum: 1, maximum: 60 })
  @IsInt()
  @Min(1)
  @Max(60)
  escalateAfterDays: number;
}

export class CampaignDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty() letterText: string;
  @ApiProperty({ type: String, nullable: true }) letterDate: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The letter's language, a language tag", example: 'es' })
  letterLanguage: string | null;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status: CampaignStatus;
  @ApiProperty({ enum: CAMPAIGN_STATUSES, isArray: true, description: 'Statuses it may move to next' }) nextStatuses: CampaignStatus[];
  @ApiProperty() isExample: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [CampaignOrganizationDto] }) organizations: CampaignOrganizationDto[];
  @ApiProperty({
    type: [PendingCampaignOrganizationDto],
    description: 'Organizations invited that have not answered yet (names only); empty unless the caller coordinates the campaign',
  })
  invitations: PendingCampaignOrganizationDto[];
  @ApiProperty({ type: CampaignAccessDto }) access: CampaignAccessDto;
  @ApiProperty({ type: ReminderPolicyDto, description: 'The reminder policy in force (the default unless the campaign overrides it)' })
  reminderPolicy: ReminderPolicyDto;
  @ApiProperty({ description: 'Whether the campaign overrides the default reminder policy' }) customReminderPolicy: boolean;
}

export class ListCampaignsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @Omittable()
  @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;

  @ApiPropertyOptional({ description: 'Part of the title' })
  @Omittable()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CreateCampaignDto {
  @ApiProperty({ minLength: 1, maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @Omittable()
  @IsString()
  @MaxLength(5000)
  summary?: string;

  @ApiPropertyOptional({ maxLength: 100000, description: 'The letter as sent, verbatim' })
  @Omittable()
  @IsString()
  @MaxLength(100_000)
  letterText?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2025-04-29' })
  @Nullable()
  @Validate(IsCalendarDate)
  letterDate?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "The letter's language, a language tag (en, es, fr, pt-BR)",
    example: 'es',
  })
  @Nullable()
  @MaxLength(35)
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'must be a language tag such as en, es, fr or pt-BR' })
  letterLanguage?: string | null;

  @ApiPropertyOptional({ enum: ['draft', 'active'], default: 'draft' })
  @Omittable()
  @IsIn(['draft', 'active'])
  status?: 'draft' | 'active';
}

/** Every field optional, same rules; the status changes through POST /campaigns/:id/status. */
export class UpdateCampaignDto extends PartialType(OmitType(CreateCampaignDto, ['status'] as const), { skipNullProperties: false }) {
  @ApiPropertyOptional({
    type: ReminderPolicyDto,
    nullable: true,
    description: "The campaign's own reminder policy (coordinators); null: back to the default",
  })
  @Nullable()
  @Nested(() => ReminderPolicyDto)
  reminderPolicy?: ReminderPolicyDto | null;
}

export class ChangeCampaignStatusDto {
  @ApiProperty({ enum: CAMPAIGN_STATUSES })
  @IsIn(CAMPAIGN_STATUSES)
  status: CampaignStatus;
}

export class SetCampaignOrganizationDto {
  @ApiProperty({ enum: CAMPAIGN_ROLES, description: 'lead: coordinates (and signs); signatory: signs' })
  @IsIn(CAMPAIGN_ROLES)
  role: CampaignRole;
}
