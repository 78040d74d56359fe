/**
 * `npm run bench -- [--quick] [--responses N] [--reports M] [--duration S] [--samples N] [--keep] [--postgres URL] [--cpu-prof DIR]`
 * `npm run bench -- --sizes 10000,100000,1000000 [--quick] [--duration S] [--samples N] [--keep] [--postgres URL]`:
 * the production build under load, on this machine's loopback, with a
 * large synthetic dataset. Needs `dist/` (run `npm run build` first).
 *
 * 1. A temporary database gets `seed:large` (100,000 synthetic responses and
 *    100,000 synthetic reports by default; `--quick`: 2,000 each, short runs).
 * 2. The built site starts as `npm start` starts it (dist/node/cli/start.mjs)
 *    with NODE_ENV=production and TRUST_PROXY=true: the benchmark speaks for
 *    many residents through X-Forwarded-For, so each post comes from its own
 *    address and the per-client throttles (10 reports per 10 minutes) do not
 *    refuse it, as they would not refuse real residents behind a proxy.
 * 3. A minimal node:http server does the same inserts with prepared
 *    better-sqlite3 statements on a copy of the database: the practical limit
 *    of Node + SQLite on this machine.
 * 4. autocannon measures survey submissions and map reports at 10 and 100
 *    connections on both, public pages at 10, and every asset the public
 *    pages load is fetched with gzip and summed. Dashboard pages are timed
 *    one at a time, signed in as the demo analyst. Memory is the server
 *    process's RSS from /proc.
 *
 * 5. With `--postgres URL` (a PostgreSQL server and a role that may create
 *    databases; default: TEST_POSTGRES_URL), the same dataset is copied into
 *    a new database there with db:copy, the built site is started on it,
 *    and the writes and dashboard pages are measured again: the tables gain
 *    a PostgreSQL column. The database is dropped at the end.
 *
 * 6. Growth mode, `--sizes A,B,C` (instead of --responses and --reports):
 *    for each size in turn, a new database gets `seed:large` with that many
 *    responses and as many reports, the built site is started on it, and the
 *    public pages (10 connections) and the dashboard pages (sequential) are
 *    measured as above; with a PostgreSQL server, the same again on a
 *    db:copy of it. Writes are not measured in this mode: the normal run
 *    measures them at one size (`--responses 1000000 --reports 1000000` for
 *    the largest), and leaving them out keeps each size's data as seeded
 *    and the mode's run time to the pages. The report is
 *    one table: each page's p50 / p99 at each size, and the growth of the
 *    p50 from the smallest size to the largest (src/server/bench/growth.ts).
 *    Each size's database is deleted before the next is seeded.
 * 7. `--cpu-prof DIR`: the site is started with Node's
 *    `--cpu-prof`, and writes its CPU profile of the whole run into DIR (one
 *    per server: SQLite, then PostgreSQL)
 *    when it stops (a .cpuprofile: Chromium's DevTools draws it as a flame
 *    chart), and says on stderr when each write load ran, in the profile's
 *    clock ("cpu-prof window START END label", microseconds), to pick out
 *    its samples. The figures of such a run are slower than without it.
 *
 * Progress goes to stderr; the report (Markdown, for the README) to stdout.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { residentAddress, analystSessionCookie, answerFirstPages, cloneDrafts, LAST_PAGE, lastPageBody, reportForms } from '../bench/fixtures.ts';
import { growthTable, parseSizes, type GrowthCell, type GrowthRow } from '../bench/growth.ts';
import { describeStatuses, runLoad, type LoadResult } from '../bench/load.ts';
import { measurePageWeight, type PageWeight } from '../bench/page-weight.ts';
import { freePort, residentMemory, startNode, type NodeProcess } from '../bench/processes.ts';
import { ROOT, serveCommand } from './built-server.ts';
import pg from 'pg';
import { openDatabase, type SqliteDb } from '../db/connection.ts';
import { copySqliteToPostgres } from '../db/copy.ts';
import { PREPARATION_DONE } from '../platform/memory.ts';

const OPEN_WAVE = 'tryghed-2026';
const ANALYSED_WAVE = 'tryghed-2025';
/** The targets of issues #13 and #21, as the tables mark them. */
const TARGETS = {
  /** Both writes at 10 connections: this share of the minimal server's rate, and this p99. */
  writeShareOfMinimal: 0.33,
  submissionP99Ms: 50,
  /** Every public page at 10 connections. */
  pageP50Ms: 20,
  dashboardP50Ms: 200,
  /** The dashboard front's first view after a start (its figures prepared in the background, not on the request path). */
  firstViewMs: 2_000,
  surveyPageBytes: 30 * 1024,
  reportFormBytes: 150 * 1024,
  /** The server's peak RSS over the whole run. */
  memoryPeakBytes: 300 * 1024 * 1024,
};

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    responses: { type: 'string' },
    reports: { type: 'string' },
    duration: { type: 'string' },
    samples: { type: 'string' },
    keep: { type: 'boolean', default: false },
    postgres: { type: 'string' },
    sizes: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const quick = values.quick;
