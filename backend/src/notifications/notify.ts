import { channelsWithDefaults, type Locale, type NotificationKind } from '@demarche/shared';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import type { RenderedMail } from '../core/mail/mail-layout.js';
import type { WebhookEvent } from '../webhooks/webhook-outbox.js';
import { queryPrepared } from '../core/database/prepared.js';
import type { EmailStatus } from './notification.entity.js';
import type { NotificationDto } from './notification.dto.js';

/**
 * Something happened that people should hear of: a deadline came near, a body answered, a demand
 * moved. Producers call `EventRecorder.record` (event-recorder.ts) inside the transaction of the change; it writes, per
 * person and according to their preferences, the in-app notification and the e-mail to send
 * (the notification row is the e-mail's outbox), and one delivery per interested webhook. After
 * the commit, `Dispatcher.dispatch` pushes the in-app ones live and enqueues the rest; the
 * worker's sweep enqueues again whatever is still pending, so a crash in between loses nothing.
 */
export interface NotificationEvent extends WebhookEvent {
  /** People to tell (the actor, disabled users and those who muted the campaign are left out). */
  recipientIds: string[];
  /** Who did it, if a person did: never told of their own act. */
  actorId?: string | null;
  /** History (a deadline long past): recorded in the dashboard only; no e-mail, no webhook. */
  quiet?: boolean;
}

export interface StoredNotification {
  userId: string;
  notification: NotificationDto;
}

/** What a transaction recorded, to hand to `Dispatcher.dispatch` once it has committed. */
export interface Recorded {
  /** New in-app notifications, to push live. */
  notifications: StoredNotification[];
  /** Notifications whose e-mail is to go now. */
  emailIds: string[];
  /** Webhook deliveries to make. */
  deliveryIds: string[];
}

export const nothingRecorded = (): Recorded => ({ notifications: [], emailIds: [], deliveryIds: [] });

export function mergeRecorded(...all: Recorded[]): Recorded {
  return {
    notifications: all.flatMap((r) => r.notifications),
    emailIds: all.flatMap((r) => r.emailIds),
    deliveryIds: all.flatMap((r) => r.deliveryIds),
  };
}

/** One person's channels for one kind of event in one campaign, from their preferences. */
export interface Audience {
  userId: string;
  email: string;
  locale: Locale;
  timeZone: string;
  inApp: boolean;
  /** `now`: one e-mail now; `digest`: in the next daily digest; `off`: none. */
  mail: 'now' | 'digest' | 'off';
}

/** The people among `userIds` to tell of a `kind` event in a campaign, with their channels. */
export async function audience(manager: EntityManager, userIds: string[], campaignId: string, kind: NotificationKind): Promise<Audience[]> {
  if (userIds.length === 0) return [];
  const rows: {
    id: string;
    email: string;
    locale: Locale;
    time_zone: string;
    channels: Record<string, { email?: boolean; inApp?: boolean }> | null;
    digest: string | null;
  }[] = await manager.query(
    `SELECT u.id, u.email, u.locale, u.time_zone, p.channels, p.digest
     FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
     WHERE u.id = ANY($1::uuid[]) AND u.disabled_at IS NULL AND NOT ($2::uuid = ANY(COALESCE(p.muted_campaign_ids, '{}')))
     ORDER BY u.id`,
    [[...new Set(userIds)], campaignId],
  );
  return rows.map((r) => ({ userId: r.id, email: r.email, locale: r.locale, timeZone: r.time_zone, ...channelsFor(r, kind) }));
}

/** How one person hears of a `kind` event, from their preferences row (null: the defaults). */
export function channelsFor(
  preferences: { channels: Record<string, { email?: boolean; inApp?: boolean }> | null; digest: string | null } | null,
  kind: NotificationKind,
): Pick<Audience, 'inApp' | 'mail'> {
  const c = channelsWithDefaults(preferences?.channels)[kind];
  return { inApp: c.inApp, mail: !c.email ? 'off' : preferences?.digest === 'daily' ? 'digest' : 'now' };
}

/** The parameters `storeNotification`'s statement takes; an `along` statement numbers its own after them. */
export const NOTIFICATION_PARAMETERS = 10;

/** One person's notification, to store. */
export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  link?: string | null;
  campaignId?: string | null;
  dedupeKey: string;
  inApp?: boolean;
  emailStatus?: EmailStatus;
  mail?: RenderedMail | null;
}

/**
 * Stores one person's notification inside the caller's transaction, at most once per
 * `dedupeKey`. Returns null when it existed already (the event was recorded before).
 *
 * `along`: one more data-modifying statement for the same round trip, run as a `WITH` clause of
 * the insert (whether or not the notification existed); its parameters start at
 * `$${NOTIFICATION_PARAMETERS + 1}`. The two are one prepared statement named after it (its
 * text must be the same at every call). A reminder's delivery marks itself sent this way.
 */
