import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { APP_VERSION } from '../core/version.js';

/** The OpenAPI document of the API, as served at /api/openapi.json and checked in under shared/. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Demarche API')
    .setDescription(
      'Coordination and action tracking for civil-society coalitions. Errors answer ' +
        '`{statusCode, code, message, details?, requestId}`; lists answer `{items, nextCursor}`.',
    )
    .setVersion(APP_VERSION)
    .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}
