import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser, Roles } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import {
  CampaignDto,
  CampaignPageDto,
  ChangeCampaignStatusDto,
  CreateCampaignDto,
  ListCampaignsQueryDto,
  SetCampaignOrganizationDto,
  UpdateCampaignDto,
} from './campaign.dto.js';
import { CampaignsService } from './campaigns.service.js';
import { ApiConflictWith } from '../core/http/api-errors.js';

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @ApiOperation({
    summary: "Campaigns the caller's organization takes part in (all, for admins), newest first, with counts",
    operationId: 'listCampaigns',
  })
  @ApiOkResponse({ type: CampaignPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCampaignsQueryDto): Promise<CampaignPageDto> {
    return this.campaigns.list(user, query);
  }

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: "Create a campaign; the caller's organization leads it", operationId: 'createCampaign' })
  @ApiCreatedResponse({ type: CampaignDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.create(user, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One campaign, its organizations, and what the caller may do in it', operationId: 'getCampaign' })
  @ApiOkResponse({ type: CampaignDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<CampaignDto> {
    return this.campaigns.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit title, summary, letter (coordinators of a lead organization)', operationId: 'updateCampaign' })
  @ApiOkResponse({ type: CampaignDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Discard a draft campaign with all that was set up in it (coordinators of a lead organization); a sent one is archived instead',
    operationId: 'discardCampaign',
  })
  @ApiNoContentResponse({ description: 'Discarded' })
  @ApiConflictWith('not_draft: the campaign has been sent; archive it instead', { current: { type: 'string' } })
  discard(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.campaigns.discard(user, id);
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the campaign status along draft → active → concluded → archived', operationId: 'changeCampaignStatus' })
  @ApiOkResponse({ type: CampaignDto })
  @ApiConflictWith('The campaign cannot take this status from its current one (`illegal_transition`)', {
    allowed: { type: 'array', items: { type: 'string' }, description: 'The statuses it may take from here' },
  })
  changeStatus(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ChangeCampaignStatusDto,
  ): Promise<CampaignDto> {
    return this.campaigns.changeStatus(user, id, body.status);
  }

  @Put(':id/organizations/:organizationId')
  @ApiOperation({
    summary: 'Change the role of an organization in the campaign, or bring in a new one',
    description:
      'An admin adds a new organization directly (200). A coordinator of a lead organization invites it instead (202): ' +
      "the invitation appears in the campaign's `invitations` (name and role offered only) until the invited " +
      "organization's coordinators accept it (POST /api/campaign-invitations/:id/accept) or decline it. " +
      'Repeating the request, or sending it in parallel, leaves one pending invitation; another role changes the role offered. ' +
      'DELETE on the same path withdraws it.',
    operationId: 'setCampaignOrganization',
  })
  @ApiOkResponse({ type: CampaignDto, description: 'The organization is in the campaign in this role' })
  @ApiAcceptedResponse({ type: CampaignDto, description: 'The organization is invited; it joins when its coordinators accept' })
  async setOrganization(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('organizationId', ParseIdPipe) organizationId: string,
    @Body() body: SetCampaignOrganizationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CampaignDto> {
    const { campaign, invited } = await this.campaigns.setOrganization(user, id, organizationId, body.role);
    if (invited) void reply.status(202);
    return campaign;
  }

  @Delete(':id/organizations/:organizationId')
  @ApiOperation({
    summary: 'Remove an organization from the campaign (never its last lead), or withdraw its pending invitation',
    operationId: 'removeCampaignOrganization',
  })
  @ApiOkResponse({ type: CampaignDto })
  @ApiNoContentResponse({
    description: "Removed, and it was the caller's own organization: they can no longer see the campaign, so nothing of it is shown",
  })
  async removeOrganization(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('organizationId', ParseIdPipe) organizationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CampaignDto | undefined> {
    const campaign = await this.campaigns.removeOrganization(user, id, organizationId);
    if (campaign) return campaign;
    void reply.status(204);
    return undefined;
  }
}
