import type { Routes } from '@angular/router';

import type { TranslationKey } from '../core/i18n/dictionary';
import { adminGuard, staffGuard } from './admin-guards';

/**
 * `/admin` (behind `authGuard` in app.routes.ts): people and invitations for administrators and
 * coordinators, organizations and failed deliveries for administrators; everyone else gets `/admin/not-allowed`.
 */
export const ADMIN_ROUTES: Routes = [
  {
    path: 'not-allowed',
    title: 'admin.notAllowed.title' satisfies TranslationKey,
    loadComponent: () => import('./not-allowed-page').then((m) => m.NotAllowedPage),
  },
  {
    path: '',
    canActivateChild: [staffGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      {
        path: 'users',
        title: 'admin.users.title' satisfies TranslationKey,
        loadComponent: () => import('./users-page').then((m) => m.UsersPage),
      },
      {
        path: 'invitations',
        title: 'admin.invitations.title' satisfies TranslationKey,
        loadComponent: () => import('./invitations-page').then((m) => m.InvitationsPage),
      },
      {
        path: 'organizations',
        title: 'admin.organizations.title' satisfies TranslationKey,
        canActivate: [adminGuard],
        loadComponent: () => import('./organizations-page').then((m) => m.OrganizationsPage),
      },
      {
        path: 'failed-deliveries',
        title: 'admin.deliveries.title' satisfies TranslationKey,
        canActivate: [adminGuard],
        loadComponent: () => import('./failed-deliveries-page').then((m) => m.FailedDeliveriesPage),
      },
    ],
  },
];
