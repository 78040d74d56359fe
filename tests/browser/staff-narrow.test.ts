/**
 * Staff pages on a phone: at 320 px no staff page scrolls sideways (a wide
 * table scrolls inside its own box, `.table-wrap`, which is fine), signed in
 * as an admin, who sees every page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launchBrowser, newContext, sidewaysOverflow } from '../support/browser.ts';
import { addStaffSession } from '../support/staff-browser.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const PAGES = [
  '/staff',
  '/staff/reports',
  '/staff/comments',
  '/staff/initiatives',
  '/staff/initiatives/new',
  '/staff/events',
  '/staff/events/new',
  '/staff/surveys',
  '/staff/surveys/new',
  '/staff/consultations',
  '/staff/consultations/new',
  '/staff/dashboard',
  '/staff/dashboard/goals',
  '/staff/dashboard/waves',
  '/staff/dashboard/trends',
  '/staff/dashboard/reports',
  '/staff/dashboard/displacement',
  '/staff/dashboard/consultations',
  '/staff/users',
  '/staff/partners',
  '/staff/areas',
  '/staff/places',
  '/staff/categories',
  '/staff/audit',
  '/staff/open311',
  '/staff/account',
];

describe.skipIf(!hasChromium)('staff pages at 320 px', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('no staff page scrolls sideways at 320 px', { timeout: 90_000 }, async () => {
    const { context } = await newContext(browser, { viewport: { width: 320, height: 640 } });
    await addStaffSession(context, base, dbPath, 'admin');
    const page = await context.newPage();
    const failures: string[] = [];
    for (const path of PAGES) {
      const res = await page.goto(base + path);
      expect(res?.status(), path).toBe(200);
      const { overflow, out } = await sidewaysOverflow(page);
      if (overflow > 0) failures.push(`${path} scrolls sideways by ${overflow} px: ${out.join(', ')}`);
    }
    expect(failures).toEqual([]);
    await context.close();
  });
});
