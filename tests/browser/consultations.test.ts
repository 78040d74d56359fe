/**
 * A consultation's whole journey in Chromium: an editor makes it with two
 * places through the staff pages and publishes it; residents answer by the
 * map (a numbered marker takes them to the place) and by the list, with
 * JavaScript on and off, in Danish and English, and see the errors and the
 * thanks; a moderator approves a comment in the queue; the consultation
 * closes; the editor publishes the decisions; residents read the released
 * results and the decisions. axe (WCAG 2.1 AA and the landmark rules) runs
 * on every page state, with the sideways check on the public ones.
 */
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { comments, consultationCodes, consultationResponses, consultations, consultationStances } from '../../db/schema.ts';
import { findConsultation, listConsultationCodes, releaseClosedConsultation } from '../../src/server/consultations/consultations.ts';
import { copenhagenDay } from '../../src/lib/time.ts';
import { axeAndLandmarkViolations, checkPageState, hasChromium, launchBrowser, newContext } from '../support/browser.ts';
import { sharedServerDatabase } from '../support/server-db.ts';
import { addStaffSession } from '../support/staff-browser.ts';
import { SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const day = (offset: number) => copenhagenDay(new Date(Date.now() + offset * 86_400_000));

const CASES = [
  { js: true, locale: 'da' as const },
  { js: false, locale: 'da' as const },
  { js: true, locale: 'en' as const },
  { js: false, locale: 'en' as const },
];

const TEXT = {
  da: { place: (n: number, name: string) => `Sted ${n}: ${name}`, for: 'For', against: 'Imod', business: 'Jeg driver en virksomhed her', resident: 'Jeg bor her', submit: 'Send mit svar', errors: 'Dit svar blev ikke sendt', thanks: 'Tak for dit svar', comment: 'Kommentar (frivillig)' },
  en: { place: (n: number, name: string) => `Place ${n}: ${name}`, for: 'For', against: 'Against', business: 'I run a business here', resident: 'I live here', submit: 'Send my answer', errors: 'Your answer was not sent', thanks: 'Thank you for your answer', comment: 'Comment (optional)' },
};

describe.skipIf(!hasChromium)('a consultation from answers to decisions, with and without JavaScript, in Danish and English', () => {
  let browser: Browser;
  let editor: BrowserContext;
  let consultation: { id: number; slug: string };
  beforeAll(async () => {
    browser = await launchBrowser();
    editor = (await newContext(browser, { viewport: { width: 1366, height: 900 } })).context;
    await addStaffSession(editor, base, dbPath, 'editor');
  }, SIGN_IN_TIMEOUT_MS + 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  const check = (page: Page, js: boolean, state: string) => checkPageState(browser, page, js, state, expect);
  const axeClean = async (page: Page, state: string) => expect(await axeAndLandmarkViolations(page), state).toEqual([]);

  it('an editor makes a consultation with two places through the staff pages and publishes it', async () => {
    const page = await editor.newPage();
    await page.goto(`${base}/staff/consultations/new`);
    await axeClean(page, 'the new consultation form');
    await page.getByLabel('Titel på dansk').fill('Kameraer og lys');
    await page.getByLabel('Titel på engelsk').fill('Cameras and lighting');
    await page.getByLabel('Resumé på dansk').fill('To foreslåede steder.');
    await page.getByLabel('Resumé på engelsk').fill('Two proposed places.');
    await page.getByLabel('Forklaring på dansk').fill('Sig din mening om **hvert** sted.');
    await page.getByLabel('Område').selectOption({ label: 'Indre Nørrebro' });
    await page.getByRole('button', { name: 'Opret som kladde' }).click();
    await page.waitForURL(/\/staff\/consultations\/\d+/);
    const id = Number(/\/staff\/consultations\/(\d+)/.exec(page.url())![1]);
    await axeClean(page, 'the draft with no places');

    // A named place with an illustration, then one given by its coordinates.
    await page.locator('#place-nameDa').fill('Blågårds Plads');
    await page.locator('#place-nameEn').fill('Blågårds Plads (square)');
    await page.locator('#place-descriptionDa').fill('Et kamera ved pladsen.');
    await page.locator('#place-descriptionEn').fill('A camera by the square.');
    await page.locator('#place-namedPlace').selectOption('blaagaards-plads');
    await page.locator('#place-illustration-camera').check();
    await page.getByRole('button', { name: 'Tilføj stedet' }).click();
    await page.waitForURL(/done=place_added/);
    await page.locator('#place-nameDa').fill('Folkets Park');
    await page.locator('#place-nameEn').fill('Folkets Park (park)');
    await page.locator('#place-descriptionDa').fill('Lys på stien.');
    await page.locator('#place-lat').fill('55.6884');
    await page.locator('#place-lon').fill('12.5562');
    await page.locator('#place-illustration-lighting').check();
    await page.getByRole('button', { name: 'Tilføj stedet' }).click();
    await page.waitForURL(/done=place_added/);
    await axeClean(page, 'the draft with two places');
    // Codes for letters to households: optional for residents, so the form gets an optional code field.
    await page.getByLabel('Antal nye koder').fill('5');
    await page.getByRole('button', { name: 'Lav koderne' }).click();
    await page.waitForURL(/done=codes/);
    await axeClean(page, 'the draft with codes');
    await page.getByRole('button', { name: 'Offentliggør', exact: true }).click();
    await page.waitForURL(/done=published/);
    await axeClean(page, 'the published consultation');
    const detail = (await findConsultation(sharedServerDatabase(), id))!;
    expect(detail.places.map((p) => p.nameDa)).toEqual(['Blågårds Plads', 'Folkets Park']);
    expect(detail.consultation.state).toBe('published');
    consultation = { id, slug: detail.consultation.slug };
    await page.close();
  });

  it.each(CASES)('a resident answers by the map and by the list (JavaScript $js, $locale)', async ({ js, locale }) => {
    const t = TEXT[locale];
    const { context, requests } = await newContext(browser, { javaScriptEnabled: js, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const path = `${locale === 'da' ? '' : '/en'}/hoeringer/${consultation.slug}`;
    await page.goto(base + path);
    await check(page, js, 'the open consultation');

    // Sent with nothing chosen: the errors, and nothing stored.
    await page.getByRole('button', { name: t.submit }).click();
    await expect(page.getByText(t.errors).count()).resolves.toBe(1);
    await check(page, js, 'the form with its errors');

    // By the map: the marker of place 1 leads to place 1's part of the form.
    await page.getByRole('link', { name: t.place(1, locale === 'da' ? 'Blågårds Plads' : 'Blågårds Plads (square)') }).click();
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#sted-1');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sted-1');
    const place1 = page.locator('#sted-1');
    await place1.getByRole('radio', { name: t.for, exact: true }).check();
    // By the list: place 2 with the keyboard, and a comment.
    const place2 = page.locator('#sted-2');
    await place2.getByRole('radio', { name: t.against, exact: true }).focus();
    await page.keyboard.press('Space');
    await place2.getByRole('textbox', { name: t.comment }).fill('Stien er mørk om aftenen.');
    // One resident has a letter: its code, typed in lower case with a space.
    if (!js && locale === 'da') {
      const [code] = await listConsultationCodes(sharedServerDatabase(), consultation.id);
      await page.getByRole('textbox', { name: 'Kode fra brevet (hvis du har fået et)' }).fill(`${code!.code.slice(0, 4).toLowerCase()} ${code!.code.slice(4)}`);
    }
    await page.getByRole('radio', { name: js ? t.business : t.resident }).check();
    await page.getByRole('button', { name: t.submit }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t.thanks);
    await check(page, js, 'the thanks');
    for (const r of requests) expect(r.startsWith(base), r).toBe(true);
    await context.close();
  });

  it('stored four answers, eight stances and four pending comments, none linked to another', async () => {
    const db = sharedServerDatabase();
    expect(await db.select().from(consultationResponses).where(eq(consultationResponses.consultationId, consultation.id))).toHaveLength(4);
    const stances = await db.select().from(consultationStances).where(eq(consultationStances.consultationId, consultation.id));
    expect(stances).toHaveLength(8);
    expect(new Set(stances.map((s) => s.cellKey)).size).toBe(8);
    // The letter's code is used, and nothing says by which answer.
    const codes = await db.select().from(consultationCodes).where(eq(consultationCodes.consultationId, consultation.id));
    expect(codes.filter((c) => c.used)).toHaveLength(1);
    const detail = (await findConsultation(db, consultation.id))!;
    const pending = await db.select().from(comments).where(eq(comments.targetId, detail.places[1]!.id));
    expect(pending.filter((c) => c.targetType === 'consultation_place' && c.status === 'pending')).toHaveLength(4);
  });

  it('a moderator approves one comment in the queue', async () => {
    const db = sharedServerDatabase();
    const detail = (await findConsultation(db, consultation.id))!;
    const [one] = await db.select().from(comments).where(eq(comments.targetId, detail.places[1]!.id));
    const { context } = await newContext(browser);
    await addStaffSession(context, base, dbPath, 'moderator');
    const page = await context.newPage();
    await page.goto(`${base}/staff/comments`);
    await axeClean(page, 'the queue with consultation comments');
    await expect(page.getByText('Kameraer og lys · Folkets Park').count()).resolves.toBeGreaterThan(0);
    await page.getByLabel(`Vælg kommentar #${one!.id} til samlet behandling`).check();
    await page.getByRole('button', { name: 'Godkend de valgte' }).click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('1 kommentar er godkendt.');
    await context.close();
  });

  it('it closes, its results are released, and the editor publishes the decisions', async () => {
    const db = sharedServerDatabase();
    // Time passes: its last day was yesterday.
    await db.update(consultations).set({ opensOn: day(-20), closesOn: day(-1) }).where(eq(consultations.id, consultation.id));
    expect(await releaseClosedConsultation(db, consultation.id, 5)).toBe(true);
    const detail = (await findConsultation(db, consultation.id))!;
    const page = await editor.newPage();
    await page.goto(`${base}/staff/consultations/${consultation.id}#decisions`);
    await axeClean(page, 'the released consultation with the decisions form');
    await page.getByLabel('Det hørte vi, på dansk').fill('Tak for jeres svar.');
    await page.getByLabel('Det hørte vi, på engelsk').fill('Thank you for your answers.');
    const [first, second] = detail.places;
    await page.locator(`#outcome-${first!.id}`).selectOption('adopted');
    await page.locator(`#reasonDa-${first!.id}`).fill('Der var flest for.');
    await page.locator(`#reasonEn-${first!.id}`).fill('Most were for it.');
    await page.locator(`#outcome-${second!.id}`).selectOption('dropped');
    await page.locator(`#reasonDa-${second!.id}`).fill('Der var flest imod.');
    await page.locator(`#reasonEn-${second!.id}`).fill('Most were against it.');
    await page.getByRole('button', { name: 'Offentliggør beslutningen' }).click();
    await page.waitForURL(/done=decisions/);
    await axeClean(page, 'the published decisions');
    expect((await findConsultation(db, consultation.id))!.consultation.decidedOn).toBe(day(0));
    await page.close();
  });

  it.each(CASES)('the closed consultation’s results, comments and decisions read well (JavaScript $js, $locale)', async ({ js, locale }) => {
    const db = sharedServerDatabase();
    const [row] = await db.select().from(consultations).where(eq(consultations.id, consultation.id));
    expect(row!.closesOn < day(0)).toBe(true);
    const { context } = await newContext(browser, { javaScriptEnabled: js, viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${base}${locale === 'da' ? '' : '/en'}/hoeringer/${consultation.slug}`);
    await expect(page.getByText('Stien er mørk om aftenen.').count()).resolves.toBe(1);
    await expect(page.getByText(locale === 'da' ? 'Der var flest imod.' : 'Most were against it.').count()).resolves.toBe(1);
    // Four answers are fewer than K: no figure below K is shown anywhere.
    await expect(page.getByText(locale === 'da' ? 'For få svarede til at vise tal.' : 'Too few answered to show figures.').count()).resolves.toBe(1);
    await expect(page.locator('form#answer-form').count()).resolves.toBe(0);
    await check(page, js, 'the results and decisions');
    await context.close();
  });

  it('the Arabic page of an open consultation reads right to left at 320 px without sideways scrolling', async () => {
    const { context } = await newContext(browser, { javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${base}/ar/hoeringer/tryghedskameraer-hvor-og-hvor-ikke`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await check(page, false, 'an Arabic consultation');
    await context.close();
  });
});
