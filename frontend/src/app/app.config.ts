import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
  type ApplicationConfig,
} from '@angular/core';
import { TitleStrategy, provideRouter } from '@angular/router';

import { routes } from './app.routes';
import { I18n } from './core/i18n/i18n';
import { TranslatedTitleStrategy } from './core/i18n/translated-title-strategy';
import { Session } from './core/session/session';
import { sessionInterceptor } from './core/session/session-interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // Zoneless is Angular 21's default; stated here so nobody adds zone.js back by accident.
    provideZonelessChangeDetection(),
    provideRouter(routes),
    provideHttpClient(withFetch(), withInterceptors([sessionInterceptor])),
    // Load the saved/browser locale before the first render: no flash of English text.
    provideAppInitializer(() => inject(I18n).init()),
    // Who is signed in, also before the first render; their profile's language wins.
    provideAppInitializer(() => inject(Session).load()),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
  ],
};
