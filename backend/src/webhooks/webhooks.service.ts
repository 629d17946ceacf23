import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE, type Locale } from '@demarche/shared';
import type { DataSource } from 'typeorm';
import { AccessPolicy } from '../core/auth/access-policy.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CONFIG } from '../core/config/config.module.js';
import type { Config } from '../core/config/config.js';
import { SqlFilters } from '../core/database/sql-filters.js';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import { InjectQueue } from '@nestjs/bullmq';
import { QUEUES } from '../core/queue/queues.js';
import type { TypedQueue } from '../core/queue/typed-queue.js';
import { webhookDeliveryJobs } from './webhook-jobs.js';
import type { WebhookDeliveryStatus } from './webhook-delivery.entity.js';
import type {
  CreateWebhookDto,
  ListDeliveriesQueryDto,
  UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookDto,
  WebhookListDto,
  WebhookWithSecretDto,
} from './webhook.dto.js';
import { slackText, type WebhookPayload } from './webhook-outbox.js';
import { resolveTarget, WebhookTargetError } from './webhook-target.js';

interface Row {
  id: string;
  organization_id: string | null;
  campaign_id: string | null;
  url: string;
  events: string[];
  locale: Locale;
  active: boolean;
  recent_failures: number;
  created_at: Date;
}

const COLUMNS = `w.id, w.organization_id, w.campaign_id, w.url, w.events, w.locale, w.active, w.created_at,
  (SELECT count(*)::int FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.status = 'failed'
     AND d.updated_at > now() - interval '7 days') AS recent_failures`;

const toDto = (r: Row): WebhookDto => ({
  id: r.id,
  organizationId: r.organization_id,
  campaignId: r.campaign_id,
  url: r.url,
  events: r.events,
  locale: r.locale,
  active: r.active,
  recentFailures: r.recent_failures,
  createdAt: r.created_at.toISOString(),
});

const newSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

type Owner = { organizationId: string } | { campaignId: string };

