/**
 * The annual status report in Chromium: the demo analyst opens the 2025
 * report, which has every section, passes axe, and prints to a real PDF.
 * Who may open it, and what a bad year gives, are checked over HTTP.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser, newContext } from '../support/browser.ts';
import { SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { addStaffSession } from '../support/staff-browser.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

const SECTIONS = {
  da: ['Kort fortalt', 'Status for målene', 'Tryghedsmålinger afsluttet i året', 'Indsatser og fremskridt', 'Meldinger håndteret', 'Arrangementer afholdt', 'Høringer afsluttet i året', 'Om tallene'],
  en: ['In brief', 'Status of the goals', 'Perceived-safety surveys closed in the year', 'Initiatives and progress', 'Reports handled', 'Events held', 'Consultations closed in the year', 'About the figures'],
};

async function sectionHeadings(page: Page): Promise<string[]> {
  return (await page.locator('main section > h2').allTextContents()).map((h) => h.replace(/^\d+\.\s*/, '').trim());
}

describe.skipIf(!hasChromium)('the annual status report in Chromium', () => {
  let browser: Browser;
  let analyst: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    analyst = (await newContext(browser)).context;
    await addStaffSession(analyst, base, dbPath, 'analyst');
  }, SIGN_IN_TIMEOUT_MS + 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('the 2025 report shows every section, in the table of contents too, and passes axe', async () => {
    const page = await analyst.newPage();
    const res = await page.goto(`${base}/staff/report/2025`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Årlig statusrapport 2025');
    expect(await sectionHeadings(page)).toEqual(SECTIONS.da);
    const toc = page.getByRole('navigation', { name: 'Indhold' });
    for (const title of SECTIONS.da) await expect(toc.getByRole('link', { name: title }).count()).resolves.toBe(1);
    // Demo 2025: a closed wave with goals measured, initiatives with updates; a section with nothing says so in words.
    const main = await page.locator('main').innerText();
    expect(main).toContain('2025 (demo)');
    expect(main).toContain('Fremskridt i 2025');
    expect(main).toMatch(/Ingen meldinger blev håndteret i 2025|meldinger blev håndteret i 2025|for få meldinger/);
    await expect(page.locator('main svg[role="img"]').count()).resolves.toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('in print the staff navigation is hidden and each section starts on a new page', async () => {
    const page = await analyst.newPage();
    await page.goto(`${base}/staff/report/2025`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.staff-header').isVisible()).resolves.toBe(false);
    await expect(page.getByText('Brug browserens udskrivning', { exact: false }).isVisible()).resolves.toBe(false);
    const breaks = await page.locator('main section').evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
    expect(breaks.slice(1).every((b) => b === 'page')).toBe(true);
    await page.close();
  });

  it('prints to a PDF of several A4 pages', async () => {
    const page = await analyst.newPage();
    await page.goto(`${base}/staff/report/2025`);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(30 * 1024);
    const pages = Math.max(...[...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1])));
    expect(pages).toBeGreaterThanOrEqual(SECTIONS.da.length);
    await page.close();
  });

  it('the English report has the same sections in English and passes axe', async () => {
    const page = await analyst.newPage();
    const res = await page.goto(`${base}/en/staff/report/2025`);
    expect(res?.status()).toBe(200);
    expect(await sectionHeadings(page)).toEqual(SECTIONS.en);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a year with nothing in it still renders every section, each saying so plainly', async () => {
    const page = await analyst.newPage();
    const res = await page.goto(`${base}/staff/report/2010`);
    expect(res?.status()).toBe(200);
    expect(await sectionHeadings(page)).toEqual(SECTIONS.da);
    const main = await page.locator('main').innerText();
    for (const line of [
      'Ingen tryghedsmålinger blev afsluttet i 2010.',
      'Ingen indsatser var i gang i 2010.',
      'Ingen meldinger blev håndteret i 2010.',
      'Ingen arrangementer blev afholdt i 2010.',
    ]) {
      expect(main).toContain(line);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a year that is not a year is a 404', async () => {
    const page = await analyst.newPage();
    for (const year of ['1999', '2101', 'abcd', '20255']) {
      const res = await page.goto(`${base}/staff/report/${year}`);
      expect(res?.status(), year).toBe(404);
    }
    await page.close();
  });
});

describe('who may open the status report', () => {
  const roles = [
    ['viewer', 200],
    ['admin', 200],
    ['editor', 403],
    ['moderator', 403],
  ] as const;
  it.each(roles)('%s gets %i', async (role, status) => {
    const cookie = await staffSession(dbPath, role);
    const res = await fetch(`${base}/staff/report/2025`, { headers: { cookie }, redirect: 'manual' });
    expect(res.status).toBe(status);
  }, SIGN_IN_TIMEOUT_MS);

  it('without a session the report sends you to the login page', async () => {
    const res = await fetch(`${base}/staff/report/2025`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/staff/login');
  });
});
