import fastifyCookie from '@fastify/cookie';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config/config.js';
import { requestPath } from '../logging/request-path.js';
import { registerSecurityTxt } from './security-txt.js';

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

/** The OpenAPI document and its UI: public and the same for everyone, so cacheable. */
const isDocs = (route: string | undefined): boolean =>
  route !== undefined && (route.startsWith(DOCS_PREFIX) || route.startsWith('/api/openapi.'));

/**
 * Powerful browser features, denied to the dashboard and to anything else we serve: it uses none
 * of them, and a script that got in could not use them either. (The clipboard, which the API
 * tokens panel writes to, keeps its default: this origin only.)
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
  'interest-cohort',
  'browsing-topics',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

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

/**
 * Cookies, then security headers on every response (helmet's, and a Permissions-Policy), looser
 * only under /api/docs; `Cache-Control: no-store` on the API's answers, which carry personal data
 * (a route that sets its own caching, such as static files, overrides it); and
 * /.well-known/security.txt.
 */
export async function registerSecurity(fastify: FastifyInstance, config: Config): Promise<Record<string, string>> {
  await fastify.register(fastifyCookie);
  const csp = dashboardCsp(config);
  const options: HelmetOptions = {
    contentSecurityPolicy: { useDefaults: false, directives: csp },
    // HSTS only means something over HTTPS.
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  };
  const everywhere = { ...helmetHeaders(options), 'permissions-policy': PERMISSIONS_POLICY };
  const api = { ...everywhere, 'cache-control': 'no-store' };
  const docs = {
    ...helmetHeaders({
      ...options,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { ...csp, 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
    'permissions-policy': PERMISSIONS_POLICY,
  };
  fastify.addHook('onRequest', (request, reply, done) => {
    // The route matched (undefined for a 404), so /api/docs and its assets, and nothing else.
    const route = request.routeOptions.url;
    if (route?.startsWith(DOCS_PREFIX)) void reply.headers(docs);
    else if (isDocs(route)) void reply.headers(everywhere);
    else {
      // The path, not the route: an unknown /api path matches the dashboard's catch-all.
      const path = requestPath(request);
      void reply.headers(path === '/api' || path.startsWith('/api/') ? api : everywhere);
    }
    done();
  });
  registerSecurityTxt(fastify, config);
  // For the answers written before any hook runs (core/http/framework-errors.ts).
  return everywhere;
}
