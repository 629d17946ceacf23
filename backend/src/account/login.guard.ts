import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { readDeviceCookie } from '../core/auth/cookies.js';
import { KnownDevicesService } from '../core/auth/known-devices.service.js';
import { CONFIG } from '../core/config/config.module.js';
import type { Config } from '../core/config/config.js';
import { RateLimitedError, ValidationFailedError } from '../core/http/domain-error.js';
import { RateLimiter } from '../core/rate-limit/rate-limiter.js';
import { LoginDto } from './account.dto.js';
import { InvalidCredentialsError } from './local.strategy.js';
import { signInCounters, type SignInCounter } from './sign-in-limits.js';

/** The counters each admitted sign-in was counted in, for the controller to settle on success. */
const admitted = new WeakMap<FastifyRequest, SignInCounter[]>();

/**
 * POST /api/auth/login, in order: the body's shape (400), the sign-in limits (sign-in-limits.ts:
 * per address, per account and address, per account from unknown devices or per known device;
 * 429 with Retry-After; refused while Redis is away), then Passport's local strategy. A failed
 * password leaves the attempt counted; `signInSucceeded` settles the counters of a success.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  constructor(
    private readonly rateLimiter: RateLimiter,
    private readonly devices: KnownDevicesService,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    super();
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
    const email = dto.email.trim().toLowerCase();
    const device = await this.devices.find(email, readDeviceCookie(request, this.config));
    const counters = signInCounters(this.config.rateLimits, { email, address: request.ip, knownDeviceId: device?.id ?? null });
    const counted: SignInCounter[] = [];
    for (const counter of counters) {
      counted.push(counter);
      try {
        await this.rateLimiter.consume(counter.rule, counter.id, { failOpen: false });
      } catch (error) {
        // Refused before any password was checked: not a failure, in any counter.
        if (error instanceof RateLimitedError) await Promise.all(counted.map((c) => this.rateLimiter.refund(c.rule, c.id)));
        throw error;
      }
    }
    admitted.set(request, counters);
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw new InvalidCredentialsError();
    return user;
  }
}

/** After a successful sign-in: the pair's and the device's failures are cleared, this attempt taken back elsewhere. */
export async function settleSignIn(rateLimiter: RateLimiter, request: FastifyRequest): Promise<void> {
  const counters = admitted.get(request) ?? [];
  await Promise.all(counters.map((c) => (c.onSuccess === 'clear' ? rateLimiter.reset(c.rule, c.id) : rateLimiter.refund(c.rule, c.id))));
}
