/**
 * A questionnaire's translations against a real database (SQLite, and
 * PostgreSQL in the -pg project): saving with a state, what residents are
 * offered, the translator pages use, the language kept with a response, a
 * clone's translations, and category names in the residents' languages.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, reportCategories, responses, surveyAreas, surveys, surveySeries, surveyTranslations } from '../../db/schema.ts';
import { sourceTexts } from '../../src/lib/survey/translation.ts';
import { nameIn } from '../../src/lib/localized.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { changeCategory, listAllCategories } from '../../src/server/reports/reports.ts';
import { insertQuestionnaire } from '../../src/server/seed/demo-waves.ts';
import { SEED_TRANSLATIONS } from '../../src/server/seed/survey-translations/index.ts';
import { storeResponse } from '../../src/server/surveys/answering.ts';
import { cloneWave, findSurvey } from '../../src/server/surveys/surveys.ts';
import { loadTranslation, offeredLocales, saveTranslation, surveyTranslator, translationOverview } from '../../src/server/surveys/translations.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';

let t: TestDb;
let surveyId: number;

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  const [series] = await t.db.insert(surveySeries).values({ slug: 's', titleDa: 'Serie' }).returning();
  const [s] = await t.db.insert(surveys).values({ seriesId: series!.id, slug: 'test', waveDa: 'Test', titleDa: 'Hvor tryg føler du dig?', introDa: 'Intro', mode: 'both', status: 'open' }).returning();
  surveyId = s!.id;
  await insertQuestionnaire(t.db, surveyId);
  await t.db.insert(surveyAreas).values((await listAreas(t.db)).map((a) => ({ surveyId, areaId: a.id })));
});
afterEach(() => t.close());

const wave = async () => (await findSurvey(t.db, surveyId))!;
/** Every text of the wave in `l`, from the seeded translation. */
const complete = async (l: 'ar' | 'tr' | 'so' | 'ur'): Promise<Record<string, string>> => {
  const { survey, pages } = await wave();
  return Object.fromEntries(sourceTexts(survey, pages).map((s) => [s.key, SEED_TRANSLATIONS[l].texts[s.key] ?? `${l} ${s.key}`]));
};

