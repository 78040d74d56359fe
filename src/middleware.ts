/**
 * Runs once per request, in order: locale → security headers → request log.
 * Each step is small; rules live in src/lib and src/server.
 */
import { defineMiddleware, sequence } from 'astro:middleware';
import { DEFAULT_LOCALE, splitLocale } from './lib/i18n/index.ts';
import { applySecurityHeaders, isHttps } from './lib/security-headers.ts';
import { config } from './server/config.ts';
import { logger } from './server/logger.ts';

/** `/en/...` is served by the same page as `/...`, with the English catalogue. */
const locale = defineMiddleware((ctx, next) => {
  if (ctx.locals.locale) return next(); // already set before an internal rewrite
  const { locale, path } = splitLocale(ctx.url.pathname);
  ctx.locals.locale = locale;
  ctx.locals.path = path;
  return locale === DEFAULT_LOCALE ? next() : next(path + ctx.url.search);
});

const securityHeaders = defineMiddleware(async (ctx, next) => {
  const response = await next();
  const https = isHttps(ctx.url, ctx.request.headers.get('x-forwarded-proto'), config().trustProxy);
  try {
    applySecurityHeaders(response.headers, https);
    return response;
  } catch {
    // Some responses (e.g. Response.redirect) have immutable headers: copy them.
    const copy = new Response(response.body, response);
    applySecurityHeaders(copy.headers, https);
    return copy;
  }
});

/** Method, path, status and time only: never the client address, user agent or query string. */
const requestLog = defineMiddleware(async (ctx, next) => {
  const start = performance.now();
  try {
    const response = await next();
    logger.info(
      { method: ctx.request.method, path: ctx.url.pathname, status: response.status, ms: Math.round(performance.now() - start) },
      'request',
    );
    return response;
  } catch (error) {
    logger.error({ method: ctx.request.method, path: ctx.url.pathname, err: error }, 'request failed');
    throw error;
  }
});

// The request log runs first so it records the path as requested (before the locale rewrite).
export const onRequest = sequence(requestLog, locale, securityHeaders);
