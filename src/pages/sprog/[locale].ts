/**
 * The language menu's links: remember the chosen language (src/lib/language-choice.ts)
 * and show the same page in it. A GET, so it works as a plain link without JavaScript.
 */
import type { APIRoute } from 'astro';
import { isLocale } from '../../lib/i18n/index.ts';
import { LANGUAGE_COOKIE, LANGUAGE_COOKIE_DAYS, languageChoiceTarget } from '../../lib/language-choice.ts';

export const GET: APIRoute = ({ params, url, cookies, redirect }) => {
  const locale = params['locale'];
  // An unknown language code: the front page, in the language the address had (Danish).
  if (!isLocale(locale)) return redirect('/', 303);
  cookies.set(LANGUAGE_COOKIE, locale, { httpOnly: true, secure: true, sameSite: 'lax', path: '/', maxAge: LANGUAGE_COOKIE_DAYS * 86_400 });
  return redirect(languageChoiceTarget(locale, url.searchParams.get('side')), 303);
};
