import type { Operation, Schema, SchemaResolver } from './openapi.js';
import type { StrictValidator } from './strict-schema.js';

/** What came back for one request, as the checks need it. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

export type Category =
  | '5xx answer'
  | 'no answer'
  | 'no x-request-id header'
  | 'error body outside the contract'
  | '2xx body outside the documented schema'
  | '2xx status not documented'
  | 'event stream';

export interface Problem {
  category: Category;
  /** Short and stable, so that the same cause in many requests folds into one line. */
  problem: string;
}

const CONTRACT_KEYS = ['statusCode', 'code', 'message', 'details', 'requestId'];

/** `{statusCode, code, message, details?, requestId}` and nothing else; what is wrong, if anything. */
export function errorContractProblems(status: number, body: unknown, requestIdHeader: string | null, documented: Schema | null): string[] {
  if (body === undefined) return ['not JSON'];
  if (!body || typeof body !== 'object' || Array.isArray(body)) return ['not a JSON object'];
  const b = body as Record<string, unknown>;
  const problems: string[] = [];
  // Members beyond the contract are accepted only where the operation documents them for this status.
  const documentedKeys = new Set(Object.keys((documented?.properties ?? {}) as object));
  const extra = Object.keys(b).filter((k) => !CONTRACT_KEYS.includes(k) && !documentedKeys.has(k));
  if (extra.length) problems.push(`members outside the contract: ${extra.sort().join(', ')}`);
  if (b.statusCode !== status) problems.push(b.statusCode === undefined ? 'no statusCode' : 'statusCode differs from the HTTP status');
  if (typeof b.code !== 'string' || !b.code) problems.push('code missing or not a non-empty string');
  if (typeof b.message !== 'string' || !b.message) problems.push('message missing or not a non-empty string');
  if ('details' in b) {
    const ok =
      Array.isArray(b.details) &&
      b.details.every(
        (d) =>
          d &&
          typeof d === 'object' &&
          typeof (d as Record<string, unknown>).field === 'string' &&
          typeof (d as Record<string, unknown>).message === 'string' &&
          Object.keys(d as object).every((k) => k === 'field' || k === 'message'),
      );
    if (!ok) problems.push('details is not an array of {field: string, message: string}');
  }
  if (typeof b.requestId !== 'string' || !b.requestId) problems.push('no requestId');
  else if (requestIdHeader !== null && b.requestId !== requestIdHeader) problems.push('requestId differs from the x-request-id header');
  return problems;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Every rule of the test for one answer. */
export function checkAnswer(op: Operation, answer: Answer, validator: StrictValidator, resolver: SchemaResolver): Problem[] {
  const problems: Problem[] = [];
  const requestId = answer.headers.get('x-request-id');
  if (!requestId) problems.push({ category: 'no x-request-id header', problem: `status ${answer.status}` });
  const contentType = answer.headers.get('content-type') ?? '';
  const isJson = /[/+]json\b/i.test(contentType);
  const body = isJson ? parseJson(answer.text) : undefined;

  if (answer.status >= 500) {
    const code = body && typeof body === 'object' ? String((body as Record<string, unknown>).code) : contentType || 'no content-type';
    problems.push({ category: '5xx answer', problem: `${answer.status} ${code}` });
  }
  if (answer.status >= 400) {
    const schema = op.responses[String(answer.status)]?.['application/json'];
    const documented = schema ? resolver.flatten(schema) : null;
    const contract = isJson
      ? errorContractProblems(answer.status, body, requestId, documented)
      : [`not JSON (${contentType || 'no content-type'})`];
    if (contract.length)
      problems.push({ category: 'error body outside the contract', problem: `${answer.status}: ${contract.join('; ')}` });
    return problems;
  }
  if (answer.status >= 200 && answer.status < 300) {
    const documented = op.responses[String(answer.status)];
    if (!documented) {
      problems.push({
        category: '2xx status not documented',
        problem: `${answer.status} (documented: ${Object.keys(op.responses).join(', ')})`,
      });
      return problems;
    }
    const mediaTypes = Object.keys(documented);
    if (mediaTypes.length === 0) {
      if (answer.text.length)
        problems.push({ category: '2xx body outside the documented schema', problem: `${answer.status}: a body where none is documented` });
      return problems;
    }
    const mediaType = mediaTypes.find((m) => contentType.toLowerCase().startsWith(m.toLowerCase()));
    if (!mediaType) {
      problems.push({
        category: '2xx body outside the documented schema',
        problem: `${answer.status}: content-type ${contentType || '(none)'}, documented ${mediaTypes.join(', ')}`,
      });
      return problems;
    }
    const schema = documented[mediaType];
    if (schema && mediaType.includes('json')) {
      if (body === undefined) {
        problems.push({ category: '2xx body outside the documented schema', problem: `${answer.status}: not JSON` });
        return problems;
      }
      const errors = validator.validate(schema, body);
      if (errors) for (const e of errors) problems.push({ category: '2xx body outside the documented schema', problem: e });
    }
  }
  return problems;
}