const whole = (v: string | undefined, fallback: number) => {
  const n = v === undefined ? fallback : Number(v.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`Not a whole number: ${v}\n`);
    process.exit(2);
  }
  return n;
};
const RESPONSES = whole(values.responses, quick ? 2_000 : 100_000);
const REPORTS = whole(values.reports, quick ? 2_000 : 100_000);
/** Seconds per measured write or page run. */
const DURATION = whole(values.duration, quick ? 3 : 10);
const WARMUP = quick ? 1 : 2;
/** Steady arrival rates (posts per second) for the latency rows: 10/s is about 20 times the busiest hour we expect (see the README), 50/s about 100 times. */
const STEADY_RATES = [10, 50] as const;
/** Sequential requests per dashboard page. */
const SAMPLES = whole(values.samples, quick ? 3 : 10);
/** Growth mode: the sizes (responses and reports each) to measure in turn. */
const SIZES = (() => {
  if (values.sizes === undefined) return undefined;
  if (values.responses !== undefined || values.reports !== undefined) {
    process.stderr.write('--sizes sets the numbers of responses and reports: leave out --responses and --reports.\n');
    process.exit(2);
  }
  try {
    return parseSizes(values.sizes);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
})();
/** A PostgreSQL server for the PostgreSQL column, if any. */
const POSTGRES = values.postgres ?? process.env['TEST_POSTGRES_URL'];

if (!existsSync(join(ROOT, 'dist/server/entry.mjs'))) {
  process.stderr.write('No build in dist/: run `npm run build` first.\n');
  process.exit(1);
}

const say = (line: string) => process.stderr.write(`${line}\n`);
const dir = mkdtempSync(join(tmpdir(), 'tryghed-bench-'));
const dbPath = join(dir, 'bench.sqlite');
const minimalDbPath = join(dir, 'minimal.sqlite');
const children: NodeProcess[] = [];
let addresses = 0;

process.on('SIGINT', () => {
  for (const c of children) c.child.kill('SIGKILL');
  process.exit(130);
});

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------

const int = (n: number) => Math.round(n).toLocaleString('en');
const rate = (n: number) => (n < 10 ? n.toFixed(1) : int(n));
const ms = (n: number) => (n < 10 ? n.toFixed(1) : int(n));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const verdict = (ok: boolean) => (ok ? '**PASS**' : '**MISS**');
const percentile = (xs: readonly number[], p: number) => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

// ---------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------

async function seedLarge(path = dbPath, responses = RESPONSES, reports = REPORTS): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['src/server/cli/seed-large.ts', '--database', path, '--responses', String(responses), '--reports', String(reports)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => process.stderr.write(d));
  child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`seed-large failed (${code})`);
  return (performance.now() - started) / 1000;
}

function surveyId(db: SqliteDb, slug: string): number {
  const row = db.$client.prepare('select id from surveys where slug = ?').get(slug) as { id: number } | undefined;
  if (!row) throw new Error(`No survey ${slug}`);
  return row.id;
}

function countRows(db: SqliteDb, sql: string, ...params: unknown[]): number {
  return (db.$client.prepare(sql).get(...params) as { n: number }).n;
}

interface WriteRun {
  result: LoadResult;
  /** Rows the database gained during the run. */
  stored: number;
  /** Acknowledged posts (303). */
  acknowledged: number;
}

const BASE_HEADERS = (origin: string) => ({ origin, 'content-type': 'application/x-www-form-urlencoded' });

/**
 * The database behind a measured server, as the benchmark needs it: count
 * rows, and hand out drafts prepared for survey submissions (answered
 * through every page but the last).
 */
interface Target {
  count(sql: string, ...params: unknown[]): Promise<number>;
  drafts(n: number): string[];
}

function sqliteTarget(db: SqliteDb, openId: number, answers: string): Target {
  return {
    count: async (sql, ...params) => countRows(db, sql, ...params),
    drafts: (n) => cloneDrafts(db, openId, answers, n),
  };
}

/**
 * PostgreSQL: the drafts were made in the SQLite file before it was copied
 * (the fixtures write SQLite), and are handed out from that pool.
 */
function postgresTarget(client: pg.Client, pool: string[]): Target {
  return {
    count: async (sql, ...params) => {
      let i = 0;
      const { rows } = await client.query<{ n: string }>(sql.replace(/\?/g, () => `$${++i}`), params);
      return Number(rows[0]!.n);
    },
    drafts: (n) => {
      if (pool.length < n) throw new Error(`Only ${pool.length} prepared drafts left for PostgreSQL, ${n} needed: raise PG_DRAFTS.`);
      return pool.splice(0, n);
    },
  };
}

/**
 * Survey submissions on the platform: each request is the "Send" of the
 * last page of its own prepared draft. A warm-up at the same concurrency
 * gives the rate, so the measured run has about DURATION seconds' worth of
 * drafts (autocannon's `amount`) and never reuses one.
 */
async function platformSubmissions(server: NodeProcess, target: Target, openId: number, connections: number, steadyRate?: number): Promise<WriteRun> {
  const path = `/undersoegelser/${OPEN_WAVE}/side/${LAST_PAGE}`;
  const run = async (amount: number, overallRate?: number) => {
    const cookies = target.drafts(amount + connections * 2 + 10);
    let next = 0;
    const before = await target.count('select count(*) n from responses where survey_id = ?', openId);
    const result = await runLoad({
      url: server.url,
      connections,
      amount,
      ...(overallRate !== undefined ? { overallRate } : {}),
      headers: BASE_HEADERS(server.url),
      requests: [
        {
          method: 'POST',
          path,
          setupRequest: (req) => {
            const n = next++;
            return { ...req, headers: { ...req.headers, cookie: cookies[n % cookies.length]!, 'x-forwarded-for': residentAddress(addresses++) }, body: lastPageBody(n) };
          },
        },
      ],
    });
    const stored = (await target.count('select count(*) n from responses where survey_id = ?', openId)) - before;
    return { result, stored, acknowledged: result.statuses['303'] ?? 0 };
  };
  if (steadyRate !== undefined) return run(steadyRate * DURATION, steadyRate);
  const warm = await run(Math.max(200, connections * 5));
  const amount = Math.max(connections * 10, Math.round(warm.result.rps * DURATION));
  return run(amount);
}

/**
 * Map reports on the platform: POST /meld, each from its own address with
 * its own submission token. Like submissions, a fixed number of requests
 * (from the warm-up's rate), so every stored row is an answered request.
 */
async function platformReports(server: NodeProcess, target: Target, forms: [string, string][][], connections: number, steadyRate?: number): Promise<WriteRun> {
  const run = async (amount: number, overallRate?: number) => {
    let next = 0;
    const before = await target.count('select count(*) n from reports');
    const result = await runLoad({
      url: server.url,
      connections,
      amount,
      ...(overallRate !== undefined ? { overallRate } : {}),
      headers: BASE_HEADERS(server.url),
      requests: [
        {
          method: 'POST',
          path: '/meld',
          setupRequest: (req) => {
            const n = next++;
            const body = new URLSearchParams([...forms[n % forms.length]!, ['submission', `bench${String(addresses).padStart(16, '0')}`]]).toString();
            return { ...req, headers: { ...req.headers, 'x-forwarded-for': residentAddress(addresses++) }, body };
          },
        },
      ],
    });
    const stored = (await target.count('select count(*) n from reports')) - before;
    return { result, stored, acknowledged: result.statuses['303'] ?? 0 };
  };
  if (steadyRate !== undefined) return run(steadyRate * DURATION, steadyRate);
  const warm = await run(Math.max(200, connections * 5));
  return run(Math.max(connections * 10, Math.round(warm.result.rps * DURATION)));
}

