/**
 * The dashboard's tables: one shape for every table a dashboard page shows
 * and every export of it (CSV, JSON), so what is downloaded is exactly what
 * is shown. A value that the privacy rule suppressed is `SUPPRESSED`, never 0
 * or blank: pages print "for få svar" / "too few responses", CSV and JSON
 * print the same words, and no export holds the hidden number.
 */
import { stringify } from 'csv-stringify/sync';

/** A cell hidden by the privacy rule (src/lib/disclosure/index.ts). */
export const SUPPRESSED = Object.freeze({ suppressed: true as const });
export type Suppressed = typeof SUPPRESSED;

/** A cell: text, a number, a share (0–1) or suppressed; null = not applicable. */
export type TableValue = string | number | Suppressed | null;

export interface TableColumn {
  key: string;
  label: string;
  /** How numbers in the column read: a count, a share shown as a percentage, or a plain decimal. */
  kind?: 'text' | 'count' | 'share' | 'decimal';
}

export interface DataTable {
  /** Stable id, also the export's file name: e.g. `goals`, `report-categories`. */
  id: string;
  title: string;
  columns: TableColumn[];
  rows: Record<string, TableValue>[];
  /** A note printed under the table (e.g. "weighted to population margins"). */
  note?: string;
  /** What the counts count, for the suppressed text: "for få svar" or "for få meldinger". Responses by default. */
  counts?: 'responses' | 'reports';
}

export function isSuppressed(value: TableValue): value is Suppressed {
  return typeof value === 'object' && value !== null && value.suppressed === true;
}

export interface CellText {
  suppressed: string;
  /** Formats a number of a column kind (locale-aware; see src/lib/format.ts). */
  number(value: number, kind: TableColumn['kind']): string;
}

/** The text of a cell, as a page or a CSV shows it. */
export function cellText(value: TableValue, kind: TableColumn['kind'], text: CellText): string {
  if (value === null) return '';
  if (isSuppressed(value)) return text.suppressed;
  if (typeof value === 'number') return text.number(value, kind);
  return value;
}

export type CsvDialect = 'danish' | 'standard';

/** Characters a spreadsheet reads as the start of a formula (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would run as a formula gets a leading apostrophe, so it is shown as text. */
function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * CSV of a table: `danish` is UTF-8 with BOM, `;` separators and decimal
 * commas (as Excel in Danish expects); `standard` is comma-separated with
 * decimal points, for R, Python and GIS. Shares are written as numbers (0–1)
 * so they can be computed with, not as "12 %".
 */
export function toCsv(table: DataTable, dialect: CsvDialect, suppressedText: string): string {
  const danish = dialect === 'danish';
  const number = (v: number): string => {
    const s = Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
    return danish ? s.replace('.', ',') : s;
  };
  const rows = table.rows.map((row) =>
    table.columns.map((c) => {
      const v = row[c.key] ?? null;
      if (v === null) return '';
      if (isSuppressed(v)) return suppressedText;
      return typeof v === 'number' ? number(v) : guardFormula(v);
    }),
  );
  return stringify([table.columns.map((c) => guardFormula(c.label)), ...rows], {
    delimiter: danish ? ';' : ',',
    bom: danish,
    record_delimiter: '\r\n',
    // csv-stringify quotes the record delimiter (CRLF) but not a lone CR or LF.
    quoted_match: /[\r\n]/,
  });
}

/** JSON of a table: suppressed cells are `{"suppressed": true}`, never a number. */
export function toJson(table: DataTable): string {
  return JSON.stringify(
    {
      id: table.id,
      title: table.title,
      columns: table.columns,
      rows: table.rows,
      ...(table.note ? { note: table.note } : {}),
    },
    null,
    2,
  );
}
