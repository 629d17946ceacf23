import { ChangeDetectionStrategy, Component, DOCUMENT, DestroyRef, Injector, computed, inject, input, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Subscription } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { personDates } from '../core/dates/person-dates';
import { message, textOf, type Message } from '../core/forms/message';
import type { TranslationKey, TranslationParams } from '../core/i18n/dictionary';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import { focusAfterRender } from '../core/ui/focus-after-render';
import { AddOffice } from '../directory/add-office';
import { mayEditDirectory } from '../directory/directory-data';
import { plural, type Office } from './setup-data';

/** How long typing must pause before the directory is searched. */
export const SEARCH_DELAY_MS = 250;
const RESULTS = 10;

type Search =
  | { readonly kind: 'idle' }
  | { readonly kind: 'searching' }
  | { readonly kind: 'error' }
  | { readonly kind: 'ready'; readonly query: string; readonly offices: readonly Office[] };

/** How an office reads in the picker and once chosen: "Institution — Office title". */
export function officeName(office: Pick<Office, 'institutionName' | 'title'>): string {
  return `${office.institutionName} — ${office.title}`;
}

/**
 * The addressee of a demand: a combobox (ARIA 1.2 pattern) that searches the directory
 * (`GET /api/offices?q=`) as the person types, after a pause. Arrow keys move through the offices
 * found, Enter chooses, Escape closes; each shows its institution, title and current holder.
 * Typing again after a choice undoes it and searches anew.
 *
 * An office missing from the directory can be added without leaving the form ("Not in the
 * directory? Add it", coordinators and administrators): its institution, the office and its
 * current holder's term (`dm-add-office`), then chosen as if found — with its term, for a
 * deadline at the end of it. "Browse the directory" opens the directory in a new tab.
 */