/** The same posts to the minimal server (duration-based: it needs no drafts). */
async function minimalWrites(server: NodeProcess, path: '/survey' | '/meld', forms: [string, string][][], connections: number): Promise<LoadResult> {
  const run = (seconds: number) => {
    let next = 0;
    return runLoad({
      url: server.url,
      connections,
      duration: seconds,
      headers: BASE_HEADERS(server.url),
      requests: [
        {
          method: 'POST',
          path,
          setupRequest: (req) => {
            const n = next++;
            const body = path === '/survey' ? lastPageBody(n) : new URLSearchParams([...forms[n % forms.length]!, ['submission', `bench${n}`]]).toString();
            return { ...req, headers: { ...req.headers, 'x-forwarded-for': residentAddress(addresses++) }, body };
          },
        },
      ],
    });
  };
  await run(WARMUP);
  return run(DURATION);
}

interface PageRun {
  label: string;
  weight: PageWeight;
  load: LoadResult;
}

/**
 * A page's weight, then its rate at 10 connections: ten requests to warm up
 * and to learn its pace, then about DURATION seconds' worth of requests (at
 * least 20), counted to the last answer, so a slow page is measured too.
 */
async function publicPage(server: NodeProcess, label: string, path: string, cookie?: string): Promise<PageRun> {
  const headers = { 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}) };
  const weight = await measurePageWeight(server.url, path, cookie ? { cookie } : {});
  const options = { url: server.url + path, connections: 10, headers, timeout: 120 };
  let pace = (await runLoad({ ...options, amount: 10 })).rps;
  if (pace > 20) pace = (await runLoad({ ...options, duration: WARMUP })).rps;
  const load = await runLoad({ ...options, amount: Math.max(20, Math.round(pace * DURATION)) });
  return { label, weight, load };
}

/**
 * The site's floor: GET /healthz at 10 connections, an endpoint of the built
 * site that runs the middleware (headers, session and client checks) and one
 * small query and answers JSON. No post through the site can be faster, so
 * it is the ceiling of the write rows' "÷ minimal" column.
 */
async function siteFloor(server: NodeProcess): Promise<LoadResult> {
  say('The site\'s floor (GET /healthz) …');
  const options = { url: `${server.url}/healthz`, connections: 10, timeout: 120 };
  const pace = (await runLoad({ ...options, duration: WARMUP })).rps;
  return runLoad({ ...options, amount: Math.max(100, Math.round(pace * DURATION)) });
}

interface DashboardRun {
  label: string;
  path: string;
  status: number;
  /** Server time from the request log (ms), one per sample. */
  server: number[];
  /** Time to the last byte at the client (ms). */
  client: number[];
  /** The first view of the page since the server started (its warm-up), at the client (ms). */
  first: number;
}

/** Sequential GETs (one connection), timed by the server's own request log. */
async function dashboardPage(server: NodeProcess, cookie: string, label: string, path: string): Promise<DashboardRun> {
  const get = async () => {
    const started = performance.now();
    const res = await fetch(server.url + path, { headers: { cookie }, redirect: 'manual' });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  };
  const first = await get(); // also the warm-up
  if (first.status !== 200) return { label, path, status: first.status, server: [], client: [], first: first.ms };
  const logStart = statSync(server.logPath).size;
  const client: number[] = [];
  const budget = performance.now() + (quick ? 30_000 : 120_000);
  for (let i = 0; i < SAMPLES && performance.now() < budget; i++) client.push((await get()).ms);
  const pathname = new URL(path, server.url).pathname;
  const logged = () =>
    readFileSync(server.logPath, 'utf8')
      .slice(logStart)
      .split('\n')
      .flatMap((line) => {
        try {
          const entry = JSON.parse(line) as { msg?: string; path?: string; ms?: number; method?: string };
          return entry.msg === 'request' && entry.method === 'GET' && entry.path === pathname && typeof entry.ms === 'number' ? [entry.ms] : [];
        } catch {
          return [];
        }
      });
  // The logger writes asynchronously: give the last lines a moment to reach the file.
  let serverMs = logged();
  for (let i = 0; i < 30 && serverMs.length < client.length; i++) {
    await new Promise((r) => setTimeout(r, 100));
    serverMs = logged();
  }
  return { label, path, status: first.status, server: serverMs.length > 0 ? serverMs : client, client, first: first.ms };
}

type WriteKind = 'submission' | 'report';

/**
 * Survey submissions and map reports at 10 and 100 connections, as fast as
 * the server takes them (`after` runs the minimal server's turn after each),
 * then at the steady rates.
 */
/**
 * Runs `measure`; with --cpu-prof, says on stderr when it ran, in the CPU
 * profile's clock (microseconds of the system's monotonic clock, which V8's
 * profile uses too), so that a profile's samples of one load can be picked out.
 */
async function profiled<T>(label: string, measure: () => Promise<T>): Promise<T> {
  const now = () => process.hrtime.bigint() / 1000n;
  const start = now();
  const result = await measure();
  if (values['cpu-prof']) say(`cpu-prof window ${start} ${now()} ${label}`);
  return result;
}

