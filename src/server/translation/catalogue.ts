/**
 * The residents' interface texts as a spreadsheet for the municipality's
 * translators (README "Languages"), and back. `npm run catalogue`
 * (src/server/cli/catalogue.ts) writes and reads the files; this module is
 * the rules:
 *
 * - export: one row per text residents can see, with its key, its kind,
 *   whether a native speaker has reviewed it, the Danish and English texts and
 *   the language's (UTF-8 with BOM, `;`, as Danish spreadsheets open it);
 * - import: a changed text is written into the catalogue's TypeScript source
 *   in place (only that string literal changes, found with the TypeScript
 *   parser), and the review column is kept in `reviewed.json`.
 *
 * Texts with counts or names in them are functions in the catalogue
 * (`kind` = template): they are exported with an example so the translator
 * can check them, and a change to one is listed for a developer, not written.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ts from 'typescript';
import { TRANSLATION_LOCALES, type TranslationLocale } from '../../lib/domain.ts';
import { da, type Messages } from '../../lib/i18n/da.ts';
import { en } from '../../lib/i18n/en.ts';
import { messages } from '../../lib/i18n/index.ts';
import { STAFF_CATALOGUES, STAFF_REPORT_SECTIONS } from '../../lib/i18n/resident.ts';

export const CATALOGUE_COLUMNS = ['key', 'kind', 'status', 'da', 'en'] as const;
export const REVIEWED = 'reviewed';
export const NEEDS_REVIEW = 'needs review';

/** Which keys a native speaker has reviewed, per language (src/lib/i18n/reviewed.json). */
export type ReviewState = Record<TranslationLocale, string[]>;

export interface Leaf {
  key: string;
  kind: 'text' | 'template';
  /** The text, or a template's example (called with 3 for each argument). */
  value: string;
}

