import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessPolicy } from './access-policy.js';
import { AuthGuard } from './auth.guard.js';
import { SessionService } from './session.service.js';

/**
 * Authentication on every route (the global AuthGuard: session cookie + CSRF, or Bearer token),
 * and the authorization building blocks every domain module uses (AccessPolicy, @Roles,
 * @CurrentUser).
 */
@Global()
@Module({
  providers: [SessionService, AccessPolicy, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionService, AccessPolicy],
})
export class AuthModule {}
