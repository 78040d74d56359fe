/**
 * Reporting a concern in Chromium: by clicking the map (with JavaScript), and
 * with the keyboard and the list only (JavaScript off); both reach the
 * moderation queue with personal data masked. axe on the report pages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser, newContext } from '../support/browser.ts';
import { addStaffSession } from '../support/staff-browser.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

async function fillCommon(page: Page, description: string) {
  await page.getByRole('group', { name: /Hvad drejer det sig om/ }).getByLabel('Dårlig belysning').check();
  await page.getByRole('group', { name: /Hvornår på dagen/ }).getByLabel('Om aftenen').check();
  await page.getByLabel(/Beskriv kort/).fill(description);
  await page.getByRole('group', { name: /Hvem er du/ }).getByLabel('Jeg bor i området').check();
}

describe.skipIf(!hasChromium)('reporting a concern in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the report form and its error state pass axe in both locales, with 112 and 114 above the form', async () => {
    const { context, requests } = await newContext(browser);
    const page = await context.newPage();
    for (const path of ['/meld', '/en/meld']) {
      await page.goto(base + path);
      expect(await axeViolations(page), path).toEqual([]);
      const main = await page.locator('main').innerText();
      expect(main.indexOf('112')).toBeLessThan(main.indexOf(path === '/meld' ? 'Send meldingen' : 'Send the report'));
    }
    await page.goto(`${base}/meld`);
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.locator('.error-summary').first().waitFor();
    expect(await axeViolations(page), 'errors').toEqual([]);
    for (const r of requests) expect(r.startsWith(base), r).toBe(true);
    await context.close();
  });

  it('clicking the map places the report, and the receipt page shows its status', async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/meld`);
    const map = page.getByRole('application', { name: 'Kort over områderne' });
    await map.waitFor();
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect(page.locator('input[type="hidden"][name$="__point"]').count()).resolves.toBe(1);
    await fillCommon(page, 'Mørk gård. Ring til min nabo på 22 33 44 55.');
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.waitForURL(/\/meld\/[a-z0-9]+$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Tak, vi har modtaget din melding');
    await expect(page.locator('main').innerText()).resolves.toContain('Modtaget');
    await expect(page.locator('main').innerText()).resolves.not.toContain('Mørk gård');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('with JavaScript off, the keyboard and the list of places are enough (the place first, one place only)', async () => {
    const { context } = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/meld`);
    await expect(page.getByRole('application', { name: 'Kort over områderne' }).count()).resolves.toBe(0);
    // Keyboard only: tab to the first category and choose with the space bar.
    await page.getByRole('group', { name: /Hvad drejer det sig om/ }).getByLabel('Dårlig belysning').focus();
    await page.keyboard.press('Space');
    // One place from one list, grouped by area (a select: one choice, searchable by typing).
    const list = page.getByLabel('Vælg stedet på listen');
    await expect(list.locator('optgroup').count()).resolves.toBeGreaterThan(1);
    const placeBeforeCategory = await page.evaluate(() => {
      const place = document.querySelector('#location-list')!;
      const category = document.querySelector('#category')!;
      return Boolean(place.compareDocumentPosition(category) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(placeBeforeCategory).toBe(true);
    // The "which area" select for a typed place sits inside the place group.
    await expect(page.locator('fieldset#location #report-area').count()).resolves.toBe(1);
    await list.selectOption({ label: 'Stengade' });
    await fillCommon(page, 'Ingen lys i porten. CPR 010190-1234 stod på et skilt.');
    await page.getByRole('button', { name: 'Send meldingen' }).press('Enter');
    await page.waitForURL(/\/meld\/[a-z0-9]+$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Tak, vi har modtaget din melding');
    await context.close();
  });

  it('both reports reach the moderation queue with personal data masked', async () => {
    const { context } = await newContext(browser);
    await addStaffSession(context, base, dbPath, 'moderator');
    const page = await context.newPage();
    await page.goto(`${base}/staff/reports`);
    // Descriptions are in editable text areas (moderators can remove more personal data).
    const values = await page.locator('main textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    const text = `${await page.locator('main').innerText()}\n${values.join('\n')}`;
    expect(text).toContain('Mørk gård. Ring til min nabo på [telefonnummer skjult].');
    expect(text).toContain('Ingen lys i porten. CPR [CPR-nummer skjult] stod på et skilt.');
    expect(text).not.toContain('22 33 44 55');
    expect(text).not.toContain('010190');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
