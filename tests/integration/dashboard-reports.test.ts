/**
 * The dashboard's report statistics against a real SQLite file: hand-counted
 * reports in, suppressed tables, heat map and handling times out, for the
 * roles that may see them. K = 5 throughout. Shown counts are what the
 * disclosure engine publishes (src/lib/disclosure): worked out here from the
 * inserted reports' record keys; indexes are of the published counts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reports, reportUpdates, type ReportStatus, type Role, type TimeOfDay } from '../../db/schema.ts';
import { isSuppressed, toCsv, toJson, type DataTable, type TableValue } from '../../src/lib/data-table.ts';
import { addKeys, publishCount } from '../../src/lib/disclosure/index.ts';
import { listPlaces } from '../../src/server/partnership/places.ts';
import { areaForPoint, listAreas } from '../../src/server/partnership/areas.ts';
import {
  computeReportStats,
  geojson,
  readReportStatsFilter,
  reportStatsTables,
  tables,
  type ReportStats,
} from '../../src/server/dashboard/report-stats.ts';
import type { TableContext } from '../../src/server/dashboard/tables.ts';
import {
  computeDisplacement,
  displacementFlag,
  displacementTables,
  indexSeries,
  readDisplacementFilter,
  tables as displacementExports,
} from '../../src/server/dashboard/displacement.ts';
import { newRecordKey } from '../../src/server/disclosure/keys.ts';
import { makeReportRelease } from '../../src/server/disclosure/releases.ts';
import { buildReportMap } from '../../src/server/reports/map.ts';
import { listActiveCategories } from '../../src/server/reports/reports.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { seedReference } from '../support/factories.ts';
import { addRespondents, makeSeries, makeWave } from '../support/survey-factory.ts';

const K = 5;
const NOW = new Date('2026-06-01T10:00:00Z');
let t: TestDb;

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
});
afterEach(() => t.close());

let receipt = 0;
interface ReportSpec {
  /** A named place (src/lib/places.ts): its point, and so its hexagon and area. */
  place: string;
  category?: string;
  createdOn: string;
  status?: ReportStatus;
  timeOfDay?: TimeOfDay;
  weekday?: number | null;
  /** Days of "handled" updates (UTC noon), oldest first. */
  handledOn?: string[];
}

/**
 * Inserts `count` reports as moderators left them, each with a record key, and
 * makes a release of the public figures (which the dashboard's years and the
 * public map's suppressions come from) holding every report so far. Returns their keys.
 */
async function addReports(count: number, spec: ReportSpec): Promise<number[]> {
  const keys: number[] = [];
  const place = (await listPlaces(t.db)).find(spec.place)!;
  const area = (await areaForPoint(t.db, place))!;
  const category = (await listActiveCategories(t.db)).find((c) => c.slug === (spec.category ?? 'drug_dealing'))!;
  for (let i = 0; i < count; i++) {
    receipt += 1;
    const [report] = await t.db
      .insert(reports)
      .values({
        receipt: `test-receipt-${receipt}-abcdefghijklmnop`,
        categoryId: category.id,
        lat: place.lat,
        lon: place.lon,
        placeName: place.id,
        areaId: area.id,
        timeOfDay: spec.timeOfDay ?? 'evening',
        weekday: spec.weekday === undefined ? 5 : spec.weekday,
        reporterType: 'resident',
        status: spec.status ?? 'forwarded',
        createdOn: spec.createdOn,
        cellKey: newRecordKey(),
      })
      .returning();
    keys.push(report!.cellKey);
    for (const day of spec.handledOn ?? []) {
      await t.db.insert(reportUpdates).values({ reportId: report!.id, status: 'handled', createdAt: new Date(`${day}T12:00:00Z`) });
    }
  }
  await makeReportRelease(t.db, { now: NOW });
  return keys;
}

/** What the engine publishes for a count of these groups of reports (by their record keys). */
const published = (...groups: readonly (readonly number[])[]): number | undefined =>
  publishCount(
    groups.reduce((s, g) => s + g.length, 0),
    addKeys(...groups.flat()),
    K,
  );

/** The same as a shown total. */
function shownTotal(...groups: readonly (readonly number[])[]): { suppressed: true } | { suppressed: false; n: number } {
  const n = published(...groups);
  return n === undefined ? { suppressed: true } : { suppressed: false, n };
}

function ctx(role: Role, query = 'year=2025'): TableContext {
  return { db: t.db, locale: 'da', role, k: K, params: new URLSearchParams(query) };
}

async function stats(role: Role, query = 'year=2025'): Promise<ReportStats> {
  return computeReportStats(t.db, await readReportStatsFilter(t.db, new URLSearchParams(query), NOW), K, role, NOW);
}

const areaId = async (slug: string): Promise<number> => (await listAreas(t.db)).find((a) => a.slug === slug)!.id;

