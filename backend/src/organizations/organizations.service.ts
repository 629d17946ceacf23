import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE } from '@demarche/shared';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit.js';
import { AccessPolicy } from '../core/auth/access-policy.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { SessionService } from '../core/auth/session.service.js';
import { ConflictError, NotFoundError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import type { CreateOrganizationDto, OrganizationDto, OrganizationPageDto, UpdateOrganizationDto } from './organization.dto.js';
import { containing, SqlFilters } from '../core/database/sql-filters.js';
import type { FindOrganizationNamesQueryDto, OrganizationNamePageDto } from './organization-name.dto.js';
import { Organization } from './organization.entity.js';
import { inTransaction } from '../core/database/transaction.js';

/** An organization's columns under its entity's names, for `toOrganizationDto`. */
const ORGANIZATION_COLUMNS = `o.id, o.name, o.country, o.kind, o.contact_email AS "contactEmail", o.website, o.is_example AS "isExample",
  o.disabled_at AS "disabledAt", o.created_at AS "createdAt"`;

type OrganizationRow = Pick<
  Organization,
  'id' | 'name' | 'country' | 'kind' | 'contactEmail' | 'website' | 'isExample' | 'disabledAt' | 'createdAt'
>;

export function toOrganizationDto(o: OrganizationRow): OrganizationDto {
  return {
    id: o.id,
    name: o.name,
    country: o.country,
    kind: o.kind,
    contactEmail: o.contactEmail,
    website: o.website,
    isExample: o.isExample,
    disabledAt: o.disabledAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
  };
}

const nameTaken = () =>
  new ConflictError('name_taken', 'An organization with this name exists already.', [{ field: 'name', message: 'is taken' }]);

/** Coalition member organizations. Admins manage them; others see the ones they work with. */
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: AccessPolicy,
    private readonly sessions: SessionService,
  ) {}

  async list(user: AuthUser, query: { cursor?: string; limit?: number; q?: string }): Promise<OrganizationPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const visible = await this.policy.visibleOrganizationIds(user);
    const f = new SqlFilters();
    if (visible !== 'all') f.add('o.id = ANY(?::uuid[])', visible);
    if (query.q) f.add('o.name ILIKE ?', containing(query.q));
    if (query.cursor) f.add('o.name > ?', decodeCursor(query.cursor, ['text'])[0]);
    const rows: OrganizationRow[] = await this.dataSource.query(
      `SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE ${f.where} ORDER BY o.name LIMIT ${f.param(limit + 1)}`,
      f.params,
    );
    return toPage(rows, limit, toOrganizationDto, (o) => [o.name]);
  }

  /**
   * Organizations by name, for coordinators and admins to invite one to a campaign: every enabled
   * organization, the caller's reach or not, answered as id and name only (never details, never
   * people; those stay within reach).
   */
  async findNames(user: AuthUser, query: FindOrganizationNamesQueryDto): Promise<OrganizationNamePageDto> {
    this.policy.assertMayFindOrganizationsByName(user);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [containing(query.q)];
    let after = '';
    if (query.cursor) {
      params.push(decodeCursor(query.cursor, ['text'])[0]);
      after = 'AND name > $2';
    }
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM organizations WHERE disabled_at IS NULL AND name ILIKE $1 ${after} ORDER BY name LIMIT ${limit + 1}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (r) => ({ id: r.id, name: r.name }),
      (r) => [r.name],
    );
  }

  async get(user: AuthUser, id: string): Promise<OrganizationDto> {
    await this.policy.assertOrganizationVisible(user, id);
    return toOrganizationDto(await this.find(id));
  }

  async create(actor: AuthUser, dto: CreateOrganizationDto): Promise<OrganizationDto> {
    return inTransaction(this.dataSource, async (manager) => {
      if (await manager.exists(Organization, { where: { name: dto.name.trim() } })) throw nameTaken();
      const saved = await manager.save(Organization, manager.create(Organization, { ...dto, name: dto.name.trim() }));
      await recordAudit(manager, {
        action: 'organization.created',
        subjectType: 'organization',
        subjectId: saved.id,
        actorId: actor.id,
        after: { name: saved.name },
      });
      return toOrganizationDto(saved);
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdateOrganizationDto): Promise<OrganizationDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await this.find(id, manager);
      if (
        dto.name !== undefined &&
        dto.name.trim() !== before.name &&
        (await manager.exists(Organization, { where: { name: dto.name.trim() } }))
      )
        throw nameTaken();
      const changes = { ...dto, ...(dto.name !== undefined ? { name: dto.name.trim() } : {}) };
      await manager.update(Organization, { id }, changes);
      const after = await this.find(id, manager);
      await recordAudit(manager, {
        action: 'organization.updated',
        subjectType: 'organization',
        subjectId: id,
        actorId: actor.id,
        before: pick(toOrganizationDto(before), changes),
        after: pick(toOrganizationDto(after), changes),
      });
      return toOrganizationDto(after);
    });
  }

  /** Disabling an organization signs all its users out and keeps them out until it is enabled. */
  async setDisabled(actor: AuthUser, id: string, disabled: boolean): Promise<OrganizationDto> {
    if (disabled && id === actor.organizationId)
      throw new ConflictError('cannot_disable_self', 'You cannot disable your own organization.');
    return inTransaction(this.dataSource, async (manager) => {
      await this.find(id, manager);
      await manager.query(
        `UPDATE organizations SET disabled_at = ${disabled ? 'COALESCE(disabled_at, now())' : 'NULL'}, updated_at = now() WHERE id = $1`,
        [id],
      );
      if (disabled) await this.sessions.revokeAllForOrganization(id, manager);
      await recordAudit(manager, {
        action: disabled ? 'organization.disabled' : 'organization.enabled',
        subjectType: 'organization',
        subjectId: id,
        actorId: actor.id,
      });
      return toOrganizationDto(await this.find(id, manager));
    });
  }

  private async find(id: string, manager = this.dataSource.manager): Promise<Organization> {
    const org = await manager.findOne(Organization, { where: { id } });
    if (!org) throw new NotFoundError('organization');
    return org;
  }
}

function pick(source: object, keys: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, (source as Record<string, unknown>)[k]]));
}
