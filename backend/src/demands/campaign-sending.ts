import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CampaignStatus, utcToday, zonedWallTimeToInstant } from '@demarche/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { AccessPolicy } from '../core/auth/access-policy.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { ConflictError, NotFoundError } from '../core/http/domain-error.js';
import { inTransaction } from '../core/database/transaction.js';
import { replanCampaignReminders } from '../reminders/reminder-planner.js';
import { DemandTransitions } from './demand-transition.js';
import type { PastDeadlineDemandDto, SendBlocker, SendCampaignDto, SendPreviewDto, SentCampaignDto } from './demand.dto.js';

interface DraftDemand {
  id: string;
  text: string;
  office_id: string;
  office_title: string;
  deadline_at: Date | null;
  deadline_time_zone: string | null;
}

/**
 * The letter went out: a draft campaign becomes active and its draft demands `sent`, dated with
 * the letter's date, in one transaction; their reminders are planned. Demands whose deadline had
 * already passed move on to `no_response` at once, dated at their deadline — silently: a letter
 * entered after the fact must not set off a burst of mail about it.
 */
@Injectable()
export class CampaignSending {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
    private readonly transitions: DemandTransitions,
  ) {}

  /** What a send would do now, for the review step; nothing is written. */
  async preview(user: AuthUser, campaignId: string): Promise<SendPreviewDto> {
    await this.requireCoordinator(user, campaignId);
    return (await this.assess(this.dataSource.manager, campaignId, new Date())).preview;
  }

  async send(user: AuthUser, campaignId: string, dto: SendCampaignDto): Promise<SentCampaignDto> {
    await this.requireCoordinator(user, campaignId);
    return inTransaction(this.dataSource, async (manager) => {
      // The campaign row first (the lock order of docs/architecture.md): a second send waits,
      // then finds the campaign active (409 cannot_send); a demand added meanwhile is in or out.
      const now = new Date();
      const { preview, drafts, letterDate, status } = await this.assess(manager, campaignId, now, true);
      if (preview.blockers.length > 0)
        throw new ConflictError(
          'cannot_send',
          `The campaign cannot be marked as sent yet: ${preview.blockers.join(', ')}.`,
          preview.blockers.map((b) => ({ field: BLOCKER_FIELD[b], message: BLOCKER_MESSAGE[b] })),
          { blockers: preview.blockers },
        );
      if (preview.pastDeadline.length > 0 && dto.confirmPastDeadlines !== true)
        throw new ConflictError(
          'past_deadlines',
          `${preview.pastDeadline.length} demand(s) have a deadline already past; confirm to record them as unanswered.`,
          [{ field: 'confirmPastDeadlines', message: 'must be true: some deadlines have passed' }],
          { pastDeadline: preview.pastDeadline },
        );
      const sentAt = letterSentAt(letterDate!);
      await manager.query(`UPDATE campaigns SET status = 'active', updated_at = now() WHERE id = $1`, [campaignId]);
      const past = new Set(preview.pastDeadline.map((d) => d.id));
      for (const d of drafts) {
        await this.transitions.move(manager, user.id, d.id, campaignId, { to: 'sent' }, { silent: true }, sentAt);
        if (past.has(d.id))
          // The system's move (actor null), as the worker's would have been at the deadline.
          await this.transitions.move(
            manager,
            null,
            d.id,
            campaignId,
            { to: 'no_response', systemNote: { key: 'deadline_passed_before_sending', params: {} } },
            { silent: true },
            d.deadline_at!,
          );
      }
      // Follow-ups already assigned start reminding too: only an active campaign reminds anyone.
      await replanCampaignReminders(manager, campaignId);
      await recordAudit(manager, {
        action: 'campaign.sent',
        subjectType: 'campaign',
        subjectId: campaignId,
        campaignId,
        actorId: user.id,
        before: { status },
        after: { status: 'active', letterDate, demandsSent: drafts.length, pastDeadline: [...past] },
      });
      const [planned] = (await manager.query(
        `SELECT count(*)::int AS n, min(due_at) AS first FROM reminders WHERE campaign_id = $1 AND status = 'pending'`,
        [campaignId],
      )) as { n: number; first: Date | null }[];
      return { ...preview, blockers: [], remindersPlanned: planned!.n, firstReminderAt: planned!.first?.toISOString() ?? null };
    });
  }

  private async assess(
    manager: EntityManager,
    campaignId: string,
    now: Date,
    lock = false,
  ): Promise<{ preview: SendPreviewDto; drafts: DraftDemand[]; letterDate: string | null; status: CampaignStatus }> {
    const [campaign] = (await manager.query(`SELECT status, letter_date FROM campaigns WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
      campaignId,
    ])) as { status: CampaignStatus; letter_date: string | null }[];
    if (!campaign) throw new NotFoundError('campaign');
    // Locked by id (the lock order of docs/architecture.md), then taken in the letter's order.
    const drafts = (
      (await manager.query(
        `SELECT d.id, d.position, d.text, d.office_id, o.title AS office_title, d.deadline_at, d.deadline_time_zone
         FROM demands d JOIN offices o ON o.id = d.office_id
         WHERE d.campaign_id = $1 AND d.status = 'draft' ORDER BY d.id ${lock ? 'FOR UPDATE OF d' : ''}`,
        [campaignId],
      )) as (DraftDemand & { position: number })[]
    ).sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
    const blockers: SendBlocker[] = [];
    if (campaign.status !== 'draft') blockers.push('not_draft');
    if (!campaign.letter_date) blockers.push('no_letter_date');
    // A day later than today in UTC is today somewhere (up to UTC+14); later than that, not yet.
    else if (campaign.letter_date > addDays(utcToday(), 1)) blockers.push('letter_date_in_future');
    if (drafts.length === 0) blockers.push('no_demands');
    const pastDeadline: PastDeadlineDemandDto[] = drafts
      .filter((d) => d.deadline_at !== null && d.deadline_at.getTime() <= now.getTime())
      .map((d) => ({
        id: d.id,
        text: d.text,
        officeTitle: d.office_title,
        deadlineAt: d.deadline_at!.toISOString(),
        deadlineTimeZone: d.deadline_time_zone!,
      }));
    return {
      preview: {
        letterDate: campaign.letter_date,
        demands: drafts.length,
        offices: new Set(drafts.map((d) => d.office_id)).size,
        withDeadline: drafts.filter((d) => d.deadline_at !== null).length,
        pastDeadline,
        blockers,
      },
      drafts,
      letterDate: campaign.letter_date,
      status: campaign.status,
    };
  }

  private async requireCoordinator(user: AuthUser, campaignId: string): Promise<void> {
    await this.policy.requireCoordinator(user, campaignId, 'campaign', 'Only coordinators of a lead organization can send this campaign.');
  }
}

/**
 * The instant a letter dated `day` counts as sent: noon UTC of that day, which is that same day
 * on every clock from UTC−11 to UTC+11 — the letter has a date, not a time or a zone.
 */
export function letterSentAt(day: string): Date {
  return zonedWallTimeToInstant(day, '12:00', 'UTC');
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const BLOCKER_FIELD: Record<SendBlocker, string> = {
  not_draft: 'status',
  no_letter_date: 'letterDate',
  letter_date_in_future: 'letterDate',
  no_demands: 'demands',
};
const BLOCKER_MESSAGE: Record<SendBlocker, string> = {
  not_draft: 'the campaign is not a draft: it was sent already',
  no_letter_date: "must be set: the letter's date is the demands' sent date",
  letter_date_in_future: 'is in the future: mark the campaign as sent once the letter has gone out',
  no_demands: 'the campaign has no draft demand to send',
};
