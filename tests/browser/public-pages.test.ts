/**
 * Every public page in Chromium, in both locales: axe (WCAG 2.1 A/AA) finds
 * nothing, the page works without JavaScript, fits a 320 px screen, starts
 * with a working skip link, and loads nothing from another origin.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeAndLandmarkViolations, hasChromium, launchBrowser, newContext, sidewaysOverflow } from '../support/browser.ts';

const base = inject('baseUrl');
const PAGES = ['/', '/om', '/privatliv', '/tilgaengelighed', '/findes-ikke', '/indsatser', '/arrangementer', '/undersoegelser', '/meld', '/meld?som=virksomhed', '/erhverv', '/kort', '/kort?periode=all', '/resultater', '/hoeringer', '/hoeringer/tryghedskameraer-hvor-og-hvor-ikke', '/hoeringer/bedre-lys-i-to-moerke-passager', '/erhverv/kameraer'];
const URLS = PAGES.flatMap((p) => [p, p === '/' ? '/en/' : `/en${p}`]);

describe.skipIf(!hasChromium)('public pages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(URLS)('%s has no axe violations, landmark best practices included', async (url) => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(base + url);
    expect(await axeAndLandmarkViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(URLS)('%s works without JavaScript and loads nothing from elsewhere', async (url) => {
    const { context, requests } = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(base + url);
    await expect(page.locator('h1').count()).resolves.toBe(1);
    await expect(page.getByRole('contentinfo').getByText('112').count()).resolves.toBeGreaterThan(0);
    for (const r of requests) expect(r.startsWith(base), r).toBe(true);
    await context.close();
  });

  it('every page fits a 320 px wide screen without sideways scrolling, in both languages; what scrolls in a box, the keyboard can scroll', { timeout: 60_000 }, async () => {
    const { context } = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const url of URLS) {
      await page.goto(base + url);
      const { overflow, out, unreachable } = await sidewaysOverflow(page);
      expect(overflow, `${url} scrolls sideways: ${out.join(', ')}`).toBeLessThanOrEqual(0);
      expect(unreachable, `${url}: a box scrolls sideways that the keyboard cannot reach`).toEqual([]);
    }
    await context.close();
  });

  it('the first Tab reaches the skip link, which moves to the main content', async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(base + '/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Gå til indhold' });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await context.close();
  });

  it('the language switch leads to the same page in English and back', async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(base + '/privatliv');
    await page.getByRole('navigation', { name: 'Sprog' }).getByRole('link', { name: 'English' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/privatliv');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Dansk' }).click();
    expect(new URL(page.url()).pathname).toBe('/privatliv');
    await context.close();
  });
});
