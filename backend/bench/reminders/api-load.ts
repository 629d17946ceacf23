/**
 * The background load, in a process of its own so it never delays the SMTP sink's clock:
 * autocannon at a fixed overall rate against one authenticated URL, until told to stop over
 * IPC; then it sends back what it measured. Environment: BENCH_URL, BENCH_RATE,
 * BENCH_CONNECTIONS, BENCH_COOKIE.
 */

/** What this uses of autocannon 9's programmatic API (the package ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  stop(): void;
}
type Autocannon = (options: Record<string, unknown>) => AutocannonInstance;

export interface LoadReport {
  type: 'load-report';
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const autocannonModule = 'autocannon';
const { default: autocannon } = (await import(autocannonModule)) as { default: Autocannon };

const instance = autocannon({
  url: process.env.BENCH_URL,
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  overallRate: Number(process.env.BENCH_RATE),
  duration: 3_600, // until told to stop
  headers: { cookie: process.env.BENCH_COOKIE ?? '' },
});

process.on('message', (m: { type?: string }) => {
  if (m?.type === 'stop') instance.stop();
});
process.send?.({ type: 'ready' });

const result = await instance;
const report: LoadReport = {
  type: 'load-report',
  requests: result.requests.total,
  perSecond: result.duration > 0 ? result.requests.total / result.duration : 0,
  p50: result.latency.p50,
  p99: result.latency.p99,
  max: result.latency.max,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
};
process.send?.(report, () => process.exit(0));
