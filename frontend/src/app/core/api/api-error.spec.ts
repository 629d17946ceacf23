import { toApiError } from './api-error';
import { HttpError } from './http-error';

describe('toApiError', () => {
  it('keeps the server error body as it is', () => {
    const body = {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid body',
      details: [{ field: 'title', message: 'must not be empty' }],
      requestId: 'req-1',
    };
    const error = new HttpError({ status: 400, statusText: 'Bad Request', body });
    expect(toApiError(error)).toEqual(body);
  });

  it('takes the request id from the header when the body lacks one', () => {
    const error = new HttpError({
      status: 404,
      body: { statusCode: 404, code: 'NOT_FOUND', message: 'No such demand' },
      headers: { 'x-request-id': 'req-2' },
    });
    expect(toApiError(error)).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'No such demand',
      requestId: 'req-2',
    });
  });

  it('reports a request that got no HTTP answer as NETWORK_ERROR', () => {
    const error = new HttpError({ status: 0, body: new ProgressEvent('error'), url: '/api/health' });
    expect(toApiError(error)).toMatchObject({ statusCode: 0, code: 'NETWORK_ERROR', requestId: '' });
  });

  it('falls back to HTTP_<status> for a non-JSON error page', () => {
    const error = new HttpError({
      status: 502,
      statusText: 'Bad Gateway',
      body: '<html>proxy error</html>',
      headers: { 'x-request-id': 'req-3' },
    });
    expect(toApiError(error)).toEqual({
      statusCode: 502,
      code: 'HTTP_502',
      message: '502 Bad Gateway',
      requestId: 'req-3',
    });
  });

  it('calls an unparsable successful answer INVALID_RESPONSE', () => {
    const error = new HttpError({ status: 200, statusText: 'OK', body: { text: 'not json' } });
    expect(toApiError(error)).toMatchObject({ statusCode: 200, code: 'INVALID_RESPONSE' });
  });

  it('wraps anything else as UNEXPECTED_ERROR', () => {
    expect(toApiError(new TypeError('oops'))).toEqual({
      statusCode: 0,
      code: 'UNEXPECTED_ERROR',
      message: 'oops',
      requestId: '',
    });
  });
});