export async function storeNotification(
  manager: EntityManager,
  n: NewNotification,
  along?: { name: string; sql: string; values: unknown[] },
  /** Run as a named prepared statement under this name (a hot path's; the same name, the same options). */
  preparedAs?: string,
  /**
   * `async`: the statement commits on its own without waiting for its WAL flush — for a caller
   * that writes the same row again if a database crash loses it (a reminder's delivery claims,
   * stores and sends again, by the same keys).
   */
  commit: 'sync' | 'async' = 'sync',
): Promise<{ id: string; stored: StoredNotification | null } | null> {
  const inApp = n.inApp ?? true;
  const text = `${along ? `WITH along AS (${along.sql}) ` : ''}INSERT INTO notifications (user_id, kind, title, body, link, campaign_id, dedupe_key, in_app, email_status, mail, read_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $8 THEN NULL ELSE now() END)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, created_at${commit === 'async' ? `, set_config('synchronous_commit', 'off', true) AS _commit` : ''}`;
  const values = [
    n.userId,
    n.kind,
    n.title,
    n.body ?? '',
    n.link ?? null,
    n.campaignId ?? null,
    n.dedupeKey,
    inApp,
    n.emailStatus ?? 'none',
    n.mail ? JSON.stringify(n.mail) : null,
    ...(along?.values ?? []),
  ];
  const rows: { id: string; created_at: Date }[] = along
    ? await queryPrepared(manager, `store-notification-with-${along.name}${commit === 'async' ? '-async' : ''}`, text, values)
    : preparedAs
      ? await queryPrepared(manager, preparedAs, text, values)
      : await manager.query(text, values);
  const row = rows[0];
  return row ? { id: row.id, stored: inApp ? storedFrom(n, row) : null } : null;
}

/**
 * Stores notifications of many people, each at most once per `dedupeKey`, in one statement (on
 * `manager`'s connection, outside any transaction, it commits on its own without waiting for its WAL flush, as `storeNotification`'s `async`): for
 * reminder deliveries running together (a `GroupCommit`), which write the same rows again if a
 * database crash loses them. Answers, per notification, what `storeNotification` does.
 */
export async function storeNotificationsTogether(
  manager: EntityManager,
  all: NewNotification[],
): Promise<({ id: string; stored: StoredNotification | null } | null)[]> {
  const rows = await queryPrepared<{ id: string; created_at: Date; dedupe_key: string }>(
    manager,
    'store-notifications-together',
    `INSERT INTO notifications (user_id, kind, title, body, link, campaign_id, dedupe_key, in_app, email_status, mail, read_at)
     SELECT n.user_id, n.kind, n.title, n.body, n.link, n.campaign_id, n.dedupe_key, n.in_app, n.email_status, n.mail,
            CASE WHEN n.in_app THEN NULL ELSE now() END
     FROM jsonb_to_recordset($1::jsonb) AS n(user_id uuid, kind text, title text, body text, link text, campaign_id uuid,
                                             dedupe_key text, in_app boolean, email_status text, mail jsonb)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, created_at, dedupe_key, set_config('synchronous_commit', 'off', true) AS _commit`,
    [
      JSON.stringify(
        all.map((n) => ({
          user_id: n.userId,
          kind: n.kind,
          title: n.title,
          body: n.body ?? '',
          link: n.link ?? null,
          campaign_id: n.campaignId ?? null,
          dedupe_key: n.dedupeKey,
          in_app: n.inApp ?? true,
          email_status: n.emailStatus ?? 'none',
          mail: n.mail ?? null,
        })),
        // As node-postgres sends text (a lone surrogate becomes U+FFFD), not as an escape that
        // jsonb refuses and that would fail the statement for every notification in it.
        (_key, value: unknown) => (typeof value === 'string' ? value.replace(LONE_SURROGATE, '\uFFFD') : value),
      ),
    ],
  );
  const byKey = new Map(rows.map((r) => [r.dedupe_key, r]));
  return all.map((n) => {
    const row = byKey.get(n.dedupeKey);
    return row ? { id: row.id, stored: (n.inApp ?? true) ? storedFrom(n, row) : null } : null;
  });
}

/** In a `u` regular expression, a surrogate not paired with another (a pair is one code point). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** The in-app notification as its person's dashboard receives it. */
function storedFrom(n: NewNotification, row: { id: string; created_at: Date }): StoredNotification {
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

/**
 * An event (a deadline passing, an escalation level reached) older than this is history: it is
 * recorded `quiet` — e-mailing nobody — so loaded or long-past data sets off no burst.
 */
export const HISTORY_AFTER_MS = 2 * 86_400_000;

/** The Redis channel through which every API process hears of new notifications. */
export const notificationsChannel = (redisPrefix: string): string => `${redisPrefix}:notifications`;

/** Tells every API process (and so every open stream of that user) about stored notifications. */
export async function publishNotifications(redis: Redis, redisPrefix: string, stored: (StoredNotification | null)[]): Promise<void> {
  for (const s of stored) if (s) await redis.publish(notificationsChannel(redisPrefix), JSON.stringify(s));
}
