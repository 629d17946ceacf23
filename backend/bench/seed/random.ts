import { createHash } from 'node:crypto';

/**
 * Determinism: every choice the seed makes comes from a named stream (TypeScript side) or from
 * hashing a row's index (SQL side), never from Math.random or gen_random_uuid, so the same scale
 * gives the same rows (timestamps are placed relative to the seed's `now`).
 */

/** A stable id, in the v4 layout, for the `i`th row of a kind. SQL computes the same with `bench_uid` (sql.ts). */
export function uid(kind: string, i: number): string {
  const h = createHash('md5').update(`${kind}:${i}`).digest('hex');
  const x = `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17)}`;
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seeded pseudo-random stream (mulberry32). */
export class Rng {
  private state: number;

  constructor(name: string) {
    this.state = hashString(name);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let x = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      x -= w;
      if (x < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** An index in [0, n) skewed towards 0: a few big ones, many small ones. */
  skewed(n: number, power: number): number {
    return Math.min(n - 1, Math.floor(n * this.next() ** power));
  }
}

/** Splits `total` into integers proportional to `weights` (largest remainder), each at least `min[i]`. */
export function apportion(total: number, weights: number[], min: number[] = weights.map(() => 0)): number[] {
  const floor = min.reduce((a, b) => a + b, 0);
  if (floor > total) throw new Error(`cannot apportion ${total} with minimums summing to ${floor}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const ideal = weights.map((w) => (w / sum) * total);
  const out = ideal.map((x, i) => Math.max(min[i]!, Math.floor(x)));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = ideal.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  // Hand out what is left by remainder; take back (from the largest above their minimum) any excess.
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]!.i]!++;
  while (left < 0) {
    let best = -1;
    for (let i = 0; i < out.length; i++) if (out[i]! > min[i]! && (best < 0 || out[i]! > out[best]!)) best = i;
    out[best]!--;
    left++;
  }
  return out;
}
