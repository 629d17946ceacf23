import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NotFoundException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { toErrorBody } from './error-body.js';
import { loadPagePreloads } from './page-preloads.js';
import { requestPath } from '../logging/request-path.js';

function listFiles(root: string): Set<string> {
  const files = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.add(relative(root, full).split('\\').join('/'));
    }
  };
  walk(root);
  return files;
}

/** Angular's output names carry a content hash (main-ABC123.js): cache them for a year. */
const HASHED = /-[A-Z0-9]{8,}\.(js|css|woff2?|svg|png|jpg|webp)$/;

/**
 * Serves the built dashboard at `/`: its files (pre-compressed when the client accepts brotli or gzip), and index.html for any other path
 * outside `/api` (client-side routes such as /campaigns/…), with a `Link` header announcing what
 * that page will fetch first (page-preloads.ts). Unknown paths under `/api` answer the
 * API's JSON 404. Without a built dashboard, `/` explains how to build it.
 */
export async function registerDashboard(fastify: FastifyInstance, publicDir: string | null): Promise<void> {
  const files = publicDir ? listFiles(publicDir) : new Set<string>();
  const pagePreloads = publicDir ? loadPagePreloads(publicDir) : null;
  // preCompressed: the build writes name.br and name.gz beside each text file
  // (frontend/scripts/precompress.mjs); a client that accepts one gets it, with Vary.
  if (publicDir) await fastify.register(fastifyStatic, { root: publicDir, serve: false, wildcard: false, preCompressed: true });

  fastify.get('/*', async (request, reply) => {
    const path = requestPath(request);
    const api = path === '/api' || path.startsWith('/api/');
    if (api || !publicDir) {
      const message = api
        ? `Cannot GET ${path}`
        : 'The dashboard has not been built: run `npm run build`, or use `npm start`, which builds it.';
      const { body } = toErrorBody(new NotFoundException(message), String(request.id));
      return reply.status(404).header('content-type', 'application/json; charset=utf-8').send(body);
    }
    let file: string;
    try {
      file = decodeURIComponent(path).replace(/^\/+/, '');
    } catch {
      file = '';
    }
    if (files.has(file) && file !== 'index.html') {
      return reply.sendFile(file, { maxAge: HASHED.test(file) ? '365d' : '1h', immutable: HASHED.test(file) });
    }
    if (/\.[a-z0-9]{1,8}$/i.test(file)) {
      // A missing asset is not a page: answer 404 rather than the app shell.
      return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    }
    const preloads = pagePreloads?.(path, request.headers['accept-language']);
    if (preloads) reply.header('link', preloads);
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}
