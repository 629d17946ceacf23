import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { aUser, anError } from '../../testing/fixtures';
import { HttpTestingController, provideHttpTesting } from '../../testing/http-testing';
import { HttpTransport, provideApiInterceptors, type RequestOptions } from '../api/http-transport';
import { Session } from './session';
import { sessionInterceptor } from './session-interceptor';

@Component({ template: '' })
class Blank {}

/** `HttpClient`'s shape over `HttpTransport`, for requests to any URL (`ApiClient` only knows the API's). */
function clientOf(transport: HttpTransport) {
  const send = (method: string) => (url: string, body?: unknown, options?: RequestOptions) =>
    transport.request(method, url, { ...options, body });
  return {
    get: (url: string) => transport.request('GET', url),
    post: send('POST'),
    put: send('PUT'),
    patch: send('PATCH'),
    delete: send('DELETE'),
  };
}

describe('sessionInterceptor', () => {
  let http: HttpTestingController;
  let client: ReturnType<typeof clientOf>;
  let session: Session;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', component: Blank }]), provideApiInterceptors(sessionInterceptor), provideHttpTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    client = clientOf(TestBed.inject(HttpTransport));
    session = TestBed.inject(Session);
    const loading = session.load();
    http.expectOne('/api/me').flush({ user: aUser(), csrfToken: 'csrf-1' });
    await loading;
  });

  afterEach(() => http.verify());

  const unauthorized = { status: 401, statusText: 'Unauthorized' };

  it('adds X-CSRF-Token to unsafe requests to /api/ only', () => {
    client.post('/api/me/tokens', { name: 'x' }).subscribe();
    client.patch('/api/me', {}).subscribe();
    client.delete('/api/me/tokens/1').subscribe();
    client.put('/api/things/1', {}).subscribe();
    for (const url of ['/api/me/tokens', '/api/me', '/api/me/tokens/1', '/api/things/1']) {
      const request = http.expectOne((r) => r.url === url && r.method !== 'GET');
      expect(request.request.headers.get('X-CSRF-Token'), url).toBe('csrf-1');
      request.flush({});
    }
  });

  it('keeps an X-CSRF-Token the caller set itself (a session just opened)', () => {
    client.patch('/api/me', {}, { headers: { 'X-CSRF-Token': 'csrf-of-new-session' } }).subscribe();
    const request = http.expectOne('/api/me');
    expect(request.request.headers.get('X-CSRF-Token')).toBe('csrf-of-new-session');
    request.flush({});
  });

  it('leaves safe methods, other paths and other origins alone', () => {
    client.get('/api/me/tokens').subscribe();
    client.post('/not-the-api/form', {}).subscribe();
    client.post('https://elsewhere.example/api/collect', {}).subscribe();
    client.post(`${location.origin}/api/me/tokens`, {}).subscribe(); // same origin, absolute URL
    const requests = http.match(() => true);
    const header = (url: string) => requests.find((r) => r.request.url === url)?.request.headers.get('X-CSRF-Token');
    expect(header('/api/me/tokens')).toBeNull();
    expect(header('/not-the-api/form')).toBeNull();
    expect(header('https://elsewhere.example/api/collect')).toBeNull();
    expect(header(`${location.origin}/api/me/tokens`)).toBe('csrf-1');
    requests.forEach((r) => r.flush({}));
  });

  it('on a 401 from the API, forgets the session and sends to sign-in with the current page as next', async () => {
    const harness = await RouterTestingHarness.create('/profile?tab=tokens');
    client.get('/api/me/tokens').subscribe({ error: () => undefined });
    http.expectOne('/api/me/tokens').flush(anError(401, 'unauthenticated'), unauthorized);
    await harness.fixture.whenStable();

    expect(session.signedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/sign-in?next=%2Fprofile%3Ftab%3Dtokens');
  });

  it('does not redirect on the 401 of GET /api/me (signed out) nor of /api/auth/* (wrong password)', async () => {
    const harness = await RouterTestingHarness.create('/somewhere');
    client.post('/api/auth/login', {}).subscribe({ error: () => undefined });
    http.expectOne('/api/auth/login').flush(anError(401, 'invalid_credentials'), unauthorized);
    client.get('/api/me').subscribe({ error: () => undefined });
    http.expectOne('/api/me').flush(anError(401, 'unauthenticated'), unauthorized);
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/somewhere');
    expect(session.signedIn()).toBe(true); // Session.load decides what a 401 of GET /api/me means
  });

  it('re-reads the session when the CSRF token was refused (another tab signed in again)', async () => {
    client.post('/api/me/tokens', { name: 'x' }).subscribe({ error: () => undefined });
    http.expectOne('/api/me/tokens').flush(anError(403, 'csrf_invalid'), { status: 403, statusText: 'Forbidden' });
    http.expectOne((r) => r.url === '/api/me' && r.method === 'GET').flush({ user: aUser(), csrfToken: 'csrf-new' });
    await vi.waitFor(() => expect(session.csrfToken()).toBe('csrf-new'));
  });
});
