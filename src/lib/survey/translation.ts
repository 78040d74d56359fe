/**
 * Translating a questionnaire (README "Languages"): every text of a wave's
 * instrument has a stable key, a translation is a map from those keys to
 * text, and a translator shows each text in the reader's language. Danish is
 * the source and always present; English lives in the instrument's own `…En`
 * columns; Arabic, Turkish, Somali and Urdu are translations kept per wave
 * and language (survey_translations). Pure: no I/O.
 *
 * Keys are built from what stays stable when a wave is cloned (question keys,
 * option values, page positions), so a clone can keep its translations.
 */
import type { Survey } from '../../../db/schema.ts';
import type { Locale, TranslationLocale, TranslationState } from '../domain.ts';
import { pick, type LocalizedText } from '../localized.ts';
import type { InstrumentPage } from './instrument.ts';

/** One text of the instrument to translate: its key, its Danish source and its English version, if any. */
export interface SourceText {
  key: string;
  da: string;
  en: string | null;
}

/** The key of each kind of text: the one spelling sourceTexts and the pages use. */
export const textKey = {
  page: (position: number) => `page.${position}.title`,
  question: (key: string, part: 'text' | 'help' | 'low' | 'high') => `q.${key}.${part}`,
  option: (key: string, value: string) => `q.${key}.option.${value}`,
  item: (key: string, value: string) => `q.${key}.item.${value}`,
};

export type SurveyTexts = Pick<Survey, 'titleDa' | 'titleEn' | 'waveDa' | 'waveEn' | 'introDa' | 'introEn'>;

/** Every text of a wave that a respondent can see, in the order they meet it. */
export function sourceTexts(survey: SurveyTexts, pages: readonly InstrumentPage[]): SourceText[] {
  const out: SourceText[] = [];
  const add = (key: string, da: string | null | undefined, en: string | null | undefined) => {
    if (da && da.trim() !== '') out.push({ key, da, en: en ?? null });
  };
  add('title', survey.titleDa, survey.titleEn);
  add('wave', survey.waveDa, survey.waveEn);
  add('intro', survey.introDa, survey.introEn);
  for (const page of pages) {
    add(textKey.page(page.position), page.titleDa, page.titleEn);
    for (const q of page.questions) {
      add(textKey.question(q.key, 'text'), q.textDa, q.textEn);
      add(textKey.question(q.key, 'help'), q.helpDa, q.helpEn);
      switch (q.type) {
        case 'single':
        case 'multi':
          for (const o of q.config.options) add(textKey.option(q.key, o.value), o.da, o.en);
          break;
        case 'matrix':
          for (const item of q.config.items) add(textKey.item(q.key, item.value), item.da, item.en);
          for (const o of q.config.options) add(textKey.option(q.key, o.value), o.da, o.en);
          break;
        case 'scale':
          add(textKey.question(q.key, 'low'), q.config.lowDa, q.config.lowEn);
          add(textKey.question(q.key, 'high'), q.config.highDa, q.config.highEn);
          break;
        default:
          break;
      }
    }
  }
  return out;
}

/** A wave's translation into one language. */
export interface SurveyTranslation {
  locale: TranslationLocale;
  state: TranslationState;
  texts: Record<string, string>;
}

export interface Completeness {
  done: number;
  total: number;
  /** Keys without a translation, in the order respondents meet them. */
  missing: string[];
  complete: boolean;
}

export function completeness(sources: readonly SourceText[], texts: Readonly<Record<string, string>>): Completeness {
  const missing = sources.filter((s) => !(texts[s.key] ?? '').trim()).map((s) => s.key);
  return { done: sources.length - missing.length, total: sources.length, missing, complete: missing.length === 0 };
}

/** Whether respondents are offered a translation: complete, and past the draft state. */
export function isOffered(sources: readonly SourceText[], translation: Pick<SurveyTranslation, 'state' | 'texts'>): boolean {
  return translation.state !== 'draft' && completeness(sources, translation.texts).complete;
}

/** Shows each text of an instrument in a language: `text(key, da, en)` → the text and the language it is in. */
export type Translator = (key: string, da: string, en: string | null | undefined) => LocalizedText;

/**
 * A translator for `locale`: Danish and English from the instrument's
 * columns; another language from its translation when the wave offers it,
 * else Danish (marked lang="da" by the page).
 */
export function translator(locale: Locale, translation?: Pick<SurveyTranslation, 'locale' | 'texts'>): Translator {
  if (locale === 'da' || locale === 'en' || !translation || translation.locale !== locale) return (_key, da, en) => pick(locale, da, en);
  const texts = translation.texts;
  return (key, da) => {
    const text = texts[key];
    return text && text.trim() !== '' ? { text, lang: locale } : { text: da, lang: 'da' };
  };
}

/** Keeps only the keys the instrument has, trimmed, empty ones dropped: what is stored. */
export function cleanTexts(sources: readonly SourceText[], texts: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sources) {
    const value = texts[s.key];
    if (typeof value !== 'string') continue;
    const text = value.trim();
    if (text !== '') out[s.key] = text;
  }
  return out;
}
