/**
 * The public header in Chromium, with and without JavaScript: at 390 px a
 * compact bar with 112/114 as phone links and a "Menu" disclosure that opens
 * the main menu; at 1366 px the menu inline on one line, no button. axe
 * (WCAG 2.1 A/AA and the landmark best practices) in each state, and no
 * sideways scrolling at 320 px with the menu open.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeAndLandmarkViolations, axeWithoutJavaScript, hasChromium, launchBrowser, newContext } from '../support/browser.ts';

const base = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };

/** axe (WCAG 2.1 A/AA and landmark best practices) on the page as it is now, with or without JavaScript. */
async function axeAll(browser: Browser, page: Page, javaScriptEnabled: boolean, what: string) {
  if (!javaScriptEnabled) {
    expect(await axeWithoutJavaScript(browser, page), what).toEqual([]);
    return;
  }
  expect(await axeAndLandmarkViolations(page), what).toEqual([]);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(!hasChromium)('the header in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([true, false])('at 390 px (JavaScript %s): compact, 112 and 114 as phone links, a menu button that opens the menu', async (javaScriptEnabled) => {
    const { context, requests } = await newContext(browser, { viewport: PHONE, javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const header = page.getByRole('banner');
    const height = (await header.boundingBox())!.height;
    expect(height, 'header height').toBeLessThanOrEqual(100);

    const call112 = header.getByRole('link', { name: 'Akut fare: 112' });
    const call114 = header.getByRole('link', { name: 'Politiet: 114' });
    await expect(call112.getAttribute('href')).resolves.toBe('tel:112');
    await expect(call114.getAttribute('href')).resolves.toBe('tel:114');
    await expect(call112.isVisible()).resolves.toBe(true);
    await expect(call114.isVisible()).resolves.toBe(true);
    // The language menu sits above the header: every language named in itself, each marked with its language and direction.
    const languages = page.getByRole('navigation', { name: 'Sprog' });
    await expect(languages.getByRole('link').allInnerTexts()).resolves.toEqual(['Dansk', 'English', 'العربية', 'Türkçe', 'Soomaali', 'اردو']);
    await expect(languages.getByRole('link', { name: 'العربية' }).getAttribute('dir')).resolves.toBe('rtl');
    await expect(languages.getByRole('link', { name: 'Dansk' }).getAttribute('aria-current')).resolves.toBe('true');
    expect((await languages.boundingBox())!.height, 'the language menu is one short line').toBeLessThan(48);

    const button = header.locator('summary');
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    await expect(button.isVisible()).resolves.toBe(true);
    await expect(button.innerText()).resolves.toBe('Menu');
    await expect(nav.isVisible()).resolves.toBe(false);
    await expect(page.getByRole('navigation').count()).resolves.toBe(2); // the language menu and the footer's (the menu is closed)
    await axeAll(browser, page, javaScriptEnabled, 'menu closed');

    if (javaScriptEnabled) {
      // The keyboard opens it too: Tab to the button, Enter.
      await button.focus();
      await page.keyboard.press('Enter');
    } else {
      await button.click();
    }
    await expect(nav.isVisible()).resolves.toBe(true);
    await expect(nav.getByRole('link').count()).resolves.toBe(9);
    await expect(nav.getByRole('link', { name: 'Forside' }).getAttribute('aria-current')).resolves.toBe('page');
    await axeAll(browser, page, javaScriptEnabled, 'menu open');
    expect(await overflow(page), 'sideways scrolling with the menu open').toBeLessThanOrEqual(0);

    await nav.getByRole('link', { name: 'Om partnerskabet' }).click();
    await page.waitForURL(`${base}/om`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Om partnerskabet');
    // A new page starts with the menu closed.
    await expect(page.getByRole('navigation', { name: 'Hovedmenu' }).isVisible()).resolves.toBe(false);
    for (const r of requests) expect(r.startsWith(base), r).toBe(true);
    await context.close();
  }, 120_000);

  it.each([true, false])('at 1366 px (JavaScript %s): the menu inline on one line, no button', async (javaScriptEnabled) => {
    const { context } = await newContext(browser, { viewport: DESKTOP, javaScriptEnabled });
    const page = await context.newPage();
    for (const path of ['/', '/en/']) {
      await page.goto(base + path);
      const header = page.getByRole('banner');
      await expect(header.locator('summary').isVisible(), path).resolves.toBe(false);
      const nav = page.getByRole('navigation', { name: path === '/' ? 'Hovedmenu' : 'Main menu' });
      await expect(nav.isVisible(), path).resolves.toBe(true);
      const links = nav.getByRole('link');
      await expect(links.count()).resolves.toBe(9);
      // Every item on one line: "Om partnerskabet" never wraps alone.
      const tops = await links.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
      expect(new Set(tops).size, `${path}: ${tops.join(',')}`).toBe(1);
      const about = nav.getByRole('link', { name: path === '/' ? 'Om partnerskabet' : 'About the partnership' });
      await expect(about.evaluate((e) => e.getClientRects().length), 'one line box').resolves.toBe(1);
      await expect(header.getByRole('link', { name: path === '/' ? 'Akut fare: 112' : 'Emergency: 112' }).isVisible()).resolves.toBe(true);
      expect((await header.boundingBox())!.height, `${path} header height`).toBeLessThanOrEqual(100);
      await axeAll(browser, page, javaScriptEnabled, path);
    }
    await context.close();
  }, 120_000);

  it('pages with the emergency notice above a form have it once as a landmark', async () => {
    const { context } = await newContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    for (const path of ['/meld', '/en/meld', '/kommentar-modtaget', '/undersoegelser/tryghed-2026']) {
      await page.goto(base + path);
      const name = path.startsWith('/en/') ? 'Not an emergency service' : 'Ikke en nødtjeneste';
      await expect(page.getByRole('region', { name }).count(), path).resolves.toBe(1);
      // The footer still says it, as text in its own landmark.
      await expect(page.getByRole('contentinfo').getByRole('heading', { name }).count(), path).resolves.toBe(1);
      await axeAll(browser, page, true, path);
    }
    await context.close();
  });

  it('at 320 px nothing scrolls sideways, with the menu closed and open', async () => {
    const { context } = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const path of ['/', '/en/', '/meld', '/om', '/en/tilgaengelighed']) {
      await page.goto(base + path);
      expect(await overflow(page), `${path} closed`).toBeLessThanOrEqual(0);
      await page.locator('header summary').click();
      expect(await overflow(page), `${path} open`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
