import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { PreferencesController } from './preferences.controller.js';
import { PreferencesService } from './preferences.service.js';

/** API side of notifications: the list, read marks, the live stream, and each person's preferences. */
@Module({ controllers: [NotificationsController, PreferencesController], providers: [NotificationsService, PreferencesService] })
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
