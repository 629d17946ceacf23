import { TestBed } from '@angular/core/testing';
import { provideRouter, type Routes } from '@angular/router';
import { vi } from 'vitest';

import { provideApiInterceptors } from '../core/api/http-transport';
import { I18n } from '../core/i18n/i18n';
import { sessionInterceptor } from '../core/session/session-interceptor';
import { HttpTestingController, provideHttpTesting } from './http-testing';

/**
 * For the specs of pages, in `beforeEach`: a browser that prefers English and has nothing stored,
 * the router with `routes`, the app's session interceptor in front of a testing backend, and the
 * dictionary loaded (what the app initializer does). Returns the testing backend.
 */
export async function setUpPageSpec(routes: Routes): Promise<HttpTestingController> {
  localStorage.clear();
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en']);
  TestBed.configureTestingModule({
    providers: [provideRouter(routes), provideApiInterceptors(sessionInterceptor), provideHttpTesting()],
  });
  await TestBed.inject(I18n).init();
  return TestBed.inject(HttpTestingController);
}

/** In `afterEach`: fails the test if a request was left unanswered, then undoes `setUpPageSpec`. */
export function tearDownPageSpec(): void {
  TestBed.inject(HttpTestingController).verify();
  vi.restoreAllMocks();
  localStorage.clear();
  document.documentElement.lang = 'en';
}
