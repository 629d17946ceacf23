import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE } from '@demarche/shared';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { inTransaction } from '../core/database/transaction.js';
import { SqlFilters } from '../core/database/sql-filters.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import { QUEUES } from '../core/queue/queues.js';
import type { TypedQueue } from '../core/queue/typed-queue.js';
import { Dispatcher } from '../notifications/dispatcher.js';
import { deliveryJobId } from '../reminders/reminder-ids.js';
import {
  DELIVERY_KINDS,
  type DeliveryKind,
  type DeliverySubject,
  type FailedDeliveryDto,
  type FailedDeliveryPageDto,
  type ListFailedDeliveriesQueryDto,
  type RetriedDeliveryDto,
} from './failed-delivery.dto.js';

interface Row {
  id: string;
  kind: DeliveryKind;
  user_id: string;
  display_name: string;
  email: string;
  attempts: number;
  last_error: string | null;
  failed_at: Date;
  subject_type: DeliverySubject;
  title: string | null;
  notification_kind: string | null;
  link: string | null;
  campaign_id: string | null;
  campaign_title: string | null;
}

// Failed-at to the millisecond, so that the cursor (an ISO instant) names exactly the last row seen.
const FAILED_REMINDERS = `SELECT r.id, 'reminder' AS kind, r.recipient_id AS user_id, r.attempts, r.last_error,
    date_trunc('milliseconds', r.updated_at) AS failed_at, r.subject_type, COALESCE(f.title, d.text) AS title,
    NULL::text AS notification_kind,
    '/campaigns/' || r.campaign_id || CASE r.subject_type WHEN 'follow_up' THEN '/follow-ups/' ELSE '/demands/' END || r.subject_id AS link,
    r.campaign_id
  FROM reminders r
  LEFT JOIN follow_ups f ON r.subject_type = 'follow_up' AND f.id = r.subject_id
  LEFT JOIN demands d ON r.subject_type = 'demand' AND d.id = r.subject_id
  WHERE r.status = 'failed'`;
const FAILED_EMAILS = `SELECT n.id, 'email' AS kind, n.user_id, n.email_attempts AS attempts, n.email_last_error AS last_error,
    date_trunc('milliseconds', COALESCE(n.email_failed_at, n.created_at)) AS failed_at, 'notification' AS subject_type, n.title,
    n.kind AS notification_kind, n.link, n.campaign_id
  FROM notifications n
  WHERE n.email_status = 'failed'`;

function toDto(r: Row): FailedDeliveryDto {
  return {
    id: r.id,
    kind: r.kind,
    recipient: { id: r.user_id, name: r.display_name, email: r.email },
    subject: {
      type: r.subject_type,
      title: r.title ?? '',
      notificationKind: r.notification_kind,
      link: r.link,
      campaign: r.campaign_id && r.campaign_title !== null ? { id: r.campaign_id, title: r.campaign_title } : null,
    },
    attempts: r.attempts,
    lastError: r.last_error,
    failedAt: r.failed_at.toISOString(),
  };
}

/**
 * Reminders and notification e-mails that failed for good (docs/reminders.md, "Failed
 * deliveries"), and putting one back in line. A retried reminder becomes pending and due now:
 * the worker's sweep enqueues it (its failed job is removed first, so the sweep does not take it
 * for one still queued). A retried e-mail is pending again and enqueued at once, as the sweep
 * would.
 */
