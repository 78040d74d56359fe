/**
 * (axe runs only in contexts with JavaScript: it is injected as a script.)
 *
 * The authority dashboard in Chromium: an analyst's pages pass axe in both
 * languages, its charts carry a text alternative and a table, and it all
 * works with JavaScript turned off (no page of it needs a script).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser, newContext } from '../support/browser.ts';
import { addStaffSession } from '../support/staff-browser.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const PAGES = [
  '/staff/dashboard',
  '/staff/dashboard?vaegtet=0&mistaenkelige=med',
  '/en/staff/dashboard',
  '/staff/dashboard/goals',
  '/staff/dashboard/goals?serie=1&spoergsmaal=problems%7Cdrug_dealing',
  '/staff/dashboard/waves',
  '/staff/dashboard/waves/1',
  '/staff/dashboard/trends',
  '/staff/dashboard/reports',
  '/staff/dashboard/displacement',
  '/en/staff/dashboard/displacement',
];

describe.skipIf(!hasChromium)('the dashboard in Chromium', () => {
  let browser: Browser;
  let analyst: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    analyst = (await newContext(browser)).context;
    await addStaffSession(analyst, base, dbPath, 'analyst');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each(PAGES)('%s passes axe', async (path) => {
    const page = await analyst.newPage();
    const res = await page.goto(base + path);
    expect(res?.status(), path).toBe(200);
    expect(await axeViolations(page), path).toEqual([]);
    await page.close();
  });

  it('at 1366 px the goals in numbers fit without sideways scrolling; the exports keep every column', async () => {
    const { context } = await newContext(browser, { viewport: { width: 1366, height: 900 } });
    await context.addCookies(await analyst.cookies());
    const page = await context.newPage();
    for (const path of ['/staff/dashboard', '/staff/dashboard/goals']) {
      await page.goto(base + path);
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        tables: [...document.querySelectorAll('.table-scroll')].map((t) => ({ id: t.getAttribute('aria-labelledby'), over: t.scrollWidth - t.clientWidth })),
      }));
      expect(overflow.page, path).toBeLessThanOrEqual(0);
      for (const t of overflow.tables) expect(t.over, `${path} ${t.id}`).toBeLessThanOrEqual(0);
    }
    await page.goto(`${base}/staff/dashboard`);
    const goals = page.locator('section.goals-table');
    await expect(goals.locator('p.table-note').filter({ hasText: /Siden viser 11 af tabellens \d+ kolonner; filerne nedenfor har dem alle\./ }).count()).resolves.toBe(1);
    await context.close();
  });

  it('every chart on the front has a title, a text alternative and a table of its numbers', async () => {
    const page = await analyst.newPage();
    await page.goto(`${base}/staff/dashboard`);
    const charts = page.locator('svg[role="img"]');
    const count = await charts.count();
    expect(count).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < count; i++) {
      const chart = charts.nth(i);
      await expect(chart.locator('title').textContent()).resolves.toMatch(/\S/);
      await expect(chart.locator('desc').textContent()).resolves.toMatch(/\d/);
    }
    await expect(page.locator('table').count()).resolves.toBeGreaterThanOrEqual(count);
    await page.close();
  });

  it('the front works without JavaScript: the options form recalculates unweighted', async () => {
    const { context } = await newContext(browser, { javaScriptEnabled: false });
    await context.addCookies(await analyst.cookies());
    const page = await context.newPage();
    await page.goto(`${base}/staff/dashboard`);
    await page.getByLabel('Uvægtet').check();
    await page.getByRole('button', { name: 'Beregn' }).click();
    await page.waitForURL(/vaegtet=0/);
    await expect(page.getByText('Andele er uvægtede.').count()).resolves.toBe(1);
    await context.close();
  });
});
