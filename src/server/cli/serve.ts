/**
 * The server, started by start.ts (after `astro build`): validate the configuration, open the
 * database, apply migrations, seed an empty database, then serve the built
 * site on HOST:PORT. Runs on plain Node 24, not through Vite: bundled into
 * dist/node/cli/serve.mjs by `npm run build` (bundle.ts).
 *
 * The HTTP server is ours rather than the adapter's auto-started one so that
 * shutdown is graceful: on SIGTERM/SIGINT we stop accepting, let requests in
 * flight finish, checkpoint the WAL and close the database.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import compression from 'compression';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError, demoContacts, isLoopback, loadConfig, siteOrigin, type Config } from '../platform/config.ts';
import { closeDb, describeDatabase, getDb } from '../db/connection.ts';
import { migrateDatabase, withStartupLock } from '../db/migrate.ts';
import { seedDatabase } from '../seed/index.ts';
import { demoLoginNote } from '../seed/demo-note.ts';
import { deliverNoticesSoon } from '../reports/notices.ts';
import { releaseIfDue } from '../disclosure/releases.ts';
import { releaseClosedConsultations } from '../consultations/consultations.ts';
import { forgetAreaAnswers } from '../dashboard/answers.ts';
import { warmRepresentativeness } from '../dashboard/representativeness.ts';
import { warmGoalStatuses } from '../dashboard/goals.ts';
import { finishPreparation } from '../platform/memory.ts';
import { RETENTION_EVERY_MS, runRetentionInBackground } from '../privacy/retention-job.ts';
import { deliverSubscriptionMailsSoon, runDigest } from '../subscriptions/mail.ts';
import { logger } from '../platform/logger.ts';
import { serveStaticFiles } from '../platform/static-files.ts';
import { BASELINE_HEADERS, FALLBACK_CSP, HSTS, isHttps } from '../../lib/security-headers.ts';
import { isStaffRequest } from '../../lib/request-path.ts';

const ENTRY = fileURLToPath(new URL('../../../dist/server/entry.mjs', import.meta.url));
const CLIENT = fileURLToPath(new URL('../../../dist/client/', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

async function prepareDatabase(cfg: Config): Promise<void> {
  const db = getDb(cfg.databaseUrl);
  // Instances starting together on one PostgreSQL database take turns here.
  const seeded = await withStartupLock(db, async () => {
    await migrateDatabase(db);
    const result = await seedDatabase(db, { demo: cfg.demoData, privacyK: cfg.privacyK });
    // The public report figures need a release; the first is made here, the next when due.
    await releaseIfDue(db, cfg.releaseIntervalDays, cfg.privacyK);
    // Consultations that closed while the server was down are released now.
    await releaseClosedConsultations(db, cfg.privacyK);
    return result;
  });
  process.stdout.write(
    `Database: ${describeDatabase(cfg.databaseUrl)}${seeded.areas > 0 ? ` (new: seeded ${seeded.areas} areas)` : ''}\n` +
      `Demo data: ${cfg.demoData ? 'on' : 'off'}\n`,
  );
  const note = await demoLoginNote(db);
  // Demo staff accounts have published passwords and a published TOTP key.
  if (note && !isLoopback(cfg.host) && !cfg.demoExplicit) {
    fail(
      `This database has demo staff accounts (published passwords), and HOST=${cfg.host} is reachable from other machines.\n` +
        'Use a database without demo data, or set DEMO_DATA=on if this really is a demo server.',
    );
  }
  if (cfg.demoData) process.stdout.write(note);
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function loadHandler(): Promise<Handler> {
  if (!existsSync(ENTRY)) fail('No build found in dist/. Run `npm start` (it builds first) or `npm run build`.');
  // The adapter in middleware mode: Astro's pages only. We start the HTTP
  // server ourselves, and serve the build's static files before it.
  const entry = (await import(pathToFileURL(ENTRY).href)) as { handler: Handler };
  return serveStaticFiles(CLIENT, entry.handler);
}

type Next = () => void;

/**
 * gzip/brotli for public responses. Staff pages are left uncompressed: they
 * can hold secrets (a TOTP key, recovery codes) next to text an attacker
 * might get reflected, the ingredients of a BREACH attack, and they are few.
 */
