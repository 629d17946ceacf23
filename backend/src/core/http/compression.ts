import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requestPath } from '../logging/request-path.js';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this, compressing costs more than the bytes it saves (and the answer fits one packet or two). */
export const COMPRESS_ABOVE_BYTES = 1024;

/**
 * Answers that carry a secret of the session are never compressed: an attacker who can make the
 * victim's browser fetch them while injecting chosen text into the same body could read the
 * secret from the compressed sizes (BREACH). `GET /api/me` holds the CSRF token.
 */
const CARRIES_SECRET = new Set(['/api/me']);

/** The encoding to use, from the client's Accept-Encoding: brotli, else gzip, else none. */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): 'br' | 'gzip' | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weight = (name: string) => accepted.get(name) ?? (accepted.get('*') || 0);
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

function addVary(reply: FastifyReply): void {
  const current = reply.getHeader('vary');
  const values = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (!values.some((v) => v.toLowerCase() === 'accept-encoding' || v === '*'))
    reply.header('vary', [...values, 'Accept-Encoding'].join(', '));
}

/** Whether an answer is one to compress, before looking at what the client accepts. */
export function shouldCompress(answer: { method: string; path: string; contentType: string; bytes: number; encoded: boolean }): boolean {
  return (
    answer.method === 'GET' &&
    !answer.encoded &&
    answer.contentType.startsWith('application/json') &&
    answer.bytes >= COMPRESS_ABOVE_BYTES &&
    !CARRIES_SECRET.has(answer.path)
  );
}

/**
 * Compresses the API's JSON answers above 1 KiB, for people on slow connections: a campaign's
 * dashboard is tens of kilobytes of repetitive JSON, a fifth of that in brotli. Brotli at quality
 * 4 is faster than gzip's default and smaller; the dashboard's own files are compressed once, at
 * build time (served by `registerDashboard`). Nothing is compressed unless the client asks.
 */
export function registerCompression(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    // Streams (files, exports) go as they are; Nest hands JSON over already serialized.
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (request.method === 'GET' && contentType.startsWith('application/json')) addVary(reply);
    const answer = {
      method: request.method,
      path: requestPath(request),
      contentType,
      bytes: Buffer.byteLength(payload),
      encoded: reply.getHeader('content-encoding') !== undefined,
    };
    const encoding = shouldCompress(answer) ? chooseEncoding(request.headers['accept-encoding']) : null;
    if (!encoding) return done(null, payload);
    const compressed =
      encoding === 'br'
        ? brotli(payload, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: answer.bytes } })
        : gzipAsync(payload);
    compressed.then(
      (body) => {
        void reply.header('content-encoding', encoding);
        reply.removeHeader('content-length');
        done(null, body);
      },
      (error: Error) => done(error),
    );
  });
}