/** A DataTable's numbers as a grid (undefined = suppressed), first column (labels) left out. */
function grid(table: DataTable): (number | undefined)[][] {
  return table.rows.map((row) =>
    table.columns.slice(1).map((c) => {
      const v: TableValue = row[c.key] ?? null;
      return isSuppressed(v) ? undefined : (v as number);
    }),
  );
}

/**
 * The reader's attack on a published table with its row totals (last column)
 * and column totals (last row): every line adds up to its total (solved for
 * the suppressed figures by Gaussian elimination), and counts are never
 * negative (a line whose suppressed figures must add up to 0 shows them all
 * to be 0). Applied until nothing more is learnt; returns what is pinned down.
 */
function recoverable(pub: (number | undefined)[][]): Map<string, number> {
  const known = pub.map((row) => [...row]);
  const R = known.length - 1;
  const C = known[0]!.length - 1;
  const lines = [
    ...Array.from({ length: R + 1 }, (_, i) => Array.from({ length: C + 1 }, (_, j): [number, number] => [i, j])),
    ...Array.from({ length: C + 1 }, (_, j) => Array.from({ length: R + 1 }, (_, i): [number, number] => [i, j])),
  ];
  const found = new Map<string, number>();
  const learn = (i: number, j: number, value: number): void => {
    known[i]![j] = value;
    found.set(`${i},${j}`, value);
  };
  for (;;) {
    const before = found.size;
    const unknowns: [number, number][] = [];
    known.forEach((row, i) => row.forEach((x, j) => x === undefined && unknowns.push([i, j])));
    const index = new Map(unknowns.map(([i, j], u) => [`${i},${j}`, u]));
    const equations = lines.map((line) => {
      const eq = new Array<number>(unknowns.length + 1).fill(0);
      line.forEach(([i, j], position) => {
        const sign = position === line.length - 1 ? -1 : 1;
        const u = index.get(`${i},${j}`);
        if (u === undefined) eq[unknowns.length]! -= sign * known[i]![j]!;
        else eq[u]! += sign;
      });
      return eq;
    });
    let row = 0;
    const pivots: number[] = [];
    for (let col = 0; col < unknowns.length && row < equations.length; col++) {
      const best = equations.findIndex((e, r) => r >= row && Math.abs(e[col]!) > 1e-9);
      if (best === -1) continue;
      [equations[row], equations[best]] = [equations[best]!, equations[row]!];
      const p = equations[row]![col]!;
      equations[row] = equations[row]!.map((x) => x / p);
      for (let r = 0; r < equations.length; r++) {
        const f = equations[r]![col]!;
        if (r !== row && Math.abs(f) > 1e-12) equations[r] = equations[r]!.map((x, c) => x - f * equations[row]![c]!);
      }
      pivots.push(col);
      row++;
    }
    pivots.forEach((p, r) => {
      if (equations[r]!.slice(0, unknowns.length).every((x, c) => c === p || Math.abs(x) < 1e-9)) {
        learn(unknowns[p]![0], unknowns[p]![1], Math.round(equations[r]![unknowns.length]!));
      }
    });
    for (const line of lines) {
      const [ti, tj] = line.at(-1)!;
      const total = known[ti]![tj];
      if (total === undefined) continue;
      const rest = total - line.slice(0, -1).reduce((s, [i, j]) => s + (known[i]![j] ?? 0), 0);
      if (rest === 0) for (const [i, j] of line.slice(0, -1)) if (known[i]![j] === undefined) learn(i, j, 0);
    }
    if (found.size === before) return found;
  }
}

/**
 * A year of reports, by category × area (K = 5):
 *
 *                 Indre Nørrebro  Skt. Hans Torv  Ydre Nørrebro
 *   drug_dealing        12              3               7
 *   groups               8              9               6
 *   lighting             2             10              11
 */
async function seedCategoryYear(): Promise<Map<string, number[]>> {
  const places = { 'indre-norrebro': 'blaagaards-plads', 'skt-hans-torv': 'skt-hans-torv', 'ydre-norrebro': 'superkilen' } as const;
  const counts: [string, keyof typeof places, number][] = [
    ['drug_dealing', 'indre-norrebro', 12],
    ['drug_dealing', 'skt-hans-torv', 3],
    ['drug_dealing', 'ydre-norrebro', 7],
    ['groups', 'indre-norrebro', 8],
    ['groups', 'skt-hans-torv', 9],
    ['groups', 'ydre-norrebro', 6],
    ['lighting', 'indre-norrebro', 2],
    ['lighting', 'skt-hans-torv', 10],
    ['lighting', 'ydre-norrebro', 11],
  ];
  const keys = new Map<string, number[]>();
  for (const [category, area, n] of counts) keys.set(`${category}/${area}`, await addReports(n, { place: places[area], category, createdOn: '2025-04-10' }));
  return keys;
}

