import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@demarche/shared';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationFailedError } from './domain-error.js';
import { Omittable, isCalendarDate } from './validators.js';

/** `?cursor=&limit=` of every list (keyset paging: the cursor names the last row seen). */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Omittable()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @Omittable()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

/** An opaque cursor: the sort key of the last row, as base64url JSON. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/**
 * The kinds of value a cursor's sort key holds. Each is checked before it reaches SQL, so a
 * forged cursor is a 400, never a cast error in PostgreSQL.
 */
export type CursorKind = 'timestamp' | 'date' | 'uuid' | 'int' | 'bigint' | 'text';

type CursorValue<K extends CursorKind> = K extends 'int' ? number : string;
type CursorValues<K extends readonly CursorKind[]> = { [I in keyof K]: CursorValue<K[I]> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// What Date.prototype.toISOString writes, the only timestamps our cursors carry.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

function cursorValue(kind: CursorKind, value: unknown): string | number | undefined {
  switch (kind) {
    case 'timestamp':
      return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
    case 'date':
      return isCalendarDate(value) ? value : undefined;
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? value : undefined;
    case 'int':
      return typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : undefined;
    case 'bigint':
      return typeof value === 'string' && /^\d{1,18}$/.test(value) ? value : undefined;
    case 'text':
      return typeof value === 'string' && value.length <= 512 && !value.includes('\u0000') ? value : undefined;
  }
}

/**
 * The sort key inside a cursor, each value checked against its kind; a 400 naming `cursor` when
 * it is not one of ours (wrong arity, wrong types, values SQL could not cast).
 */
export function decodeCursor<const K extends readonly CursorKind[]>(cursor: string, kinds: K): CursorValues<K> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (Array.isArray(values) && values.length === kinds.length) {
    const decoded = kinds.map((kind, i) => cursorValue(kind, values[i]));
    if (decoded.every((v) => v !== undefined)) return decoded as CursorValues<K>;
  }
  throw new ValidationFailedError([{ field: 'cursor', message: 'is not a cursor from this list' }]);
}

/** Cuts a fetched `limit + 1` rows to a page and computes the next cursor from the last item kept. */
export function toPage<R, T>(rows: R[], limit: number, map: (row: R) => T, key: (row: R) => (string | number)[]) {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { items: kept.map(map), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null };
}
