import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { PageQueryDto } from '../core/http/pagination.js';

/** An organization as anyone who may invite it sees it: its name, nothing about it or its people. */
export class OrganizationNameDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class OrganizationNamePageDto {
  @ApiProperty({ type: [OrganizationNameDto] }) items: OrganizationNameDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class FindOrganizationNamesQueryDto extends PageQueryDto {
  @ApiProperty({ minLength: 1, maxLength: 100, description: 'Part of the name' })
  @IsString()
  @Length(1, 100)
  q: string;
}
