import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE } from '@demarche/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { AccessPolicy } from '../core/auth/access-policy.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { SessionService } from '../core/auth/session.service.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import { Organization } from '../organizations/organization.entity.js';
import type { ListUsersQueryDto, UpdateUserDto, UserDto, UserPageDto } from './user.dto.js';
import { User } from './user.entity.js';
import { inTransaction } from '../core/database/transaction.js';
import { containing, SqlFilters } from '../core/database/sql-filters.js';

/** What a person's DTO is made of: their row and their organization's name. */
type UserListRow = Pick<
  User,
  | 'id'
  | 'email'
  | 'displayName'
  | 'role'
  | 'organizationId'
  | 'locale'
  | 'timeZone'
  | 'isExample'
  | 'disabledAt'
  | 'lastSignInAt'
  | 'createdAt'
>;
type UserWithOrg = UserListRow & { organization: Pick<Organization, 'name'> };

function toDto(u: UserWithOrg): UserDto {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    organizationId: u.organizationId,
    organizationName: u.organization.name,
    locale: u.locale,
    timeZone: u.timeZone,
    isExample: u.isExample,
    disabledAt: u.disabledAt?.toISOString() ?? null,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** People: admins manage them; coordinators see those of the campaigns they lead. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
    private readonly sessions: SessionService,
  ) {}

  async list(caller: AuthUser, query: ListUsersQueryDto): Promise<UserPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const reach = await this.policy.userDirectoryOrganizationIds(caller);
    // Another organization's people, asked for by name of organization: outside reach it does not exist.
    if (query.organizationId && reach !== 'all' && !reach.includes(query.organizationId)) throw new NotFoundError('organization');
    const f = new SqlFilters();
    if (reach !== 'all') f.add('u.organization_id = ANY(?::uuid[])', reach);
    if (query.organizationId) f.add('u.organization_id = ?', query.organizationId);
    if (query.role) f.add('u.role = ?', query.role);
    if (!query.includeDisabled) f.add('u.disabled_at IS NULL');
    if (query.q) f.add('(u.display_name ILIKE ? OR u.email ILIKE ?)', containing(query.q), containing(query.q));
    if (query.cursor) f.add('u.email > ?', decodeCursor(query.cursor, ['text'])[0]);
    const rows: (UserListRow & { organizationName: string })[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.organization_id AS "organizationId", u.locale,
              u.time_zone AS "timeZone", u.is_example AS "isExample", u.disabled_at AS "disabledAt",
              u.last_sign_in_at AS "lastSignInAt", u.created_at AS "createdAt", o.name AS "organizationName"
       FROM users u JOIN organizations o ON o.id = u.organization_id
       WHERE ${f.where} ORDER BY u.email LIMIT ${f.param(limit + 1)}`,
      f.params,
    );
    return toPage(
      rows.map(({ organizationName, ...u }) => ({ ...u, organization: { name: organizationName } })),
      limit,
      toDto,
      (u) => [u.email],
    );
  }

  async get(caller: AuthUser, id: string): Promise<UserDto> {
    const user = await this.find(id);
    await this.policy.assertUserVisible(caller, user);
    return toDto(user);
  }

  /** Admins only (the controller says so). Role and organization changes are audited. */
  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await this.find(id, manager);
      if (dto.organizationId !== undefined && !(await manager.exists(Organization, { where: { id: dto.organizationId } }))) {
        throw new ValidationFailedError([{ field: 'organizationId', message: 'is not an organization' }]);
      }
      if (id === actor.id && dto.role !== undefined && dto.role !== 'admin') {
        throw new ConflictError('cannot_demote_self', 'You cannot take away your own administrator role; ask another administrator.');
      }
      await manager.update(User, { id }, { ...dto, ...(dto.displayName !== undefined ? { displayName: dto.displayName.trim() } : {}) });
      const after = await this.find(id, manager);
      if (before.role !== after.role) {
        await recordAudit(manager, {
          action: 'user.role_changed',
          subjectType: 'user',
          subjectId: id,
          actorId: actor.id,
          before: { role: before.role },
          after: { role: after.role },
        });
      }
      if (before.organizationId !== after.organizationId) {
        await recordAudit(manager, {
          action: 'user.organization_changed',
          subjectType: 'user',
          subjectId: id,
          actorId: actor.id,
          before: { organizationId: before.organizationId },
          after: { organizationId: after.organizationId },
        });
      }
      const rest = ['displayName', 'locale', 'timeZone'].filter((k) => k in dto);
      if (rest.length > 0) {
        await recordAudit(manager, {
          action: 'user.updated',
          subjectType: 'user',
          subjectId: id,
          actorId: actor.id,
          after: Object.fromEntries(rest.map((k) => [k, (after as unknown as Record<string, unknown>)[k]])),
        });
      }
      return toDto(after);
    });
  }

  /** A disabled user is signed out at once and cannot sign in or use API tokens until enabled. */
  async setDisabled(actor: AuthUser, id: string, disabled: boolean): Promise<UserDto> {
    if (disabled && id === actor.id) throw new ConflictError('cannot_disable_self', 'You cannot disable your own account.');
    return inTransaction(this.dataSource, async (manager) => {
      await this.find(id, manager);
      await manager.query(
        `UPDATE users SET disabled_at = ${disabled ? 'COALESCE(disabled_at, now())' : 'NULL'}, updated_at = now() WHERE id = $1`,
        [id],
      );
      if (disabled) await this.sessions.revokeAllForUser(id, manager);
      await recordAudit(manager, {
        action: disabled ? 'user.disabled' : 'user.enabled',
        subjectType: 'user',
        subjectId: id,
        actorId: actor.id,
      });
      return toDto(await this.find(id, manager));
    });
  }

  private async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserWithOrg> {
    const user = await manager.findOne(User, { where: { id }, relations: { organization: true } });
    if (!user) throw new NotFoundError('user');
    return user as UserWithOrg;
  }
}
