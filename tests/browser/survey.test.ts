/**
 * The seeded questionnaire in Chromium: answered with JavaScript (the map for
 * places), answered with JavaScript turned off (the list alternative), each
 * storing exactly one response; immediate validation with JavaScript; axe on
 * every survey page in both locales, error states included.
 */
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser, newContext } from '../support/browser.ts';
import { serverRow, serverRows } from '../support/server-db.ts';
import { answerPages1to3, answerPages5and6, next } from '../support/survey-journey.ts';

const base = inject('baseUrl');
const SLUG = 'tryghed-2026';

async function responseCount(): Promise<number> {
  return (await serverRow<{ n: number }>(sql`select count(*) n from responses r join surveys s on s.id = r.survey_id where s.slug = ${SLUG}`)).n;
}

/** The wave's response ids: ids are random (README "Privacy"), so the new response is the one not there before. */
async function responseIds(): Promise<Set<number>> {
  return new Set((await serverRows<{ id: number }>(sql`select r.id from responses r join surveys s on s.id = r.survey_id where s.slug = ${SLUG}`)).map((r) => r.id));
}

/** The places answer of the one response stored since `before`. */
async function newPlaces(before: ReadonlySet<number>): Promise<string[]> {
  const added = [...(await responseIds())].filter((id) => !before.has(id));
  expect(added).toHaveLength(1);
  const rows = await serverRows<{ value: string }>(
    sql`select a.value from answers a join questions q on q.id = a.question_id where q.key = 'unsafe_places' and a.response_id = ${added[0]}`,
  );
  return rows.map((r) => r.value);
}

describe.skipIf(!hasChromium)('the survey in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('answered with JavaScript, using the map for places, stores exactly one response', async () => {
    const before = await responseCount();
    const idsBefore = await responseIds();
    const { context, requests } = await newContext(browser);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    await page.goto(`${base}/undersoegelser/${SLUG}`);
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.locator('#progress-label').textContent()).resolves.toBe('Side 1 af 6');
    await answerPages1to3(page);

    await page.getByRole('group', { name: /som du undgår/ }).getByLabel('Ja').check();
    await next(page); // skip logic: "Ja" reveals the places questions on the same page
    expect(page.url()).toMatch(/side\/4\?nye=2#q-unsafe_places$/);
    // Place a pin with the keyboard-operable button.
    // The island loads after the page: wait for the map.
    const map = page.getByRole('application', { name: 'Kort over områderne' });
    await map.waitFor();
    // A click far outside the areas is refused and said out loud.
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width - 20, y: 20 } });
    await expect(page.locator('input[type="hidden"][name="q_unsafe_places__point"]').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Sæt nål i kortets midte' }).click();
    await expect(page.locator('input[type="hidden"][name="q_unsafe_places__point"]').count()).resolves.toBe(1);
    await next(page);
    await answerPages5and6(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Tak for dine svar');
    expect(await responseCount()).toBe(before + 1);
    expect((await newPlaces(idsBefore)).some((v) => v.startsWith('point:'))).toBe(true);
    for (const r of requests) expect(r.startsWith(base), r).toBe(true);
    expect(consoleErrors.filter((e) => /Content.Security.Policy/i.test(e))).toEqual([]);
    await context.close();
  });

  it('answered with JavaScript turned off, using the list of places, stores exactly one response', async () => {
    const before = await responseCount();
    const idsBefore = await responseIds();
    const { context } = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/undersoegelser/${SLUG}`);
    await page.getByRole('button', { name: 'Start' }).click();
    await answerPages1to3(page);
    await page.getByRole('group', { name: /som du undgår/ }).getByLabel('Ja').check();
    await next(page);
    // The page comes back with the new questions: it says so, at the first of them.
    expect(page.url()).toMatch(/side\/4\?nye=2#q-unsafe_places$/);
    await expect(page.getByRole('status').filter({ hasText: 'Dit svar har åbnet 2 nye spørgsmål på siden' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Sæt nål i kortets midte' }).count()).resolves.toBe(0);
    await page.getByLabel('Blågårds Plads', { exact: false }).first().check();
    await page.getByLabel('Eller skriv et sted').fill('Passagen ved skolen');
    await next(page);
    await answerPages5and6(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Tak for dine svar');
    expect(await responseCount()).toBe(before + 1);
    // Answer rows have random ids, so their order says nothing: compare as a set.
    expect((await newPlaces(idsBefore)).sort()).toEqual(['place:blaagaards-plads', 'text:Passagen ved skolen']);
    await context.close();
  });

  it('with JavaScript, a missing answer is shown at once without leaving the page', async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/en/undersoegelser/${SLUG}`);
    await page.getByRole('button', { name: 'Start' }).click();
    const url = page.url();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page.locator('#client-error-summary').textContent()).resolves.toContain('Please answer the question.');
    expect(page.url()).toBe(url);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(['da', 'en'])('every survey page passes axe in %s, error states included', async (lang) => {
    const prefix = lang === 'da' ? '' : '/en';
    const { context } = await newContext(browser);
    const page = await context.newPage();
    for (const path of ['/undersoegelser', `/undersoegelser/${SLUG}`, '/undersoegelser/tryghed-2024']) {
      await page.goto(base + prefix + path);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.goto(`${base}${prefix}/undersoegelser/${SLUG}`);
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL(/side\/1$/);
    // The server's error state: post the empty page without the client-side check.
    const posted = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.evaluate(() => {
      const f = document.querySelector('form.survey-form') as HTMLFormElement;
      const action = document.createElement('input');
      action.type = 'hidden';
      action.name = 'action';
      action.value = 'next';
      f.append(action);
      HTMLFormElement.prototype.submit.call(f);
    });
    expect((await posted).status()).toBe(400);
    await page.locator('.error-summary').first().waitFor();
    expect(await axeViolations(page), 'page 1 with errors').toEqual([]);
    // Every page, answered, passes axe.
    const fill = async () => {
      for (const group of await page.locator('main fieldset:not(.matrix-row)').all()) {
        const first = group.locator('input[type="radio"]').first();
        if ((await first.count()) > 0) await first.check();
      }
      for (const row of await page.locator('fieldset.matrix-row').all()) await row.locator('input[type="radio"]').first().check();
    };
    for (let n = 1; n <= 6; n++) {
      await fill();
      expect(await axeViolations(page), `page ${n}`).toEqual([]);
      const submit = page.locator('.nav-buttons button').first();
      await submit.click();
      await page.waitForLoadState('load');
      if (!page.url().includes('/side/')) break;
    }
    expect(await axeViolations(page), 'thank-you page').toEqual([]);
    await context.close();
  });
});
