/**
 * A wave's translations (src/lib/survey/translation.ts for the rules): kept
 * per wave and language in survey_translations, edited by survey editors in
 * the builder (or exchanged with translators as CSV), offered to respondents
 * once complete and past the draft state.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { surveyTranslations, type Survey } from '../../../db/schema.ts';
import { TRANSLATION_LOCALES, type Locale, type TranslationLocale, type TranslationState } from '../../lib/domain.ts';
import type { InstrumentPage } from '../../lib/survey/instrument.ts';
import { cleanTexts, completeness, isOffered, sourceTexts, translator, type Completeness, type SurveyTranslation, type Translator } from '../../lib/survey/translation.ts';
import type { Queryable } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';
import { recordAudit } from '../staff/audit.ts';

export function isTranslationLocale(locale: unknown): locale is TranslationLocale {
  return typeof locale === 'string' && (TRANSLATION_LOCALES as readonly string[]).includes(locale);
}

/** Every translation of a wave, by language. */
export async function loadTranslations(db: Queryable, surveyId: number): Promise<Map<TranslationLocale, SurveyTranslation>> {
  const rows = await db.select().from(surveyTranslations).where(eq(surveyTranslations.surveyId, surveyId)).orderBy(asc(surveyTranslations.id));
  return new Map(rows.map((r) => [r.locale, { locale: r.locale, state: r.state, texts: r.texts }]));
}

export async function loadTranslation(db: Queryable, surveyId: number, locale: TranslationLocale): Promise<SurveyTranslation | undefined> {
  const [row] = await db
    .select()
    .from(surveyTranslations)
    .where(and(eq(surveyTranslations.surveyId, surveyId), eq(surveyTranslations.locale, locale)))
    .limit(1);
  return row ? { locale: row.locale, state: row.state, texts: row.texts } : undefined;
}

/** What the builder shows per language: its state, how much is translated, and whether respondents get it. */
export interface TranslationStatus extends Completeness {
  locale: TranslationLocale;
  state: TranslationState | null;
  offered: boolean;
}

export async function translationOverview(db: Queryable, survey: Survey, pages: readonly InstrumentPage[]): Promise<TranslationStatus[]> {
  const sources = sourceTexts(survey, pages);
  const kept = await loadTranslations(db, survey.id);
  return TRANSLATION_LOCALES.map((locale) => {
    const t = kept.get(locale);
    return { locale, state: t?.state ?? null, offered: t ? isOffered(sources, t) : false, ...completeness(sources, t?.texts ?? {}) };
  });
}

/** The languages respondents are offered a wave in: Danish, English, and each complete translation that is not a draft. */
export async function offeredLocales(db: Queryable, survey: Survey, pages: readonly InstrumentPage[]): Promise<Locale[]> {
  const sources = sourceTexts(survey, pages);
  const kept = await loadTranslations(db, survey.id);
  return ['da', 'en', ...TRANSLATION_LOCALES.filter((l) => kept.has(l) && isOffered(sources, kept.get(l)!))];
}

/** Offered languages of several waves at once (the list of surveys). */
export async function offeredLocalesOf(db: Queryable, waves: readonly { survey: Survey; pages: readonly InstrumentPage[] }[]): Promise<Map<number, Locale[]>> {
  const ids = waves.map((w) => w.survey.id);
  const rows = ids.length ? await db.select().from(surveyTranslations).where(inArray(surveyTranslations.surveyId, ids)) : [];
  const out = new Map<number, Locale[]>();
  for (const w of waves) {
    const sources = sourceTexts(w.survey, w.pages);
    const offered = rows.filter((r) => r.surveyId === w.survey.id && isOffered(sources, r)).map((r) => r.locale);
    out.set(w.survey.id, ['da', 'en', ...TRANSLATION_LOCALES.filter((l) => offered.includes(l))]);
  }
  return out;
}

/**
 * How a wave's texts are shown to a reader in `locale`, and the language
 * the questionnaire is answered in (stored with the response): the
 * translation when the wave offers it, else Danish.
 */
export async function surveyTranslator(db: Queryable, survey: Survey, pages: readonly InstrumentPage[], locale: Locale): Promise<{ t: Translator; answeredIn: Locale }> {
  if (!isTranslationLocale(locale)) return { t: translator(locale), answeredIn: locale };
  const kept = await loadTranslation(db, survey.id, locale);
  if (!kept || !isOffered(sourceTexts(survey, pages), kept)) return { t: translator('da'), answeredIn: 'da' };
  return { t: translator(locale, kept), answeredIn: locale };
}

export type SaveTranslationResult = { ok: true; status: Completeness } | { ok: false; reason: 'too_long'; keys: string[] };

/** The longest text a translation may hold for one key. */
export const TRANSLATION_TEXT_MAX = 2000;

/**
 * Stores a wave's translation into one language (texts for keys the
 * instrument does not have are dropped), with its state, and audits who did
 * it. Texts longer than TRANSLATION_TEXT_MAX are refused, nothing stored.
 */
export async function saveTranslation(
  db: Queryable,
  input: { survey: Survey; pages: readonly InstrumentPage[]; locale: TranslationLocale; state: TranslationState; texts: Readonly<Record<string, unknown>>; userId: number | null },
): Promise<SaveTranslationResult> {
  const sources = sourceTexts(input.survey, input.pages);
  const texts = cleanTexts(sources, input.texts);
  const tooLong = Object.entries(texts)
    .filter(([, v]) => [...v].length > TRANSLATION_TEXT_MAX)
    .map(([k]) => k);
  if (tooLong.length > 0) return { ok: false, reason: 'too_long', keys: tooLong };
  await transaction(db, async (tx) => {
    const values = { surveyId: input.survey.id, locale: input.locale, state: input.state, texts, updatedAt: new Date(), updatedBy: input.userId };
    await tx
      .insert(surveyTranslations)
      .values(values)
      .onConflictDoUpdate({ target: [surveyTranslations.surveyId, surveyTranslations.locale], set: { state: values.state, texts: values.texts, updatedAt: values.updatedAt, updatedBy: values.updatedBy } });
    if (input.userId !== null) {
      await recordAudit(tx, { userId: input.userId, action: 'survey.translation', entityType: 'survey', entityId: input.survey.id, summary: `${input.locale}: ${input.state}` });
    }
  });
  return { ok: true, status: completeness(sources, texts) };
}

/**
 * Copies a wave's translations to its clone (the keys are stable across a
 * clone). The clone has a wave name of its own, so that text is left to
 * translate again: until it is, the clone is not offered in that language.
 */
export async function copyTranslations(db: Queryable, fromSurveyId: number, toSurveyId: number): Promise<void> {
  const rows = await db.select().from(surveyTranslations).where(eq(surveyTranslations.surveyId, fromSurveyId));
  if (rows.length === 0) return;
  await db.insert(surveyTranslations).values(
    rows.map((r) => {
      const { wave: _wave, ...texts } = r.texts;
      return { surveyId: toSurveyId, locale: r.locale, state: r.state, texts, updatedBy: r.updatedBy };
    }),
  );
}
