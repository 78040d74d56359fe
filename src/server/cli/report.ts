/**
 * `npm run report -- --year 2025 --out report.pdf [--lang da|en] [--as staff@email]`:
 * the annual status report as a PDF, printed by Debian's Chromium from the
 * built site, exactly as a staff member would print /staff/report/<year>.
 *
 * An operator tool for the server machine, with the same trust as
 * `npm run staff`: whoever can run it can read the database anyway. It
 *   1. starts the built server (dist/node/cli/start.mjs) on a free loopback
 *      port with the same DATABASE_URL, so the PDF is the page, not a copy;
 *   2. creates a short-lived staff session for an enabled user with
 *      dashboard.read (`--as`, or the first analyst or admin), marked as past
 *      the second factor, since no one is there to type a code;
 *   3. prints the page to a tagged PDF with an outline (accessible if
 *      published), twice when poppler's `pdftotext` is there: the first print
 *      tells on which page each section starts, and those numbers go into the
 *      contents before the second;
 *   4. ends the session at once, audits the export ('report.pdf') and stops
 *      the server.
 * Exit 0 on success; 1 with a message when something is missing or wrong;
 * 2 for a usage error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { asc, inArray } from 'drizzle-orm';
import { users, type User } from '../../../db/schema.ts';
import { isLocale, localePath, messages, type Locale } from '../../lib/i18n/index.ts';
import { can } from '../../lib/permissions.ts';
import { recordAudit } from '../staff/audit.ts';
import { createSession, invalidateSession, markSessionTwoFactorVerified, SESSION_COOKIE } from '../staff/auth/session.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { usageExit } from './common.ts';
import { closeDb, getDb, sqlitePath, type Db } from '../db/connection.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { parseReportYear, REPORT_YEARS } from '../dashboard/status-report.ts';
import { findUserByEmail } from '../staff/users.ts';
import { CHROMIUM, ENTRY, startBuiltServer, type BuiltServer } from './built-server.ts';

const PAGE_TIMEOUT_MS = 60_000;

function usage(message?: string): never {
  return usageExit('Usage: npm run report -- --year YYYY --out FILE.pdf [--lang da|en] [--as staff@email]', message);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

// ------------------------------------------------------------------ arguments

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: false,
    options: { year: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, as: { type: 'string' } },
  });
} catch (e) {
  usage((e as Error).message);
}
const { values } = parsed;
if (values.year === undefined) usage('--year is required.');
if (!values.out) usage('--out is required (the PDF file to write).');
const year = parseReportYear(values.year);
if (year === undefined) fail(`Bad year "${values.year}": give four digits from ${REPORT_YEARS.min} to ${REPORT_YEARS.max}, e.g. --year 2025.`);
const lang: Locale = values.lang === undefined ? 'da' : isLocale(values.lang) ? values.lang : usage(`--lang must be da or en, not "${values.lang}".`);
// npm runs scripts from the package root; a relative --out means where the operator typed the command.
const out = resolve(process.env['INIT_CWD'] ?? process.cwd(), values.out);
if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) fail(`The folder for --out does not exist: ${dirname(out)}`);

// ------------------------------------------------------------------ who prints

let cfg;
try {
  cfg = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) fail(e.message);
  throw e;
}
const databasePath = sqlitePath(cfg.databaseUrl);
// Opening a missing file would create an empty database: say what is wrong instead.
if (!existsSync(databasePath)) fail(`No database at ${databasePath}: set DATABASE_URL to the site's database.`);
const db = getDb(databasePath);
await migrateDatabase(db);

/** Why a user cannot print the report, or undefined when they can. */
function unfit(user: User): string | undefined {
  if (user.disabledAt !== null) return 'is disabled';
  if (!can(user.role, 'dashboard.read')) return `is ${user.role === 'editor' ? 'an' : 'a'} ${user.role}, and only analysts, admins and viewers may read the report`;
  // The staff gate sends a temporary password to the account page first: the PDF would be that page.
  if (user.passwordTemporary) return 'still has a temporary password (sign in once and change it)';
  return undefined;
}

async function choosePrinter(database: Db, email: string | undefined): Promise<User> {
  if (email !== undefined) {
    const user = await findUserByEmail(database, email);
    if (!user) fail(`No such staff account: ${email}.`);
    const why = unfit(user);
    if (why) fail(`${user.email} ${why}.`);
    return user;
  }
  const candidates = await database.select().from(users).where(inArray(users.role, ['analyst', 'admin'])).orderBy(asc(users.id));
  const user = candidates.find((u) => unfit(u) === undefined);
  if (!user) fail('No enabled analyst or admin account to print as: create one with `npm run staff -- create`, or name a user with --as.');
  return user;
}
const printer = await choosePrinter(db, values.as);

// ------------------------------------------------------------------ prerequisites

