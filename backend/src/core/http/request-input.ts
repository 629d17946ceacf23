import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiErrorDetail } from '@demarche/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, ValidationFailedError } from './domain-error.js';

/**
 * What every request's input must be before any route sees it, checked once for all routes
 * (issue 16): a JSON body nests at most MAX_JSON_DEPTH levels (checked on the raw bytes, before
 * parsing: a 4 kB body of 2,000 nested arrays overflowed the stack of the validators, and large
 * ones held the event loop); a body is a JSON object; no string anywhere — body, query, path —
 * holds a NUL character, which PostgreSQL cannot store in text.
 */
export const MAX_JSON_DEPTH = 32;

/** Whether `bytes`, read as JSON, opens more than `max` arrays and objects inside each other. */
export function nestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash: the next byte is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The first field (dotted path) of `value` whose name or string value holds a NUL character. */
export function fieldWithNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = fieldWithNul(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return field;
      const found = fieldWithNul(child, field);
      if (found !== null) return found;
    }
  }
  return null;
}

export class BodyTooDeepError extends DomainError {
  constructor() {
    super(400, 'malformed_body', `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`);
  }
}

export class BodyNotObjectError extends DomainError {
  constructor() {
    super(400, 'malformed_body', 'The request body must be a JSON object.');
  }
}

function nulError(field: string): ValidationFailedError {
  const details: ApiErrorDetail[] = [{ field, message: 'must not contain NUL characters' }];
  return new ValidationFailedError(details, `Invalid ${field}: NUL characters are not allowed.`);
}

type Done = (error: Error | null, body?: unknown) => void;

/**
 * Installs the checks: a JSON parser that measures depth before Fastify's own (prototype-poisoning
 * safe) parser runs and refuses anything but an object after it, and a `preValidation` hook that
 * looks for NULs in the query string, the path parameters and the parsed body (JSON or form).
 * Call before the app is initialised.
 */
export function registerRequestInput(app: NestFastifyApplication, bodyLimit: number): void {
  app.useBodyParser('application/json', { bodyLimit }, (request: FastifyRequest, body: Buffer, done: Done) => {
    if (nestsDeeperThan(body, MAX_JSON_DEPTH)) return done(new BodyTooDeepError());
    const fastify = request.server;
    void fastify.getDefaultJsonParser('error', 'error')(request, body.toString('utf8'), (error: Error | null, parsed?: unknown) => {
      if (error) return done(error);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return done(new BodyNotObjectError());
      done(null, parsed);
    });
  });
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  // The API reads JSON (and Nest's form parser); a text/plain body reached sign-in's guard as a
  // string. Without Fastify's text parser it is a 415 in the error contract, like any other type.
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('preValidation', (request, _reply, done) => {
    const field = fieldWithNul(request.query) ?? fieldWithNul(request.params);
    const bodyField = request.body !== undefined && !Buffer.isBuffer(request.body) ? fieldWithNul(request.body) : null;
    done(field !== null ? nulError(field) : bodyField !== null ? nulError(bodyField) : undefined);
  });
}