/** The true counts of seedCategoryYear, by a category × area table's row label and column key (totals included). */
async function categoryYearTruth(keys: Map<string, number[]>): Promise<(label: string, column: string) => number> {
  const categories = await listActiveCategories(t.db);
  const count = (category: string | undefined, area: string | undefined): number =>
    [...keys].filter(([key]) => (category === undefined || key.startsWith(`${category}/`)) && (area === undefined || key.endsWith(`/${area}`))).reduce((s, [, k]) => s + k.length, 0);
  return (label, column) => {
    const category = label === 'I alt' ? undefined : categories.find((c) => c.nameDa === label)?.slug;
    if (label !== 'I alt' && category === undefined) throw new Error(`unknown row ${label}`);
    return count(category, column === 'total' ? undefined : column);
  };
}

describe('report counts', () => {
  it('only reports a moderator has looked at are counted: received, rejected and merged ones are not', async () => {
    const forwarded = await addReports(6, { place: 'blaagaards-plads', createdOn: '2025-02-01', status: 'forwarded' });
    const handled = await addReports(5, { place: 'blaagaards-plads', createdOn: '2025-02-01', status: 'handled' });
    await addReports(7, { place: 'blaagaards-plads', createdOn: '2025-02-01', status: 'received' });
    await addReports(8, { place: 'blaagaards-plads', createdOn: '2025-02-01', status: 'rejected' });
    await addReports(9, { place: 'blaagaards-plads', createdOn: '2025-02-01', status: 'merged' });
    const s = await stats('analyst');
    // 11: as published, the same figure wherever these reports are counted.
    expect(s.byCategory.total).toEqual(shownTotal(forwarded, handled));
    expect(s.byCategory.total.suppressed).toBe(false);
    expect(s.byMonth.rows.find((r) => r.key === '2025-02')!.total).toEqual(shownTotal(forwarded, handled));
  });

  it('counts per category and area are the hand counts, as published, where no privacy rule applies', async () => {
    const keys = await seedCategoryYear();
    const table = reportStatsTables(await stats('analyst'), 'da').byCategory;
    const drugs = table.rows.find((r) => r['label'] === 'Åbent salg af stoffer')!;
    // 3 in Skt. Hans Torv is below K: suppressed, never 3 and never 0.
    expect(drugs['skt-hans-torv']).toEqual({ suppressed: true });
    const total = table.rows.at(-1)!;
    expect(total['label']).toBe('I alt');
    expect(total['total']).toBe(published(...keys.values()));
    expect(Math.abs((total['total'] as number) - 68)).toBeLessThanOrEqual(2);
    expect(drugs['indre-norrebro']).toBe(published(keys.get('drug_dealing/indre-norrebro')!));
  });

  it('no export of the category × area table contains a cell below K, nor one recoverable from totals', async () => {
    const truth = await categoryYearTruth(await seedCategoryYear());
    for (const role of ['analyst', 'viewer', 'admin'] as const) {
      const table = (await tables['reports-by-category']!(ctx(role)))!;
      // The JSON export: every figure is a count of at least K, a zero, or suppressed.
      const json = JSON.parse(toJson(table)) as { rows: Record<string, unknown>[] };
      for (const row of json.rows) {
        for (const [key, value] of Object.entries(row)) {
          if (key === 'label') continue;
          expect(value === 0 || (typeof value === 'number' && value >= K) || (value as { suppressed?: boolean }).suppressed === true).toBe(true);
        }
      }
      // No suppressed count below K can be solved for from the shown cells and totals. (A count of K or
      // more that the noise took below K is suppressed too; solving for it gives it within the noise.)
      const pub = grid(table);
      const small = (position: string): boolean => {
        const [i, j] = position.split(',').map(Number) as [number, number];
        const n = truth(table.rows[i]!['label'] as string, table.columns[j + 1]!.key);
        return n > 0 && n < K;
      };
      const found = [...recoverable(pub)].filter(([position, v]) => v !== 0 && small(position));
      expect(found).toEqual([]);
      // The CSV prints the words, not a number.
      const csv = toCsv(table, 'danish', 'for få meldinger');
      expect(csv).toContain('for få meldinger');
    }
  });

  it('the classic attack fails: the row total minus the shown cells of the row is not the hidden small cell', async () => {
    await seedCategoryYear();
    const table = reportStatsTables(await stats('analyst'), 'da').byCategory;
    const pub = grid(table);
    // Row 0 is drug_dealing (12, 3, 7 | 22); Skt. Hans Torv's 3 is hidden.
    const [drugs] = pub;
    expect(drugs![1]).toBeUndefined();
    const rowTotal = drugs![3];
    const shown = drugs!.slice(0, 3).filter((x): x is number => x !== undefined);
    if (rowTotal !== undefined) expect(rowTotal - shown.reduce((s, x) => s + x, 0)).not.toBe(3);
    // Nor the column total minus the column's shown cells.
    const column = pub.slice(0, -1).map((r) => r[1]);
    const columnTotal = pub.at(-1)![1];
    if (columnTotal !== undefined) expect(columnTotal - column.filter((x): x is number => x !== undefined).reduce((s, x) => s + x, 0)).not.toBe(3);
  });

  it("choosing an area shows that area's column of the full year table, not figures computed for the area alone", async () => {
    await seedCategoryYear();
    const full = (await tables['reports-by-category']!(ctx('analyst')))!;
    const slice = (await tables['reports-by-category']!(ctx('analyst', 'year=2025&area=skt-hans-torv')))!;
    expect(slice.columns.map((c) => c.key)).toEqual(['label', 'skt-hans-torv']);
    expect(slice.rows.map((r) => r['skt-hans-torv'])).toEqual(full.rows.map((r) => r['skt-hans-torv']));
  });

  it('a total hidden in one table of the year is hidden in every table of the year that shows it', async () => {
    // Ydre Nørrebro has 3 reports (below K); the other areas many, spread over months and categories.
    await addReports(3, { place: 'superkilen', category: 'groups', createdOn: '2025-05-02' });
    await addReports(9, { place: 'blaagaards-plads', category: 'groups', createdOn: '2025-01-10' });
    await addReports(8, { place: 'blaagaards-plads', category: 'lighting', createdOn: '2025-02-10' });
    await addReports(20, { place: 'skt-hans-torv', category: 'groups', createdOn: '2025-01-10' });
    await addReports(6, { place: 'skt-hans-torv', category: 'violence', createdOn: '2025-03-10' });
    const s = await stats('analyst');
    const hiddenAreaTotals = (table: ReportStats['byCategory']): string[] => table.columnTotals.filter((c) => c.suppressed).map((c) => c.key);
    const inCategories = hiddenAreaTotals(s.byCategory);
    expect(inCategories).toContain('ydre-norrebro');
    // 3 alone would be the year's total minus the other two areas: a second area total is hidden with it.
    expect(inCategories.length).toBeGreaterThanOrEqual(2);
    expect(hiddenAreaTotals(s.byMonth)).toEqual(inCategories);
    expect(hiddenAreaTotals(s.byStatus)).toEqual(inCategories);
    expect(s.byCategory.total.suppressed).toBe(s.timePattern.total.suppressed);
  });

  it('an area total that the public map withholds for the year is withheld on the dashboard too', async () => {
    // 7 reports in one hexagon and 2 in another in Indre Nørrebro: the public map shows the 7 (7 is at least K
    // whatever the noise), so its area total (9) would give away the 2; it is hidden there, and so here.
    await addReports(7, { place: 'blaagaards-plads', createdOn: '2025-03-03' });
    await addReports(2, { place: 'assistens-kirkegaard', createdOn: '2025-03-03' });
    await addReports(12, { place: 'skt-hans-torv', createdOn: '2025-03-03' });
    await addReports(15, { place: 'superkilen', createdOn: '2025-03-03' });
    const areaIds = (await listAreas(t.db)).map((a) => a.id);
    const publicMap = await buildReportMap(t.db, { period: '2025' }, areaIds, K, NOW);
    const indre = await areaId('indre-norrebro');
    expect(publicMap.areas.find((a) => a.areaId === indre)!.total).toEqual({ suppressed: true });
    const s = await stats('analyst');
    expect(s.byCategory.columnTotals.find((c) => c.key === 'indre-norrebro')).toEqual({ key: 'indre-norrebro', suppressed: true });
    // Nor can it be summed up from the area's cells, in any table of the year.
    const t2 = reportStatsTables(s, 'da');
    for (const table of [t2.byCategory, t2.byMonth, t2.byStatus]) {
      const pub = grid(table);
      expect(pub.at(-1)![0]).toBeUndefined();
      expect([...recoverable(pub)].filter(([, v]) => v !== 0), table.id).toEqual([]);
    }
  });

  it('a year without reports reads zero everywhere, not "too few"', async () => {
    await addReports(6, { place: 'blaagaards-plads', createdOn: '2024-05-05' });
    const s = await stats('analyst', 'year=2025');
    expect(s.byCategory.total).toEqual({ suppressed: false, n: 0 });
    expect(s.byCategory.columnTotals.every((c) => !c.suppressed && c.n === 0)).toBe(true);
    expect(s.byMonth.rows.every((r) => !r.total.suppressed && r.total.n === 0)).toBe(true);
  });

  it('counts per month: each month of the chosen calendar year, and nothing from another year', async () => {
    const january = await addReports(6, { place: 'blaagaards-plads', createdOn: '2025-01-15' });
    const march = await addReports(7, { place: 'blaagaards-plads', createdOn: '2025-03-31' });
    const december = await addReports(9, { place: 'blaagaards-plads', createdOn: '2024-12-31' });
    const s = await stats('analyst');
    const month = (key: string) => s.byMonth.rows.find((r) => r.key === key)!.total;
    expect(s.byMonth.rows).toHaveLength(12);
    expect(month('2025-01')).toEqual(shownTotal(january));
    expect(month('2025-02')).toEqual({ suppressed: false, n: 0 });
    expect(month('2025-03')).toEqual(shownTotal(march));
    expect(month('2025-03').suppressed).toBe(false);
    expect(s.byMonth.total).toEqual(shownTotal(january, march));
    expect(s.byMonth.total.suppressed).toBe(false);
    expect((await stats('analyst', 'year=2024')).byMonth.total).toEqual(shownTotal(december));
  });

  it('time of day and weekday: counts per pair, with "any day" as its own column', async () => {
    const evening = await addReports(6, { place: 'blaagaards-plads', createdOn: '2025-06-06', timeOfDay: 'evening', weekday: 5 });
    const night = await addReports(7, { place: 'blaagaards-plads', createdOn: '2025-06-07', timeOfDay: 'night', weekday: 6 });
    const often = await addReports(5, { place: 'blaagaards-plads', createdOn: '2025-06-08', timeOfDay: 'often', weekday: null });
    const s = await stats('analyst');
    const cell = (time: string, day: string) => s.timePattern.rows.find((r) => r.key === time)!.cells.find((c) => c.key === day);
    expect(cell('evening', '5')).toEqual({ key: '5', ...shownTotal(evening) });
    expect(cell('night', '6')).toEqual({ key: '6', ...shownTotal(night) });
    expect(cell('often', 'none')).toEqual({ key: 'none', ...shownTotal(often) });
    expect(cell('night', '6')!.suppressed).toBe(false);
    expect(s.timePattern.total).toEqual(shownTotal(evening, night, often));
    expect(s.timePattern.total.suppressed).toBe(false);
  });

  it('the year and area parameters are allow-listed: unknown values are ignored, the default is the newest year with reports', async () => {
    await addReports(5, { place: 'blaagaards-plads', createdOn: '2024-05-05' });
    await addReports(5, { place: 'blaagaards-plads', createdOn: '2025-05-05' });
    const f = await readReportStatsFilter(t.db, new URLSearchParams('year=1999&area=<script>'), NOW);
    expect(f.year).toBe('2025');
    expect(f.area).toBeUndefined();
    expect(f.years).toEqual(['2026', '2025', '2024']);
    expect(await readReportStatsFilter(t.db, new URLSearchParams('year=2024&area=ydre-norrebro'), NOW)).toMatchObject({
      year: '2024',
      area: { slug: 'ydre-norrebro' },
    });
  });
});

