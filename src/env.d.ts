/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The page's locale, from the URL prefix (none = Danish, /en/ = English). */
    locale: import('./lib/i18n/index.ts').Locale;
    /** The request path without its locale prefix, e.g. `/om` for `/en/om`. */
    path: string;
    /** The signed-in staff member and session, or null (residents are never signed in). */
    staff: import('./server/staff/auth/session.ts').SessionWithUser | null;
    /** An opaque, daily-rotating key for the client (never the address itself), for throttling. */
    client: string;
    /** On a page kept whole (src/server/platform/page-cache.ts): the visitor tokens it was rendered with, which every kept copy replaces. */
    visitorTokens?: string[];
  }
}
