import type { ActivatedRouteSnapshot, Routes } from '@angular/router';

import type { TranslationKey } from '../core/i18n/dictionary';
import { CampaignSetupPage } from './campaign-setup-page';
import { stepTitleKey } from './setup-data';
import { confirmLeavingUnsaved } from './unsaved-changes';

/**
 * Mounted at `/campaigns/:campaignId/setup` (campaigns.routes.ts): without a step, the set-up
 * resumes where the person stopped; `:step` is `letter`, `demands` or `review`.
 */
export const CAMPAIGN_SETUP_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'setup.title' satisfies TranslationKey,
    component: CampaignSetupPage,
    canDeactivate: [confirmLeavingUnsaved],
  },
  {
    path: ':step',
    title: (route: ActivatedRouteSnapshot) => stepTitleKey(route.paramMap.get('step')),
    component: CampaignSetupPage,
    canDeactivate: [confirmLeavingUnsaved],
  },
];

/** `/campaigns/new`: the first step of a campaign not created yet. */
export const NEW_CAMPAIGN_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'setup.title.new' satisfies TranslationKey,
    component: CampaignSetupPage,
    canDeactivate: [confirmLeavingUnsaved],
  },
];
