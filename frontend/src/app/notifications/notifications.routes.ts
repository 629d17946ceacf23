import type { Routes } from '@angular/router';

import type { TranslationKey } from '../core/i18n/dictionary';

/** `/notifications`: the inbox; `/notifications/preferences`. */
export const NOTIFICATION_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'notifications.title' satisfies TranslationKey,
    loadComponent: () => import('./inbox-page').then((m) => m.InboxPage),
  },
  {
    path: 'preferences',
    title: 'notifications.preferences.title' satisfies TranslationKey,
    loadComponent: () => import('./preferences-page').then((m) => m.PreferencesPage),
  },
];
