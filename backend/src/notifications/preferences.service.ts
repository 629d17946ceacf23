import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { channelsWithDefaults, NOTIFICATION_KINDS, type DigestMode, type Locale } from '@demarche/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../core/auth/auth-context.js';
import { ValidationFailedError } from '../core/http/domain-error.js';
import { setTimeZone } from '../users/time-zone.js';
import type { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './preferences.dto.js';
import { inTransaction } from '../core/database/transaction.js';

interface Row {
  channels: Record<string, { email?: boolean; inApp?: boolean }> | null;
  digest: DigestMode | null;
  muted_campaign_ids: string[] | null;
  time_zone: string;
  locale: Locale;
}

/** A person's notification preferences; the defaults until they change something. */
@Injectable()
export class PreferencesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(user: AuthUser, manager: EntityManager = this.dataSource.manager): Promise<NotificationPreferencesDto> {
    const [row] = (await manager.query(
      `SELECT p.channels, p.digest, p.muted_campaign_ids, u.time_zone, u.locale
       FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id WHERE u.id = $1`,
      [user.id],
    )) as Row[];
    return {
      channels: channelsWithDefaults(row?.channels),
      digest: row?.digest ?? 'off',
      mutedCampaignIds: row?.muted_campaign_ids ?? [],
      timeZone: row?.time_zone ?? user.timeZone,
      locale: row?.locale ?? user.locale,
      kinds: [...NOTIFICATION_KINDS],
    };
  }

  /** Changes what is given, in one transaction; a new time zone replans the person's reminders. */
  async update(user: AuthUser, dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.get(user, manager);
      if (dto.mutedCampaignIds) await this.assertVisibleCampaigns(manager, user, dto.mutedCampaignIds);
      const channels = { ...current.channels };
      for (const kind of NOTIFICATION_KINDS) {
        const patch = dto.channels?.[kind];
        if (patch) channels[kind] = { email: patch.email ?? channels[kind].email, inApp: patch.inApp ?? channels[kind].inApp };
      }
      await manager.query(
        `INSERT INTO notification_preferences (user_id, channels, digest, muted_campaign_ids) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET channels = EXCLUDED.channels, digest = EXCLUDED.digest,
           muted_campaign_ids = EXCLUDED.muted_campaign_ids, updated_at = now()`,
        [user.id, JSON.stringify(channels), dto.digest ?? current.digest, [...new Set(dto.mutedCampaignIds ?? current.mutedCampaignIds)]],
      );
      if (dto.locale !== undefined) await manager.query(`UPDATE users SET locale = $2 WHERE id = $1`, [user.id, dto.locale]);
      if (dto.timeZone !== undefined) await setTimeZone(manager, user.id, dto.timeZone);
      return this.get(user, manager);
    });
  }

  /** A person can mute only campaigns they take part in (all, for admins). */
  private async assertVisibleCampaigns(manager: EntityManager, user: AuthUser, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows: { id: string }[] = await manager.query(
      user.role === 'admin'
        ? `SELECT id FROM campaigns WHERE id = ANY($1::uuid[])`
        : `SELECT campaign_id AS id FROM campaign_organizations WHERE campaign_id = ANY($1::uuid[]) AND organization_id = $2`,
      user.role === 'admin' ? [ids] : [ids, user.organizationId],
    );
    const known = new Set(rows.map((r) => r.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new ValidationFailedError([{ field: 'mutedCampaignIds', message: `are not campaigns of yours: ${unknown.join(', ')}` }]);
    }
  }
}
