/**
 * The residents' languages (README "Languages"): every catalogue has every
 * key residents can see, the same kind of value under it (text or a function
 * taking the same arguments), no empty text, and no text left in English or
 * Danish; staff parts come from English. A key added to the Danish catalogue
 * and missing in any other fails here (and in the type check).
 */
import { describe, expect, it } from 'vitest';
import { ar } from '../../src/lib/i18n/ar.ts';
import { da } from '../../src/lib/i18n/da.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { LOCALES, STAFF_LOCALES, messages, type Locale } from '../../src/lib/i18n/index.ts';
import { STAFF_CATALOGUES, STAFF_REPORT_SECTIONS, type ResidentMessages } from '../../src/lib/i18n/resident.ts';
import { so } from '../../src/lib/i18n/so.ts';
import { tr } from '../../src/lib/i18n/tr.ts';
import { ur } from '../../src/lib/i18n/ur.ts';

const RESIDENT: Record<'ar' | 'tr' | 'so' | 'ur', ResidentMessages> = { ar, tr, so, ur };

/** Every leaf of a catalogue with its path; functions and strings are leaves. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

/** The Danish catalogue without the staff-only parts: the shape a residents' language must have. */
function residentPart(catalogue: typeof da): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...catalogue };
  for (const name of STAFF_CATALOGUES) delete copy[name];
  const reports: Record<string, unknown> = { ...catalogue.reports };
  for (const name of STAFF_REPORT_SECTIONS) delete reports[name];
  copy['reports'] = reports;
  return copy;
}

const shape = (catalogue: unknown) => leaves(catalogue).map(([k, v]) => `${k}:${typeof v === 'function' ? `fn/${(v as (...a: unknown[]) => unknown).length}` : typeof v}`);

/** Text that stays the same in every language: separators, numbers, names, codes. */
const SAME_EVERYWHERE = /^[\s\d\p{P}\p{S}K]*$/u;
const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;

describe('residents’ languages', () => {
  it.each(Object.entries(RESIDENT))('%s has exactly the keys residents see in Danish, each the same kind of value', (_l, catalogue) => {
    expect(shape(catalogue)).toEqual(shape(residentPart(da)));
  });

  it.each(Object.entries(RESIDENT))('%s has no empty text', (l, catalogue) => {
    for (const [key, value] of leaves(catalogue)) if (typeof value === 'string') expect(value.trim(), `${l}: ${key}`).not.toBe('');
  });

  it.each(['ar', 'ur'] as const)('%s: every text with words is written in Arabic script (names inside it may be Latin; names and codes the same as in Danish may stand alone)', (l) => {
    const danish = new Map(leaves(residentPart(da)));
    const latinOnly = leaves(RESIDENT[l]).filter(([k, v]) => typeof v === 'string' && !SAME_EVERYWHERE.test(v) && !ARABIC_SCRIPT.test(v) && v !== danish.get(k));
    expect(latinOnly.map(([k, v]) => `${k}: ${String(v)}`)).toEqual([]);
  });

  it.each(['tr', 'so'] as const)('%s: no text of more than two words is left in English or Danish', (l) => {
    const english = new Map(leaves(residentPart(en as typeof da)));
    const danish = new Map(leaves(residentPart(da)));
    // The site's name stays the Danish one, as the partnership is known (Arabic and Urdu keep it too).
    const copied = leaves(RESIDENT[l]).filter(([k, v]) => k !== 'meta.siteName' && typeof v === 'string' && v.trim().split(/\s+/).length > 2 && (v === english.get(k) || v === danish.get(k)) && english.get(k) !== danish.get(k)); // a name English keeps from Danish (the site's) stays too
    expect(copied.map(([k]) => k)).toEqual([]);
  });

  it.each(Object.entries(RESIDENT))('%s: the functions give text in the language for sample arguments', (l, catalogue) => {
    for (const [key, value] of leaves(catalogue)) {
      if (typeof value !== 'function') continue;
      const args = Array.from({ length: (value as (...a: unknown[]) => unknown).length }, () => 3);
      let out: unknown;
      try {
        out = (value as (...a: unknown[]) => unknown)(...args);
      } catch {
        continue; // a function that needs an object or a string: checked by the type checker and the pages' tests
      }
      if (typeof out !== 'string') continue;
      expect(out.trim(), `${l}: ${key}(3…)`).not.toBe('');
      if (l === 'ar' || l === 'ur') expect(SAME_EVERYWHERE.test(out) || ARABIC_SCRIPT.test(out), `${l}: ${key}(3…) = ${out}`).toBe(true);
    }
  });

  it('staff parts of a residents’ language are the English ones; Danish and English have their own', () => {
    for (const l of LOCALES) {
      const expected = (STAFF_LOCALES as readonly Locale[]).includes(l) ? (l === 'da' ? da : en) : en;
      for (const name of STAFF_CATALOGUES) expect(messages(l)[name], `${l}.${name}`).toBe(expected[name]);
      expect(messages(l).reports.staff, `${l}.reports.staff`).toBe(expected.reports.staff);
    }
  });

  it('each language names itself, and the names differ', () => {
    const names = LOCALES.map((l) => messages(l).language.name);
    expect(names).toEqual(['Dansk', 'English', 'العربية', 'Türkçe', 'Soomaali', 'اردو']);
  });
});
