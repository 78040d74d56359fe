/**
 * Debian's Chromium driven by playwright-core, and axe-core checks.
 *
 * Without a Chromium the browser tests are skipped with a loud notice on a
 * developer's machine; under CI=true a missing Chromium fails the run.
 */
import type { ExpectStatic } from 'vitest';
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

const candidates = [process.env['CHROME_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (p): p is string => typeof p === 'string' && p.length > 0,
);

export const chromiumPath = candidates.find((p) => existsSync(p));

if (!chromiumPath) {
  if (process.env['CI'] === 'true') {
    throw new Error('CI=true but no Chromium was found (install Debian\'s `chromium`, or set CHROME_PATH).');
  }
  console.warn(
    '\n' +
      '*****************************************************************\n' +
      '*  BROWSER TESTS SKIPPED: no Chromium found.                     *\n' +
      '*  Install it with `apt-get install chromium` or set CHROME_PATH.*\n' +
      '*****************************************************************\n',
  );
}

export const hasChromium = chromiumPath !== undefined;

/** Each launch gets a fresh, empty temporary profile from playwright (its user data dir). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A context that records every request URL, to prove nothing leaves the site. */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; requests: string[] }> {
  const context = await browser.newContext({ locale: 'da-DK', ...options });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  return { context, requests };
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe's best-practice rules about landmarks: each landmark unique (by role and
 * name), one banner, one contentinfo, one main, and none nested where it
 * should be top-level.
 */
export const LANDMARK_RULES = [
  'landmark-unique',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-contentinfo',
  'landmark-no-duplicate-main',
  'landmark-one-main',
  'landmark-banner-is-top-level',
  'landmark-contentinfo-is-top-level',
  'landmark-main-is-top-level',
  'landmark-complementary-is-top-level',
];

/** axe-core violations on the page, formatted so a failure says what and where. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return formatViolations(result.violations);
}

/** Violations of the landmark best-practice rules (LANDMARK_RULES). */
export async function landmarkViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withRules(LANDMARK_RULES).analyze();
  return formatViolations(result.violations);
}

/**
 * axeViolations and landmarkViolations in one pass of axe (half the time of
 * two): the WCAG 2.1 A/AA rules, with the landmark rules switched on too.
 */
export async function axeAndLandmarkViolations(page: Page): Promise<string[]> {
  const rules = Object.fromEntries(LANDMARK_RULES.map((r) => [r, { enabled: true }]));
  const result = await new AxeBuilder({ page }).options({ runOnly: { type: 'tag', values: AXE_TAGS }, rules }).analyze();
  return formatViolations(result.violations);
}

/**
 * axe (WCAG 2.1 A/AA and LANDMARK_RULES) on a page of a context with
 * JavaScript off, in the state it is in now (a menu opened, a form's errors).
 * axe cannot run where JavaScript is off, so the page's DOM is copied, without
 * its scripts, into a page with JavaScript on (its stylesheets loaded from the
 * same server), and checked there.
 */
export async function axeWithoutJavaScript(browser: Browser, noScriptPage: Page): Promise<string[]> {
  return withScriptlessCopy(browser, noScriptPage, axeAndLandmarkViolations);
}

/**
 * Runs `fn` on a copy of a JavaScript-off page, in its current state, in a
 * page where the test can run scripts (axe, measurements): the DOM without its
 * scripts, the stylesheets and typeface from the same server, the same
 * viewport. The copy is served from the page's own origin (a routed address
 * the server never sees): the site sends Cross-Origin-Resource-Policy:
 * same-origin, so a copy on about:blank would be checked without any CSS.
 */
