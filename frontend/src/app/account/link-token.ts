import type { ActivatedRoute, Router } from '@angular/router';

import { isApiError } from '../core/api/api-error';
import { HttpError } from '../core/api/http-error';

/**
 * The token of an e-mailed link (`/reset-password#token=…`, `/accept-invitation#token=…`).
 * It travels in the fragment so that it never reaches a server log; once read, it leaves the
 * address bar and the history entry too (the router replaces the URL with the same one minus
 * the fragment, which is `history.replaceState`), so it is not left on screen or in the history.
 * It then lives only in the page's memory: a reload needs the link again.
 */
export function takeLinkToken(route: ActivatedRoute, router: Router): string | null {
  const fragment = route.snapshot.fragment;
  if (fragment === null) {
    return null;
  }
  void router.navigate([], { relativeTo: route, queryParamsHandling: 'preserve', replaceUrl: true });
  return new URLSearchParams(fragment).get('token')?.trim() || null;
}

/** The API's answer for an e-mailed link that has expired, was used already, or never existed. */
export function isLinkInvalid(error: unknown): boolean {
  return error instanceof HttpError && isApiError(error.body) && error.body.code === 'link_invalid';
}
