/**
 * E-mail subscriptions in Chromium, in Danish with JavaScript and in English
 * without, at 320 px: the form on the events list, its errors, "check your
 * e-mail", the confirmation page (before and after confirming, and a second
 * time), the unsubscribe page (before and after), and an unknown link. axe
 * (WCAG 2.1 A/AA and landmark best practices) in every state, no sideways
 * scrolling, and no request to another origin.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeAndLandmarkViolations, axeWithoutJavaScript, hasChromium, launchBrowser, newContext } from '../support/browser.ts';
import { readMailbox, waitForMail } from '../support/mailbox.ts';

const base = inject('baseUrl');
const mailDir = inject('mailDir');

/** The text of a received mail, folded headers joined and quoted-printable undone. */
function decoded(raw: string): string {
  return raw.replace(/\r?\n[ \t]+/g, ' ').replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
}

const words = {
  da: {
    events: '/arrangementer',
    email: 'Din e-mailadresse',
    subscribe: 'Abonnér',
    missing: 'Skriv din e-mailadresse.',
    sent: 'Tjek din e-mail',
    confirm: 'Bekræft abonnementet',
    confirmed: 'Dit abonnement er bekræftet',
    already: 'Abonnementet er allerede bekræftet',
    unsubscribe: 'Afmeld',
    unsubscribed: 'Du er afmeldt',
    unknown: 'Linket virker ikke',
  },
  en: {
    events: '/en/arrangementer',
    email: 'Your e-mail address',
    subscribe: 'Subscribe',
    missing: 'Enter your e-mail address.',
    sent: 'Check your e-mail',
    confirm: 'Confirm the subscription',
    confirmed: 'Your subscription is confirmed',
    already: 'The subscription is already confirmed',
    unsubscribe: 'Unsubscribe',
    unsubscribed: 'You are unsubscribed',
    unknown: 'The link does not work',
  },
};

describe.skipIf(!hasChromium)('subscriptions in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [locale, js] of [
    ['da', true],
    ['en', false],
  ] as const) {
    it(`${locale}, ${js ? 'with' : 'without'} JavaScript: subscribe, confirm, unsubscribe, with axe in every state`, async () => {
      const w = words[locale];
      const { context, requests } = await newContext(browser, { viewport: { width: 320, height: 640 }, javaScriptEnabled: js, locale: locale === 'da' ? 'da-DK' : 'en-GB' });
      const page = await context.newPage();
      const check = async (what: string) => {
        expect(js ? await axeAndLandmarkViolations(page) : await axeWithoutJavaScript(browser, page), what).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), what).toBeLessThanOrEqual(0);
      };
      const heading = (p: Page) => p.locator('h1').textContent();

      await page.goto(base + w.events);
      const box = page.getByRole('region', { name: locale === 'da' ? 'Få nyt på e-mail' : 'Get news by e-mail' });
      await check('events list with the form');
      // Sent empty: the full form answers with the error, focused by its summary.
      await box.getByRole('button', { name: w.subscribe }).click();
      await page.getByRole('alert').filter({ hasText: w.missing }).waitFor();
      await expect(page.getByLabel(w.email).getAttribute('aria-invalid')).resolves.toBe('true');
      await check('form with an error');

      const address = `browser-${locale}-${Date.now()}@example.dk`;
      await page.getByLabel(w.email).fill(address);
      await page.getByRole('radio', { name: locale === 'da' ? 'Nye arrangementer' : 'New events' }).check();
      await page.getByRole('button', { name: w.subscribe }).click();
      await page.getByRole('status').filter({ hasText: w.sent }).waitFor();
      await check('check your e-mail');

      const [mail] = await waitForMail(mailDir, address);
      const text = decoded(mail!.raw);
      const confirmUrl = new RegExp(`${base}${locale === 'en' ? '/en' : ''}/abonnement/bekraeft/[A-Za-z0-9_-]{43}`).exec(text)![0];
      const unsubscribeUrl = /^List-Unsubscribe: <([^>]+)>/m.exec(text)![1]!;

      await page.goto(confirmUrl);
      await expect(heading(page)).resolves.toBe(locale === 'da' ? 'Bekræft dit abonnement' : 'Confirm your subscription');
      await check('confirmation page');
      await page.getByRole('button', { name: w.confirm }).click();
      await expect(heading(page)).resolves.toBe(w.confirmed);
      await check('confirmed');
      await page.goto(confirmUrl);
      await expect(heading(page)).resolves.toBe(w.already);
      await check('confirmed again');

      await page.goto(unsubscribeUrl);
      await check('unsubscribe page');
      await page.getByRole('button', { name: w.unsubscribe, exact: true }).click();
      await expect(heading(page)).resolves.toBe(w.unsubscribed);
      await check('unsubscribed');

      await page.goto(unsubscribeUrl);
      await expect(heading(page)).resolves.toBe(w.unknown);
      await check('unknown link');

      expect(readMailbox(mailDir).filter((m) => m.to === address)).toHaveLength(1);
      for (const r of requests) expect(r.startsWith(base), r).toBe(true);
      await context.close();
      // Nine axe runs: slow on a busy machine.
    }, 240_000);
  }
});