async function measureWrites(
  server: NodeProcess,
  target: Target,
  openId: number,
  forms: [string, string][][],
  after: (what: WriteKind, connections: number) => Promise<void> = async () => {},
): Promise<{ writes: { what: WriteKind; connections: number; platform: WriteRun }[]; steady: { what: WriteKind; rate: number; run: WriteRun }[] }> {
  const writes: { what: WriteKind; connections: number; platform: WriteRun }[] = [];
  for (const connections of [10, 100]) {
    say(`Survey submissions, ${connections} connections …`);
    writes.push({ what: 'submission', connections, platform: await profiled(`survey submissions, ${connections} connections`, () => platformSubmissions(server, target, openId, connections)) });
    await after('submission', connections);
  }
  for (const connections of [10, 100]) {
    say(`Map reports, ${connections} connections …`);
    writes.push({ what: 'report', connections, platform: await profiled(`map reports, ${connections} connections`, () => platformReports(server, target, forms, connections)) });
    await after('report', connections);
  }
  // The same writes arriving at a steady rate, as residents do, rather than
  // as fast as the server can take them: the latency a resident sees.
  const steady: { what: WriteKind; rate: number; run: WriteRun }[] = [];
  for (const rate of STEADY_RATES) {
    say(`Survey submissions and map reports at a steady ${rate}/s …`);
    steady.push({ what: 'submission', rate, run: await platformSubmissions(server, target, openId, 10, rate) });
    steady.push({ what: 'report', rate, run: await platformReports(server, target, forms, 10, rate) });
  }
  return { writes, steady };
}

async function measureDashboards(server: NodeProcess, cookie: string, analysedId: number): Promise<DashboardRun[]> {
  return [
    await dashboardPage(server, cookie, 'Dashboard front `/staff/dashboard`', '/staff/dashboard'),
    await dashboardPage(server, cookie, `Wave analysis \`/staff/dashboard/waves/<${ANALYSED_WAVE}>?area=indre-norrebro\``, `/staff/dashboard/waves/${analysedId}?area=indre-norrebro`),
  ];
}

/** Drafts prepared for the PostgreSQL run's survey submissions (more than it can use). */
const PG_DRAFTS = quick ? 4_000 : 20_000;

interface PostgresRun {
  copySeconds: number;
  writes: { what: WriteKind; connections: number; platform: WriteRun; minimal: LoadResult }[];
  steady: { what: WriteKind; rate: number; run: WriteRun }[];
  floor: LoadResult;
  dashboards: DashboardRun[];
  memory: { idle: { rss: number; peak: number } | undefined; afterWrites: { rss: number; peak: number } | undefined; end: { rss: number; peak: number } | undefined };
  serverErrors: number;
  /** Seconds from answering to the end of the start-up preparation. */
  preparation: number;
}

/** Copies the dataset into a new database on the server at `serverUrl`, serves it, measures, drops it. */
async function measurePostgres(
  serverUrl: string,
  openId: number,
  analysedId: number,
  forms: [string, string][][],
  pool: string[],
  cookie: string,
  templatePath: string,
): Promise<PostgresRun> {
  return onPostgresCopy(serverUrl, dbPath, async (databaseUrl, copySeconds) => {
    say('Starting the built site on PostgreSQL …');
    const server = await startPlatform(databaseUrl, 'platform-pg.log');
    say('Starting the minimal PostgreSQL server (src/server/bench/minimal-server-pg.ts) …');
    const minimalPort = await freePort();
    const minimalServer = await startNode({
      script: 'src/server/bench/minimal-server-pg.ts',
      args: ['--database', databaseUrl, '--port', String(minimalPort), '--survey-id', String(openId), '--template', templatePath],
      env: {},
      port: minimalPort,
      logPath: join(dir, 'minimal-pg.log'),
      healthPath: '/healthz',
    });
    children.push(minimalServer);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await new Promise((r) => setTimeout(r, 1_000));
      const idle = residentMemory(server.pid);
      // Warm the caches the SQLite run had warmed by its public pages.
      for (const path of ['/', '/kort', `/undersoegelser/${OPEN_WAVE}`, '/meld']) await (await fetch(server.url + path)).arrayBuffer();
      // The platform and the minimal server one after the other at each concurrency, as on SQLite.
      const minimal = { submission: [] as LoadResult[], report: [] as LoadResult[] };
      const measured = await measureWrites(server, postgresTarget(client, pool), openId, forms, async (what, connections) => {
        minimal[what].push(await minimalWrites(minimalServer, what === 'submission' ? '/survey' : '/meld', forms, connections));
      });
      await minimalServer.stop();
      const writes = measured.writes.map((w) => ({ ...w, minimal: minimal[w.what][w.connections === 10 ? 0 : 1]! }));
      const steady = measured.steady;
      const floor = await siteFloor(server);
      const afterWrites = residentMemory(server.pid);
      say('Dashboard pages on PostgreSQL …');
      const dashboards = await measureDashboards(server, cookie, analysedId);
      const end = residentMemory(server.pid);
      const serverErrors = (readFileSync(server.logPath, 'utf8').match(/"level":(50|60)/g) ?? []).length;
      await server.stop();
      return { copySeconds, writes, steady, floor, dashboards, memory: { idle, afterWrites, end }, serverErrors, preparation: preparationSeconds.get(server) ?? NaN };
    } finally {
      await client.end();
    }
  });
}

/**
 * A new database on the PostgreSQL server at `serverUrl` with a db:copy of
 * the SQLite file: `fn` gets its URL and the copy's time; the database is
 * dropped at the end.
 */
