import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import type { Subscription } from 'rxjs';

import type { TranslationKey } from '../core/i18n/dictionary';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { HealthCheck, type HealthOutcome } from './health-check';

type PanelState = { readonly kind: 'loading' } | HealthOutcome;

interface ComponentStatus {
  readonly id: 'api' | 'database' | 'redis';
  readonly label: TranslationKey;
  readonly up: boolean;
}

/** "Service status" panel: the API, the database and Redis, each Operational or Unavailable. */
@Component({
  selector: 'dm-service-status',
  imports: [TPipe],
  template: `
    <section class="panel" aria-labelledby="service-status-heading" [attr.aria-busy]="loading()">
      <h2 id="service-status-heading">{{ 'status.heading' | t }}</h2>

      <p class="summary" role="status" [class.summary--ok]="healthy()" [class.summary--bad]="!loading() && !healthy()">
        {{ summary() }}
      </p>

      @let current = state();
      @if (current.kind === 'report') {
        <ul class="components">
          @for (component of components(); track component.id) {
            <li class="component" [attr.data-component]="component.id">
              <span class="component__name">{{ component.label | t }}</span>
              @if (component.up) {
                <span class="badge badge--up">
                  <svg class="badge__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path
                      d="M3 8.5l3 3 7-7"
                      fill="none"
                      stroke="currentColor"
                      stroke-width="2.2"
                      stroke-linecap="round"
                      stroke-linejoin="round"
                    />
                  </svg>
                  {{ 'status.state.operational' | t }}
                </span>
              } @else {
                <span class="badge badge--down">
                  <svg class="badge__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
                  </svg>
                  {{ 'status.state.unavailable' | t }}
                </span>
              }
            </li>
          }
        </ul>
        <p class="meta">{{ 'status.version' | t: { version: current.report.version } }}</p>
      } @else if (current.kind === 'error') {
        <p class="meta">
          {{ 'status.error.code' | t: { code: current.error.code } }}
          @if (current.error.requestId) {
            <br />{{ 'status.error.requestId' | t: { requestId: current.error.requestId } }}
          }
        </p>
      }

      <button type="button" class="button" [attr.aria-disabled]="loading()" (click)="refresh()">
        {{ (current.kind === 'error' ? 'status.retry' : 'status.refresh') | t }}
      </button>
    </section>
  `,
  styleUrl: './service-status.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceStatus {
  private readonly health = inject(HealthCheck);
  private readonly i18n = inject(I18n);
  private subscription: Subscription | undefined;

  protected readonly state = signal<PanelState>({ kind: 'loading' });
  protected readonly loading = computed(() => this.state().kind === 'loading');

  protected readonly components = computed<readonly ComponentStatus[]>(() => {
    const state = this.state();
    if (state.kind !== 'report') {
      return [];
    }
    const { checks } = state.report;
    return [
      // The API answered with a report, so the API itself is up.
      { id: 'api', label: 'status.component.api', up: true },
      { id: 'database', label: 'status.component.database', up: checks.database.status === 'up' },
      { id: 'redis', label: 'status.component.redis', up: checks.redis.status === 'up' },
    ];
  });

  /** One sentence for the live region: all good, or which dependencies are down. */
  protected readonly summary = computed(() => {
    const state = this.state();
    switch (state.kind) {
      case 'loading':
        return this.i18n.translate('status.loading');
      case 'error':
        return this.i18n.translate('status.error');
      case 'report': {
        const down = this.components()
          .filter((c) => !c.up)
          .map((c) => this.i18n.translate(c.label));
        if (down.length === 0) {
          return this.i18n.translate(state.report.status === 'ok' ? 'status.summary.ok' : 'status.summary.unavailableGeneric');
        }
        const list = new Intl.ListFormat(this.i18n.locale(), { type: 'conjunction' }).format(down);
        return this.i18n.translate('status.summary.unavailable', { components: list });
      }
    }
  });

  protected readonly healthy = computed(() => {
    const state = this.state();
    return state.kind === 'report' && state.report.status === 'ok' && this.components().every((c) => c.up);
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
    this.refresh();
  }

  protected refresh(): void {
    if (this.subscription && !this.subscription.closed && this.loading()) {
      return; // a check is already under way
    }
    this.subscription?.unsubscribe();
    this.state.set({ kind: 'loading' });
    this.subscription = this.health.check().subscribe((outcome) => this.state.set(outcome));
  }
}
