import { isValidTimeZone } from '@demarche/shared';
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateIf, ValidateNested, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

/**
 * A body field that may be left out. `null` is not "left out": it is checked like any other
 * value, so `{"displayName": null}` is a 400 naming the field, never a NOT NULL error or a
 * `null.trim()` (class-validator's own `@IsOptional()` lets null through, which is why the lint
 * forbids it).
 */
export const Omittable = () => ValidateIf((_: object, v: unknown) => v !== undefined);

/** A field that may be left out or sent as `null` (which clears it); its type says `| null`. */
export const Nullable = () => ValidateIf((_: object, v: unknown) => v !== undefined && v !== null);

/** `@Validate(IsTimeZone)`: an IANA time zone this runtime knows. */
@ValidatorConstraint({ name: 'timeZone' })
export class IsTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidTimeZone(value);
  }
  defaultMessage(): string {
    return 'must be an IANA time zone such as Europe/Zurich';
  }
}

/**
 * A calendar day written 'YYYY-MM-DD' that exists (2025-02-29 does not, nor year 0000, which
 * PostgreSQL's `date` refuses). The one check for a day, wherever one comes in (ADR 0003: a day
 * is its string; such strings compare in calendar order).
 */
export function isCalendarDate(value: unknown): value is string {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1) return false;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `@Validate(IsCalendarDate)`: a calendar day such as 2025-04-30. */
@ValidatorConstraint({ name: 'calendarDate' })
export class IsCalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCalendarDate(value);
  }
  defaultMessage(): string {
    return 'must be a calendar date such as 2025-04-30';
  }
}

/**
 * A nested object checked by its own class. class-validator's `@ValidateNested()` alone accepts an
 * array in its place (`{"reminderPolicy": [[]]}` was stored as `{"0": []}`); this checks it is an
 * object first. The lint forbids `ValidateNested` anywhere else.
 */
export const Nested = (type: () => new () => object) => applyDecorators(IsObject(), ValidateNested(), Type(type));

/** An array of nested objects, each an object checked by its own class. */
export const NestedArray = (type: () => new () => object) =>
  applyDecorators(IsArray(), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
