import type { Routes } from '@angular/router';

import type { TranslationKey } from '../core/i18n/dictionary';

/** Mounted at `/campaigns/:campaignId/responses`: log a response (`new`), and one response (notification links). */
export const RESPONSE_ROUTES: Routes = [
  {
    path: 'new',
    title: 'response.new.title' satisfies TranslationKey,
    loadComponent: () => import('./log-response-page').then((m) => m.LogResponsePage),
  },
  {
    path: ':responseId',
    title: 'response.title' satisfies TranslationKey,
    loadComponent: () => import('./response-page').then((m) => m.ResponsePage),
  },
];
