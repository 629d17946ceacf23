import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE, utcToday, termsOverlap, termEndsSoon, holderOn, type TermDays } from '@demarche/shared';
import { QueryFailedError, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { followTermEnd } from '../demands/demand-deadlines.js';
import { recordAudit } from '../audit/audit.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { ConflictError, NotFoundError, ValidationFailedError, type DomainError } from '../core/http/domain-error.js';
import { decodeCursor, toPage } from '../core/http/pagination.js';
import type {
  CreateInstitutionDto,
  CreateOfficeDto,
  CreateTermDto,
  HolderOnDayDto,
  InstitutionDetailDto,
  InstitutionDto,
  InstitutionPageDto,
  ListInstitutionsQueryDto,
  OfficeDto,
  OfficePageDto,
  SearchOfficesQueryDto,
  TermDto,
  UpdateInstitutionDto,
  UpdateOfficeDto,
  UpdateTermDto,
} from './institution.dto.js';
import { Institution } from './institution.entity.js';
import { Office } from './office.entity.js';
import { OfficeholderTerm } from './officeholder-term.entity.js';
import { inTransaction } from '../core/database/transaction.js';
import { containing, SqlFilters } from '../core/database/sql-filters.js';

// ——— rows and mapping ———

interface InstitutionRow {
  id: string;
  name: string;
  abbreviation: string | null;
  seat_time_zone: string;
  website: string | null;
  office_count: number;
}

interface OfficeRow {
  id: string;
  institution_id: string;
  institution_name: string;
  seat_time_zone: string;
  title: string;
  is_collective: boolean;
  source: string | null;
}

interface TermRow {
  id: string;
  office_id: string;
  holder_name: string;
  starts_on: string | null;
  ends_on: string | null;
  source: string | null;
}

/** One query: the office count is a correlated count over offices_institution_id_title_key. */
const INSTITUTION_SELECT = `SELECT i.id, i.name, i.abbreviation, i.seat_time_zone, i.website,
  (SELECT count(*)::int FROM offices f WHERE f.institution_id = i.id) AS office_count
  FROM institutions i`;

const OFFICE_SELECT = `SELECT o.id, o.institution_id, i.name AS institution_name, i.seat_time_zone, o.title, o.is_collective, o.source
  FROM offices o JOIN institutions i ON i.id = o.institution_id`;

const TERM_SELECT = `SELECT t.id, t.office_id, t.holder_name, t.starts_on, t.ends_on, t.source FROM officeholder_terms t`;

/** Terms in the order the API shows them: by start (unknown first), then end (open last). */
const TERM_ORDER = `t.starts_on ASC NULLS FIRST, t.ends_on ASC NULLS LAST, t.holder_name, t.id`;

function toInstitutionDto(r: InstitutionRow): InstitutionDto {
  return {
    id: r.id,
    name: r.name,
    abbreviation: r.abbreviation,
    seatTimeZone: r.seat_time_zone,
    website: r.website,
    officeCount: r.office_count,
  };
}

function toTermDto(t: TermRow, today: string): TermDto {
  const days = { startsOn: t.starts_on, endsOn: t.ends_on };
  return {
    id: t.id,
    holderName: t.holder_name,
    startsOn: t.starts_on,
    endsOn: t.ends_on,
    source: t.source,
    endsSoon: termEndsSoon(days, today),
  };
}

function toOfficeDto(o: OfficeRow, terms: TermDto[], today: string): OfficeDto {
  return {
    id: o.id,
    institutionId: o.institution_id,
    institutionName: o.institution_name,
    seatTimeZone: o.seat_time_zone,
    title: o.title,
    isCollective: o.is_collective,
    source: o.source,
    terms,
    currentHolder: holderOn(terms, today),
  };
}

function termRowOf(t: OfficeholderTerm): TermRow {
  return { id: t.id, office_id: t.officeId, holder_name: t.holderName, starts_on: t.startsOn, ends_on: t.endsOn, source: t.source };
}

// ——— errors ———

const nameTaken = () =>
  new ConflictError('name_taken', 'An institution with this name exists already.', [{ field: 'name', message: 'is taken' }]);
const titleTaken = () =>
  new ConflictError('title_taken', 'This institution has an office with this title already.', [{ field: 'title', message: 'is taken' }]);
const endsBeforeStart = () => new ValidationFailedError([{ field: 'endsOn', message: 'must not be before startsOn' }], 'Invalid endsOn.');

function overlapping(other: TermRow, field: 'startsOn' | 'isCollective'): ConflictError {
  const span = `${other.starts_on ?? 'an unknown start'} to ${other.ends_on ?? 'an open end'}`;
  return new ConflictError(
    'terms_overlap',
    field === 'startsOn'
      ? `This term overlaps the term of ${other.holder_name} (${span}); only a collective office has overlapping terms.`
      : `The terms of this office overlap (${other.holder_name}, ${span}); it must stay collective.`,
    [{ field, message: `overlaps the term of ${other.holder_name} (${span})` }],
  );
}

/**
 * Inserts a row unless it would break a unique key (`ON CONFLICT DO NOTHING`: atomic, and no failed
 * query in the logs); the new id, or null when the name or title is taken. TypeORM writes the
 * generated columns into the values it is given, hence the copy.
 */
async function insertUnlessTaken<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: QueryDeepPartialEntity<T>,
) {
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values({ ...values })
    .orIgnore()
    .returning('id')
    .execute();
  return ((result.raw as { id: string }[])[0]?.id ?? null) as string | null;
}