describe('a questionnaire’s translation', () => {
  it('is offered to residents only when complete and not a draft, and the overview says how far it is', async () => {
    const { survey, pages } = await wave();
    expect(await offeredLocales(t.db, survey, pages)).toEqual(['da', 'en']);
    const all = await complete('ar');
    const { title: _title, ...allButTitle } = all;
    await saveTranslation(t.db, { survey, pages, locale: 'ar', state: 'needs_review', texts: allButTitle, userId: null });
    expect(await offeredLocales(t.db, survey, pages), 'one text missing').toEqual(['da', 'en']);
    await saveTranslation(t.db, { survey, pages, locale: 'ar', state: 'draft', texts: all, userId: null });
    expect(await offeredLocales(t.db, survey, pages), 'a draft').toEqual(['da', 'en']);
    await saveTranslation(t.db, { survey, pages, locale: 'ar', state: 'needs_review', texts: all, userId: null });
    await saveTranslation(t.db, { survey, pages, locale: 'tr', state: 'reviewed', texts: await complete('tr'), userId: null });
    expect(await offeredLocales(t.db, survey, pages)).toEqual(['da', 'en', 'ar', 'tr']);
    const overview = await translationOverview(t.db, survey, pages);
    expect(overview.map((o) => [o.locale, o.state, o.offered, o.done === o.total])).toEqual([
      ['ar', 'needs_review', true, true],
      ['tr', 'reviewed', true, true],
      ['so', null, false, false],
      ['ur', null, false, false],
    ]);
  });

  it('shows the translation where offered, and Danish (the language answered in) where not', async () => {
    const { survey, pages } = await wave();
    await saveTranslation(t.db, { survey, pages, locale: 'so', state: 'needs_review', texts: await complete('so'), userId: null });
    const so = await surveyTranslator(t.db, survey, pages, 'so');
    expect(so.answeredIn).toBe('so');
    expect(so.t('title', survey.titleDa, survey.titleEn).lang).toBe('so');
    const ur = await surveyTranslator(t.db, survey, pages, 'ur');
    expect(ur.answeredIn).toBe('da');
    expect(ur.t('title', survey.titleDa, survey.titleEn)).toEqual({ text: survey.titleDa, lang: 'da' });
    expect((await surveyTranslator(t.db, survey, pages, 'en')).answeredIn).toBe('en');
  });

  it('stores only the instrument’s keys, refuses an over-long text without storing anything, and audits who saved it', async () => {
    const { survey, pages } = await wave();
    const saved = await saveTranslation(t.db, { survey, pages, locale: 'ur', state: 'draft', texts: { title: 'عنوان', 'q.none.text': 'x' }, userId: null });
    expect(saved.ok).toBe(true);
    expect((await loadTranslation(t.db, surveyId, 'ur'))!.texts).toEqual({ title: 'عنوان' });
    const tooLong = await saveTranslation(t.db, { survey, pages, locale: 'ur', state: 'reviewed', texts: { title: 'x'.repeat(2001) }, userId: null });
    expect(tooLong).toEqual({ ok: false, reason: 'too_long', keys: ['title'] });
    expect(await loadTranslation(t.db, surveyId, 'ur')).toEqual({ locale: 'ur', state: 'draft', texts: { title: 'عنوان' } });
    const [user] = await t.db.select({ id: auditLog.userId }).from(auditLog).limit(1);
    expect(user, 'no staff user: nothing audited').toBeUndefined();
  });

  it('is copied to a clone, without the wave’s name (the clone has its own)', async () => {
    const { survey, pages } = await wave();
    const all: Record<string, string> = { ...(await complete('tr')), wave: 'Test (tr)' };
    await saveTranslation(t.db, { survey, pages, locale: 'tr', state: 'reviewed', texts: all, userId: null });
    const copy = (await cloneWave(t.db, surveyId, { slug: 'test-2', waveDa: 'Test 2', waveEn: null }, null))!;
    const kept = (await loadTranslation(t.db, copy.id, 'tr'))!;
    expect(kept.state).toBe('reviewed');
    expect(kept.texts['wave']).toBeUndefined();
    expect(kept.texts['title']).toBe(all['title']);
    const clone = (await findSurvey(t.db, copy.id))!;
    expect(await offeredLocales(t.db, clone.survey, clone.pages), 'until its wave name is translated').toEqual(['da', 'en']);
    expect((await t.db.select().from(surveyTranslations).where(eq(surveyTranslations.surveyId, copy.id))).length).toBe(1);
  });

  it('a response keeps the language it was answered in', async () => {
    const { survey, pages } = await wave();
    const stored = await storeResponse(t.db, { survey, pages, answers: { area: 'indre-norrebro', safety_general: 'safe', safety_evening: 'safe', safety_night: 'safe', problems: { drug_dealing: 'big', youth_groups: 'some', gang_conflict: 'big', threats: 'small', violence: 'some', vandalism: 'small', reckless_driving: 'none', poor_lighting: 'big', littering: 'some' }, avoids_places: 'no', worry_victim: '5', trust_police: '4', trust_municipality: '3', age_band: '35_44', gender: 'woman', relation: ['resident'], years_in_area: '12' }, channel: 'web', flags: [], locale: 'ar' });
    expect(stored.kind).toBe('stored');
    const [row] = await t.db.select({ locale: responses.locale }).from(responses).where(eq(responses.surveyId, surveyId));
    expect(row!.locale).toBe('ar');
  });
});

describe('report categories in the residents’ languages', () => {
  it('keep a name per language; a name left out is kept, an emptied one removed; without one the Danish name shows', async () => {
    const admin = await makeUser(t.db, 'admin');
    const [lighting] = await t.db.select().from(reportCategories).where(eq(reportCategories.slug, 'lighting'));
    const seededSomali = lighting!.names.so;
    await changeCategory(t.db, { kind: 'rename', id: lighting!.id, nameDa: lighting!.nameDa, nameEn: lighting!.nameEn, names: { ar: 'إضاءة سيئة', tr: 'Yetersiz aydınlatma' } }, admin.user.id);
    await changeCategory(t.db, { kind: 'rename', id: lighting!.id, nameDa: lighting!.nameDa, nameEn: lighting!.nameEn, names: { tr: null } }, admin.user.id);
    const after = (await listAllCategories(t.db)).find((c) => c.slug === 'lighting')!;
    expect(after.names.ar).toBe('إضاءة سيئة');
    expect(after.names.tr).toBeUndefined();
    expect(after.names.so, 'a language left out keeps its name').toBe(seededSomali);
    expect(nameIn('ar', after)).toBe('إضاءة سيئة');
    expect(nameIn('tr', after)).toBe(lighting!.nameDa);
    expect(nameIn('en', after)).toBe(lighting!.nameEn);
  });
});
