import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { Router, RouterLink, type UrlTree } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { NOTIFICATION_KINDS } from '@demarche/shared';

import { ApiClient } from '../core/api/api-client';
import { formatInstant } from '../core/dates/dates';
import { FormAlert } from '../core/forms/form-alert';
import { LoadStatus } from '../core/ui/load-status';
import { feedbackFor } from '../core/forms/form-feedback';
import { message, type Message } from '../core/forms/message';
import type { TranslationKey } from '../core/i18n/dictionary';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session, signedInUser } from '../core/session/session';
import { NotificationStream } from './notification-stream';
import { UnreadNotifications, type AppNotification } from './unread-notifications';

type ListState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: Message }
  | { readonly kind: 'ready'; readonly items: readonly AppNotification[]; readonly nextCursor: string | null };

const KINDS: readonly string[] = NOTIFICATION_KINDS;

/** The translation key of a notification kind. */
export function kindKey(kind: string): TranslationKey {
  return (KINDS.includes(kind) ? `notifications.kind.${kind}` : 'notifications.kind.other') as TranslationKey;
}

/**
 * `/notifications`: the person's notifications, newest first (keyset pages, "Load more"), all or
 * unread only; new ones arriving on the stream are prepended. Opening one marks it read.
 */
@Component({
  selector: 'dm-inbox-page',
  imports: [TPipe, RouterLink, FormAlert, LoadStatus],
  template: `
    <div class="head">
      <h1>{{ 'notifications.title' | t }}</h1>
      <a routerLink="/notifications/preferences">{{ 'notifications.inbox.preferences' | t }}</a>
    </div>
    <p class="muted">{{ 'notifications.inbox.intro' | t }}</p>

    <div class="tools">
      <div role="group" class="filter" [attr.aria-label]="'notifications.inbox.filter.label' | t">
        <button type="button" class="button button--secondary" [attr.aria-pressed]="!unreadOnly()" (click)="filter(false)">
          {{ 'notifications.inbox.filter.all' | t }}
        </button>
        <button type="button" class="button button--secondary" [attr.aria-pressed]="unreadOnly()" (click)="filter(true)">
          {{ 'notifications.inbox.filter.unread' | t }}
        </button>
      </div>
      <button type="button" class="button" [attr.aria-disabled]="markingAll()" (click)="markAllRead()">
        {{ 'notifications.inbox.markAllRead' | t }}
      </button>
    </div>
    <p role="status" class="status">
      @if (allRead()) {
        {{ 'notifications.inbox.allRead' | t }}
      }
    </p>
    @if (actionError(); as error) {
      <dm-form-alert [message]="error" />
    }

    @let current = list();
    <dm-load-status [state]="current" loading="notifications.inbox.loading" (retry)="load()" />
    @if (current.kind === 'ready') {
      @if (current.items.length === 0) {
        <p class="panel">{{ (unreadOnly() ? 'notifications.inbox.emptyUnread' : 'notifications.inbox.empty') | t }}</p>
      } @else {
        <ul class="items" [attr.aria-label]="'notifications.inbox.list' | t">
          @for (item of current.items; track item.id) {
            <li class="panel item" [class.item--unread]="!item.readAt" [attr.data-notification-id]="item.id">
              <p class="item__meta">
                <span class="tag">{{ kindKey(item.kind) | t }}</span>&ngsp;
                @if (!item.readAt) {
                  <span class="tag tag--unread">{{ 'notifications.inbox.unread' | t }}</span>&ngsp;
                }
                <time [attr.datetime]="item.createdAt">{{ time(item.createdAt) }}</time>
              </p>
              <h2 class="item__title">
                @if (target(item.link); as target) {
                  <a [routerLink]="target" (click)="opened(item)">{{ item.title }}</a>
                } @else {
                  {{ item.title }}
                }
              </h2>
              <p class="item__body">{{ item.body }}</p>
              @if (!item.readAt) {
                <button
                  type="button"
                  class="button button--secondary"
                  [attr.aria-label]="'notifications.inbox.markRead.label' | t: { title: item.title }"
                  (click)="markRead(item)"
                >
                  {{ 'notifications.inbox.markRead' | t }}
                </button>
              }
            </li>
          }
        </ul>
        @if (current.nextCursor) {
          <button type="button" class="button button--secondary" [attr.aria-disabled]="loadingMore()" (click)="loadMore()">
            {{ 'notifications.inbox.more' | t }}
          </button>
        }
      }
    }
  `,
  styles: `
    .head,
    .tools {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: var(--space-2) var(--space-3);
    }
    .filter {
      display: flex;
      gap: var(--space-2);
    }
    .filter [aria-pressed='true'] {
      background: var(--color-brand);
      color: #fff;
    }
    .status {
      min-height: 1.6em;
      margin: var(--space-2) 0;
    }
    .items {
      margin: var(--space-3) 0;
      padding: 0;
      list-style: none;
    }
    .items > li + li {
      margin-top: var(--space-3);
    }
    .item--unread {
      border-left: 4px solid var(--color-brand);
    }
    .item__meta {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
      align-items: center;
      color: var(--color-text-muted);
      font-size: 0.9rem;
    }
    .item__title {
      font-size: 1.2rem;
      margin: var(--space-2) 0;
    }
    .tag {
      padding: 0 0.5em;
      border: 1px solid var(--color-brand);
      border-radius: var(--radius);
      color: var(--color-brand);
      font-weight: 600;
    }
    .tag--unread {
      border-style: dashed;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly unread = inject(UnreadNotifications);
  private readonly stream = inject(NotificationStream);
  private readonly timeZone = signedInUser(inject(Session)).timeZone;
  protected readonly kindKey = kindKey;

  protected readonly list = signal<ListState>({ kind: 'loading' });
  protected readonly unreadOnly = signal(false);
  protected readonly loadingMore = signal(false);
  protected readonly markingAll = signal(false);
  protected readonly allRead = signal(false);
  protected readonly actionError = signal<Message | null>(null);
  private generation = 0;

  constructor() {
    const stop = this.stream.onArrival((notification) =>
      this.list.update((list) =>
        list.kind === 'ready' && !list.items.some((n) => n.id === notification.id)
          ? { ...list, items: [notification, ...list.items] }
          : list,
      ),
    );
    inject(DestroyRef).onDestroy(stop);
    void this.load();
  }

  protected time(iso: string): string {
    return formatInstant(iso, this.i18n.locale(), this.timeZone);
  }

  /** A dashboard path as a URL tree for `routerLink`; null for anything else. */
  protected target(link: string | null): UrlTree | null {
    return link?.startsWith('/') && !link.startsWith('//') ? this.router.parseUrl(link) : null;
  }

  protected filter(unreadOnly: boolean): void {
    if (unreadOnly !== this.unreadOnly()) {
      this.unreadOnly.set(unreadOnly);
      void this.load();
    }
  }

  protected async load(): Promise<void> {
    const generation = ++this.generation;
    this.list.set({ kind: 'loading' });
    try {
      const page = await firstValueFrom(this.api.get('/api/notifications', { params: this.params() }));
      if (generation === this.generation) {
        this.list.set({ kind: 'ready', items: page.items, nextCursor: page.nextCursor });
      }
    } catch (error) {
      if (generation === this.generation) {
        this.list.set({ kind: 'error', message: feedbackFor(error, []).form ?? message('form.error.unexpected') });
      }
    }
  }

  protected async loadMore(): Promise<void> {
    const current = this.list();
    if (current.kind !== 'ready' || !current.nextCursor || this.loadingMore()) {
      return;
    }
    const generation = this.generation;
    this.loadingMore.set(true);
    this.actionError.set(null);
    try {
      const page = await firstValueFrom(this.api.get('/api/notifications', { params: { ...this.params(), cursor: current.nextCursor } }));
      const list = this.list();
      if (generation === this.generation && list.kind === 'ready') {
        const known = new Set(list.items.map((n) => n.id));
        this.list.set({
          kind: 'ready',
          items: [...list.items, ...page.items.filter((n) => !known.has(n.id))],
          nextCursor: page.nextCursor,
        });
      }
    } catch (error) {
      this.actionError.set(feedbackFor(error, []).form);
    } finally {
      this.loadingMore.set(false);
    }
  }

  /** Opening a notification marks it read; the navigation itself is the link's. */
  protected opened(item: AppNotification): void {
    if (!item.readAt) {
      void this.markRead(item);
    }
  }

  protected async markRead(item: AppNotification): Promise<void> {
    this.actionError.set(null);
    try {
      const read = await firstValueFrom(this.api.post('/api/notifications/{id}/read', undefined, { pathParams: { id: item.id } }));
      this.replace((n) => (n.id === read.id ? read : n));
      this.stream.refresh();
    } catch (error) {
      this.actionError.set(feedbackFor(error, []).form);
    }
  }

  protected async markAllRead(): Promise<void> {
    if (this.markingAll()) {
      return;
    }
    this.markingAll.set(true);
    this.allRead.set(false);
    this.actionError.set(null);
    try {
      await firstValueFrom(this.api.post('/api/notifications/read-all', undefined));
      const now = new Date().toISOString();
      this.replace((n) => (n.readAt ? n : { ...n, readAt: now }));
      this.unread.count.set(0);
      this.allRead.set(true);
    } catch (error) {
      this.actionError.set(feedbackFor(error, []).form);
    } finally {
      this.markingAll.set(false);
    }
  }

  private params(): { unread?: boolean; limit: number } {
    return this.unreadOnly() ? { unread: true, limit: 20 } : { limit: 20 };
  }

  private replace(change: (n: AppNotification) => AppNotification): void {
    this.list.update((list) => (list.kind === 'ready' ? { ...list, items: list.items.map(change) } : list));
  }
}
