/** Signing a demo staff member in through the real forms in Chromium (password, then TOTP). */
import type { Page } from 'playwright-core';
import type { Role } from '../../db/schema.ts';
import { currentTotp, TOTP_PERIOD } from '../../src/server/auth/totp.ts';
import { demoTotpKey } from '../../src/server/seed/demo-staff.ts';
import { demoAccount } from './staff-login.ts';

/** Signs in through the forms; waits for the next TOTP step if this user's code was just used. */
export async function signInWithForms(page: Page, base: string, role: Role): Promise<void> {
  const a = demoAccount(role);
  await page.goto(`${base}/staff/login`);
  await page.getByLabel('E-mail').fill(a.email);
  await page.getByLabel('Adgangskode').fill(a.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(/\/staff\/mfa/);
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.getByLabel('Kode', { exact: true }).fill(currentTotp(demoTotpKey()));
    await page.getByRole('button', { name: 'Bekræft' }).click();
    await page.waitForLoadState('load');
    if (!page.url().includes('/staff/mfa')) return;
    await new Promise((r) => setTimeout(r, TOTP_PERIOD * 1000 - (Date.now() % (TOTP_PERIOD * 1000)) + 200));
  }
  throw new Error(`could not sign in as ${role}`);
}
