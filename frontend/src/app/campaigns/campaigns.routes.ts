import type { Routes } from '@angular/router';

import type { TranslationKey } from '../core/i18n/dictionary';
import { CampaignOverviewPage } from './campaign-overview-page';

/**
 * `/campaigns`: the list, a campaign's overview and timeline, (from demands/) its demands and responses,
 * and (from campaign-setup/) the set-up of a new or draft campaign.
 */
export const CAMPAIGN_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'campaigns.title' satisfies TranslationKey,
    loadComponent: () => import('./campaigns-list-page').then((m) => m.CampaignsListPage),
  },
  {
    // A new campaign's set-up (campaign-setup/): before ':campaignId', which would take "new" for an id.
    path: 'new',
    loadChildren: () => import('../campaign-setup/campaign-setup.routes').then((m) => m.NEW_CAMPAIGN_ROUTES),
  },
  {
    path: ':campaignId/setup',
    loadChildren: () => import('../campaign-setup/campaign-setup.routes').then((m) => m.CAMPAIGN_SETUP_ROUTES),
  },
  { path: ':campaignId/demands', loadChildren: () => import('../demands/demands.routes').then((m) => m.DEMAND_ROUTES) },
  { path: ':campaignId/responses', loadChildren: () => import('../demands/responses.routes').then((m) => m.RESPONSE_ROUTES) },
  {
    path: ':campaignId/follow-ups',
    loadChildren: () => import('../follow-ups/follow-ups.routes').then((m) => m.CAMPAIGN_FOLLOW_UP_ROUTES),
  },
  { path: ':campaignId/calendar', loadChildren: () => import('../calendar/calendar.routes').then((m) => m.CALENDAR_ROUTES) },
  {
    path: ':campaignId/timeline',
    title: 'campaigns.timeline.title' satisfies TranslationKey,
    loadComponent: () => import('./campaign-timeline-page').then((m) => m.CampaignTimelinePage),
  },
  {
    // The page people open first: in this chunk, not one more round trip after it.
    path: ':campaignId',
    pathMatch: 'full',
    title: 'campaigns.overview.title' satisfies TranslationKey,
    component: CampaignOverviewPage,
  },
];
