import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE } from '@demarche/shared';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { ApiToken } from '../core/auth/api-token.entity.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { newToken, tokenHash } from '../core/auth/secrets.js';
import { NotFoundError, ValidationFailedError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import { SqlFilters } from '../core/database/sql-filters.js';
import type { ApiTokenDto, ApiTokenPageDto, CreatedApiTokenDto } from './account.dto.js';
import { inTransaction } from '../core/database/transaction.js';

export const API_TOKEN_PREFIX = 'dmt_';

type ApiTokenRow = Pick<ApiToken, 'id' | 'name' | 'prefix' | 'createdAt' | 'expiresAt' | 'lastUsedAt'>;

function toDto(t: ApiTokenRow): ApiTokenDto {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

/** Personal API tokens: their owner creates (sees once), lists and revokes them. */
@Injectable()
export class ApiTokensService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: AuthUser, cursor: string | undefined, limit = DEFAULT_PAGE_SIZE): Promise<ApiTokenPageDto> {
    const f = new SqlFilters(user.id);
    f.add('t.user_id = $1 AND t.revoked_at IS NULL');
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor, ['timestamp', 'uuid']);
      f.add('(t.created_at, t.id) < (?::timestamptz, ?::uuid)', createdAt, id);
    }
    const rows: ApiTokenRow[] = await this.dataSource.query(
      `SELECT t.id, t.name, t.prefix, t.created_at AS "createdAt", t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt"
       FROM api_tokens t WHERE ${f.where} ORDER BY t.created_at DESC, t.id DESC LIMIT ${f.param(limit + 1)}`,
      f.params,
    );
    return toPage(rows, limit, toDto, (t) => [t.createdAt.toISOString(), t.id]);
  }

  async create(user: AuthUser, name: string, expiresAt?: string): Promise<CreatedApiTokenDto> {
    const expires = expiresAt ? new Date(expiresAt) : null;
    if (expires && expires.getTime() <= Date.now()) {
      throw new ValidationFailedError([{ field: 'expiresAt', message: 'must be in the future' }]);
    }
    const token = newToken(API_TOKEN_PREFIX);
    const saved = await inTransaction(this.dataSource, async (manager) => {
      const row = await manager.save(
        ApiToken,
        manager.create(ApiToken, {
          userId: user.id,
          name: name.trim(),
          prefix: token.slice(0, 12),
          tokenHash: tokenHash(token),
          expiresAt: expires,
        }),
      );
      await recordAudit(manager, {
        action: 'api_token.created',
        subjectType: 'api_token',
        subjectId: row.id,
        actorId: user.id,
        after: { name: row.name, prefix: row.prefix, expiresAt: expires?.toISOString() ?? null },
      });
      return row;
    });
    return { token, apiToken: toDto(saved) };
  }

  async revoke(user: AuthUser, id: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const result: [unknown[], number] = await manager.query(
        `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
        [id, user.id],
      );
      if (result[1] === 0) throw new NotFoundError('API token');
      await recordAudit(manager, { action: 'api_token.revoked', subjectType: 'api_token', subjectId: id, actorId: user.id });
    });
  }
}
