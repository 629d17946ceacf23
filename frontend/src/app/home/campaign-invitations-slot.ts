import { Directive, ViewContainerRef, effect, inject } from '@angular/core';

import { Session } from '../core/session/session';

/**
 * Where the home page shows a coordinator's invitations (`<ng-template dmCampaignInvitationsSlot />`):
 * for coordinators and admins only, the component loads as a chunk of its own, so nobody else
 * downloads it. (Not core/ui's ComponentOutlet: shared by the shell and this page, esbuild would
 * split it out of the main chunk into one more file of the initial bundle.)
 */
@Directive({ selector: '[dmCampaignInvitationsSlot]' })
export class CampaignInvitationsSlot {
  constructor() {
    const container = inject(ViewContainerRef);
    const session = inject(Session);
    const answers = () => ['coordinator', 'admin'].includes(session.user()?.role ?? '');
    effect(() => {
      container.clear();
      if (!answers()) {
        return;
      }
      void import('./campaign-invitations').then((m) => {
        if (answers() && container.length === 0) {
          container.createComponent(m.CampaignInvitations);
        }
      });
    });
  }
}
