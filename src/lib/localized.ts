/**
 * Picking a row's text in the reader's locale. Danish is always present;
 * another locale falls back to Danish, and says so, so the page can mark the
 * passage with lang="da" for screen readers.
 */
import type { Locale } from './i18n/index.ts';

export interface LocalizedText {
  text: string;
  /** The language the text is actually in. */
  lang: Locale;
}

export function pick(locale: Locale, da: string, en: string | null | undefined): LocalizedText {
  if (locale === 'en' && en && en.trim() !== '') return { text: en, lang: 'en' };
  return { text: da, lang: 'da' };
}

/** A URL slug from a title: lower case, Danish letters spelled out, hyphens. */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/**
 * A named row's name (an area, a category, a partner, a place) in the
 * reader's locale: its own name in that language where it has one (report
 * categories keep names in Arabic, Turkish, Somali and Urdu in `names`),
 * English on English pages, and Danish otherwise: the base language, which
 * every row has, as the street signs say it (README "Languages").
 */
export function nameIn(locale: Locale, row: { nameDa: string; nameEn: string | null; names?: Partial<Record<string, string>> }): string {
  return namePick(locale, row).text;
}

/** nameIn with the language the name is in, for a page to mark a Danish name with lang="da". */
export function namePick(locale: Locale, row: { nameDa: string; nameEn: string | null; names?: Partial<Record<string, string>> }): LocalizedText {
  const own = row.names?.[locale];
  if (own && own.trim() !== '') return { text: own, lang: locale };
  return pick(locale, row.nameDa, row.nameEn);
}
