import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../core/api/api-client';
import { formatInstant } from '../core/dates/dates';
import { LoadStatus } from '../core/ui/load-status';
import { I18n } from '../core/i18n/i18n';
import { TPipe } from '../core/i18n/t-pipe';
import { Session, signedInUser } from '../core/session/session';
import { followUpStatusKey } from './demand-labels';
import { loadFor } from '../core/api/load-state';

/** The follow-ups on one demand: what, who, when it is due (in the person's zone), how far along. */
@Component({
  selector: 'dm-demand-follow-ups',
  imports: [TPipe, LoadStatus, RouterLink],
  template: `
    <section class="panel" aria-labelledby="demand-follow-ups-heading">
      <h2 id="demand-follow-ups-heading">{{ 'demand.followUps.heading' | t }}</h2>
      @let current = followUps.state();
      <dm-load-status [state]="current" loading="demand.followUps.loading" [secondary]="true" (retry)="followUps.reload()" />
      @if (current.kind === 'ready') {
        @if (current.value.length === 0) {
          <p class="muted">{{ 'demand.followUps.empty' | t }}</p>
        } @else {
          <ul class="items">
            @for (followUp of current.value; track followUp.id) {
              <li>
                <strong
                  ><a [routerLink]="['/campaigns', campaignId(), 'follow-ups', followUp.id]">{{ followUp.title }}</a></strong
                >
                <span class="muted"> · {{ followUpStatusKey(followUp.status) | t }}</span>
                @if (followUp.overdue) {
                  <strong class="overdue"> · {{ 'demand.followUps.overdue' | t }}</strong>
                }
                <p>
                  {{
                    'demand.followUps.who'
                      | t: { organization: followUp.organizationName, person: followUp.assigneeName ?? ('demand.followUps.anyone' | t) }
                  }}
                  · {{ 'demand.followUps.due' | t: { date: instant(followUp.dueAt), zone: timeZone } }}
                </p>
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
    }
    .overdue {
      color: var(--color-bad);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DemandFollowUps {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  protected readonly timeZone = signedInUser(inject(Session)).timeZone;
  readonly campaignId = input.required<string>();
  readonly demandId = input.required<string>();
  protected readonly followUps = loadFor(
    () => ({ id: this.campaignId(), demandId: this.demandId() }),
    async ({ id, demandId }) =>
      (await firstValueFrom(this.api.get('/api/campaigns/{id}/follow-ups', { pathParams: { id }, params: { demandId, limit: 200 } })))
        .items,
    'demand.notFound',
  );
  protected readonly followUpStatusKey = followUpStatusKey;
  protected instant(iso: string): string {
    return formatInstant(iso, this.i18n.locale(), this.timeZone);
  }
}