if (!existsSync(CHROMIUM)) fail(`No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), or set CHROME_PATH.`);
if (!existsSync(ENTRY)) fail('No build found in dist/: run npm run build first.');
let chromium: typeof import('playwright-core').chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  fail('playwright-core is missing: it is a development dependency, so run `npm install` (without --omit=dev).');
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Chromium fills the spans; the template is its own document, so it carries its own (inline) style. */
function footerTemplate(locale: Locale, reportYear: number): string {
  const r = messages(locale).statusReport;
  return (
    '<div style="font-family: system-ui, sans-serif; font-size: 8pt; color: #000; inline-size: 100%; padding-inline: 16mm; display: flex; justify-content: space-between;">' +
    `<span>${escapeHtml(r.documentTitle(reportYear))}</span>` +
    `<span>${escapeHtml(r.pdf.page)} <span class="pageNumber"></span> ${escapeHtml(r.pdf.of)} <span class="totalPages"></span></span>` +
    '</div>'
  );
}

/**
 * The page each section starts on, read from a printed PDF with poppler's
 * `pdftotext` (pages are separated by form feeds): the last page holding the
 * section's heading line (the contents list the same words earlier, and the
 * first section shares its page with them). Undefined without pdftotext.
 */
function sectionPages(pdf: Buffer, headings: readonly { id: string; text: string }[]): Map<string, number> | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'tryghed-report-'));
  try {
    const file = join(dir, 'first.pdf');
    writeFileSync(file, pdf);
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return undefined;
    }
    const pages = text.split('\f').map((page) => new Set(page.split('\n').map((line) => line.replace(/\s+/g, ' ').trim())));
    const found = new Map<string, number>();
    for (const h of headings) {
      const at = pages.findLastIndex((lines) => lines.has(h.text));
      if (at >= 0) found.set(h.id, at + 1);
    }
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ print

let server: BuiltServer | undefined;
let sessionId: string | undefined;
let browser: import('playwright-core').Browser | undefined;
let printed = false;

async function cleanUp(): Promise<void> {
  // The session ends first: it must not outlive the print, whatever else fails.
  if (sessionId) await invalidateSession(db, sessionId);
  sessionId = undefined;
  await browser?.close().catch(() => undefined);
  await server?.stop();
  await closeDb();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  server = await startBuiltServer(databasePath);
  const { token, session } = await createSession(db, printer.id);
  sessionId = session.id;
  // Nobody is there to type a code: the operator's access to this machine stands in for the second factor.
  await markSessionTwoFactorVerified(db, session.id);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ locale: lang === 'en' ? 'en-GB' : 'da-DK' });
  // By domain and path rather than URL: Chromium's DevTools refuse a Secure cookie for an http:// URL,
  // though the browser itself sends one to a loopback address (as after a real sign-in).
  await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: '127.0.0.1', path: '/', httpOnly: true, secure: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const path = localePath(lang, `/staff/report/${year}`);
  const response = await page.goto(server.url + path, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
  // A redirect (to the login or account page) or an error would otherwise be printed as if it were the report.
  if (!response || response.status() !== 200 || new URL(page.url()).pathname !== path) {
    throw new Error(`The report page did not open (${response?.status() ?? 'no response'} at ${new URL(page.url()).pathname}).`);
  }
  const print = () =>
    page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(lang, year),
      // The same margins as the page's @page rule; the footer lives in the bottom one.
      margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
      // Tagged (headings, lists, tables and figures' text for assistive technology) with the sections as bookmarks.
      tagged: true,
      outline: true,
    });
  let pdf = await print();
  // The contents get their page numbers from a first print; each section starts on a page of its own,
  // so the numbers (on the contents' own lines) move nothing.
  const headings = await page.$$eval('.report-section > h2', (hs) => hs.map((h) => ({ id: h.parentElement!.id, text: (h.textContent ?? '').replace(/\s+/g, ' ').trim() })));
  const pages = sectionPages(pdf, headings);
  if (pages && pages.size > 0) {
    await page.$$eval('[data-toc-page]', (spans, numbers) => {
      for (const s of spans) s.textContent = String(numbers[s.getAttribute('data-toc-page') ?? ''] ?? '');
    }, Object.fromEntries(pages));
    pdf = await print();
  } else {
    process.stderr.write('Note: poppler-utils (pdftotext) is not installed, so the contents have no page numbers.\n');
  }
  writeFileSync(out, pdf);
  printed = true;
  await invalidateSession(db, session.id);
  sessionId = undefined;
  await recordAudit(db, {
    userId: printer.id,
    action: 'report.pdf',
    entityType: 'status_report',
    entityId: year,
    summary: `Annual status report ${year} (${lang}) printed to PDF from the command line`,
  });
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  await cleanUp();
  fail(`Could not print the report: ${message}`);
}
await cleanUp();
if (printed) process.stdout.write(`Wrote ${out} (${Math.round(statSync(out).size / 1024)} KB): the ${year} status report in ${lang === 'en' ? 'English' : 'Danish'}, printed as ${printer.email}.\n`);
process.exit(0);
