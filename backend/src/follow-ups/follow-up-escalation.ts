import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../core/database/transaction.js';
import { escalationMail } from './follow-up-mails.js';
import { Dispatcher } from '../notifications/dispatcher.js';
import { HISTORY_AFTER_MS } from '../notifications/notify.js';
import { leadCoordinators } from '../reminders/reminder-planner.js';
import { OPEN_FOLLOW_UPS } from './follow-up.entity.js';
import { EventRecorder } from '../notifications/event-recorder.js';

const DAY_MS = 86_400_000;
/** Days overdue before the first escalation, when the campaign's reminder policy sets none. */
export const DEFAULT_ESCALATE_AFTER_DAYS = 3;
/** Follow-ups escalated per sweep at most; the rest wait for the next sweep, in due order. */
const ESCALATION_BATCH = 500;

/**
 * The follow-ups' escalation rule (DESIGN.md, "Reminders"): run by the worker's reminder sweep
 * (`RemindersProcessor.sweep`), which only schedules it.
 */
@Injectable()
export class FollowUpEscalation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: Dispatcher,
    private readonly events: EventRecorder,
  ) {}

  /**
   * A follow-up overdue by the campaign's `escalateAfterDays` (default 3) notifies the campaign's
   * lead coordinators, once per level (level 2 at twice the delay, and so on): the notification's
   * dedupe key holds the level, and the e-mail goes only with a newly stored notification. A level
   * crossed long ago (history) is recorded silently, with no e-mail. Returns how many follow-ups
   * it moved to their current level (at most `batch`).
   */
  async escalateOverdue(now = new Date(), batch = ESCALATION_BATCH): Promise<number> {
    // Candidates: open work overdue by at least one escalation delay whose current level (whole
    // delays overdue) has not been recorded yet for this due time.
    const rows: {
      id: string;
      title: string;
      due_at: Date;
      campaign_id: string;
      organization_id: string;
      campaign_title: string;
      organization_name: string;
      after_days: number;
      level: number;
    }[] = await this.dataSource.query(
      `SELECT f.id, f.title, f.due_at, f.campaign_id, f.organization_id, c.title AS campaign_title, o.name AS organization_name,
              p.after_days, p.level
         FROM follow_ups f JOIN campaigns c ON c.id = f.campaign_id JOIN organizations o ON o.id = f.organization_id
         CROSS JOIN LATERAL (SELECT GREATEST(1, COALESCE((c.reminder_policy->>'escalateAfterDays')::int, $2)) AS after_days) a
         CROSS JOIN LATERAL (
           SELECT a.after_days,
                  floor(floor(extract(epoch FROM $1::timestamptz - f.due_at) / 86400) / a.after_days)::int AS level) p
         WHERE f.status IN ${OPEN_FOLLOW_UPS} AND c.status = 'active' AND f.due_at < $1::timestamptz - make_interval(days => 1)
           AND p.level >= 1
           AND (f.escalated_due_at IS DISTINCT FROM f.due_at OR f.escalated_level IS NULL OR f.escalated_level < p.level)
         ORDER BY f.due_at LIMIT $3`,
      [now, DEFAULT_ESCALATE_AFTER_DAYS, batch],
    );
    for (const f of rows) {
      const overdueDays = Math.floor((now.getTime() - f.due_at.getTime()) / DAY_MS);
      const level = f.level;
      const crossedAt = f.due_at.getTime() + level * f.after_days * DAY_MS;
      const coordinators = await leadCoordinators(this.dataSource, f.campaign_id);
      const result = await inTransaction(this.dataSource, (manager) =>
        this.events
          .record(manager, {
            kind: 'escalation',
            // One per level: level 2 is a new event, the same level never again.
            key: `escalation:${f.id}:${f.due_at.toISOString()}:${level}`,
            campaignId: f.campaign_id,
            campaignTitle: f.campaign_title,
            recipientIds: coordinators.map((c) => c.id),
            organizationIds: [f.organization_id],
            link: `/campaigns/${f.campaign_id}/follow-ups/${f.id}`,
            render: (locale, timeZone, link) => {
              const mail = escalationMail(locale, {
                title: f.title,
                organizationName: f.organization_name,
                campaignTitle: f.campaign_title,
                overdueDays,
                dueAt: f.due_at,
                timeZone,
                link,
              });
              return { title: mail.subject, body: f.title, mail };
            },
            data: {
              followUpId: f.id,
              title: f.title,
              organizationName: f.organization_name,
              dueAt: f.due_at.toISOString(),
              overdueDays,
              level,
            },
            // A level crossed long ago is history: recorded, but it e-mails nobody.
            quiet: now.getTime() - crossedAt > HISTORY_AFTER_MS,
          })
          .then(async (result) => {
            // Done with this level: the next sweep moves on to the follow-ups behind it. Unless the due
            // time changed meanwhile (compared to the millisecond, as JavaScript holds it): then the
            // next sweep counts from the new one.
            await manager.query(
              `UPDATE follow_ups SET escalated_level = $2, escalated_due_at = due_at WHERE id = $1 AND date_trunc('milliseconds', due_at) = $3`,
              [f.id, level, f.due_at],
            );
            return result;
          }),
      );
      await this.dispatcher.dispatch(result);
    }
    return rows.length;
  }
}
