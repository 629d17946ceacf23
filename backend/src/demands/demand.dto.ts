import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  DEMAND_CATEGORIES,
  DEMAND_PRIORITIES,
  DEMAND_STATUSES,
  type DemandCategory,
  type DemandPriority,
  type DemandStatus,
  SYSTEM_NOTE_KEYS,
  type SystemNoteKey,
} from '@demarche/shared';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsString, IsUUID, Length, Matches, MaxLength, Validate } from 'class-validator';
import { PageQueryDto } from '../core/http/pagination.js';
import { IsTimeZone, Nested, Nullable, Omittable } from '../core/http/validators.js';

export class DeadlineInputDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'A fixed deadline (give exactly one of at, milestoneId, termId)' })
  @Omittable()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  at?: string;

  @ApiPropertyOptional({ description: "Zone the deadline is stated in; default: the institution's seat", example: 'Europe/Zurich' })
  @Omittable()
  @Validate(IsTimeZone)
  timeZone?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Follow a milestone of this campaign: due at the end of its day, moving with it' })
  @Omittable()
  @IsUUID('all', { message: 'must be a UUID' })
  milestoneId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Due at the end of an officeholder's term (of the demand's office)" })
  @Omittable()
  @IsUUID('all', { message: 'must be a UUID' })
  termId?: string;
}

export class DeadlineDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'America/New_York' }) timeZone: string;
  @ApiProperty({ enum: ['fixed', 'milestone', 'term'] }) follows: 'fixed' | 'milestone' | 'term';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) milestoneId: string | null;
  @ApiProperty({ type: String, nullable: true }) milestoneTitle: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) termId: string | null;
}

export class HolderDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) startsOn: string | null;
  @ApiProperty({ type: String, nullable: true }) endsOn: string | null;
  @ApiProperty({ description: 'The term ends within 30 days' }) endsSoon: boolean;
}

export class DemandOfficeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() isCollective: boolean;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty() seatTimeZone: string;
  @ApiProperty({ type: HolderDto, nullable: true, description: 'Who holds the office today' }) currentHolder: HolderDto | null;
}

export class DemandDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty() position: number;
  @ApiProperty() text: string;
  @ApiProperty({ enum: DEMAND_CATEGORIES }) category: DemandCategory;
  @ApiProperty({ enum: DEMAND_PRIORITIES }) priority: DemandPriority;
  @ApiProperty({ enum: DEMAND_STATUSES }) status: DemandStatus;
  @ApiProperty({ enum: DEMAND_STATUSES, isArray: true, description: 'Statuses a coordinator may move it to next' })
  nextStatuses: DemandStatus[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ type: DeadlineDto, nullable: true }) deadline: DeadlineDto | null;
  @ApiProperty({ type: DemandOfficeDto }) office: DemandOfficeDto;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SystemNoteDto {
  @ApiProperty({
    enum: SYSTEM_NOTE_KEYS,
    description: "What the system noted (shared/src/system-notes.ts); the dashboard words it in the reader's language",
  })
  key: SystemNoteKey;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Its parameters: proposer (proposal_confirmed); receivedOn, summary (response_logged)',
  })
  params: Record<string, string>;
}

export class StatusChangeDto {
  @ApiProperty({ enum: DEMAND_STATUSES, nullable: true }) fromStatus: DemandStatus | null;
  @ApiProperty({ enum: DEMAND_STATUSES }) toStatus: DemandStatus;
  @ApiProperty({ type: String, nullable: true, description: 'What the person who made the move wrote' }) note: string | null;
  @ApiProperty({ type: SystemNoteDto, nullable: true, description: 'A note the system wrote, as a key with parameters' })
  systemNote: SystemNoteDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the system or an import' }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
}

export class DemandDetailDto extends DemandDto {
  @ApiProperty({ type: [StatusChangeDto], description: 'Oldest first' }) history: StatusChangeDto[];
}

