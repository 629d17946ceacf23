import { Global, Module, type DynamicModule, type LoggerService } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import pino, { type Logger as Pino } from 'pino';
import type { Config } from '../config/config.js';
import { requestPath } from './request-path.js';

/** Paths never written to a log line: credentials travel in these. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
];

/**
 * The process's Nest logger: JSON lines through pino, synchronous writes, so the last lines
 * before a SIGTERM exit are not lost. A Nest `Logger` call maps as nestjs-pino mapped it: an
 * object first is merged into the line, a string is the message, the last extra argument is the
 * context (the class name).
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: pino.Level, message: unknown, params: unknown[]): void {
    const fields: Record<string, unknown> = {};
    const rest = params.slice(0, -1);
    if (params.length > 0) fields.context = params.at(-1);
    if (message instanceof Error) {
      fields.err = message;
      this.pino[level](fields, ...(rest as [string?]));
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level](Object.assign(fields, message), ...(rest as [string?]));
    } else if (level === 'error' && rest.length === 1 && typeof rest[0] === 'string' && /\n\s*at /.test(rest[0])) {
      // Nest's own exception handlers call error(message, stack, context).
      const err = new Error(String(message));
      err.stack = rest[0];
      this.pino.error(Object.assign(fields, { err }));
    } else {
      this.pino[level](fields, String(message), ...rest);
    }
  }
}

/** What a failed query's error may say in a log: PostgreSQL's code and the names of things, never values. */
const DRIVER_ERROR_FIELDS = ['code', 'severity', 'table', 'column', 'constraint', 'routine'] as const;

/**
 * pino's error serializer, minus what carries user data. TypeORM's QueryFailedError holds the
 * statement's `parameters`, and PostgreSQL's message and `detail` quote the offending value
 * ('invalid input syntax for type uuid: "…"', 'Key (email)=(…) already exists'): a failed query
 * is logged with its error code, its statement and the names above (issue 16, item 10).
 */
export function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  const driverError = (error as { driverError?: Record<string, unknown> } | null)?.driverError;
  if (!driverError || typeof driverError !== 'object') return serialized;
  const safe: Record<string, unknown> = {};
  for (const field of DRIVER_ERROR_FIELDS) if (driverError[field] !== undefined) safe[field] = driverError[field];
  const { type, query, stack } = serialized;
  const firstFrame = typeof stack === 'string' ? stack.split('\n').slice(1).join('\n') : undefined;
  return {
    type,
    message: `query failed: ${String(driverError.code ?? 'unknown')}`,
    query,
    driverError: safe,
    ...(firstFrame ? { stack: `${String(type)}: query failed\n${firstFrame}` } : {}),
  };
}

/**
 * A URL as a log line may show it: ids, filters and route words, nothing a person typed.
 * - Path: with the matched route (`/api/campaigns/:id/demands`), each parameter's value is kept
 *   only if it is a UUID; without one (an unknown path, the dashboard's catch-all), a segment is
 *   kept only if it is a UUID or a route-like word (lower-case letters and hyphens).
 * - Query: values are kept only for parameters that name a filter, a page size or an id
 *   (`limit`, `status`, `officeId`…), and only if they look like one (a UUID, an enum word, a
 *   number); a search text, a cursor (it holds the last row's key: an e-mail, a name) and
 *   anything else are replaced — a search for a detained person's name does not belong in an
 *   operator's log. (E-mailed links keep their tokens in the fragment, which never reaches us.)
 */
export function redactUrl(url: string, route?: string): string {
  const q = url.indexOf('?');
  const segments = (q === -1 ? url : url.slice(0, q)).split('/');
  const template = route && !route.includes('*') ? route.split('/') : null;
  const path = segments
    .map((segment, i) => {
      const shape = template?.length === segments.length ? template[i] : undefined;
      if (shape !== undefined && !shape.startsWith(':')) return segment;
      return UUID_VALUE.test(segment) || (shape === undefined && ROUTE_WORD.test(segment)) ? segment : '[redacted]';
    })
    .join('/');
  if (q === -1) return path;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair.length <= 32 && ROUTE_WORD.test(pair) ? pair : '[redacted]';
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const safeName = LOGGED_PARAMS.test(name) ? name : ROUTE_WORD.test(name) && name.length <= 32 ? name : '[redacted]';
      return `${safeName}=${LOGGED_PARAMS.test(name) && LOGGED_VALUE.test(value) ? value : '[redacted]'}`;
    })
    .join('&');
  return `${path}?${query}`;
}
const UUID_VALUE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROUTE_WORD = /^([a-z][a-z-]*(\.[a-z]{2,4})?)?$/;
const LOGGED_PARAMS = /^(limit|status|kind|role|assessment|channel|category|organization|view|unread|disabled|[a-z]+Id)$/;
const LOGGED_VALUE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z_]{1,32}|\d{1,6})$/;

export function createPino(
  config: Pick<Config, 'logLevel'>,
  processName: 'api' | 'worker',
  destination: pino.DestinationStream = pino.destination({ dest: 1, sync: true }),
): Pino {
  return pino(
    {
      level: config.logLevel,
      name: `demarche-${processName}`,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
    },
    destination,
  );
}

/** How a log line names the request it concerns: the request log's and the error filter's. */
export function requestFields(request: FastifyRequest): { id: string; method: string; url: string } {
  return { id: String(request.id), method: request.method, url: redactUrl(request.url, request.routeOptions.url) };
}

/**
 * One line per API request, with its id, method, path, status and time, written when the answer
 * has gone. A Fastify hook, not a Nest middleware: the middleware (pino-http under nestjs-pino)
 * kept an AsyncLocalStorage per request, and its promise hooks cost 13% of the API's throughput
 * on small pages (docs/performance.md). Health probes, every few seconds from orchestrators, get
 * no line.
 */
export function registerRequestLog(fastify: FastifyInstance, logger: AppLogger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    const healthy = status < 400 && request.method === 'GET' && requestPath(request) === '/api/health';
    if (!healthy && logger.pino.isLevelEnabled(level)) {
      logger.pino[level](
        {
          req: requestFields(request),
          res: { statusCode: status },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
}

/** Provides the process's `AppLogger` (`app.useLogger(app.get(AppLogger))`). */
@Global()
@Module({})
export class LoggingModule {
  /** `destination`: standard output unless given (tests read the lines they cause). */
  static forRoot(config: Config, processName: 'api' | 'worker', destination?: pino.DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      providers: [{ provide: AppLogger, useValue: new AppLogger(createPino(config, processName, destination)) }],
      exports: [AppLogger],
    };
  }
}
