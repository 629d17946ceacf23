import type { Routes } from '@angular/router';

import type { TranslationKey } from '../core/i18n/dictionary';

/** `/follow-ups`: the signed-in person's organization's follow-ups across campaigns. */
export const FOLLOW_UP_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'followUps.mine.title' satisfies TranslationKey,
    loadComponent: () => import('./my-follow-ups-page').then((m) => m.MyFollowUpsPage),
  },
];

/** `/campaigns/:campaignId/follow-ups`: a campaign's follow-ups, and one follow-up. */
export const CAMPAIGN_FOLLOW_UP_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'followUps.campaign.title' satisfies TranslationKey,
    loadComponent: () => import('./campaign-follow-ups-page').then((m) => m.CampaignFollowUpsPage),
  },
  {
    path: ':followUpId',
    title: 'followUps.detail.title' satisfies TranslationKey,
    loadComponent: () => import('./follow-up-page').then((m) => m.FollowUpPage),
  },
];
