/**
 * A report's receipt in Chromium: with JavaScript, copy puts the link on the
 * clipboard and says so, print opens the print dialog; without JavaScript,
 * the link is in a read-only field and there are no buttons that would do
 * nothing. "Send me the link" with its error and success states. On paper
 * (print media) the receipt shows its number and link, and no menu or form.
 * axe (WCAG 2.1 A/AA and landmark best practices) in every state, and no
 * sideways scrolling at 320 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { receiptNumber } from '../../src/lib/receipt-number.ts';
import { axeAndLandmarkViolations, axeWithoutJavaScript, hasChromium, launchBrowser, newContext } from '../support/browser.ts';
import { waitForMail } from '../support/mailbox.ts';
import { postForm } from '../support/staff-login.ts';

const base = inject('baseUrl');
const mailDir = inject('mailDir');

async function axeAll(page: Page, what: string) {
  expect(await axeAndLandmarkViolations(page), what).toEqual([]);
}

let n = 0;
async function fileReport(): Promise<string> {
  const res = await postForm(base, '/meld', {
    submission: `browser-receipt-${Date.now()}-${++n}`,
    category: 'lighting',
    location: 'blaagaards-plads',
    timeOfDay: 'night',
    weekday: '',
    description: '',
    reporterType: 'resident',
    email: '',
    website: '',
  });
  expect(res.status).toBe(303);
  return res.headers.get('location')!;
}

describe.skipIf(!hasChromium)('the receipt in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('with JavaScript at 390 px: copy and print work, "send me the link" shows its error and success, axe in every state', async () => {
    const path = await fileReport();
    const url = base + path;
    const { context, requests } = await newContext(browser, { viewport: { width: 390, height: 844 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.locator('h1').textContent()).resolves.toBe('Tak, vi har modtaget din melding');
    await expect(page.locator('main').innerText()).resolves.toContain(receiptNumber(path.split('/').pop()!));
    await axeAll(page, 'receipt');

    const field = page.getByLabel('Link til din kvittering');
    await expect(field.inputValue()).resolves.toBe(url);
    await expect(field.getAttribute('readonly')).resolves.not.toBeNull();

    await page.getByRole('button', { name: 'Kopiér linket' }).click();
    await page.getByRole('status').filter({ hasText: 'Linket er kopieret.' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(url);
    await axeAll(page, 'copied');

    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'Udskriv kvitteringen' }).click();
    await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);

    await page.getByRole('button', { name: 'Send mig linket' }).click();
    await page.waitForURL(`${url}#send-link`);
    await expect(page.locator('#send-link-error').textContent()).resolves.toBe('Skriv den e-mailadresse, linket skal sendes til.');
    await axeAll(page, 'send-link error');

    const address = `browser-${Date.now()}@example.dk`;
    await page.getByLabel('Din e-mail').fill(address);
    await page.getByRole('button', { name: 'Send mig linket' }).click();
    await page.waitForURL(`${url}?sendt=1#send-link`);
    await page.getByRole('status').filter({ hasText: 'Linket er på vej til din e-mail' }).waitFor();
    await expect(page.getByLabel('Din e-mail').inputValue()).resolves.toBe('');
    await axeAll(page, 'send-link sent');
    const [mail] = await waitForMail(mailDir, address);
    expect(mail!.raw.replace(/=\r?\n/g, '')).toContain(url);

    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    for (const r of requests) expect(r.startsWith(base), r).toBe(true);
    await context.close();
  });

  it('without JavaScript: the link is in a read-only field, no copy or print buttons, the form works; fits 320 px; in English too', async () => {
    const path = await fileReport();
    const { context } = await newContext(browser, { viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const p of [path, `/en${path}`]) {
      await page.goto(base + p);
      await expect(page.getByLabel(p === path ? 'Link til din kvittering' : 'Link to your receipt').inputValue()).resolves.toBe(base + p);
      await expect(page.getByRole('button', { name: p === path ? 'Kopiér linket' : 'Copy the link' }).isVisible()).resolves.toBe(false);
      await expect(page.getByRole('button', { name: p === path ? 'Udskriv kvitteringen' : 'Print the receipt' }).isVisible()).resolves.toBe(false);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), p).toBeLessThanOrEqual(0);
      expect(await axeWithoutJavaScript(browser, page), p).toEqual([]);
    }
    await page.goto(base + path);
    await page.getByLabel('Din e-mail').fill('ikke en adresse');
    await page.getByRole('button', { name: 'Send mig linket' }).click();
    await expect(page.locator('#send-link-error').textContent()).resolves.toContain('Skriv en gyldig e-mailadresse');
    await expect(page.getByLabel('Din e-mail').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeWithoutJavaScript(browser, page), 'error without JavaScript').toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('on paper: the number and the link as text, no menu, buttons or form', async () => {
    const path = await fileReport();
    const { context } = await newContext(browser, { viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(base + path);
    await page.emulateMedia({ media: 'print' });
    const main = page.locator('main');
    await expect(main.innerText()).resolves.toContain(receiptNumber(path.split('/').pop()!));
    await expect(page.locator('.print-only').innerText()).resolves.toBe(base + path);
    await expect(page.getByLabel('Link til din kvittering').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Send mig linket' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Kopiér linket' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('navigation', { name: 'Hovedmenu' }).isVisible()).resolves.toBe(false);
    await context.close();
  });
});
