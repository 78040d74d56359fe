import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { areas, auditLog } from '../../db/schema.ts';
import { areaForPoint, listAreas, parseGeometryUpload, replaceAreaGeometry } from '../../src/server/partnership/areas.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { rawRows } from '../../src/server/db/raw.ts';
import { checkHealth } from '../../src/server/platform/health.ts';
import { seedDatabase } from '../../src/server/seed/index.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { ON_POSTGRES } from '../support/postgres.ts';
import { sqliteClientOf } from '../../src/server/db/transaction.ts';

let t: TestDb;
afterEach(() => t?.close());

describe.skipIf(ON_POSTGRES)('the SQLite connection', () => {
  it('runs in WAL mode with foreign keys, a busy timeout and synchronous=NORMAL', async () => {
    t = await createTestDb();
    const c = sqliteClientOf(t.db)!;
    expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(c.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
  });

  it('migrating twice is harmless', async () => {
    t = await createTestDb();
    await expect(migrateDatabase(t.db)).resolves.toBeUndefined();
  });
});

describe('seeding', () => {
  it('an empty database gets the three reference areas, target area first', async () => {
    t = await createTestDb();
    expect((await seedDatabase(t.db, { demo: false })).areas).toBe(3);
    const rows = await listAreas(t.db);
    expect(rows.map((a) => a.slug)).toEqual(['indre-norrebro', 'skt-hans-torv', 'ydre-norrebro']);
    expect(rows[0]?.kind).toBe('target');
    expect(rows.every((a) => a.approximate)).toBe(true);
  });

  it('seeding again changes nothing', async () => {
    t = await createTestDb();
    await seedDatabase(t.db, { demo: true });
    expect((await seedDatabase(t.db, { demo: true })).areas).toBe(0);
    expect(await listAreas(t.db)).toHaveLength(3);
  });
});

describe('point-in-area lookup on the seeded areas', () => {
  it.each([
    ['Blågårds Plads', 55.6864, 12.5572, 'indre-norrebro'],
    ['Skt. Hans Torv', 55.6908, 12.5607, 'skt-hans-torv'],
    ['north-west of Jagtvej', 55.698, 12.54, 'ydre-norrebro'],
  ])('%s lies in its area', async (_name, lat, lon, slug) => {
    t = await createTestDb();
    await seedDatabase(t.db, { demo: false });
    expect((await areaForPoint(t.db, { lat, lon }))?.slug).toBe(slug);
  });

  it('a point outside every area (Frederiksberg) has no area', async () => {
    t = await createTestDb();
    await seedDatabase(t.db, { demo: false });
    expect(await areaForPoint(t.db, { lat: 55.6786, lon: 12.5326 })).toBeUndefined();
  });
});

/** The SQLite error behind drizzle's wrapper ("Failed to run the query …"). */
async function sqliteError(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    const cause = (e as Error).cause;
    return cause instanceof Error ? cause.message : (e as Error).message;
  }
  return 'no error';
}

describe('constraints', () => {
  it('an area kind outside the enumeration is refused by the database itself', async () => {
    t = await createTestDb();
    expect(
      await sqliteError(() =>
        rawRows(t.db, sql`insert into areas (slug, name_da, name_en, kind, geometry) values ('x', 'x', 'x', 'suspects', '{}') returning id`),
      ),
    ).toMatch(/areas_kind_check/);
  });

  it('slugs must be lower-case URL-safe', async () => {
    t = await createTestDb();
    const geometry = { type: 'Polygon' as const, coordinates: [[[12, 55], [13, 55], [13, 56], [12, 55]]] };
    expect(
      await sqliteError(() => t.db.insert(areas).values({ slug: 'Bad Slug', nameDa: 'x', nameEn: 'x', kind: 'target', geometry })),
    ).toMatch(/areas_slug_check/);
  });
});

