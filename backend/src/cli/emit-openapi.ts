/**
 * Writes the API's OpenAPI document to shared/openapi/demarche.openapi.json, from which the
 * dashboard's API types are generated. Needs no database: the app is built in preview mode.
 *   npm run openapi            (after a backend build)
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiModule } from '../app/api.module.js';
import { buildOpenApiDocument } from '../app/openapi.js';
import { loadConfig, REPO_ROOT } from '../core/config/config.js';

export const OPENAPI_PATH = resolve(REPO_ROOT, 'shared/openapi/demarche.openapi.json');

export async function renderOpenApi(): Promise<string> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(loadConfig({})), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix('api');
  const document = buildOpenApiDocument(app);
  await app.close();
  return JSON.stringify(document, null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OPENAPI_PATH, await renderOpenApi());
  console.log(`Wrote ${OPENAPI_PATH}`);
}
