/**
 * CSRF protection: a state-changing request from a form must come from our
 * own origin. This is Astro's `checkOrigin` rule, kept here so that three
 * documented exceptions can exist: the Open311 API and the subscriptions'
 * one-click unsubscribe links (CROSS_SITE_POST_PATHS), which have no cookies
 * or sessions to abuse and whose clients (other servers) send no Origin header;
 * and browsers that send no Origin header at all (Lynx, w3m, some privacy
 * tools), whose post counts as ours when its Referer is on our origin, as
 * the OWASP CSRF cheat sheet allows ("verifying origin with standard
 * headers"). An Origin header, when present, always decides: a cross-site
 * Origin is refused whatever the Referer says.
 */
const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Paths that take cross-site posts: stateless public APIs, and the
 * subscriptions' unsubscribe links, which mail clients post to from their own
 * servers (RFC 8058 one-click, no Origin or Referer of ours). The secret
 * token in that path is what authorises it, not a cookie, so another site
 * cannot forge one.
 */
export const CROSS_SITE_POST_PATHS = ['/api/open311/', '/abonnement/afmeld/'] as const;

export function isForbiddenCrossSite(method: string, headers: Headers, url: URL, path: string): boolean {
  if (SAFE_METHODS.includes(method)) return false;
  if (CROSS_SITE_POST_PATHS.some((p) => path.startsWith(p))) return false;
  const sameOrigin = isSameOrigin(headers, url);
  const type = headers.get('content-type');
  if (type !== null) return FORM_CONTENT_TYPES.some((t) => type.toLowerCase().includes(t)) && !sameOrigin;
  return !sameOrigin;
}

/**
 * Whether the request says it comes from our origin: its Origin header, or,
 * only when there is no Origin header, its Referer. Our pages send a Referer
 * to our own origin (Referrer-Policy: same-origin); a post with neither header
 * is not ours. `Origin: null` (a sandboxed or privacy-sensitive context) is an
 * Origin header, so it is refused, not looked past.
 */
function isSameOrigin(headers: Headers, url: URL): boolean {
  const origin = headers.get('origin');
  if (origin !== null) return origin === url.origin;
  const referer = headers.get('referer');
  if (referer === null || !URL.canParse(referer)) return false;
  return new URL(referer).origin === url.origin;
}
