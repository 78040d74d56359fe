/** Dates and numbers formatted for the reader's locale with Intl (da-DK, en-GB). */
import { INTL_LOCALE, type Locale } from './i18n/index.ts';

const TIME_ZONE = 'Europe/Copenhagen';

export function formatDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: TIME_ZONE }).format(date);
}

export function formatDateTime(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(date);
}

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits }).format(value);
}

/** A share (0..1) as a percentage: formatPercent('da', 0.153) → '15 %'. */
export function formatPercent(locale: Locale, share: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits }).format(share);
}
