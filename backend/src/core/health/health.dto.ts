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
    enum: ['up', 'down', 'stale', 'unknown'],
    description:
      '`down`: no worker process is connected to Redis (seen within a second of a crash). `up`: one is, and a worker ' +
      'ran the heartbeat job (every 30 s) within the last 90 s. `stale`: one is connected but no heartbeat for 90 s ' +
      '(starting, or stuck). `unknown`: Redis could not say. Informational: it does not change the status code.',
  })
  status: 'up' | 'down' | 'stale' | 'unknown';

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The last heartbeat, kept for 90 s' })
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
