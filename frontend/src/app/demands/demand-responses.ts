import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { formatDay } from '../core/dates/dates';
import { LoadStatus } from '../core/ui/load-status';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { assessmentKey, channelKey } from './demand-labels';
import { loadFor } from '../core/api/load-state';

/** The responses that answered one demand, newest first, each linking to its page. */
@Component({
  selector: 'dm-demand-responses',
  imports: [TPipe, RouterLink, LoadStatus],
  template: `
    <section class="panel" aria-labelledby="demand-responses-heading">
      <h2 id="demand-responses-heading">{{ 'demand.responses.heading' | t }}</h2>
      @let current = responses.state();
      <dm-load-status [state]="current" loading="demand.responses.loading" [secondary]="true" (retry)="responses.reload()" />
      @if (current.kind === 'ready') {
        @if (current.value.length === 0) {
          <p class="muted">{{ 'demand.responses.empty' | t }}</p>
        } @else {
          <ul class="items">
            @for (response of current.value; track response.id) {
              <li>
                <a [routerLink]="['/campaigns', campaignId(), 'responses', response.id]">{{
                  'demand.responses.item' | t: { institution: response.institutionName, date: day(response.receivedOn) }
                }}</a>
                <span class="muted"> · {{ assessmentKey(response.assessment) | t }} · {{ channelKey(response.channel) | t }}</span>
                <p>{{ response.summary }}</p>
              </li>
            }
          </ul>
        }
      }
    </section>
  `,
  styles: `
    .items {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .items li + li {
      margin-top: var(--space-3);
    }
    .items p {
      margin: 0;
      white-space: pre-line;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DemandResponses {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  readonly campaignId = input.required<string>();
  readonly demandId = input.required<string>();
  protected readonly responses = loadFor(
    () => ({ id: this.campaignId(), demandId: this.demandId() }),
    async ({ id, demandId }) =>
      (await firstValueFrom(this.api.get('/api/campaigns/{id}/responses', { pathParams: { id }, params: { demandId, limit: 200 } }))).items,
    'demand.notFound',
  );
  protected readonly assessmentKey = assessmentKey;
  protected readonly channelKey = channelKey;
  protected day(day: string): string {
    return formatDay(day, this.i18n.locale());
  }
}