async function onPostgresCopy<T>(serverUrl: string, sqliteFile: string, fn: (databaseUrl: string, copySeconds: number) => Promise<T>): Promise<T> {
  const name = `tryghed_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  try {
    say('Copying the dataset to PostgreSQL (db:copy) …');
    const started = performance.now();
    await copySqliteToPostgres(sqliteFile, databaseUrl);
    return await fn(databaseUrl, (performance.now() - started) / 1000);
  } finally {
    await dropDatabase(admin, name);
    await admin.end();
  }
}

/**
 * Drops the benchmark's database. `with (force)` ends the connections to it,
 * but not an autovacuum worker's unless the role may signal the server's own
 * processes (pg_signal_backend), which it refuses with 42501: the worker is
 * waited for, and a database that still cannot be dropped is named rather
 * than losing the run's report.
 */
async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '42501' || attempt === 20) {
        say(`Could not drop the benchmark's PostgreSQL database ${name}: ${(error as Error).message}. Drop it by hand.`);
        return;
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/** How long each started site took, after it answered, to finish its start-up preparation (in the background); Infinity when it did not within PREPARATION_WAIT_S. */
const preparationSeconds = new Map<NodeProcess, number>();
/** How long the benchmark waits for a started site's start-up preparation before measuring anyway (and saying so in the report). */
const PREPARATION_WAIT_S = 600;
/** A preparation's time for the report: seconds, or that it had not finished when the measuring began. */
const preparationText = (seconds: number) => (Number.isFinite(seconds) ? `${seconds.toFixed(0)} s` : `not finished after ${PREPARATION_WAIT_S} s`);

/** The built site as `npm start` starts it (dist/node/cli/start.mjs), on the given database. */
async function startPlatform(databaseUrl: string, logName: string): Promise<NodeProcess> {
  const port = await freePort();
  const server = await startNode({
    script: serveCommand().script,
    // --cpu-prof DIR: the site's CPU profile of the whole run, written there when it stops (open it in Chromium's DevTools).
    nodeFlags: [...serveCommand().nodeFlags, ...(values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values['cpu-prof'])}`] : [])],
    env: { ...serveCommand().env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl, NODE_ENV: 'production', DEMO_DATA: 'on', TRUST_PROXY: 'true', LOG_LEVEL: 'info' },
    port,
    logPath: join(dir, logName),
    healthPath: '/healthz',
  });
  children.push(server);
  // Measure a server that has finished starting: it prepares the public map
  // and the dashboard's figures in the background after it listens, and then
  // gives back the memory that took (src/server/platform/memory.ts).
  const listening = performance.now();
  const deadline = Date.now() + PREPARATION_WAIT_S * 1000;
  let done = false;
  while (!(done = readFileSync(server.logPath, 'utf8').includes(PREPARATION_DONE)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  preparationSeconds.set(server, done ? (performance.now() - listening) / 1000 : Number.POSITIVE_INFINITY);
  if (!done) say(`⚠ The start-up preparation of ${logName} did not finish within ${PREPARATION_WAIT_S} s: measuring while it runs.`);
  return server;
}

/** The public pages, each measured by publicPage (the question page needs a prepared draft's cookie). */
async function measurePublicPages(server: NodeProcess, questionCookie: string | undefined): Promise<PageRun[]> {
  const pages: PageRun[] = [];
  for (const [label, path, cookie] of [
    ['Front page `/`', '/', undefined],
    ['Initiatives `/indsatser`', '/indsatser', undefined],
    [`Survey start \`/undersoegelser/${OPEN_WAVE}\``, `/undersoegelser/${OPEN_WAVE}`, undefined],
    [`Survey question page \`…/side/3\` (matrix)`, `/undersoegelser/${OPEN_WAVE}/side/3`, questionCookie],
    ['Public map `/kort`', '/kort', undefined],
    ['Report form `/meld` (with the Leaflet island)', '/meld', undefined],
  ] as const) {
    say(`Page ${path} …`);
    pages.push(await publicPage(server, label, path, cookie));
  }
  return pages;
}

