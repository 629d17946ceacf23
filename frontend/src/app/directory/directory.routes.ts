import type { Routes } from '@angular/router';

import type { TranslationKey } from '../core/i18n/dictionary';

/**
 * `/directory` (behind `authGuard` in app.routes.ts): the shared directory of institutions, their
 * offices and officeholders. Everyone signed in reads it; coordinators and administrators edit it
 * (each page shows them its controls; the API has the last word).
 */
export const DIRECTORY_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'directory.title' satisfies TranslationKey,
    loadComponent: () => import('./directory-page').then((m) => m.DirectoryPage),
  },
  {
    path: 'institutions/:institutionId',
    title: 'directory.institution.pageTitle' satisfies TranslationKey,
    loadComponent: () => import('./institution-page').then((m) => m.InstitutionPage),
  },
  {
    path: 'offices/:officeId',
    title: 'directory.office.pageTitle' satisfies TranslationKey,
    loadComponent: () => import('./office-page').then((m) => m.OfficePage),
  },
];

/** The router takes a default export as it is (app.routes.ts loads this file without naming the routes). */
export default DIRECTORY_ROUTES;
