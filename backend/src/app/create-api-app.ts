import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { DestinationStream } from 'pino';
import type { Config } from '../core/config/config.js';
import { registerCompression } from '../core/http/compression.js';
import { AppLogger, registerRequestLog } from '../core/logging/logging.module.js';
import { registerDashboard } from '../core/http/dashboard.js';
import { frameworkErrorHandlers } from '../core/http/framework-errors.js';
import { HttpErrorFilter } from '../core/http/http-exception.filter.js';
import { requestId } from '../core/http/request-id.js';
import { registerRequestInput } from '../core/http/request-input.js';
import { registerSecurity } from '../core/http/security-headers.js';
import { createValidationPipe } from '../core/http/validation.js';
import { registerQueueBoard } from '../core/queue/queue-board.js';
import { ApiModule } from './api.module.js';
import { buildOpenApiDocument } from './openapi.js';

const BODY_LIMIT = 1_048_576;

export interface ApiAppOptions {
  /** Extra modules mounted beside the API (tests use this for probe controllers). */
  extraModules?: (new () => object)[];
  /** Buffer logs until the pino logger is ready (true in production, noisy in tests). */
  bufferLogs?: boolean;
  /** Where log lines go: standard output unless given (tests read the lines they cause). */
  logDestination?: DestinationStream;
}

/**
 * Builds the HTTP API: Fastify, the `/api` prefix, one error shape, validation, OpenAPI and its
 * docs UI, the admins' queue board at `/api/admin/queues`, and the built dashboard at `/`. Not yet
 * listening.
 */
export async function createApiApp(config: Config, options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  // The security headers are worked out when registered (below); the router's and Node's own
  // error answers, written before any hook, read them then.
  let securityHeaders: Record<string, string> = {};
  const errors = frameworkErrorHandlers(() => securityHeaders);
  const adapter = new FastifyAdapter({
    logger: false,
    trustProxy: config.trustProxy,
    genReqId: requestId,
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT,
    // Longer path segments reach the routes, whose id pipe answers a 400 naming the parameter.
    routerOptions: { maxParamLength: 1_000 },
    frameworkErrors: errors.frameworkErrors,
    clientErrorHandler: errors.clientErrorHandler,
  });
  const api = ApiModule.forRoot(config, options.logDestination);
  const root = options.extraModules?.length ? { module: class ApiWithExtras {}, imports: [api, ...options.extraModules] } : api;
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: options.bufferLogs ?? true,
    abortOnError: false,
  });
  const logger = app.get(AppLogger);
  app.useLogger(logger);
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new HttpErrorFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  registerRequestInput(app, BODY_LIMIT);

  const fastify = app.getHttpAdapter().getInstance();
  registerRequestLog(fastify, logger);
  securityHeaders = await registerSecurity(fastify, config);
  registerCompression(fastify);
  // Callback-style hooks here and in core/http and core/logging: each runs on every request, and
  // an async one costs a promise and a microtask turn even when it has nothing to do.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Demarche API',
    // Swagger UI would otherwise send the document to a third-party validator.
    swaggerOptions: { validatorUrl: null },
  });
  await registerQueueBoard(fastify, app, config, logger);
  await registerDashboard(fastify, config.publicDir);
  return app;
}
