/**
 * Locales and their message catalogues. Danish is the default and has no URL
 * prefix; English lives under /en/. Pages read the locale from
 * `Astro.locals.locale` (set by the middleware) and build links with
 * `localePath`, never by concatenating prefixes in templates.
 */
import { da, type Messages } from './da.ts';
import { en } from './en.ts';

import { LOCALES, type Locale } from '../domain.ts';

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = 'da';

const catalogues: Record<Locale, Messages> = { da, en };

/** BCP 47 tags for Intl formatting. */
export const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

/** Text direction per locale; every current locale is left-to-right. */
export const DIRECTION: Record<Locale, 'ltr' | 'rtl'> = { da: 'ltr', en: 'ltr' };

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
