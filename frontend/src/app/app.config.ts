import { DOCUMENT, inject, provideAppInitializer, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { TitleStrategy, provideRouter } from '@angular/router';

import { loadPageFrame, routes } from './app.routes';
import { provideApiInterceptors } from './core/api/http-transport';
import { I18n } from './core/i18n/i18n';
import { TranslatedTitleStrategy } from './core/i18n/translated-title-strategy';
import { authGuard, topRoute } from './core/session/auth-guards';
import { Session } from './core/session/session';
import { sessionInterceptor } from './core/session/session-interceptor';
import { SignedInHeaderLoader } from './shell/signed-in-header-loader';

export const appConfig: ApplicationConfig = {
  providers: [
    // Zoneless is Angular 21's default; stated here so nobody adds zone.js back by accident.
    provideZonelessChangeDetection(),
    provideRouter(routes),
    // API requests go through our fetch transport (ADR 0010); the session sees each of them.
    provideApiInterceptors(sessionInterceptor),
    // The page frame (app.routes.ts): on its way now, not after the first page's chunks. Not
    // awaited; should it fail, the router asks for it again and reports that failure.
    provideAppInitializer(() => void loadPageFrame().catch(() => undefined)),
    // Load the saved/browser locale before the first render: no flash of English text.
    provideAppInitializer(() => inject(I18n).init()),
    // Who is signed in, also before the first render; their profile's language wins. Someone
    // signed in gets the whole header at once: its signed-in part is a chunk of its own, fetched
    // alongside GET /api/me when the page is one for signed-in people, else once that answers.
    provideAppInitializer(async () => {
      const session = inject(Session);
      const signedInHeader = inject(SignedInHeaderLoader);
      const page = topRoute(inject(DOCUMENT).location.pathname, routes);
      if (page?.canActivate?.includes(authGuard)) {
        void signedInHeader.load();
      }
      // The first page's chunk (and what it imports) on its way now, beside the dictionary and the
      // session, rather than once they are in; the router's own import() then finds it loaded.
      void Promise.resolve(page?.loadChildren?.() ?? page?.loadComponent?.()).catch(() => undefined);
      await session.load();
      if (session.signedIn()) {
        await signedInHeader.load();
      }
    }),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
  ],
};
