/**
 * Queue and job names, each mapped to its payload type. Producers and processors both import
 * these, so a name typo or a payload mismatch is a compile error.
 */
export const QUEUES = {
  maintenance: 'maintenance',
  mail: 'mail',
  reminders: 'reminders',
  notifications: 'notifications',
  webhooks: 'webhooks',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  maintenance: {
    /** The worker records that it is alive, for /api/health. */
    heartbeat: { at?: never };
  };
  mail: {
    /** One rendered message. Links only, never a password or session token. */
    send: MailMessage;
  };
  reminders: {
    /** Move reminders due soon from PostgreSQL into BullMQ (and re-enqueue any overdue). */
    sweep: Record<string, never>;
    /** Deliver one reminder; the job id is derived from the reminder id. */
    deliver: { reminderId: string };
  };
  notifications: {
    /** Enqueue e-mails and webhook deliveries still pending; send the daily digests now due. */
    sweep: Record<string, never>;
    /** Send one notification's e-mail (the job id is derived from the notification). */
    email: { notificationId: string };
  };
  webhooks: {
    /** POST one webhook delivery (the job id is derived from the delivery). */
    deliver: { deliveryId: string };
  };
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per message, so a retried send is recognizably the same message. */
  messageId: string;
}

/** Fixed ids of the job schedulers the worker keeps (upserted at start; one per id cluster-wide). */
export const SCHEDULERS = {
  heartbeat: 'maintenance:heartbeat',
  reminderSweep: 'reminders:sweep',
  notificationSweep: 'notifications:sweep',
} as const;

export const HEARTBEAT_EVERY_MS = 30_000;

/**
 * Reminder deliveries run at once per worker process (the reminders processor's concurrency; the
 * worker's database pool keeps this many connections open for them). A delivery spends most of
 * its time waiting on PostgreSQL and the SMTP server, not on the CPU; at 8, two workers fell
 * behind 10,000 reminders due in one minute (docs/performance.md). Each holds a database
 * connection while it runs.
 */
export const REMINDER_DELIVERY_CONCURRENCY = 16;

/** Redis key (under the configured prefix) where the worker's heartbeat lives. */
export const heartbeatKey = (prefix: string): string => `${prefix}:worker:heartbeat`;

/**
 * The options of every job that delivers something (a reminder, an e-mail, a webhook POST):
 * retried with exponential backoff, and its record kept an hour when done and a day when failed
 * (by age: a count would trim the queue's whole set, other jobs' records included).
 */
export function deliveryJobOptions(config: { deliveryAttempts: number; deliveryRetryMs: number }) {
  return {
    attempts: config.deliveryAttempts,
    backoff: { type: 'exponential', delay: config.deliveryRetryMs },
    removeOnComplete: { age: 3600 },
    removeOnFail: { age: 24 * 3600 },
  };
}
