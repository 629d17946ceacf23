import { isValidTimeZone } from '@demarche/shared';
import { ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

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

/** A calendar day, 'YYYY-MM-DD', that exists. */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** `@Validate(IsDateOnly)`: a calendar day such as 2025-04-30. */
@ValidatorConstraint({ name: 'dateOnly' })
export class IsDateOnly implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isDateOnly(value);
  }
  defaultMessage(): string {
    return 'must be a date such as 2025-04-30';
  }
}
