/**
 * Runs once per request, in order: request log → locale → security headers
 * (and pages for bare refusals) → origin check → client key → staff session and gate
 * → kept public pages. Each step is small; the rules
 * live in src/lib and src/server.
 */
import { defineMiddleware, sequence } from 'astro:middleware';
import { DEFAULT_LOCALE, isStaffLocale, localePath, splitLocale } from './lib/i18n/index.ts';
import { isStaffPath } from './lib/permissions.ts';
import { LANGUAGE_COOKIE, rememberedLanguageRedirect } from './lib/language-choice.ts';
import { normalisePath, requestPath } from './lib/request-path.ts';
import { isForbiddenCrossSite } from './lib/origin-check.ts';
import { isRefusalStatus, refusalPage } from './lib/refusal.ts';
import { applySecurityHeaders, isHttps } from './lib/security-headers.ts';
import { decideStaffAccess } from './server/staff/auth/guard.ts';
import { SESSION_COOKIE, validateSessionToken } from './server/staff/auth/session.ts';
import { config } from './server/platform/config.ts';
import { db } from './server/db/index.ts';
import { logger } from './server/platform/logger.ts';
import { cachedPage, isCachedRoute } from './server/platform/page-cache.ts';
import { clientKey } from './server/platform/throttle.ts';

/**
 * Staff pages (and /healthz): method, path, status and time, never the
 * client address, user agent or query string. Residents' requests are not
 * logged: a line with a resident path and its time to the millisecond could
 * be lined up with a stored response or report (its day is all the database
 * keeps), or with a reverse proxy's log, and their paths hold receipts. A
 * resident request that fails is logged without its path. See README "Privacy".
 */
const requestLog = defineMiddleware(async (ctx, next) => {
  const path = splitLocale(ctx.url.pathname).path;
  const logged = isLoggedPath(path);
  const start = performance.now();
  try {
    const response = await next();
    if (logged) {
      logger.info({ method: ctx.request.method, path: normalisePath(ctx.url.pathname), status: response.status, ms: Math.round(performance.now() - start) }, 'request');
    } else if (response.status >= 500) {
      logger.warn({ method: ctx.request.method, status: response.status }, 'resident request failed');
    }
    return response;
  } catch (error) {
    logger.error({ method: ctx.request.method, ...(logged ? { path: normalisePath(ctx.url.pathname) } : {}), err: error }, 'request failed');
    throw error;
  }
});

/** Whether a request's path is logged: staff pages and the health check, never residents' pages. */
function isLoggedPath(path: string): boolean {
  return path === '/healthz' || path === '/staff' || path.startsWith('/staff/');
}

/** `/en/...` is served by the same page as `/...`, with the English catalogue. */
const locale = defineMiddleware((ctx, next) => {
  if (ctx.locals.locale) return next(); // already set before an internal rewrite
  // The same normalised path for every rule below (src/lib/request-path.ts).
  const { locale, path } = requestPath(ctx.url.pathname);
  // Staff pages are Danish and English only: /ar/staff/… is the English staff page.
  if (!isStaffLocale(locale) && isStaffPath(path)) return ctx.redirect(localePath('en', path) + ctx.url.search, 303);
  if (locale === DEFAULT_LOCALE && ctx.url.pathname === path) {
    // A page asked for without a prefix, in the language the reader chose earlier.
    const remembered = rememberedLanguageRedirect(ctx.cookies.get(LANGUAGE_COOKIE)?.value, ctx.request.method, path, ctx.url.search);
    if (remembered) return ctx.redirect(remembered, 303);
  }
  ctx.locals.locale = locale;
  ctx.locals.path = path;
  if (locale === DEFAULT_LOCALE) return next();
  // Rewriting with a path makes Astro clone (tee) a POST's body; the page then reads one branch,
  // the other is never read, and cancelling the read one never settles. A Request hands the one body on.
  const { method, headers, body, signal } = ctx.request;
  return next(new Request(new URL(path + ctx.url.search, ctx.url), { method, headers, body, signal, duplex: 'half' } as RequestInit));
});

