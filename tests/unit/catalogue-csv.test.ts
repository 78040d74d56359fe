/**
 * The interface texts as a spreadsheet for translators (README "Languages",
 * src/server/translation/catalogue.ts): every text residents see is exported
 * with its Danish and English and its review status; a spreadsheet loaded
 * back changes exactly the edited texts in the catalogue's source, keeps the
 * review column, and lists templates and unknown keys instead of guessing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { TRANSLATION_LOCALES } from '../../src/lib/domain.ts';
import { messages } from '../../src/lib/i18n/index.ts';
import {
  applyTexts,
  catalogueCsv,
  catalogueLiterals,
  CatalogueCsvError,
  quote,
  readCatalogueCsv,
  residentLeaves,
  withReviewed,
  type ReviewState,
} from '../../src/server/translation/catalogue.ts';

const I18N = fileURLToPath(new URL('../../src/lib/i18n/', import.meta.url));
const NONE: ReviewState = { ar: [], tr: [], so: [], ur: [] };
const rowsOf = (csv: string) => parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
const csvOf = (rows: string[][]) => stringify(rows, { delimiter: ';', quoted_match: /[\r\n]/ });

describe('the interface texts for translators', () => {
  it.each(TRANSLATION_LOCALES)('%s: one row per text residents see, with Danish, English, the translation and "needs review"', (l) => {
    const rows = rowsOf(catalogueCsv(l, NONE));
    expect(rows[0]).toEqual(['key', 'kind', 'status', 'da', 'en', l]);
    const leaves = residentLeaves(messages(l));
    expect(rows.slice(1).map((r) => r[0])).toEqual(leaves.map((x) => x.key));
    expect(rows.some((r) => r[0]!.startsWith('staff.') || r[0]!.startsWith('reports.staff')), 'no staff texts').toBe(false);
    const title = rows.find((r) => r[0] === 'reports.title')!;
    expect(title.slice(1)).toEqual(['text', 'needs review', messages('da').reports.title, messages('en').reports.title, messages(l).reports.title]);
    expect(rows.filter((r) => r[1] === 'template').length).toBeGreaterThan(10);
    // A spreadsheet loaded back unchanged changes nothing.
    const back = readCatalogueCsv(catalogueCsv(l, NONE), l);
    expect([back.changed.size, back.templates, back.unknown, back.reviewed]).toEqual([0, [], [], []]);
  });

  it.each(TRANSLATION_LOCALES)('%s: every text can be written back: each is a plain literal the parser finds in the catalogue’s files', (l) => {
    const literals = catalogueLiterals(`${I18N}${l}.ts`);
    const texts = residentLeaves(messages(l)).filter((x) => x.kind === 'text');
    expect(texts.filter((x) => !literals.has(x.key)).map((x) => x.key)).toEqual([]);
    // …and the literal found is that text.
    for (const x of texts.slice(0, 40)) {
      const at = literals.get(x.key)!;
      expect(new Function(`return ${readFileSync(at.file, 'utf8').slice(at.start, at.end)}`)(), x.key).toBe(x.value);
    }
  });

  it('an edited spreadsheet changes exactly the edited texts, keeps the review column, and lists what it cannot write', () => {
    const rows = rowsOf(catalogueCsv('ar', NONE));
    const edit = (key: string, f: (r: string[]) => void) => f(rows.find((r) => r[0] === key)!);
    edit('events.title', (r) => (r[5] = 'فعاليات الحي'));
    edit('reports.title', (r) => (r[2] = 'reviewed'));
    edit('meta.siteDescription', (r) => (r[5] = "سطر أول\nسطر 'ثانٍ' \\ \u2068Nørrebro\u2069"));
    const template = rows.find((r) => r[1] === 'template' && r[5] !== '')!;
    template[5] = `${template[5]} !`;
    edit('refusal.back', (r) => (r[5] = ''));
    rows.push(['no.such.key', 'text', 'needs review', '', '', 'x']);
    const result = readCatalogueCsv(csvOf(rows), 'ar');
    expect([...result.changed.keys()].sort()).toEqual(['events.title', 'meta.siteDescription']);
    expect(result.reviewed).toEqual(['reports.title']);
    expect(result.templates).toEqual([template[0]]);
    expect(result.unknown).toEqual(['no.such.key']);
    expect(result.empty).toContain('refusal.back');

    const literals = catalogueLiterals(`${I18N}ar.ts`);
    const { files, missing } = applyTexts(literals, result.changed);
    expect(missing).toEqual([]);
    expect([...files.keys()].map((f) => f.slice(I18N.length)).sort()).toEqual(['ar.ts', 'events-ar.ts']);
    // Only the edited literals differ; read back, they are the new texts.
    const read = (p: string) => files.get(p) ?? readFileSync(p, 'utf8');
    const after = catalogueLiterals(`${I18N}ar.ts`, read);
    for (const [key, at] of after) {
      const text = new Function(`return ${read(at.file).slice(at.start, at.end)}`)() as string;
      const before = literals.get(key)!;
      const old = new Function(`return ${readFileSync(before.file, 'utf8').slice(before.start, before.end)}`)() as string;
      expect(text, key).toBe(result.changed.get(key) ?? old);
    }
    expect(files.get(`${I18N}ar.ts`)).toContain("'سطر أول\\nسطر \\'ثانٍ\\' \\\\ \\u2068Nørrebro\\u2069'");
  });

  it('quotes text as a TypeScript literal that evaluates to the same text, invisible marks as escapes', () => {
    for (const s of ["it's", 'a\\b', 'two\nlines', '\u2068Nørrebro\u2069', 'plain']) expect(new Function(`return ${quote(s)}`)()).toBe(s);
    expect(quote('\u2068x\u2069')).toBe("'\\u2068x\\u2069'");
  });

  it('refuses a file without the key and language columns, or not CSV at all', () => {
    expect(() => readCatalogueCsv('nøgle;tekst\nx;y\n', 'tr')).toThrow(CatalogueCsvError);
    expect(() => readCatalogueCsv('key;tr\n"unclosed;x\n', 'tr')).toThrow(CatalogueCsvError);
  });

  it('keeps the reviewed keys per language', () => {
    const next = withReviewed({ ...NONE, tr: ['a'] }, 'ar', ['b', 'a', 'b']);
    expect(next).toEqual({ ar: ['a', 'b'], tr: ['a'], so: [], ur: [] });
  });
});
