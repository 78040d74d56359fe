/**
 * A consultation's whole journey in Chromium, with JavaScript on and off,
 * in Danish and English: residents answer by the map (a numbered marker
 * takes them to the place) and by the list, see the errors and the thanks;
 * a moderator approves a comment; the consultation closes; the released
 * results and the partners' decisions are read. axe (WCAG 2.1 AA and the
 * landmark rules) and the sideways check run on every page state.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { comments, consultationResponses, consultations, consultationStances, users } from '../../db/schema.ts';
import { moderateComment } from '../../src/server/content/comments.ts';
import { addConsultationPlace, createConsultation, findConsultation, publishDecisions, setConsultationState } from '../../src/server/consultations/consultations.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { copenhagenDay } from '../../src/lib/time.ts';
import { checkPageState, hasChromium, launchBrowser, newContext } from '../support/browser.ts';
import { sharedServerDatabase } from '../support/server-db.ts';

const base = inject('baseUrl');
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

async function makeConsultation(title: string): Promise<{ id: number; slug: string }> {
  const db = sharedServerDatabase();
  const area = (await listAreas(db)).find((a) => a.slug === 'indre-norrebro')!;
  const c = await createConsultation(
    db,
    { titleDa: title, titleEn: `${title} (English)`, summaryDa: 'To foreslåede kameraer.', summaryEn: 'Two proposed cameras.', bodyDa: 'Sig din mening.', bodyEn: 'Give your view.', areaId: area.id, initiativeId: null, scale: 'stance', opensOn: day(-1), closesOn: day(14) },
    null,
  );
  await addConsultationPlace(db, c.id, { nameDa: 'Blågårds Plads', nameEn: 'Blågårds Plads (square)', descriptionDa: 'Et kamera ved pladsen.', descriptionEn: 'A camera by the square.', lat: 55.6866, lon: 12.5577, illustration: 'camera' }, null, day(-5));
  await addConsultationPlace(db, c.id, { nameDa: 'Folkets Park', nameEn: 'Folkets Park (park)', descriptionDa: 'Lys på stien.', descriptionEn: 'Lighting on the path.', lat: 55.6884, lon: 12.5562, illustration: 'lighting' }, null, day(-5));
  expect((await setConsultationState(db, c.id, 'published', null)).ok).toBe(true);
  return { id: c.id, slug: c.slug };
}

describe.skipIf(!hasChromium)('a consultation from answers to decisions, with and without JavaScript, in Danish and English', () => {
  let browser: Browser;
  let consultation: { id: number; slug: string };
  beforeAll(async () => {
    browser = await launchBrowser();
    consultation = await makeConsultation('Kameraer og lys');
  });
  afterAll(async () => {
    await browser?.close();
  });

  const check = (page: Page, js: boolean, state: string) => checkPageState(browser, page, js, state, expect);

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
    const detail = (await findConsultation(db, consultation.id))!;
    const pending = await db.select().from(comments).where(eq(comments.targetId, detail.places[1]!.id));
    expect(pending.filter((c) => c.targetType === 'consultation_place' && c.status === 'pending')).toHaveLength(4);
  });

  it.each(CASES)('the closed consultation’s results, comments and decisions read well (JavaScript $js, $locale)', async ({ js, locale }) => {
    const db = sharedServerDatabase();
    const [row] = await db.select().from(consultations).where(eq(consultations.id, consultation.id));
    if (row!.closesOn >= day(0)) {
      // Once: time passes, a moderator approves one comment, the page releases the results, the editors decide.
      await db.update(consultations).set({ opensOn: day(-20), closesOn: day(-1) }).where(eq(consultations.id, consultation.id));
      const [moderator] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'moderator')).limit(1);
      const detail = (await findConsultation(db, consultation.id))!;
      const [one] = await db.select().from(comments).where(eq(comments.targetId, detail.places[1]!.id));
      await moderateComment(db, one!.id, { kind: 'approve' }, moderator!.id);
      await fetch(`${base}/hoeringer/${consultation.slug}`);
      const decided = await publishDecisions(
        db,
        consultation.id,
        {
          noteDa: 'Tak for jeres svar.',
          noteEn: 'Thank you for your answers.',
          places: [
            { placeId: detail.places[0]!.id, outcome: 'adopted', reasonDa: 'Der var flest for.', reasonEn: 'Most were for it.' },
            { placeId: detail.places[1]!.id, outcome: 'dropped', reasonDa: 'Der var flest imod.', reasonEn: 'Most were against it.' },
          ],
        },
        null,
      );
      expect(decided.ok).toBe(true);
    }
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
