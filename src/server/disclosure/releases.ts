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
import { and, desc, eq, inArray } from 'drizzle-orm';
import { latLngToCell } from 'h3-js';
import { releases, reportCategories, reports, REPORTER_TYPES, type ReporterType } from '../../../db/schema.ts';
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

export interface Release {
  id: number;
  /** The day it was made (YYYY-MM-DD, Copenhagen): shown next to every public figure. */
  madeOn: string;
  records: readonly ReleasedReport[];
}

type StoredRecord = [string, number, string, string, number, number | null, number];

interface Payload {
  version: 1;
  records: StoredRecord[];
}

/**
 * Writes a new release of the moderated reports as they are now. `madeBy`
 * is the staff member who asked ("publish now"), audited; null for the schedule.
 */
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
 */
export async function makeReportRelease(db: Queryable, options: { madeBy?: number | null; now?: Date; minChanges?: number } = {}): Promise<ReleaseResult> {
  const now = options.now ?? new Date();
  const previous = options.minChanges ? await latestRelease(db, now) : undefined;
  return transaction(db, async (tx) => {
    const rows = await tx
      .select({ lat: reports.lat, lon: reports.lon, placeName: reports.placeName, areaId: reports.areaId, category: reportCategories.slug, createdOn: reports.createdOn, reporterType: reports.reporterType, initiativeId: reports.initiativeId, key: reports.cellKey })
      .from(reports)
      .innerJoin(reportCategories, eq(reportCategories.id, reports.categoryId))
      .where(inArray(reports.status, [...RELEASED_STATUSES]));
    const places = await listPlaces(tx);
    const records: StoredRecord[] = rows.map((r) => [
      places.isTyped(r.placeName) ? NO_CELL : latLngToCell(r.lat, r.lon, MAP_RESOLUTION),
      r.areaId,
      r.category,
      r.createdOn.slice(0, 4),
      REPORTER_TYPES.indexOf(r.reporterType),
      r.initiativeId,
      r.key,
    ]);
    // Ordered by the random key, so the stored order says nothing about when reports came in.
    records.sort((a, b) => a[6] - b[6]);
    if (previous && previous.id > 0 && options.minChanges) {
      const changes = changedReports(previous.records, records);
      if (changes < options.minChanges) return { made: false, changes } as const;
    }
    const madeOn = copenhagenDay(now);
    const payload: Payload = { version: 1, records };
    const [made] = await tx.insert(releases).values({ kind: 'reports', madeOn, madeBy: options.madeBy ?? null, payload }).returning({ id: releases.id });
    if (!made) throw new Error('release not stored');
    if (options.madeBy) {
      await recordAudit(tx, { userId: options.madeBy, action: 'release.publish', entityType: 'release', entityId: made.id, summary: `reports: ${records.length}` });
    }
    return { made: true, id: made.id, madeOn, reports: records.length } as const;
  });
}

/**
 * How many reports differ between two releases, at least: each report is
 * its tuple (hexagon, area, category, year, reporter type, initiative and
 * random record key), compared as multisets. A new report adds a tuple, a
 * removed one takes one away, a changed one does both; the larger of the
 * two sides is a lower bound of the reports changed, which is the safe side
 * for a minimum.
 */
function changedReports(before: readonly ReleasedReport[], after: readonly StoredRecord[]): number {
  const remaining = new Map<string, number>();
  for (const r of before) {
    const id = `${r.cell}|${r.areaId}|${r.category}|${r.year}|${r.reporterType}|${r.initiativeId ?? ''}|${r.key}`;
    remaining.set(id, (remaining.get(id) ?? 0) + 1);
  }
  let added = 0;
  for (const [cell, areaId, category, year, reporter, initiativeId, key] of after) {
    const id = `${cell}|${areaId}|${category}|${year}|${REPORTER_TYPES[reporter]}|${initiativeId ?? ''}|${key}`;
    const left = remaining.get(id) ?? 0;
    if (left > 0) remaining.set(id, left - 1);
    else added++;
  }
  const removed = [...remaining.values()].reduce((s, n) => s + n, 0);
  return Math.max(added, removed);
}

/** The newest release's id and day, or undefined before the first. One indexed row. */
export async function latestReleaseStamp(db: Queryable): Promise<{ id: number; madeOn: string } | undefined> {
  const [row] = await db.select({ id: releases.id, madeOn: releases.madeOn }).from(releases).where(eq(releases.kind, 'reports')).orderBy(desc(releases.id)).limit(1);
  return row;
}

/**
 * The newest release read, one per database (the bound: a newer release
 * replaces it; with 100,000 reports its records take some 15 MB). Held on
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
  if (!stamp) return { id: 0, madeOn: copenhagenDay(now), records: [] };
  const current = kept.get(db);
  if (current?.id === stamp.id) return current;
  const [row] = await db.select({ payload: releases.payload }).from(releases).where(and(eq(releases.id, stamp.id), eq(releases.kind, 'reports'))).limit(1);
  const payload = row?.payload as Payload | undefined;
  const release: Release = {
    id: stamp.id,
    madeOn: stamp.madeOn,
    records: (payload?.records ?? []).map(([cell, areaId, category, year, reporter, initiativeId, key]) => ({
      cell,
      areaId,
      category,
      year,
      reporterType: REPORTER_TYPES[reporter] ?? 'resident',
      initiativeId,
      key,
    })),
  };
  kept.set(db, release);
  return release;
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
