import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';
import { authenticate, requestsPerMinute } from '../auth/authenticate.js';
import { SessionService } from '../auth/session.service.js';
import { ForbiddenError, DomainError } from '../http/domain-error.js';
import { toErrorBody } from '../http/error-body.js';
import { RateLimiter } from '../rate-limit/rate-limiter.js';
import { QUEUES } from './queues.js';

/** Where the board lives. Its routes are plain Fastify routes: Nest's guards never see them. */
export const QUEUE_BOARD_PATH = '/api/admin/queues';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The board's page asks Google for its fonts; we make no third-party requests (system fonts instead). */
const EXTERNAL_STYLESHEET = /<link\b[^>]*\bhref="https?:\/\/[^"]*"[^>]*>\s*/gi;

/** An e-mailed link's token (`…#token=XYZ`, MailService.link) must not be readable from the board. */
const LINK_TOKEN = /(#token=)[^\s"'<>&]+/g;

/** Copies job data with every link token replaced, however deep it sits. */
export function redactLinkTokens(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LINK_TOKEN, '$1[redacted]');
  if (Array.isArray(value)) return value.map(redactLinkTokens);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactLinkTokens(v)]));
  }
  return value;
}

/**
 * Bull Board at /api/admin/queues, for admins only, over every queue in QUEUES.
 *
 * - Access: an `onRequest` hook on the board's routes (page, static files, its JSON API) runs
 *   the same `authenticate()` as the global AuthGuard (session cookie, or Bearer token), the same
 *   per-user rate limit, then allows role `admin` only. Errors answer the API's error body.
 * - Read-only: the board UI cannot send X-CSRF-Token, mutations would bypass the audit trail,
 *   and the `mail` queue is the only copy of a queued message (emptying or cleaning it loses
 *   e-mail). Read-only queues hide the buttons, and bull-board refuses their mutating routes;
 *   the hook also refuses every method but GET/HEAD.
 * - Job data: link tokens (invitation, password reset) are redacted.
 * - The page's Google Fonts stylesheet link is stripped: no third-party requests, and the
 *   dashboard's CSP (everything from 'self', inline styles allowed) then suffices unchanged.
 */
export async function registerQueueBoard(
  fastify: FastifyInstance,
  app: INestApplicationContext,
  config: Config,
  logger: LoggerService,
): Promise<void> {
  const sessions = app.get(SessionService, { strict: false });
  const rateLimiter = app.get(RateLimiter, { strict: false });

  const serverAdapter = new BoardAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  const queues = Object.values(QUEUES).map((name) => {
    const adapter = new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }), { readOnlyMode: true });
    adapter.setFormatter('data', redactLinkTokens);
    adapter.setFormatter('returnValue', redactLinkTokens);
    return adapter;
  });
  createBullBoard({
    queues,
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Demarche queues', miscLinks: [{ text: 'Dashboard', url: '/' }] } },
  });

  const refuse = (request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply => {
    const { body, unexpected } = toErrorBody(error, String(request.id));
    if (unexpected) logger.error({ err: error, requestId: request.id }, 'queue board: unhandled error', 'QueueBoard');
    if (error instanceof DomainError && error.headers) void reply.headers(error.headers);
    return reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  };

  await fastify.register(
    async (board) => {
      board.addHook('onRequest', async (request, reply) => {
        try {
          request.auth = await authenticate(request, sessions, config);
          await rateLimiter.consume(requestsPerMinute(config), `user:${request.auth.user.id}`, { failOpen: true });
          if (request.auth.user.role !== 'admin') throw new ForbiddenError('Only admins may see the queues.');
          if (!SAFE_METHODS.has(request.method)) {
            throw new DomainError(405, 'method_not_allowed', 'The queue board is read-only.');
          }
        } catch (error) {
          return refuse(request, reply, error);
        }
      });
      board.addHook('onSend', async (request, reply, payload) => {
        const type = String(reply.getHeader('content-type') ?? '');
        if (type.startsWith('text/html') && typeof payload === 'string') {
          // The page and the API answer per user and carry job data: never cached.
          reply.header('cache-control', 'no-store');
          return payload.replace(EXTERNAL_STYLESHEET, '');
        }
        if (type.startsWith('application/json')) reply.header('cache-control', 'no-store');
        return payload;
      });
      await board.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}