function compressPublic(): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const middleware = compression({
    threshold: 1024,
    // The path as Astro routes it (src/lib/request-path.ts), not the raw URL: `/%73taff/` is a staff page too.
    filter: (req, res) => !isStaffRequest(req.url ?? '/') && compression.filter(req, res),
  }) as unknown as (req: IncomingMessage, res: ServerResponse, next: Next) => void;
  return middleware;
}

async function main(): Promise<void> {
  let cfg: Config;
  try {
    cfg = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  await prepareDatabase(cfg);
  // The contact points default to demo addresses no mail reaches: fine for a demo, wrong for a live site.
  const demo = demoContacts(cfg.contacts);
  if (cfg.production && demo.length > 0) {
    process.stdout.write(`Warning: ${demo.join(', ')} still ${demo.length === 1 ? 'is a demo address' : 'are demo addresses'} (.invalid): set the real contact points (README "Configuration").\n`);
  }
  const handler = await loadHandler();

  const compress = compressPublic();
  const server = createServer((req, res) => {
    // Static files bypass Astro's middleware; give them the same security headers (a page's
    // own CSP, set by Astro, replaces the fallback; the middleware sets the rest again).
    for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
    res.setHeader('Content-Security-Policy', FALLBACK_CSP);
    const proto = req.headers['x-forwarded-proto'];
    if (isHttps(new URL('http://localhost/'), typeof proto === 'string' ? proto : null, cfg.trustProxy)) res.setHeader('Strict-Transport-Security', HSTS);
    compress(req, res, () => handler(req, res));
  });
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  // Reporters' follow-up notices: retry the outbox every minute (sending also starts after each change).
  const outbox = cfg.mail ? setInterval(() => deliverNoticesSoon(getDb(cfg.databaseUrl)), 60_000) : undefined;
  outbox?.unref();
  // Subscriptions (README "Subscriptions"): the outbox every minute, the daily digest checked hourly.
  const subscriptionOutbox = cfg.mail ? setInterval(() => void deliverSubscriptionMailsSoon(getDb(cfg.databaseUrl)), 60_000) : undefined;
  subscriptionOutbox?.unref();
  const digest = cfg.mail ? setInterval(() => void runDigestInBackground(cfg), 3_600_000) : undefined;
  digest?.unref();
  // Scheduled releases of the public report figures (README "Privacy"): checked hourly.
  const releases = setInterval(() => {
    const db = getDb(cfg.databaseUrl);
    releaseIfDue(db, cfg.releaseIntervalDays, cfg.privacyK)
      .then((made) => (made ? warmByVisiting(server, '/kort') : undefined))
      .catch((e: unknown) => logger.error({ err: e }, 'scheduled release failed'));
    // A consultation's results are released once, in the hour after its last day.
    releaseClosedConsultations(db, cfg.privacyK).catch((e: unknown) => logger.error({ err: e }, 'consultation release failed'));
    // A wave closed or published, a goal added or margins changed since: the front's and /resultater's
    // new figures, before the next view (kept ones cost a lookup); then, as at start-up, the answers
    // they were worked out from are let go.
    void warmDashboard(cfg)
      .then(() => warmByVisiting(server, '/resultater'))
      .then(() => forgetAreaAnswers(getDb(cfg.databaseUrl)));
  }, 3_600_000);
  releases.unref();
  // Retention (README "Retention"): the schedule runs at start-up (below) and then daily.
  const retention = setInterval(() => void runRetentionInBackground(getDb(cfg.databaseUrl), cfg.retention), RETENTION_EVERY_MS);
  retention.unref();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(outbox);
    clearInterval(subscriptionOutbox);
    clearInterval(digest);
    clearInterval(releases);
    clearInterval(retention);
    process.stdout.write(`${signal}: finishing requests in flight, then closing the database.\n`);
    server.close(() => {
      closeDb().then(
        () => process.exit(0),
        (error: unknown) => fail(`Closing the database failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
    server.closeIdleConnections();
    // A stuck client must not keep the process alive forever.
    setTimeout(() => {
      server.closeAllConnections();
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  server.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') fail(`Port ${cfg.port} is in use. Set PORT to another port, e.g. PORT=4322 npm start.`);
    throw e;
  });
  server.listen(cfg.port, cfg.host, () => {
    const host = cfg.host === '0.0.0.0' || cfg.host === '::' ? 'localhost' : cfg.host;
    process.stdout.write(`\nTryghed is running at http://${host}:${cfg.port}/\n\n`);
    if (cfg.mail) deliverNoticesSoon(getDb(cfg.databaseUrl));
    // The public map of the newest release, prepared before the first visitor asks; then the dashboard's
    // figures, and the published survey results (/resultater's shares are kept like them); then the
    // answers they were worked out from are dropped and the memory this used is given back
    // (src/server/platform/memory.ts).
    void warmByVisiting(server, '/kort')
      .then(() => warmDashboard(cfg))
      .then(() => warmByVisiting(server, '/resultater'))
      .then(() => forgetAreaAnswers(getDb(cfg.databaseUrl)))
      .then(finishPreparation);
    void runRetentionInBackground(getDb(cfg.databaseUrl), cfg.retention);
    if (cfg.mail) void runDigestInBackground(cfg);
  });
}

/**
 * Prepares a public page's figures by asking for it, as its first visitor
 * would: the built pages (dist/) are a module graph apart from this script's
 * (src/), so a cache filled here would not be theirs. The public map's
 * release is prepared, and the page kept, before anyone asks.
 */
async function warmByVisiting(server: Server, path: string): Promise<void> {
  const bound = server.address();
  if (!bound || typeof bound === 'string') return;
  const host = bound.address === '0.0.0.0' ? '127.0.0.1' : bound.address === '::' ? '[::1]' : bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  try {
    const res = await fetch(`http://${host}:${bound.port}${path}`);
    await res.arrayBuffer();
    if (!res.ok) logger.warn({ path, status: res.status }, 'preparing a public page failed');
  } catch (e) {
    logger.error({ err: e, path }, 'preparing a public page failed');
  }
}

/**
 * The dashboard front's closed-wave figures in the planned view, worked out
 * in the background after the server listens (it answers meanwhile: the
 * estimates let other requests in between their reads), so the first view
 * after a start finds them kept; a view arriving sooner waits for the same
 * work rather than doing it again (estimateIndicator in indicators.ts).
 */
async function warmDashboard(cfg: Config): Promise<void> {
  const started = performance.now();
  try {
    const goals = await warmGoalStatuses(getDb(cfg.databaseUrl), cfg.privacyK);
    // The newest closed waves' representativeness tables (their staff pages), which rake every area of the wave.
    const waves = await warmRepresentativeness(getDb(cfg.databaseUrl), cfg.privacyK);
    logger.info({ goals, waves, ms: Math.round(performance.now() - started) }, 'dashboard figures prepared');
  } catch (e) {
    logger.error({ err: e }, 'preparing the dashboard figures failed');
  }
}

/** The subscribers' digests that are due (once a day at SUBSCRIPTION_DIGEST_HOUR), then the outbox; counts only in the log. */
function runDigestInBackground(cfg: Config): Promise<void> {
  const db = getDb(cfg.databaseUrl);
  return runDigest(db, { hour: cfg.subscriptions.digestHour, origin: siteOrigin(cfg) }).then(
    (run) => {
      if (run.queued > 0) logger.info({ digest: run }, 'subscription digests queued');
      return deliverSubscriptionMailsSoon(db);
    },
    (e: unknown) => logger.error({ err: e }, 'subscription digest failed'),
  );
}

await main();
