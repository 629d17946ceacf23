import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ApiErrorDetail } from '@demarche/shared';
import { ValidationFailedError } from './domain-error.js';

function flatten(errors: ValidationError[], prefix = ''): ApiErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      // class-validator starts messages with the property name; the field is already named.
      message: message.startsWith(`${e.property} `) ? message.slice(e.property.length + 1) : message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The global pipe: DTOs are whitelisted, unknown fields are refused (not silently dropped), and
 * every problem is named by its field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors).map((d) =>
        d.message.includes('should not exist') ? { field: d.field, message: 'is not a known field' } : d,
      );
      return new ValidationFailedError(details, `Invalid ${[...new Set(details.map((d) => d.field))].join(', ')}.`);
    },
  });
}
