import type { FastifyRequest } from 'fastify';

/** The request's path: its URL without the query string (Fastify's `request.url` keeps it). */
export function requestPath(request: Pick<FastifyRequest, 'url'>): string {
  const query = request.url.indexOf('?');
  return query < 0 ? request.url : request.url.slice(0, query);
}
