import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { StatusChip } from '../campaigns/status-chip';
import { ApiClient } from '../core/api/api-client';
import { formatInstant } from '../core/dates/dates';
import { FormAlert } from '../core/forms/form-alert';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session, signedInUser } from '../core/session/session';
import { formatDay } from './day-format';
import { assessmentKey, channelKey } from './demand-labels';
import type { InstitutionResponse } from './demand-types';
import { LOADING, loadError, type LoadState } from './load-state';
import { routeParam } from './route-param';

/**
 * `/campaigns/:campaignId/responses/:responseId` (notification links land here): what an
 * institution answered, how the coalition assessed it, where to read it, and the demands it
 * answered with their statuses now.
 */
@Component({
  selector: 'dm-response-page',
  imports: [TPipe, RouterLink, FormAlert, StatusChip],
  template: `
    <p class="back">
      <a [routerLink]="['/campaigns', campaignId()]">{{ 'response.back.campaign' | t }}</a>
    </p>
    @let current = state();
    @switch (current.kind) {
      @case ('loading') {
        <h1>{{ 'response.title' | t }}</h1>
        <p role="status">{{ 'response.loading' | t }}</p>
      }
      @case ('error') {
        <h1>{{ 'response.title' | t }}</h1>
        <dm-form-alert [message]="current.message" />
        <button type="button" class="button" (click)="load()">{{ 'form.retry' | t }}</button>
      }
      @case ('ready') {
        @let response = current.value;
        <h1>{{ 'response.heading' | t: { institution: response.institutionName } }}</h1>
        <dl class="facts">
          <div>
            <dt>{{ 'response.receivedOn' | t }}</dt>
            <dd>{{ day(response.receivedOn) }}</dd>
          </div>
          <div>
            <dt>{{ 'response.channel' | t }}</dt>
            <dd>{{ channelKey(response.channel) | t }}</dd>
          </div>
          <div>
            <dt>{{ 'response.assessment' | t }}</dt>
            <dd>{{ assessmentKey(response.assessment) | t }}</dd>
          </div>
          <div>
            <dt>{{ 'response.loggedBy' | t }}</dt>
            <dd>
              {{
                'response.loggedBy.value'
                  | t: { who: response.loggedByName ?? ('response.loggedBy.unknown' | t), when: instant(response.createdAt) }
              }}
            </dd>
          </div>
        </dl>
        <section aria-labelledby="response-summary-heading">
          <h2 id="response-summary-heading">{{ 'response.summary' | t }}</h2>
          <p class="summary">{{ response.summary }}</p>
          @if (response.sourceUrl) {
            <p>
              <a [href]="response.sourceUrl" rel="noopener noreferrer external">{{ 'response.source.link' | t }}</a>
              <span class="muted url">{{ response.sourceUrl }}</span>
            </p>
          } @else {
            <p class="muted">{{ 'response.source.none' | t }}</p>
          }
        </section>
        <section class="panel" aria-labelledby="response-demands-heading">
          <h2 id="response-demands-heading">{{ 'response.answered' | t }}</h2>
          <ul class="items">
            @for (demand of response.demands; track demand.id) {
              <li>
                <a [routerLink]="['/campaigns', campaignId(), 'demands', demand.id]">{{ demand.officeTitle }}</a>&ngsp;<dm-status-chip
                  [status]="demand.status"
                />
                <p>{{ demand.text }}</p>
              </li>
            }
          </ul>
        </section>
      }
    }
  `,
  styles: `
    .back {
      margin-bottom: var(--space-2);
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: var(--space-3);
      margin: 0 0 var(--space-4);
    }
    .facts dt {
      color: var(--color-text-muted);
      font-size: 0.95rem;
    }
    .facts dd {
      margin: 0;
      font-weight: 600;
    }
    .summary {
      white-space: pre-line;
    }
    .url {
      display: block;
      overflow-wrap: anywhere;
    }
    .items {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .items li + li {
      margin-top: var(--space-3);
    }
    .items a {
      margin-right: var(--space-2);
      font-weight: 600;
    }
    .items p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResponsePage {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  private readonly timeZone = signedInUser(inject(Session)).timeZone;
  protected readonly assessmentKey = assessmentKey;
  protected readonly channelKey = channelKey;
  protected readonly campaignId = routeParam('campaignId');
  protected readonly responseId = routeParam('responseId');
  protected readonly state = signal<LoadState<InstitutionResponse>>(LOADING);
  private generation = 0;

  constructor() {
    effect(() => {
      this.responseId();
      untracked(() => void this.load());
    });
  }

  protected day(day: string): string {
    return formatDay(day, this.i18n.locale());
  }

  protected instant(iso: string): string {
    return formatInstant(iso, this.i18n.locale(), this.timeZone);
  }

  protected async load(): Promise<void> {
    const generation = ++this.generation;
    this.state.set(LOADING);
    try {
      const response = await firstValueFrom(this.api.get('/api/responses/{id}', { pathParams: { id: this.responseId() } }));
      if (generation === this.generation) {
        this.state.set({ kind: 'ready', value: response });
      }
    } catch (error) {
      if (generation === this.generation) {
        this.state.set(loadError(error, 'response.notFound'));
      }
    }
  }
}