describe('heat map', () => {
  it("a heat-map cell with four reports and K = 5 is shown to an admin but not to an analyst, nor in the analyst's GeoJSON", async () => {
    await addReports(4, { place: 'blaagaards-plads', createdOn: '2025-02-02' });
    const six = await addReports(6, { place: 'skt-hans-torv', createdOn: '2025-02-02' });
    // Staff who moderate reports see the points anyway, so every cell with its count; everyone else the public map's.
    const admin = (await stats('admin')).heatmap;
    expect(admin.cells.map((c) => [c.n, c.belowK])).toEqual([
      [6, false],
      [4, true],
    ]);
    const analyst = (await stats('analyst')).heatmap;
    // The 6 as the public map publishes it (6 + noise, or nothing should that fall below K); never the 4.
    const shownSix = published(six) === undefined ? [] : [published(six)];
    expect(analyst.cells.map((c) => c.n)).toEqual(shownSix);
    for (const role of ['analyst', 'viewer'] as const) {
      const geo = (await geojson['reports-heatmap']!(ctx(role))) as { features: { properties: { reports: number } }[] };
      expect(geo.features.map((f) => f.properties.reports)).toEqual(shownSix);
      const table = (await tables['reports-heatmap']!(ctx(role)))!;
      expect(table.rows.map((r) => r['reports'])).toEqual(shownSix);
    }
    const adminGeo = (await geojson['reports-heatmap']!(ctx('admin'))) as { features: { properties: { reports: number; belowK: boolean } }[] };
    expect(adminGeo.features.map((f) => [f.properties.reports, f.properties.belowK])).toEqual([
      [6, false],
      [4, true],
    ]);
  });

  it("an analyst's heat map for a year is exactly the public map's for that year", async () => {
    await addReports(7, { place: 'blaagaards-plads', createdOn: '2025-02-02' });
    await addReports(2, { place: 'blaagaards-plads', createdOn: '2024-02-02' });
    await addReports(5, { place: 'superkilen', createdOn: '2025-02-02' });
    const areaIds = (await listAreas(t.db)).map((a) => a.id);
    const publicCells = (await buildReportMap(t.db, { period: '2025' }, areaIds, K, NOW)).cells.map((c) => [c.cell, c.n]);
    expect((await stats('analyst')).heatmap.cells.map((c) => [c.cell, c.n])).toEqual(publicCells);
  });

  it('GeoJSON cells are closed lon/lat polygons with their count and area', async () => {
    // Seven, so that the noise cannot take the cell below K.
    const seven = await addReports(7, { place: 'superkilen', createdOn: '2025-02-02' });
    const geo = (await geojson['reports-heatmap']!(ctx('analyst'))) as {
      type: string;
      features: { geometry: { type: string; coordinates: number[][][] }; properties: { area: string; reports: number } }[];
    };
    expect(geo.type).toBe('FeatureCollection');
    const [feature] = geo.features;
    const ring = feature!.geometry.coordinates[0]!;
    expect(feature!.geometry.type).toBe('Polygon');
    expect(ring[0]).toEqual(ring.at(-1));
    expect(ring[0]![0]).toBeCloseTo(12.54, 1);
    expect(ring[0]![1]).toBeCloseTo(55.7, 1);
    expect(feature!.properties).toMatchObject({ area: 'ydre-norrebro', reports: published(seven) });
  });

  it('choosing an area shows the cells whose reports mostly lie in it, with their full counts', async () => {
    const seven = await addReports(7, { place: 'superkilen', createdOn: '2025-02-02' });
    await addReports(8, { place: 'blaagaards-plads', createdOn: '2025-02-02' });
    const table = (await tables['reports-heatmap']!(ctx('analyst', 'year=2025&area=ydre-norrebro')))!;
    expect(table.rows.map((r) => r['reports'])).toEqual([published(seven)]);
  });
});

