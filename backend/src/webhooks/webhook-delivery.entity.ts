import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity, oneOf } from '../core/database/columns.js';
import { Webhook } from './webhook.entity.js';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One event for one webhook: written in the transaction of the event (an outbox), delivered by
 * the worker. `(webhook, eventKey)` is unique, so an event reaches a webhook at most once as a
 * row; the row's id is the `X-Demarche-Delivery` header a receiver deduplicates on.
 */
@Entity('webhook_deliveries')
@Check('webhook_deliveries_status_check', oneOf('status', WEBHOOK_DELIVERY_STATUSES))
@Index('webhook_deliveries_event_key', ['webhookId', 'eventKey'], { unique: true })
@Index('webhook_deliveries_webhook_id_created_at_idx', ['webhookId', 'createdAt', 'id'])
@Index('webhook_deliveries_pending_idx', ['createdAt'], { where: `"status" = 'pending'` })
export class WebhookDelivery extends BaseEntity {
  @Column({ type: 'uuid' })
  webhookId: string;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'webhook_deliveries_webhook_id_fkey' })
  webhook?: Relation<Webhook>;

  @Column({ type: 'text' })
  eventKey: string;

  @Column({ type: 'text' })
  event: string;

  /** The JSON body sent, fixed when the event happened. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** The receiver's last HTTP status, if it answered. */
  @Column({ type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
