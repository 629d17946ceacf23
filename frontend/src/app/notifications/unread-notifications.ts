import { Injectable, Injector, effect, inject, signal } from '@angular/core';

import type { ResponseBody } from '../core/api/api-client';
import { Session } from '../core/session/session';
import type { NotificationStream } from './notification-stream';

/** One in-app notification, as `GET /api/notifications` and the stream describe it. */
export type AppNotification = ResponseBody<'/api/notifications/{id}/read', 'post'>;

/**
 * What the bell in the header shows: the unread count and the latest arrival. This is in the
 * initial bundle, so it is only state; while someone is signed in, the lazily loaded
 * `NotificationStream` keeps it up to date.
 */
@Injectable({ providedIn: 'root' })
export class UnreadNotifications {
  /** Unread notifications; null until known (or when signed out). */
  readonly count = signal<number | null>(null);
  /** The latest notification that arrived live, for the screen-reader announcement. */
  readonly latest = signal<AppNotification | null>(null);

  constructor() {
    const session = inject(Session);
    const injector = inject(Injector);
    let stream: Promise<NotificationStream> | undefined;
    effect(() => {
      // Signing out: stop following before the API ends the session (see Session.ending).
      const userId = session.ending() ? undefined : session.user()?.id;
      if (userId) {
        stream ??= import('./notification-stream').then((m) => injector.get(m.NotificationStream));
      }
      void stream?.then((s) => s.follow(userId));
    });
  }
}
