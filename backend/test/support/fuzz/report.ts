import type { Category, Problem } from './check.js';
import type { FuzzRequest } from './generate.js';

export interface Example {
  request: FuzzRequest;
  caller: string;
  status: number | null;
  responseText: string;
}

interface Group {
  category: Category;
  operationId: string;
  problem: string;
  count: number;
  kinds: Set<string>;
  callers: Set<string>;
  example: Example;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** Makes control characters (NUL…) visible in a printed example. */
const visible = (s: string) =>
  [...s].map((c) => (c.charCodeAt(0) < 0x20 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');

export function curlOf(baseUrl: string, e: Example): string {
  const parts = [`curl -X ${e.request.method} ${shellQuote(clip(baseUrl + e.request.url, 160))}`];
  for (const [k, v] of Object.entries(e.request.headers)) parts.push(`-H ${shellQuote(`${k}: ${v}`)}`);
  if (e.request.body !== undefined) parts.push(`--data-raw ${shellQuote(visible(clip(e.request.body, 160)))}`);
  return `${parts.join(' ')}   # as ${e.caller}`;
}

/** Everything seen in a run: counts for the summary, problems folded by category, operation and cause. */
export class FuzzReport {
  readonly startedAt = Date.now();
  sent = 0;
  readonly byStatus = new Map<number | string, number>();
  readonly perOperation = new Map<string, number>();
  private readonly groups = new Map<string, Group>();

  /** Called with the count after each request (the memory sampler). */
  onRecord?: (sent: number) => void;

  record(operationId: string, status: number | null): void {
    this.sent++;
    this.onRecord?.(this.sent);
    this.byStatus.set(status ?? 'no answer', (this.byStatus.get(status ?? 'no answer') ?? 0) + 1);
    this.perOperation.set(operationId, (this.perOperation.get(operationId) ?? 0) + 1);
  }

  fail(operationId: string, p: Problem, example: Example): void {
    const key = `${p.category}\u0001${operationId}\u0001${p.problem}`;
    const g = this.groups.get(key);
    if (g) {
      g.count++;
      g.kinds.add(example.request.kind);
      g.callers.add(example.caller);
    } else {
      this.groups.set(key, {
        ...p,
        operationId,
        count: 1,
        kinds: new Set([example.request.kind]),
        callers: new Set([example.caller]),
        example,
      });
    }
  }

  get failures(): Group[] {
    return [...this.groups.values()];
  }

  count(category: Category): number {
    return this.failures.filter((g) => g.category === category).reduce((n, g) => n + g.count, 0);
  }

  summary(seed: number): string {
    const statuses = [...this.byStatus.entries()]
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
    const fivexx = [...this.byStatus.entries()].filter(([s]) => typeof s === 'number' && s >= 500).reduce((n, [, c]) => n + c, 0);
    return [
      `fuzz seed ${seed} (FUZZ_SEED=${seed} to replay)`,
      `requests sent: ${this.sent} to ${this.perOperation.size} operations in ${((Date.now() - this.startedAt) / 1000).toFixed(1)} s`,
      `answers by status: ${statuses}`,
      `5xx answers: ${fivexx}`,
      `error bodies outside the contract: ${this.count('error body outside the contract')}`,
      `2xx bodies outside the documented schema: ${this.count('2xx body outside the documented schema')}`,
      `2xx statuses not documented: ${this.count('2xx status not documented')}`,
      `answers without x-request-id: ${this.count('no x-request-id header')}`,
      `no answer: ${this.count('no answer')}; event stream problems: ${this.count('event stream')}`,
    ].join('\n');
  }

  /**
   * The failures by category: first each cause once (the operations it was seen in, one example),
   * then operation by operation, with the causes seen there and one example request.
   */
  details(baseUrl: string): string {
    const lines: string[] = [];
    const byCategory = new Map<Category, Group[]>();
    for (const g of this.failures) byCategory.set(g.category, [...(byCategory.get(g.category) ?? []), g]);
    const example = (e: Example) => [
      `e.g. ${curlOf(baseUrl, e)}`,
      `  → ${e.status ?? 'no answer'} ${visible(clip(e.responseText.replace(/\s+/g, ' '), 200))}`,
    ];
    for (const [category, groups] of byCategory) {
      const ops = new Set(groups.map((g) => g.operationId));
      lines.push('', `=== ${category}: ${groups.reduce((n, g) => n + g.count, 0)} answers in ${ops.size} operations`);
      const causes = new Map<string, Group[]>();
      for (const g of groups) causes.set(g.problem, [...(causes.get(g.problem) ?? []), g]);
      lines.push('  causes:');
      for (const [problem, gs] of [...causes.entries()].sort((a, b) => b[1].length - a[1].length)) {
        const kinds = new Set(gs.flatMap((g) => [...g.kinds]));
        lines.push(`    ×${gs.reduce((n, g) => n + g.count, 0)} in ${gs.length} operations: ${problem}   [${[...kinds].join(' | ')}]`);
        lines.push(
          `      operations: ${gs
            .map((g) => g.operationId)
            .sort()
            .join(', ')}`,
        );
        lines.push(...example(gs[0]!.example).map((l) => `      ${l}`));
      }
      lines.push('  by operation:');
      for (const op of [...ops].sort()) {
        const gs = groups.filter((g) => g.operationId === op).sort((a, b) => b.count - a.count);
        lines.push(
          `    ${op}: ${gs.map((g) => `×${g.count} ${g.problem} [${[...g.kinds].join(' | ')}] as ${[...g.callers].join(', ')}`).join('; ')}`,
        );
        lines.push(...example(gs[0]!.example).map((l) => `      ${l}`));
      }
    }
    return lines.join('\n');
  }
}
