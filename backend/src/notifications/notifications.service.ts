import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE } from '@demarche/shared';
import { Redis } from 'ioredis';
import { filter, map, Observable, Subject } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CONFIG } from '../core/config/config.module.js';
import type { Config } from '../core/config/config.js';
import { SqlFilters } from '../core/database/sql-filters.js';
import { NotFoundError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import { redisOptions } from '../core/redis/redis-options.js';
import type { ListNotificationsQueryDto, NotificationDto, NotificationPageDto } from './notification.dto.js';
import { notificationsChannel, type StoredNotification } from './notify.js';

interface Row {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  campaign_id: string | null;
  read_at: Date | null;
  created_at: Date;
}

const toDto = (r: Row): NotificationDto => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  campaignId: r.campaign_id,
  readAt: r.read_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

/**
 * In-app notifications: the caller's list, unread count, marking read, and a live stream. Each
 * API process keeps one Redis subscription and fans what it hears out to its open streams, so a
 * notification stored by any worker reaches the user wherever they are connected.
 */
@Injectable()
export class NotificationsService implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly events = new Subject<StoredNotification>();
  private subscriber: Redis | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async list(user: AuthUser, query: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const f = new SqlFilters().add('user_id = ?', user.id).add('in_app');
    if (query.unread === true) f.add('read_at IS NULL');
    if (query.unread === false) f.add('read_at IS NOT NULL');
    if (query.cursor) f.add('(created_at, id) < (?::timestamptz, ?::uuid)', ...decodeCursor(query.cursor, ['timestamp', 'uuid']));
    const rows: Row[] = await this.dataSource.query(
      `SELECT id, kind, title, body, link, campaign_id, read_at, created_at FROM notifications WHERE ${f.where}
       ORDER BY created_at DESC, id DESC LIMIT ${f.param(limit + 1)}`,
      f.params,
    );
    return toPage(rows, limit, toDto, (r) => [r.created_at.toISOString(), r.id]);
  }

  async unreadCount(user: AuthUser): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [
      user.id,
    ])) as { n: number }[];
    return row!.n;
  }

  async markRead(user: AuthUser, id: string): Promise<NotificationDto> {
    const [rows] = (await this.dataSource.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 AND in_app
       RETURNING id, kind, title, body, link, campaign_id, read_at, created_at`,
      [id, user.id],
    )) as [Row[], number];
    if (!rows[0]) throw new NotFoundError('notification');
    return toDto(rows[0]);
  }

  async markAllRead(user: AuthUser): Promise<number> {
    const result = (await this.dataSource.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [
      user.id,
    ])) as [unknown, number];
    return result[1];
  }

  /** The caller's new notifications as they happen. */
  stream(user: AuthUser): Observable<NotificationDto> {
    this.subscribe();
    return this.events.pipe(
      filter((e) => e.userId === user.id),
      map((e) => e.notification),
    );
  }

  /** Opens this process's one subscription (once); ioredis re-subscribes after reconnecting. */
  subscribe(): void {
    if (this.subscriber) return;
    this.subscriber = new Redis(redisOptions(this.config.redisUrl, { maxRetriesPerRequest: null }));
    this.subscriber.on('error', (error) => this.logger.warn({ err: error }, 'notification subscription error'));
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        this.events.next(JSON.parse(message) as StoredNotification);
      } catch {
        // not ours
      }
    });
    this.subscriber.subscribe(notificationsChannel(this.config.redisPrefix)).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not subscribe to notifications yet; retrying on reconnect');
    });
  }

  onModuleDestroy(): void {
    this.events.complete();
    this.subscriber?.disconnect();
  }
}
