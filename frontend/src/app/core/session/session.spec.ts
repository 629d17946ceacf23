import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { aUser, anError } from '../../testing/fixtures';
import { HttpTestingController, provideHttpTesting } from '../../testing/http-testing';
import { provideApiInterceptors } from '../api/http-transport';
import { I18n, LOCALE_STORAGE_KEY } from '../i18n/i18n';
import { Session } from './session';
import { sessionInterceptor } from './session-interceptor';

describe('Session', () => {
  let http: HttpTestingController;
  let session: Session;

  beforeEach(async () => {
    localStorage.clear();
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en']);
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideApiInterceptors(sessionInterceptor), provideHttpTesting()],
    });
    await TestBed.inject(I18n).init();
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(Session);
  });

  afterEach(() => {
    http.verify();
    vi.restoreAllMocks();
    localStorage.clear();
    document.documentElement.lang = 'en';
  });

  it('loads the signed-in person and the CSRF token from GET /api/me', async () => {
    const loading = session.load();
    const request = http.expectOne('/api/me');
    expect(request.request.method).toBe('GET');
    request.flush({ user: aUser(), csrfToken: 'csrf-1' });
    await loading;

    expect(session.signedIn()).toBe(true);
    expect(session.user()?.displayName).toBe('Ana Pérez');
    expect(session.csrfToken()).toBe('csrf-1');
  });

  it('treats a 401 from GET /api/me as signed out, quietly', async () => {
    const warn = vi.spyOn(console, 'warn');
    const loading = session.load();
    http.expectOne('/api/me').flush(anError(401, 'unauthenticated'), { status: 401, statusText: 'Unauthorized' });
    await loading;

    expect(session.signedIn()).toBe(false);
    expect(session.user()).toBeNull();
    expect(session.csrfToken()).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('starts signed out, with a warning, when the API cannot be reached', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const loading = session.load();
    http.expectOne('/api/me').error(new ProgressEvent('error'), { status: 0 });
    await loading;
    expect(session.signedIn()).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
  });

  it("applies the profile's language, which wins over the browser's", async () => {
    const loading = session.load();
    http.expectOne('/api/me').flush({ user: aUser({ locale: 'es' }), csrfToken: 'csrf-1' });
    await loading;

    const i18n = TestBed.inject(I18n);
    expect(i18n.locale()).toBe('es');
    expect(i18n.translate('home.title')).toBe('Resumen');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('es');
  });

  it('signs in with e-mail and password and keeps the new CSRF token', async () => {
    const signingIn = session.signIn('ana@example.org', 'correct horse battery');
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'ana@example.org', password: 'correct horse battery' });
    expect(request.request.headers.has('X-CSRF-Token')).toBe(false); // no session yet
    request.flush({ user: aUser(), csrfToken: 'csrf-2' });

    expect((await signingIn).email).toBe('ana@example.org');
    expect(session.csrfToken()).toBe('csrf-2');
  });

  it('rejects a failed sign-in with the HTTP error and stays signed out', async () => {
    const signingIn = session.signIn('ana@example.org', 'wrong').catch((error: unknown) => error);
    http.expectOne('/api/auth/login').flush(anError(401, 'invalid_credentials'), { status: 401, statusText: 'Unauthorized' });
    expect(await signingIn).toMatchObject({ status: 401 });
    expect(session.signedIn()).toBe(false);
  });

  async function signedIn(): Promise<void> {
    const loading = session.load();
    http.expectOne('/api/me').flush({ user: aUser(), csrfToken: 'csrf-1' });
    await loading;
  }

  it('signs out with the CSRF token and forgets the session', async () => {
    await signedIn();
    const signingOut = session.signOut();
    const request = http.expectOne('/api/auth/logout');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('X-CSRF-Token')).toBe('csrf-1');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await signingOut;
    expect(session.signedIn()).toBe(false);
    expect(session.csrfToken()).toBeNull();
  });

  it('signs out everywhere, and counts a 401 (session already over) as signed out', async () => {
    await signedIn();
    const signingOut = session.signOutEverywhere();
    http.expectOne('/api/auth/logout-everywhere').flush(anError(401, 'unauthenticated'), { status: 401, statusText: 'Unauthorized' });
    await signingOut;
    expect(session.signedIn()).toBe(false);
  });

  it('stays signed in, and says so, when signing out fails on the server', async () => {
    await signedIn();
    const signingOut = session.signOut().catch((error: unknown) => error);
    http.expectOne('/api/auth/logout').flush(anError(500, 'internal_error'), { status: 500, statusText: 'Server Error' });
    expect(await signingOut).toMatchObject({ status: 500 });
    expect(session.signedIn()).toBe(true);
  });

  it('replaces the CSRF token after a password change', async () => {
    await signedIn();
    session.replaceCsrf('csrf-after-change');
    expect(session.csrfToken()).toBe('csrf-after-change');
    expect(session.user()?.email).toBe('ana@example.org');
  });

  it('saves a language chosen in the header to the profile, once', async () => {
    await signedIn();
    const saving = session.saveLocale('es');
    const request = http.expectOne('/api/me');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ locale: 'es' });
    request.flush(aUser({ locale: 'es' }));
    await saving;
    expect(session.user()?.locale).toBe('es');

    await session.saveLocale('es'); // already the profile's: no request (http.verify checks)
  });
});
