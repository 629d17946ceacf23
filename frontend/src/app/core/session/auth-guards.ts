import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';

import { Session } from './session';
import { signInRedirect } from './sign-in-redirect';

/** Pages for signed-in people: everyone else goes to `/sign-in?next=<the page asked for>`. */
export const authGuard: CanActivateFn = (_route, state) => inject(Session).signedIn() || signInRedirect(inject(Router), state.url);

/** Pages for signed-out people (sign-in): someone already signed in goes to the overview. */
export const guestGuard: CanActivateFn = () => !inject(Session).signedIn() || inject(Router).parseUrl('/');
