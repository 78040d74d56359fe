/**
 * Dated releases of the public report figures (README "Privacy").
 *
 * The public map, Open311, initiative pages and the front page never count
 * live reports: they count the newest release, a snapshot written on a
 * schedule (every RELEASE_INTERVAL_DAYS, 7 by default) or when staff press
 * "publish now" (audited), and never changed afterwards. So moderating,
 * linking or merging one report changes nothing public at once: the next
 * release moves with everything else that happened in its period, and a
 * reader cannot tell which change moved a figure.
 *
 * A release holds, per moderated report, only what public figures are made
 * of: its H3 hexagon, area, category, year, reporter type, linked initiative
 * and record key. No id, point, day, text or status.
 */
import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import { latLngToCell } from 'h3-js';
import { releases, reportCategories, reports, REPORTER_TYPES } from '../../../db/schema.ts';
import { changedReports, ReleaseBuilder, ReleasedReports, type StoredColumns } from './released-reports.ts';
import { listPlaces } from '../partnership/places.ts';
import { recordAudit } from '../staff/audit.ts';
import { copenhagenDay } from '../../lib/time.ts';
import type { Queryable } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';

/** H3 resolution of the map's hexagons (about 0.1 km²). */
export const MAP_RESOLUTION = 9;

/** The cell of a released report whose place was typed: its stored point is made up (the area's centre), so it is in no hexagon. */
export const NO_CELL = '';

/** Statuses after a moderator has looked at a report: only these are released. */
export const RELEASED_STATUSES = ['forwarded', 'in_progress', 'handled', 'not_possible'] as const;

export { ReleasedReports, type ReleasedReport } from './released-reports.ts';

export interface Release {
  id: number;
  /** The day it was made (YYYY-MM-DD, Copenhagen): shown next to every public figure. */
  madeOn: string;
  records: ReleasedReports;
}

/** The first stored form: one array per report (releases made before the columns; still read). */
type StoredRecord = [string, number, string, string, number, number | null, number];
type Payload = { version: 1; records: StoredRecord[] } | StoredColumns;

/** Moderated reports read per query while a release is made: bounds its memory (a few MB) at any number of reports. */
const RELEASE_PAGE = 10_000;

export type ReleaseResult = { made: true; id: number; madeOn: string; reports: number } | { made: false; changes: number };

/**
 * Writes a new release of the moderated reports as they are now. `madeBy`
 * is the staff member who asked ("publish now"), audited; null for the
 * schedule. With `minChanges` (K, for the schedule and "publish now"), no
 * release is made until at least that many reports were added, removed or
 * changed since the last one: otherwise comparing two releases would show
 * which hexagon, category and reporter type the one moderated report has,
 * since an unchanged set of reports keeps its published figure. The first
 * release is always made.
 *
 * The reports are read in pages of RELEASE_PAGE by id, in one transaction,
 * into columns (released-reports.ts), so making a release of 1,000,000
 * reports needs about 20 MB, not the whole table as objects. (`pageSize`:
 * another page size, for tests that cross page boundaries with few reports.)
 */
export async function makeReportRelease(db: Queryable, options: { madeBy?: number | null; now?: Date; minChanges?: number; pageSize?: number } = {}): Promise<ReleaseResult> {
  const now = options.now ?? new Date();
  const previous = options.minChanges ? await latestRelease(db, now) : undefined;
  return transaction(db, async (tx) => {
    const places = await listPlaces(tx);
    const builder = new ReleaseBuilder();
    let after = 0;
    for (;;) {
      const rows = await tx
        .select({ id: reports.id, lat: reports.lat, lon: reports.lon, placeName: reports.placeName, areaId: reports.areaId, category: reportCategories.slug, createdOn: reports.createdOn, reporterType: reports.reporterType, initiativeId: reports.initiativeId, key: reports.cellKey })
        .from(reports)
        .innerJoin(reportCategories, eq(reportCategories.id, reports.categoryId))
        .where(and(inArray(reports.status, [...RELEASED_STATUSES]), gt(reports.id, after)))
        .orderBy(asc(reports.id))
        .limit(options.pageSize ?? RELEASE_PAGE);
      for (const r of rows) {
        builder.add({
          cell: places.isTyped(r.placeName) ? NO_CELL : latLngToCell(r.lat, r.lon, MAP_RESOLUTION),
          areaId: r.areaId,
          category: r.category,
          year: r.createdOn.slice(0, 4),
          reporterType: r.reporterType,
          initiativeId: r.initiativeId,
          key: r.key,
        });
      }
      if (rows.length < (options.pageSize ?? RELEASE_PAGE)) break;
      after = rows.at(-1)!.id;
    }
    // In the total order (random key first), so the stored order says nothing about when reports came in.
    const records = builder.finish();
    if (previous && previous.id > 0 && options.minChanges) {
      const changes = changedReports(previous.records, records);
      if (changes < options.minChanges) return { made: false, changes } as const;
    }
    const madeOn = copenhagenDay(now);
    const payload: Payload = records.toStored();
    const [made] = await tx.insert(releases).values({ kind: 'reports', madeOn, madeBy: options.madeBy ?? null, payload }).returning({ id: releases.id });
    if (!made) throw new Error('release not stored');
    if (options.madeBy) {
      await recordAudit(tx, { userId: options.madeBy, action: 'release.publish', entityType: 'release', entityId: made.id, summary: `reports: ${records.length}` });
    }
    return { made: true, id: made.id, madeOn, reports: records.length } as const;
  });
}

