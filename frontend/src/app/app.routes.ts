import type { Routes } from '@angular/router';

import type { TranslationKey } from './core/i18n/dictionary';

/** Route titles are translation keys, rendered by `TranslatedTitleStrategy`. */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'home.title' satisfies TranslationKey,
    loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
  },
  {
    path: '**',
    title: 'notFound.title' satisfies TranslationKey,
    loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
