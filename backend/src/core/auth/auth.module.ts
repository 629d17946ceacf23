import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessPolicy } from './access-policy.js';
import { AuthGuard } from './auth.guard.js';
import { KnownDevicesService } from './known-devices.service.js';
import { SessionService } from './session.service.js';

/**
 * Authentication on every route (the global AuthGuard: session cookie + CSRF, or Bearer token),
 * known devices (KnownDevicesService, docs/adr/0016), and the authorization building blocks every
 * domain module uses (AccessPolicy, @Roles, @CurrentUser).
 */
@Global()
@Module({
  providers: [SessionService, KnownDevicesService, AccessPolicy, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionService, KnownDevicesService, AccessPolicy],
})
export class AuthModule {}
