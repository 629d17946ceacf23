import { Injectable, InjectionToken, inject } from '@angular/core';
import type { Subscription } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { UnreadNotifications, type AppNotification } from './unread-notifications';

/** The part of `EventSource` this service uses: a fake in unit tests. */
export interface EventStream {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/** Opens a server-sent-events stream; null where the browser has no `EventSource`. */
export const EVENT_STREAM = new InjectionToken<(url: string) => EventStream | null>('EVENT_STREAM', {
  providedIn: 'root',
  factory: () => (url) => (typeof EventSource === 'undefined' ? null : (new EventSource(url) as EventStream)),
});

/**
 * Keeps `UnreadNotifications` current while someone is signed in: one `EventSource` on
 * `GET /api/notifications/stream` (`notification` events; the browser reconnects by itself),
 * the count read at the start and again on each (re)connection (what arrived before was not
 * streamed), and each arrival passed on to the inbox. Loaded lazily, after sign-in.
 */
@Injectable({ providedIn: 'root' })
export class NotificationStream {
  private readonly api = inject(ApiClient);
  private readonly open = inject(EVENT_STREAM);
  private readonly unread = inject(UnreadNotifications);
  private readonly listeners = new Set<(notification: AppNotification) => void>();
  private stream: EventStream | null = null;
  private userId: string | undefined;
  private counting: Subscription | null = null;

  /** Follows the notifications of `userId`; stops when undefined (signed out). */
  follow(userId: string | undefined): void {
    if (userId === this.userId) {
      return;
    }
    this.userId = userId;
    // A count still on its way belongs to the previous person (or to an ending session): drop it.
    this.counting?.unsubscribe();
    this.counting = null;
    this.stream?.close();
    this.stream = null;
    this.unread.count.set(null);
    this.unread.latest.set(null);
    if (!userId) {
      return;
    }
    this.refresh();
    const stream = this.open('/api/notifications/stream');
    this.stream = stream;
    // Whatever arrived before the stream (re)connected was not streamed: read the count again.
    stream?.addEventListener('open', () => this.refresh());
    stream?.addEventListener('notification', (event) => {
      const notification = JSON.parse(event.data) as AppNotification;
      this.unread.count.update((count) => (count ?? 0) + (notification.readAt ? 0 : 1));
      this.unread.latest.set(notification);
      this.listeners.forEach((listener) => listener(notification));
    });
  }

  /** Calls `listener` with each notification that arrives live; returns the unsubscribe. */
  onArrival(listener: (notification: AppNotification) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the count again, e.g. after marking some read. */
  refresh(): void {
    const userId = this.userId;
    this.counting?.unsubscribe();
    this.counting = this.api.get('/api/notifications/unread-count').subscribe({
      next: ({ unread }) => {
        if (userId === this.userId) {
          this.unread.count.set(unread);
        }
      },
      error: () => undefined, // the bell keeps what it had; a 401 is the interceptor's business
    });
  }
}
