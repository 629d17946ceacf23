import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { MILESTONE_KINDS, type MilestoneKind } from '@demarche/shared';
import { IsIn, IsString, Length, Matches, MaxLength, Validate } from 'class-validator';
import { PageQueryDto } from '../core/http/pagination.js';
import { IsCalendarDate, IsTimeZone, Nullable, Omittable } from '../core/http/validators.js';

export class MilestoneDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ enum: MILESTONE_KINDS }) kind: MilestoneKind;
  @ApiProperty({ example: '2025-06-16', description: 'The calendar day, in timeZone' }) occursOn: string;
  @ApiProperty({ example: 'Europe/Zurich' }) timeZone: string;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
  @ApiProperty({ description: 'Demands whose deadline follows this milestone' }) demandCount: number;
}

export class MilestonePageDto {
  @ApiProperty({ type: [MilestoneDto] }) items: MilestoneDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListMilestonesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MILESTONE_KINDS })
  @Omittable()
  @IsIn(MILESTONE_KINDS)
  kind?: MilestoneKind;
}

export class CreateMilestoneDto {
  @ApiProperty({ minLength: 1, maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiPropertyOptional({ enum: MILESTONE_KINDS })
  @Omittable()
  @IsIn(MILESTONE_KINDS)
  kind?: MilestoneKind;

  @ApiProperty({ example: '2025-06-16', description: 'The calendar day where it happens; moving it moves the deadlines that follow it' })
  @Validate(IsCalendarDate)
  occursOn: string;

  @ApiProperty({ example: 'Europe/Zurich' })
  @Validate(IsTimeZone)
  timeZone: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @Nullable()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/, { message: 'must be lower-case letters, digits and . _ - (up to 100)' })
  reference?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @Nullable()
  @IsString()
  @MaxLength(1000)
  source?: string | null;
}

/** Every field optional, same rules. */
export class UpdateMilestoneDto extends PartialType(CreateMilestoneDto, { skipNullProperties: false }) {}
