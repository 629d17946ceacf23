import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { PageQueryDto } from '../core/http/pagination.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import { ApiTokenPageDto, CreateApiTokenDto, CreatedApiTokenDto } from './account.dto.js';
import { ApiTokensService } from './api-tokens.service.js';

@ApiTags('account')
@Controller('me/tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @ApiOperation({ summary: "The caller's live API tokens, newest first", operationId: 'listApiTokens' })
  @ApiOkResponse({ type: ApiTokenPageDto })
  list(@CurrentUser() user: AuthUser, @Query() page: PageQueryDto): Promise<ApiTokenPageDto> {
    return this.tokens.list(user, page.cursor, page.limit);
  }

  @Post()
  @ApiOperation({ summary: 'Create an API token; the token is in this answer only', operationId: 'createApiToken' })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    return this.tokens.create(user, body.name, body.expiresAt);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of the caller’s API tokens', operationId: 'revokeApiToken' })
  @ApiNoContentResponse()
  revoke(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.tokens.revoke(user, id);
  }
}
