import { deadlineForDay } from '@demarche/shared';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { SqlFilters } from '../core/database/sql-filters.js';
import { replanReminders } from '../reminders/reminder-planner.js';

/**
 * The one place a demand's deadline moves once it exists: whatever moved it — a coordinator's
 * edit, a milestone moved, an officeholder's term given another end — the row is written and its
 * reminders replanned here, in the caller's transaction. (A status move, the other thing a
 * demand's reminders follow, has its own one place: `DemandTransitions.move`.)
 */
export interface DeadlineMove {
  id: string;
  deadlineAt: Date | null;
  /** Set to rebind the deadline (null: a fixed date); left out, the binding stays. */
  milestoneId?: string | null;
  termId?: string | null;
  timeZone?: string | null;
}

/** Writes each demand's new deadline (and binding) and replans its reminders. */
export async function moveDeadlines(manager: EntityManager, moves: DeadlineMove[]): Promise<void> {
  for (const move of moves) {
    const sql = new SqlFilters(move.id);
    const columns = [`deadline_at = ${sql.param(move.deadlineAt)}`];
    if (move.milestoneId !== undefined) columns.push(`deadline_milestone_id = ${sql.param(move.milestoneId)}`);
    if (move.termId !== undefined) columns.push(`deadline_term_id = ${sql.param(move.termId)}`);
    if (move.timeZone !== undefined) columns.push(`deadline_time_zone = ${sql.param(move.timeZone)}`);
    await manager.query(`UPDATE demands SET ${columns.join(', ')}, updated_at = now() WHERE id = $1`, sql.params);
    await replanReminders(manager, 'demand', move.id);
  }
}

/**
 * A milestone now falls on `occursOn` in `timeZone`: the deadlines that follow it move with it.
 * Returns how many moved.
 */
export async function followMilestone(manager: EntityManager, milestoneId: string, occursOn: string, timeZone: string): Promise<number> {
  const bound: { id: string }[] = await manager.query(`SELECT id FROM demands WHERE deadline_milestone_id = $1 ORDER BY id FOR UPDATE`, [
    milestoneId,
  ]);
  const at = deadlineForDay(occursOn, timeZone);
  await moveDeadlines(
    manager,
    bound.map((d) => ({ id: d.id, deadlineAt: at, timeZone })),
  );
  return bound.length;
}

/**
 * Keeps deadlines bound to a term's end in step with it (the directory calls this when a term's
 * end date changes), each move audited. Without an end date, the deadlines keep their last date,
 * no longer bound.
 */
export async function followTermEnd(manager: EntityManager, actorId: string, termId: string, endsOn: string | null): Promise<void> {
  const bound: { id: string; campaign_id: string; deadline_at: Date; deadline_time_zone: string }[] = await manager.query(
    `SELECT id, campaign_id, deadline_at, deadline_time_zone FROM demands WHERE deadline_term_id = $1 ORDER BY id FOR UPDATE`,
    [termId],
  );
  for (const d of bound) {
    const at = endsOn ? deadlineForDay(endsOn, d.deadline_time_zone) : d.deadline_at;
    await moveDeadlines(manager, [{ id: d.id, deadlineAt: at, ...(endsOn ? {} : { termId: null }) }]);
    await recordAudit(manager, {
      action: 'demand.deadline_moved',
      subjectType: 'demand',
      subjectId: d.id,
      campaignId: d.campaign_id,
      actorId,
      before: { deadlineAt: d.deadline_at.toISOString(), termId },
      after: { deadlineAt: at.toISOString(), termId: endsOn ? termId : null, reason: 'the term’s end date changed' },
    });
  }
}
