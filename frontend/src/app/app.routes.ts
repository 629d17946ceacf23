import type { Routes } from '@angular/router';

import type { TranslationKey } from './core/i18n/dictionary';
import { authGuard, guestGuard } from './core/session/auth-guards';

/**
 * The frame of every page, with the classes pages share. The app starts fetching it at start-up
 * (app.config.ts), beside the dictionary, without waiting for it: else the router would fetch it
 * only once the page's own chunks are in, one round trip more before every first page.
 */
export const loadPageFrame = () => import('./core/ui/page-frame').then((m) => m.PageFrame);

/** Route titles are translation keys, rendered by `TranslatedTitleStrategy`. */
export const routes: Routes = [
  {
    path: '',
    loadComponent: loadPageFrame,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'home.title' satisfies TranslationKey,
        loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
      },
      {
        path: 'sign-in',
        title: 'signIn.title' satisfies TranslationKey,
        canActivate: [guestGuard],
        loadComponent: () => import('./account/sign-in-page').then((m) => m.SignInPage),
      },
      {
        path: 'forgot-password',
        title: 'forgotPassword.title' satisfies TranslationKey,
        loadComponent: () => import('./account/forgot-password-page').then((m) => m.ForgotPasswordPage),
      },
      {
        path: 'reset-password',
        title: 'resetPassword.title' satisfies TranslationKey,
        loadComponent: () => import('./account/reset-password-page').then((m) => m.ResetPasswordPage),
      },
      {
        path: 'accept-invitation',
        title: 'acceptInvitation.title' satisfies TranslationKey,
        loadComponent: () => import('./account/accept-invitation-page').then((m) => m.AcceptInvitationPage),
      },
      {
        path: 'profile',
        title: 'profile.title' satisfies TranslationKey,
        canActivate: [authGuard],
        loadComponent: () => import('./account/profile/profile-page').then((m) => m.ProfilePage),
      },
      {
        // Campaigns: list, overview, timeline; their demands and responses (campaigns.routes.ts).
        path: 'campaigns',
        canActivate: [authGuard],
        loadChildren: () => import('./campaigns/campaigns.routes').then((m) => m.CAMPAIGN_ROUTES),
      },
      {
        // Follow-ups across campaigns: "my organization" board and list (follow-ups.routes.ts).
        path: 'follow-ups',
        canActivate: [authGuard],
        loadChildren: () => import('./follow-ups/follow-ups.routes').then((m) => m.FOLLOW_UP_ROUTES),
      },
      {
        // The inbox and notification preferences (notifications.routes.ts).
        path: 'notifications',
        canActivate: [authGuard],
        loadChildren: () => import('./notifications/notifications.routes').then((m) => m.NOTIFICATION_ROUTES),
      },
      {
        // The shared directory: institutions, their offices and officeholders (directory.routes.ts),
        // by its default export: no `.then(…)` here, a few bytes less in the initial bundle.
        path: 'directory',
        canActivate: [authGuard],
        loadChildren: () => import('./directory/directory.routes'),
      },
      {
        // Administration: users and invitations (admins, coordinators), organizations (admins) (admin.routes.ts).
        path: 'admin',
        canActivate: [authGuard],
        loadChildren: () => import('./admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
      {
        path: '**',
        title: 'notFound.title' satisfies TranslationKey,
        loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
