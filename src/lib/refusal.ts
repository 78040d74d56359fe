/**
 * A small page in the visitor's language for a request refused before any
 * page could render it: a form post too large (413), of the wrong type (415),
 * unreadable (400) or from another site (403). A bare status with an empty
 * body would leave a resident looking at a blank screen. No styles or
 * scripts: it must work under the strict CSP and say only what happened.
 */
import { localePath, messages, type Locale } from './i18n/index.ts';

export const REFUSAL_STATUSES = [400, 403, 413, 415] as const;
export type RefusalStatus = (typeof REFUSAL_STATUSES)[number];

export function isRefusalStatus(status: number): status is RefusalStatus {
  return (REFUSAL_STATUSES as readonly number[]).includes(status);
}

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page's HTML; `path` is the locale-less path the request was for. */
export function refusalPage(status: RefusalStatus, locale: Locale, path: string): string {
  const m = messages(locale).refusal;
  const back = localePath(locale, path.startsWith('/') ? path : '/');
  return `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(m.title)}</title></head>
<body><main><h1>${escape(m.title)}</h1><p role="alert">${escape(m[status])}</p><p><a href="${escape(back)}">${escape(m.back)}</a></p></main></body></html>
`;
}
