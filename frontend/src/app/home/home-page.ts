import { ChangeDetectionStrategy, Component } from '@angular/core';

import { TPipe } from '../core/i18n/t-pipe';
import { CampaignInvitationsSlot } from './campaign-invitations-slot';
import { ServiceStatus } from './service-status';

/**
 * Landing page: what Demarche is for, what comes next, and whether the service is up. A
 * coordinator (or admin) first sees the invitations for their organization to join a campaign.
 */
@Component({
  selector: 'dm-home-page',
  imports: [TPipe, ServiceStatus, CampaignInvitationsSlot],
  template: `
    <h1>{{ 'home.heading' | t }}</h1>
    <ng-template dmCampaignInvitationsSlot />
    <div class="intro">
      <p>{{ 'home.intro.what' | t }}</p>
      <p>{{ 'home.intro.how' | t }}</p>
      <p>{{ 'home.intro.next' | t }}</p>
    </div>
    <dm-service-status />
  `,
  styles: `
    .intro {
      max-width: 42rem;
      font-size: 1.05rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {}
