import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { AuthContext, AuthUser } from '../core/auth/auth-context.js';
import { clearSessionCookie, readDeviceCookie, setDeviceCookie, setSessionCookie } from '../core/auth/cookies.js';
import { CurrentAuth, CurrentUser, Public } from '../core/auth/decorators.js';
import { KnownDevicesService } from '../core/auth/known-devices.service.js';
import { SessionService } from '../core/auth/session.service.js';
import { CONFIG } from '../core/config/config.module.js';
import type { Config } from '../core/config/config.js';
import { RateLimiter } from '../core/rate-limit/rate-limiter.js';
import {
  ChangePasswordDto,
  CsrfDto,
  LoginDto,
  MeDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  SessionDto,
  UpdateMeDto,
} from './account.dto.js';
import { AccountService } from './account.service.js';
import { LoginGuard, settleSignIn } from './login.guard.js';

@ApiTags('account')
@Controller()
export class AccountController {
  constructor(
    private readonly account: AccountService,
    private readonly sessions: SessionService,
    private readonly devices: KnownDevicesService,
    private readonly rateLimiter: RateLimiter,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Public()
  @UseGuards(LoginGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password; sets the session cookie', operationId: 'login' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: SessionDto })
  async login(@Req() request: FastifyRequest & { user: AuthUser }, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionDto> {
    const user = request.user;
    await settleSignIn(this.rateLimiter, request);
    const session = await this.account.signIn(user, request.headers['user-agent'], request.ip);
    setSessionCookie(reply, this.config, session.token, session.expiresAt);
    await this.rememberDevice(user.id, request, reply);
    return { user: this.account.me(user), csrfToken: session.csrfToken };
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session', operationId: 'logout' })
  @ApiNoContentResponse()
  async logout(@CurrentAuth() auth: AuthContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (auth.via === 'session') await this.sessions.revoke(auth.sessionId);
    clearSessionCookie(reply, this.config);
  }

  @Post('auth/logout-everywhere')
  @HttpCode(204)
  @ApiOperation({ summary: "End every one of the caller's sessions, this one included", operationId: 'logoutEverywhere' })
  @ApiNoContentResponse()
  async logoutEverywhere(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.account.signOutEverywhere(user);
    clearSessionCookie(reply, this.config);
  }

  @Public()
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'E-mail a password-reset link, if the address has an account (the answer is the same either way)',
    operationId: 'requestPasswordReset',
  })
  @ApiAcceptedResponse({ schema: { type: 'object', properties: {} } })
  async requestPasswordReset(@Body() body: PasswordResetRequestDto, @Req() request: FastifyRequest): Promise<Record<string, never>> {
    await this.account.requestPasswordReset(body.email, request.ip);
    return {};
  }

  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set a new password with a reset link; ends every session and signs this browser in',
    operationId: 'confirmPasswordReset',
  })
  @ApiOkResponse({ type: SessionDto })
  async confirmPasswordReset(
    @Body() body: PasswordResetConfirmDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const { user, session } = await this.account.confirmPasswordReset(body.token, body.password, request.headers['user-agent']);
    setSessionCookie(reply, this.config, session.token, session.expiresAt);
    await this.rememberDevice(user.id, request, reply);
    return { user: this.account.me(user), csrfToken: session.csrfToken };
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user, and the CSRF token of this session', operationId: 'getMe' })
  @ApiOkResponse({ type: SessionDto })
  getMe(@CurrentAuth() auth: AuthContext): SessionDto {
    return { user: this.account.me(auth.user), csrfToken: auth.via === 'session' ? auth.csrfToken : null };
  }

  @Patch('me')
  @ApiOperation({ summary: "Change the caller's name, language or time zone", operationId: 'updateMe' })
  @ApiOkResponse({ type: MeDto })
  updateMe(@CurrentUser() user: AuthUser, @Body() body: UpdateMeDto): Promise<MeDto> {
    return this.account.updateMe(user, body);
  }

  @Post('me/password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change the password (needs the current one); ends every session and starts a new one for this browser',
    operationId: 'changePassword',
  })
  @ApiOkResponse({ type: CsrfDto })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CsrfDto> {
    const session = await this.account.changePassword(user, body.currentPassword, body.newPassword, request.headers['user-agent']);
    setSessionCookie(reply, this.config, session.token, session.expiresAt);
    await this.rememberDevice(user.id, request, reply);
    return { csrfToken: session.csrfToken };
  }

  /** This browser, having just proved the password (or a reset link), becomes or stays a known device. */
  private async rememberDevice(userId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const device = await this.devices.remember(userId, readDeviceCookie(request, this.config), request.headers['user-agent']);
    setDeviceCookie(reply, this.config, device.token, device.expiresAt);
  }
}
