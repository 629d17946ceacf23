import type { Routes } from '@angular/router';

import type { TranslationKey } from '../core/i18n/dictionary';

/** Mounted at `/campaigns/:campaignId/demands`: one demand, its history and status moves. */
export const DEMAND_ROUTES: Routes = [
  {
    path: ':demandId',
    title: 'demand.title' satisfies TranslationKey,
    loadComponent: () => import('./demand-page').then((m) => m.DemandPage),
  },
];
