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
  /**
   * Requests per second, evenly spaced: an open-loop arrival rate, as
   * residents arrive, instead of as fast as the server answers. Sent with
   * fetch rather than autocannon, whose rate limit sends each second's
   * requests in one burst.
   */
  overallRate?: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.overallRate !== undefined) return runPaced({ ...options, overallRate: options.overallRate });
  const started = performance.now();
  let lastAnswer = started;
  const run = autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.duration ?? 10 }),
    headers: options.headers ?? {},
    ...(options.requests ? { requests: options.requests } : {}),
    timeout: options.timeout ?? 30,
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

/** `amount` requests (default: rate × duration) started every 1/rate seconds, each timed from its start to its answer. */
async function runPaced(options: LoadOptions & { overallRate: number }): Promise<LoadResult> {
  const amount = options.amount ?? Math.round(options.overallRate * (options.duration ?? 10));
  const template = options.requests?.[0] ?? {};
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const started = performance.now();
  const one = async (i: number) => {
    const wait = started + (i * 1000) / options.overallRate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const request = template.setupRequest ? template.setupRequest({ ...template }) : template;
    const sent = performance.now();
    try {
      const res = await fetch(new URL(request.path ?? '/', options.url), {
        method: request.method ?? 'GET',
        headers: { ...options.headers, ...request.headers },
        ...(request.body !== undefined ? { body: request.body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout((options.timeout ?? 30) * 1000),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - sent);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    } catch {
      errors++;
    }
  };
  await Promise.all(Array.from({ length: amount }, (_, i) => one(i)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]! : NaN);
  const completed = latencies.length;
  const bad = Object.entries(statuses)
    .filter(([code]) => !/^[23]\d\d$/.test(code))
    .reduce((a, [, n]) => a + n, 0);
  return { rps: completed / seconds, p50: at(50), p99: at(99), completed, seconds, statuses, errors, timeouts: 0, failures: bad + errors };
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
