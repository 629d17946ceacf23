import { anError } from '../../testing/fixtures';
import { HttpError } from '../api/http-error';
import { feedbackFor, retryAfterMinutes } from './form-feedback';

function httpError(status: number, body: unknown, headers: Record<string, string> = {}): HttpError {
  return new HttpError({ status, body, headers });
}

describe('feedbackFor', () => {
  it('puts validation details at their fields and the rest in the form message', () => {
    const error = httpError(
      400,
      anError(400, 'validation_failed', [
        { field: 'email', message: 'must be an email' },
        { field: 'email', message: 'should not be empty' },
        { field: 'extra', message: 'is not a known field' },
      ]),
    );
    expect(feedbackFor(error, ['email', 'password'])).toEqual({
      fields: { email: { key: 'form.error.field', params: { problem: 'must be an email' } } },
      form: { key: 'form.error.invalid', params: { problems: 'extra is not a known field' } },
    });
  });

  it('says "changed by someone else — reload" for a write on something changed meanwhile, unless the page words it', () => {
    for (const code of ['stale_status', 'stale_order', 'already_decided', 'invitation_decided', 'superseded']) {
      expect(feedbackFor(httpError(409, anError(409, code)), [])).toEqual({ fields: {}, form: { key: 'form.error.changedElsewhere' } });
    }
    expect(feedbackFor(httpError(409, anError(409, 'stale_order')), [], { stale_order: { text: 'Reload the demands.' } })).toEqual({
      fields: {},
      form: { text: 'Reload the demands.' },
    });
    // A 409 that is not about a concurrent change keeps its own sentence.
    expect(feedbackFor(httpError(409, anError(409, 'name_taken')), []).form).toMatchObject({ key: 'form.error.unexpectedWithId' });
  });

  it("uses the page's wording for a code: at a field, for the form, or flagging fields", () => {
    const wrong = httpError(400, anError(400, 'wrong_password', [{ field: 'currentPassword', message: 'is not right' }]));
    expect(feedbackFor(wrong, ['currentPassword'], { wrong_password: { field: 'currentPassword', message: { text: 'No.' } } })).toEqual({
      fields: { currentPassword: { text: 'No.' } },
      form: null,
    });
    const invalid = httpError(401, anError(401, 'invalid_credentials'));
    expect(
      feedbackFor(invalid, ['email', 'password'], { invalid_credentials: { message: { text: 'Wrong.' }, flag: ['email', 'password'] } }),
    ).toEqual({
      fields: {},
      form: { text: 'Wrong.' },
      flagged: ['email', 'password'],
    });
  });

  it('names network failures, stale CSRF tokens and anything else with its code and request id', () => {
    expect(feedbackFor(httpError(0, new ProgressEvent('error')), []).form).toEqual({ key: 'form.error.network' });
    expect(feedbackFor(httpError(403, anError(403, 'csrf_invalid')), []).form).toEqual({ key: 'form.error.sessionChanged' });
    expect(feedbackFor(httpError(500, anError(500, 'internal_error')), []).form).toEqual({
      key: 'form.error.unexpectedWithId',
      params: { code: 'internal_error', requestId: 'req-test-1' },
    });
  });
});

describe('retryAfterMinutes', () => {
  const rateLimited = (headers: Record<string, string>) => httpError(429, anError(429, 'rate_limited'), headers);

  it('rounds seconds up to whole minutes, at least one', () => {
    expect(retryAfterMinutes(rateLimited({ 'Retry-After': '900' }))).toBe(15);
    expect(retryAfterMinutes(rateLimited({ 'Retry-After': '61' }))).toBe(2);
    expect(retryAfterMinutes(rateLimited({ 'Retry-After': '5' }))).toBe(1);
  });

  it('reads an HTTP date too, and falls back to one minute', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(retryAfterMinutes(rateLimited({ 'Retry-After': 'Sat, 28 Nov 2026 12:10:00 GMT' }), now)).toBe(10);
    expect(retryAfterMinutes(rateLimited({}))).toBe(1);
    expect(retryAfterMinutes(rateLimited({ 'Retry-After': 'soon' }))).toBe(1);
  });
});
