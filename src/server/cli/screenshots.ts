/**
 * `npm run screenshots [-- --out DIR] [--no-js]`: full-page screenshots of the
 * main public and staff pages at a phone's width (390 px) and a laptop's
 * (1366 px), for people reviewing the design. The built site is started on
 * a fresh demo database in a temporary folder; staff pages are taken in a
 * session of the demo admin made for the run (past the second factor, as
 * `npm run report` does) and ended afterwards. The pictures go to
 * tests/.artifacts/screenshots (ignored by git) unless --out says otherwise,
 * named `<width>-<page>.png`. Needs the build and Debian's Chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema.ts';
import { createSession, invalidateSession, markSessionTwoFactorVerified, SESSION_COOKIE } from '../staff/auth/session.ts';
import { closeDb, getDb } from '../db/connection.ts';
import { CHROMIUM, ENTRY, ROOT, startBuiltServer } from './built-server.ts';

/** The widths reviewers look at: a common phone, a common laptop. */
export const WIDTHS = [390, 1366] as const;

/** The pages, by name: residents' journeys first, then staff's. */
const PUBLIC_PAGES: [string, string][] = [
  ['forside', '/'],
  ['forside-en', '/en/'],
  ['indsatser', '/indsatser'],
  ['arrangementer', '/arrangementer'],
  ['undersoegelser', '/undersoegelser'],
  ['undersoegelse-start', '/undersoegelser/tryghed-2026'],
  ['meld', '/meld'],
  ['kort', '/kort'],
  ['resultater', '/resultater'],
  ['om', '/om'],
  ['privatliv', '/privatliv'],
  ['tilgaengelighed', '/tilgaengelighed'],
];
const STAFF_PAGES: [string, string][] = [
  ['staff', '/staff'],
  ['staff-meldinger', '/staff/reports'],
  ['staff-kommentarer', '/staff/comments'],
  ['staff-dashboard', '/staff/dashboard'],
  ['staff-maal', '/staff/dashboard/goals'],
  ['staff-meldinger-i-tal', '/staff/dashboard/reports'],
  ['staff-rapport', '/staff/report/2025'],
];

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({ allowPositionals: false, options: { out: { type: 'string' }, 'no-js': { type: 'boolean' } } }));
} catch (e) {
  fail(`${(e as Error).message}\nUsage: npm run screenshots [-- --out DIR] [--no-js]`);
}
const out = resolve(process.env['INIT_CWD'] ?? process.cwd(), values.out ?? join(ROOT, 'tests/.artifacts/screenshots'));
if (!existsSync(CHROMIUM)) fail(`No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), or set CHROME_PATH.`);
if (!existsSync(ENTRY)) fail('No build found in dist/: run npm run build first.');
const { chromium } = await import('playwright-core');
mkdirSync(out, { recursive: true });

const dir = mkdtempSync(join(tmpdir(), 'tryghed-screenshots-'));
const databasePath = join(dir, 'demo.sqlite');
const server = await startBuiltServer(databasePath, { DEMO_DATA: 'on' });
const db = getDb(databasePath);
let sessionId: string | undefined;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
let taken = 0;
try {
  const [admin] = await db.select().from(users).where(eq(users.email, 'admin@demo.tryghed.invalid')).limit(1);
  if (!admin) throw new Error('The demo admin account is missing from the demo database.');
  const { token, session } = await createSession(db, admin.id);
  sessionId = session.id;
  await markSessionTwoFactorVerified(db, session.id);
  for (const width of WIDTHS) {
    for (const staff of [false, true]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: !values['no-js'], locale: 'da-DK' });
      if (staff) await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: '127.0.0.1', path: '/', httpOnly: true, secure: true, sameSite: 'Lax' }]);
      const page = await context.newPage();
      for (const [name, path] of staff ? STAFF_PAGES : PUBLIC_PAGES) {
        const response = await page.goto(server.url + path, { waitUntil: 'load' });
        if (!response || response.status() !== 200) process.stderr.write(`${path}: ${response?.status() ?? 'no response'}\n`);
        await page.screenshot({ path: join(out, `${width}-${name}.png`), fullPage: true });
        taken += 1;
      }
      await context.close();
    }
  }
} finally {
  if (sessionId) await invalidateSession(db, sessionId);
  await browser.close();
  await server.stop();
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`Wrote ${taken} screenshots to ${out}\n`);
