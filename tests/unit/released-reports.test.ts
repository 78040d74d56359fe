/**
 * A release's reports kept column by column (src/server/disclosure/released-reports.ts):
 * every record reads back as it went in, in one total order; the stored form
 * round-trips and a broken one is refused; and the count of changed reports
 * between two releases is the multiset difference, checked against a
 * straightforward count on random releases.
 */
import { describe, expect, it } from 'vitest';
import { REPORTER_TYPES } from '../../db/schema.ts';
import { changedReports, ReleasedReports, type ReleasedReport } from '../../src/server/disclosure/released-reports.ts';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

function someRecords(n: number, rand: () => number): ReleasedReport[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: n }, () => ({
    cell: pick(['', '891f05a4c3bffff', '891f05a4c37ffff', '891f05a4c33ffff']),
    areaId: pick([1, 2, 3]),
    category: pick(['vold', 'hash', 'graffiti']),
    year: pick(['2024', '2025', '2026']),
    reporterType: pick(REPORTER_TYPES),
    initiativeId: pick([null, 1, 7]),
    // Few distinct keys, so that ties on the key are common and the other fields order them.
    key: Math.floor(rand() * 20),
  }));
}

const tuple = (r: ReleasedReport) => JSON.stringify([r.key, r.cell, r.areaId, r.category, r.year, r.reporterType, r.initiativeId]);

describe('a release kept column by column', () => {
  it('reads back every record it was given, as a multiset, in the total order', () => {
    const records = someRecords(500, random(1));
    const kept = ReleasedReports.from(records);
    expect(kept.length).toBe(500);
    expect(kept.toArray().map(tuple).sort()).toEqual(records.map(tuple).sort());
    // Ordered by key first; the order of equal records does not depend on the order they came in.
    const keys = kept.toArray().map((r) => r.key);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(ReleasedReports.from([...records].reverse()).toArray()).toEqual(kept.toArray());
    // The column accessors agree with the objects.
    for (let i = 0; i < kept.length; i += 37) {
      expect({ cell: kept.cell(i), areaId: kept.areaId(i), category: kept.category(i), year: kept.year(i), reporterType: kept.reporterType(i), initiativeId: kept.initiativeId(i), key: kept.key(i) }).toEqual(kept.at(i));
    }
    expect(kept.firstYear()).toBe(2024);
    expect([...kept.presentCategories()].sort()).toEqual(['graffiti', 'hash', 'vold']);
    expect(kept.presentCategories()[0]).toBe(kept.category(0));
  });

  it('is stored as base64 columns and read back the same; an empty release too', () => {
    const kept = ReleasedReports.from(someRecords(300, random(2)));
    const stored = JSON.parse(JSON.stringify(kept.toStored())) as ReturnType<typeof kept.toStored>;
    expect(stored.version).toBe(2);
    expect(ReleasedReports.fromStored(stored).toArray()).toEqual(kept.toArray());
    expect(ReleasedReports.fromStored(ReleasedReports.empty.toStored()).length).toBe(0);
  });

  it('refuses a stored form whose columns do not fit together', () => {
    const stored = ReleasedReports.from(someRecords(10, random(3))).toStored();
    const shorter = { ...stored, columns: { ...stored.columns, area: Buffer.from(new Int32Array(9).buffer).toString('base64') } };
    expect(() => ReleasedReports.fromStored(shorter)).toThrow(/different lengths/);
    const outside = { ...stored, categories: stored.categories.slice(0, 1) };
    if (stored.categories.length > 1) expect(() => ReleasedReports.fromStored(outside)).toThrow(/outside its tables/);
  });

  it('refuses a record it cannot keep exactly', () => {
    const [r] = someRecords(1, random(4));
    expect(() => ReleasedReports.from([{ ...r!, key: 1.5 }])).toThrow();
    expect(() => ReleasedReports.from([{ ...r!, initiativeId: 0 }])).toThrow();
  });
});

describe('changed reports between two releases', () => {
  /** The multiset difference, counted the plain way. */
  function naive(before: readonly ReleasedReport[], after: readonly ReleasedReport[]): number {
    const left = new Map<string, number>();
    for (const r of before) left.set(tuple(r), (left.get(tuple(r)) ?? 0) + 1);
    let added = 0;
    for (const r of after) {
      const n = left.get(tuple(r)) ?? 0;
      if (n > 0) left.set(tuple(r), n - 1);
      else added++;
    }
    return Math.max(added, [...left.values()].reduce((s, n) => s + n, 0));
  }

  it('is the larger side of the multiset difference, on random pairs of releases', () => {
    const rand = random(5);
    for (let round = 0; round < 200; round++) {
      const before = someRecords(Math.floor(rand() * 60), rand);
      // The next release: some kept, some removed, some changed, some new.
      const after = before.filter(() => rand() > 0.2).map((r) => (rand() < 0.1 ? { ...r, category: 'vold' } : r));
      after.push(...someRecords(Math.floor(rand() * 8), rand));
      expect(changedReports(ReleasedReports.from(before), ReleasedReports.from(after))).toBe(naive(before, after));
    }
  });

  it('is zero between a release and itself', () => {
    const records = someRecords(100, random(6));
    expect(changedReports(ReleasedReports.from(records), ReleasedReports.from([...records].reverse()))).toBe(0);
  });
});
