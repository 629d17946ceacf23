import type { Router, UrlTree } from '@angular/router';

/** `/sign-in?next=<url>`: where to send someone who must sign in to see `url`. */
export function signInRedirect(router: Router, url: string): UrlTree {
  const next = url === '/' || url.startsWith('/sign-in') ? undefined : url;
  return router.createUrlTree(['/sign-in'], next ? { queryParams: { next } } : {});
}

/**
 * Why the app sent someone to `/sign-in`, passed as navigation state
 * (`{ state: { signIn: 'expired' } }`) so that the page can say so and the URL stays clean.
 */
export type SignInArrival = 'signedOut' | 'expired';
