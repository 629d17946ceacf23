import type { INestApplication } from '@nestjs/common';
import { GUARDS_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import {
  DECORATORS,
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
  type SecurityRequirementObject,
} from '@nestjs/swagger';
import { API_ERROR_CODES } from '@demarche/shared';
import { IS_PUBLIC } from '../core/auth/decorators.js';
import { sessionCookieName } from '../core/auth/cookies.js';
import { CONFIG } from '../core/config/config.module.js';
import type { Config } from '../core/config/config.js';
import { APP_VERSION } from '../core/version.js';

const operationIdOf = (controllerKey: string, methodKey: string): string => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`;

/** Security schemes (components.securitySchemes) and the requirements built from them. */
const SESSION = 'sessionCookie';
const CSRF = 'csrfToken';
const TOKEN = 'apiToken';
const READ_SECURITY: SecurityRequirementObject[] = [{ [SESSION]: [] }, { [TOKEN]: [] }];
/** A state-changing request signed in by cookie must also carry the session's CSRF token. */
const WRITE_SECURITY: SecurityRequirementObject[] = [{ [SESSION]: [], [CSRF]: [] }, { [TOKEN]: [] }];
const SAFE_METHODS = new Set(['get', 'head', 'options']);

const ERROR_BODY = 'ErrorBody';
const errorContent = { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_BODY}` } } };

/** The error answers (components.responses), by status; `default` covers any other (413, 415, 5xx…). */
const ERROR_RESPONSES: Record<string, { name: string; response: ResponseObject }> = {
  '400': {
    name: 'BadRequest',
    response: {
      description:
        'The request is not valid: `validation_failed` (with `details`, one per field), `invalid_id` (a path id that is ' +
        'not a UUID), `malformed_body`, or another code saying what is wrong.',
      content: errorContent,
    },
  },
  '401': {
    name: 'Unauthenticated',
    response: {
      description:
        'Not signed in: no session cookie or API token, or one that ended (`unauthenticated`, `invalid_token`), ' +
        'or wrong credentials when signing in.',
      content: errorContent,
    },
  },
  '403': {
    name: 'Forbidden',
    response: {
      description:
        "The caller's role or organization does not allow this (`forbidden`), or a state-changing request signed in by " +
        'cookie came without the right `X-CSRF-Token` header (`csrf_invalid`).',
      content: errorContent,
    },
  },
  '404': {
    name: 'NotFound',
    response: {
      description: 'No such record, or one outside the caller’s reach: the API does not tell the two apart (`not_found`).',
      content: errorContent,
    },
  },
  '409': {
    name: 'Conflict',
    response: {
      description:
        'The change conflicts with the current state: a name or reference already taken, a status that moved meanwhile, ' +
        'a record still in use… `code` says which.',
      content: errorContent,
    },
  },
  '429': {
    name: 'TooManyRequests',
    response: {
      description: 'Too many requests from this user or address (`rate_limited`); try again after `Retry-After` seconds.',
      headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } } },
      content: errorContent,
    },
  },
  default: {
    name: 'Error',
    response: {
      description: 'Any other error (e.g. 413 body too large, 415 unsupported content type, 5xx), with the same body.',
      content: errorContent,
    },
  },
};

const ERROR_SCHEMAS: Record<string, SchemaObject> = {
  ErrorDetail: {
    type: 'object',
    description: 'A field-level problem in a request.',
    required: ['field', 'message'],
    properties: {
      field: { type: 'string', description: 'A dotted path into the body or query, e.g. `deadline.date`.' },
      message: { type: 'string' },
    },
  },
  [ERROR_BODY]: {
    type: 'object',
    description: 'The one error body of the API, whatever went wrong. Some answers add fields, documented with the operation.',
    required: ['statusCode', 'code', 'message', 'requestId'],
    properties: {
      statusCode: { type: 'integer', description: 'The HTTP status of the answer.', example: 404 },
      code: {
        type: 'string',
        enum: [...API_ERROR_CODES],
        description: 'Stable and machine-readable: `validation_failed`, `invalid_id`, `not_found`…',
        example: 'not_found',
      },
      message: { type: 'string', description: 'For people; may change.' },
      details: { type: 'array', items: { $ref: '#/components/schemas/ErrorDetail' } },
      requestId: { type: 'string', description: 'Also in the `X-Request-Id` header; names the request in the logs.' },
    },
  },
};

/** What the document needs to know about each route's handler, by operationId. */
interface RouteFacts {
  /** @Public(): no signed-in user needed. */
  public: boolean;
  /** A guard of its own (sign-in's): it can answer 401 although public. */
  ownGuards: boolean;
}

/**
 * Walks every controller of the app, as SwaggerModule does, and reads the metadata the document
 * derives from: @Public() (the same lookup as the global AuthGuard) and route guards.
 */
function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const reflector = new Reflector();
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller || typeof controller !== 'function') continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[key];
        if (key === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const explicit = (Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as { operationId?: string } | undefined)?.operationId;
        const guards = (Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[] | undefined) ?? [];
        facts.set(explicit ?? operationIdOf(controller.name, key), {
          public: reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [handler, controller]) === true,
          ownGuards: guards.length > 0,
        });
      }
    }
  }
  return facts;
}

/**
 * Adds what every operation can answer besides its own documented answers, from the route's
 * shape and metadata (never route by route): security, and the error answers. 400 where the
 * operation takes input (parameters or a body), 401 and 403 where it needs a signed-in user, 404
 * where the path names a record, 409 on every state-changing operation (the domain's conflicts,
 * and unique or foreign-key violations, error-body.ts), 429 everywhere (rate limits), `default`
 * for anything else. An answer the operation documents already keeps its description and gains
 * the error body if it had none.
 */
