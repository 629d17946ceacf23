import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@demarche/shared';
import type { FastifyRequest } from 'fastify';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { ForbiddenError } from '../http/domain-error.js';
import { RateLimiter } from '../rate-limit/rate-limiter.js';
import { authenticate, requestsPerMinute } from './authenticate.js';
import { IS_PUBLIC, ROLES } from './decorators.js';
import { SessionService } from './session.service.js';

/**
 * The global guard (APP_GUARD): every route needs a signed-in user unless marked @Public().
 * - `authenticate()`: a Bearer token (no CSRF), else the session cookie (+ `X-CSRF-Token` on
 *   state-changing requests).
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
    const perMinute = requestsPerMinute(this.config);

    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      await this.rateLimiter.consume(perMinute, `ip:${request.ip}`, { failOpen: true });
      return true;
    }

    request.auth = await authenticate(request, this.sessions, this.config);

    await this.rateLimiter.consume(perMinute, `user:${request.auth.user.id}`, { failOpen: true });

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.auth.user.role)) throw new ForbiddenError();
    return true;
  }
}