/** Form posts from other sites are refused (see src/lib/origin-check.ts for the one exception). */
const originCheck = defineMiddleware((ctx, next) => {
  if (isForbiddenCrossSite(ctx.request.method, ctx.request.headers, ctx.url, ctx.locals.path)) {
    // The body is a page in the visitor's language, added by the securityHeaders step.
    return new Response(null, { status: 403 });
  }
  return next();
});

/**
 * An opaque key for throttling. Behind a trusted reverse proxy the client is
 * the last X-Forwarded-For entry (the one our proxy added). The address is
 * hashed here and goes no further.
 */
const client = defineMiddleware((ctx, next) => {
  let address: string | undefined;
  const forwarded = ctx.request.headers.get('x-forwarded-for');
  if (config().trustProxy && forwarded) address = forwarded.split(',').at(-1)?.trim();
  if (!address) {
    try {
      address = ctx.clientAddress;
    } catch {
      address = undefined;
    }
  }
  ctx.locals.client = clientKey(address);
  return next();
});

const staffGate = defineMiddleware(async (ctx, next) => {
  ctx.locals.staff = null;
  const token = ctx.cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    ctx.locals.staff = await validateSessionToken(db(), token);
    if (!ctx.locals.staff) ctx.cookies.delete(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true });
  }
  const { locale: lang, path } = ctx.locals;
  const decision = decideStaffAccess(path, ctx.locals.staff);
  if (decision.kind === 'public') return next();

  let response: Response;
  switch (decision.kind) {
    case 'login': {
      const target = `${localePath(lang, '/staff/login')}?next=${encodeURIComponent(localePath(lang, path))}`;
      response = ctx.redirect(target, 303);
      break;
    }
    case 'second_factor':
      response = ctx.redirect(localePath(lang, decision.enrol ? '/staff/mfa/setup' : '/staff/mfa'), 303);
      break;
    case 'forbidden':
      response = await next('/staff/forbidden');
      break;
    case 'change_password':
      response = ctx.redirect(localePath(lang, '/staff/account'), 303);
      break;
    default:
      response = await next();
  }
  // Staff pages hold non-public data: never cache them anywhere.
  try {
    response.headers.set('Cache-Control', 'no-store');
  } catch {
    response = new Response(response.body, response);
    response.headers.set('Cache-Control', 'no-store');
  }
  return response;
});

/** Public pages kept while what they show is unchanged (src/server/platform/page-cache.ts): anonymous GETs only. */
const publicPages = defineMiddleware((ctx, next) => {
  const { locale, path, staff } = ctx.locals;
  if (ctx.request.method !== 'GET' || staff || !isCachedRoute(path)) return next();
  return cachedPage(db(), ctx.locals, path, `${locale} ${path}${ctx.url.search}`, () => next());
});

const securityHeaders = defineMiddleware(async (ctx, next) => {
  let response = await next();
  // A refusal with no body (too large, wrong type, unreadable, cross-site) gets a page that says so.
  if (response.body === null && isRefusalStatus(response.status) && !ctx.locals.path.startsWith('/api/')) {
    const page = refusalPage(response.status, ctx.locals.locale, ctx.locals.path);
    response = new Response(page, { status: response.status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }
  const https = isHttps(ctx.url, ctx.request.headers.get('x-forwarded-proto'), config().trustProxy);
  try {
    applySecurityHeaders(response.headers, https);
    // A refused upload may still be arriving: close the connection rather than leave it half-read.
    if (response.status === 413) response.headers.set('Connection', 'close');
    return response;
  } catch {
    // Some responses (e.g. Response.redirect) have immutable headers: copy them.
    const copy = new Response(response.body, response);
    applySecurityHeaders(copy.headers, https);
    if (copy.status === 413) copy.headers.set('Connection', 'close');
    return copy;
  }
});

// The request log runs first so it records the path as requested (before the locale rewrite).
// Security headers wrap everything after the locale, refusals by the origin check included.
export const onRequest = sequence(requestLog, locale, securityHeaders, originCheck, client, staffGate, publicPages);
