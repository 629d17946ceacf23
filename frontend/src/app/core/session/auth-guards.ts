import { inject } from '@angular/core';
import { Router, type CanActivateFn, type Routes } from '@angular/router';

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
  const first = path.split(/[/?#]/).find(Boolean) ?? '';
  return routes.some((route) =>
    route.path === '' && route.children
      ? needsSession(path, route.children)
      : route.path === first && !!route.canActivate?.includes(authGuard),
  );
}
