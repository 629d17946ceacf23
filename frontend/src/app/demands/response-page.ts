import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { StatusChip } from '../campaigns/status-chip';
import { ApiClient } from '../core/api/api-client';
import { formatDay, formatInstant } from '../core/dates/dates';
import { FormAlert } from '../core/forms/form-alert';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session, signedInUser } from '../core/session/session';
import { assessmentKey, channelKey } from './demand-labels';
import { loadFor } from '../core/api/load-state';
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
    @let current = response.state();
    @switch (current.kind) {
      @case ('loading') {
        <h1>{{ 'response.title' | t }}</h1>
        <p role="status">{{ 'response.loading' | t }}</p>
      }
      @case ('error') {
        <h1>{{ 'response.title' | t }}</h1>
        <dm-form-alert [message]="current.message" />
        <button type="button" class="button" (click)="response.reload()">{{ 'form.retry' | t }}</button>
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
  protected readonly response = loadFor(
    () => this.responseId(),
    (id) => firstValueFrom(this.api.get('/api/responses/{id}', { pathParams: { id } })),
    'response.notFound',
  );

  protected day(day: string): string {
    return formatDay(day, this.i18n.locale());
  }

  protected instant(iso: string): string {
    return formatInstant(iso, this.i18n.locale(), this.timeZone);
  }
}
