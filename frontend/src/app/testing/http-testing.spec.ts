import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { HttpError } from '../core/api/http-error';
import { HttpTransport } from '../core/api/http-transport';
import { HttpTestingController, provideHttpTesting } from './http-testing';

/** The stand-in for Angular's HttpTestingController that the specs rely on. */
describe('HttpTestingController', () => {
  let http: HttpTestingController;
  let transport: HttpTransport;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpTesting()] });
    http = TestBed.inject(HttpTestingController);
    transport = TestBed.inject(HttpTransport);
  });

  it('shows the request: method, url with and without the query, params, headers, body', () => {
    transport
      .request('post', '/api/demands', {
        params: { status: ['open', 'answered'], q: 'a b' },
        headers: { 'X-A': '1' },
        body: { title: 't' },
      })
      .subscribe();
    const { request } = http.expectOne({ method: 'post', url: '/api/demands?status=open&status=answered&q=a%20b' });
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/demands');
    expect(request.params.keys()).toEqual(['status', 'q']);
    expect(request.params.get('status')).toBe('open');
    expect(request.params.getAll('status')).toEqual(['open', 'answered']);
    expect(request.params.getAll('none')).toBeNull();
    expect(request.params.has('q')).toBe(true);
    expect(request.headers.get('x-a')).toBe('1');
    expect(request.headers.get('X-B')).toBeNull();
    expect(request.body).toEqual({ title: 't' });
    http.verify();
  });

  it('answers synchronously: a body, null for 204, an HttpError outside 2xx, status 0 for error()', () => {
    const seen: unknown[] = [];
    const record = { next: (body: unknown) => seen.push(body), error: (error: unknown) => seen.push(error) };
    transport.request('GET', '/api/a').subscribe(record);
    transport.request('DELETE', '/api/b').subscribe(record);
    transport.request('GET', '/api/c').subscribe(record);
    transport.request('GET', '/api/d').subscribe(record);

    http.expectOne('/api/a').flush({ a: 1 });
    http.expectOne('/api/b').flush(null);
    http.expectOne('/api/c').flush({ code: 'x' }, { status: 409, statusText: 'Conflict', headers: { 'Retry-After': '5' } });
    http.expectOne('/api/d').error(new ProgressEvent('error'));

    expect(seen[0]).toEqual({ a: 1 });
    expect(seen[1]).toBeNull();
    expect(seen[2]).toBeInstanceOf(HttpError);
    expect(seen[2]).toMatchObject({ status: 409, statusText: 'Conflict', body: { code: 'x' }, url: '/api/c' });
    expect((seen[2] as HttpError).headers.get('retry-after')).toBe('5');
    expect(seen[3]).toMatchObject({ status: 0 });
  });

  it('fails expectOne for none or several, expectNone for one, verify for one left open', async () => {
    expect(() => http.expectOne('/api/x')).toThrow('Expected one matching request for criteria "Match URL: /api/x", found none.');
    transport.request('GET', '/api/x').subscribe();
    transport.request('GET', '/api/x').subscribe();
    expect(() => http.expectOne((r) => r.url === '/api/x')).toThrow('found 2 requests');

    const answer = firstValueFrom(transport.request('GET', '/api/y'));
    expect(() => http.expectNone({ method: 'GET' })).toThrow(
      'Expected zero matching requests for criteria "Match method: GET, URL: (any)", found 1.',
    );
    transport.request('PUT', '/api/z', { body: {} }).subscribe();
    expect(() => http.verify()).toThrow('Expected no open requests, found 1: PUT /api/z');
    http.match(() => true);
    http.verify();
    await expect(Promise.race([answer, Promise.resolve('unanswered')])).resolves.toBe('unanswered');
  });

  it('marks a request the caller gave up on as cancelled, and refuses to answer it', () => {
    const subscription = transport.request('GET', '/api/slow').subscribe();
    subscription.unsubscribe();
    const request = http.expectOne('/api/slow');
    expect(request.cancelled).toBe(true);
    expect(() => request.flush({})).toThrow('Cannot flush a cancelled request');
  });
});
