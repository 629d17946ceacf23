import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
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

/** Swagger UI at /api/docs needs inline styles and data: images; only those routes get them. */
const DOCS_PREFIX = '/api/docs';

/** Cookies, then security headers on every response (helmet), looser only under /api/docs. */
export async function registerSecurity(fastify: FastifyInstance, config: Config): Promise<void> {
  await fastify.register(fastifyCookie);
  const csp = dashboardCsp(config);
  fastify.addHook('onRoute', (route) => {
    if (route.url.startsWith(DOCS_PREFIX)) {
      route.config = Object.assign(route.config ?? {}, {
        helmet: {
          contentSecurityPolicy: {
            useDefaults: false,
            directives: { ...csp, 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
          },
        },
      });
    }
  });
  await fastify.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: csp },
    // HSTS only means something over HTTPS.
    hsts: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
}