@Component({
  selector: 'dm-office-picker',
  imports: [TPipe, RouterLink, AddOffice],
  templateUrl: './office-picker.html',
  styles: `
    .picker {
      position: relative;
    }
    .picker__list {
      margin: var(--space-1) 0 0;
      padding: 0;
      list-style: none;
      max-height: 20rem;
      overflow-y: auto;
      border: 2px solid var(--color-brand);
      border-radius: var(--radius);
      background: var(--color-bg);
    }
    .picker__list[hidden] {
      display: none;
    }
    .picker__option {
      display: flex;
      flex-direction: column;
      padding: var(--space-2);
      cursor: pointer;
      border-bottom: 1px solid var(--color-border);
    }
    .picker__option:last-child {
      border-bottom: 0;
    }
    .picker__option--active,
    .picker__option:hover {
      background: var(--color-surface);
      outline: 2px solid var(--color-brand);
      outline-offset: -2px;
    }
    .picker__institution {
      font-size: 0.875rem;
      color: var(--color-text-muted);
    }
    .picker__title {
      font-weight: 600;
    }
    .picker__holder {
      font-size: 0.95rem;
    }
    .picker__status {
      margin: var(--space-1) 0 0;
      font-size: 0.95rem;
      min-height: 1em;
    }
    .picker__status:empty {
      margin: 0;
    }
    .picker__chosen {
      margin: var(--space-1) 0 0;
      overflow-wrap: anywhere;
    }
    .picker__tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-2) var(--space-3);
      margin: var(--space-2) 0 0;
    }
    .picker__add {
      margin-top: var(--space-3);
      padding: var(--space-3);
    }
    .picker__add-heading {
      margin: 0 0 var(--space-1);
      font-size: 1.05rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfficePicker {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly dates = personDates();
  /** Coordinators and administrators add to the directory (the API's rule). */
  protected readonly mayAdd = mayEditDirectory(inject(Session).user()?.role);
  readonly inputId = input.required<string>();
  /** The control's name, so that a form can focus it when it is in error. */
  readonly name = input('officeId');
  readonly office = input<Office | null>(null);
  readonly invalid = input(false);
  readonly describedBy = input<string | null>(null);
  readonly officeChange = output<Office | null>();

  protected readonly query = signal('');
  protected readonly search = signal<Search>({ kind: 'idle' });
  protected readonly open = signal(false);
  protected readonly active = signal(-1);
  protected readonly officeName = officeName;
  protected readonly listId = computed(() => `${this.inputId()}-list`);
  protected readonly activeId = computed(() => (this.open() && this.active() >= 0 ? this.optionId(this.active()) : null));
  /** The form that adds an office to the directory is open. */
  protected readonly adding = signal(false);
  /** What was just done ("… has been added to the directory and chosen."), until the person types. */
  private readonly notice = signal<Message | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request: Subscription | undefined;

  protected readonly status = computed(() => {
    const search = this.search();
    switch (search.kind) {
      case 'idle': {
        const notice = this.notice();
        return notice ? textOf(this.i18n, notice) : '';
      }
      case 'searching':
        return this.translate('setup.form.office.searching');
      case 'error':
        return this.translate('setup.form.office.error');
      case 'ready':
        return search.offices.length === 0
          ? this.translate('setup.form.office.noResults', { query: search.query })
          : this.translate(`setup.form.office.results.${plural(search.offices.length)}`, { count: search.offices.length });
    }
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.timer);
      this.request?.unsubscribe();
    });
  }

  /** Shows `office` as chosen, e.g. when the form is reset (null) or filled in from outside. */
  show(office: Office | null): void {
    this.query.set(office ? officeName(office) : '');
    this.search.set({ kind: 'idle' });
    this.open.set(false);
  }

  protected optionId(index: number): string {
    return `${this.inputId()}-option-${index}`;
  }

  protected holder(office: Office): string {
    const holder = office.currentHolder;
    if (holder) {
      return holder.endsOn
        ? this.translate('setup.office.holderUntil', { name: holder.holderName, date: this.dates.day(holder.endsOn) })
        : this.translate('setup.office.holder', { name: holder.holderName });
    }
    return this.translate(office.isCollective ? 'setup.office.collective' : 'setup.office.noHolder');
  }

  protected typed(event: Event): void {
    const query = (event.target as HTMLInputElement).value;
    this.query.set(query);
    this.notice.set(null);
    if (this.office()) {
      this.officeChange.emit(null);
    }
    clearTimeout(this.timer);
    this.request?.unsubscribe();
    this.active.set(-1);
    if (query.trim() === '') {
      this.search.set({ kind: 'idle' });
      this.open.set(false);
      return;
    }
    this.search.set({ kind: 'searching' });
    this.timer = setTimeout(() => this.run(query.trim()), SEARCH_DELAY_MS);
  }

  protected reopen(): void {
    const search = this.search();
    if (search.kind === 'ready' && search.offices.length > 0 && !this.office()) {
      this.open.set(true);
    }
  }

  protected key(event: KeyboardEvent): void {
    const search = this.search();
    const offices = search.kind === 'ready' ? search.offices : [];
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (offices.length === 0) return;
        event.preventDefault();
        const by = event.key === 'ArrowDown' ? 1 : -1;
        if (!this.open()) {
          this.open.set(true);
          this.active.set(by === 1 ? 0 : offices.length - 1);
          return;
        }
        this.active.set((this.active() + by + offices.length) % offices.length);
        this.scrollToActive();
        return;
      }
      case 'Enter': {
        const office = this.open() ? offices[this.active()] : undefined;
        if (office) {
          event.preventDefault();
          this.choose(office);
        }
        return;
      }
      case 'Escape':
        if (this.open()) {
          event.preventDefault();
          this.open.set(false);
        }
        return;
    }
  }

  protected choose(office: Office): void {
    this.show(office);
    this.officeChange.emit(office);
  }

  protected toggleAdding(): void {
    this.adding.update((open) => !open);
  }

  /** The form closed without adding: back to the button that opened it. */
  protected closeAdding(): void {
    this.adding.set(false);
    focusAfterRender(this.injector, () => this.document.getElementById(`${this.inputId()}-add-toggle`)?.focus());
  }

  /** The new office, as the directory answers it (with its current holder): chosen, as if found. */
  protected added(office: Office): void {
    this.adding.set(false);
    this.choose(office);
    this.notice.set(message('setup.newOffice.added', { office: officeName(office) }));
    focusAfterRender(this.injector, () => this.document.getElementById(this.inputId())?.focus());
  }

  private run(query: string): void {
    this.request = this.api.get('/api/offices', { params: { q: query, limit: RESULTS } }).subscribe({
      next: (page) => {
        this.search.set({ kind: 'ready', query, offices: page.items });
        this.active.set(page.items.length > 0 ? 0 : -1);
        this.open.set(page.items.length > 0);
      },
      error: () => {
        this.search.set({ kind: 'error' });
        this.open.set(false);
      },
    });
  }

  private scrollToActive(): void {
    const id = this.activeId();
    if (id) {
      this.document.getElementById(id)?.scrollIntoView?.({ block: 'nearest' });
    }
  }

  private translate(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.translate(key, params);
  }
}
