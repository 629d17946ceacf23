import { createHash } from 'node:crypto';

/**
 * The identities of a reminder outside PostgreSQL, derived from its id so that every worker and
 * every attempt derives the same ones: its delivery job in BullMQ and its e-mail's Message-ID.
 */

/** The job id of a reminder's delivery: one per reminder, so BullMQ holds it at most once. */
export const deliveryJobId = (reminderId: string): string => `reminder-${reminderId}`;

/** The e-mail Message-ID of a reminder: a retry after a crash sends the same message, never a different one. */
export function reminderMessageId(reminderId: string, host: string): string {
  return `<reminder-${createHash('sha256').update(reminderId).digest('hex').slice(0, 32)}@${host}>`;
}
