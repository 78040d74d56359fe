/**
 * One autocannon run and what the benchmark keeps of it: requests per
 * second, latency percentiles, and every status code seen (a run only
 * counts when none of them is an error).
 */
import { createRequire } from 'node:module';

/** The part of autocannon's request options the benchmark uses. */
export interface LoadRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: LoadRequest) => LoadRequest;
}

interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
  totalCount?: number;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  latency: Histogram;
  requests: Histogram & { total: number; sent: number };
  throughput: Histogram & { total: number };
  statusCodeStats: Record<string, { count: number }>;
}

/** autocannon's run: an event emitter (`response` per answer) that is also a promise of the result. */
type Autocannon = (options: Record<string, unknown>) => PromiseLike<AutocannonResult> & { on(event: 'response', listener: () => void): void };

// autocannon is CommonJS without type declarations.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadResult {
  /** Completed requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  completed: number;
  seconds: number;
  /** Status code → count. */
  statuses: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  /** Completed requests with a status outside 2xx/3xx, plus errors. */
  failures: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds, unless `amount` is given. */
  duration?: number;
  /** Exactly this many requests (autocannon then ignores the duration). */
  amount?: number;
  headers?: Record<string, string>;
  requests?: LoadRequest[];
  /** Seconds before a request counts as timed out. */
  timeout?: number;
  /** Requests per second across all connections (a steady arrival rate instead of as fast as possible). */
  overallRate?: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  let lastAnswer = started;
  const run = autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.duration ?? 10 }),
    headers: options.headers ?? {},
    ...(options.requests ? { requests: options.requests } : {}),
    timeout: options.timeout ?? 30,
    ...(options.overallRate !== undefined ? { overallRate: options.overallRate } : {}),
  });
  run.on('response', () => {
    lastAnswer = performance.now();
  });
  const result = await run;
  // autocannon notices that `amount` is reached only at its next one-second tick, so its
  // duration overstates a fixed-amount run: time that run to its last answer instead.
  const seconds = options.amount !== undefined ? (lastAnswer - started) / 1000 : result.duration;
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, Number(s.count)]));
  const completed = Object.values(statuses).reduce((a, b) => a + b, 0);
  const bad = Object.entries(statuses)
    .filter(([code]) => !/^[23]\d\d$/.test(code))
    .reduce((a, [, n]) => a + n, 0);
  return {
    rps: seconds > 0 ? completed / seconds : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    completed,
    seconds,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    failures: bad + result.errors,
  };
}

/** "303×1234" or "200×10, 500×2 + 3 errors" */
export function describeStatuses(r: LoadResult): string {
  const codes = Object.entries(r.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code}×${n}`)
    .join(', ');
  const errors = r.errors > 0 ? ` + ${r.errors} errors${r.timeouts > 0 ? ` (${r.timeouts} timeouts)` : ''}` : '';
  return (codes || 'none') + errors;
}
