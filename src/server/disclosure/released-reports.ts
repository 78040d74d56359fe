/**
 * The reports of one release, column by column (src/server/disclosure/releases.ts).
 *
 * A release holds one record per moderated report, and the public pages
 * read it whole. Kept as one JavaScript object per report it took about
 * 150 bytes each: some 150 MB of heap at 1,000,000 reports, more than the
 * server's heap limit (README "Performance"), and its JSON payload had to be
 * parsed into as many arrays again. Here every field is a column in a typed
 * array (20 bytes a report, outside the JavaScript heap) and the few
 * distinct strings (hexagons, categories, years) are stored once each; the
 * stored payload is the same columns as base64 (version 2).
 *
 * The records are in one total order: by random record key, then by every
 * other field. The stored order so says nothing about when reports came in
 * (as before), equal releases store equal payloads, and two releases are
 * compared by walking both in that order (changedReports).
 */
import { endianness } from 'node:os';
import { REPORTER_TYPES, type ReporterType } from '../../../db/schema.ts';

/** One released report: what public figures count, and nothing else. */
export interface ReleasedReport {
  /** The H3 hexagon, or '' for a report whose place was typed (no real point: counted in its area only). */
  cell: string;
  areaId: number;
  category: string;
  year: string;
  reporterType: ReporterType;
  initiativeId: number | null;
  /** The record key (src/lib/disclosure/perturbation.ts). */
  key: number;
}

interface Columns {
  /** Index into `cells`. */
  cell: Uint32Array;
  area: Int32Array;
  /** Index into `categories`. */
  category: Uint16Array;
  /** Index into `years`. */
  year: Uint16Array;
  /** Index into REPORTER_TYPES. */
  reporter: Uint8Array;
  /** The initiative's id, or 0 for none (ids start at 1). */
  initiative: Int32Array;
  key: Float64Array;
}

type ColumnName = keyof Columns;
const COLUMN_NAMES: readonly ColumnName[] = ['cell', 'area', 'category', 'year', 'reporter', 'initiative', 'key'];
const COLUMN_TYPES = { cell: Uint32Array, area: Int32Array, category: Uint16Array, year: Uint16Array, reporter: Uint8Array, initiative: Int32Array, key: Float64Array } as const;

/** The stored form (version 2): the string tables, and each column's bytes (little-endian) as base64. */
export interface StoredColumns {
  version: 2;
  cells: string[];
  categories: string[];
  years: string[];
  columns: Record<ColumnName, string>;
}

interface Tables {
  cells: readonly string[];
  categories: readonly string[];
  years: readonly string[];
}

export class ReleasedReports implements Iterable<ReleasedReport> {
  readonly length: number;
  readonly #tables: Tables;
  readonly #c: Columns;
  /** The categories present, in the order they first appear in the records (see presentCategories). */
  readonly #present: readonly string[];

