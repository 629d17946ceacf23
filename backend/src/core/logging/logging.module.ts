import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { Config } from '../config/config.js';

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
 * JSON logs through pino, one line per request, carrying the request id. Synchronous writes, so
 * the last lines before a SIGTERM exit are not lost.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: Config, processName: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          // Health probes arrive every few seconds from orchestrators: not worth a line each.
          exclude: [{ method: RequestMethod.GET, path: 'health' }],
          pinoHttp: {
            level: config.logLevel,
            name: `demarche-${processName}`,
            stream: pino.destination({ dest: 1, sync: true }),
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            // Fastify assigns the id (x-request-id or a new UUID) before any middleware runs.
            genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