function machine(): string {
  const cpu = cpus();
  return (
    `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, ${platform()} ${release()}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at start, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`
  );
}

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const machineLine = machine();
  say(`Benchmark in ${dir}${quick ? ' (quick)' : ''}`);
  say(`Seeding ${int(RESPONSES)} synthetic responses and ${int(REPORTS)} synthetic reports …`);
  const seedSeconds = await seedLarge();
  copyFileSync(dbPath, minimalDbPath);

  const db = openDatabase(dbPath);
  const openId = surveyId(db, OPEN_WAVE);
  const analysedId = surveyId(db, ANALYSED_WAVE);

  say('Starting the built site (dist/node/cli/start.mjs) …');
  const platformServer = await startPlatform(dbPath, 'platform.log');
  const preparation = preparationSeconds.get(platformServer) ?? NaN;
  await new Promise((r) => setTimeout(r, 1_000));
  const idle = residentMemory(platformServer.pid);

  const template = await answerFirstPages(db, platformServer.url, OPEN_WAVE, openId);
  const templatePath = join(dir, 'template-answers.json');
  writeFileSync(templatePath, template.answers);
  const forms = await reportForms(db, 500);

  say('Starting the minimal server (src/server/bench/minimal-server.ts) …');
  const minimalPort = await freePort();
  const minimalServer = await startNode({
    script: 'src/server/bench/minimal-server.ts',
    args: ['--database', minimalDbPath, '--port', String(minimalPort), '--survey-id', String(openId), '--template', templatePath],
    env: {},
    port: minimalPort,
    logPath: join(dir, 'minimal.log'),
    healthPath: '/healthz',
  });
  children.push(minimalServer);

  // Public pages first, while the server is fresh.
  const [questionCookie] = cloneDrafts(db, openId, template.answers, 1);
  const pages = await measurePublicPages(platformServer, questionCookie);

  // Writes: platform and minimal server one after the other at each concurrency.
  const sqlite = sqliteTarget(db, openId, template.answers);
  const minimal = { submission: [] as LoadResult[], report: [] as LoadResult[] };
  const onSqlite = await measureWrites(platformServer, sqlite, openId, forms, async (what, connections) => {
    minimal[what].push(await minimalWrites(minimalServer, what === 'submission' ? '/survey' : '/meld', forms, connections));
  });
  const writes = onSqlite.writes.map((w) => ({ ...w, minimal: minimal[w.what][w.connections === 10 ? 0 : 1]! }));
  const steady = onSqlite.steady;
  const floor = await siteFloor(platformServer);
  const afterWrites = residentMemory(platformServer.pid);

  say('Dashboard pages …');
  const cookie = await analystSessionCookie(db);
  const dashboards = await measureDashboards(platformServer, cookie, analysedId);
  const end = residentMemory(platformServer.pid);
  const serverErrors = (readFileSync(platformServer.logPath, 'utf8').match(/"level":(50|60)/g) ?? []).length;

  await minimalServer.stop();
  await platformServer.stop();

  // PostgreSQL: the same data, copied; the same writes and dashboard pages.
  let postgres: PostgresRun | undefined;
  if (POSTGRES) {
    say(`Preparing ${int(PG_DRAFTS)} drafts and a session for the PostgreSQL run …`);
    const pool = cloneDrafts(db, openId, template.answers, PG_DRAFTS);
    const pgCookie = await analystSessionCookie(db);
    db.$client.close();
    postgres = await measurePostgres(POSTGRES, openId, analysedId, forms, pool, pgCookie, templatePath);
  } else {
    db.$client.close();
  }

  // -------------------------------------------------------------------------
  // Report
  // -------------------------------------------------------------------------
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  line(`### Benchmark (${quick ? 'quick smoke run' : 'full run'})`);
  line();
  line(`Machine: ${machineLine}.  `);
  line(
    `Data: ${int(RESPONSES)} synthetic responses (2 closed demo waves) and ${int(REPORTS)} synthetic reports (3 years) from \`seed:large\`, ` +
      `all marked demo, seeded in ${seedSeconds.toFixed(0)} s. Server: \`dist/node/cli/start.mjs\` on the \`dist/\` build, NODE_ENV=production, ` +
      `TRUST_PROXY=true, LOG_LEVEL=info, on 127.0.0.1; autocannon in the benchmark process on the same machine; ${DURATION} s per measured run after a warm-up.`,
  );
  line();
  line('**Writes** (one survey submission = the "Send" POST of the last page of a draft answered through pages 1–5 beforehand, which stores the response and its ~25 answers; one report = a POST /meld from its own address with its own submission token; the minimal server = `node:http` + the same inserts with prepared better-sqlite3 statements, nothing else; on PostgreSQL the same with node-postgres prepared statements on a pool of 10, src/server/bench/minimal-server-pg.ts)');
  line();
  const rowsStored = (run: WriteRun | undefined) =>
    run === undefined ? '–' : run.stored === run.acknowledged ? `${int(run.stored)} ✓` : `${int(run.stored)} ≠ ${int(run.acknowledged)} ✗`;
  const pgNote = postgres ? ` PostgreSQL: the same data copied with db:copy in ${postgres.copySeconds.toFixed(0)} s into a new database on ${new URL(POSTGRES!).host} (PostgreSQL on the same machine), the same server build with DATABASE_URL pointing at it.` : ' PostgreSQL: not measured (no --postgres URL).';
  line(pgNote.trim());
  line();
  line('| write | conn. | SQLite req/s | p50 ms | p99 ms | minimal req/s | p50 ms | p99 ms | SQLite ÷ minimal | PostgreSQL req/s | p50 ms | p99 ms | minimal on PostgreSQL req/s | PostgreSQL ÷ its minimal | statuses SQLite / minimal / PostgreSQL / its minimal | rows stored = 303s (SQLite / PostgreSQL) | target (SQLite) |');
  line('| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- | --- | --- |');
  for (const [i, w] of writes.entries()) {
    const p = w.platform.result;
    const onPg = postgres?.writes[i];
    const q = onPg?.platform.result;
    const ratio = w.minimal.rps > 0 ? p.rps / w.minimal.rps : NaN;
    const floorShare = w.minimal.rps > 0 ? floor.rps / w.minimal.rps : NaN;
    const target =
      w.connections === 10
        ? `≥ ${TARGETS.writeShareOfMinimal * 100} % and p99 < ${TARGETS.submissionP99Ms} ms: ${verdict(ratio >= TARGETS.writeShareOfMinimal && p.p99 < TARGETS.submissionP99Ms && p.failures === 0)} (the site's floor: ${(floorShare * 100).toFixed(0)} %)`
        : '–';
    const pgMinimal = onPg?.minimal;
    const pgRatio = q && pgMinimal && pgMinimal.rps > 0 ? `${((q.rps / pgMinimal.rps) * 100).toFixed(0)} %` : '–';
    line(
      `| ${w.what === 'submission' ? 'survey submission' : 'map report'} | ${w.connections} | ${rate(p.rps)} | ${ms(p.p50)} | ${ms(p.p99)} | ${rate(w.minimal.rps)} | ${ms(w.minimal.p50)} | ${ms(w.minimal.p99)} | ${(ratio * 100).toFixed(0)} % | ${q ? rate(q.rps) : '–'} | ${q ? ms(q.p50) : '–'} | ${q ? ms(q.p99) : '–'} | ${pgMinimal ? rate(pgMinimal.rps) : '–'} | ${pgRatio} | ${describeStatuses(p)} / ${describeStatuses(w.minimal)} / ${q ? describeStatuses(q) : '–'} / ${pgMinimal ? describeStatuses(pgMinimal) : '–'} | ${rowsStored(w.platform)} / ${rowsStored(onPg?.platform)} | ${target} |`,
    );
  }
  line();
  line("**The site's floor** (GET /healthz at 10 connections: the built site's middleware and one small query, answered as JSON, nothing stored or rendered. No post through the site can be faster, so its share of the minimal server's rate bounds the writes' \"÷ minimal\" column)");
  line();
  line('| database | req/s | p50 ms | p99 ms | statuses | ÷ minimal survey submissions (10 conn.) | ÷ minimal map reports (10 conn.) |');
  line('| --- | --: | --: | --: | --- | --: | --: |');
  const floorRow = (label: string, f: LoadResult, minimalOf: (what: WriteKind) => LoadResult | undefined) => {
    const share = (what: WriteKind) => {
      const m = minimalOf(what);
      return m && m.rps > 0 ? `${((f.rps / m.rps) * 100).toFixed(0)} %` : '–';
    };
    line(`| ${label} | ${rate(f.rps)} | ${ms(f.p50)} | ${ms(f.p99)} | ${describeStatuses(f)} | ${share('submission')} | ${share('report')} |`);
  };
  const atTen = (list: { what: WriteKind; connections: number; minimal: LoadResult }[], what: WriteKind) => list.find((w) => w.what === what && w.connections === 10)?.minimal;
  floorRow('SQLite', floor, (what) => atTen(writes, what));
  if (postgres) floorRow('PostgreSQL', postgres.floor, (what) => atTen(postgres!.writes, what));
  line();
  line(`**Writes at a steady rate** (the same posts started at evenly spaced moments, the given number per second for ${DURATION} s, each timed from its start to its answer: the latency a resident sees when the server is not saturated)`);
  line();
  line('| write | rate /s | SQLite p50 ms | p99 ms | PostgreSQL p50 ms | p99 ms | statuses SQLite / PostgreSQL | rows stored = 303s (SQLite / PostgreSQL) | target (SQLite) |');
  line('| --- | --: | --: | --: | --: | --: | --- | --- | --- |');
  for (const [i, s] of steady.entries()) {
    const p = s.run.result;
    const onPg = postgres?.steady[i];
    const q = onPg?.run.result;
    const target = `p99 < ${TARGETS.submissionP99Ms} ms: ${verdict(p.p99 < TARGETS.submissionP99Ms && p.failures === 0)}`;
    line(
      `| ${s.what === 'submission' ? 'survey submission' : 'map report'} | ${s.rate} | ${ms(p.p50)} | ${ms(p.p99)} | ${q ? ms(q.p50) : '–'} | ${q ? ms(q.p99) : '–'} | ${describeStatuses(p)} / ${q ? describeStatuses(q) : '–'} | ${rowsStored(s.run)} / ${rowsStored(onPg?.run)} | ${target} |`,
    );
  }
  line();
  line('**Public pages** (10 connections, `Accept-Encoding: gzip`; weight = the HTML plus every asset it loads, as transferred)');
  line();
  line('| page | req/s | p50 ms | p99 ms | statuses | HTML | total with assets (files) | external JS | works without JS | target |');
  line('| --- | --: | --: | --: | --- | --: | --: | --: | --- | --- |');
  for (const p of pages) {
    const w = p.weight;
    let target = `p50 < ${TARGETS.pageP50Ms} ms: ${verdict(p.load.p50 < TARGETS.pageP50Ms && p.load.failures === 0)}`;
    if (w.path.startsWith('/undersoegelser/')) target += `; < 30 KB, no JS needed: ${verdict(w.totalBytes < TARGETS.surveyPageBytes && w.worksWithoutJs && w.status === 200)}`;
    if (w.path === '/meld') target += `; < 150 KB: ${verdict(w.totalBytes < TARGETS.reportFormBytes && w.status === 200)}`;
    line(
      `| ${p.label} | ${rate(p.load.rps)} | ${ms(p.load.p50)} | ${ms(p.load.p99)} | ${describeStatuses(p.load)} | ${kb(w.documentBytes)} | ${kb(w.totalBytes)} (${w.assets.length + 1}) | ${kb(w.jsBytes)}${w.inlineJsBytes > 0 ? ` + ${kb(w.inlineJsBytes)} inline` : ''} | ${w.worksWithoutJs ? 'yes (form post)' : w.islands > 0 ? `no form; ${w.islands} island` : 'yes (no form)'} | ${target} |`,
    );
  }
  line();
  line(
    `**Dashboard** (signed in as the demo analyst; ${SAMPLES} sequential requests after one warm-up; server time from the request log. ` +
      `First view: the warm-up, the page's first view since the server started, at the client, after the start-up preparation ` +
      `(${preparationText(preparation)} on SQLite${postgres ? `, ${preparationText(postgres.preparation)} on PostgreSQL` : ''}, in the background while the server answers) and the loads above)`,
  );
  line();
  line('| page | SQLite server p50 ms | p99 ms | first view ms | PostgreSQL server p50 ms | p99 ms | first view ms | samples | target (both) |');
  line('| --- | --: | --: | --: | --: | --: | --: | --: | --- |');
  for (const [i, d] of dashboards.entries()) {
    const front = d.path === '/staff/dashboard';
    const onPg = postgres?.dashboards[i];
    const cell = (run: DashboardRun | undefined, p: number) => (run === undefined ? '–' : run.status !== 200 ? `n/a (${run.status})` : ms(percentile(run.server, p)));
    const firstCell = (run: DashboardRun | undefined) => (run === undefined ? '–' : run.status !== 200 ? `n/a (${run.status})` : ms(run.first));
    const fast = (run: DashboardRun | undefined) =>
      run === undefined || (run.status === 200 && percentile(run.server, 50) < TARGETS.dashboardP50Ms && run.first < TARGETS.firstViewMs);
    line(
      `| ${d.label} | ${cell(d, 50)} | ${cell(d, 99)} | ${firstCell(d)} | ${cell(onPg, 50)} | ${cell(onPg, 99)} | ${firstCell(onPg)} | ${d.server.length}${onPg ? ` / ${onPg.server.length}` : ''} | ${front ? `< ${TARGETS.dashboardP50Ms} ms p50, first view < ${TARGETS.firstViewMs / 1000} s: ${verdict(fast(d) && fast(onPg))}` : '–'} |`,
    );
  }
  line();
  line('**Memory** (RSS of the server process, /proc/<pid>/status)');
  line();
  line('| database | idle after start | after the write load | at the end of the load | peak (VmHWM) | target |');
  line('| --- | --: | --: | --: | --: | --- |');
  const memoryRow = (label: string, m: PostgresRun['memory']) =>
    line(
      `| ${label} | ${m.idle ? mb(m.idle.rss) : 'n/a'} | ${m.afterWrites ? mb(m.afterWrites.rss) : 'n/a'} | ${m.end ? mb(m.end.rss) : 'n/a'} | ${m.end ? mb(m.end.peak) : 'n/a'} | peak < ${mb(TARGETS.memoryPeakBytes)}: ${verdict((m.end?.peak ?? NaN) < TARGETS.memoryPeakBytes)} |`,
    );
  memoryRow('SQLite', { idle, afterWrites, end });
  if (postgres) memoryRow('PostgreSQL', postgres.memory);
  line();
  for (const [label, seconds] of [['SQLite', preparation], ...(postgres ? [['PostgreSQL', postgres.preparation] as const] : [])] as const) {
    if (!Number.isFinite(seconds)) line(`⚠ On ${label} the start-up preparation had not finished after ${PREPARATION_WAIT_S} s: every figure above was measured while it ran, and the first views may have waited for it.`);
  }
  if (postgres && postgres.serverErrors > 0) line(`⚠ The server on PostgreSQL logged ${postgres.serverErrors} errors (level ≥ 50); run with --keep to see its log.`);
  if (serverErrors > 0) line(`⚠ The server logged ${serverErrors} errors (level ≥ 50)${values.keep ? `: see ${platformServer.logPath}` : "; run with --keep to see its log"}.`);
  const failures = writes.flatMap((w) => [w.platform.result, w.minimal]).concat(pages.map((p) => p.load)).filter((r) => r.failures > 0).length;
  if (failures > 0) line(`⚠ ${failures} runs saw statuses other than 2xx/3xx or connection errors (see the statuses columns).`);
  process.stdout.write(`${out.join('\n')}\n`);
}

