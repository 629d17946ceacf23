import { Injectable } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { HttpTestingController, provideHttpTesting } from '../../testing/http-testing';
import { ApiClient, OpenApiClient, expandPath } from './api-client';
import { HttpError } from './http-error';

/** A schema in the shape openapi-typescript generates, with the parameters /api/health lacks. */
interface TestPaths {
  '/api/campaigns/{campaignId}/demands/{demandId}': {
    get: {
      parameters: { path: { campaignId: string; demandId: number }; query?: never };
      responses: { 200: { content: { 'application/json': { id: string; title: string } } } };
    };
    delete: {
      parameters: { path: { campaignId: string; demandId: number } };
      responses: { 204: { content?: never } };
    };
  };
  '/api/search': {
    get: {
      parameters: { path?: never; query: { q: string } };
      responses: { 200: { content: { 'application/json': string[] } } };
    };
  };
  '/api/demands': {
    get: {
      parameters: { path?: never; query?: { status?: string[]; limit?: number } };
      responses: { 200: { content: { 'application/json': { items: string[] } } } };
    };
    post: {
      parameters: { path?: never; query?: never };
      requestBody: { content: { 'application/json': { title: string } } };
      responses: { 201: { content: { 'application/json': { id: string } } } };
    };
  };
}

@Injectable({ providedIn: 'root' })
class TestApi extends OpenApiClient<TestPaths> {}

describe('ApiClient', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('GETs /api/health and returns the typed body', async () => {
    const body = firstValueFrom(TestBed.inject(ApiClient).get('/api/health'));
    const request = http.expectOne('/api/health');
    expect(request.request.method).toBe('GET');
    request.flush({
      status: 'ok',
      version: '0.1.0',
      checks: {
        database: { status: 'up', address: '127.0.0.1:5432' },
        redis: { status: 'up', address: '127.0.0.1:6379' },
      },
    });
    const report = await body;
    expect(report.checks.database.status).toBe('up');
  });

  it('expands and URI-encodes path parameters', async () => {
    const api = TestBed.inject(TestApi);
    const body = firstValueFrom(
      api.get('/api/campaigns/{campaignId}/demands/{demandId}', {
        pathParams: { campaignId: 'un hrc/55', demandId: 7 },
      }),
    );
    const request = http.expectOne('/api/campaigns/un%20hrc%2F55/demands/7');
    expect(request.request.method).toBe('GET');
    request.flush({ id: 'd7', title: 'Release the report' });
    expect((await body).title).toBe('Release the report');
  });

  it('sends query parameters, repeating arrays and skipping undefined', () => {
    const api = TestBed.inject(TestApi);
    api.get('/api/demands', { params: { status: ['open', 'answered'], limit: undefined } }).subscribe();
    const request = http.expectOne((r) => r.url === '/api/demands');
    expect(request.request.params.getAll('status')).toEqual(['open', 'answered']);
    expect(request.request.params.has('limit')).toBe(false);
    expect(request.request.urlWithParams).toBe('/api/demands?status=open&status=answered');
    request.flush({ items: [] });
  });

  it('POSTs the JSON body and DELETEs with path parameters', () => {
    const api = TestBed.inject(TestApi);
    api.post('/api/demands', { title: 'Publish the data' }).subscribe();
    const post = http.expectOne('/api/demands');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ title: 'Publish the data' });
    post.flush({ id: 'd1' });

    api
      .delete('/api/campaigns/{campaignId}/demands/{demandId}', {
        pathParams: { campaignId: 'c1', demandId: 1 },
      })
      .subscribe();
    const del = http.expectOne('/api/campaigns/c1/demands/1');
    expect(del.request.method).toBe('DELETE');
    del.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('passes HTTP errors through as HttpError', async () => {
    const failure = firstValueFrom(TestBed.inject(ApiClient).get('/api/health')).catch((error: unknown) => error);
    http.expectOne('/api/health').flush('boom', { status: 500, statusText: 'Server Error' });
    const error = await failure;
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(500);
  });

  it('refuses to build a URL with a missing path parameter', () => {
    expect(() => expandPath('/api/campaigns/{campaignId}', {})).toThrow(
      'Missing path parameter "campaignId" for /api/campaigns/{campaignId}',
    );
    expect(expandPath('/api/health')).toBe('/api/health');
  });

  it('types parameters from the schema', () => {
    const api = TestBed.inject(TestApi);
    const demand = '/api/campaigns/{campaignId}/demands/{demandId}';
    const wrongType = { pathParams: { campaignId: 'c', demandId: 'x' } };
    const wrongBody = { name: 'x' };
    // Compile-time checks (run by `npm run typecheck`); each line would otherwise be an error.
    // @ts-expect-error path parameters are required for this path
    expect(() => api.get(demand)).toThrow();
    // @ts-expect-error demandId must be a number
    api.get(demand, wrongType).subscribe();
    // @ts-expect-error no such path for GET
    expect(() => api.get('/api/nowhere/{id}')).toThrow();
    // @ts-expect-error a required query parameter makes the options required
    api.get('/api/search').subscribe();
    api.get('/api/search', { params: { q: 'water' } }).subscribe();
    // @ts-expect-error the body must match the schema
    api.post('/api/demands', wrongBody).subscribe();
    http.match(() => true).forEach((request) => request.flush(null));
  });
});