/**
 * Runs an update that the caller checked first (so the usual conflict logs no failed query); a
 * unique violation of `constraint` from a concurrent write still becomes the same conflict.
 */
async function unique<T>(constraint: string, conflict: () => DomainError, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : null;
    if (driver?.code === '23505' && driver.constraint === constraint) throw conflict();
    throw error;
  }
}

/** The fields of `dto` that were sent and differ from `current`: what an update changes. */
function changesOf<T extends object>(current: T, dto: Partial<T>): Partial<T> {
  return Object.fromEntries(
    Object.entries(dto).filter(([k, v]) => v !== undefined && v !== (current as Record<string, unknown>)[k]),
  ) as Partial<T>;
}

function pick(source: object, keys: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, (source as Record<string, unknown>)[k]]));
}

/**
 * The shared directory: institutions, their offices and who held each office when. Every
 * signed-in user reads it (institutions are public bodies); admins and coordinators edit it (the
 * controller says so). Term writes lock their office's row first, so two concurrent writes cannot
 * both pass the overlap check.
 */
@Injectable()
export class InstitutionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ——— institutions ———

  async list(query: ListInstitutionsQueryDto): Promise<InstitutionPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const f = new SqlFilters();
    if (query.q) {
      const words = containing(query.q);
      f.add('(i.name ILIKE ? OR i.abbreviation ILIKE ?)', words, words);
    }
    if (query.cursor) f.add('i.name > ?', decodeCursor(query.cursor, ['text'])[0]);
    const rows: InstitutionRow[] = await this.dataSource.query(
      `${INSTITUTION_SELECT} WHERE ${f.where} ORDER BY i.name LIMIT ${f.param(limit + 1)}`,
      f.params,
    );
    return toPage(rows, limit, toInstitutionDto, (r) => [r.name]);
  }

  /**
   * The directory's offices whose institution (name or abbreviation), title or holder (any term's)
   * contains `q`, by institution and title, with their terms: what a coordinator picks an
   * addressee from. Three queries per page.
   */
  async searchOffices(query: SearchOfficesQueryDto): Promise<OfficePageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const f = new SqlFilters();
    if (query.q) {
      const words = containing(query.q);
      f.add(
        `(i.name ILIKE ? OR i.abbreviation ILIKE ? OR o.title ILIKE ?
          OR EXISTS (SELECT 1 FROM officeholder_terms t WHERE t.office_id = o.id AND t.holder_name ILIKE ?))`,
        words,
        words,
        words,
        words,
      );
    }
    if (query.cursor) f.add('(i.name, o.title, o.id) > (?, ?, ?::uuid)', ...decodeCursor(query.cursor, ['text', 'text', 'uuid']));
    const manager = this.dataSource.manager;
    const rows: OfficeRow[] = await manager.query(
      `${OFFICE_SELECT} WHERE ${f.where} ORDER BY i.name, o.title, o.id LIMIT ${f.param(limit + 1)}`,
      f.params,
    );
    const page = rows.slice(0, limit);
    const terms = await this.termRows(
      manager,
      page.map((o) => o.id),
    );
    const today = utcToday();
    const byOffice = new Map<string, TermDto[]>(page.map((o) => [o.id, []]));
    for (const t of terms) byOffice.get(t.office_id)?.push(toTermDto(t, today));
    return toPage(
      rows,
      limit,
      (o) => toOfficeDto(o, byOffice.get(o.id) ?? [], today),
      (o) => [o.institution_name, o.title, o.id],
    );
  }

  /** The institution with its offices and their terms: three queries, whatever their number. */
  async get(id: string): Promise<InstitutionDetailDto> {
    const manager = this.dataSource.manager;
    const institution = await this.institutionDto(manager, id);
    const offices = await this.officeDtos(manager, 'o.institution_id = $1', [id]);
    return { ...institution, offices };
  }

  async create(actor: AuthUser, dto: CreateInstitutionDto): Promise<InstitutionDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const values = {
        name: dto.name,
        abbreviation: dto.abbreviation ?? null,
        seatTimeZone: dto.seatTimeZone,
        website: dto.website ?? null,
      };
      const id = await insertUnlessTaken(manager, Institution, values);
      if (!id) throw nameTaken();
      await recordAudit(manager, {
        action: 'institution.created',
        subjectType: 'institution',
        subjectId: id,
        actorId: actor.id,
        after: values,
      });
      return this.institutionDto(manager, id);
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdateInstitutionDto): Promise<InstitutionDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOne(Institution, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new NotFoundError('institution');
      const changes = changesOf(before, dto);
      if (changes.name !== undefined && (await manager.exists(Institution, { where: { name: changes.name } }))) throw nameTaken();
      if (Object.keys(changes).length > 0) {
        await unique('institutions_name_key', nameTaken, () => manager.update(Institution, { id }, changes));
        await recordAudit(manager, {
          action: 'institution.updated',
          subjectType: 'institution',
          subjectId: id,
          actorId: actor.id,
          before: pick(before, changes),
          after: changes,
        });
      }
      return this.institutionDto(manager, id);
    });
  }

  // ——— offices ———

  async getOffice(id: string): Promise<OfficeDto> {
    return this.officeDto(this.dataSource.manager, id);
  }

  async createOffice(actor: AuthUser, institutionId: string, dto: CreateOfficeDto): Promise<OfficeDto> {
    return inTransaction(this.dataSource, async (manager) => {
      if (!(await manager.exists(Institution, { where: { id: institutionId } }))) throw new NotFoundError('institution');
      const values = { institutionId, title: dto.title, isCollective: dto.isCollective ?? false, source: dto.source ?? null };
      const id = await insertUnlessTaken(manager, Office, values);
      if (!id) throw titleTaken();
      await recordAudit(manager, { action: 'office.created', subjectType: 'office', subjectId: id, actorId: actor.id, after: values });
      return this.officeDto(manager, id);
    });
  }

  async updateOffice(actor: AuthUser, id: string, dto: UpdateOfficeDto): Promise<OfficeDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await this.lockOffice(manager, id);
      const changes = changesOf(before, dto);
      if (
        changes.title !== undefined &&
        (await manager.exists(Office, { where: { institutionId: before.institutionId, title: changes.title } }))
      )
        throw titleTaken();
      if (changes.isCollective === false) {
        // An individual office has one holder at a time: its terms must not overlap.
        const clash = firstOverlap(await this.termRows(manager, [id]));
        if (clash) throw overlapping(clash, 'isCollective');
      }
      if (Object.keys(changes).length > 0) {
        await unique('offices_institution_id_title_key', titleTaken, () => manager.update(Office, { id }, changes));
        await recordAudit(manager, {
          action: 'office.updated',
          subjectType: 'office',
          subjectId: id,
          actorId: actor.id,
          before: pick(before, changes),
          after: changes,
        });
      }
      return this.officeDto(manager, id);
    });
  }

  /** Who held the office on `on` (default: today, UTC). */
  async holder(officeId: string, on: string = utcToday()): Promise<HolderOnDayDto> {
    const manager = this.dataSource.manager;
    if (!(await manager.exists(Office, { where: { id: officeId } }))) throw new NotFoundError('office');
    const today = utcToday();
    const terms = (await this.termRows(manager, [officeId])).map((t) => toTermDto(t, today));
    return { on, term: holderOn(terms, on) };
  }

  // ——— terms ———

  async createTerm(actor: AuthUser, officeId: string, dto: CreateTermDto): Promise<TermDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const office = await this.lockOffice(manager, officeId);
      const values = {
        officeId,
        holderName: dto.holderName,
        startsOn: dto.startsOn ?? null,
        endsOn: dto.endsOn ?? null,
        source: dto.source ?? null,
      };
      await this.assertTermFits(manager, office, values, null);
      const saved = await manager.save(OfficeholderTerm, manager.create(OfficeholderTerm, values));
      await recordAudit(manager, { action: 'term.created', subjectType: 'term', subjectId: saved.id, actorId: actor.id, after: values });
      return toTermDto(termRowOf(saved), utcToday());
    });
  }

  async updateTerm(actor: AuthUser, id: string, dto: UpdateTermDto): Promise<TermDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const { office, term: before } = await this.lockTerm(manager, id);
      const changes = changesOf(before, dto);
      const after = { ...before, ...changes };
      if (Object.keys(changes).length > 0) {
        await this.assertTermFits(manager, office, after, id);
        await manager.update(OfficeholderTerm, { id }, changes);
        if ('endsOn' in changes) await followTermEnd(manager, actor.id, id, after.endsOn ?? null);
        await recordAudit(manager, {
          action: 'term.updated',
          subjectType: 'term',
          subjectId: id,
          actorId: actor.id,
          before: pick(before, changes),
          after: changes,
        });
      }
      return toTermDto(termRowOf(after), utcToday());
    });
  }

  async deleteTerm(actor: AuthUser, id: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const { term } = await this.lockTerm(manager, id);
      await manager.delete(OfficeholderTerm, { id });
      await recordAudit(manager, {
        action: 'term.deleted',
        subjectType: 'term',
        subjectId: id,
        actorId: actor.id,
        before: pick(term, { officeId: 1, holderName: 1, startsOn: 1, endsOn: 1, source: 1 }),
      });
    });
  }

  // ——— helpers (all SQL of the directory is here) ———

  private async institutionDto(manager: EntityManager, id: string): Promise<InstitutionDto> {
    const [row]: InstitutionRow[] = await manager.query(`${INSTITUTION_SELECT} WHERE i.id = $1`, [id]);
    if (!row) throw new NotFoundError('institution');
    return toInstitutionDto(row);
  }

  private async officeDto(manager: EntityManager, id: string): Promise<OfficeDto> {
    const [office] = await this.officeDtos(manager, 'o.id = $1', [id]);
    if (!office) throw new NotFoundError('office');
    return office;
  }

  /** Offices matching `where` (by title) with their terms: two queries, however many offices and terms. */
  private async officeDtos(manager: EntityManager, where: string, params: unknown[]): Promise<OfficeDto[]> {
    const offices: OfficeRow[] = await manager.query(`${OFFICE_SELECT} WHERE ${where} ORDER BY o.title, o.id`, params);
    const terms = await this.termRows(
      manager,
      offices.map((o) => o.id),
    );
    const today = utcToday();
    const byOffice = new Map<string, TermDto[]>(offices.map((o) => [o.id, []]));
    for (const t of terms) byOffice.get(t.office_id)?.push(toTermDto(t, today));
    return offices.map((o) => toOfficeDto(o, byOffice.get(o.id) ?? [], today));
  }

  private async termRows(manager: EntityManager, officeIds: string[]): Promise<TermRow[]> {
    if (officeIds.length === 0) return [];
    return manager.query(`${TERM_SELECT} WHERE t.office_id = ANY($1::uuid[]) ORDER BY ${TERM_ORDER}`, [officeIds]);
  }

  /** The office, its row locked until the transaction ends: term writes on one office take turns. */
  private async lockOffice(manager: EntityManager, id: string): Promise<Office> {
    const office = await manager.findOne(Office, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!office) throw new NotFoundError('office');
    return office;
  }

  /** A term and its office, the office locked first (the order every term write follows). */
  private async lockTerm(manager: EntityManager, id: string): Promise<{ office: Office; term: OfficeholderTerm }> {
    const ref = await manager.findOne(OfficeholderTerm, { where: { id }, select: { id: true, officeId: true } });
    if (!ref) throw new NotFoundError('term');
    const office = await this.lockOffice(manager, ref.officeId);
    const term = await manager.findOne(OfficeholderTerm, { where: { id, officeId: office.id } });
    if (!term) throw new NotFoundError('term');
    return { office, term };
  }

  /** Dates in order; and, unless the office is collective, no day shared with another of its terms. */
  private async assertTermFits(manager: EntityManager, office: Office, term: TermDays, exceptId: string | null): Promise<void> {
    if (term.startsOn !== null && term.endsOn !== null && term.endsOn < term.startsOn) throw endsBeforeStart();
    if (office.isCollective) return;
    const others = (await this.termRows(manager, [office.id])).filter((t) => t.id !== exceptId);
    const clash = others.find((t) => termsOverlap(rowDays(t), term));
    if (clash) throw overlapping(clash, 'startsOn');
  }
}

function rowDays(t: TermRow): TermDays {
  return { startsOn: t.starts_on, endsOn: t.ends_on };
}

/** The first term (in TERM_ORDER) that overlaps an earlier one, if any. */
function firstOverlap(terms: TermRow[]): TermRow | null {
  for (let i = 1; i < terms.length; i++) {
    const t = terms[i]!;
    if (terms.slice(0, i).some((earlier) => termsOverlap(rowDays(earlier), rowDays(t)))) return t;
  }
  return null;
}
