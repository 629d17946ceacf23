import { DOCUMENT, inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';

import { HttpError } from '../api/http-error';
import type { ApiInterceptor } from '../api/http-transport';
import { Session } from './session';
import { signInRedirect, type SignInArrival } from './sign-in-redirect';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Ties every request to the Demarche API to the session (an `ApiInterceptor` of `HttpTransport`;
 * it injects `Session` per request, so `Session` → `ApiClient` → `HttpTransport` is no cycle):
 *
 * - adds `X-CSRF-Token` to unsafe requests (POST, PUT, PATCH, DELETE). Only to our own `/api/`:
 *   the token must never travel to another origin;
 * - a 401 means the session has ended (expired, signed out elsewhere, password changed on
 *   another device): forget it and go to `/sign-in?next=<this page>`. Not for `GET /api/me`,
 *   whose 401 just means "signed out" (`Session.load`), nor for `/api/auth/*`, whose 401s are
 *   answers the page shows (wrong password);
 * - a 403 `csrf_invalid` means another tab started a new session since we read our token:
 *   re-read the session, so that trying again works. The error still reaches the page, which
 *   asks the person to check and try again (the new session may even be someone else's).
 */
export const sessionInterceptor: ApiInterceptor = (request, next) => {
  const document = inject(DOCUMENT);
  const path = apiPath(request.url, document);
  if (path === null) {
    return next(request);
  }
  const session = inject(Session);
  const router = inject(Router);
  const unsafe = !SAFE_METHODS.has(request.method);
  const csrfToken = session.csrfToken();
  // A caller that sets the header itself (a session just opened, not yet the app's) keeps it.
  let sent = request;
  if (unsafe && csrfToken && !request.headers.has('X-CSRF-Token')) {
    const headers = new Headers(request.headers);
    headers.set('X-CSRF-Token', csrfToken);
    sent = { ...request, headers };
  }

  return next(sent).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpError) {
        if (error.status === 401 && !(path === '/api/me' && request.method === 'GET') && !path.startsWith('/api/auth/')) {
          session.clear();
          if (!router.url.startsWith('/sign-in')) {
            void router.navigateByUrl(signInRedirect(router, router.url), { state: { signIn: 'expired' satisfies SignInArrival } });
          }
        } else if (error.status === 403 && unsafe && (error.body as { code?: unknown } | null)?.code === 'csrf_invalid') {
          void session.load();
        }
      }
      return throwError(() => error);
    }),
  );
};

/** The path of `url` when it is on this site under `/api/`, else null. */
function apiPath(url: string, document: Document): string | null {
  let resolved: URL;
  try {
    resolved = new URL(url, document.baseURI);
  } catch {
    return null;
  }
  const sameOrigin = resolved.origin === new URL(document.baseURI).origin;
  return sameOrigin && resolved.pathname.startsWith('/api/') ? resolved.pathname : null;
}
