/**
 * (axe runs only in contexts with JavaScript: for the pages seen with
 * JavaScript off it runs on a copy of their DOM, see tests/support/browser.ts.)
 *
 * The moderation queue in Chromium at 390 px and 1366 px: the list and a
 * report's detail view pass axe and do not scroll sideways; every checkbox
 * has its own name; a bulk change made with JavaScript off (plain form
 * posts) comes back to the same filtered list with its message, and a status
 * change on the detail view comes back to the detail view.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, axeWithoutJavaScript, hasChromium, launchBrowser, newContext, withScriptlessCopy } from '../support/browser.ts';
import { addStaffSession } from '../support/staff-browser.ts';
import { postForm } from '../support/staff-login.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

/** Reports of one category and area of their own, so that this test's list is its own. */
const LIST = '/staff/reports?status=received&category=littering&area=skt-hans-torv&sort=newest';

async function report(n: number): Promise<void> {
  const res = await postForm(base, '/meld', {
    submission: `queue-browser-${Date.now()}-${n}`,
    category: 'littering',
    location: n % 2 ? 'skt-hans-torv' : 'elmegade',
    timeOfDay: 'night',
    weekday: '5',
    description: `Affald i porten, melding ${n}. Skraldespandene flyder over hver weekend, og der lugter langt ud på gaden.`,
    reporterType: 'resident',
    email: '',
    website: '',
  });
  expect(res.status).toBe(303);
}

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe.skipIf(!hasChromium)('the moderation queue in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    for (let n = 1; n <= 4; n++) await report(n);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the list and the detail view pass axe and fit at 390 px and 1366 px', async () => {
    const { context } = await newContext(browser);
    await addStaffSession(context, base, dbPath, 'moderator');
    const page = await context.newPage();
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(base + LIST);
      await expect(page.locator('h1').textContent()).resolves.toBe('Meldinger');
      const rows = page.locator('main li[id^="report-"]');
      await expect(rows.count()).resolves.toBeGreaterThanOrEqual(4);
      const first = (await rows.first().getAttribute('id'))!.replace('report-', '');
      await expect(page.getByRole('checkbox', { name: `Vælg melding ${first}` }).count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: /^Modtaget \(\d+\)$/ }).getAttribute('aria-current')).resolves.toBe('page');
      await expect(page.locator('main').innerText()).resolves.toContain('Sted: Skt. Hans Torv');
      expect(await scrollsSideways(page), `list at ${width}`).toBe(false);
      expect(await axeViolations(page), `list at ${width}`).toEqual([]);

      // The row's heading links to the detail view.
      await page.getByRole('link', { name: new RegExp(`^#${first} · `) }).click();
      await page.waitForURL(new RegExp(`report=${first}`));
      await expect(page.locator('h1').textContent()).resolves.toBe(`Melding nr. ${first}`);
      await expect(page.getByRole('img', { name: /^Kort over stedet: / }).isVisible()).resolves.toBe(true);
      await expect(page.getByLabel('Ny status').count()).resolves.toBe(1);
      expect(await scrollsSideways(page), `detail at ${width}`).toBe(false);
      expect(await axeViolations(page), `detail at ${width}`).toEqual([]);
      // And back to the same row of the same list.
      await page.getByRole('link', { name: 'Tilbage til listen' }).click();
      await page.waitForURL((url) => url.search.includes('category=littering') && url.hash === `#report-${first}`);
    }
    await context.close();
  });

  // One width after the other: each bulk change takes two of the four reports.
  it.each([390, 1366])('with JavaScript off at %i px: a bulk change and a status change come back to where they were made; axe and no sideways scroll', async (width) => {
    const { context } = await newContext(browser, { javaScriptEnabled: false, viewport: { width, height: 900 } });
    await addStaffSession(context, base, dbPath, 'moderator');
    const page = await context.newPage();
    await page.goto(base + LIST);
    const checkState = async (state: string) => {
      expect(await axeWithoutJavaScript(browser, page), `${state} at ${width}`).toEqual([]);
      expect(await withScriptlessCopy(browser, page, scrollsSideways), `${state} at ${width} scrolls sideways`).toBe(false);
    };
    await checkState('list');
    const ids = await page.locator('main li[id^="report-"]').evaluateAll((els) => els.slice(0, 2).map((e) => e.id.replace('report-', '')));
    for (const id of ids) await page.getByRole('checkbox', { name: `Vælg melding ${id}` }).check();
    await page.getByLabel('Handling', { exact: true }).selectOption('in_progress');
    await page.getByRole('button', { name: 'Udfør for de valgte' }).click();
    await page.waitForLoadState('load');
    const url = new URL(page.url());
    expect(url.searchParams.get('category')).toBe('littering');
    expect(url.searchParams.get('sort')).toBe('newest');
    expect(url.hash).toBe('#queue-results');
    await expect(page.getByRole('status').innerText()).resolves.toBe('2 meldinger har fået status „Under behandling“.');
    for (const id of ids) await expect(page.locator(`#report-${id}`).count()).resolves.toBe(0);
    await checkState('list after the bulk change');

    // A status change on the detail view comes back to it.
    await page.goto(`${base}/staff/reports?report=${ids[0]}&status=in_progress&category=littering`);
    await page.getByLabel('Ny status').selectOption('handled');
    await page.getByRole('button', { name: 'Skift status' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).searchParams.get('report')).toBe(ids[0]);
    await expect(page.getByRole('status').innerText()).resolves.toBe('Ændringen er gemt.');
    await expect(page.locator('main').innerText()).resolves.toContain('Håndteret');
    await checkState('detail after the change');
    await context.close();
  }, 120_000);
});
