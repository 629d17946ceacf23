import { ApplicationRef, InjectionToken, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { toApiError } from './api-error';
import { HttpError } from './http-error';
import { HttpTransport, provideApiInterceptors, type ApiInterceptor } from './http-transport';

/** `HttpTransport` with its real backend, `fetch` (stubbed here). */
describe('HttpTransport over fetch', () => {
  let fetchStub: ReturnType<typeof vi.fn<typeof fetch>>;
  let transport: HttpTransport;

  beforeEach(() => {
    fetchStub = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchStub);
    transport = TestBed.inject(HttpTransport);
  });

  afterEach(() => vi.unstubAllGlobals());

  const json = (body: unknown, init: ResponseInit = {}) =>
    new Response(JSON.stringify(body), { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });
  /** What `fetch` was called with. */
  const sent = () => {
    const [url, init] = fetchStub.mock.calls[0]!;
    return { url, init: init!, headers: new Headers(init!.headers) };
  };
  const failure = (request: Promise<unknown>) =>
    request.then(
      () => expect.fail('the request succeeded'),
      (error: unknown) => error as HttpError,
    );

  it('GETs with the query encoded as HttpParams did, the session cookie (same origin) and no body', async () => {
    fetchStub.mockResolvedValue(json({ items: [] }));
    const body = await firstValueFrom(
      transport.request('get', '/api/demands', {
        params: {
          status: ['open', 'answered'],
          q: 'a b+c&d',
          at: '2026-06-01T10:00:00Z',
          skipped: undefined,
          none: null,
          limit: 10,
          all: true,
        },
      }),
    );

    expect(body).toEqual({ items: [] });
    const { url, init, headers } = sent();
    expect(url).toBe('/api/demands?status=open&status=answered&q=a%20b%2Bc%26d&at=2026-06-01T10:00:00Z&limit=10&all=true');
    expect(init.method).toBe('GET');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBeUndefined();
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(headers.get('Accept')).toBe('application/json, text/plain, */*');
    expect(headers.has('Content-Type')).toBe(false);
  });

  it('sends a body as JSON, with the headers given', async () => {
    fetchStub.mockResolvedValue(json({ id: 'd1' }, { status: 201 }));
    const body = await firstValueFrom(
      transport.request('POST', '/api/demands', { body: { title: 'Publish the data', tags: [] }, headers: { 'X-CSRF-Token': 'csrf-1' } }),
    );

    expect(body).toEqual({ id: 'd1' });
    const { init, headers } = sent();
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"title":"Publish the data","tags":[]}');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('X-CSRF-Token')).toBe('csrf-1');
  });

  it('answers null for an empty answer (204)', async () => {
    fetchStub.mockResolvedValue(new Response(null, { status: 204 }));
    expect(await firstValueFrom(transport.request('DELETE', '/api/demands/d1'))).toBeNull();
  });

  it("fails with the API's error body, status and headers, which toApiError reads", async () => {
    fetchStub.mockResolvedValue(
      json(
        { statusCode: 429, code: 'rate_limited', message: 'Too many requests', requestId: 'req-9' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '120', 'X-Request-Id': 'req-9' } },
      ),
    );
    const error = await failure(firstValueFrom(transport.request('POST', '/api/auth/login', { body: {} })));

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 429, statusText: 'Too Many Requests', url: '/api/auth/login' });
    expect(error.body).toEqual({ statusCode: 429, code: 'rate_limited', message: 'Too many requests', requestId: 'req-9' });
    expect(error.headers.get('retry-after')).toBe('120');
    expect(toApiError(error)).toMatchObject({ statusCode: 429, code: 'rate_limited', requestId: 'req-9' });
  });

  it('keeps the text of an error page that is not JSON', async () => {
    fetchStub.mockResolvedValue(
      new Response('<html>proxy error</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'X-Request-Id': 'r' } }),
    );
    const error = await failure(firstValueFrom(transport.request('GET', '/api/health')));
    expect(error.body).toBe('<html>proxy error</html>');
    expect(toApiError(error)).toEqual({ statusCode: 502, code: 'HTTP_502', message: '502 Bad Gateway', requestId: 'r' });
  });

  it('fails a successful answer that is not JSON', async () => {
    fetchStub.mockResolvedValue(new Response('not json', { status: 200 }));
    const error = await failure(firstValueFrom(transport.request('GET', '/api/health')));
    expect(error).toMatchObject({ status: 200, body: { text: 'not json' } });
    expect(toApiError(error).code).toBe('INVALID_RESPONSE');
  });

  it('reports a request without an answer as status 0 (NETWORK_ERROR)', async () => {
    const cause = new TypeError('Failed to fetch');
    fetchStub.mockRejectedValue(cause);
    const error = await failure(firstValueFrom(transport.request('GET', '/api/health')));
    expect(error).toMatchObject({ status: 0, url: '/api/health', cause });
    expect(toApiError(error)).toMatchObject({ statusCode: 0, code: 'NETWORK_ERROR', requestId: '' });
  });

  it('sends nothing until subscribed, and once per subscription', async () => {
    fetchStub.mockImplementation(() => Promise.resolve(json({ ok: true })));
    const request = transport.request('GET', '/api/health');
    expect(fetchStub).not.toHaveBeenCalled();
    await firstValueFrom(request);
    await firstValueFrom(request);
    expect(fetchStub).toHaveBeenCalledTimes(2);
  });

  it('aborts the request on unsubscribe, and the app is stable again', async () => {
    fetchStub.mockImplementation(
      (_url, init) => new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason))),
    );
    const next = vi.fn();
    const error = vi.fn();
    const subscription = transport.request('GET', '/api/notifications').subscribe({ next, error });
    const signal = sent().init.signal!;
    expect(signal.aborted).toBe(false);

    subscription.unsubscribe();
    expect(signal.aborted).toBe(true);
    await TestBed.inject(ApplicationRef).whenStable(); // the pending task ended with it
    expect(next).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('keeps the app unstable (a pending task) until the answer has arrived', async () => {
    let answer!: (response: Response) => void;
    fetchStub.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const received = vi.fn();
    transport.request('GET', '/api/me').subscribe(received);

    let stable = false;
    const stability = TestBed.inject(ApplicationRef)
      .whenStable()
      .then(() => (stable = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stable).toBe(false);

    answer(json({ user: null }));
    await stability;
    expect(received).toHaveBeenCalledWith({ user: null });
  });
});

describe('HttpTransport interceptors', () => {
  const CALLS = new InjectionToken<string[]>('CALLS', { providedIn: 'root', factory: () => [] });
  /** Records its name (through `inject`, so in an injection context) and adds a header. */
  const recording =
    (name: string): ApiInterceptor =>
    (request, next) => {
      inject(CALLS).push(`${name} → ${request.headers.get('X-Seen') ?? ''}`);
      const headers = new Headers(request.headers);
      headers.set('X-Seen', `${request.headers.get('X-Seen') ?? ''}${name}`);
      return next({ ...request, headers });
    };

  it('passes each request through the interceptors in order, in an injection context', async () => {
    const fetchStub = vi.fn<typeof fetch>().mockResolvedValue(new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchStub);
    TestBed.configureTestingModule({ providers: [provideApiInterceptors(recording('a'), recording('b'))] });

    await firstValueFrom(TestBed.inject(HttpTransport).request('GET', '/api/health'));
    expect(TestBed.inject(CALLS)).toEqual(['a → ', 'b → a']);
    expect(new Headers(fetchStub.mock.calls[0]![1]!.headers).get('X-Seen')).toBe('ab');
    vi.unstubAllGlobals();
  });
});
