import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ApiErrorBody, ApiErrorCode } from '@demarche/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The answers Fastify and Node.js write themselves, before any route, hook or Nest filter runs,
 * brought into the API's error contract (issue 16, item 8): a path that is not valid percent-
 * encoding (`/api/campaigns/%zz`), a request line or headers too large for Node's parser (a 1 MB
 * query string), a request Node cannot parse. Each carries the error body, an `x-request-id` and
 * the security headers every other answer has.
 *
 * `headers` gives the security headers at the time of the error (they are worked out when the
 * app registers them, after the adapter that needs this handler is built).
 */
export function frameworkErrorHandlers(headers: () => Record<string, string>) {
  return {
    /** Fastify's `frameworkErrors`: a bad URL, an over-long parameter, a failed route constraint. */
    frameworkErrors(error: { code?: string; message: string }, request: FastifyRequest, reply: FastifyReply): void {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      const body: ApiErrorBody = {
        statusCode: status,
        code: status === 414 ? 'uri_too_long' : 'malformed_url',
        message: status === 414 ? 'A part of the address is too long.' : 'The address is not valid (bad percent-encoding).',
        requestId: String(request.id),
      };
      void reply
        .status(status)
        .headers({ ...headers(), 'x-request-id': String(request.id), 'cache-control': 'no-store' })
        .header('content-type', 'application/json; charset=utf-8')
        .send(body);
    },

    /**
     * Node's `clientError` (Fastify's `clientErrorHandler`): the request never became a request,
     * so the answer is written to the socket by hand, and the connection closed.
     */
    clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
      if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
      const [status, code, message]: [number, ApiErrorCode, string] =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'headers_too_large', 'The request line or headers are too large (a very long address?).']
          : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? [408, 'request_timeout', 'The request took too long to arrive.']
            : [400, 'malformed_request', 'The request is not valid HTTP.'];
      const requestId = randomUUID();
      const body = JSON.stringify({ statusCode: status, code, message, requestId } satisfies ApiErrorBody);
      const lines = Object.entries({
        ...headers(),
        'x-request-id': requestId,
        'cache-control': 'no-store',
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        connection: 'close',
      }).map(([name, value]) => `${name}: ${value}\r\n`);
      socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.join('')}\r\n${body}`);
    },
  };
}
