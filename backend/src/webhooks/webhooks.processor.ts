import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CONFIG } from '../core/config/config.module.js';
import type { Config } from '../core/config/config.js';
import { QUEUES } from '../core/queue/queues.js';
import type { TypedJob } from '../core/queue/typed-queue.js';
import { postWebhook } from './webhook-sender.js';
import { inTransaction } from '../core/database/transaction.js';

/**
 * Delivers webhook events. Each attempt locks the delivery (SKIP LOCKED: another worker holding
 * it means it is being delivered), POSTs it and records the outcome in one transaction. The
 * `X-Demarche-Delivery` header is the row's id, the same on every attempt, so a receiver that
 * saw it already can ignore a repeat. A non-2xx answer or a network error is retried with
 * exponential backoff; after the last attempt the delivery is `failed`, visible in the API.
 */
@Processor(QUEUES.webhooks, { concurrency: 8 })
export class WebhooksProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhooksProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    super();
  }

  async process(job: TypedJob<'webhooks'>): Promise<void> {
    await this.deliver(job.data.deliveryId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }

  async deliver(deliveryId: string, lastAttempt: boolean): Promise<void> {
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const [row] = (await manager.query(
        `SELECT d.id, d.event, d.payload, w.url, w.secret, w.active FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
         WHERE d.id = $1 AND d.status = 'pending' FOR UPDATE OF d SKIP LOCKED`,
        [deliveryId],
      )) as { id: string; event: string; payload: Record<string, unknown>; url: string; secret: string; active: boolean }[];
      if (!row) return 'skipped';
      if (!row.active) {
        await manager.query(
          `UPDATE webhook_deliveries SET status = 'cancelled', last_error = 'the webhook was turned off', updated_at = now() WHERE id = $1`,
          [row.id],
        );
        return 'skipped';
      }
      const body = JSON.stringify({ id: row.id, ...row.payload });
      const result = await postWebhook(
        { url: row.url, secret: row.secret },
        { id: row.id, event: row.event, body },
        { allowPrivate: this.config.webhookAllowPrivateTargets, timeoutMs: this.config.webhookTimeoutMs },
      );
      if (result.ok) {
        await manager.query(
          `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), attempts = attempts + 1, last_status_code = $2,
             last_error = NULL, updated_at = now() WHERE id = $1`,
          [row.id, result.statusCode],
        );
        return 'delivered';
      }
      await manager.query(
        `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
           status = CASE WHEN $4 THEN 'failed' ELSE status END, updated_at = now() WHERE id = $1`,
        [row.id, result.statusCode, result.error, lastAttempt],
      );
      return lastAttempt ? 'failed' : { retry: new Error(result.error ?? 'delivery failed') };
    });
    if (typeof outcome === 'object') throw outcome.retry;
    if (outcome === 'failed') this.logger.warn({ deliveryId }, 'webhook delivery failed for good');
  }
}
