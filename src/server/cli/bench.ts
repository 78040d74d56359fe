/**
 * `npm run bench -- [--quick] [--responses N] [--reports M] [--duration S] [--samples N] [--keep]`:
 * the production build under load, on this machine's loopback, with a
 * large synthetic dataset. Needs `dist/` (run `npm run build` first).
 *
 * 1. A temporary database gets `seed:large` (100,000 synthetic responses and
 *    100,000 synthetic reports by default; `--quick`: 2,000 each, short runs).
 * 2. The built site starts as `npm start` starts it (src/server/cli/start.ts)
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
 * Progress goes to stderr; the report (Markdown, for the README) to stdout.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { residentAddress, analystSessionCookie, answerFirstPages, cloneDrafts, LAST_PAGE, lastPageBody, reportForms } from '../bench/fixtures.ts';
import { describeStatuses, runLoad, type LoadResult } from '../bench/load.ts';
import { measurePageWeight, type PageWeight } from '../bench/page-weight.ts';
import { freePort, residentMemory, ROOT, startNode, type NodeProcess } from '../bench/processes.ts';
import { openDatabase, type Db } from '../db/connection.ts';

const OPEN_WAVE = 'tryghed-2026';
const ANALYSED_WAVE = 'tryghed-2025';
const TARGETS = {
  submissionShareOfMinimal: 0.5,
  submissionP99Ms: 50,
  dashboardP50Ms: 200,
  surveyPageBytes: 30 * 1024,
  reportFormBytes: 150 * 1024,
  memoryBytes: 250 * 1024 * 1024,
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

async function seedLarge(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['src/server/cli/seed-large.ts', '--database', dbPath, '--responses', String(RESPONSES), '--reports', String(REPORTS)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => process.stderr.write(d));
  child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`seed-large failed (${code})`);
  return (performance.now() - started) / 1000;
}

function surveyId(db: Db, slug: string): number {
  const row = db.$client.prepare('select id from surveys where slug = ?').get(slug) as { id: number } | undefined;
  if (!row) throw new Error(`No survey ${slug}`);
  return row.id;
}

function countRows(db: Db, sql: string, ...params: unknown[]): number {
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
 * Survey submissions on the platform: each request is the "Send" of the
 * last page of its own prepared draft. A warm-up at the same concurrency
 * gives the rate, so the measured run has about DURATION seconds' worth of
 * drafts (autocannon's `amount`) and never reuses one.
 */
