import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, WEBHOOK_EVENTS, type Locale } from '@demarche/shared';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../core/http/pagination.js';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from './webhook-delivery.entity.js';
import { Omittable } from '../core/http/validators.js';

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organizationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) campaignId: string | null;
  @ApiProperty({ example: 'https://hooks.slack.com/services/…' }) url: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, description: 'Kinds of event sent; empty: all' }) events: string[];
  @ApiProperty({ enum: LOCALES, description: 'Language of the `text` field' }) locale: Locale;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Deliveries that failed for good in the last 7 days' }) recentFailures: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** Returned when a webhook is created or its secret rotated: the only time the secret is shown. */
export class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({ description: 'Signs every delivery (HMAC-SHA256); shown only now — store it in the receiver' })
  secret: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] }) items: WebhookDto[];
}

export class CreateWebhookDto {
  @ApiProperty({ description: 'https:// (or http://) URL on a public address' })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true, description: 'Default: every kind' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `must each be one of: ${WEBHOOK_EVENTS.join(', ')}` })
  events?: string[];

  @ApiPropertyOptional({ enum: LOCALES, default: 'en' })
  @Omittable()
  @IsIn(LOCALES, { message: `must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `must each be one of: ${WEBHOOK_EVENTS.join(', ')}` })
  events?: string[];

  @ApiPropertyOptional({ enum: LOCALES })
  @Omittable()
  @IsIn(LOCALES, { message: `must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  active?: boolean;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Sent as X-Demarche-Delivery' }) id: string;
  @ApiProperty({ example: 'reminder' }) event: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status: WebhookDeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: Number, nullable: true }) lastStatusCode: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items: WebhookDeliveryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListDeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES })
  @Omittable()
  @IsIn(WEBHOOK_DELIVERY_STATUSES, { message: `must be one of: ${WEBHOOK_DELIVERY_STATUSES.join(', ')}` })
  status?: WebhookDeliveryStatus;
}
