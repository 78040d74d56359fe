/**
 * Security headers for every response. Pure data and functions, applied by
 * the middleware (pages and endpoints) and by the start script's HTTP server
 * (static files, which bypass Astro's middleware).
 *
 * The Content-Security-Policy for pages comes from Astro (`security.csp`,
 * with the adapter's `staticHeaders` so it is sent as a header with the
 * script/style hashes); responses without one get FALLBACK_CSP.
 */

/** Headers every response carries. */
export const BASELINE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Geolocation only for our own pages ("use my position" on the report map); nothing else.
  'Permissions-Policy':
    'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  'X-Frame-Options': 'DENY',
};

/** The CSP directives that are the same on every page, besides Astro's script/style hashes. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
] as const;

/** For responses that are not Astro pages (JSON, feeds, files): nothing may load or frame them. */
export const FALLBACK_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Two years, with subdomains: the usual HSTS preload-ready value. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/** Whether the request reached us over HTTPS (directly, or through a trusted proxy). */
export function isHttps(url: URL, forwardedProto: string | null, trustProxy: boolean): boolean {
  if (url.protocol === 'https:') return true;
  return trustProxy && forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** Applies the security headers to a response's headers in place. */
export function applySecurityHeaders(headers: Headers, https: boolean): void {
  for (const [name, value] of Object.entries(BASELINE_HEADERS)) headers.set(name, value);
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', FALLBACK_CSP);
  if (https) headers.set('Strict-Transport-Security', HSTS);
}
