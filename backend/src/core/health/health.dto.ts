import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DependencyHealthDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiProperty({ description: 'host:port checked (never credentials)', example: 'localhost:5432' })
  address: string;

  @ApiPropertyOptional({ description: 'Why it is down', example: 'ECONNREFUSED' })
  message?: string;
}

export class WorkerHealthDto {
  @ApiProperty({
    enum: ['up', 'stale', 'unknown'],
    description: 'From the heartbeat the worker writes every 30 s. Informational: it does not change the status code.',
  })
  status: 'up' | 'stale' | 'unknown';

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastSeenAt: string | null;
}

export class HealthChecksDto {
  @ApiProperty({ type: DependencyHealthDto })
  database: DependencyHealthDto;

  @ApiProperty({ type: DependencyHealthDto })
  redis: DependencyHealthDto;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status: 'ok' | 'unavailable';

  @ApiProperty({ example: '0.1.0' })
  version: string;

  @ApiProperty({ type: HealthChecksDto })
  checks: HealthChecksDto;

  @ApiProperty({ type: WorkerHealthDto })
  worker: WorkerHealthDto;
}