function addSecurityAndErrors(document: OpenAPIObject, facts: Map<string, RouteFacts>): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(method)) continue;
      const operation = value as OperationObject;
      const route = operation.operationId === undefined ? undefined : facts.get(operation.operationId);
      if (!route) throw new Error(`OpenAPI: no controller method found for ${method.toUpperCase()} ${path} (${operation.operationId})`);
      const write = !SAFE_METHODS.has(method);
      const authenticated = !route.public;
      if (route.public) operation.security = [];
      else if (write) operation.security = WRITE_SECURITY;

      const statuses: string[] = [];
      if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody) statuses.push('400');
      if (authenticated || route.ownGuards) statuses.push('401');
      if (authenticated) statuses.push('403');
      if ((operation.parameters ?? []).some((p) => 'in' in p && p.in === 'path')) statuses.push('404');
      if (write) statuses.push('409');
      statuses.push('429', 'default');

      for (const status of statuses) {
        const existing = operation.responses[status] as ResponseObject | ReferenceObject | undefined;
        const shared: ReferenceObject = { $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` };
        if (!existing) operation.responses[status] = shared;
        else if (!('$ref' in existing) && !existing.content) existing.content = errorContent;
      }
    }
  }
  document.security = READ_SECURITY;
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ...ERROR_SCHEMAS };
  document.components.responses = Object.fromEntries(Object.values(ERROR_RESPONSES).map(({ name, response }) => [name, response]));
}

/** Accepts `null` and nothing else, under the strict OpenAPI 3.0.3 reading (nullable only widens `type`). */
const NULL_ONLY: SchemaObject = { type: 'object', nullable: true, enum: [null] };

/**
 * Makes every `nullable` mean what strict OpenAPI 3.0 validators read (3.0.3: `nullable` only adds
 * null to the `type` beside it; every other keyword still applies):
 * - `@ApiProperty({ nullable: true, type: Dto })` comes out as `{nullable, type: object, allOf: [$ref]}`,
 *   which such validators read as "never null" (the $ref refuses null): it becomes
 *   `anyOf: [$ref, NULL_ONLY]`, which openapi-typescript also reads as `Dto | null`;
 * - a nullable `enum` gains `null` among its values, or the enum refuses it.
 * A `nullable` without a `type` or beside another combination is a mistake to fix in the DTO.
 */
function strictNullability(node: unknown, at: string): void {
  if (Array.isArray(node)) return node.forEach((child, i) => strictNullability(child, `${at}/${i}`));
  if (typeof node !== 'object' || node === null) return;
  const schema = node as SchemaObject & Record<string, unknown>;
  if (schema.nullable === true) {
    if (schema.allOf?.length === 1 && !schema.properties && !schema.anyOf && !schema.oneOf) {
      const [target] = schema.allOf;
      delete schema.nullable;
      delete schema.type;
      delete schema.allOf;
      schema.anyOf = [target!, { ...NULL_ONLY }];
    } else if (schema.allOf || schema.anyOf || schema.oneOf || schema.$ref || !schema.type) {
      throw new Error(`OpenAPI: ${at} is nullable in a way strict OpenAPI 3.0 validators would not read as nullable`);
    } else if (schema.enum && !schema.enum.includes(null)) {
      schema.enum = [...schema.enum, null];
    }
  }
  for (const [key, child] of Object.entries(schema)) if (key !== 'enum' && key !== 'example') strictNullability(child, `${at}/${key}`);
}

/** The OpenAPI document of the API, as served at /api/openapi.json and checked in under shared/. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = app.get<symbol, Config>(CONFIG, { strict: false });
  const builder = new DocumentBuilder()
    .setTitle('Demarche API')
    .setDescription(
      'Coordination and action tracking for civil-society coalitions. Errors answer ' +
        '`{statusCode, code, message, details?, requestId}` (`ErrorBody`); lists answer `{items, nextCursor}`. ' +
        'Sign in with the session cookie (the browser dashboard) or a personal API token sent as `Authorization: Bearer`.',
    )
    .setVersion(APP_VERSION)
    .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
    // The paths carry /api already: the API is on the origin that serves this document.
    .addServer('/', 'The origin serving this document')
    .addSecurity(SESSION, {
      type: 'apiKey',
      in: 'cookie',
      name: sessionCookieName(config),
      description:
        'The session cookie set by sign-in (`POST /api/auth/login`), httpOnly. Behind HTTPS it is named ' +
        '`__Host-demarche_session`. State-changing requests (POST, PUT, PATCH, DELETE) signed in by cookie must also ' +
        'send the session’s CSRF token in `X-CSRF-Token` (scheme `csrfToken`).',
    })
    .addSecurity(CSRF, {
      type: 'apiKey',
      in: 'header',
      name: 'X-CSRF-Token',
      description:
        'The CSRF token of the session (`csrfToken` in the answers of sign-in and `GET /api/me`): required with the ' +
        'session cookie on state-changing requests, else 403 `csrf_invalid`. Not used with an API token.',
    })
    .addSecurity(TOKEN, {
      type: 'http',
      scheme: 'bearer',
      description:
        'A personal API token (`POST /api/me/tokens`) as `Authorization: Bearer <token>`; cookies are then ignored and ' +
        'no CSRF token is needed.',
    })
    .build();
  const document = SwaggerModule.createDocument(app, builder, { operationIdFactory: operationIdOf });
  addSecurityAndErrors(document, routeFacts(app));
  strictNullability(document.components, '#/components');
  strictNullability(document.paths, '#/paths');
  return document;
}
