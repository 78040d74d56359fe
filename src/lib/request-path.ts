/**
 * The one path normalisation that every path-based rule uses: the
 * compression filter (staff pages are never compressed: BREACH), the staff
 * gate, the origin-check exemption, cache headers and the request log.
 *
 * Astro routes a request by its decoded, normalised path, so a rule that
 * looked at the raw URL could be walked around: `/%73taff/…`, `//staff/…`,
 * `/en//staff/…` and `/x/../staff/…` all reach the staff pages. Here the path
 * is decoded (until it no longer changes, so a doubly encoded path cannot
 * slip through either), backslashes count as slashes (as browsers treat
 * them), repeated slashes collapse, `.` and `..` segments are resolved, and
 * the query and fragment are dropped. A rule then asks about the result, so
 * it matches at least everything Astro would route to the same page.
 */
import { splitLocale, type Locale } from './i18n/index.ts';
import { isStaffPath } from './permissions.ts';

/** The normalised path of a raw request target (`/a//b?x` → `/a/b`); always starts with `/`. */
export function normalisePath(raw: string): string {
  let path = raw;
  const cut = path.search(/[?#]/);
  if (cut !== -1) path = path.slice(0, cut);
  // An absolute-form target (`GET http://host/path`) names the path after the authority.
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (absolute) path = path.slice(absolute[0].length);
  for (let i = 0; i < 5; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // A malformed escape: decode the well-formed ones and keep the rest as it is.
      decoded = path.replace(/(%[0-9a-f]{2})+/gi, (m) => {
        try {
          return decodeURIComponent(m);
        } catch {
          return m;
        }
      });
    }
    if (decoded === path) break;
    path = decoded;
  }
  const segments: string[] = [];
  const parts = path.replace(/\\/g, '/').split('/');
  for (const segment of parts) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = parts.length > 1 && (parts.at(-1) === '' || parts.at(-1) === '.' || parts.at(-1) === '..');
  const joined = `/${segments.join('/')}`;
  return trailing && joined !== '/' ? `${joined}/` : joined;
}

/** The normalised path split into its locale and the locale-less path the rules are written for. */
export function requestPath(raw: string): { locale: Locale; path: string } {
  return splitLocale(normalisePath(raw));
}

/** Whether a request (by its raw target) is for a staff page, in either locale, however it is spelt. */
export function isStaffRequest(raw: string): boolean {
  // Case-insensitive: a rule that keeps staff pages safe errs on the side of matching.
  return isStaffPath(requestPath(raw).path.toLowerCase());
}
