import fastifyCookie from '@fastify/cookie';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config/config.js';

/**
 * The dashboard's Content-Security-Policy: everything from our own origin, no inline or
 * third-party scripts, no framing. Inline styles are allowed (Angular sets component styles at
 * run time); scripts never are.
 */
export function dashboardCsp(config: Pick<Config, 'secureCookies'>): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'upgrade-insecure-requests': config.secureCookies ? [] : null,
  };
}

/** Swagger UI at /api/docs needs inline scripts and data: images; only those routes get them. */
const DOCS_PREFIX = '/api/docs';

/**
 * The headers helmet sets for `options`, worked out once. helmet decides them from its options
 * alone (no directive here depends on the request), and @fastify/helmet rebuilt its middleware
 * for every request: 1.4% of the API's CPU on small pages (docs/performance.md).
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => undefined,
  };
  let called = false;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => {
    called = true;
  });
  if (!called) throw new Error('helmet did not finish synchronously: a directive depends on the request');
  return headers;
}

/** Cookies, then security headers on every response (helmet's), looser only under /api/docs. */
export async function registerSecurity(fastify: FastifyInstance, config: Config): Promise<void> {
  await fastify.register(fastifyCookie);
  const csp = dashboardCsp(config);
  const options: HelmetOptions = {
    contentSecurityPolicy: { useDefaults: false, directives: csp },
    // HSTS only means something over HTTPS.
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  };
  const everywhere = helmetHeaders(options);
  const docs = helmetHeaders({
    ...options,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...csp, 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    // The route matched (undefined for a 404), so /api/docs and its assets, and nothing else.
    void reply.headers(request.routeOptions.url?.startsWith(DOCS_PREFIX) ? docs : everywhere);
    done();
  });
}
