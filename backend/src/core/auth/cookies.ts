import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';

/**
 * The session cookie: httpOnly, SameSite=Lax, path /. Behind HTTPS it is Secure and carries the
 * `__Host-` prefix, which browsers only accept from a secure origin without a Domain attribute.
 */
export function sessionCookieName(config: Pick<Config, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-demarche_session' : 'demarche_session';
}

export function readSessionCookie(request: FastifyRequest, config: Pick<Config, 'secureCookies'>): string | undefined {
  return request.cookies?.[sessionCookieName(config)];
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  void reply.setCookie(sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(sessionCookieName(config), { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' });
}
