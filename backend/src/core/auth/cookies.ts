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

/**
 * The device cookie, which makes this browser a known device of the person who last signed in on
 * it (docs/adr/0016): httpOnly, SameSite=Lax, path /, for a year; Secure and `__Host-` behind
 * HTTPS, like the session cookie. Its value is a random token; the server keeps its hash.
 */
export function deviceCookieName(config: Pick<Config, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-demarche_device' : 'demarche_device';
}

export function readDeviceCookie(request: FastifyRequest, config: Pick<Config, 'secureCookies'>): string | undefined {
  return request.cookies?.[deviceCookieName(config)];
}

export function setDeviceCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  void reply.setCookie(deviceCookieName(config), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    expires: expiresAt,
  });
}