/**
 * Webhooks of organizations (their coordinators manage them) and of campaigns (coordinators of a
 * lead organization). Admins manage all. A URL must resolve to a public address unless the
 * operator allows private ones; the secret is shown once.
 */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
    @InjectQueue(QUEUES.webhooks) private readonly queue: TypedQueue<'webhooks'>,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async list(user: AuthUser, owner: Owner): Promise<WebhookListDto> {
    await this.requireManager(user, owner);
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhooks w WHERE ${'organizationId' in owner ? 'w.organization_id' : 'w.campaign_id'} = $1 ORDER BY w.created_at, w.id`,
      ['organizationId' in owner ? owner.organizationId : owner.campaignId],
    );
    return { items: rows.map(toDto) };
  }

  async create(user: AuthUser, owner: Owner, dto: CreateWebhookDto): Promise<WebhookWithSecretDto> {
    await this.requireManager(user, owner);
    await this.checkUrl(dto.url);
    const secret = newSecret();
    const [row] = (await this.dataSource.query(
      `INSERT INTO webhooks (organization_id, campaign_id, url, secret, events, locale, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        'organizationId' in owner ? owner.organizationId : null,
        'campaignId' in owner ? owner.campaignId : null,
        dto.url,
        secret,
        [...new Set(dto.events ?? [])],
        dto.locale ?? 'en',
        user.id,
      ],
    )) as { id: string }[];
    return { ...(await this.find(row!.id)), secret };
  }

  async get(user: AuthUser, id: string): Promise<WebhookDto> {
    const hook = await this.find(id);
    await this.requireManager(user, ownerOf(hook));
    return hook;
  }

  async update(user: AuthUser, id: string, dto: UpdateWebhookDto): Promise<WebhookDto> {
    const hook = await this.get(user, id);
    if (dto.url !== undefined) await this.checkUrl(dto.url);
    await this.dataSource.query(
      `UPDATE webhooks SET url = COALESCE($2, url), events = COALESCE($3, events), locale = COALESCE($4, locale),
         active = COALESCE($5, active), updated_at = now() WHERE id = $1`,
      [hook.id, dto.url ?? null, dto.events ? [...new Set(dto.events)] : null, dto.locale ?? null, dto.active ?? null],
    );
    return this.find(id);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const hook = await this.get(user, id);
    await this.dataSource.query(`DELETE FROM webhooks WHERE id = $1`, [hook.id]);
  }

  async rotateSecret(user: AuthUser, id: string): Promise<WebhookWithSecretDto> {
    const hook = await this.get(user, id);
    const secret = newSecret();
    await this.dataSource.query(`UPDATE webhooks SET secret = $2, updated_at = now() WHERE id = $1`, [hook.id, secret]);
    return { ...hook, secret };
  }

  /** Sends a `ping` event now, to check the receiver and its signature check. */
  async ping(user: AuthUser, id: string): Promise<WebhookDeliveryDto> {
    const hook = await this.get(user, id);
    const link = `${this.config.publicUrl}/`;
    const title = hook.locale === 'es' ? 'Prueba de webhook de Demarche' : 'Demarche webhook test';
    const payload: WebhookPayload = {
      event: 'ping',
      eventId: randomBytes(16).toString('hex'),
      occurredAt: new Date().toISOString(),
      campaign: null,
      text: slackText(title, '', link, 'Demarche'),
      title,
      link,
      data: { webhookId: hook.id },
    };
    const [row] = (await this.dataSource.query(
      `INSERT INTO webhook_deliveries (webhook_id, event_key, event, payload) VALUES ($1, $2, 'ping', $3) RETURNING id`,
      [hook.id, `ping:${payload.eventId}`, JSON.stringify(payload)],
    )) as { id: string }[];
    await this.queue.addBulk(webhookDeliveryJobs([row!.id], this.config)).catch(() => undefined); // the sweep retries
    return this.delivery(row!.id);
  }

  async deliveries(user: AuthUser, id: string, query: ListDeliveriesQueryDto): Promise<WebhookDeliveryPageDto> {
    const hook = await this.get(user, id);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const f = new SqlFilters().add('webhook_id = ?', hook.id);
    if (query.status) f.add('status = ?', query.status);
    if (query.cursor) f.add('(created_at, id) < (?::timestamptz, ?::uuid)', ...decodeCursor(query.cursor, ['timestamp', 'uuid']));
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE ${f.where} ORDER BY created_at DESC, id DESC LIMIT ${f.param(limit + 1)}`,
      f.params,
    );
    return toPage(rows, limit, toDeliveryDto, (r) => [r.created_at.toISOString(), r.id]);
  }

  private async delivery(id: string): Promise<WebhookDeliveryDto> {
    const [row] = (await this.dataSource.query(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE id = $1`, [id])) as DeliveryRow[];
    if (!row) throw new NotFoundError('delivery');
    return toDeliveryDto(row);
  }

  private async find(id: string): Promise<WebhookDto> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM webhooks w WHERE w.id = $1`, [id])) as Row[];
    if (!row) throw new NotFoundError('webhook');
    return toDto(row);
  }

  private async checkUrl(url: string): Promise<void> {
    try {
      await resolveTarget(url, this.config.webhookAllowPrivateTargets);
    } catch (error) {
      if (error instanceof WebhookTargetError) throw new ValidationFailedError([{ field: 'url', message: error.message }]);
      throw error;
    }
  }

  /**
   * Organization webhooks: admins, or coordinators of that organization (others of it: 403;
   * anyone else: 404, as if it did not exist). Campaign webhooks: coordinators of a lead
   * organization, or admins.
   */
  private async requireManager(user: AuthUser, owner: Owner): Promise<void> {
    if ('campaignId' in owner) {
      await this.policy.requireCoordinator(
        user,
        owner.campaignId,
        'campaign',
        'Only coordinators of a lead organization manage its webhooks.',
      );
      return;
    }
    if (user.role === 'admin') {
      const exists: unknown[] = await this.dataSource.query(`SELECT 1 FROM organizations WHERE id = $1`, [owner.organizationId]);
      if (exists.length === 0) throw new NotFoundError('organization');
      return;
    }
    if (user.organizationId !== owner.organizationId) throw new NotFoundError('organization');
    if (user.role !== 'coordinator') throw new ForbiddenError('Only coordinators of the organization manage its webhooks.');
  }
}

const ownerOf = (hook: WebhookDto): Owner =>
  hook.organizationId ? { organizationId: hook.organizationId } : { campaignId: hook.campaignId! };

interface DeliveryRow {
  id: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const DELIVERY_COLUMNS = 'id, event, status, attempts, last_status_code, last_error, delivered_at, created_at, updated_at';

const toDeliveryDto = (r: DeliveryRow): WebhookDeliveryDto => ({
  id: r.id,
  event: r.event,
  status: r.status,
  attempts: r.attempts,
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  deliveredAt: r.delivered_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});
