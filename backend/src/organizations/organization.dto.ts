import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@demarche/shared';
import { IsEmail, IsIn, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../core/http/pagination.js';
import { Nullable, Omittable } from '../core/http/validators.js';

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2' }) country: string | null;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: OrganizationKind;
  @ApiProperty({ type: String, nullable: true }) contactEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) website: string | null;
  @ApiProperty({ description: 'Demo or example data' }) isExample: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OrganizationPageDto {
  @ApiProperty({ type: [OrganizationDto] }) items: OrganizationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListOrganizationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name' })
  @Omittable()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CreateOrganizationDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'SV' })
  @Nullable()
  @Matches(/^[A-Z]{2}$/, { message: 'must be a two-letter country code such as SV' })
  country?: string | null;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @Omittable()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable()
  @IsEmail({}, { message: 'must be an e-mail address' })
  contactEmail?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  website?: string | null;
}

/** Every field optional; the same rules as creation. */
export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto, { skipNullProperties: false }) {}