/** The newest release's id and day, or undefined before the first. One indexed row. */
export async function latestReleaseStamp(db: Queryable): Promise<{ id: number; madeOn: string } | undefined> {
  const [row] = await db.select({ id: releases.id, madeOn: releases.madeOn }).from(releases).where(eq(releases.kind, 'reports')).orderBy(desc(releases.id)).limit(1);
  return row;
}

/**
 * The newest release read, one per database (the bound: a newer release
 * replaces it; its columns take 20 bytes a report, 20 MB at 1,000,000). Held on
 * globalThis like the database handle (connection.ts), so that serve.ts's
 * module graph (src/: the start-up map warm-up, scheduled releases) and the
 * built pages' (dist/) share one copy rather than each reading its own.
 */
const KEPT = Symbol.for('tryghed.latestRelease');
const kept: WeakMap<object, Release> = ((globalThis as { [KEPT]?: WeakMap<object, Release> })[KEPT] ??= new WeakMap());

/**
 * The newest release with its records, read from the database only when a
 * newer one exists (each process keeps the one it last read, per database).
 * An empty release stands in before the first is made.
 */
export async function latestRelease(db: Queryable, now = new Date()): Promise<Release> {
  const stamp = await latestReleaseStamp(db);
  if (!stamp) return { id: 0, madeOn: copenhagenDay(now), records: ReleasedReports.empty };
  const current = kept.get(db);
  if (current?.id === stamp.id) return current;
  const [row] = await db.select({ payload: releases.payload }).from(releases).where(and(eq(releases.id, stamp.id), eq(releases.kind, 'reports'))).limit(1);
  const release: Release = { id: stamp.id, madeOn: stamp.madeOn, records: readPayload(row?.payload as Payload | undefined) };
  kept.set(db, release);
  return release;
}

/** A stored payload's records, of either version. */
function readPayload(payload: Payload | undefined): ReleasedReports {
  if (!payload) return ReleasedReports.empty;
  if (payload.version === 2) return ReleasedReports.fromStored(payload);
  return ReleasedReports.from(
    payload.records.map(([cell, areaId, category, year, reporter, initiativeId, key]) => ({
      cell,
      areaId,
      category,
      year,
      reporterType: REPORTER_TYPES[reporter] ?? 'resident',
      initiativeId,
      key,
    })),
  );
}

/** Whether a scheduled release is due: none yet, or the newest is `intervalDays` old. */
export function releaseDue(latestMadeOn: string | undefined, intervalDays: number, now = new Date()): boolean {
  if (!latestMadeOn) return true;
  const age = (Date.parse(`${copenhagenDay(now)}T00:00:00Z`) - Date.parse(`${latestMadeOn}T00:00:00Z`)) / 86_400_000;
  return age >= intervalDays;
}

/**
 * Makes the scheduled release when one is due (start-up, and hourly from the
 * server) and at least K reports changed since the last; otherwise the
 * figures stay as they are and the next check tries again.
 */
export async function releaseIfDue(db: Queryable, intervalDays: number, k: number, now = new Date()): Promise<boolean> {
  if (!releaseDue((await latestReleaseStamp(db))?.madeOn, intervalDays, now)) return false;
  return (await makeReportRelease(db, { now, minChanges: k })).made;
}
