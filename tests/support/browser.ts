/**
 * Debian's Chromium driven by playwright-core, and axe-core checks.
 *
 * Without a Chromium the browser tests are skipped with a loud notice on a
 * developer's machine; under CI=true a missing Chromium fails the run.
 */
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

/** axe-core violations on the page, formatted so a failure says what and where. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
