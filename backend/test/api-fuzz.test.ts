import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from './support/accounts.js';
import { arrange, type Arranged } from './support/fuzz/arrange.js';
import type { Answer } from './support/fuzz/check.js';
import { pathParamKind, RequestGenerator, type GenerationContext } from './support/fuzz/generate.js';
import { LogCheck } from './support/fuzz/logs.js';
import { MemorySampler } from './support/fuzz/memory.js';
import { operationsOf, SchemaResolver, type OpenApiDocument, type Operation } from './support/fuzz/openapi.js';
import { FuzzReport } from './support/fuzz/report.js';
import { casesFor, checkEventStream, interleave, run, type Case } from './support/fuzz/runner.js';
import { StrictValidator } from './support/fuzz/strict-schema.js';

/**
 * Every operation of the OpenAPI document, sent generated requests, valid and malformed, as every
 * kind of caller (issue 16). The API must never answer 5xx, every error must be the one error body
 * (`{statusCode, code, message, details?, requestId}`, 429 included), every 2xx JSON answer must
 * match its documented schema as a strict OpenAPI 3.0 validator reads it, and every answer must
 * carry x-request-id. All problems are collected, then reported at once, grouped by operation.
 *
 * The API logs at `info` meanwhile, and every log line must be a JSON object that never carries a
 * value planted in free text, passwords and tokens (`planted-<random hex>`, new each run).
 *
 * Seeded: FUZZ_SEED replays a run. Bounded: FUZZ_TIME_BUDGET_S (default 180) and FUZZ_MAX_REQUESTS
 * (default 8000); FUZZ_PER_CALLER (default 3) random requests per operation and caller on top of
 * every kind of request tried once as an admin and once as a coordinator.
 *
 * Memory over a long run (issue 16, item 14), outside `npm test`: FUZZ_MEMORY_SAMPLES=file.csv
 * writes the API's memory every FUZZ_MEMORY_EVERY requests (default 1000); FUZZ_API_PROCESS=1 runs
 * the built API as a process of its own (`node dist/main.js`, no --expose-gc) so that the figures
 * are its alone; FUZZ_HEAP_SNAPSHOT_AT=10000,40000 writes heap snapshots of it at those counts
 * (into FUZZ_HEAP_SNAPSHOTS, a directory, with FUZZ_API_PROCESS=1).
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 1616;
const TIME_BUDGET_MS = Number(process.env.FUZZ_TIME_BUDGET_S ?? 180) * 1000;
const MAX_REQUESTS = Number(process.env.FUZZ_MAX_REQUESTS ?? 8000);
const PER_CALLER = Number(process.env.FUZZ_PER_CALLER ?? 3);
const API_PROCESS = process.env.FUZZ_API_PROCESS === '1';
const MEMORY_SAMPLES = process.env.FUZZ_MEMORY_SAMPLES;
const MEMORY_EVERY = Number(process.env.FUZZ_MEMORY_EVERY ?? 1000);
const SNAPSHOTS_AT = (process.env.FUZZ_HEAP_SNAPSHOT_AT ?? '').split(',').filter(Boolean).map(Number);
const MARKER = `planted-${randomBytes(6).toString('hex')}`;

const EVENT_STREAM = '/api/notifications/stream';

/** Operations that end sessions or change who may do what: run last, on throwaway accounts, in this order. */
const CREDENTIALS = [
  'revokeApiToken',
  'changePassword',
  'updateUser',
  'disableUser',
  'enableUser',
  'disableOrganization',
  'enableOrganization',
  'logoutEverywhere',
  'logout',
];
/** Operations that delete or retire what the other requests work on: run after all the others. */
const DESTRUCTIVE = ['changeCampaignStatus', 'setCampaignOrganization', 'removeCampaignOrganization'];
const phaseOf = (op: Operation): 'main' | 'destructive' | 'credentials' =>
  CREDENTIALS.includes(op.id) ? 'credentials' : op.method === 'DELETE' || DESTRUCTIVE.includes(op.id) ? 'destructive' : 'main';

