import type { Routes } from '@angular/router';

import type { TranslationKey } from '../core/i18n/dictionary';

/** `/campaigns/:campaignId/calendar`: month and agenda views. */
export const CALENDAR_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'calendar.title' satisfies TranslationKey,
    loadComponent: () => import('./calendar-page').then((m) => m.CalendarPage),
  },
];
