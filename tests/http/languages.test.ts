/**
 * The residents' languages over HTTP (README "Languages"): every public page
 * in Arabic, Turkish, Somali and Urdu with its language and direction, the
 * language menu and the remembered choice, staff pages kept to Danish and
 * English, and a report sent from the Arabic form with its errors in Arabic.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { DIRECTION, messages } from '../../src/lib/i18n/index.ts';
import { serverRows } from '../support/server-db.ts';
import { postForm } from '../support/staff-login.ts';

const base = inject('baseUrl');
const RESIDENT_LOCALES = ['ar', 'tr', 'so', 'ur'] as const;
const PAGES = ['/', '/indsatser', '/arrangementer', '/undersoegelser', '/undersoegelser/tryghed-2026', '/meld', '/erhverv', '/kort', '/resultater', '/om', '/privatliv', '/tilgaengelighed', '/abonnement'];

async function get(path: string, init?: RequestInit) {
  const res = await fetch(base + path, { redirect: 'manual', ...init });
  return { res, body: await res.text() };
}

describe('the residents’ languages', () => {
  it.each(RESIDENT_LOCALES)('every public page exists in %s, in that language and direction, with 112 and 114', async (l) => {
    for (const path of PAGES) {
      const url = path === '/' ? `/${l}/` : `/${l}${path}`;
      const { res, body } = await get(url);
      expect(res.status, url).toBe(200);
      expect(body, url).toContain(`<html lang="${l}" dir="${DIRECTION[l]}"`);
      expect(body, url).toContain(messages(l).emergency.short112);
      expect(body, url).toContain('href="tel:112"');
      expect(body.match(/<h1[\s>]/g), url).toHaveLength(1);
    }
  });

  it.each(RESIDENT_LOCALES)('an unknown page in %s is a 404 in that language', async (l) => {
    const { res, body } = await get(`/${l}/findes-ikke`);
    expect(res.status).toBe(404);
    expect(body).toContain(`<html lang="${l}"`);
    expect(body).toContain(messages(l).errors.notFoundTitle);
  });

  it('Arabic and Urdu pages load their own typeface; the others do not', async () => {
    const stylesheets = async (path: string) => [...(await get(path)).body.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    const arabic = await stylesheets('/ar/meld');
    const urdu = await stylesheets('/ur/meld');
    const danish = await stylesheets('/meld');
    expect(arabic.length).toBe(danish.length + 1);
    expect(urdu.length).toBe(danish.length + 1);
    const arabicCss = await (await fetch(base + arabic.find((h) => !danish.includes(h))!)).text();
    expect(arabicCss).toContain('Noto Naskh Arabic');
    const urduCss = await (await fetch(base + urdu.find((h) => !danish.includes(h))!)).text();
    expect(urduCss).toContain('Noto Nastaliq Urdu');
    for (const font of [...arabicCss.matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) => m[1]!)) {
      expect(font.startsWith('/'), font).toBe(true); // our own origin
      expect((await fetch(new URL(font, base))).status, font).toBe(200);
    }
  });

  it('every page links its versions in all six languages, and the menu names each language in itself', async () => {
    const { body } = await get('/ar/kort');
    for (const l of ['da', 'en', 'ar', 'tr', 'so', 'ur']) expect(body).toContain(`<link rel="alternate" hreflang="${l}"`);
    for (const name of ['Dansk', 'English', 'العربية', 'Türkçe', 'Soomaali', 'اردو']) expect(body).toContain(`>${name}</a>`);
    expect(body).toMatch(/href="\/sprog\/ur\?side=%2Fkort"[^>]*lang="ur"[^>]*dir="rtl"/);
  });

  it('choosing a language remembers it in a cookie holding only its code, and a page without a prefix then opens in it', async () => {
    const chosen = await get('/sprog/ar?side=%2Fkort%3Fperiode%3D2025');
    expect(chosen.res.status).toBe(303);
    expect(chosen.res.headers.get('location')).toBe('/ar/kort?periode=2025');
    const cookie = chosen.res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sprog=ar;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const later = await get('/meld', { headers: { cookie: 'sprog=ar' } });
    expect(later.res.status).toBe(303);
    expect(later.res.headers.get('location')).toBe('/ar/meld');
    // An address with a prefix is shown as asked, and Danish can be chosen back.
    expect((await get('/en/meld', { headers: { cookie: 'sprog=ar' } })).res.status).toBe(200);
    const back = await get('/sprog/da?side=%2Fmeld', { headers: { cookie: 'sprog=ar' } });
    expect(back.res.headers.get('location')).toBe('/meld');
    expect(back.res.headers.get('set-cookie')).toMatch(/^sprog=da;/);
  });

  it('the menu cannot send anyone off the site', async () => {
    for (const side of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const { res } = await get(`/sprog/tr?side=${encodeURIComponent(side)}`);
      expect(res.headers.get('location'), side).toBe('/tr/');
    }
    expect((await get('/sprog/xx?side=%2Fkort')).res.headers.get('location')).toBe('/');
  });

  it('staff pages are Danish and English only: in a residents’ language they open in English', async () => {
    for (const l of RESIDENT_LOCALES) {
      const { res } = await get(`/${l}/staff/login?next=%2Fstaff`);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/en/staff/login?next=%2Fstaff');
    }
  });

  it('a report sent from the Arabic form is stored, its receipt is in Arabic, and a refused one answers in Arabic', async () => {
    const form = await get('/ar/meld');
    const submission = /name="submission" value="([A-Za-z0-9_-]+)"/.exec(form.body)![1]!;
    const res = await postForm(base, '/ar/meld', {
      submission,
      category: 'lighting',
      location: 'blaagaards-plads',
      timeOfDay: 'evening',
      weekday: 'any',
      description: 'الإضاءة في الممر معطلة منذ أسبوعين.',
      reporterType: 'resident',
      email: '',
      website: '',
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/ar\/meld\/[A-Za-z0-9_-]{16,}$/);
    const receipt = location.split('/').pop()!;
    const [stored] = await serverRows<{ description: string }>(sql`select description from reports where receipt = ${receipt}`);
    expect(stored!.description).toBe('الإضاءة في الممر معطلة منذ أسبوعين.');
    const page = await get(location);
    expect(page.body).toContain(`<html lang="ar" dir="rtl"`);
    expect(page.body).toContain(messages('ar').reports.receiptKeep.thanks);

    const refused = await postForm(base, '/ar/meld', { submission: `${submission}x`, category: '', location: 'blaagaards-plads', timeOfDay: '', reporterType: 'resident', website: '' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain(messages('ar').reports.errors.categoryMissing);
    expect(html).toContain(messages('ar').reports.errors.timeOfDayMissing);
  });

  it('the results in Arabic name the waves as translated, mark Danish goal titles, and quote and list as Arabic does', async () => {
    const { body } = await get('/ar/resultater');
    const text = body.replace(/[\u2068\u2069]/g, '');
    expect(text).toContain('2025 (تجريبي)');
    expect(text).toContain('القياس الأساسي 2024 (تجريبي)');
    expect(text).not.toContain('Baseline 2024 (demo)');
    // A goal written by staff in Danish only is marked as Danish.
    expect(body).toMatch(/<h3 lang="da"[^>]*>Utryghed om aftenen i Indre Nørrebro<\/h3>/);
    expect(body).toContain('«');
    expect(body).not.toContain('„');
  });
});
