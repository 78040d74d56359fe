/**
 * A wave's translation as a spreadsheet for translators (README "Languages"):
 * one row per text, with its key, the Danish source, the English version and
 * a column for the translation. Written as Danish spreadsheets open it
 * (UTF-8 with BOM, `;`); read back from the same layout, in whatever
 * delimiter the spreadsheet saved (`;` or `,`). Only the key and translation
 * columns are read back: an edited source column changes nothing.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { TranslationLocale } from '../domain.ts';
import type { SourceText } from './translation.ts';

export const CSV_KEY = 'key';

export function translationCsv(sources: readonly SourceText[], texts: Readonly<Record<string, string>>, locale: TranslationLocale): string {
  const rows = sources.map((s) => [s.key, s.da, s.en ?? '', texts[s.key] ?? '']);
  return stringify([[CSV_KEY, 'da', 'en', locale], ...rows], { delimiter: ';', bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

export type CsvRead = { ok: true; texts: Record<string, string>; unknownKeys: string[] } | { ok: false; reason: 'unreadable' | 'no_columns' };

/** The translations in an uploaded file, by key; keys the wave does not have are listed, not kept. */
export function readTranslationCsv(csv: string, locale: TranslationLocale, sources: readonly SourceText[]): CsvRead {
  const text = csv.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const keyColumn = header.indexOf(CSV_KEY);
  const textColumn = header.indexOf(locale);
  if (keyColumn === -1 || textColumn === -1) return { ok: false, reason: 'no_columns' };
  const known = new Set(sources.map((s) => s.key));
  const texts: Record<string, string> = {};
  const unknownKeys: string[] = [];
  for (const record of records.slice(1)) {
    const key = (record[keyColumn] ?? '').trim();
    if (key === '') continue;
    if (!known.has(key)) {
      unknownKeys.push(key);
      continue;
    }
    texts[key] = (record[textColumn] ?? '').trim();
  }
  return { ok: true, texts, unknownKeys };
}
