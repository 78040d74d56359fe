/** The public initiative and event pages in Chromium: axe in both locales, filters without JavaScript. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser, newContext } from '../support/browser.ts';

const base = inject('baseUrl');
const URLS = ['/indsatser', '/en/indsatser', '/arrangementer', '/en/arrangementer', '/indsatser/din-betjent-i-indre-noerrebro', '/en/indsatser/din-betjent-i-indre-noerrebro', '/kommentar-modtaget', '/en/kommentar-modtaget'];

describe.skipIf(!hasChromium)('initiatives in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(URLS)('%s has no axe violations and loads nothing from elsewhere', async (url) => {
    const { context, requests } = await newContext(browser);
    const page = await context.newPage();
    const res = await page.goto(base + url);
    expect(res?.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    for (const r of requests) expect(r.startsWith(base), r).toBe(true);
    await context.close();
  });

  it.each(['/arrangementer', '/en/arrangementer'])('an event page reached from %s has no axe violations', async (list) => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(base + list);
    await page.locator('main a[href*="/arrangementer/"]:not([href$=".ics"])').first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/arrangementer\/[a-z0-9-]+$/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('filtering by area works without JavaScript', async () => {
    const { context } = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/indsatser`);
    await page.getByLabel('Område').selectOption('skt-hans-torv');
    await page.getByRole('button', { name: 'Vis indsatser' }).click();
    expect(new URL(page.url()).searchParams.get('omraade')).toBe('skt-hans-torv');
    const titles = await page.locator('.card-title').allTextContents();
    expect(titles).toContain('Fokuseret indsats ved Skt. Hans Torv mod åbent hashsalg');
    expect(titles).not.toContain('Opsøgende arbejde blandt unge');
    await context.close();
  });
});
