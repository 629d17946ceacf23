import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PageQueryDto } from '../core/http/pagination.js';
import { Omittable } from '../core/http/validators.js';

export const DELIVERY_KINDS = ['reminder', 'email'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** What a failed delivery was about: a reminder's follow-up or demand, or a notification. */
export const DELIVERY_SUBJECTS = ['follow_up', 'demand', 'notification'] as const;
export type DeliverySubject = (typeof DELIVERY_SUBJECTS)[number];

export class DeliveryRecipientDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class DeliveryCampaignDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

export class DeliverySubjectDto {
  @ApiProperty({ enum: DELIVERY_SUBJECTS }) type: DeliverySubject;
  @ApiProperty({ description: "The follow-up's title, the demand's text or the notification's title" }) title: string;
  @ApiProperty({ type: String, nullable: true, description: "A notification's kind (`assignment`, `reminder`…); null for a reminder" })
  notificationKind: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A dashboard path, e.g. /campaigns/<id>/follow-ups/<id>' })
  link: string | null;
  @ApiProperty({ type: DeliveryCampaignDto, nullable: true }) campaign: DeliveryCampaignDto | null;
}

export class FailedDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'The reminder or notification id' }) id: string;
  @ApiProperty({ enum: DELIVERY_KINDS }) kind: DeliveryKind;
  @ApiProperty({ type: DeliveryRecipientDto }) recipient: DeliveryRecipientDto;
  @ApiProperty({ type: DeliverySubjectDto }) subject: DeliverySubjectDto;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) failedAt: string;
}

export class FailedDeliveryPageDto {
  @ApiProperty({ type: [FailedDeliveryDto] }) items: FailedDeliveryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListFailedDeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_KINDS, description: 'Only reminders or only notification e-mails' })
  @Omittable()
  @IsIn(DELIVERY_KINDS)
  kind?: DeliveryKind;
}

export class RetriedDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DELIVERY_KINDS }) kind: DeliveryKind;
  @ApiProperty({ enum: ['pending'], description: 'Back in line: the worker sends it within seconds' }) status: 'pending';
}
