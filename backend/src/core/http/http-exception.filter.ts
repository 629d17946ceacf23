import { ArgumentsHost, Catch, type ExceptionFilter, type LoggerService } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error.js';
import { toErrorBody } from './error-body.js';
import { requestFields } from '../logging/logging.module.js';

/** The one place an error becomes an HTTP answer. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: LoggerService) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { body, unexpected } = toErrorBody(error, String(request.id));
    if (error instanceof DomainError && error.headers) void reply.headers(error.headers);
    if (unexpected) this.logger.error({ err: error, requestId: request.id, req: requestFields(request) }, 'unhandled error', 'HttpError');
    // A query that failed on input validation missed (mapped to a 4xx): its code, for whoever adds the rule.
    else if (error instanceof QueryFailedError)
      this.logger.warn({ err: error, requestId: request.id, req: requestFields(request) }, 'query failed on input', 'HttpError');
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
