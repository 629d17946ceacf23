import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';

export const SECURITY_TXT_PATH = '/.well-known/security.txt';

/** How far ahead `Expires` is set: RFC 9116 wants less than a year; served fresh, so a month will do. */
const VALID_DAYS = 30;

/**
 * The body of `/.well-known/security.txt` (RFC 9116): whom to tell about a vulnerability
 * (SECURITY_CONTACT), until when this file holds, where its canonical copy lives, and in which
 * languages reports are read.
 */
export function securityTxt(config: Pick<Config, 'securityContact' | 'publicUrl'>, now: Date = new Date()): string {
  const expires = new Date(now.getTime() + VALID_DAYS * 86_400_000);
  expires.setUTCHours(0, 0, 0, 0);
  return [
    `Contact: ${config.securityContact}`,
    `Expires: ${expires.toISOString()}`,
    `Canonical: ${config.publicUrl}${SECURITY_TXT_PATH}`,
    'Preferred-Languages: en, es',
    '',
  ].join('\n');
}

/** Serves security.txt to anyone, outside the API (no sign-in, no rate limit: it is a few bytes of public text). */
export function registerSecurityTxt(fastify: FastifyInstance, config: Config): void {
  fastify.get(SECURITY_TXT_PATH, (_request, reply) => {
    void reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(securityTxt(config));
  });
}