describe('handling time', () => {
  it('throughput is the median days from received to handled', async () => {
    // Received 1 March; handled after 1, 2, 3, 5, 8, 30 and 40 days: the median is 5. (Seven, so that the
    // noise cannot take the count of handled reports below K, which would hide the median.)
    const keys: number[] = [];
    for (const day of ['2025-03-02', '2025-03-03', '2025-03-04', '2025-03-06', '2025-03-09', '2025-03-31', '2025-04-10']) {
      keys.push(...(await addReports(1, { place: 'blaagaards-plads', createdOn: '2025-03-01', status: 'handled', handledOn: [day] })));
    }
    const s = await stats('analyst');
    const indre = s.throughput.find((r) => r.areaSlug === 'indre-norrebro')!;
    expect(indre.handled).toEqual(shownTotal(keys));
    expect(indre.handled.suppressed).toBe(false);
    expect(indre.median).toEqual({ suppressed: false, days: 5 });
    expect(s.throughput.find((r) => r.areaSlug === undefined)!.median).toEqual({ suppressed: false, days: 5 });
    // An area with no handled reports has no median (not zero, not "too few").
    expect(s.throughput.find((r) => r.areaSlug === 'ydre-norrebro')!.median).toBeNull();
  });

  it('with an even number of handled reports the median is the mean of the middle two, and the first "handled" counts', async () => {
    // 0, 1, 2, 3, 4, 10, 20 and 29 days: (3 + 4) / 2 = 3.5. The 20-day one was handled again later; its first
    // time counts. (Eight, so that the noise cannot take the count below K.)
    for (const days of [0, 1, 2, 3, 4, 10, 29]) {
      await addReports(1, { place: 'blaagaards-plads', createdOn: '2025-04-01', status: 'handled', handledOn: [`2025-04-${String(1 + days).padStart(2, '0')}`] });
    }
    await addReports(1, { place: 'blaagaards-plads', createdOn: '2025-04-01', status: 'handled', handledOn: ['2025-04-21', '2025-05-30'] });
    const row = (await stats('analyst')).throughput.find((r) => r.areaSlug === 'indre-norrebro')!;
    expect(row.median).toEqual({ suppressed: false, days: 3.5 });
    const table = reportStatsTables(await stats('analyst'), 'da').throughput;
    expect(table.rows.find((r) => r['area'] === 'Indre Nørrebro')!['median']).toBe(3.5);
  });

  it('a median of fewer than K handled reports is not shown', async () => {
    for (const day of ['2025-03-03', '2025-03-04', '2025-03-06']) {
      await addReports(1, { place: 'blaagaards-plads', createdOn: '2025-03-01', status: 'handled', handledOn: [day] });
    }
    await addReports(9, { place: 'blaagaards-plads', createdOn: '2025-03-01', status: 'forwarded' });
    const row = (await stats('analyst')).throughput.find((r) => r.areaSlug === 'indre-norrebro')!;
    expect(row.handled).toEqual({ suppressed: true });
    expect(row.median).toEqual({ suppressed: true });
  });
});

