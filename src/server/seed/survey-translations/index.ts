/**
 * The seeded questionnaire in Arabic, Turkish, Somali and Urdu (README
 * "Languages"): translated by the team, not yet checked by native speakers,
 * so each is seeded with the state "needs review" (and offered to
 * respondents, being complete). Keyed as src/lib/survey/translation.ts
 * keys the instrument; the wave names are per wave.
 */
import { surveyTranslations, type Survey } from '../../../../db/schema.ts';
import type { TranslationLocale } from '../../../lib/domain.ts';
import type { Queryable } from '../../db/connection.ts';
import { surveyAr } from './ar.ts';
import { surveySo } from './so.ts';
import { surveyTr } from './tr.ts';
import { surveyUr } from './ur.ts';

export interface SeedTranslation {
  /** Every text of the seeded instrument but the wave's name, by key. */
  texts: Record<string, string>;
  /** The demo waves' names, by wave slug. */
  waves: Record<string, string>;
}

export const SEED_TRANSLATIONS: Record<TranslationLocale, SeedTranslation> = { ar: surveyAr, tr: surveyTr, so: surveySo, ur: surveyUr };

export async function seedSurveyTranslations(db: Queryable, survey: Survey): Promise<void> {
  await db.insert(surveyTranslations).values(
    Object.entries(SEED_TRANSLATIONS).map(([locale, t]) => ({
      surveyId: survey.id,
      locale: locale as TranslationLocale,
      state: 'needs_review' as const,
      texts: { ...t.texts, ...(t.waves[survey.slug] ? { wave: t.waves[survey.slug]! } : {}) },
    })),
  );
}