@Injectable()
export class FailedDeliveriesService {
  private readonly logger = new Logger(FailedDeliveriesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.reminders) private readonly reminders: TypedQueue<'reminders'>,
    private readonly dispatcher: Dispatcher,
  ) {}

  async list(query: ListFailedDeliveriesQueryDto): Promise<FailedDeliveryPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const parts = [query.kind !== 'email' ? FAILED_REMINDERS : null, query.kind !== 'reminder' ? FAILED_EMAILS : null].filter(
      (p): p is string => p !== null,
    );
    const f = new SqlFilters();
    if (query.cursor) f.add('(x.failed_at, x.id) < (?::timestamptz, ?::uuid)', ...decodeCursor(query.cursor, ['timestamp', 'uuid']));
    const rows: Row[] = await this.dataSource.query(
      `SELECT x.*, u.display_name, u.email, c.title AS campaign_title
       FROM (${parts.join(' UNION ALL ')}) x
       JOIN users u ON u.id = x.user_id
       LEFT JOIN campaigns c ON c.id = x.campaign_id
       WHERE ${f.where}
       ORDER BY x.failed_at DESC, x.id DESC LIMIT ${f.param(limit + 1)}`,
      f.params,
    );
    return toPage(rows, limit, toDto, (r) => [r.failed_at.toISOString(), r.id]);
  }

  async retry(actor: AuthUser, kind: string, id: string): Promise<RetriedDeliveryDto> {
    if (!(DELIVERY_KINDS as readonly string[]).includes(kind)) {
      throw new ValidationFailedError([{ field: 'kind', message: `must be one of ${DELIVERY_KINDS.join(', ')}` }]);
    }
    const k = kind as DeliveryKind;
    await inTransaction(this.dataSource, async (manager) => {
      if (k === 'reminder') {
        const [row] = (await manager.query(
          `SELECT id, status, campaign_id, subject_type, subject_id, recipient_id, kind, offset_days FROM reminders WHERE id = $1 FOR UPDATE`,
          [id],
        )) as {
          id: string;
          status: string;
          campaign_id: string;
          subject_type: string;
          subject_id: string;
          recipient_id: string;
          kind: string;
          offset_days: number;
        }[];
        if (!row) throw new NotFoundError('reminder');
        if (row.status !== 'failed')
          throw new ConflictError('not_failed', `This reminder is ${row.status}, not failed: there is nothing to retry.`);
        // A replan since may have planned the same reminder again; that one will go out.
        const [again] = (await manager.query(
          `SELECT 1 FROM reminders WHERE status = 'pending' AND subject_type = $1 AND subject_id = $2 AND recipient_id = $3 AND kind = $4 AND offset_days = $5`,
          [row.subject_type, row.subject_id, row.recipient_id, row.kind, row.offset_days],
        )) as unknown[];
        if (again) throw new ConflictError('superseded', 'The same reminder has been planned again since; it will be sent when due.');
        await manager.query(
          `UPDATE reminders SET status = 'pending', attempts = 0, last_error = NULL, fire_at = now(), queued_at = NULL, updated_at = now() WHERE id = $1`,
          [id],
        );
        await recordAudit(manager, {
          action: 'delivery.retried',
          subjectType: 'reminder',
          subjectId: id,
          actorId: actor.id,
          campaignId: row.campaign_id,
        });
      } else {
        const [row] = (await manager.query(`SELECT id, email_status, campaign_id FROM notifications WHERE id = $1 FOR UPDATE`, [id])) as {
          id: string;
          email_status: string;
          campaign_id: string | null;
        }[];
        if (!row) throw new NotFoundError('notification');
        if (row.email_status !== 'failed') {
          throw new ConflictError('not_failed', `This e-mail is ${row.email_status}, not failed: there is nothing to retry.`);
        }
        await manager.query(
          `UPDATE notifications SET email_status = 'pending', email_attempts = 0, email_last_error = NULL, email_failed_at = NULL WHERE id = $1`,
          [id],
        );
        await recordAudit(manager, {
          action: 'delivery.retried',
          subjectType: 'notification',
          subjectId: id,
          actorId: actor.id,
          campaignId: row.campaign_id,
        });
      }
    });
    // After commit. Should this fail, the sweeps still get there: the e-mail's within seconds, the
    // reminder's once it has been due for a while (the failed job is then replaced).
    try {
      if (k === 'email') await this.dispatcher.enqueueEmails([id], true);
      else {
        await this.removeFinishedJob(deliveryJobId(id));
        // A sweep between the commit above and that removal found the failed job's key, took the
        // row for queued and marked it so (ADR 0019): it would then wait 90 s to be revived as
        // stuck. Unmarked now that no job stands in the way, the next sweep adds it.
        await this.dataSource.query(`UPDATE reminders SET queued_at = NULL WHERE id = $1 AND status = 'pending'`, [id]);
      }
    } catch (error) {
      this.logger.warn({ err: error, kind: k, id }, 'could not hand the retried delivery to the queue now; the sweep will');
    }
    return { id, kind: k, status: 'pending' };
  }

  /** The reminder's failed job, removed so that the next sweep sees no job and adds one. */
  private async removeFinishedJob(jobId: string): Promise<void> {
    const job = await this.reminders.getJob(jobId);
    if (!job) return;
    const state = await job.getState();
    if (state === 'failed' || state === 'completed') await job.remove();
  }
}
