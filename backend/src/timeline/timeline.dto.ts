import { ApiProperty } from '@nestjs/swagger';

export class TimelineEntryDto {
  @ApiProperty({ description: 'Increasing with each change written' }) id: string;
  @ApiProperty({ example: 'demand.status_changed' }) action: string;
  @ApiProperty({ example: 'demand' }) subjectType: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) subjectId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the system or an import' }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: Object, nullable: true, additionalProperties: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true, additionalProperties: true }) after: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time', description: 'When it happened (for imported history, when it really happened)' }) occurredAt: string;
}

export class TimelinePageDto {
  @ApiProperty({ type: [TimelineEntryDto] }) items: TimelineEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
