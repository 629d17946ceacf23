import { DEMAND_TRANSITIONS, SYSTEM_ONLY_DEMAND_STATUSES, type DemandStatus, type Locale, type SystemNote } from '@demarche/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../core/http/domain-error.js';
import { statusChangeMail } from './demand-mails.js';
import { systemNoteText } from './system-notes.js';
import { nothingRecorded, type Recorded } from '../notifications/notify.js';
import { replanReminders } from '../reminders/reminder-planner.js';
import { demandFollowers } from './demand-followers.js';
import type { TransitionDto } from './demand.dto.js';
import { DemandStatusChange } from './demand-status-change.entity.js';
import { Demand } from './demand.entity.js';
import { EventRecorder } from '../notifications/event-recorder.js';

/** The statuses a person may choose next (the system alone sets `no_response`). */
export function nextStatusesFor(status: DemandStatus): DemandStatus[] {
  return DEMAND_TRANSITIONS[status].filter((s) => !SYSTEM_ONLY_DEMAND_STATUSES.includes(s));
}

/** Demand status moves; provided to the API (DemandsModule) and the worker (DemandsWorkerModule). */
@Injectable()
export class DemandTransitions {
  constructor(private readonly events: EventRecorder) {}

  /**
   * One status move, inside the caller's transaction: the demand row is locked, the move checked
   * against the table in shared/ (a person never sets a system-only status; `actorId: null` is the
   * system), then the status, a history row, the demand's reminders and an audit event are written,
   * and the organizations following the demand are notified (dispatch the result after commit).
   * Every path that moves a status comes here: the demand route, responses, proposals, the worker.
   * `notify.except` leaves people out who are told otherwise (the worker's no-response notice);
   * `notify.quiet` records history without e-mail or webhooks; `notify.silent` tells no one (a
   * campaign's send, which moves every demand at once and is one event of its own). `at`: when
   * it happened, if not now (a letter sent on its date, a deadline that passed before the send).
   * `dto.systemNote`: the system's own note (a key, worded when read), beside or instead of a person's.
   */
  async move(
    manager: EntityManager,
    actorId: string | null,
    id: string,
    campaignId: string,
    dto: TransitionDto & { systemNote?: SystemNote },
    notify: { except?: string[]; quiet?: boolean; silent?: boolean } = {},
    at?: Date,
  ): Promise<Recorded> {
    const [locked] = (await manager.query(`SELECT status, sent_at FROM demands WHERE id = $1 AND campaign_id = $2 FOR UPDATE`, [
      id,
      campaignId,
    ])) as {
      status: DemandStatus;
      sent_at: Date | null;
    }[];
    if (!locked) throw new NotFoundError('demand');
    const current = locked.status;
    if (dto.from !== undefined && dto.from !== current) {
      throw new ConflictError(
        'stale_status',
        `The demand is ${current} now, not ${dto.from}; reload and try again.`,
        [{ field: 'from', message: `is ${current} now` }],
        {
          current,
          allowed: nextStatusesFor(current),
        },
      );
    }
    if (dto.to === current) {
      throw new ConflictError(
        'illegal_transition',
        `The demand is ${current} already.`,
        [{ field: 'to', message: 'is the current status' }],
        { current, allowed: nextStatusesFor(current) },
      );
    }
    if (dto.correction) {
      if (!dto.note?.trim()) throw new ValidationFailedError([{ field: 'note', message: 'must say why, for a correction' }]);
    } else if (!(actorId === null ? DEMAND_TRANSITIONS[current] : nextStatusesFor(current)).includes(dto.to)) {
      const allowed = nextStatusesFor(current);
      throw new ConflictError(
        'illegal_transition',
        `A demand cannot move from ${current} to ${dto.to}.`,
        [
          {
            field: 'to',
            message: allowed.length ? `must be one of: ${allowed.join(', ')}` : `nothing follows ${current} except a correction`,
          },
        ],
        { current, allowed },
      );
    }
    const now = at ?? new Date();
    await manager.update(Demand, { id }, { status: dto.to, ...(dto.to === 'sent' && !locked.sent_at ? { sentAt: now } : {}) });
    await manager.insert(DemandStatusChange, {
      demandId: id,
      fromStatus: current,
      toStatus: dto.to,
      note: dto.note?.trim() || null,
      noteKey: dto.systemNote?.key ?? null,
      noteParams: dto.systemNote ? { ...dto.systemNote.params } : null,
      actorId,
      changedAt: now,
    });
    // Sent with a deadline: its reminders start; answered or withdrawn: they stop.
    await replanReminders(manager, 'demand', id);
    await recordAudit(manager, {
      action: dto.correction ? 'demand.status_corrected' : 'demand.status_changed',
      subjectType: 'demand',
      subjectId: id,
      campaignId,
      actorId,
      before: { status: current },
      after: {
        status: dto.to,
        note: dto.note?.trim() || null,
        ...(dto.systemNote ? { systemNote: dto.systemNote } : {}),
        ...(at ? { at: at.toISOString() } : {}),
      },
    });
    if (notify.silent) return nothingRecorded();
    const [demand] = (await manager.query(
      `SELECT d.text, o.title AS office_title, c.title AS campaign_title FROM demands d
       JOIN offices o ON o.id = d.office_id JOIN campaigns c ON c.id = d.campaign_id WHERE d.id = $1`,
      [id],
    )) as { text: string; office_title: string; campaign_title: string }[];
    const followers = await demandFollowers(manager, campaignId, [id]);
    const except = new Set(notify.except ?? []);
    const personNote = dto.note?.trim() || null;
    const systemNote = dto.systemNote ?? null;
    /** What the note says in `locale`: the person's words, else the system's in that language. */
    const noteIn = (locale: Locale): string | null => personNote ?? (systemNote ? systemNoteText(locale, systemNote) : null);
    return this.events.record(manager, {
      kind: 'status_change',
      key: `status:${id}:${now.toISOString()}:${dto.to}`,
      campaignId,
      campaignTitle: demand!.campaign_title,
      recipientIds: followers.userIds.filter((u) => !except.has(u)),
      actorId,
      organizationIds: followers.organizationIds,
      link: `/campaigns/${campaignId}/demands/${id}`,
      render: (locale, _timeZone, link) => {
        const mail = statusChangeMail(locale, {
          demandText: demand!.text,
          officeTitle: demand!.office_title,
          from: current,
          to: dto.to,
          note: noteIn(locale),
          campaignTitle: demand!.campaign_title,
          link,
        });
        return { title: mail.subject, body: demand!.office_title, mail };
      },
      // Webhooks: the note in English, and the system note's key for a receiver that words it itself.
      data: {
        demandId: id,
        officeTitle: demand!.office_title,
        from: current,
        to: dto.to,
        note: noteIn('en'),
        noteKey: systemNote?.key ?? null,
        byPerson: actorId !== null,
      },
      quiet: notify.quiet,
    });
  }
}