// ---------------------------------------------------------------------------
// Growth mode
// ---------------------------------------------------------------------------

/** The pages of one server at one size, as growth-table cells by page label. */
async function measureGrowthPages(server: NodeProcess, questionCookie: string | undefined, cookie: string, analysedId: number): Promise<Map<string, GrowthCell | undefined>> {
  const cells = new Map<string, GrowthCell | undefined>();
  for (const p of await measurePublicPages(server, questionCookie)) {
    cells.set(p.label, p.weight.status === 200 ? { p50: p.load.p50, p99: p.load.p99, failed: p.load.failures > 0 } : undefined);
  }
  say('Dashboard pages …');
  for (const d of await measureDashboards(server, cookie, analysedId)) {
    cells.set(d.label, d.status === 200 ? { p50: percentile(d.server, 50), p99: percentile(d.server, 99) } : undefined);
  }
  return cells;
}

async function growthMain(sizes: number[]): Promise<void> {
  const machineLine = machine();
  say(`Benchmark in ${dir}: growth over ${sizes.map(int).join(', ')} responses and reports${quick ? ' (quick)' : ''}`);
  const databases = POSTGRES ? ['SQLite', 'PostgreSQL'] : ['SQLite'];
  /** By database, then by page label: a cell per size. */
  const measured = new Map(databases.map((d) => [d, new Map<string, (GrowthCell | undefined)[]>()]));
  const record = (database: string, at: number, cells: Map<string, GrowthCell | undefined>) => {
    const byPage = measured.get(database)!;
    for (const [label, cell] of cells) {
      if (!byPage.has(label)) byPage.set(label, Array<GrowthCell | undefined>(sizes.length).fill(undefined));
      byPage.get(label)![at] = cell;
    }
  };
  const data: string[] = [];
  let errors = 0;
  for (const [at, size] of sizes.entries()) {
    const path = join(dir, `growth-${size}.sqlite`);
    say(`Seeding ${int(size)} synthetic responses and ${int(size)} synthetic reports …`);
    const seedSeconds = await seedLarge(path, size, size);
    const db = openDatabase(path);
    const openId = surveyId(db, OPEN_WAVE);
    const analysedId = surveyId(db, ANALYSED_WAVE);
    say(`Starting the built site on ${int(size)} …`);
    const server = await startPlatform(path, `platform-${size}.log`);
    await new Promise((r) => setTimeout(r, 1_000));
    const template = await answerFirstPages(db, server.url, OPEN_WAVE, openId);
    const [questionCookie] = cloneDrafts(db, openId, template.answers, 1);
    record('SQLite', at, await measureGrowthPages(server, questionCookie, await analystSessionCookie(db), analysedId));
    errors += (readFileSync(server.logPath, 'utf8').match(/"level":(50|60)/g) ?? []).length;
    await server.stop();
    let copied = '';
    if (POSTGRES) {
      // Fresh draft and session for the copy, as the normal run makes them.
      const [pgQuestionCookie] = cloneDrafts(db, openId, template.answers, 1);
      const pgCookie = await analystSessionCookie(db);
      db.$client.close();
      await onPostgresCopy(POSTGRES, path, async (databaseUrl, copySeconds) => {
        copied = `, copied to PostgreSQL in ${copySeconds.toFixed(0)} s`;
        say(`Starting the built site on PostgreSQL, ${int(size)} …`);
        const pgServer = await startPlatform(databaseUrl, `platform-pg-${size}.log`);
        await new Promise((r) => setTimeout(r, 1_000));
        record('PostgreSQL', at, await measureGrowthPages(pgServer, pgQuestionCookie, pgCookie, analysedId));
        errors += (readFileSync(pgServer.logPath, 'utf8').match(/"level":(50|60)/g) ?? []).length;
        await pgServer.stop();
      });
    } else {
      db.$client.close();
    }
    data.push(`${int(size)} seeded in ${seedSeconds.toFixed(0)} s${copied}`);
    if (!values.keep) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }

  // The rows: each page on SQLite, then on PostgreSQL.
  const rows: GrowthRow[] = [];
  const labels = [...measured.get('SQLite')!.keys()];
  for (const label of labels) for (const database of databases) rows.push({ page: label, database, cells: measured.get(database)!.get(label) ?? [] });

  const out: string[] = [];
  const line = (s = '') => out.push(s);
  line(`### Benchmark: growth with the data (${quick ? 'quick smoke run' : 'full run'})`);
  line();
  line(`Machine: ${machineLine}.  `);
  line(
    `Data: at each size, that many synthetic responses (2 closed demo waves) and as many synthetic reports (3 years) from \`seed:large\`, all marked demo, in a new database ` +
      `(${data.join('; ')}). Server: \`dist/node/cli/start.mjs\` on the \`dist/\` build, NODE_ENV=production, on 127.0.0.1, started afresh at each size` +
      `${POSTGRES ? `; PostgreSQL: a db:copy of the same file into a new database on ${new URL(POSTGRES).host}` : '; PostgreSQL: not measured (no --postgres URL)'}. ` +
      `Writes are not measured in this mode.`,
  );
  line();
  line(
    `**Page time by data size** (public pages: latency at 10 connections, \`Accept-Encoding: gzip\`, ${DURATION} s per page after a warm-up; ` +
      `dashboard pages: server time from the request log, ${SAMPLES} sequential requests as the demo analyst after one warm-up. ` +
      'Growth: the p50 at the largest size ÷ the p50 at the smallest, and the k for which it equals (largest ÷ smallest size)^k: 0 is flat, 1 grows with the data; n/a: the page did not answer 200; ⚠: some requests failed)',
  );
  line();
  for (const l of growthTable(sizes, rows)) line(l);
  line();
  if (errors > 0) line(`⚠ The servers logged ${errors} errors (level ≥ 50); run with --keep to see their logs.`);
  process.stdout.write(`${out.join('\n')}\n`);
}

try {
  await (SIZES ? growthMain(SIZES) : main());
} finally {
  for (const c of children) await c.stop();
  if (values.keep) say(`Kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
