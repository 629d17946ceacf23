import {
  DEFAULT_REMINDER_POLICY,
  isDemandAwaitingAnswer,
  planReminders,
  type DemandStatus,
  type Locale,
  type ReminderPolicy,
} from '@demarche/shared';
import type { EntityManager } from 'typeorm';
import { OPEN_FOLLOW_UPS } from '../follow-ups/follow-up.entity.js';
import type { ReminderSubject } from './reminder.entity.js';

interface SubjectState {
  campaign_id: string;
  due_at: Date | null;
  live: boolean;
  campaign_status: string;
  reminder_policy: ReminderPolicy | null;
}

/**
 * Rewrites the pending reminders of one deadline from its current state, inside the caller's
 * transaction (DESIGN.md, "Reminders", rule 1): pending rows are cancelled, then the reminders
 * still to come are written for each recipient in their own time zone. A deadline that is done,
 * cancelled, answered or in a campaign that is not active gets none.
 *
 * Who is reminded: for a follow-up, its assignee, or else the active coordinators and members of
 * the assigned organization; for a demand, the active coordinators of the campaign's lead
 * organizations.
 */
export async function replanReminders(
  manager: EntityManager,
  subjectType: ReminderSubject,
  subjectId: string,
  now = new Date(),
): Promise<number> {
  await manager.query(
    `UPDATE reminders SET status = 'cancelled', updated_at = now() WHERE subject_type = $1 AND subject_id = $2 AND status = 'pending'`,
    [subjectType, subjectId],
  );
  const state = subjectType === 'follow_up' ? await followUpState(manager, subjectId) : await demandState(manager, subjectId);
  if (!state || !state.live || !state.due_at || state.campaign_status !== 'active') return 0;
  const recipients: { id: string; time_zone: string }[] =
    subjectType === 'follow_up'
      ? await manager.query(
          `SELECT u.id, u.time_zone FROM follow_ups f JOIN users u
             ON (f.assignee_id IS NOT NULL AND u.id = f.assignee_id)
             OR (f.assignee_id IS NULL AND u.organization_id = f.organization_id AND u.role IN ('coordinator', 'member'))
           WHERE f.id = $1 AND u.disabled_at IS NULL`,
          [subjectId],
        )
      : await leadCoordinators(manager, state.campaign_id);
  const policy = { ...DEFAULT_REMINDER_POLICY, ...(state.reminder_policy ?? {}) };
  const rows = recipients.flatMap((r) =>
    planReminders(state.due_at!, r.time_zone, policy, now).map((p) => [
      subjectType,
      subjectId,
      state.campaign_id,
      r.id,
      p.kind,
      p.offsetDays,
      state.due_at,
      p.fireAt,
    ]),
  );
  if (rows.length === 0) return 0;
  const values = rows.map((_, i) => `(${Array.from({ length: 8 }, (__, j) => `$${i * 8 + j + 1}`).join(', ')})`).join(', ');
  await manager.query(
    `INSERT INTO reminders (subject_type, subject_id, campaign_id, recipient_id, kind, offset_days, due_at, fire_at) VALUES ${values}`,
    rows.flat(),
  );
  return rows.length;
}

export interface Recipient {
  id: string;
  email: string;
  locale: Locale;
  time_zone: string;
}

/** The active coordinators of a campaign's lead organizations: who hears about its demands and escalations. */
export async function leadCoordinators(
  db: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  campaignId: string,
): Promise<Recipient[]> {
  return (await db.query(
    `SELECT u.id, u.email, u.locale, u.time_zone FROM campaign_organizations co JOIN users u ON u.organization_id = co.organization_id
     WHERE co.campaign_id = $1 AND co.role = 'lead' AND u.role = 'coordinator' AND u.disabled_at IS NULL`,
    [campaignId],
  )) as Recipient[];
}

/** Replans every deadline of a campaign (its status changed). */
export async function replanCampaignReminders(manager: EntityManager, campaignId: string, now = new Date()): Promise<void> {
  const subjects: { type: ReminderSubject; id: string }[] = await manager.query(
    `SELECT 'follow_up' AS type, id FROM follow_ups WHERE campaign_id = $1 AND status IN ${OPEN_FOLLOW_UPS}
     UNION ALL SELECT 'demand', id FROM demands WHERE campaign_id = $1 AND deadline_at IS NOT NULL
     UNION ALL SELECT DISTINCT subject_type, subject_id FROM reminders WHERE campaign_id = $1 AND status = 'pending'`,
    [campaignId],
  );
  const seen = new Set<string>();
  for (const s of subjects) {
    if (seen.has(`${s.type}:${s.id}`)) continue;
    seen.add(`${s.type}:${s.id}`);
    await replanReminders(manager, s.type, s.id, now);
  }
}

async function followUpState(manager: EntityManager, id: string): Promise<SubjectState | undefined> {
  const [row] = (await manager.query(
    `SELECT f.campaign_id, f.due_at, f.status IN ${OPEN_FOLLOW_UPS} AS live, c.status AS campaign_status, c.reminder_policy
     FROM follow_ups f JOIN campaigns c ON c.id = f.campaign_id WHERE f.id = $1`,
    [id],
  )) as SubjectState[];
  return row;
}

async function demandState(manager: EntityManager, id: string): Promise<SubjectState | undefined> {
  const [row] = (await manager.query(
    `SELECT d.campaign_id, d.deadline_at AS due_at, d.status, c.status AS campaign_status, c.reminder_policy
     FROM demands d JOIN campaigns c ON c.id = d.campaign_id WHERE d.id = $1`,
    [id],
  )) as (SubjectState & { status: DemandStatus })[];
  return row && { ...row, live: isDemandAwaitingAnswer(row.status) };
}

/**
 * Replans every deadline a person has reminders for (their time zone changed: "09:00" is now
 * another instant), inside the caller's transaction.
 */
export async function replanRecipientReminders(manager: EntityManager, userId: string, now = new Date()): Promise<void> {
  const subjects: { subject_type: ReminderSubject; subject_id: string }[] = await manager.query(
    `SELECT DISTINCT subject_type, subject_id FROM reminders WHERE recipient_id = $1 AND status = 'pending'`,
    [userId],
  );
  for (const s of subjects) await replanReminders(manager, s.subject_type, s.subject_id, now);
}
