import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import { CreateResponseDto, ListResponsesQueryDto, ResponseDto, ResponsePageDto, UpdateResponseDto } from './response.dto.js';
import { ResponsesService } from './responses.service.js';
import { ApiConflictWith, STATUS_CONFLICT_FIELDS } from '../core/http/api-errors.js';

@ApiTags('responses')
@Controller()
export class ResponsesController {
  constructor(private readonly responses: ResponsesService) {}

  @Get('campaigns/:id/responses')
  @ApiOperation({
    summary: "A campaign's responses, newest first; filter by institution, demand, assessment, words",
    operationId: 'listResponses',
  })
  @ApiOkResponse({ type: ResponsePageDto })
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) campaignId: string,
    @Query() query: ListResponsesQueryDto,
  ): Promise<ResponsePageDto> {
    return this.responses.list(user, campaignId, query);
  }

  @Post('campaigns/:id/responses')
  @ApiOperation({
    summary: 'Log a response answering one or more demands; coordinators may move their statuses in the same request',
    operationId: 'createResponse',
  })
  @ApiCreatedResponse({ type: ResponseDto })
  @ApiConflictWith('A status move no longer allowed (`illegal_transition`): nothing is logged', STATUS_CONFLICT_FIELDS)
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) campaignId: string,
    @Body() body: CreateResponseDto,
  ): Promise<ResponseDto> {
    return this.responses.create(user, campaignId, body);
  }

  @Get('responses/:id')
  @ApiOperation({ summary: 'One response and the demands it answers', operationId: 'getResponse' })
  @ApiOkResponse({ type: ResponseDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<ResponseDto> {
    return this.responses.get(user, id);
  }

  @Patch('responses/:id')
  @ApiOperation({ summary: 'Edit a response (history kept in the timeline)', operationId: 'updateResponse' })
  @ApiOkResponse({ type: ResponseDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateResponseDto): Promise<ResponseDto> {
    return this.responses.update(user, id, body);
  }

  @Delete('responses/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a response (what it said stays in the timeline)', operationId: 'deleteResponse' })
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.responses.remove(user, id);
  }
}