describe('displacement: indexing and the flag rule', () => {
  it('the index is 100 × count / count in the first period with figures, and a suppressed count breaks the series', () => {
    const s = indexSeries([
      { key: 'a', value: null },
      { key: 'b', value: 10 },
      { key: 'c', value: 15 },
      { key: 'd', value: null },
      { key: 'e', value: 5 },
    ]);
    expect(s.baseline).toBe('b');
    expect(s.points.map((p) => p.index)).toEqual([null, 100, 150, null, 50]);
  });

  it('a chosen baseline that is suppressed or zero gives no index at all', () => {
    const values = [
      { key: 'a', value: null },
      { key: 'b', value: 0 },
      { key: 'c', value: 8 },
    ];
    expect(indexSeries(values, 'a').points.every((p) => p.index === null)).toBe(true);
    expect(indexSeries(values, 'b').baseline).toBeUndefined();
    expect(indexSeries(values, 'c').points.map((p) => p.index)).toEqual([null, 0, 100]);
  });

  it('possible displacement is flagged when the adjacent index rose and the target index fell from baseline to latest period', () => {
    const series = (...v: (number | null)[]) => indexSeries(v.map((value, i) => ({ key: String(i), value })));
    expect(displacementFlag(series(20, 10), series(10, 20))).toEqual({ status: 'flag', latest: '1', targetIndex: 50, adjacentIndex: 200 });
    // Both rose: no displacement.
    expect(displacementFlag(series(10, 12), series(10, 20)).status).toBe('none');
    // Both fell: no displacement.
    expect(displacementFlag(series(20, 10), series(20, 10)).status).toBe('none');
    // The latest period is suppressed for one of them: nothing can be said.
    expect(displacementFlag(series(20, 10), series(10, null)).status).toBe('not_enough');
  });
});

