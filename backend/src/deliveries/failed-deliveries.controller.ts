import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser, Roles } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import { DELIVERY_KINDS, FailedDeliveryPageDto, ListFailedDeliveriesQueryDto, RetriedDeliveryDto } from './failed-delivery.dto.js';
import { FailedDeliveriesService } from './failed-deliveries.service.js';

@ApiTags('admin')
@Controller('admin/failed-deliveries')
@Roles('admin')
export class FailedDeliveriesController {
  constructor(private readonly deliveries: FailedDeliveriesService) {}

  @Get()
  @ApiOperation({
    summary: 'Reminders and notification e-mails that failed for good, with their last error, latest first (admins)',
    operationId: 'listFailedDeliveries',
  })
  @ApiOkResponse({ type: FailedDeliveryPageDto })
  list(@Query() query: ListFailedDeliveriesQueryDto): Promise<FailedDeliveryPageDto> {
    return this.deliveries.list(query);
  }

  @Post(':kind/:id/retry')
  @HttpCode(200)
  @ApiParam({ name: 'kind', enum: DELIVERY_KINDS })
  @ApiOperation({
    summary: 'Put one failed reminder or notification e-mail back in line, attempts reset (admins; 409 if it is not failed)',
    operationId: 'retryFailedDelivery',
  })
  @ApiOkResponse({ type: RetriedDeliveryDto })
  retry(@CurrentUser() user: AuthUser, @Param('kind') kind: string, @Param('id', ParseIdPipe) id: string): Promise<RetriedDeliveryDto> {
    return this.deliveries.retry(user, kind, id);
  }
}
