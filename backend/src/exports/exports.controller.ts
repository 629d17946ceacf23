import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import { ExportsService, type ExportKind } from './exports.service.js';

@ApiTags('exports')
@Controller('campaigns/:id/export')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  private async send(user: AuthUser, campaignId: string, kind: ExportKind, reply: FastifyReply): Promise<string> {
    const csv = await this.exports.csv(user, campaignId, kind);
    void reply.header('content-disposition', `attachment; filename="campaign-${campaignId}-${kind}.csv"`);
    return csv;
  }

  @Get('demands.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'UTF-8 CSV, one header row; formula-leading cells are prefixed with an apostrophe',
    schema: { type: 'string' },
  })
  @ApiOperation({ summary: "The campaign's demands as CSV", operationId: 'exportDemands' })
  demands(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.send(user, id, 'demands', reply);
  }

  @Get('responses.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'UTF-8 CSV, one header row', schema: { type: 'string' } })
  @ApiOperation({ summary: "The campaign's responses as CSV", operationId: 'exportResponses' })
  responses(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.send(user, id, 'responses', reply);
  }

  @Get('follow-ups.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'UTF-8 CSV, one header row', schema: { type: 'string' } })
  @ApiOperation({ summary: "The campaign's follow-ups as CSV", operationId: 'exportFollowUps' })
  followUps(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.send(user, id, 'follow-ups', reply);
  }
}
