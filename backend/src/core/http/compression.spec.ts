import { describe, expect, it } from 'vitest';
import { chooseEncoding, COMPRESS_ABOVE_BYTES, shouldCompress } from './compression.js';

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('BR')).toBe('br');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
  });

  it('chooses nothing when the client asks for nothing it can take', () => {
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('')).toBeNull();
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('deflate')).toBeNull();
    expect(chooseEncoding('gzip;q=0, br;q=0')).toBeNull();
  });
});

describe('shouldCompress', () => {
  const big = {
    method: 'GET',
    path: '/api/campaigns/1/dashboard',
    contentType: 'application/json; charset=utf-8',
    bytes: 20_000,
    encoded: false,
  };

  it('compresses a large JSON answer to a GET', () => {
    expect(shouldCompress(big)).toBe(true);
  });

  it('leaves small answers, other methods, other types and encoded answers alone', () => {
    expect(shouldCompress({ ...big, bytes: COMPRESS_ABOVE_BYTES - 1 })).toBe(false);
    expect(shouldCompress({ ...big, method: 'POST' })).toBe(false);
    expect(shouldCompress({ ...big, contentType: 'text/csv; charset=utf-8' })).toBe(false);
    expect(shouldCompress({ ...big, encoded: true })).toBe(false);
  });

  it('never compresses the answer that carries the session’s CSRF token (BREACH)', () => {
    expect(shouldCompress({ ...big, path: '/api/me' })).toBe(false);
  });
});
