import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@demarche/shared';
import type { FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../http/domain-error.js';
import type { AuthContext, AuthUser } from './auth-context.js';

export const IS_PUBLIC = 'demarche:public';
export const ROLES = 'demarche:roles';

/** The route needs no signed-in user (sign-in, health, password reset…). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (403 for others). Object-level checks are AccessPolicy's. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

function authOf(ctx: ExecutionContext): AuthContext {
  const auth = ctx.switchToHttp().getRequest<FastifyRequest>().auth;
  if (!auth) throw new UnauthenticatedError();
  return auth;
}

/** The signed-in user of this request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => authOf(ctx).user);

/** How this request was authenticated (session or API token). */
export const CurrentAuth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => authOf(ctx));
