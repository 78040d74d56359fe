/**
 * Staff pages on a phone: at 320 px no staff page scrolls sideways (a wide
 * table scrolls inside its own box, `.table-wrap`, which is fine, and the
 * keyboard can reach and scroll that box), and axe finds nothing at that
 * width; signed in as an admin, who sees every page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeAndLandmarkViolations, hasChromium, launchBrowser, newContext, sidewaysOverflow } from '../support/browser.ts';
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

  it('no staff page scrolls sideways at 320 px, its scrolling tables take the keyboard, and axe finds nothing', { timeout: 150_000 }, async () => {
    const { context } = await newContext(browser, { viewport: { width: 320, height: 640 } });
    await addStaffSession(context, base, dbPath, 'admin');
    const page = await context.newPage();
    const failures: string[] = [];
    // And a wave's and a consultation's own pages (their tables), as the lists link to them.
    const details: string[] = [];
    for (const [list, pattern] of [['/staff/surveys', /^\/staff\/surveys\/\d+$/], ['/staff/consultations', /^\/staff\/consultations\/\d+$/]] as const) {
      await page.goto(base + list);
      const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      details.push(...hrefs.filter((h) => pattern.test(h)).slice(0, 2));
    }
    expect(details.length).toBeGreaterThanOrEqual(3);
    for (const path of [...PAGES, ...details]) {
      const res = await page.goto(base + path);
      expect(res?.status(), path).toBe(200);
      const { overflow, out, unreachable } = await sidewaysOverflow(page);
      if (overflow > 0) failures.push(`${path} scrolls sideways by ${overflow} px: ${out.join(', ')}`);
      if (unreachable.length > 0) failures.push(`${path}: the keyboard cannot reach ${unreachable.join(', ')}`);
      for (const v of await axeAndLandmarkViolations(page)) failures.push(`${path}: ${v}`);
    }
    expect(failures).toEqual([]);
    await context.close();
  });
});
