import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../core/database/transaction.js';
import { noResponseMail } from './demand-mails.js';
import { Dispatcher } from '../notifications/dispatcher.js';
import { HISTORY_AFTER_MS, mergeRecorded } from '../notifications/notify.js';
import { leadCoordinators } from '../reminders/reminder-planner.js';
import { AWAITING_ANSWER } from './demand.entity.js';
import { DemandTransitions } from './demand-transition.js';
import { EventRecorder } from '../notifications/event-recorder.js';

/** Demand `d` awaits an answer, its deadline passed before `$1`, and no response answers it. */
const UNANSWERED_PAST_DEADLINE = `d.status IN ${AWAITING_ANSWER} AND d.deadline_at < $1
  AND NOT EXISTS (SELECT 1 FROM response_demands rd WHERE rd.demand_id = d.id)`;

/**
 * The demands' no-response rule (DESIGN.md, "Reminders", rule 4): run by the worker's reminder
 * sweep (`RemindersProcessor.sweep`), which only schedules it.
 */
@Injectable()
export class UnansweredDemands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: Dispatcher,
    private readonly transitions: DemandTransitions,
    private readonly events: EventRecorder,
  ) {}

  /**
   * A demand whose deadline passed with no response moves to `no_response` — the system's own
   * move, through the same transition code as everyone's — and the campaign's lead coordinators
   * are told by e-mail, unless the deadline is long past (history sets off no burst).
   */
  async markPastDeadline(now = new Date()): Promise<number> {
    const rows: { id: string; campaign_id: string; deadline_at: Date; text: string; office_title: string; campaign_title: string }[] =
      await this.dataSource.query(
        `SELECT d.id, d.campaign_id, d.deadline_at, d.text, o.title AS office_title, c.title AS campaign_title
       FROM demands d JOIN campaigns c ON c.id = d.campaign_id JOIN offices o ON o.id = d.office_id
       WHERE ${UNANSWERED_PAST_DEADLINE} AND c.status = 'active'
       ORDER BY d.deadline_at LIMIT 200`,
        [now],
      );
    let moved = 0;
    for (const d of rows) {
      // A deadline long past is history (imported data): recorded, but it e-mails nobody.
      const quiet = now.getTime() - d.deadline_at.getTime() > HISTORY_AFTER_MS;
      const recorded = await inTransaction(this.dataSource, async (manager) => {
        // The list above was read without locks: a response may have been linked since (or be
        // committing now — its link holds a key-share lock on the row, which this waits for).
        // Lock the row, then ask again in a fresh statement that sees what committed meanwhile.
        await manager.query(`SELECT 1 FROM demands WHERE id = $1 FOR UPDATE`, [d.id]);
        const [still] = (await manager.query(`SELECT 1 FROM demands d WHERE ${UNANSWERED_PAST_DEADLINE} AND d.id = $2`, [
          now,
          d.id,
        ])) as unknown[];
        if (!still) return null;
        const coordinators = await leadCoordinators(manager, d.campaign_id);
        // The row is locked and still awaits an answer: every such status may move to no_response
        // (shared's transition table), so the move cannot be refused; an error here is a fault.
        // The coordinators hear of it below, as no_response; the other followers as a status change.
        const statusChange = await this.transitions.move(
          manager,
          null,
          d.id,
          d.campaign_id,
          { to: 'no_response', systemNote: { key: 'deadline_passed', params: {} } },
          { except: coordinators.map((c) => c.id), quiet },
        );
        const notice = await this.events.record(manager, {
          kind: 'no_response',
          key: `no-response:${d.id}:${d.deadline_at.toISOString()}`,
          campaignId: d.campaign_id,
          campaignTitle: d.campaign_title,
          recipientIds: coordinators.map((c) => c.id),
          organizationIds: [],
          link: `/campaigns/${d.campaign_id}/demands/${d.id}`,
          render: (locale, timeZone, link) => {
            const mail = noResponseMail(locale, {
              demandText: d.text,
              officeTitle: d.office_title,
              campaignTitle: d.campaign_title,
              dueAt: d.deadline_at,
              timeZone,
              link,
            });
            return { title: mail.subject, body: d.office_title, mail };
          },
          data: { demandId: d.id, officeTitle: d.office_title, deadlineAt: d.deadline_at.toISOString() },
          quiet,
        });
        return mergeRecorded(statusChange, notice);
      });
      if (!recorded) continue;
      moved++;
      await this.dispatcher.dispatch(recorded);
    }
    return moved;
  }
}
