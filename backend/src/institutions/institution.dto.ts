import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, IsUrl, Length, MaxLength, Validate } from 'class-validator';
import { PageQueryDto } from '../core/http/pagination.js';
import { IsCalendarDate, IsTimeZone, Nullable, Omittable } from '../core/http/validators.js';

/** Leading and trailing spaces never count: `'  '` is as empty as `''`. */
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** An optional text cleared with an empty string is cleared: stored as null. */
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

// ——— responses ———

export class TermDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() holderName: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'First day in office; null when unknown' })
  startsOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Last day in office; null when open or unknown' })
  endsOn: string | null;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
  @ApiProperty({ description: 'The term ends within the next 30 days (today included, UTC)' }) endsSoon: boolean;
}

export class OfficeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) institutionId: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ description: "The institution's seat: the default zone of deadlines set for this office", example: 'America/New_York' })
  seatTimeZone: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'A body of members (all Council members) rather than one officeholder' }) isCollective: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Where the facts about this office come from' }) source: string | null;
  @ApiProperty({ type: [TermDto], description: 'Every term, by start date (unknown starts first)' }) terms: TermDto[];
  @ApiProperty({
    type: () => TermDto,
    nullable: true,
    description: 'The term covering today (UTC); for a collective office, the one that began last',
  })
  currentHolder: TermDto | null;
}

export class InstitutionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) abbreviation: string | null;
  @ApiProperty({ example: 'America/New_York', description: 'IANA zone of the seat; deadlines default to it' }) seatTimeZone: string;
  @ApiProperty({ type: String, nullable: true }) website: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) officeCount: number;
}

export class InstitutionDetailDto extends InstitutionDto {
  @ApiProperty({ type: [OfficeDto], description: 'By title' }) offices: OfficeDto[];
}

export class InstitutionPageDto {
  @ApiProperty({ type: [InstitutionDto] }) items: InstitutionDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class OfficePageDto {
  @ApiProperty({ type: [OfficeDto] }) items: OfficeDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class HolderOnDayDto {
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ type: () => TermDto, nullable: true, description: 'The term covering that day; null when nobody held the office' })
  term: TermDto | null;
}

// ——— queries ———

export class ListInstitutionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or abbreviation' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class SearchOfficesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "Part of the institution's name or abbreviation, the office's title, or a holder's name" })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class HolderOnDayQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'The day asked about; today (UTC) when left out' })
  @Omittable()
  @Validate(IsCalendarDate)
  on?: string;
}

// ——— requests ———
// Create and update bodies are separate classes on purpose: class-validator skips every rule of a
// property once one of its conditions says so, and an inherited @IsOptional() would let a create
// body leave out a required field (or send it as null).

const Name = () => applyDecorators(Transform(trim), IsString(), Length(1, 200));
const Abbreviation = () => applyDecorators(Transform(trimToNull), IsString(), MaxLength(30));
const TimeZone = () => Validate(IsTimeZone);
const Website = () =>
  applyDecorators(
    Transform(trimToNull),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' }),
    MaxLength(2000),
  );
const Source = () => applyDecorators(Transform(trimToNull), IsString(), MaxLength(500));
const CalendarDate = () => Validate(IsCalendarDate);

const NAME = { minLength: 1, maxLength: 200 };
const ABBREVIATION = { type: String, nullable: true, maxLength: 30, example: 'OAS' };
const TIME_ZONE = { example: 'America/New_York', description: 'IANA time zone of the seat; deadlines default to it' };
const WEBSITE = { type: String, nullable: true, example: 'https://www.oas.org', description: 'An http(s) URL' };
const SOURCE = { type: String, nullable: true, maxLength: 500, description: 'Where the facts come from (the letter, public record)' };
const COLLECTIVE = { description: 'A body of members rather than one officeholder: its terms may overlap' };
const STARTS_ON = { type: String, format: 'date', nullable: true, description: 'First day in office; null when unknown' };
const ENDS_ON = {
  type: String,
  format: 'date',
  nullable: true,
  description: 'Last day in office, not before startsOn; null when open or unknown',
};

export class CreateInstitutionDto {
  @ApiProperty(NAME) @Name() name: string;
  @ApiPropertyOptional(ABBREVIATION) @Nullable() @Abbreviation() abbreviation?: string | null;
  @ApiProperty(TIME_ZONE) @TimeZone() seatTimeZone: string;
  @ApiPropertyOptional(WEBSITE) @Nullable() @Website() website?: string | null;
}

export class UpdateInstitutionDto {
  @ApiPropertyOptional(NAME) @Omittable() @Name() name?: string;
  @ApiPropertyOptional(ABBREVIATION) @Nullable() @Abbreviation() abbreviation?: string | null;
  @ApiPropertyOptional(TIME_ZONE) @Omittable() @TimeZone() seatTimeZone?: string;
  @ApiPropertyOptional(WEBSITE) @Nullable() @Website() website?: string | null;
}

export class CreateOfficeDto {
  @ApiProperty(NAME) @Name() title: string;
  @ApiPropertyOptional({ ...COLLECTIVE, default: false }) @Omittable() @IsBoolean() isCollective?: boolean;
  @ApiPropertyOptional(SOURCE) @Nullable() @Source() source?: string | null;
}

export class UpdateOfficeDto {
  @ApiPropertyOptional(NAME) @Omittable() @Name() title?: string;
  @ApiPropertyOptional(COLLECTIVE) @Omittable() @IsBoolean() isCollective?: boolean;
  @ApiPropertyOptional(SOURCE) @Nullable() @Source() source?: string | null;
}

export class CreateTermDto {
  @ApiProperty(NAME) @Name() holderName: string;
  @ApiPropertyOptional(STARTS_ON) @Nullable() @CalendarDate() startsOn?: string | null;
  @ApiPropertyOptional(ENDS_ON) @Nullable() @CalendarDate() endsOn?: string | null;
  @ApiPropertyOptional(SOURCE) @Nullable() @Source() source?: string | null;
}

export class UpdateTermDto {
  @ApiPropertyOptional(NAME) @Omittable() @Name() holderName?: string;
  @ApiPropertyOptional(STARTS_ON) @Nullable() @CalendarDate() startsOn?: string | null;
  @ApiPropertyOptional(ENDS_ON) @Nullable() @CalendarDate() endsOn?: string | null;
  @ApiPropertyOptional(SOURCE) @Nullable() @Source() source?: string | null;
}
