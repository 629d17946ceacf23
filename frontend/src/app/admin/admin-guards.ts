import { inject } from '@angular/core';
import { RedirectCommand, Router, type CanActivateChildFn, type CanActivateFn } from '@angular/router';

import { Session } from '../core/session/session';
import { signInRedirect } from '../core/session/sign-in-redirect';
import { STAFF_ROLES, type Role } from './admin-data';

/** Where a person whose role does not open an admin page lands (the address bar keeps what they asked for). */
export const NOT_ALLOWED_URL = '/admin/not-allowed';

/**
 * Admin pages for `roles` only. Anyone else sees the "not allowed" page at the URL they asked for
 * (rather than a page whose every request the API refuses); someone signed out goes to sign in.
 * The API checks the same roles on every request: this only spares people a broken page.
 */
export function roleGuard(roles: readonly Role[]): CanActivateFn & CanActivateChildFn {
  return (_route, state) => {
    const router = inject(Router);
    const user = inject(Session).user();
    if (!user) {
      return signInRedirect(router, state.url);
    }
    return roles.includes(user.role) || new RedirectCommand(router.parseUrl(NOT_ALLOWED_URL), { browserUrl: state.url });
  };
}

/** The admin area: administrators and coordinators. */
export const staffGuard = roleGuard(STAFF_ROLES);

/** Administrators only (organizations). */
export const adminGuard = roleGuard(['admin']);
