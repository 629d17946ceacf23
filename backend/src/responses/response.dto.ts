import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  DEMAND_STATUSES,
  RESPONSE_ASSESSMENTS,
  RESPONSE_CHANNELS,
  type DemandStatus,
  type ResponseAssessment,
  type ResponseChannel,
} from '@demarche/shared';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  MaxLength,
  Validate,
} from 'class-validator';
import { PageQueryDto } from '../core/http/pagination.js';
import { IsCalendarDate, NestedArray, Nullable, Omittable } from '../core/http/validators.js';

export class StatusMoveDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  demandId: string;

  @ApiProperty({ enum: DEMAND_STATUSES })
  @IsIn(DEMAND_STATUSES)
  to: DemandStatus;
}

export class CreateResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The body that answered' })
  @IsUUID('all', { message: 'must be a UUID' })
  institutionId: string;

  @ApiProperty({ example: '2025-05-02' })
  @Validate(IsCalendarDate)
  receivedOn: string;

  @ApiProperty({ enum: RESPONSE_CHANNELS })
  @IsIn(RESPONSE_CHANNELS)
  channel: ResponseChannel;

  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @IsString()
  @Length(1, 10_000)
  summary: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Where the response can be read (http or https)' })
  @Nullable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  sourceUrl?: string | null;

  @ApiProperty({ enum: RESPONSE_ASSESSMENTS })
  @IsIn(RESPONSE_ASSESSMENTS)
  assessment: ResponseAssessment;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The demands it answers (of this campaign, addressed to this institution)' })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one demand' })
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  demandIds: string[];

  @ApiPropertyOptional({
    type: [StatusMoveDto],
    description: 'Move answered demands in the same transaction (coordinators of a lead organization); all or nothing',
  })
  @Omittable()
  @NestedArray(() => StatusMoveDto)
  @ArrayMaxSize(200)
  statusMoves?: StatusMoveDto[];
}

/** Every field optional, same rules; the institution stays, and statuses move through transitions. */
export class UpdateResponseDto extends PartialType(OmitType(CreateResponseDto, ['institutionId', 'statusMoves'] as const), {
  skipNullProperties: false,
}) {}

export class AnsweredDemandDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: DEMAND_STATUSES }) status: DemandStatus;
  @ApiProperty() officeTitle: string;
}

export class ResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ example: '2025-05-02' }) receivedOn: string;
  @ApiProperty({ enum: RESPONSE_CHANNELS }) channel: ResponseChannel;
  @ApiProperty() summary: string;
  @ApiProperty({ type: String, nullable: true }) sourceUrl: string | null;
  @ApiProperty({ enum: RESPONSE_ASSESSMENTS }) assessment: ResponseAssessment;
  @ApiProperty({ type: [AnsweredDemandDto] }) demands: AnsweredDemandDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) loggedById: string | null;
  @ApiProperty({ type: String, nullable: true }) loggedByName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ResponsePageDto {
  @ApiProperty({ type: [ResponseDto] }) items: ResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListResponsesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID('all', { message: 'must be a UUID' })
  institutionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Responses answering this demand' })
  @Omittable()
  @IsUUID('all', { message: 'must be a UUID' })
  demandId?: string;

  @ApiPropertyOptional({ enum: RESPONSE_ASSESSMENTS })
  @Omittable()
  @IsIn(RESPONSE_ASSESSMENTS)
  assessment?: ResponseAssessment;

  @ApiPropertyOptional({ description: 'Words of the summary' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  q?: string;
}