  private constructor(tables: Tables, columns: Columns) {
    this.#tables = tables;
    this.#c = columns;
    this.length = columns.key.length;
    const seen = new Set<number>();
    for (let i = 0; i < this.length && seen.size < this.#tables.categories.length; i++) seen.add(this.#c.category[i]!);
    this.#present = [...seen].map((c) => this.#tables.categories[c]!);
  }

  static readonly empty = new ReleasedReports({ cells: [], categories: [], years: [] }, emptyColumns());

  cell(i: number): string {
    return this.#tables.cells[this.#c.cell[i]!]!;
  }
  areaId(i: number): number {
    return this.#c.area[i]!;
  }
  category(i: number): string {
    return this.#tables.categories[this.#c.category[i]!]!;
  }
  year(i: number): string {
    return this.#tables.years[this.#c.year[i]!]!;
  }
  reporterType(i: number): ReporterType {
    return REPORTER_TYPES[this.#c.reporter[i]!]!;
  }
  initiativeId(i: number): number | null {
    const id = this.#c.initiative[i]!;
    return id === 0 ? null : id;
  }
  key(i: number): number {
    return this.#c.key[i]!;
  }

  /** Record i as an object (for a few records; the columns are the cheap way to read many). */
  at(i: number): ReleasedReport {
    return { cell: this.cell(i), areaId: this.areaId(i), category: this.category(i), year: this.year(i), reporterType: this.reporterType(i), initiativeId: this.initiativeId(i), key: this.key(i) };
  }

  *[Symbol.iterator](): Iterator<ReleasedReport> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  /** Every record as an object (tests, small releases). */
  toArray(): ReleasedReport[] {
    return [...this];
  }

  /** The records' indices, 0 … length − 1, for the disclosure engine's record lists. */
  indices(): number[] {
    return Array.from({ length: this.length }, (_, i) => i);
  }

  /** The categories present, in the order they first appear in the records' total order. */
  presentCategories(): readonly string[] {
    return this.#present;
  }

  /** The earliest year present, as a number (undefined when there are no records). */
  firstYear(): number | undefined {
    const used = new Set(this.#c.year);
    let first: number | undefined;
    for (const y of used) first = Math.min(first ?? Infinity, Number(this.#tables.years[y]));
    return first;
  }

  /** The stored form (version 2). */
  toStored(): StoredColumns {
    requireLittleEndian();
    const columns = Object.fromEntries(COLUMN_NAMES.map((name) => {
      const column = this.#c[name];
      return [name, Buffer.from(column.buffer, column.byteOffset, column.byteLength).toString('base64')];
    })) as Record<ColumnName, string>;
    return { version: 2, cells: [...this.#tables.cells], categories: [...this.#tables.categories], years: [...this.#tables.years], columns };
  }

  /** Reads a stored form; refuses one whose columns do not fit together (never a partly read release). */
  static fromStored(stored: StoredColumns): ReleasedReports {
    requireLittleEndian();
    const columns = {} as Record<ColumnName, Columns[ColumnName]>;
    for (const name of COLUMN_NAMES) {
      const bytes = Buffer.from(stored.columns[name], 'base64');
      const Type = COLUMN_TYPES[name];
      if (bytes.byteLength % Type.BYTES_PER_ELEMENT !== 0) throw new Error(`release column ${name}: ${bytes.byteLength} bytes`);
      // Copied into a buffer of its own: a typed array needs its element size's alignment.
      const aligned = new Uint8Array(bytes.byteLength);
      aligned.set(bytes);
      columns[name] = new Type(aligned.buffer);
    }
    const c = columns as Columns;
    const n = c.key.length;
    if (COLUMN_NAMES.some((name) => c[name].length !== n)) throw new Error('release columns of different lengths');
    const tables: Tables = { cells: stored.cells, categories: stored.categories, years: stored.years };
    for (let i = 0; i < n; i++) {
      if (c.cell[i]! >= tables.cells.length || c.category[i]! >= tables.categories.length || c.year[i]! >= tables.years.length || c.reporter[i]! >= REPORTER_TYPES.length) {
        throw new Error(`release record ${i} points outside its tables`);
      }
    }
    return new ReleasedReports(tables, c);
  }

  /** Builds the columns from records in any order (see ReleaseBuilder). */
  static from(records: Iterable<ReleasedReport>): ReleasedReports {
    const builder = new ReleaseBuilder();
    for (const r of records) builder.add(r);
    return builder.finish();
  }

  /** @internal For ReleaseBuilder. */
  static fromColumns(tables: Tables, columns: Columns): ReleasedReports {
    return new ReleasedReports(tables, columns);
  }

  /** The total order (see the module's comment): negative when record i here comes before record j of `other`. */
  compare(i: number, other: ReleasedReports, j: number): number {
    return (
      this.key(i) - other.key(j) ||
      compareStrings(this.cell(i), other.cell(j)) ||
      this.areaId(i) - other.areaId(j) ||
      compareStrings(this.category(i), other.category(j)) ||
      compareStrings(this.year(i), other.year(j)) ||
      this.#c.reporter[i]! - other.#c.reporter[j]! ||
      this.#c.initiative[i]! - other.#c.initiative[j]!
    );
  }
}

/**
 * How many reports differ between two releases, at least: each report is
 * its whole record (hexagon, area, category, year, reporter type,
 * initiative and random record key), compared as multisets. A new report
 * adds a record, a removed one takes one away, a changed one does both; the
 * larger of the two sides is a lower bound of the reports changed, which is
 * the safe side for a minimum. Both are in the total order, so one walk
 * through both finds the records they share.
 */
export function changedReports(before: ReleasedReports, after: ReleasedReports): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < before.length && j < after.length) {
    const order = before.compare(i, after, j);
    if (order === 0) {
      shared++;
      i++;
      j++;
    } else if (order < 0) i++;
    else j++;
  }
  return Math.max(after.length - shared, before.length - shared);
}

/** Collects records one by one (a release is read from the database in pages), then sorts them into the total order. */
export class ReleaseBuilder {
  #n = 0;
  #c: Columns = emptyColumns(1024);
  readonly #cells = new Interned(0xffff_ffff);
  readonly #categories = new Interned(0xffff);
  readonly #years = new Interned(0xffff);

  add(r: ReleasedReport): void {
    if (this.#n === this.#c.key.length) this.#c = grow(this.#c, this.#n * 2);
    const reporter = REPORTER_TYPES.indexOf(r.reporterType);
    if (reporter < 0) throw new Error(`unknown reporter type ${r.reporterType}`);
    if (!Number.isInteger(r.key) || !Number.isInteger(r.areaId) || (r.initiativeId !== null && !(Number.isInteger(r.initiativeId) && r.initiativeId > 0))) {
      throw new Error('a released record needs whole-number keys and ids');
    }
    const i = this.#n++;
    this.#c.cell[i] = this.#cells.index(r.cell);
    this.#c.area[i] = r.areaId;
    this.#c.category[i] = this.#categories.index(r.category);
    this.#c.year[i] = this.#years.index(r.year);
    this.#c.reporter[i] = reporter;
    this.#c.initiative[i] = r.initiativeId ?? 0;
    this.#c.key[i] = r.key;
  }

  finish(): ReleasedReports {
    const tables: Tables = { cells: this.#cells.values, categories: this.#categories.values, years: this.#years.values };
    const unsorted = ReleasedReports.fromColumns(tables, grow(this.#c, this.#n));
    const order = Uint32Array.from({ length: this.#n }, (_, i) => i).sort((a, b) => unsorted.compare(a, unsorted, b));
    const sorted = emptyColumns(this.#n);
    for (const name of COLUMN_NAMES) {
      const from = this.#c[name];
      const to = sorted[name];
      for (let i = 0; i < this.#n; i++) to[i] = from[order[i]!]!;
    }
    return ReleasedReports.fromColumns(tables, sorted);
  }
}

/** Distinct strings, each given the index of its first appearance. */
class Interned {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();
  readonly #max: number;
  /** `max`: the largest index the column's type holds. */
  constructor(max: number) {
    this.#max = max;
  }
  index(value: string): number {
    let i = this.#index.get(value);
    if (i === undefined) {
      i = this.values.length;
      if (i > this.#max) throw new Error('too many distinct values for a release column');
      this.values.push(value);
      this.#index.set(value, i);
    }
    return i;
  }
}

function emptyColumns(n = 0): Columns {
  return { cell: new Uint32Array(n), area: new Int32Array(n), category: new Uint16Array(n), year: new Uint16Array(n), reporter: new Uint8Array(n), initiative: new Int32Array(n), key: new Float64Array(n) };
}

/** The columns with room for n records (the first min(n, length) kept). */
function grow(c: Columns, n: number): Columns {
  const next = emptyColumns(n);
  for (const name of COLUMN_NAMES) (next[name] as { set(a: ArrayLike<number>): void }).set(c[name].subarray(0, Math.min(n, c[name].length)));
  return next;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function requireLittleEndian(): void {
  if (endianness() !== 'LE') throw new Error('release columns are stored little-endian; this machine is big-endian');
}