/** Every text residents can see in a catalogue, by dotted key; staff parts left out. */
export function residentLeaves(catalogue: Messages): Leaf[] {
  const staff = new Set<string>([...STAFF_CATALOGUES, ...STAFF_REPORT_SECTIONS.map((s) => `reports.${s}`)]);
  const out: Leaf[] = [];
  const walk = (value: unknown, path: string) => {
    if (staff.has(path)) return;
    if (typeof value === 'string') out.push({ key: path, kind: 'text', value });
    else if (typeof value === 'function') out.push({ key: path, kind: 'template', value: example(value as (...a: unknown[]) => unknown) });
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(catalogue, '');
  return out;
}

function example(fn: (...a: unknown[]) => unknown): string {
  try {
    const out = fn(...Array.from({ length: fn.length }, () => 3));
    return typeof out === 'string' ? out : '';
  } catch {
    return '';
  }
}

/** The spreadsheet for one language. */
export function catalogueCsv(locale: TranslationLocale, reviewed: ReviewState): string {
  const done = new Set(reviewed[locale] ?? []);
  const daLeaves = new Map(residentLeaves(da).map((l) => [l.key, l.value]));
  const enLeaves = new Map(residentLeaves(en).map((l) => [l.key, l.value]));
  const rows = residentLeaves(messages(locale)).map((l) => [l.key, l.kind, done.has(l.key) ? REVIEWED : NEEDS_REVIEW, daLeaves.get(l.key) ?? '', enLeaves.get(l.key) ?? '', l.value]);
  return stringify([[...CATALOGUE_COLUMNS, locale], ...rows], { delimiter: ';', bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

export interface CatalogueImport {
  /** Texts that differ from the catalogue's, by key. */
  changed: Map<string, string>;
  /** Templates whose text the translator changed: for a developer to carry over. */
  templates: string[];
  /** Keys the catalogue does not have. */
  unknown: string[];
  /** Rows marked reviewed. */
  reviewed: string[];
  /** Rows with an empty translation (left as they are). */
  empty: string[];
}

export class CatalogueCsvError extends Error {
  override name = 'CatalogueCsvError';
}

/** What an edited spreadsheet changes, compared with the catalogue as it is. */
export function readCatalogueCsv(csv: string, locale: TranslationLocale): CatalogueImport {
  const text = csv.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new CatalogueCsvError(`The file cannot be read as CSV: ${e instanceof Error ? e.message : String(e)}`);
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('key') === -1 || col(locale) === -1) throw new CatalogueCsvError(`The file has no columns "key" and "${locale}".`);
  const current = new Map(residentLeaves(messages(locale)).map((l) => [l.key, l]));
  const result: CatalogueImport = { changed: new Map(), templates: [], unknown: [], reviewed: [], empty: [] };
  for (const record of records.slice(1)) {
    const key = (record[col('key')] ?? '').trim();
    if (key === '') continue;
    const leaf = current.get(key);
    if (!leaf) {
      result.unknown.push(key);
      continue;
    }
    const value = (record[col(locale)] ?? '').replace(/\r\n/g, '\n');
    if (col('status') !== -1 && (record[col('status')] ?? '').trim().toLowerCase() === REVIEWED) result.reviewed.push(key);
    if (value.trim() === '') {
      result.empty.push(key);
      continue;
    }
    if (value === leaf.value) continue;
    if (leaf.kind === 'template') result.templates.push(key);
    else result.changed.set(key, value);
  }
  return result;
}

/** A string literal's place in a source file. */
interface Literal {
  start: number;
  end: number;
}

/**
 * The string literals of the object a catalogue file exports (`export const
 * x = { … }`), by dotted key; a property whose value is an imported name
 * (`events: eventsAr`) is followed into its file. Files are read with `read`.
 */
export function catalogueLiterals(entry: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): Map<string, Literal & { file: string }> {
  const out = new Map<string, Literal & { file: string }>();
  const visitFile = (file: string, exportName: string | undefined, prefix: string) => {
    const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const imports = new Map<string, string>();
    for (const st of source.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue; // a type-only import names no value, so no property uses it
      const named = st.importClause?.namedBindings;
      if (named && ts.isNamedImports(named)) for (const el of named.elements) if (!el.isTypeOnly) imports.set(el.name.text, join(dirname(file), st.moduleSpecifier.text));
    }
    const value = (init: ts.Expression, key: string) => {
      if (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) out.set(key, { file, start: init.getStart(source), end: init.getEnd() });
      else if (ts.isObjectLiteralExpression(init)) walk(init, key);
      else if (ts.isArrayLiteralExpression(init)) init.elements.forEach((e, i) => value(e, `${key}.${i}`));
      else if (ts.isIdentifier(init) && imports.has(init.text)) visitFile(imports.get(init.text)!, init.text, key);
    };
    const walk = (node: ts.ObjectLiteralExpression, path: string) => {
      for (const p of node.properties) {
        if (!ts.isPropertyAssignment(p)) continue;
        const name = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name) ? p.name.text : undefined;
        if (name !== undefined) value(p.initializer, path ? `${path}.${name}` : name);
      }
    };
    for (const st of source.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || (exportName && d.name.text !== exportName) || !d.initializer) continue;
        const init = ts.isSatisfiesExpression(d.initializer) || ts.isAsExpression(d.initializer) ? d.initializer.expression : d.initializer;
        if (ts.isObjectLiteralExpression(init)) walk(init, prefix);
      }
    }
  };
  visitFile(entry, undefined, '');
  return out;
}

/** A text as a single-quoted TypeScript literal; direction isolates and other invisible marks written as escapes, so they stay visible in the source. */
export function quote(text: string): string {
  const body = text.replace(/[\\'\n\r\u2028\u2029\u200e\u200f\u2066-\u2069\u061c]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === "'") return "\\'";
    if (c === '\n') return '\\n';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `'${body}'`;
}

/** The files' new contents with each changed text written in place (keys without a plain literal are returned as `missing`). */
export function applyTexts(
  literals: ReadonlyMap<string, Literal & { file: string }>,
  changed: ReadonlyMap<string, string>,
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): { files: Map<string, string>; missing: string[] } {
  const byFile = new Map<string, { literal: Literal; text: string }[]>();
  const missing: string[] = [];
  for (const [key, text] of changed) {
    const literal = literals.get(key);
    if (!literal) {
      missing.push(key);
      continue;
    }
    byFile.set(literal.file, [...(byFile.get(literal.file) ?? []), { literal, text }]);
  }
  const files = new Map<string, string>();
  for (const [file, edits] of byFile) {
    let content = read(file);
    for (const { literal, text } of edits.sort((a, b) => b.literal.start - a.literal.start)) content = content.slice(0, literal.start) + quote(text) + content.slice(literal.end);
    files.set(file, content);
  }
  return { files, missing };
}

/** The review state with one language's reviewed keys replaced (only keys the catalogue has). */
export function withReviewed(state: ReviewState, locale: TranslationLocale, keys: readonly string[]): ReviewState {
  const next = Object.fromEntries(TRANSLATION_LOCALES.map((l) => [l, [...(state[l] ?? [])]])) as ReviewState;
  next[locale] = [...new Set(keys)].sort();
  return next;
}
