/**
 * The seeded questionnaire in Chromium: answered with JavaScript (the map for
 * places), answered with JavaScript turned off (the list alternative), each
 * storing exactly one response; immediate validation with JavaScript; axe on
 * every survey page in both locales, error states included.
 */
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser, newContext } from '../support/browser.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const SLUG = 'tryghed-2026';

function responseCount(): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare("select count(*) n from responses r join surveys s on s.id = r.survey_id where s.slug = ?").get(SLUG) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The wave's response ids: ids are random (README "Privacy"), so the new response is the one not there before. */
function responseIds(): Set<number> {
  const db = new Database(dbPath, { readonly: true });
  try {
    return new Set((db.prepare('select r.id from responses r join surveys s on s.id = r.survey_id where s.slug = ?').all(SLUG) as { id: number }[]).map((r) => r.id));
  } finally {
    db.close();
  }
}

/** The places answer of the one response stored since `before`. */
function newPlaces(before: ReadonlySet<number>): string[] {
  const added = [...responseIds()].filter((id) => !before.has(id));
  expect(added).toHaveLength(1);
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = db
      .prepare("select a.value from answers a join questions q on q.id = a.question_id where q.key = 'unsafe_places' and a.response_id = ?")
      .all(added[0]) as { value: string }[];
    return rows.map((r) => r.value);
  } finally {
    db.close();
  }
}

async function next(page: Page, label = 'Næste side') {
  await page.getByRole('button', { name: label }).click();
  await page.waitForLoadState('load');
}

/** Pages 1–3 and 5–6 of the seeded questionnaire, by their visible labels. */
async function answerPages1to3(page: Page) {
  await page.getByLabel('Indre Nørrebro', { exact: true }).check();
  await page.getByRole('group', { name: /generelt i dit nabolag/ }).getByLabel('Tryg', { exact: true }).check();
  await next(page);
  await page.getByRole('group', { name: /om aftenen/ }).getByLabel('Utryg', { exact: true }).check();
  await page.getByRole('group', { name: /Og om natten/ }).getByLabel('Meget utryg', { exact: true }).check();
  await next(page);
  for (const row of await page.locator('fieldset.matrix-row').all()) await row.getByLabel('Et vist problem').check();
  await next(page);
}

async function answerPages5and6(page: Page) {
  await page.getByRole('group', { name: /bekymret er du/ }).getByLabel('6', { exact: true }).check();
  await page.getByRole('group', { name: /politiet ville hjælpe/ }).getByLabel('4', { exact: true }).check();
  await page.getByRole('group', { name: /kommunen ville hjælpe/ }).getByLabel('Ved ikke').check();
  await next(page);
  await page.getByRole('group', { name: /Hvor gammel/ }).getByLabel('25–34 år').check();
  await page.getByLabel('Hvor mange år har du boet eller arbejdet i området?').fill('3');
  await page.getByRole('button', { name: 'Send mine svar' }).click();
  await page.waitForLoadState('load');
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
    const before = responseCount();
    const idsBefore = responseIds();
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
    expect(page.url()).toMatch(/side\/4$/);
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
    expect(responseCount()).toBe(before + 1);
    expect(newPlaces(idsBefore).some((v) => v.startsWith('point:'))).toBe(true);
    for (const r of requests) expect(r.startsWith(base), r).toBe(true);
    expect(consoleErrors.filter((e) => /Content.Security.Policy/i.test(e))).toEqual([]);
    await context.close();
  });

  it('answered with JavaScript turned off, using the list of places, stores exactly one response', async () => {
    const before = responseCount();
    const idsBefore = responseIds();
    const { context } = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/undersoegelser/${SLUG}`);
    await page.getByRole('button', { name: 'Start' }).click();
    await answerPages1to3(page);
    await page.getByRole('group', { name: /som du undgår/ }).getByLabel('Ja').check();
    await next(page);
    expect(page.url()).toMatch(/side\/4$/);
    await expect(page.getByRole('button', { name: 'Sæt nål i kortets midte' }).count()).resolves.toBe(0);
    await page.getByLabel('Blågårds Plads', { exact: false }).first().check();
    await page.getByLabel('Eller skriv et sted').fill('Passagen ved skolen');
    await next(page);
    await answerPages5and6(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Tak for dine svar');
    expect(responseCount()).toBe(before + 1);
    // Answer rows have random ids, so their order says nothing: compare as a set.
    expect(newPlaces(idsBefore).sort()).toEqual(['place:blaagaards-plads', 'text:Passagen ved skolen']);
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