describe('checkHealth', () => {
  it('is ok with the latest migration named once migrated', async () => {
    t = await createTestDb();
    const h = await checkHealth(t.db);
    expect(h).toMatchObject({ ok: true, database: 'ok', migrationsCurrent: true });
    expect(h.migration).toMatch(/^\d{4}_/);
  });

  it('is not ok on a database that was never migrated', async () => {
    t = await createTestDb({ migrate: false });
    expect(await checkHealth(t.db)).toMatchObject({ ok: false, migrationsCurrent: false });
  });
});

describe('replacing an area boundary', () => {
  it('an uploaded Feature replaces the geometry, clears "approximate" and is audited', async () => {
    t = await createTestDb();
    await seedDatabase(t.db, { demo: false });
    const area = (await listAreas(t.db))[0]!;
    const square = { type: 'Polygon', coordinates: [[[12.54, 55.68], [12.57, 55.68], [12.57, 55.70], [12.54, 55.70], [12.54, 55.68]]] };
    const parsed = parseGeometryUpload(JSON.stringify({ type: 'Feature', properties: {}, geometry: square }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(await replaceAreaGeometry(t.db, area.id, parsed.geometry, null)).toBe(true);
    const after = (await listAreas(t.db))[0]!;
    expect(after.approximate).toBe(false);
    expect(after.geometry).toEqual(square);
    expect((await t.db.select().from(auditLog)).map((a) => a.action)).toContain('area.replace_geometry');
  });

  it('invalid JSON and non-polygons are refused, and nothing changes', () => {
    expect(parseGeometryUpload('{not json')).toEqual({ ok: false, reason: 'json' });
    expect(parseGeometryUpload(JSON.stringify({ type: 'Point', coordinates: [12.5, 55.6] }))).toEqual({ ok: false, reason: 'shape' });
    expect(
      parseGeometryUpload(JSON.stringify({ type: 'Polygon', coordinates: [[[12.5, 55.6], [12.6, 55.6], [12.6, 55.7]]] })),
    ).toEqual({ ok: false, reason: 'shape' });
  });

  it('an upload must be a usable boundary: non-degenerate, not self-intersecting, inside Copenhagen, at most 2,000 points', () => {
    const poly = (ring: number[][]) => JSON.stringify({ type: 'Polygon', coordinates: [ring] });
    // Zero area: all corners on one line.
    expect(parseGeometryUpload(poly([[12.54, 55.68], [12.55, 55.68], [12.56, 55.68], [12.54, 55.68]]))).toEqual({ ok: false, reason: 'degenerate' });
    // A figure eight: two edges cross.
    expect(parseGeometryUpload(poly([[12.54, 55.68], [12.57, 55.70], [12.57, 55.68], [12.54, 55.70], [12.54, 55.68]]))).toEqual({ ok: false, reason: 'self_intersecting' });
    // The whole world, and a polygon in another coordinate system's numbers.
    expect(parseGeometryUpload(poly([[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]))).toEqual({ ok: false, reason: 'outside' });
    // 2,001 points on a small circle (a 1.4 MB boundary would be tens of thousands).
    const circle = Array.from({ length: 2_000 }, (_, i) => [12.55 + 0.01 * Math.cos((2 * Math.PI * i) / 2_000), 55.69 + 0.005 * Math.sin((2 * Math.PI * i) / 2_000)]);
    expect(parseGeometryUpload(poly([...circle, circle[0]!]))).toEqual({ ok: false, reason: 'too_many_vertices' });
    const fine = parseGeometryUpload(poly([...circle.filter((_, i) => i % 2 === 0), circle[0]!]));
    expect(fine.ok).toBe(true);
  });

  it('every seeded boundary passes the same checks', async () => {
    t = await createTestDb();
    await seedDatabase(t.db, { demo: false });
    for (const area of await listAreas(t.db)) expect(parseGeometryUpload(JSON.stringify(area.geometry)).ok, area.slug).toBe(true);
  });
});
