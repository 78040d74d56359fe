/**
 * A new staff member, created on the command line, sets up two-step
 * verification at first sign-in: QR code rendered on our server, the key as
 * text for those who cannot scan, ten recovery codes shown once.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { currentTotp } from '../../src/server/staff/auth/totp.ts';
import { axeViolations, hasChromium, launchBrowser, newContext } from '../support/browser.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe.skipIf(!hasChromium)('first sign-in of a new staff member', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('enrols TOTP from the QR page, gets ten recovery codes, replaces the temporary password and lands on the overview', async () => {
    const created = spawnSync(process.execPath, ['src/server/cli/staff.ts', 'create', '--email', 'ny@kk.dk', '--role', 'moderator', '--name', 'Ny Moderator'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: dbPath },
      encoding: 'utf8',
    });
    expect(created.status, created.stderr).toBe(0);
    const password = /Temporary password: (\S+)/.exec(created.stdout)![1]!;

    const { context, requests } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/staff/login`);
    await page.getByLabel('E-mail').fill('ny@kk.dk');
    await page.getByLabel('Adgangskode').fill(password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(/\/staff\/mfa\/setup/);

    await expect(page.getByRole('img', { name: 'QR-kode til godkendelses-appen' }).locator('svg').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    const keyText = (await page.locator('code.key').textContent())!;
    const key = decodeBase32IgnorePadding(keyText.replace(/\s+/g, ''));

    await page.getByLabel('Kode', { exact: true }).fill('123456');
    await page.getByRole('button', { name: 'Bekræft' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Koden er forkert');

    await page.getByLabel('Kode', { exact: true }).fill(currentTotp(key));
    await page.getByRole('button', { name: 'Bekræft' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Dine gendannelseskoder');
    const codes = await page.locator('ul.codes code').allTextContents();
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    await page.getByRole('link', { name: /Jeg har gemt koderne/ }).click();
    // The temporary password from the command line must be replaced first.
    await expect(page.locator('h1').textContent()).resolves.toBe('Min konto');
    await expect(page.getByText('Du har fået en midlertidig adgangskode').count()).resolves.toBe(1);
    await page.getByLabel('Nuværende adgangskode').fill(password);
    await page.getByLabel(/Ny adgangskode/).fill('lygtepæle ved søerne om natten');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Adgangskoden er skiftet');
    await page.goto(`${base}/staff`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Oversigt');
    // The QR code never left the site.
    for (const r of requests) expect(r.startsWith(base), r).toBe(true);
    await context.close();
  });
});
