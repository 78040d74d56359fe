/**
 * The residents' journeys end to end on a phone (390 px) and a desktop
 * (1366 px), each with JavaScript on and off: answering the survey to its
 * thank-you page, reporting a concern to its receipt, reading the results and
 * the map, and commenting on an initiative. Every page state on the way is
 * checked with axe (WCAG 2.1 AA and the landmark best practices) and for
 * sideways scrolling at that width.
 *
 * The server is this file's own (a fresh database with the demo data), so
 * the reports and comments sent here change no other test's queues.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPageState, hasChromium, launchBrowser, newContext } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { answerPages1to3, answerPages5and6, next } from '../support/survey-journey.ts';

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 768 },
] as const;
const CASES = VIEWPORTS.flatMap((viewport) => [true, false].map((js) => ({ viewport, js, label: `${viewport.width} px, JavaScript ${js ? 'on' : 'off'}` })));

describe.skipIf(!hasChromium)('residents’ journeys at 390 and 1366 px, with and without JavaScript', () => {
  let browser: Browser;
  let server: RunningServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const checkState = (page: Page, js: boolean, state: string) => checkPageState(browser, page, js, state, expect);

  async function open(c: (typeof CASES)[number]) {
    const { context, requests } = await newContext(browser, {
      viewport: { width: c.viewport.width, height: c.viewport.height },
      javaScriptEnabled: c.js,
      ...(c.viewport.name === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    });
    return { context, requests, page: await context.newPage() };
  }

  it.each(CASES)('the survey, answered to the end ($label)', async (c) => {
    const { context, requests, page } = await open(c);
    await page.goto(`${server.url}/undersoegelser/tryghed-2026`);
    await checkState(page, c.js, 'survey start');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForLoadState('load');
    await answerPages1to3(page);
    await page.getByRole('group', { name: /som du undgår/ }).getByLabel('Ja').check();
    await next(page);
    await checkState(page, c.js, 'survey page 4 with the revealed questions');
    // The list of places works in both cases (with JavaScript the map is beside it).
    await page.getByLabel('Blågårds Plads', { exact: false }).first().check();
    await next(page);
    await answerPages5and6(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Tak for dine svar');
    await checkState(page, c.js, 'survey thank-you');
    for (const r of requests) expect(r.startsWith(server.url), r).toBe(true);
    await context.close();
  }, 180_000);

  it.each(CASES)('a concern reported from the list of places, to its receipt ($label)', async (c) => {
    const { context, requests, page } = await open(c);
    await page.goto(`${server.url}/meld`);
    await checkState(page, c.js, '/meld');
    await page.getByLabel('Vælg stedet på listen').selectOption({ label: 'Stengade' });
    await page.getByRole('group', { name: /Hvad drejer det sig om/ }).getByLabel('Dårlig belysning').check();
    await page.getByRole('group', { name: /Hvornår på dagen/ }).getByLabel('Om aftenen').check();
    await page.getByLabel(/Beskriv kort/).fill('Lampen i porten er gået.');
    await page.getByRole('group', { name: /Hvem er du/ }).getByLabel('Jeg bor i området').check();
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.waitForURL(/\/meld\/[a-z0-9]+$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Tak, vi har modtaget din melding');
    await checkState(page, c.js, 'receipt');
    for (const r of requests) expect(r.startsWith(server.url), r).toBe(true);
    await context.close();
  }, 120_000);

  it.each(CASES)('the results and the map of reports are readable ($label)', async (c) => {
    const { context, requests, page } = await open(c);
    for (const path of ['/resultater', '/kort']) {
      const res = await page.goto(server.url + path);
      expect(res?.status(), path).toBe(200);
      await expect(page.locator('h1').count(), path).resolves.toBe(1);
      await checkState(page, c.js, path);
    }
    for (const r of requests) expect(r.startsWith(server.url), r).toBe(true);
    await context.close();
  }, 120_000);

  it.each(CASES)('a comment on an initiative, sent to moderation ($label)', async (c) => {
    const { context, page } = await open(c);
    await page.goto(`${server.url}/indsatser/borgerdialog-i-omraadefornyelsen`);
    await checkState(page, c.js, 'initiative');
    await page.getByLabel('Din kommentar eller dit spørgsmål').fill('Hvornår kommer der mere lys på stien?');
    await page.getByRole('button', { name: 'Send til moderation' }).click();
    await page.waitForURL(/\/kommentar-modtaget/);
    await checkState(page, c.js, 'comment received');
    // Back to the initiative from the thank-you page; the comment is not shown before approval.
    await page.locator('main a[href="/indsatser/borgerdialog-i-omraadefornyelsen"]').first().click();
    await page.waitForLoadState('load');
    await expect(page.locator('main').innerText()).resolves.not.toContain('mere lys på stien');
    await context.close();
  }, 120_000);
});
