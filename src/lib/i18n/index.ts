/**
 * Locales and their message catalogues. Danish is the default and has no URL
 * prefix; every other locale lives under its code (/en/, /ar/, /tr/, /so/,
 * /ur/). Pages read the locale from `Astro.locals.locale` (set by the
 * middleware) and build links with `localePath`, never by concatenating
 * prefixes in templates. Arabic, Turkish, Somali and Urdu translate the
 * residents' part of the catalogue (resident.ts); staff pages are Danish and
 * English only.
 */
import { ar } from './ar.ts';
import { da, type Messages } from './da.ts';
import { en } from './en.ts';
import { so } from './so.ts';
import { tr } from './tr.ts';
import { ur } from './ur.ts';
import { withStaffParts } from './resident.ts';

import { LOCALES, STAFF_LOCALES, type Locale, type StaffLocale } from '../domain.ts';

export { LOCALES, STAFF_LOCALES, type Locale, type StaffLocale };
export const DEFAULT_LOCALE: Locale = 'da';

const catalogues: Record<Locale, Messages> = {
  da,
  en,
  ar: withStaffParts(ar, en),
  tr: withStaffParts(tr, en),
  so: withStaffParts(so, en),
  ur: withStaffParts(ur, en),
};

/**
 * BCP 47 tags for Intl formatting (numbers, dates, lists): month names, word
 * order and separators of each language. CLDR gives `ar` and `ur` Western
 * digits, which also match the digits in the questionnaire and catalogues.
 */
export const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', en: 'en-GB', ar: 'ar', tr: 'tr-TR', so: 'so-SO', ur: 'ur-PK' };

/** Text direction per locale: Arabic and Urdu are written right to left. */
export const DIRECTION: Record<Locale, 'ltr' | 'rtl'> = { da: 'ltr', en: 'ltr', ar: 'rtl', tr: 'ltr', so: 'ltr', ur: 'rtl' };

/** Quotation marks per locale: Danish „…“, Arabic «…», the others “…”. */
const QUOTES: Record<Locale, readonly [string, string]> = { da: ['„', '“'], en: ['“', '”'], ar: ['«', '»'], tr: ['“', '”'], so: ['“', '”'], ur: ['“', '”'] };

/** Text in the locale's quotation marks. */
export function quoted(locale: Locale, text: string): string {
  const [open, close] = QUOTES[locale];
  return `${open}${text}${close}`;
}

/**
 * Items joined as the locale joins a list ("a, b og c"; Arabic "أ وب"), or
 * with `type: 'disjunction'` "a eller b". On a right-to-left page each item
 * is set apart with Unicode isolates, so a Danish name keeps its own
 * direction and the punctuation stays where it belongs.
 */
export function joinList(locale: Locale, items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  const parts = DIRECTION[locale] === 'rtl' ? items.map((i) => `\u2068${i}\u2069`) : items;
  return listFormat(locale, type).format(parts);
}

/** One Intl.ListFormat per language and type: making one costs more than using it (it was 5 % of /indsatser). */
const listFormats = new Map<string, Intl.ListFormat>();
function listFormat(locale: Locale, type: 'conjunction' | 'disjunction'): Intl.ListFormat {
  const key = `${locale} ${type}`;
  let format = listFormats.get(key);
  if (!format) listFormats.set(key, (format = new Intl.ListFormat(INTL_LOCALE[locale], { type })));
  return format;
}

/** The comma between two parts of a line: Arabic and Urdu write the Arabic comma. */
export function comma(locale: Locale): string {
  return DIRECTION[locale] === 'rtl' ? '، ' : ', ';
}

/** Whether staff pages exist in a locale (Danish and English); other locales show staff pages in English. */
export function isStaffLocale(locale: Locale): locale is StaffLocale {
  return (STAFF_LOCALES as readonly Locale[]).includes(locale);
}

/** The language of text written only in Danish and English (staff catalogues, generated method notes) for a reader in `locale`. */
export function staffLocaleOf(locale: Locale): StaffLocale {
  return isStaffLocale(locale) ? locale : 'en';
}

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Splits a request path into its locale and the locale-less path:
 * `/en/om` → { locale: 'en', path: '/om' }; `/om` → { locale: 'da', path: '/om' }.
 */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  for (const locale of LOCALES) {
    if (locale === DEFAULT_LOCALE) continue;
    const prefix = `/${locale}`;
    if (pathname === prefix) return { locale, path: '/' };
    if (pathname.startsWith(`${prefix}/`)) return { locale, path: pathname.slice(prefix.length) };
  }
  return { locale: DEFAULT_LOCALE, path: pathname };
}

/** The URL of a locale-less path in a locale: localePath('en', '/om') → '/en/om'. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  if (locale === DEFAULT_LOCALE) return clean;
  return clean === '/' ? `/${locale}/` : `/${locale}${clean}`;
}
