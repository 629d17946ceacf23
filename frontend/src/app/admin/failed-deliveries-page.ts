import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NOTIFICATION_KINDS } from '@demarche/shared';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import type { components } from '../core/api/schema.generated';
import { personDates } from '../core/dates/person-dates';
import { FormAlert } from '../core/forms/form-alert';
import { LoadStatus } from '../core/ui/load-status';
import { feedbackFor } from '../core/forms/form-feedback';
import { message, type Message } from '../core/forms/message';
import type { TranslationKey } from '../core/i18n/dictionary';
import { TPipe } from '../core/i18n/t-pipe';
import { focusAfterRender } from '../core/ui/focus-after-render';
import { AdminNav } from './admin-nav';
import { LoadMore, PagedList } from './paged-list';

export type FailedDelivery = components['schemas']['FailedDeliveryDto'];
type Kind = FailedDelivery['kind'];

const NOTIFICATION_KIND_LIST: readonly string[] = NOTIFICATION_KINDS;

const CODES = {
  not_failed: message('admin.deliveries.error.notFailed'),
  superseded: message('admin.deliveries.error.superseded'),
  not_found: message('admin.deliveries.error.gone'),
};

/** How one row's retry stands. */
type RetryState = { readonly kind: 'busy' } | { readonly kind: 'done' } | { readonly kind: 'error'; readonly message: Message };

/**
 * `/admin/failed-deliveries` (administrators): reminders and notification e-mails that failed for
 * good, latest first, with why (the mail server's last answer); "Retry" puts one back in line and
 * the worker sends it within seconds. Webhook deliveries have their own log on each webhook.
 */
