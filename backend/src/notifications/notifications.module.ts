import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

/** API side of in-app notifications: the list, read marks, and the live stream. */
@Module({ controllers: [NotificationsController], providers: [NotificationsService] })
export class NotificationsModule implements OnApplicationBootstrap {
  constructor(private readonly notifications: NotificationsService) {}

  /**
   * Subscribe at start, so a stream opened at once misses nothing published after it — without
   * waiting: the API serves (and /api/health reports) even while Redis is away.
   */
  onApplicationBootstrap(): void {
    this.notifications.subscribe();
  }
}
