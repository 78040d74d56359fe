/**
 * CSRF protection: a state-changing request from a form must come from our
 * own origin. This is Astro's `checkOrigin` rule, kept here so that one
 * documented exception can exist: the Open311 API, which has no cookies or
 * sessions to abuse and whose clients (other servers) send no Origin header.
 */
const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** Paths that take cross-site posts: stateless public APIs only. */
export const CROSS_SITE_POST_PATHS = ['/api/open311/'] as const;

export function isForbiddenCrossSite(method: string, headers: Headers, url: URL, path: string): boolean {
  if (SAFE_METHODS.includes(method)) return false;
  if (CROSS_SITE_POST_PATHS.some((p) => path.startsWith(p))) return false;
  const sameOrigin = headers.get('origin') === url.origin;
  const type = headers.get('content-type');
  if (type !== null) return FORM_CONTENT_TYPES.some((t) => type.toLowerCase().includes(t)) && !sameOrigin;
  return !sameOrigin;
}