describe('displacement monitor', () => {
  it('reports per completed half-year: the target fell to index 50 while Skt. Hans Torv rose to 200, so it is flagged', async () => {
    const indreFirst = await addReports(20, { place: 'blaagaards-plads', createdOn: '2024-03-01' });
    const sktFirst = await addReports(10, { place: 'skt-hans-torv', createdOn: '2024-03-01' });
    const indreLast = await addReports(10, { place: 'blaagaards-plads', createdOn: '2025-10-01' });
    const sktLast = await addReports(20, { place: 'skt-hans-torv', createdOn: '2025-10-01' });
    // 2026-H1 is still running on 1 June 2026: its reports are not used.
    await addReports(30, { place: 'blaagaards-plads', createdOn: '2026-02-01' });
    const filter = await readDisplacementFilter(t.db, new URLSearchParams(), K, NOW);
    expect(filter.periods).toEqual(['2024-H1', '2024-H2', '2025-H1', '2025-H2']);
    const d = await computeDisplacement(t.db, filter, K, NOW);
    const indre = d.reportTrends.find((x) => x.area.slug === 'indre-norrebro')!;
    expect(indre.indexed.baseline).toBe('2024-H1');
    // Indexes of the published counts (about 50 and 200: 10 and 20 reports, each within the noise).
    const targetIndex = (100 * published(indreLast)!) / published(indreFirst)!;
    const adjacentIndex = (100 * published(sktLast)!) / published(sktFirst)!;
    expect(indre.indexed.points.map((p) => p.index)).toEqual([100, 0, 0, targetIndex]);
    const pair = (slug: string) => d.pairs.find((x) => x.adjacent.slug === slug)!;
    expect(pair('skt-hans-torv').reports).toEqual({ status: 'flag', latest: '2025-H2', targetIndex, adjacentIndex });
    // Ydre Nørrebro has no reports: no baseline, nothing to compare.
    expect(pair('ydre-norrebro').reports.status).toBe('not_enough');
    const flags = displacementTables(d, 'da').flags;
    expect(flags.rows.filter((r) => r['flag'] === 'Mulig forskydning').map((r) => [r['measure'], r['adjacent']])).toEqual([['Meldinger', 'Skt. Hans Torv-kvarteret']]);
  });

  it('a chosen baseline half-year replaces each area\'s first one', async () => {
    const first = await addReports(20, { place: 'blaagaards-plads', createdOn: '2024-03-01' });
    const baseline = await addReports(8, { place: 'blaagaards-plads', createdOn: '2024-09-01' });
    const later = await addReports(16, { place: 'blaagaards-plads', createdOn: '2025-03-01' });
    const d = await computeDisplacement(t.db, await readDisplacementFilter(t.db, new URLSearchParams('baseline=2024-H2'), K, NOW), K, NOW);
    const indre = d.reportTrends.find((x) => x.area.slug === 'indre-norrebro')!;
    // About 250, 100, 200 and 0: indexes of the published counts 20, 8 and 16 (each within the noise).
    const index = (group: number[]): number => (100 * published(group)!) / published(baseline)!;
    expect(indre.indexed.points.map((p) => p.index)).toEqual([index(first), 100, index(later), 0]);
    // An unknown baseline is ignored.
    expect((await readDisplacementFilter(t.db, new URLSearchParams('baseline=1999-H3'), K, NOW)).baseline).toBeUndefined();
  });

  it('a half-year below K is suppressed and cannot be recovered as the year\'s total minus the other half-year', async () => {
    await addReports(3, { place: 'skt-hans-torv', createdOn: '2025-03-01' });
    await addReports(12, { place: 'skt-hans-torv', createdOn: '2025-09-01' });
    await addReports(30, { place: 'blaagaards-plads', createdOn: '2025-03-01' });
    await addReports(25, { place: 'superkilen', createdOn: '2025-09-01' });
    const d = await computeDisplacement(t.db, await readDisplacementFilter(t.db, new URLSearchParams(), K, NOW), K, NOW);
    const skt = d.reportTrends.find((x) => x.area.slug === 'skt-hans-torv')!;
    expect(skt.figures.get('2025-H1')).toEqual({ suppressed: true });
    expect(skt.indexed.points.find((p) => p.key === '2025-H1')!.index).toBeNull();
    // The reports page shows the year's total per area: with it and the other half-year both shown, H1 would be 15 − 12.
    const yearTotal = (await stats('analyst')).byCategory.columnTotals.find((c) => c.key === 'skt-hans-torv')!;
    const h2 = skt.figures.get('2025-H2')!;
    expect(yearTotal.suppressed || h2.suppressed).toBe(true);
  });

  it('insecurity in the evening per closed wave, indexed to the first wave: flagged when the neighbour rises and the target falls', async () => {
    const seriesId = await makeSeries(t.db);
    const first = await makeWave(t.db, seriesId, { year: 2024 });
    const second = await makeWave(t.db, seriesId, { year: 2025 });
    // Every count is at least K + 2, so that the noise of the published counts cannot suppress a share.
    // Target: 14 of 28 unsafe (50 %), then 7 of 28 (25 %): index 50.
    await addRespondents(t.db, first, 14, { area: 'indre-norrebro', safety_evening: 'unsafe' });
    await addRespondents(t.db, first, 14, { area: 'indre-norrebro', safety_evening: 'safe' });
    await addRespondents(t.db, second, 7, { area: 'indre-norrebro', safety_evening: 'very_unsafe' });
    await addRespondents(t.db, second, 21, { area: 'indre-norrebro', safety_evening: 'safe' });
    // Skt. Hans Torv: 7 of 35 (20 %), then 14 of 35 (40 %): index 200.
    await addRespondents(t.db, first, 7, { area: 'skt-hans-torv', safety_evening: 'unsafe' });
    await addRespondents(t.db, first, 28, { area: 'skt-hans-torv', safety_evening: 'safe' });
    await addRespondents(t.db, second, 14, { area: 'skt-hans-torv', safety_evening: 'unsafe' });
    await addRespondents(t.db, second, 21, { area: 'skt-hans-torv', safety_evening: 'safe' });
    // Ydre Nørrebro: 3 answers in the second wave (below K).
    await addRespondents(t.db, first, 10, { area: 'ydre-norrebro', safety_evening: 'unsafe' });
    await addRespondents(t.db, second, 3, { area: 'ydre-norrebro', safety_evening: 'unsafe' });
    const d = await computeDisplacement(t.db, await readDisplacementFilter(t.db, new URLSearchParams(), K, NOW), K, NOW);
    expect(d.waves.map((w) => w.id)).toEqual([first.id, second.id]);
    const pair = (slug: string) => d.pairs.find((x) => x.adjacent.slug === slug)!;
    expect(pair('skt-hans-torv').survey.status).toBe('flag');
    expect(pair('skt-hans-torv').survey.targetIndex).toBeCloseTo(50, 6);
    expect(pair('skt-hans-torv').survey.adjacentIndex).toBeCloseTo(200, 6);
    expect(pair('ydre-norrebro').survey.status).toBe('not_enough');
    const table = displacementTables(d, 'da').survey;
    const secondRow = table.rows[1]!;
    expect(secondRow['ydre-norrebro-value']).toEqual({ suppressed: true });
    expect(secondRow['ydre-norrebro-index']).toEqual({ suppressed: true });
    expect(secondRow['indre-norrebro-value']).toBeCloseTo(0.25, 6);
  });

  it('the exports build the same tables as the page', async () => {
    await addReports(6, { place: 'blaagaards-plads', createdOn: '2024-03-01' });
    const filter = await readDisplacementFilter(t.db, new URLSearchParams(), K);
    const d = await computeDisplacement(t.db, filter, K);
    expect(await displacementExports['displacement-reports']!(ctx('analyst', ''))).toEqual(displacementTables(d, 'da').reports);
    expect(await displacementExports['displacement-flags']!(ctx('analyst', ''))).toEqual(displacementTables(d, 'da').flags);
  });

  it('choosing a neighbouring area shows the target with that area only; an unknown area is ignored', async () => {
    const only = await readDisplacementFilter(t.db, new URLSearchParams('area=ydre-norrebro'), K, NOW);
    expect((await computeDisplacement(t.db, only, K, NOW)).pairs.map((p) => p.adjacent.slug)).toEqual(['ydre-norrebro']);
    // The target area itself is not a neighbouring area to choose.
    expect((await readDisplacementFilter(t.db, new URLSearchParams('area=indre-norrebro'), K, NOW)).adjacent).toBeUndefined();
  });
});
