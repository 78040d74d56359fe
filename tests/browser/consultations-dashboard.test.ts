/**
 * The staff consultation overview and the annual report's consultation
 * section in Chromium, with a released and an open consultation on the
 * server's database: both pass axe (the figures' tables, the facts, the
 * export links).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addConsultationPlace, createConsultation, releaseClosedConsultation, setConsultationState, storeConsultationResponse } from '../../src/server/consultations/consultations.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { axeViolations, hasChromium, launchBrowser, newContext } from '../support/browser.ts';
import { sharedServerDatabase } from '../support/server-db.ts';
import { SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { addStaffSession } from '../support/staff-browser.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

async function consultation(title: string, opensOn: string, closesOn: string, release: boolean): Promise<number> {
  const db = sharedServerDatabase();
  const area = (await listAreas(db)).find((a) => a.slug === 'indre-norrebro')!;
  const c = await createConsultation(db, { titleDa: title, titleEn: null, summaryDa: 'Forslag', summaryEn: null, bodyDa: '', bodyEn: null, areaId: area.id, initiativeId: null, scale: 'five', opensOn, closesOn }, null);
  const places = [];
  for (const name of ['Ved skolen', 'Langs søen']) {
    const added = await addConsultationPlace(db, c.id, { nameDa: name, nameEn: null, descriptionDa: 'Lys', descriptionEn: null, lat: 55.69, lon: 12.55, illustration: null }, null, '2000-01-01');
    if (!added.ok) throw new Error(added.reason);
    places.push(added.place);
  }
  // Published before it opens, as an editor would.
  if (!(await setConsultationState(db, c.id, 'published', null, '2000-01-01')).ok) throw new Error('not published');
  for (let i = 0; i < 9; i++) {
    await storeConsultationResponse(db, c.id, { respondent: i < 7 ? 'resident' : 'visitor', stances: [{ placeId: places[i % 2]!.id, stance: i % 3 ? 'good' : 'very_bad' }], comments: [] }, 'da', opensOn);
  }
  if (release) await releaseClosedConsultation(db, c.id, 5, new Date(`${closesOn.slice(0, 4)}-12-31T23:00:00Z`));
  return c.id;
}

describe.skipIf(!hasChromium)('consultations for staff in Chromium', () => {
  let browser: Browser;
  let analyst: BrowserContext;
  beforeAll(async () => {
    await consultation('Belysning i gården (browser)', '2024-05-01', '2024-05-31', true);
    await consultation('Kameraer ved stationen (browser)', '2020-01-01', '2099-12-31', false);
    browser = await launchBrowser();
    analyst = (await newContext(browser)).context;
    await addStaffSession(analyst, base, dbPath, 'analyst');
  }, SIGN_IN_TIMEOUT_MS + 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('the overview passes axe, in Danish and English', async () => {
    for (const path of ['/staff/dashboard/consultations', '/en/staff/dashboard/consultations']) {
      const page = await analyst.newPage();
      const res = await page.goto(base + path);
      expect(res?.status()).toBe(200);
      await expect(page.locator('[data-phase="released"] table').count()).resolves.toBeGreaterThan(0);
      expect(await axeViolations(page), path).toEqual([]);
      await page.close();
    }
  });

  it('the report with a consultation section passes axe', async () => {
    const page = await analyst.newPage();
    expect((await page.goto(`${base}/staff/report/2024`))?.status()).toBe(200);
    await expect(page.locator('#consultations table').count()).resolves.toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
