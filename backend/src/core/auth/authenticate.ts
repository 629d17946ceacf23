import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';
import { ForbiddenError, UnauthenticatedError } from '../http/domain-error.js';
import type { RateLimitRule } from '../rate-limit/rate-limiter.js';
import type { AuthContext } from './auth-context.js';
import { readSessionCookie } from './cookies.js';
import { sameSecret } from './secrets.js';
import type { SessionService } from './session.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling, as the global AuthGuard judges it (and any raw Fastify route that must judge
 * alike, such as the queue board):
 * - `Authorization: Bearer <token>`: judged by the token alone; cookies are ignored; no CSRF.
 * - Otherwise the session cookie; a state-changing request must also carry `X-CSRF-Token`.
 * Throws UnauthenticatedError (401) or ForbiddenError (403, `csrf_invalid`).
 */
export async function authenticate(
  request: FastifyRequest,
  sessions: SessionService,
  config: Pick<Config, 'secureCookies'>,
): Promise<AuthContext> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const resolved = match ? await sessions.resolveApiToken(match[1]!) : null;
    if (!resolved) throw new UnauthenticatedError('The API token is not valid (unknown, revoked or expired).', 'invalid_token');
    return { via: 'token', user: resolved.user, tokenId: resolved.tokenId };
  }
  const token = readSessionCookie(request, config);
  const resolved = token ? await sessions.resolveSession(token) : null;
  if (!resolved) throw new UnauthenticatedError(token ? 'Your session has ended; sign in again.' : 'Sign in to continue.');
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, resolved.csrfToken)) {
      throw new ForbiddenError('Missing or wrong X-CSRF-Token header.', 'csrf_invalid');
    }
  }
  return { via: 'session', user: resolved.user, sessionId: resolved.sessionId, csrfToken: resolved.csrfToken };
}

/** The general request limit: per signed-in user (or per address on public routes), per minute. */
export function requestsPerMinute(config: Pick<Config, 'rateLimits'>): RateLimitRule {
  return { bucket: 'requests', limit: config.rateLimits.perMinute, windowMs: 60_000 };
}
