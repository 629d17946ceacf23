import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Caller } from './arrange.js';
import { checkAnswer, type Answer } from './check.js';
import type { FuzzRequest, RequestGenerator } from './generate.js';
import type { Operation, SchemaResolver } from './openapi.js';
import type { FuzzReport } from './report.js';
import type { StrictValidator } from './strict-schema.js';

export interface Case {
  op: Operation;
  caller: Caller;
  request: FuzzRequest;
}

/** A 32-bit hash, so that each case has a seed of its own derived from the run's seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function sampleOne<T>(arbitrary: fc.Arbitrary<T>, seed: number): T {
  return fc.sample(arbitrary, { seed, numRuns: 1 })[0]!;
}

/** Callers that get past authorization most often: the coverage round sends every kind of request as each. */
const COVERAGE_CALLERS = ['admin', 'coordinator'];

/**
 * The requests for one operation: every kind of request (`repeat` times) as an admin and as a lead
 * coordinator, then `perCaller` drawn at random (half of them valid) as each caller. Drawn as they
 * are sent, not before: a long run's requests (some of them 1 MB bodies) are never all in memory.
 */
export function* casesFor(op: Operation, callers: Caller[], generator: RequestGenerator, seed: number, perCaller: number): Generator<Case> {
  const kinds = generator.kinds(op);
  for (const [i, k] of kinds.entries()) {
    for (const name of COVERAGE_CALLERS) {
      const caller = callers.find((c) => c.name === name);
      for (let r = 0; caller && r < k.repeat; r++)
        yield { op, caller, request: sampleOne(k.arbitrary, hash32(`${seed}|${op.id}|${i}|${k.kind}|${name}|${r}`)) };
    }
  }
  const valid = kinds.find((k) => k.kind === 'valid')!;
  const mixed = fc.oneof(
    { weight: Math.max(1, kinds.length - 1), arbitrary: valid.arbitrary },
    ...kinds.filter((k) => k !== valid).map((k) => ({ weight: 1, arbitrary: k.arbitrary })),
  );
  for (const caller of callers) {
    for (let i = 0; i < perCaller; i++)
      yield { op, caller, request: sampleOne(mixed, hash32(`${seed}|${op.id}|random|${caller.name}|${i}`)) };
  }
}

/** Interleaves the operations' cases (one of each in turn), so that a budget cut thins every operation alike. */
export function* interleave(lists: Iterable<Case>[]): Generator<Case> {
  let open = lists.map((l) => l[Symbol.iterator]());
  while (open.length) {
    const still: Iterator<Case>[] = [];
    for (const it of open) {
      const next = it.next();
      if (!next.done) {
        yield next.value;
        still.push(it);
      }
    }
    open = still;
  }
}

export async function send(baseUrl: string, request: FuzzRequest, caller: Caller, timeoutMs = 20_000): Promise<Answer | { error: string }> {
  const headers: Record<string, string> = { ...request.headers };
  if (caller.browser) {
    headers.cookie = caller.browser.cookie;
    if (!['GET', 'HEAD'].includes(request.method)) headers['x-csrf-token'] = caller.browser.csrfToken;
  }
  try {
    const response = await fetch(baseUrl + request.url, {
      method: request.method,
      headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    return { error: (error as Error).cause ? String((error as Error).cause) : String(error) };
  }
}

export interface Budget {
  deadline: number;
  maxRequests: number;
}

/** Sends the cases one after the other (deterministic order), checks each answer; stops at the budget. */
export async function run(
  baseUrl: string,
  cases: Iterable<Case>,
  checker: { validator: StrictValidator; resolver: SchemaResolver },
  report: FuzzReport,
  budget: Budget,
  onAnswer?: (c: Case, a: Answer) => void,
): Promise<number> {
  let sent = 0;
  for (const c of cases) {
    if (Date.now() > budget.deadline || report.sent >= budget.maxRequests) break;
    const answer = await send(baseUrl, c.request, c.caller);
    sent++;
    if ('error' in answer) {
      report.record(c.op.id, null);
      report.fail(
        c.op.id,
        { category: 'no answer', problem: answer.error.slice(0, 120) },
        { request: c.request, caller: c.caller.name, status: null, responseText: '' },
      );
      continue;
    }
    report.record(c.op.id, answer.status);
    // FUZZ_TRACE=file: one JSON line per request and answer, to replay or study a run.
    if (process.env.FUZZ_TRACE)
      appendFileSync(
        process.env.FUZZ_TRACE,
        `${JSON.stringify({ op: c.op.id, kind: c.request.kind, caller: c.caller.name, method: c.request.method, url: c.request.url.slice(0, 300), body: c.request.body?.slice(0, 300), status: answer.status, answer: answer.text.slice(0, 300) })}\n`,
      );
    for (const p of checkAnswer(c.op, answer, checker.validator, checker.resolver))
      report.fail(c.op.id, p.category === '5xx answer' ? { ...p, problem: `${p.problem} after ${c.request.kind}` } : p, {
        request: c.request,
        caller: c.caller.name,
        status: answer.status,
        responseText: answer.text,
      });
    onAnswer?.(c, answer);
  }
  return sent;
}

/**
 * The event stream: status and headers only, then the connection is dropped. A 200 must be an
 * event stream with x-request-id; any other answer is judged like every answer (its body is short).
 */
export async function checkEventStream(
  baseUrl: string,
  op: Operation,
  callers: Caller[],
  checker: { validator: StrictValidator; resolver: SchemaResolver },
  report: FuzzReport,
): Promise<void> {
  for (const caller of callers.filter((c) => c.browser)) {
    for (const query of ['', '?x=%00&cursor=%zz']) {
      const request: FuzzRequest = {
        operationId: op.id,
        kind: query ? 'event stream, malformed query' : 'event stream',
        method: 'GET',
        url: op.path + query,
        headers: { accept: 'text/event-stream' },
      };
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 10_000);
      const example = (status: number | null, text = '') => ({ request, caller: caller.name, status, responseText: text });
      try {
        const response = await fetch(baseUrl + request.url, {
          headers: { ...request.headers, cookie: caller.browser!.cookie },
          signal: controller.signal,
        });
        report.record(op.id, response.status);
        if (response.status === 200) {
          const problems: string[] = [];
          if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream'))
            problems.push(`content-type ${response.headers.get('content-type') ?? '(none)'}`);
          if (!response.headers.get('x-request-id')) problems.push('no x-request-id header');
          for (const p of problems) report.fail(op.id, { category: 'event stream', problem: p }, example(200));
        } else {
          const text = await response.text();
          const answer = { status: response.status, headers: response.headers, text };
          for (const p of checkAnswer(op, answer, checker.validator, checker.resolver))
            report.fail(op.id, p, example(response.status, text));
          // Signed in, without a malformed query, the stream opens.
          if (!query)
            report.fail(op.id, { category: 'event stream', problem: `status ${response.status}` }, example(response.status, text));
        }
      } catch (error) {
        report.record(op.id, null);
        report.fail(op.id, { category: 'no answer', problem: String(error).slice(0, 120) }, example(null));
      } finally {
        clearTimeout(timer);
        controller.abort();
      }
    }
  }
}