async function platformSubmissions(server: NodeProcess, db: Db, openId: number, answers: string, connections: number, steadyRate?: number): Promise<WriteRun> {
  const path = `/undersoegelser/${OPEN_WAVE}/side/${LAST_PAGE}`;
  const run = async (amount: number, overallRate?: number) => {
    const cookies = cloneDrafts(db, openId, answers, amount + connections * 2 + 10);
    let next = 0;
    const before = countRows(db, 'select count(*) n from responses where survey_id = ?', openId);
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
    const stored = countRows(db, 'select count(*) n from responses where survey_id = ?', openId) - before;
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
async function platformReports(server: NodeProcess, db: Db, forms: [string, string][][], connections: number, steadyRate?: number): Promise<WriteRun> {
  const run = async (amount: number, overallRate?: number) => {
    let next = 0;
    const before = countRows(db, 'select count(*) n from reports');
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
    const stored = countRows(db, 'select count(*) n from reports') - before;
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

interface DashboardRun {
  label: string;
  path: string;
  status: number;
  /** Server time from the request log (ms), one per sample. */
  server: number[];
  /** Time to the last byte at the client (ms). */
  client: number[];
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
  if (first.status !== 200) return { label, path, status: first.status, server: [], client: [] };
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
  return { label, path, status: first.status, server: serverMs.length > 0 ? serverMs : client, client };
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

  say('Starting the built site (src/server/cli/start.ts) …');
  const platformPort = await freePort();
  const platformServer = await startNode({
    script: 'src/server/cli/start.ts',
    env: { HOST: '127.0.0.1', PORT: String(platformPort), DATABASE_URL: dbPath, NODE_ENV: 'production', DEMO_DATA: 'on', TRUST_PROXY: 'true', LOG_LEVEL: 'info' },
    port: platformPort,
    logPath: join(dir, 'platform.log'),
    healthPath: '/healthz',
  });
  children.push(platformServer);
  await new Promise((r) => setTimeout(r, 1_000));
  const idle = residentMemory(platformServer.pid);

  const template = await answerFirstPages(db, platformServer.url, OPEN_WAVE, openId);
  const templatePath = join(dir, 'template-answers.json');
  writeFileSync(templatePath, template.answers);
  const forms = reportForms(db, 500);

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
    pages.push(await publicPage(platformServer, label, path, cookie));
  }

  // Writes: platform and minimal server one after the other at each concurrency.
  const writes: { what: 'submission' | 'report'; connections: number; platform: WriteRun; minimal: LoadResult }[] = [];
  for (const connections of [10, 100]) {
    say(`Survey submissions, ${connections} connections …`);
    const platform = await platformSubmissions(platformServer, db, openId, template.answers, connections);
    const minimal = await minimalWrites(minimalServer, '/survey', forms, connections);
    writes.push({ what: 'submission', connections, platform, minimal });
  }
  for (const connections of [10, 100]) {
    say(`Map reports, ${connections} connections …`);
    const platform = await platformReports(platformServer, db, forms, connections);
    const minimal = await minimalWrites(minimalServer, '/meld', forms, connections);
    writes.push({ what: 'report', connections, platform, minimal });
  }
  // The same writes arriving at a steady rate, as residents do, rather than
  // as fast as the server can take them: the latency a resident sees.
  const steady: { what: 'submission' | 'report'; rate: number; run: WriteRun }[] = [];
  for (const rate of STEADY_RATES) {
    say(`Survey submissions and map reports at a steady ${rate}/s …`);
    steady.push({ what: 'submission', rate, run: await platformSubmissions(platformServer, db, openId, template.answers, 10, rate) });
    steady.push({ what: 'report', rate, run: await platformReports(platformServer, db, forms, 10, rate) });
  }
  const afterWrites = residentMemory(platformServer.pid);

  say('Dashboard pages …');
  const cookie = analystSessionCookie(db);
  const dashboards = [
    await dashboardPage(platformServer, cookie, 'Dashboard front `/staff/dashboard`', '/staff/dashboard'),
    await dashboardPage(platformServer, cookie, `Wave analysis \`/staff/dashboard/waves/<${ANALYSED_WAVE}>?area=indre-norrebro\``, `/staff/dashboard/waves/${analysedId}?area=indre-norrebro`),
  ];
  const end = residentMemory(platformServer.pid);
  const serverErrors = (readFileSync(platformServer.logPath, 'utf8').match(/"level":(50|60)/g) ?? []).length;

  await minimalServer.stop();
  await platformServer.stop();
  db.$client.close();

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
      `all marked demo, seeded in ${seedSeconds.toFixed(0)} s. Server: \`src/server/cli/start.ts\` on the \`dist/\` build, NODE_ENV=production, ` +
      `TRUST_PROXY=true, LOG_LEVEL=info, on 127.0.0.1; autocannon in the benchmark process on the same machine; ${DURATION} s per measured run after a warm-up.`,
  );
  line();
  line('**Writes** (one survey submission = the "Send" POST of the last page of a draft answered through pages 1–5 beforehand, which stores the response and its ~25 answers; one report = a POST /meld from its own address with its own submission token; the minimal server = `node:http` + the same inserts with prepared better-sqlite3 statements, nothing else)');
  line();
  line('| write | conn. | platform req/s | p50 ms | p99 ms | minimal req/s | p50 ms | p99 ms | platform ÷ minimal | statuses platform / minimal | rows stored = 303s | target |');
  line('| --- | --: | --: | --: | --: | --: | --: | --: | --: | --- | --- | --- |');
  for (const w of writes) {
    const p = w.platform.result;
    const ratio = w.minimal.rps > 0 ? p.rps / w.minimal.rps : NaN;
    const target =
      w.what === 'submission' && w.connections === 10
        ? `≥ ${TARGETS.submissionShareOfMinimal * 100} % and p99 < ${TARGETS.submissionP99Ms} ms: ${verdict(ratio >= TARGETS.submissionShareOfMinimal && p.p99 < TARGETS.submissionP99Ms && p.failures === 0)}`
        : '–';
    const rows = w.platform.stored === w.platform.acknowledged ? `${int(w.platform.stored)} ✓` : `${int(w.platform.stored)} ≠ ${int(w.platform.acknowledged)} ✗`;
    line(
      `| ${w.what === 'submission' ? 'survey submission' : 'map report'} | ${w.connections} | ${rate(p.rps)} | ${ms(p.p50)} | ${ms(p.p99)} | ${rate(w.minimal.rps)} | ${ms(w.minimal.p50)} | ${ms(w.minimal.p99)} | ${(ratio * 100).toFixed(0)} % | ${describeStatuses(p)} / ${describeStatuses(w.minimal)} | ${rows} | ${target} |`,
    );
  }
  line();
  line(`**Writes at a steady rate** (the same posts arriving evenly at the given rate over ${DURATION} s, from up to 10 connections at once; the latency a resident sees when the server is not saturated)`);
  line();
  line('| write | rate /s | p50 ms | p99 ms | statuses | rows stored = 303s | target |');
  line('| --- | --: | --: | --: | --- | --- | --- |');
  for (const s of steady) {
    const p = s.run.result;
    const rows = s.run.stored === s.run.acknowledged ? `${int(s.run.stored)} ✓` : `${int(s.run.stored)} ≠ ${int(s.run.acknowledged)} ✗`;
    const target = `p99 < ${TARGETS.submissionP99Ms} ms: ${verdict(p.p99 < TARGETS.submissionP99Ms && p.failures === 0)}`;
    line(`| ${s.what === 'submission' ? 'survey submission' : 'map report'} | ${s.rate} | ${ms(p.p50)} | ${ms(p.p99)} | ${describeStatuses(p)} | ${rows} | ${target} |`);
  }
  line();
  line('**Public pages** (10 connections, `Accept-Encoding: gzip`; weight = the HTML plus every asset it loads, as transferred)');
  line();
  line('| page | req/s | p50 ms | p99 ms | statuses | HTML | total with assets (files) | external JS | works without JS | target |');
  line('| --- | --: | --: | --: | --- | --: | --: | --: | --- | --- |');
  for (const p of pages) {
    const w = p.weight;
    let target = '–';
    if (w.path.startsWith('/undersoegelser/')) target = `< 30 KB, no JS needed: ${verdict(w.totalBytes < TARGETS.surveyPageBytes && w.worksWithoutJs && w.status === 200)}`;
    if (w.path === '/meld') target = `< 150 KB: ${verdict(w.totalBytes < TARGETS.reportFormBytes && w.status === 200)}`;
    line(
      `| ${p.label} | ${rate(p.load.rps)} | ${ms(p.load.p50)} | ${ms(p.load.p99)} | ${describeStatuses(p.load)} | ${kb(w.documentBytes)} | ${kb(w.totalBytes)} (${w.assets.length + 1}) | ${kb(w.jsBytes)}${w.inlineJsBytes > 0 ? ` + ${kb(w.inlineJsBytes)} inline` : ''} | ${w.worksWithoutJs ? 'yes (form post)' : w.islands > 0 ? `no form; ${w.islands} island` : 'yes (no form)'} | ${target} |`,
    );
  }
  line();
  line(`**Dashboard** (signed in as the demo analyst; ${SAMPLES} sequential requests after one warm-up; server time from the request log)`);
  line();
  line('| page | server p50 ms | server p99 ms | samples | target |');
  line('| --- | --: | --: | --: | --- |');
  for (const d of dashboards) {
    const front = d.path === '/staff/dashboard';
    if (d.status !== 200) {
      line(`| ${d.label} | n/a (${d.status}) | n/a (${d.status}) | 0 | ${front ? `< ${TARGETS.dashboardP50Ms} ms p50: **MISS** (${d.status})` : '–'} |`);
      continue;
    }
    const p50 = percentile(d.server, 50);
    line(
      `| ${d.label} | ${ms(p50)} | ${ms(percentile(d.server, 99))} | ${d.server.length} | ${front ? `< ${TARGETS.dashboardP50Ms} ms p50: ${verdict(p50 < TARGETS.dashboardP50Ms)}` : '–'} |`,
    );
  }
  line();
  line('**Memory** (RSS of the server process, /proc/<pid>/status)');
  line();
  line('| idle after start | after the write load | at the end of the load | peak (VmHWM) | target |');
  line('| --: | --: | --: | --: | --- |');
  const endRss = end?.rss ?? NaN;
  line(
    `| ${idle ? mb(idle.rss) : 'n/a'} | ${afterWrites ? mb(afterWrites.rss) : 'n/a'} | ${end ? mb(end.rss) : 'n/a'} | ${end ? mb(end.peak) : 'n/a'} | < 250 MB: ${verdict(endRss < TARGETS.memoryBytes)}${end && end.peak >= TARGETS.memoryBytes ? ' (peak above)' : ''} |`,
  );
  line();
  if (serverErrors > 0) line(`⚠ The server logged ${serverErrors} errors (level ≥ 50)${values.keep ? `: see ${platformServer.logPath}` : "; run with --keep to see its log"}.`);
  const failures = writes.flatMap((w) => [w.platform.result, w.minimal]).concat(pages.map((p) => p.load)).filter((r) => r.failures > 0).length;
  if (failures > 0) line(`⚠ ${failures} runs saw statuses other than 2xx/3xx or connection errors (see the statuses columns).`);
  process.stdout.write(`${out.join('\n')}\n`);
}

try {
  await main();
} finally {
  for (const c of children) await c.stop();
  if (values.keep) say(`Kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