export class DemandPageDto {
  @ApiProperty({ type: [DemandDto] }) items: DemandDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListDemandsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DEMAND_STATUSES })
  @Omittable()
  @IsIn(DEMAND_STATUSES)
  status?: DemandStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all', { message: 'must be a UUID' })
  officeId?: string;

  @ApiPropertyOptional({ description: 'Words of the demand text' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class CreateDemandDto {
  @ApiProperty({ format: 'uuid', description: 'The office the demand is addressed to' })
  @IsUUID('all', { message: 'must be a UUID' })
  officeId: string;

  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  text: string;

  @ApiProperty({ enum: DEMAND_CATEGORIES })
  @IsIn(DEMAND_CATEGORIES)
  category: DemandCategory;

  @ApiPropertyOptional({ enum: DEMAND_PRIORITIES })
  @Omittable()
  @IsIn(DEMAND_PRIORITIES)
  priority?: DemandPriority;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @Nullable()
  @Matches(/^[a-z0-9][a-z0-9@._-]{0,99}$/, { message: 'must be lower-case letters, digits and @ . _ - (up to 100)' })
  reference?: string | null;

  @ApiPropertyOptional({ type: DeadlineInputDto, nullable: true, description: 'null removes the deadline' })
  @Nullable()
  @Nested(() => DeadlineInputDto)
  deadline?: DeadlineInputDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @Nullable()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

/**
 * Every field optional, same rules. Another `officeId` readdresses the demand; a deadline that
 * follows a term of the former office then needs a new `deadline` in the same request.
 */
export class UpdateDemandDto extends PartialType(CreateDemandDto, { skipNullProperties: false }) {}

export class ReorderDemandsDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: "Every demand of the campaign, each once, in the letter's new order",
    maxItems: 2000,
  })
  @IsArray()
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true, message: 'must be a list of UUIDs' })
  demandIds: string[];
}

/** Why a campaign cannot be sent yet. */
export const SEND_BLOCKERS = ['not_draft', 'no_letter_date', 'letter_date_in_future', 'no_demands'] as const;
export type SendBlocker = (typeof SEND_BLOCKERS)[number];

export class SendCampaignDto {
  @ApiPropertyOptional({
    description:
      'Required (true) when some demands have a deadline already past: they move to no_response, dated at their deadline, without notifying anyone',
  })
  @Omittable()
  @IsBoolean()
  confirmPastDeadlines?: boolean;
}

export class PastDeadlineDemandDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty() officeTitle: string;
  @ApiProperty({ format: 'date-time' }) deadlineAt: string;
  @ApiProperty() deadlineTimeZone: string;
}

export class SendPreviewDto {
  @ApiProperty({ type: String, nullable: true, description: "The letter's date: the demands' sent date" }) letterDate: string | null;
  @ApiProperty({ description: 'Draft demands that the send moves to sent' }) demands: number;
  @ApiProperty({ description: 'Offices they are addressed to' }) offices: number;
  @ApiProperty({ description: 'Of them, with a deadline' }) withDeadline: number;
  @ApiProperty({ type: [PastDeadlineDemandDto], description: 'Whose deadline is already past: no_response at once, silently' })
  pastDeadline: PastDeadlineDemandDto[];
  @ApiProperty({ enum: SEND_BLOCKERS, isArray: true, description: 'What must be done first (empty: the campaign can be sent)' })
  blockers: SendBlocker[];
}

export class SentCampaignDto extends SendPreviewDto {
  @ApiProperty({ description: 'Reminders planned for the campaign once sent (of demands and follow-ups, for every recipient)' })
  remindersPlanned: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the first of them goes; null when none is planned' })
  firstReminderAt: string | null;
}

export class TransitionDto {
  @ApiProperty({ enum: DEMAND_STATUSES })
  @IsIn(DEMAND_STATUSES)
  to: DemandStatus;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Why; required for a correction' })
  @Omittable()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ enum: DEMAND_STATUSES, description: 'The status the caller saw; if it changed meanwhile, 409 stale_status' })
  @Omittable()
  @IsIn(DEMAND_STATUSES)
  from?: DemandStatus;

  @ApiPropertyOptional({ description: 'Correct a mistaken status outside the transition table (coordinators; note required)' })
  @Omittable()
  @IsBoolean()
  correction?: boolean;
}
