/**
 * The language a resident chose in the language menu, remembered without
 * tracking: a cookie that holds only the locale's code (no identifier, the
 * same value for everyone who chose that language), set when the menu is
 * used (/sprog/<locale>) and kept for a year. A page asked for without a
 * language prefix is then shown in the remembered language; a prefixed
 * address (/en/…, /ar/…) is always shown as asked. See README "Languages".
 */
import { DEFAULT_LOCALE, isLocale, isStaffLocale, localePath, type Locale } from './i18n/index.ts';
import { isStaffPath } from './permissions.ts';

export const LANGUAGE_COOKIE = 'sprog';
export const LANGUAGE_COOKIE_DAYS = 365;

/** The address of the language menu's link to `locale` from the page at `path` (locale-less) with `search`. */
export function languageChoicePath(locale: Locale, path: string, search: string): string {
  return `/sprog/${locale}?side=${encodeURIComponent(path + search)}`;
}

/**
 * Where /sprog/<locale>?side=… sends the reader: the same page in the chosen
 * language. Only a path on this site is accepted (no `//host`, no scheme, no
 * backslash), so the link cannot be used to send people elsewhere.
 */
export function languageChoiceTarget(locale: Locale, side: string | null): string {
  const fallback = localePath(locale, '/');
  if (!side || !side.startsWith('/') || side.startsWith('//') || side.includes('\\') || /[\u0000-\u001f]/.test(side)) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(side, 'http://site.invalid');
  } catch {
    return fallback;
  }
  if (parsed.origin !== 'http://site.invalid') return fallback;
  // Staff pages are Danish and English only.
  const target = isStaffPath(parsed.pathname) && !isStaffLocale(locale) ? 'en' : locale;
  return localePath(target, parsed.pathname) + parsed.search;
}

/**
 * The address to send a reader to when a page was asked for without a
 * prefix and the cookie remembers another language; undefined to serve the
 * page as asked.
 */
export function rememberedLanguageRedirect(cookie: string | undefined, method: string, path: string, search: string): string | undefined {
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  if (!isLocale(cookie) || cookie === DEFAULT_LOCALE) return undefined;
  if (isStaffPath(path) && !isStaffLocale(cookie)) return undefined;
  // Machine-readable and technical addresses keep one address for everyone.
  if (path.startsWith('/api/') || path.startsWith('/sprog/') || path === '/healthz' || /\.[a-z0-9]+$/i.test(path)) return undefined;
  return localePath(cookie, path) + search;
}
