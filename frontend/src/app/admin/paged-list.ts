import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { firstValueFrom, type Observable } from 'rxjs';

import { FormAlert } from '../core/forms/form-alert';
import { feedbackFor } from '../core/forms/form-feedback';
import { message, type Message } from '../core/forms/message';
import type { TranslationKey } from '../core/i18n/dictionary';
import { TPipe } from '../core/i18n/t-pipe';
import { LOADING, loadError, type LoadState } from '../core/api/load-state';

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/**
 * A cursor-paged list as a page shows it: the first page, "Load more", and rows changed in place
 * after an action. When loads overlap (a new search while one is on its way), only the latest
 * one's answer is kept.
 */
export class PagedList<T extends { readonly id: string }> {
  readonly state = signal<LoadState<Page<T>>>(LOADING);
  readonly loadingMore = signal(false);
  /** Why "Load more" failed; the rows already shown stay. */
  readonly moreError = signal<Message | null>(null);
  private generation = 0;

  /** @param fetch one page, from `cursor` (none: the first) */
  constructor(
    private readonly fetch: (cursor: string | undefined) => Observable<{ items: T[]; nextCursor: string | null }>,
    private readonly notFound: TranslationKey,
  ) {}

  async load(): Promise<void> {
    const generation = ++this.generation;
    this.state.set(LOADING);
    this.moreError.set(null);
    this.loadingMore.set(false);
    try {
      const page = await firstValueFrom(this.fetch(undefined));
      if (generation === this.generation) {
        this.state.set({ kind: 'ready', value: page });
      }
    } catch (error) {
      if (generation === this.generation) {
        this.state.set(loadError(error, this.notFound));
      }
    }
  }

  /** Appends the next page; resolves to the first new row (to move focus to), if any. */
  async loadMore(): Promise<T | null> {
    const current = this.state();
    if (current.kind !== 'ready' || !current.value.nextCursor || this.loadingMore()) {
      return null;
    }
    const generation = this.generation;
    this.loadingMore.set(true);
    this.moreError.set(null);
    try {
      const page = await firstValueFrom(this.fetch(current.value.nextCursor));
      const now = this.state();
      if (generation !== this.generation || now.kind !== 'ready') {
        return null;
      }
      const known = new Set(now.value.items.map((item) => item.id));
      const added = page.items.filter((item) => !known.has(item.id));
      this.state.set({ kind: 'ready', value: { items: [...now.value.items, ...added], nextCursor: page.nextCursor } });
      return added[0] ?? null;
    } catch (error) {
      if (generation === this.generation) {
        this.moreError.set(feedbackFor(error, []).form ?? message('form.error.unexpected'));
      }
      return null;
    } finally {
      if (generation === this.generation) {
        this.loadingMore.set(false);
      }
    }
  }

  /** Shows `updated` in place of the row with its id. */
  replace(updated: T): void {
    this.state.update((current) =>
      current.kind === 'ready'
        ? {
            kind: 'ready',
            value: { ...current.value, items: current.value.items.map((item) => (item.id === updated.id ? updated : item)) },
          }
        : current,
    );
  }

  remove(id: string): void {
    this.state.update((current) =>
      current.kind === 'ready'
        ? { kind: 'ready', value: { ...current.value, items: current.value.items.filter((item) => item.id !== id) } }
        : current,
    );
  }
}

/**
 * The foot of a paged list: "Load more" while there is more, and why it failed. Emits the first
 * row added, for the page to move focus to (the button the person pressed may be gone).
 */
@Component({
  selector: 'dm-load-more',
  imports: [TPipe, FormAlert],
  template: `
    @if (hasMore()) {
      <button type="button" class="button button--secondary" [attr.aria-disabled]="list().loadingMore()" (click)="load()">
        {{ (list().loadingMore() ? 'admin.loadingMore' : 'admin.loadMore') | t }}
      </button>
    }
    @if (list().moreError(); as error) {
      <dm-form-alert [message]="error" />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadMore {
  readonly list = input.required<PagedList<{ readonly id: string }>>();
  readonly loaded = output<{ readonly id: string }>();
  protected readonly hasMore = computed(() => {
    const state = this.list().state();
    return state.kind === 'ready' && state.value.nextCursor !== null;
  });

  protected async load(): Promise<void> {
    const first = await this.list().loadMore();
    if (first) {
      this.loaded.emit(first);
    }
  }
}
