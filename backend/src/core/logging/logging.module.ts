import { Global, Module, type DynamicModule, type LoggerService } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import pino, { type Logger as Pino } from 'pino';
import type { Config } from '../config/config.js';
import { requestPath } from '../http/request-path.js';

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

export function createPino(
  config: Pick<Config, 'logLevel'>,
  processName: 'api' | 'worker',
  destination: pino.DestinationStream = pino.destination({ dest: 1, sync: true }),
): Pino {
  return pino(
    { level: config.logLevel, name: `demarche-${processName}`, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination,
  );
}

/** How a log line names the request it concerns: the request log's and the error filter's. */
export function requestFields(request: FastifyRequest): { id: string; method: string; url: string } {
  return { id: String(request.id), method: request.method, url: request.url };
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
  static forRoot(config: Config, processName: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      providers: [{ provide: AppLogger, useValue: new AppLogger(createPino(config, processName)) }],
      exports: [AppLogger],
    };
  }
}
