import type { EntityManager } from 'typeorm';
import { replanRecipientReminders } from '../reminders/reminder-planner.js';

/**
 * The one place a person's time zone changes, in the caller's transaction: "09:00 where you are"
 * is another instant in another zone, so their pending reminders are replanned with it. Nothing
 * happens when the zone is the one they have. Answers whether it changed.
 */
export async function setTimeZone(manager: EntityManager, userId: string, timeZone: string): Promise<boolean> {
  const changed = (await manager.query(`UPDATE users SET time_zone = $2 WHERE id = $1 AND time_zone IS DISTINCT FROM $2 RETURNING id`, [
    userId,
    timeZone,
  ])) as [unknown[], number];
  if (changed[1] === 0) return false;
  await replanRecipientReminders(manager, userId);
  return true;
}
