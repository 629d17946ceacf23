import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import {
  CreateWebhookDto,
  ListDeliveriesQueryDto,
  UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookDto,
  WebhookListDto,
  WebhookWithSecretDto,
} from './webhook.dto.js';
import { WebhooksService } from './webhooks.service.js';

@ApiTags('webhooks')
@Controller()
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get('organizations/:id/webhooks')
  @ApiOperation({ summary: "An organization's webhooks (its coordinators, admins)", operationId: 'listOrganizationWebhooks' })
  @ApiOkResponse({ type: WebhookListDto })
  listForOrganization(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<WebhookListDto> {
    return this.webhooks.list(user, { organizationId: id });
  }

  @Post('organizations/:id/webhooks')
  @ApiOperation({
    summary: 'Add a webhook for an organization: events about its work (the secret is shown only in this answer)',
    operationId: 'createOrganizationWebhook',
  })
  @ApiCreatedResponse({ type: WebhookWithSecretDto })
  createForOrganization(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CreateWebhookDto,
  ): Promise<WebhookWithSecretDto> {
    return this.webhooks.create(user, { organizationId: id }, body);
  }

  @Get('campaigns/:id/webhooks')
  @ApiOperation({ summary: "A campaign's webhooks (coordinators of a lead organization)", operationId: 'listCampaignWebhooks' })
  @ApiOkResponse({ type: WebhookListDto })
  listForCampaign(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<WebhookListDto> {
    return this.webhooks.list(user, { campaignId: id });
  }

  @Post('campaigns/:id/webhooks')
  @ApiOperation({
    summary: 'Add a webhook for a campaign: all its events (the secret is shown only in this answer)',
    operationId: 'createCampaignWebhook',
  })
  @ApiCreatedResponse({ type: WebhookWithSecretDto })
  createForCampaign(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CreateWebhookDto,
  ): Promise<WebhookWithSecretDto> {
    return this.webhooks.create(user, { campaignId: id }, body);
  }

  @Get('webhooks/:id')
  @ApiOperation({ summary: 'One webhook', operationId: 'getWebhook' })
  @ApiOkResponse({ type: WebhookDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<WebhookDto> {
    return this.webhooks.get(user, id);
  }

  @Patch('webhooks/:id')
  @ApiOperation({ summary: 'Change a webhook’s URL, events or language, or turn it off and on', operationId: 'updateWebhook' })
  @ApiOkResponse({ type: WebhookDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateWebhookDto): Promise<WebhookDto> {
    return this.webhooks.update(user, id, body);
  }

  @Delete('webhooks/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook and its delivery log', operationId: 'deleteWebhook' })
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.webhooks.remove(user, id);
  }

  @Post('webhooks/:id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the signing secret (shown only in this answer)', operationId: 'rotateWebhookSecret' })
  @ApiOkResponse({ type: WebhookWithSecretDto })
  rotateSecret(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<WebhookWithSecretDto> {
    return this.webhooks.rotateSecret(user, id);
  }

  @Post('webhooks/:id/ping')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a test event now', operationId: 'pingWebhook' })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  ping(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.ping(user, id);
  }

  @Get('webhooks/:id/deliveries')
  @ApiOperation({ summary: 'A webhook’s deliveries, newest first; failed ones say why', operationId: 'listWebhookDeliveries' })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  deliveries(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ListDeliveriesQueryDto,
  ): Promise<WebhookDeliveryPageDto> {
    return this.webhooks.deliveries(user, id, query);
  }
}
