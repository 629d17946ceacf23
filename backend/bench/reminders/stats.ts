/** Small statistics over lateness samples (milliseconds). */

/** The q-quantile (0 ≤ q ≤ 1) by nearest rank; NaN for no samples. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export interface Summary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  min: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    min: sorted.length ? sorted[0]! : Number.NaN,
  };
}

/** Events per second: count ÷ (last event − first due), and the busiest one-second window. */
export function rates(firstDue: number, times: readonly number[]): { mean: number; peak: number; spanMs: number } {
  if (times.length === 0) return { mean: 0, peak: 0, spanMs: 0 };
  const sorted = [...times].sort((a, b) => a - b);
  const spanMs = Math.max(1, sorted[sorted.length - 1]! - firstDue);
  let peak = 0;
  // Sliding one-second window over the sorted instants.
  for (let lo = 0, hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= 1000) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  return { mean: (sorted.length * 1000) / spanMs, peak, spanMs };
}
