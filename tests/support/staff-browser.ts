/**
 * Staff in Chromium: a signed-in session put into a browser context (for
 * tests whose subject is not signing in), or signing in through the real
 * forms (password, then TOTP) for the tests of sign-in itself.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../db/schema.ts';
import { currentTotp, TOTP_PERIOD } from '../../src/server/staff/auth/totp.ts';
import { demoTotpKey } from '../../src/server/seed/demo-staff.ts';
import { databaseOfServer, serverDatabase } from './server-db.ts';
import { demoAccount, staffSession, type StaffMember } from './staff-session.ts';
import { acceptedTotp, totpAt } from './totp.ts';

/**
 * Puts a fully signed-in session of a staff member (staffSession) into a
 * context, as the server's Set-Cookie would after the second factor.
 * `database`: the server's DATABASE_URL (`inject('dbPath')`).
 */
export async function addStaffSession(context: BrowserContext, base: string, database: string, who: StaffMember): Promise<void> {
  const [name, value] = (await staffSession(database, who)).split('=') as [string, string];
  // By domain: Chromium's DevTools refuse a Secure cookie for an http:// URL, though the browser sends it to 127.0.0.1.
  await context.addCookies([{ name, value, domain: new URL(base).hostname, path: '/', httpOnly: true, secure: true, sameSite: 'Lax' }]);
}

/**
 * Signs in through the forms. On the shared test server the code is one the
 * account has not used yet (totp.ts), so nothing waits; on a server a test
 * started itself, a refused code is followed by the next step's code, and
 * only then by a wait for the next step.
 */
export async function signInWithForms(page: Page, base: string, role: Role): Promise<void> {
  const a = demoAccount(role);
  const database = databaseOfServer(base);
  const db = database === undefined ? undefined : serverDatabase(database);
  const period = TOTP_PERIOD * 1000;
  await page.goto(`${base}/staff/login`);
  await page.getByLabel('E-mail').fill(a.email);
  await page.getByLabel('Adgangskode').fill(a.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(/\/staff\/mfa/);
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = db ? await acceptedTotp(db, a.email) : attempt === 1 ? totpAt(demoTotpKey(), Date.now() + period) : currentTotp(demoTotpKey());
    await page.getByLabel('Kode', { exact: true }).fill(code);
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/staff/mfa');
    await page.getByRole('button', { name: 'Bekræft' }).click();
    // Accepted: a redirect away from the second factor. Refused: the form again.
    if ((await answer).status() === 303) {
      await page.waitForURL((url) => url.pathname !== '/staff/mfa');
      return;
    }
    await page.waitForLoadState('load');
    if (attempt === 1 && !db) await new Promise((r) => setTimeout(r, period - (Date.now() % period) + 200));
  }
  throw new Error(`could not sign in as ${role}`);
}
