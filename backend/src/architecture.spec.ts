import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The folder rule of docs/architecture.md ("Code layout"): the folders of backend/src import
 * one another without a cycle, so that each can be read knowing only the ones below it. `core/`
 * counts as one folder per subfolder (core/database, core/mail…); the files at the top of src/
 * are the entry points. Two kinds of import are left out, and only these: entity files (TypeORM
 * relations name each other's classes, both ways, by design) and core/database/entities.ts, the
 * registry of every entity.
 */
const SRC = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The folder a file (relative to src/) belongs to. */
export function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 1) return '.';
  if (parts[0] === 'core' && parts.length > 2) return `core/${parts[1]}`;
  return parts[0]!;
}

/** Folder → folder edges, each with the imports that make it. */
export function folderImports(files: { path: string; text: string }[]): Map<string, Map<string, string[]>> {
  const edges = new Map<string, Map<string, string[]>>();
  for (const { path, text } of files) {
    if (path === 'core/database/entities.ts') continue;
    const from = folderOf(path);
    for (const match of text.matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/g)) {
      const target = normalize(join(dirname(path), match[1]!));
      if (target.endsWith('.entity.js')) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const byTarget = edges.get(from) ?? new Map<string, string[]>();
      byTarget.set(to, [...(byTarget.get(to) ?? []), `${path} → ${target}`]);
      edges.set(from, byTarget);
    }
  }
  return edges;
}

/** The strongly connected groups of more than one folder (Tarjan), each a cycle or several. */
export function cycles(edges: Map<string, Map<string, string[]>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('backend folders', () => {
  it('the cycle finder finds a cycle and names the imports that make it', () => {
    const edges = folderImports([
      { path: 'demands/demands.service.ts', text: "import { replan } from '../reminders/planner.js';" },
      { path: 'reminders/planner.ts', text: "import type { X } from '../demands/rules.js';\nimport { Y } from '../users/user.entity.js';" },
      { path: 'users/users.service.ts', text: "export { Z } from '../demands/z.js';" },
    ]);
    expect(cycles(edges)).toEqual([['demands', 'reminders']]);
    expect(edges.get('reminders')?.get('demands')).toEqual(['reminders/planner.ts → demands/rules.js']);
    expect(edges.get('reminders')?.has('users')).toBe(false); // an entity import
  });

  it('import one another without a cycle (entity files and the entity registry aside)', () => {
    const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
    const edges = folderImports(files);
    expect(edges.size).toBeGreaterThan(10); // the scan saw the code
    const described = cycles(edges).map((group) =>
      group.flatMap((from) => group.flatMap((to) => (edges.get(from)?.get(to) ?? []).slice(0, 2))).join('\n'),
    );
    expect(described).toEqual([]);
  });
});

/**
 * Where reminders are replanned (reminders/reminder-planner.ts): in the one place each thing they
 * follow changes — a deadline, the state that makes it live, its audience's zone, the policy. A
 * change made anywhere else (a deadline column written directly, say) would leave reminders for
 * the old instant: it belongs in one of these, or this list grows with a reason.
 */
const REPLAN_HOMES: Record<string, string> = {
  'reminders/reminder-planner.ts': 'the planner itself (a campaign, a person: each of their deadlines)',
  'demands/demand-deadlines.ts': "every move of a demand's deadline (an edit, a milestone, a term's end)",
  'demands/demand-transition.ts': 'every status move of a demand (`DemandTransitions.move`)',
  'follow-ups/follow-ups.service.ts': 'a follow-up created or changed (due date, status, assignee)',
  'campaigns/campaigns.service.ts': "a campaign's reminder policy or status",
  'demands/campaign-sending.ts': 'a campaign marked as sent: active, so its follow-ups remind too',
  'users/time-zone.ts': "a person's time zone",
  'demo/demo-data.loader.ts': 'the demo campaign, loaded into an empty database',
};

describe('reminder replanning', () => {
  it('happens only in the places that change what reminders follow', () => {
    const callers = sourceFiles(SRC)
      .map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }))
      .filter(({ text }) => /\breplan(?:Campaign|Recipient)?Reminders\(/.test(text.replace(/export async function replan\w+\(/g, '')))
      .map(({ path }) => path)
      .sort();
    expect(callers).toEqual(Object.keys(REPLAN_HOMES).sort());
  });

  it("demand deadlines and people's zones are written in those places only", () => {
    const writers = (pattern: RegExp) =>
      sourceFiles(SRC)
        .map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }))
        .filter(({ path, text }) => !path.startsWith('migrations/') && pattern.test(text))
        .map(({ path }) => path);
    // SQL assignments, and TypeORM's `update(Entity, …, { column })` of the same columns.
    expect(writers(/\bdeadline_at\s*=\s*\$|update\(Demand,[^;]*\bdeadlineAt\b/)).toEqual(['demands/demand-deadlines.ts']);
    expect(writers(/UPDATE users SET[^`]*\btime_zone\s*=|values\.timeZone\s*=/)).toEqual(['users/time-zone.ts']);
  });
});
