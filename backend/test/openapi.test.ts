import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_PATH, renderOpenApi } from '../src/cli/emit-openapi.js';
import { startApi, type RunningApp } from './support/test-app.js';
import { json, type JsonBody } from './support/http.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

interface Operation {
  method: string;
  path: string;
  op: JsonBody;
}

function operationsOf(doc: JsonBody): Operation[] {
  return Object.entries(doc.paths as Record<string, JsonBody>).flatMap(([path, item]) =>
    Object.entries(item as Record<string, JsonBody>)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ method, path, op })),
  );
}

/** Every schema object of the document, with where it is. */
function schemasOf(node: unknown, at = '#'): { at: string; schema: JsonBody }[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => schemasOf(child, `${at}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  const own = 'nullable' in node || 'type' in node || '$ref' in node || 'anyOf' in node || 'allOf' in node ? [{ at, schema: node }] : [];
  return [
    ...own,
    ...Object.entries(node)
      .filter(([key]) => key !== 'enum' && key !== 'example')
      .flatMap(([key, child]) => schemasOf(child, `${at}/${key}`)),
  ];
}

describe('OpenAPI document', () => {
  let api: RunningApp;
  const doc: JsonBody = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));
  const operations = operationsOf(doc);
  const responseOf = (answer: JsonBody): JsonBody =>
    typeof answer?.$ref === 'string' ? doc.components.responses[answer.$ref.replace('#/components/responses/', '')] : answer;
  // The error body itself, or the error body with fields of its own (a 409's `allowed` statuses).
  const isErrorBody = (answer: JsonBody): boolean => {
    const schema = responseOf(answer)?.content?.['application/json']?.schema;
    return schema?.$ref === '#/components/schemas/ErrorBody' || schema?.allOf?.[0]?.$ref === '#/components/schemas/ErrorBody';
  };
  const isPublic = (op: JsonBody) => Array.isArray(op.security) && op.security.length === 0;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('is served at /api/openapi.json, with the docs UI at /api/docs', async () => {
    const served = await json(await fetch(`${api.url}/api/openapi.json`));
    expect(served.info.title).toBe('Demarche API');
    expect(Object.keys(served.paths)).toContain('/api/health');
    const ui = await fetch(`${api.url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
  });

  it('matches the copy checked in under shared/, from which the dashboard client is generated', async () => {
    const checkedIn = readFileSync(OPENAPI_PATH, 'utf8');
    const current = await renderOpenApi();
    // If this fails, the API changed: run `npm run build -w @demarche/backend && npm run openapi` and commit the result.
    expect(JSON.parse(checkedIn)).toEqual(JSON.parse(current));
    const served = await json(await fetch(`${api.url}/api/openapi.json`));
    expect(served.paths).toEqual(JSON.parse(current).paths);
  });

  it('names a server and declares the session cookie (with its CSRF header) and the API token', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    const schemes = doc.components.securitySchemes;
    expect(schemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'demarche_session' });
    expect(schemes.csrfToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    expect(schemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ sessionCookie: [] }, { apiToken: [] }]);
  });

  it('gives every operation its security: none for @Public() routes, the CSRF header beside the cookie on writes', () => {
    const publicOps = operations.filter(({ op }) => isPublic(op)).map(({ op }) => op.operationId as string);
    expect(publicOps.sort()).toEqual(
      ['acceptInvitation', 'confirmPasswordReset', 'getHealth', 'inspectInvitation', 'login', 'requestPasswordReset'].sort(),
    );
    for (const { method, path, op } of operations) {
      const security = op.security ?? doc.security;
      expect(security, `${method} ${path}`).toBeDefined();
      if (isPublic(op)) continue;
      if (method === 'get') expect(security, `${method} ${path}`).toEqual([{ sessionCookie: [] }, { apiToken: [] }]);
      else expect(security, `${method} ${path}`).toEqual([{ sessionCookie: [], csrfToken: [] }, { apiToken: [] }]);
    }
  });

  it('declares security as the API enforces it: without credentials, exactly the secured operations answer 401', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const { method, path, op } of operations) {
      const url = api.url + path.replace(/\{[^}]+\}/g, id);
      const response = await fetch(url, {
        method: method.toUpperCase(),
        ...(method === 'get' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }),
      });
      await response.arrayBuffer();
      if (isPublic(op)) expect(response.status, `${method} ${path}`).not.toBe(401);
      else expect(response.status, `${method} ${path}`).toBe(401);
    }
  });

  it('documents the error answers of every operation with the one error body', () => {
    expect(doc.components.schemas.ErrorBody).toMatchObject({
      type: 'object',
      required: ['statusCode', 'code', 'message', 'requestId'],
      properties: {
        statusCode: { type: 'integer' },
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'array', items: { $ref: '#/components/schemas/ErrorDetail' } },
        requestId: { type: 'string' },
      },
    });
    for (const { method, path, op } of operations) {
      const where = `${method} ${path}`;
      const answers = op.responses as Record<string, JsonBody>;
      const errors = Object.keys(answers).filter((status) => /^4\d\d$/.test(status));
      expect(errors.length, where).toBeGreaterThan(0);
      for (const status of [...errors, 'default']) expect(isErrorBody(answers[status]), `${where} ${status}`).toBe(true);
      expect(answers['429'], where).toBeDefined();
      const takesInput = (op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined;
      if (takesInput) expect(answers['400'], where).toBeDefined();
      if (!isPublic(op)) {
        expect(answers['401'], where).toBeDefined();
        expect(answers['403'], where).toBeDefined();
      }
      if (path.includes('{')) expect(answers['404'], where).toBeDefined();
      if (method !== 'get') expect(answers['409'], where).toBeDefined();
    }
    expect(doc.components.responses.TooManyRequests.headers['Retry-After']).toBeDefined();
    // An answer documented by its route keeps its words, and gets the error body.
    const transition = doc.paths['/api/demands/{id}/transitions'].post.responses['409'];
    expect(transition.description).toContain('allowed');
    expect(isErrorBody(transition)).toBe(true);
  });

  it('writes every nullable beside a type, with null among the values of a nullable enum', () => {
    const nullable = schemasOf(doc).filter(({ schema }) => schema.nullable === true);
    expect(nullable.length).toBeGreaterThan(100);
    for (const { at, schema } of nullable) {
      expect(typeof schema.type, at).toBe('string');
      for (const key of ['$ref', 'allOf', 'anyOf', 'oneOf']) expect(schema[key], `${at} ${key}`).toBeUndefined();
      if (schema.enum) expect(schema.enum, at).toContain(null);
    }
  });

  it('lets null through every nullable property under a strict OpenAPI 3.0 validator (ajv: nullable only beside type)', () => {
    // ajv honours `nullable` the strict 3.0 way and refuses it without a `type`; `$ref`s point at
    // each component schema registered under its name.
    const ajv = new Ajv({ strict: true, strictTypes: false, validateFormats: false, allErrors: true });
    ajv.addKeyword('example');
    const local = (node: unknown): unknown =>
      Array.isArray(node)
        ? node.map(local)
        : typeof node === 'object' && node !== null
          ? Object.fromEntries(
              Object.entries(node).map(([k, v]) => [
                k,
                k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', '') : k === 'enum' ? v : local(v),
              ]),
            )
          : node;
    const schemas = doc.components.schemas as Record<string, JsonBody>;
    for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(local(schema) as object, name);

    let checked = 0;
    for (const [name, schema] of Object.entries(schemas)) {
      for (const [property, definition] of Object.entries((schema.properties ?? {}) as Record<string, JsonBody>)) {
        const nullable =
          definition.nullable === true || (definition.anyOf as JsonBody[] | undefined)?.some((s: JsonBody) => s.nullable === true);
        if (!nullable) continue;
        const validate = ajv.compile(local(definition) as object);
        expect(validate(null), `${name}.${property}: ${JSON.stringify(validate.errors)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // The properties that once were `nullable` beside `allOf: [$ref]`, read as never null.
    for (const [name, property] of [
      ['DemandDto', 'deadline'],
      ['OfficeDto', 'currentHolder'],
      ['ScorecardDemandDto', 'lastResponse'],
    ] as const) {
      const validate = ajv.compile(local(schemas[name].properties[property]) as object);
      expect(validate(null), `${name}.${property}`).toBe(true);
      expect(validate('not an object'), `${name}.${property}`).toBe(false);
    }
  });
});
