import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { CONFIG } from '../core/config/config.module.js';
import type { Config } from '../core/config/config.js';
import { ValidationFailedError } from '../core/http/domain-error.js';
import { RateLimiter, type RateLimitRule } from '../core/rate-limit/rate-limiter.js';
import { LoginDto } from './account.dto.js';
import { InvalidCredentialsError } from './local.strategy.js';

const WINDOW_MS = 15 * 60_000;

/**
 * POST /api/auth/login, in order: the body's shape (400), the sign-in rate limits by account and
 * by address (429 with Retry-After; refused while Redis is away), then Passport's local strategy.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  constructor(
    private readonly rateLimiter: RateLimiter,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    super();
  }

  static accountRule(config: Config): RateLimitRule {
    return { bucket: 'login-account', limit: config.rateLimits.loginPerAccount, windowMs: WINDOW_MS };
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const dto = plainToInstance(LoginDto, request.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw new ValidationFailedError(
        errors.map((e) => ({
          field: e.property,
          message: e.constraints?.whitelistValidation
            ? 'is not a known field'
            : Object.values(e.constraints ?? {})[0]!.replace(`${e.property} `, ''),
        })),
      );
    }
    const address = { bucket: 'login-address', limit: this.config.rateLimits.loginPerAddress, windowMs: WINDOW_MS };
    await this.rateLimiter.consume(address, request.ip, { failOpen: false });
    await this.rateLimiter.consume(LoginGuard.accountRule(this.config), dto.email.trim().toLowerCase(), { failOpen: false });
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw new InvalidCredentialsError();
    return user;
  }
}
