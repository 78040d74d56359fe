/** Dates and numbers formatted for the reader's locale with Intl (INTL_LOCALE: da-DK, en-GB, ar, tr-TR, so-SO, ur-PK). */
import { INTL_LOCALE, type Locale } from './i18n/index.ts';

const TIME_ZONE = 'Europe/Copenhagen';

/**
 * Intl formatters are costly to make (a profile of /kort found a tenth of a
 * millisecond per date) and immutable, so one is kept per locale and option
 * set; the sets are few and fixed by the code, so the cache stays small.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: TIME_ZONE })));
  return f;
}

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(INTL_LOCALE[locale], options)));
  return f;
}

export function formatDate(locale: Locale, date: Date): string {
  return dateFormat(locale, { dateStyle: 'long' }).format(date);
}

/** A date with its time on the 24-hour clock in every language, as times in Copenhagen are written (not "3:00 PM"). */
export function formatDateTime(locale: Locale, date: Date): string {
  return dateFormat(locale, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' }).format(date);
}

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 0): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A share (0..1) as a percentage: formatPercent('da', 0.153) → '15 %'. */
export function formatPercent(locale: Locale, share: number, maximumFractionDigits = 0): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(share);
}