describe('the API under generated requests (schema-driven fuzzing)', () => {
  let world: Arranged;
  /** What each request that carried the planted value was, by its request id (to name it in a finding). */
  const planted = new Map<string, string>();
  const logs = new LogCheck(MARKER, (id) => planted.get(id));

  beforeAll(async () => {
    world = await arrange({ env: { LOG_LEVEL: 'info' }, logs, process: API_PROCESS });
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  });

  it(
    'answers every operation without 5xx, within the error contract and the documented schemas',
    async () => {
      const report = new FuzzReport();
      const startedAt = Date.now();
      const memory = MEMORY_SAMPLES ? new MemorySampler(MEMORY_SAMPLES, MEMORY_EVERY, world.apiProcess, SNAPSHOTS_AT) : null;
      if (memory) report.onRecord = (sent) => memory.onRequests(sent);
      const observe = (c: Case, a: Answer) => {
        if (planted.size < 50_000 && (c.request.url.includes(MARKER) || c.request.body?.includes(MARKER)))
          planted.set(a.headers.get('x-request-id') ?? '', `${c.request.method} ${c.op.id} (${c.request.kind}) as ${c.caller.name}`);
      };
      const budget = (share: number) => ({ deadline: startedAt + TIME_BUDGET_MS * share, maxRequests: MAX_REQUESTS });
      console.log(`fuzz seed ${SEED} (set FUZZ_SEED to replay)`);

      const documentResponse = await fetch(`${world.api.url}/api/openapi.json`);
      expect(documentResponse.status).toBe(200);
      const doc = (await documentResponse.json()) as OpenApiDocument;
      const operations = operationsOf(doc);
      const resolver = new SchemaResolver(doc);
      const checker = { validator: new StrictValidator(doc), resolver };
      const ctx: GenerationContext = {
        resolver,
        ids: world.ids,
        emails: world.emails,
        password: PASSWORD,
        cursors: new Map(),
        marker: MARKER,
      };

      // Real cursors first (a page of one item), so that valid requests can page on.
      const lists = operations.filter((op) => op.method === 'GET' && op.queryParams.some((p) => p.name === 'cursor'));
      const harvest: Case[] = [];
      for (const op of lists) {
        const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
          const kind = pathParamKind(op.path, name);
          return (kind === 'campaign' ? world.campaignId : kind ? world.ids[kind]?.[0] : undefined) ?? world.campaignId;
        });
        const required = op.queryParams.filter((p) => p.required && p.schema.enum).map((p) => `&${p.name}=${String(p.schema.enum[0])}`);
        for (const caller of world.callers.filter((c) => ['admin', 'coordinator', 'member'].includes(c.name)))
          harvest.push({
            op,
            caller,
            request: { operationId: op.id, kind: 'valid', method: 'GET', url: `${path}?limit=1${required.join('')}`, headers: {} },
          });
      }
      await run(world.api.url, harvest, checker, report, budget(1), (c, a) => {
        observe(c, a);
        if (a.status !== 200) return;
        const cursor = (JSON.parse(a.text) as { nextCursor?: unknown }).nextCursor;
        if (typeof cursor === 'string') ctx.cursors.set(c.op.id, [...(ctx.cursors.get(c.op.id) ?? []), cursor]);
      });

      const generator = new RequestGenerator(ctx);
      const anonymousOnly = world.callers.filter((c) => !c.browser);
      const main = operations.filter((op) => phaseOf(op) === 'main');
      await run(
        world.api.url,
        interleave(main.map((op) => casesFor(op, op.path === EVENT_STREAM ? anonymousOnly : world.callers, generator, SEED, PER_CALLER))),
        checker,
        report,
        budget(0.65),
        observe,
      );
      const stream = operations.find((op) => op.path === EVENT_STREAM);
      if (stream) await checkEventStream(world.api.url, stream, world.callers, checker, report);

      const destructive = operations.filter((op) => phaseOf(op) === 'destructive');
      await run(
        world.api.url,
        interleave(destructive.map((op) => casesFor(op, world.callers, generator, SEED, PER_CALLER))),
        checker,
        report,
        budget(0.78),
        observe,
      );

      // Each credential operation gets fresh accounts of every role, and ids of those accounts.
      // Each gets its share of the time left (at least a few seconds, so that none is skipped).
      const credentials = CREDENTIALS.map((id) => operations.find((o) => o.id === id)).filter((o): o is Operation => o !== undefined);
      for (const [i, op] of credentials.entries()) {
        const { callers, ids } = await world.throwaway(op.id);
        const own = new RequestGenerator({ ...ctx, ids });
        const share = Math.max(5_000, (startedAt + TIME_BUDGET_MS - Date.now()) / (credentials.length - i));
        await run(
          world.api.url,
          casesFor(op, callers, own, SEED, PER_CALLER),
          checker,
          report,
          { deadline: Date.now() + share, maxRequests: MAX_REQUESTS },
          observe,
        );
      }

      if (memory) console.log(await memory.write(report.sent));
      // The last request's log line is written as its answer goes: a moment for it to arrive.
      await new Promise((r) => setTimeout(r, API_PROCESS ? 500 : 50));
      logs.flush();
      const unreached = operations.filter((op) => !report.perOperation.has(op.id)).map((op) => op.id);
      const summary = [
        report.summary(SEED),
        `operations not reached within the budget: ${unreached.length ? unreached.join(', ') : 'none'}`,
        `${logs.summary()}; requests carrying it: ${planted.size}`,
      ].join('\n');
      console.log(summary);
      const details = [report.details(world.api.url), ...logs.problems()].filter(Boolean).join('\n');
      if (details) console.log(details);
      expect(report.failures.length + logs.problems().length === 0 ? 'no failures' : `${summary}\n${details}`).toBe('no failures');
    },
    TIME_BUDGET_MS + 240_000,
  );
});
