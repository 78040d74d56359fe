/**
 * The residents' languages in the browser (README "Languages"): in Arabic and
 * Urdu (right to left) and in Turkish and Somali, with JavaScript on and off,
 * a resident answers the whole seeded survey in that language and sends a
 * concern report to its receipt; every page state is checked with axe and
 * for sideways scrolling. At 320 px every Arabic and Urdu page passes axe and
 * does not scroll sideways.
 *
 * Every distinct state is checked once: without JavaScript, every page as the
 * server sends it (errors included); with JavaScript, the states scripts
 * change (the map's island, errors shown before sending) and the start and
 * thank-you pages. The cases run one after another: on a two-core machine
 * running them side by side is no faster, and axe times out under the load.
 *
 * The survey is answered by what the form offers, not by its words (the
 * first choice of each question), so the same steps work in every language;
 * the words checked are the catalogue's and the seeded translation's.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { DIRECTION, messages } from '../../src/lib/i18n/index.ts';
import { nameIn } from '../../src/lib/localized.ts';
import { REPORT_CATEGORY_ROWS } from '../../src/server/seed/report-categories.ts';
import { SEED_TRANSLATIONS } from '../../src/server/seed/survey-translations/index.ts';
import { axeAndLandmarkViolations, checkPageState, hasChromium, launchBrowser, newContext, sidewaysOverflow } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const LANGUAGES = ['ar', 'ur', 'tr', 'so'] as const;
type Language = (typeof LANGUAGES)[number];
const CASES = LANGUAGES.flatMap((l) => [true, false].map((js) => ({ l, js, label: `${l}, JavaScript ${js ? 'on' : 'off'}` })));
const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium)('the residents’ languages, with and without JavaScript', () => {
  let browser: Browser;
  let server: RunningServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(js: boolean, width = PHONE.width) {
    const { context, requests } = await newContext(browser, { viewport: { width, height: PHONE.height }, javaScriptEnabled: js, isMobile: true, hasTouch: true });
    return { context, requests, page: await context.newPage() };
  }

  async function expectLanguage(page: Page, l: Language, expect: ExpectStatic) {
    expect(await page.locator('html').getAttribute('lang')).toBe(l);
    expect(await page.locator('html').getAttribute('dir')).toBe(DIRECTION[l]);
  }

  /** Answers every question on the page that has no answer yet with its first choice. */
  async function answerPage(page: Page) {
    await page.evaluate(() => {
      const form = document.querySelector('form.survey-form')!;
      const groups = new Map<string, HTMLInputElement[]>();
      for (const input of form.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')) {
        if (input.closest('.hp')) continue;
        groups.set(input.name, [...(groups.get(input.name) ?? []), input]);
      }
      for (const inputs of groups.values()) if (!inputs.some((i) => i.checked)) inputs[0]!.click();
      for (const input of form.querySelectorAll<HTMLInputElement>('input[type=number]')) if (input.value === '') input.value = '3';
      for (const select of form.querySelectorAll<HTMLSelectElement>('select')) if (select.selectedIndex <= 0 && select.options.length > 1) select.selectedIndex = 1;
    });
  }

  it.for(CASES)('the whole survey, answered in the language ($label)', { timeout: 180_000 }, async ({ l, js }, { expect }) => {
    const m = messages(l).surveys;
    const t = SEED_TRANSLATIONS[l].texts;
    const { context, requests, page } = await open(js);
    await page.goto(`${server.url}/${l}/undersoegelser/tryghed-2026`);
    await expectLanguage(page, l, expect);
    expect((await page.locator('h1').innerText()).replace(/[\u2068\u2069]/g, '')).toBe(t['title']!.replace(/[\u2068\u2069]/g, ''));
    await checkPageState(browser, page, js, `${l}: survey start`, expect);
    await page.getByRole('button', { name: m.start }).click();
    await page.waitForLoadState('load');
    let seen = 0;
    for (let step = 0; step < 20; step++) {
      if ((await page.locator('h1').innerText()) === m.thanks.title) break;
      const h1 = (await page.locator('h1').innerText()).replace(/[\u2068\u2069]/g, '');
      // Every page title is the translation, not the Danish.
      expect(Object.entries(t).some(([k, v]) => k.startsWith('page.') && v.replace(/[\u2068\u2069]/g, '') === h1), `${l}: page title ${h1}`).toBe(true);
      ++seen;
      // With JavaScript, a page is only different where an island drew something (the map); the rest is checked without.
      if (!js || (await page.locator('astro-island').count()) > 0) await checkPageState(browser, page, js, `${l}: survey page ${seen}`, expect);
      if (seen === 1) {
        // Sent with nothing answered: the errors, in the language, named in the title too.
        await page.getByRole('button', { name: m.next }).click();
        await page.waitForLoadState('load');
        expect((await page.title()).startsWith(m.errorTitlePrefix), `${l}: error title`).toBe(true);
        await checkPageState(browser, page, js, `${l}: survey page 1 with errors`, expect);
      }
      await answerPage(page);
      const last = (await page.getByRole('button', { name: m.submit }).count()) > 0;
      await page.getByRole('button', { name: last ? m.submit : m.next }).click();
      await page.waitForLoadState('load');
    }
    expect(await page.locator('h1').innerText()).toBe(m.thanks.title);
    await expectLanguage(page, l, expect);
    await checkPageState(browser, page, js, `${l}: thank-you`, expect);
    expect(seen).toBeGreaterThanOrEqual(6);
    for (const r of requests) expect(r.startsWith(server.url), r).toBe(true);
    await context.close();
  });

  it.for(CASES)('a concern reported to its receipt ($label)', { timeout: 120_000 }, async ({ l, js }, { expect }) => {
    const r = messages(l).reports;
    const lighting = REPORT_CATEGORY_ROWS.find((c) => c.slug === 'lighting')!;
    const { context, requests, page } = await open(js);
    await page.goto(`${server.url}/${l}/meld`);
    await expectLanguage(page, l, expect);
    await checkPageState(browser, page, js, `${l}: /meld`, expect);
    await page.getByLabel(messages(l).map.one.list).selectOption({ label: 'Stengade' });
    await page.getByRole('group', { name: r.category }).getByLabel(nameIn(l, lighting)).check();
    await page.getByRole('group', { name: r.timeOfDay }).getByLabel(r.timesOfDay.evening).check();
    await page.getByRole('group', { name: r.reporterType }).getByLabel(r.reporterTypes.resident).check();
    await page.getByRole('button', { name: r.submit }).click();
    await page.waitForURL(new RegExp(`/${l}/meld/[A-Za-z0-9_-]+$`));
    expect(await page.locator('h1').innerText()).toBe(r.receiptKeep.thanks);
    await expectLanguage(page, l, expect);
    await checkPageState(browser, page, js, `${l}: receipt`, expect);
    for (const x of requests) expect(x.startsWith(server.url), x).toBe(true);
    await context.close();
  });

  it.for(['ar', 'ur'] as const)('every right-to-left page passes axe and does not scroll sideways at 320 px (%s)', { timeout: 150_000 }, async (l, { expect }) => {
    const { context, page } = await open(true, 320);
    for (const path of ['/', '/indsatser', '/arrangementer', '/undersoegelser', '/undersoegelser/tryghed-2026', '/meld', '/erhverv', '/kort', '/resultater', '/om', '/privatliv', '/tilgaengelighed', '/abonnement', '/findes-ikke']) {
      await page.goto(`${server.url}/${l}${path}`);
      const { overflow, out, unreachable } = await sidewaysOverflow(page);
      expect(overflow, `${l}${path} scrolls sideways: ${out.join(', ')}`).toBeLessThanOrEqual(0);
      expect(unreachable, `${l}${path}: a box scrolls sideways that the keyboard cannot reach`).toEqual([]);
      expect(await axeAndLandmarkViolations(page), `${l}${path}: axe`).toEqual([]);
    }
    await context.close();
  });
});
