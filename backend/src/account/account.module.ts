import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AccountController } from './account.controller.js';
import { AccountService } from './account.service.js';
import { ApiTokensController } from './api-tokens.controller.js';
import { ApiTokensService } from './api-tokens.service.js';
import { LocalStrategy } from './local.strategy.js';
import { LoginGuard } from './login.guard.js';

/** The caller's own account: sign-in and out, profile, password and its reset, API tokens. */
@Module({
  imports: [PassportModule.register({ session: false })],
  controllers: [AccountController, ApiTokensController],
  providers: [AccountService, ApiTokensService, LocalStrategy, LoginGuard],
  exports: [AccountService],
})
export class AccountModule {}
