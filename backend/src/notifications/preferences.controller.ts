import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './preferences.dto.js';
import { PreferencesService } from './preferences.service.js';

@ApiTags('notifications')
@Controller('me/notification-preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @ApiOperation({
    summary: 'Your notification preferences: channels per kind, daily digest, muted campaigns, time zone, language',
    operationId: 'getNotificationPreferences',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  get(@CurrentUser() user: AuthUser): Promise<NotificationPreferencesDto> {
    return this.preferences.get(user);
  }

  @Patch()
  @ApiOperation({ summary: 'Change some of your notification preferences', operationId: 'updateNotificationPreferences' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.preferences.update(user, body);
  }
}