export async function withScriptlessCopy<T>(browser: Browser, noScriptPage: Page, fn: (copy: Page) => Promise<T>): Promise<T> {
  const url = new URL(noScriptPage.url());
  const copyUrl = `${url.origin}/__scriptless-copy__${url.pathname}`;
  const html = (await noScriptPage.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<head>/i, `<head><base href="${url.href}">`);
  const context = await browser.newContext({ viewport: noScriptPage.viewportSize(), locale: 'da-DK' });
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => {
      const request = route.request();
      if (request.url() === copyUrl) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      return request.resourceType() === 'script' ? route.abort() : route.continue();
    });
    await page.goto(copyUrl, { waitUntil: 'load' });
    // A stylesheet that did not load (refused, or not found) is missing from document.styleSheets.
    const { links, loaded } = await page.evaluate(() => ({
      links: document.querySelectorAll('link[rel~="stylesheet"]').length,
      loaded: [...document.styleSheets].filter((sheet) => {
        try {
          return sheet.href !== null && sheet.cssRules.length > 0;
        } catch {
          return false;
        }
      }).length,
    }));
    if (loaded < links) throw new Error(`the scriptless copy of ${url.pathname} loaded ${loaded} of its ${links} stylesheets`);
    return await fn(page);
  } finally {
    await context.close();
  }
}

function formatViolations(violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * One page state checked as a resident's journey needs it: axe and the
 * landmark rules find nothing, and the page does not scroll sideways (to the
 * right, or on a right-to-left page to the left). With JavaScript off, axe and
 * the measurement run on a copy of the page's current DOM (they are scripts
 * themselves). `check` is the test's own expect (concurrent tests need theirs).
 */
export async function checkPageState(browser: Browser, page: Page, js: boolean, state: string, check: ExpectStatic): Promise<void> {
  const run = async (p: Page) => {
    check(await axeAndLandmarkViolations(p), `${state}: axe (WCAG 2.1 AA and landmarks)`).toEqual([]);
    // Measured once the typeface has loaded (font-display: swap draws the
    // fallback first); the message names what sticks out, if anything does.
    const { overflow, out } = await p.evaluate(async () => {
      await document.fonts.ready;
      const width = document.documentElement.clientWidth;
      const out = [...document.querySelectorAll('body *')]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.right > width + 0.5 || r.left < -0.5;
        })
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ')[0]}` : ''} (${Math.round(e.getBoundingClientRect().left)}–${Math.round(e.getBoundingClientRect().right)} px)`);
      return { overflow: document.documentElement.scrollWidth - width, out };
    });
    check(overflow, `${state}: scrolls sideways; sticking out: ${out.join(', ')}`).toBeLessThanOrEqual(0);
  };
  await (js ? run(page) : withScriptlessCopy(browser, page, run));
}

/**
 * How far the page scrolls sideways (0 or less: not at all), with the first
 * few elements that stick out, to name in a failure. A wide table scrolls
 * inside its own box (`.table-wrap`, TableBox.astro), which is fine and not
 * named. `unreachable` names every box that does scroll sideways now but is
 * not a named region the keyboard can reach (tabindex 0, role region, a
 * label): someone without a mouse could not scroll it (WCAG 2.1.1).
 */
export async function sidewaysOverflow(page: Page): Promise<{ overflow: number; out: string[]; unreachable: string[] }> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const width = document.documentElement.clientWidth;
    const name = (e: Element) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}`;
    const out = [...document.querySelectorAll('main *, header *, footer *')]
      .filter((e) => {
        const b = e.getBoundingClientRect();
        return b.width > 0 && (b.left < -0.5 || b.right > width + 0.5) && !e.closest('.table-wrap');
      })
      .slice(0, 3)
      .map(name);
    const unreachable = [...document.querySelectorAll('body *')]
      .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
      .filter((e) => !(e.getAttribute('tabindex') === '0' && e.getAttribute('role') === 'region' && (e.getAttribute('aria-label') || document.getElementById(e.getAttribute('aria-labelledby') ?? '')?.textContent?.trim())))
      .map(name);
    return { overflow: document.documentElement.scrollWidth - width, out, unreachable };
  });
}
