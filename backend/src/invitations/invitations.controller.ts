import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionDto } from '../account/account.dto.js';
import { AccountService } from '../account/account.service.js';
import type { AuthUser } from '../core/auth/auth-context.js';
import { setSessionCookie } from '../core/auth/cookies.js';
import { CurrentUser, Public, Roles } from '../core/auth/decorators.js';
import { CONFIG } from '../core/config/config.module.js';
import type { Config } from '../core/config/config.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import {
  AcceptInvitationDto,
  CreateInvitationDto,
  InvitationDto,
  InvitationPageDto,
  InvitationPreviewDto,
  InvitationTokenDto,
  ListInvitationsQueryDto,
} from './invitation.dto.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly account: AccountService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Post('invitations')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Invite someone by e-mail (admins: any organization; coordinators: their own)',
    operationId: 'createInvitation',
  })
  @ApiCreatedResponse({ type: InvitationDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateInvitationDto): Promise<InvitationDto> {
    return this.invitations.create(user, body);
  }

  @Get('invitations')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Pending invitations, newest first', operationId: 'listInvitations' })
  @ApiOkResponse({ type: InvitationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListInvitationsQueryDto): Promise<InvitationPageDto> {
    return this.invitations.list(user, query);
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Revoke a pending invitation', operationId: 'revokeInvitation' })
  @ApiNoContentResponse()
  revoke(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.invitations.revoke(user, id);
  }

  @Public()
  @Post('auth/invitations/inspect')
  @HttpCode(200)
  @ApiOperation({
    summary: 'What an invitation link is for (the token travels in the body, never in a URL)',
    operationId: 'inspectInvitation',
  })
  @ApiOkResponse({ type: InvitationPreviewDto })
  inspect(@Body() body: InvitationTokenDto): Promise<InvitationPreviewDto> {
    return this.invitations.preview(body.token);
  }

  @Public()
  @Post('auth/invitations/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation: create the account and sign in', operationId: 'acceptInvitation' })
  @ApiOkResponse({ type: SessionDto })
  async accept(
    @Body() body: AcceptInvitationDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const { user, session } = await this.invitations.accept(body.token, body.displayName, body.password, request.headers['user-agent']);
    setSessionCookie(reply, this.config, session.token, session.expiresAt);
    return { user: this.account.me(user), csrfToken: session.csrfToken };
  }
}
