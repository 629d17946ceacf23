import { Controller, Get, HttpCode, Param, Post, Query, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { interval, map, merge, type Observable } from 'rxjs';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import { ListNotificationsQueryDto, NotificationDto, NotificationPageDto, UnreadCountDto } from './notification.dto.js';
import { NotificationsService } from './notifications.service.js';

/** Keeps idle connections (and proxies between) from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's notifications, newest first", operationId: 'listNotifications' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    return this.notifications.list(user, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many are unread', operationId: 'getUnreadNotificationCount' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount(user) };
  }

  @Sse('stream')
  @ApiOperation({
    summary: 'Server-sent events: `notification` events carry each new notification as it arrives; comments keep the connection alive',
    operationId: 'streamNotifications',
  })
  @ApiProduces('text/event-stream')
  stream(@CurrentUser() user: AuthUser): Observable<MessageEvent> {
    return merge(
      this.notifications.stream(user).pipe(map((n): MessageEvent => ({ type: 'notification', id: n.id, data: n }))),
      interval(KEEPALIVE_MS).pipe(map((): MessageEvent => ({ type: 'keepalive', data: '' }))),
    );
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notification read', operationId: 'markAllNotificationsRead' })
  @ApiOkResponse({ type: UnreadCountDto })
  async markAllRead(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    await this.notifications.markAllRead(user);
    return { unread: 0 };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notification read', operationId: 'markNotificationRead' })
  @ApiOkResponse({ type: NotificationDto })
  markRead(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(user, id);
  }
}
