import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@demarche/shared';
import type { FastifyRequest } from 'fastify';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { ForbiddenError, UnauthenticatedError } from '../http/domain-error.js';
import { RateLimiter } from '../rate-limit/rate-limiter.js';
import { readSessionCookie } from './cookies.js';
import { IS_PUBLIC, ROLES } from './decorators.js';
import { sameSecret } from './secrets.js';
import { SessionService } from './session.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard (APP_GUARD): every route needs a signed-in user unless marked @Public().
 * - `Authorization: Bearer <token>`: judged by the token alone; cookies are ignored; no CSRF.
 * - Otherwise the session cookie; a state-changing request must also carry `X-CSRF-Token`.
 * - Then the general per-user rate limit (Redis, shared by all API processes), then @Roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly rateLimiter: RateLimiter,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const perMinute = { bucket: 'requests', limit: this.config.rateLimits.perMinute, windowMs: 60_000 };

    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      await this.rateLimiter.consume(perMinute, `ip:${request.ip}`, { failOpen: true });
      return true;
    }

    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const resolved = match ? await this.sessions.resolveApiToken(match[1]!) : null;
      if (!resolved) throw new UnauthenticatedError('The API token is not valid (unknown, revoked or expired).', 'invalid_token');
      request.auth = { via: 'token', user: resolved.user, tokenId: resolved.tokenId };
    } else {
      const token = readSessionCookie(request, this.config);
      const resolved = token ? await this.sessions.resolveSession(token) : null;
      if (!resolved) throw new UnauthenticatedError(token ? 'Your session has ended; sign in again.' : 'Sign in to continue.');
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !sameSecret(sent, resolved.csrfToken)) {
          throw new ForbiddenError('Missing or wrong X-CSRF-Token header.', 'csrf_invalid');
        }
      }
      request.auth = { via: 'session', user: resolved.user, sessionId: resolved.sessionId, csrfToken: resolved.csrfToken };
    }

    await this.rateLimiter.consume(perMinute, `user:${request.auth.user.id}`, { failOpen: true });

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.auth.user.role)) throw new ForbiddenError();
    return true;
  }
}