@Component({
  selector: 'dm-failed-deliveries-page',
  imports: [TPipe, RouterLink, AdminNav, FormAlert, LoadStatus, LoadMore],
  template: `
    <dm-admin-nav />
    <h1>{{ 'admin.deliveries.title' | t }}</h1>
    <p class="muted">{{ 'admin.deliveries.intro' | t }}</p>

    <form class="filter" (submit)="$event.preventDefault()">
      <div class="field">
        <label class="field__label" for="deliveries-kind">{{ 'admin.deliveries.filter.kind' | t }}</label>
        <select id="deliveries-kind" class="input" [value]="kind() ?? ''" (change)="filter($event)">
          <option value="">{{ 'admin.deliveries.filter.all' | t }}</option>
          <option value="reminder">{{ 'admin.deliveries.kind.reminder' | t }}</option>
          <option value="email">{{ 'admin.deliveries.kind.email' | t }}</option>
        </select>
      </div>
    </form>

    @let current = list.state();
    <dm-load-status [state]="current" loading="admin.deliveries.loading" (retry)="list.load()" />
    @if (current.kind === 'ready') {
      @if (current.value.items.length === 0) {
        <p class="panel empty">{{ 'admin.deliveries.empty' | t }}</p>
      } @else {
        <ul class="deliveries">
          @for (delivery of current.value.items; track delivery.id) {
            @let retry = retries()[delivery.id];
            <li>
              <article class="delivery" [attr.aria-labelledby]="'delivery-' + delivery.id" [attr.data-delivery-id]="delivery.id">
                <p class="delivery__kind">
                  <span class="badge">{{ kindLabel(delivery.kind) | t }}</span>
                  @if (delivery.subject.notificationKind; as notificationKind) {
                    {{ notificationKindKey(notificationKind) | t }}
                  } @else {
                    {{ (delivery.subject.type === 'demand' ? 'admin.deliveries.subject.demand' : 'admin.deliveries.subject.followUp') | t }}
                  }
                  @if (delivery.subject.campaign; as campaign) {
                    · <a [routerLink]="['/campaigns', campaign.id]">{{ campaign.title }}</a>
                  }
                </p>
                <h2 class="delivery__title" tabindex="-1" [id]="'delivery-' + delivery.id">
                  @if (delivery.subject.link) {
                    <a [routerLink]="delivery.subject.link">{{ short(delivery.subject.title) }}</a>
                  } @else {
                    {{ short(delivery.subject.title) }}
                  }
                </h2>
                <dl class="delivery__facts">
                  <div>
                    <dt>{{ 'admin.deliveries.recipient' | t }}</dt>
                    <dd>
                      {{ delivery.recipient.name }} <span class="muted">&lt;{{ delivery.recipient.email }}&gt;</span>
                    </dd>
                  </div>
                  <div>
                    <dt>{{ 'admin.deliveries.failedAt' | t }}</dt>
                    <dd>{{ dates.instant(delivery.failedAt) }}</dd>
                  </div>
                  <div>
                    <dt>{{ 'admin.deliveries.attempts' | t }}</dt>
                    <dd>{{ delivery.attempts }}</dd>
                  </div>
                  <div class="delivery__error">
                    <dt>{{ 'admin.deliveries.lastError' | t }}</dt>
                    <dd>
                      @if (delivery.lastError) {
                        <code>{{ delivery.lastError }}</code>
                      } @else {
                        {{ 'admin.deliveries.noError' | t }}
                      }
                    </dd>
                  </div>
                </dl>
                <div class="delivery__actions">
                  @switch (retry?.kind) {
                    @case ('done') {
                      <p class="alert alert--ok" role="status" [id]="'delivery-result-' + delivery.id" tabindex="-1">
                        {{ 'admin.deliveries.retried' | t }}
                      </p>
                    }
                    @default {
                      <button
                        type="button"
                        class="button button--secondary"
                        [id]="'delivery-retry-' + delivery.id"
                        [attr.aria-disabled]="retry?.kind === 'busy'"
                        [attr.aria-label]="
                          'admin.deliveries.retry.label' | t: { title: delivery.subject.title, name: delivery.recipient.name }
                        "
                        (click)="retryOne(delivery)"
                      >
                        {{ (retry?.kind === 'busy' ? 'admin.deliveries.retrying' : 'admin.deliveries.retry') | t }}
                      </button>
                      @if (errorOf(delivery.id); as error) {
                        <dm-form-alert [message]="error" />
                      }
                    }
                  }
                </div>
              </article>
            </li>
          }
        </ul>
        <dm-load-more [list]="list" (loaded)="focusRow($event)" />
      }
    }
  `,
  styles: `
    .filter {
      display: flex;
      margin: 0 0 var(--space-3);
    }
    .filter .field {
      margin: 0;
      max-width: 100%;
    }
    .empty {
      margin: 0;
    }
    .deliveries {
      display: flex;
      flex-direction: column;
      gap: var(--space-3);
      margin: 0 0 var(--space-3);
      padding: 0;
      list-style: none;
    }
    .delivery {
      padding: var(--space-3);
      border: 1px solid var(--color-border);
      border-left: 4px solid var(--color-bad);
      border-radius: var(--radius);
      background: var(--color-bg);
    }
    .delivery__kind {
      margin: 0 0 var(--space-1);
      color: var(--color-text-muted);
    }
    .badge {
      display: inline-block;
      margin-right: var(--space-1);
      padding: 0 var(--space-1);
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
      color: var(--color-text);
      font-weight: 600;
    }
    .delivery__title {
      margin: 0 0 var(--space-2);
      font-size: 1.125rem;
      overflow-wrap: anywhere;
    }
    .delivery__facts {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-1) var(--space-4);
      margin: 0 0 var(--space-2);
    }
    .delivery__facts dt {
      display: inline;
      color: var(--color-text-muted);
    }
    .delivery__facts dt::after {
      content: ': ';
    }
    .delivery__facts dd {
      display: inline;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .delivery__error {
      flex-basis: 100%;
    }
    .delivery__error code {
      font-size: 0.875rem;
      white-space: pre-wrap;
    }
    .delivery__actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-2) var(--space-3);
    }
    .delivery__actions .alert {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FailedDeliveriesPage {
  private readonly api = inject(ApiClient);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  protected readonly dates = personDates();

  protected readonly kind = signal<Kind | null>(null);
  protected readonly list = new PagedList<FailedDelivery>(
    (cursor) => this.api.get('/api/admin/failed-deliveries', { params: { kind: this.kind() ?? undefined, cursor } }),
    'admin.deliveries.error.gone',
  );
  protected readonly retries = signal<Readonly<Record<string, RetryState>>>({});

  constructor() {
    void this.list.load();
  }

  protected kindLabel(kind: Kind): TranslationKey {
    return kind === 'reminder' ? 'admin.deliveries.kind.reminder' : 'admin.deliveries.kind.email';
  }

  protected notificationKindKey(kind: string): TranslationKey {
    return (NOTIFICATION_KIND_LIST.includes(kind) ? `notifications.kind.${kind}` : 'notifications.kind.other') as TranslationKey;
  }

  protected filter(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.kind.set(value === 'reminder' || value === 'email' ? value : null);
    this.retries.set({});
    void this.list.load();
  }

  protected async retryOne(delivery: FailedDelivery): Promise<void> {
    if (this.retries()[delivery.id]?.kind === 'busy') {
      return;
    }
    this.setRetry(delivery.id, { kind: 'busy' });
    try {
      await firstValueFrom(
        this.api.post('/api/admin/failed-deliveries/{kind}/{id}/retry', undefined, {
          pathParams: { kind: delivery.kind, id: delivery.id },
        }),
      );
      this.setRetry(delivery.id, { kind: 'done' });
      this.focus(`delivery-result-${delivery.id}`);
    } catch (error) {
      this.setRetry(delivery.id, { kind: 'error', message: feedbackFor(error, [], CODES).form ?? message('form.error.unexpected') });
      this.focus(`delivery-retry-${delivery.id}`);
    }
  }

  /** A demand's whole text is a paragraph or more: its start names it well enough here. */
  protected short(title: string): string {
    return title.length > 160 ? `${title.slice(0, 150).trimEnd()}…` : title;
  }

  protected errorOf(id: string): Message | null {
    const state = this.retries()[id];
    return state?.kind === 'error' ? state.message : null;
  }

  /** After "Load more": focus on the first new row. */
  protected focusRow(first: { readonly id: string }): void {
    this.focus(`delivery-${first.id}`);
  }

  private setRetry(id: string, state: RetryState): void {
    this.retries.update((all) => ({ ...all, [id]: state }));
  }

  private focus(id: string): void {
    focusAfterRender(this.injector, () => this.host.ownerDocument.getElementById(id)?.focus());
  }
}
