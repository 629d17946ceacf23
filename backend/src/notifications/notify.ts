import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import type { NotificationDto } from './notification.dto.js';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  campaignId?: string | null;
  /** The event's identity: the same key never makes a second notification. */
  dedupeKey: string;
}

export interface StoredNotification {
  userId: string;
  notification: NotificationDto;
}

/** The Redis channel through which every API process hears of new notifications. */
export const notificationsChannel = (redisPrefix: string): string => `${redisPrefix}:notifications`;

/**
 * Stores an in-app notification inside the caller's transaction, at most once per `dedupeKey`.
 * Returns it when it is new (publish it after the transaction commits), null when it existed.
 */
export async function storeNotification(manager: EntityManager, n: NewNotification): Promise<StoredNotification | null> {
  const rows: { id: string; created_at: Date }[] = await manager.query(
    `INSERT INTO notifications (user_id, kind, title, body, link, campaign_id, dedupe_key) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, created_at`,
    [n.userId, n.kind, n.title, n.body ?? '', n.link ?? null, n.campaignId ?? null, n.dedupeKey],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    userId: n.userId,
    notification: {
      id: row.id,
      kind: n.kind,
      title: n.title,
      body: n.body ?? '',
      link: n.link ?? null,
      campaignId: n.campaignId ?? null,
      readAt: null,
      createdAt: row.created_at.toISOString(),
    },
  };
}

/** Tells every API process (and so every open stream of that user) about stored notifications. */
export async function publishNotifications(redis: Redis, redisPrefix: string, stored: (StoredNotification | null)[]): Promise<void> {
  for (const s of stored) if (s) await redis.publish(notificationsChannel(redisPrefix), JSON.stringify(s));
}
