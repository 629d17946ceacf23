import { inject } from '@angular/core';
import { Router, type CanActivateFn, type Route, type Routes } from '@angular/router';

import { Session } from './session';
import { signInRedirect } from './sign-in-redirect';

/** Pages for signed-in people: everyone else goes to `/sign-in?next=<the page asked for>`. */
export const authGuard: CanActivateFn = (_route, state) => inject(Session).signedIn() || signInRedirect(inject(Router), state.url);

/** Pages for signed-out people (sign-in): someone already signed in goes to the overview. */
export const guestGuard: CanActivateFn = () => !inject(Session).signedIn() || inject(Router).parseUrl('/');

/**
 * Whether `path` is under a route that needs a session (`authGuard`), looking through path-less
 * parents: at start-up, before `GET /api/me` answers, a hint that someone is signed in.
 */
export function needsSession(path: string, routes: Routes): boolean {
  return !!topRoute(path, routes)?.canActivate?.includes(authGuard);
}

/**
 * The route of `path`'s first segment, looking through path-less parents (e.g. `campaigns` for
 * `/campaigns/c1/timeline`): what start-up can fetch before the router gets to it.
 */
export function topRoute(path: string, routes: Routes): Route | undefined {
  const first = path.split(/[/?#]/).find(Boolean) ?? '';
  for (const route of routes) {
    const found = route.path === '' && route.children ? topRoute(path, route.children) : route.path === first ? route : undefined;
    if (found) {
      return found;
    }
  }
  return undefined;
}
