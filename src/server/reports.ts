/**
 * Concern reports (meldinger): a resident's anonymous report of a place that
 * feels unsafe, its public receipt, and the staff moderation that follows.
 * Descriptions and typed place names are masked for personal data before they
 * are stored; the optional e-mail is deleted when a report is closed; every
 * staff change is audited.
 */
import { and, asc, count, desc, eq, inArray, notInArray } from 'drizzle-orm';
import {
  areas,
  initiatives,
  partners,
  reportCategories,
  reports,
  reportUpdates,
  type Area,
  type Report,
  type ReportCategory,
  type ReporterType,
  type ReportStatus,
  type TimeOfDay,
} from '../../db/schema.ts';
import { suppressRow, type Row } from '../lib/aggregate.ts';
import { boundingBox, findAreaForPoint } from '../lib/geo.ts';
import { maskPersonalData } from '../lib/pii.ts';
import { findPlace, type Point } from '../lib/places.ts';
import { listAreas } from './areas.ts';
import { recordAudit } from './audit.ts';
import { randomToken } from './auth/random.ts';
import { queueReportNotice } from './report-notices.ts';
import { copenhagenDay } from './comments.ts';
import type { Queryable } from './db/connection.ts';

export const DESCRIPTION_MAX = 1000;
export const PLACE_TEXT_MAX = 200;
export const EMAIL_MAX = 254;
export const NOTE_MAX = 1000;

/** Statuses after which a report is closed: the reporter's e-mail is deleted. */
export const CLOSED_STATUSES: readonly ReportStatus[] = ['handled', 'not_possible', 'rejected', 'merged'];
/** Statuses a moderator sets with setReportStatus ('merged' only through mergeReport). */
export const SETTABLE_STATUSES = ['received', 'forwarded', 'in_progress', 'handled', 'not_possible', 'rejected'] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

/** Where the reporter says it happens: exactly one of a map pin, a named place, or typed text with an area. */
export type ReportLocation =
  | { kind: 'point'; point: Point }
  | { kind: 'place'; placeId: string }
  | { kind: 'text'; text: string; areaId: number };

export interface NewReport {
  categoryId: number;
  location: ReportLocation;
  timeOfDay: TimeOfDay;
  /** ISO weekday 1–7, or null for any day. */
  weekday: number | null;
  description: string;
  reporterType: ReporterType;
  /** Only when the reporter asked for a notice. */
  email: string | null;
}

export type SubmitResult =
  | { ok: true; report: Report }
  | { ok: false; reason: 'unknown_category' | 'unknown_place' | 'unknown_area' | 'outside' };

/** Active categories in display order: those offered on the form. */
export function listActiveCategories(db: Queryable): ReportCategory[] {
  return db
    .select()
    .from(reportCategories)
    .where(eq(reportCategories.active, true))
    .orderBy(asc(reportCategories.displayOrder), asc(reportCategories.id))
    .all();
}

/** The centre of an area's bounding box: where a typed place is put, since there is no geocoder. */
export function areaCentre(area: Area): Point {
  const [minLon, minLat, maxLon, maxLat] = boundingBox([area.geometry]);
  return { lat: (minLat + maxLat) / 2, lon: (minLon + maxLon) / 2 };
}

/** Resolves the location to a point and an area; undefined reason when it cannot be placed. */
function placeReport(
  all: Area[],
  location: ReportLocation,
): { point: Point; area: Area; placeName: string | null; masks: string[] } | { reason: 'unknown_place' | 'unknown_area' | 'outside' } {
  if (location.kind === 'text') {
    const area = all.find((a) => a.id === location.areaId);
    if (!area) return { reason: 'unknown_area' };
    const typed = maskPersonalData(location.text);
    return { point: areaCentre(area), area, placeName: typed.text, masks: typed.masks };
  }
  let point: Point;
  let placeName: string | null = null;
  if (location.kind === 'place') {
    const place = findPlace(location.placeId);
    if (!place) return { reason: 'unknown_place' };
    point = { lat: place.lat, lon: place.lon };
    placeName = place.id;
  } else {
    point = location.point;
  }
  const area = findAreaForPoint(all, point);
  if (!area) return { reason: 'outside' };
  return { point, area, placeName, masks: [] };
}

/** Stores a resident's report, masked, with its first update ('received') and a random receipt. */
export function submitReport(db: Queryable, input: NewReport): SubmitResult {
  return db.transaction((tx) => {
    const category = tx.select().from(reportCategories).where(eq(reportCategories.id, input.categoryId)).get();
    if (!category || !category.active) return { ok: false, reason: 'unknown_category' } as const;
    const placed = placeReport(listAreas(tx), input.location);
    if ('reason' in placed) return { ok: false, reason: placed.reason } as const;
    const description = maskPersonalData(input.description);
    const report = tx
      .insert(reports)
      .values({
        receipt: randomToken(16),
        categoryId: category.id,
        lat: placed.point.lat,
        lon: placed.point.lon,
        placeName: placed.placeName,
        areaId: placed.area.id,
        timeOfDay: input.timeOfDay,
        weekday: input.weekday,
        description: Array.from(description.text).slice(0, DESCRIPTION_MAX).join(''),
        masks: [...new Set([...description.masks, ...placed.masks])],
        reporterType: input.reporterType,
        email: input.email,
        createdOn: copenhagenDay(),
      })
      .returning()
      .get();
    tx.insert(reportUpdates).values({ reportId: report.id, status: 'received' }).run();
    return { ok: true, report } as const;
  });
}

export interface PublicReportUpdate {
  status: ReportStatus;
  publicNote: string | null;
  createdAt: Date;
}

/** What the receipt page shows: never the description, the point, the typed place or the e-mail. */
export interface PublicReport {
  receipt: string;
  category: { nameDa: string; nameEn: string | null };
  area: { nameDa: string; nameEn: string };
  timeOfDay: TimeOfDay;
  weekday: number | null;
  status: ReportStatus;
  createdOn: string;
  updates: PublicReportUpdate[];
  initiative: { slug: string; titleDa: string; titleEn: string | null } | null;
}

export function findReportByReceipt(db: Queryable, receipt: string): PublicReport | undefined {
  const row = db
    .select({ report: reports, category: reportCategories, area: areas })
    .from(reports)
    .innerJoin(reportCategories, eq(reportCategories.id, reports.categoryId))
    .innerJoin(areas, eq(areas.id, reports.areaId))
    .where(eq(reports.receipt, receipt))
    .get();
  if (!row) return undefined;
  const r = row.report;
  const updates = db
    .select({ status: reportUpdates.status, publicNote: reportUpdates.publicNote, createdAt: reportUpdates.createdAt })
    .from(reportUpdates)
    .where(eq(reportUpdates.reportId, r.id))
    .orderBy(asc(reportUpdates.id))
    .all();
  const initiative = r.initiativeId
    ? db
        .select({ slug: initiatives.slug, titleDa: initiatives.titleDa, titleEn: initiatives.titleEn })
        .from(initiatives)
        .where(and(eq(initiatives.id, r.initiativeId), eq(initiatives.state, 'published')))
        .get()
    : undefined;
  return {
    receipt: r.receipt,
    category: { nameDa: row.category.nameDa, nameEn: row.category.nameEn },
    area: { nameDa: row.area.nameDa, nameEn: row.area.nameEn },
    timeOfDay: r.timeOfDay,
    weekday: r.weekday,
    status: r.status,
    createdOn: r.createdOn,
    updates,
    initiative: initiative ?? null,
  };
}

export interface ReportQueueItem {
  report: Report;
  category: ReportCategory;
  area: Area;
  updates: { status: ReportStatus; publicNote: string | null; internalNote: string | null; createdAt: Date }[];
}

/** The staff queue for one status: open ones oldest first, closed ones newest first. */
export function listReportQueue(db: Queryable, status: ReportStatus): ReportQueueItem[] {
  const open = !CLOSED_STATUSES.includes(status);
  const rows = db
    .select({ report: reports, category: reportCategories, area: areas })
    .from(reports)
    .innerJoin(reportCategories, eq(reportCategories.id, reports.categoryId))
    .innerJoin(areas, eq(areas.id, reports.areaId))
    .where(eq(reports.status, status))
    .orderBy(open ? asc(reports.id) : desc(reports.id))
    .limit(200)
    .all();
  if (rows.length === 0) return [];
  const updates = db
    .select()
    .from(reportUpdates)
    .where(inArray(reportUpdates.reportId, rows.map((r) => r.report.id)))
    .orderBy(asc(reportUpdates.id))
    .all();
  return rows.map((r) => ({
    ...r,
    updates: updates
      .filter((u) => u.reportId === r.report.id)
      .map((u) => ({ status: u.status, publicNote: u.publicNote, internalNote: u.internalNote, createdAt: u.createdAt })),
  }));
}

/** A moderator's edit of the description, masked again. */
export function editReportDescription(db: Queryable, id: number, description: string, actorId: number): boolean {
  return db.transaction((tx) => {
    const before = tx.select().from(reports).where(eq(reports.id, id)).get();
    if (!before) return false;
    // Masked first, then cut by characters (not UTF-16 units): a mask label can be longer than what it hides.
    const masked = maskPersonalData(description);
    tx.update(reports)
      .set({ description: Array.from(masked.text).slice(0, DESCRIPTION_MAX).join(''), masks: [...new Set([...before.masks, ...masked.masks])] })
      .where(eq(reports.id, id))
      .run();
    recordAudit(tx, { userId: actorId, action: 'report.edit', entityType: 'report', entityId: id, summary: 'description edited' });
    return true;
  });
}

export interface StatusChange {
  status: SettableStatus;
  /** Required when forwarding: the partner's id. */
  forwardedTo?: number | null | undefined;
  publicNote?: string | null | undefined;
  internalNote?: string | null | undefined;
}

export type StatusChangeResult =
  | { ok: true }
  | { ok: false; reason: 'not_found' | 'partner_required' | 'unknown_partner' | 'reason_required' };

/**
 * Sets a report's status with an update row. Forwarding needs a partner, a
 * rejection an internal reason; closing deletes the reporter's e-mail in the
 * same transaction.
 */
export function setReportStatus(db: Queryable, id: number, change: StatusChange, actorId: number): StatusChangeResult {
  return db.transaction((tx): StatusChangeResult => {
    const before = tx.select().from(reports).where(eq(reports.id, id)).get();
    if (!before) return { ok: false, reason: 'not_found' };
    if (change.status === 'rejected' && !change.internalNote?.trim()) return { ok: false, reason: 'reason_required' };
    let forwardedTo = before.forwardedTo;
    if (change.status === 'forwarded') {
      if (!change.forwardedTo) return { ok: false, reason: 'partner_required' };
      const partner = tx.select().from(partners).where(eq(partners.id, change.forwardedTo)).get();
      if (!partner) return { ok: false, reason: 'unknown_partner' };
      forwardedTo = partner.id;
    }
    const closed = CLOSED_STATUSES.includes(change.status);
    tx.update(reports)
      .set({ status: change.status, forwardedTo, ...(closed ? { email: null } : {}) })
      .where(eq(reports.id, id))
      .run();
    const publicNote = change.publicNote ? maskPersonalData(change.publicNote.slice(0, NOTE_MAX)).text : null;
    tx.insert(reportUpdates)
      .values({ reportId: id, status: change.status, publicNote, internalNote: change.internalNote?.slice(0, NOTE_MAX) || null, userId: actorId })
      .run();
    // The reporter asked for news: a notice for every change (the rejection's reason is internal, not in it).
    if (before.email) queueReportNotice(tx, id, before.email, change.status, publicNote);
    recordAudit(tx, {
      userId: actorId,
      action: 'report.status',
      entityType: 'report',
      entityId: id,
      summary: `${before.status} → ${change.status}${change.status === 'forwarded' ? ` (partner #${forwardedTo})` : ''}${closed && before.email ? '; e-mail deleted' : ''}`,
    });
    return { ok: true };
  });
}

export type MergeResult = { ok: true } | { ok: false; reason: 'not_found' | 'same' | 'target_merged' };

/** Marks a report as a duplicate of another: status 'merged', closed (e-mail deleted). */
export function mergeReport(db: Queryable, id: number, intoId: number, actorId: number): MergeResult {
  return db.transaction((tx): MergeResult => {
    if (id === intoId) return { ok: false, reason: 'same' };
    const before = tx.select().from(reports).where(eq(reports.id, id)).get();
    const into = tx.select().from(reports).where(eq(reports.id, intoId)).get();
    if (!before || !into) return { ok: false, reason: 'not_found' };
    if (into.status === 'merged') return { ok: false, reason: 'target_merged' };
    tx.update(reports).set({ status: 'merged', mergedInto: intoId, email: null }).where(eq(reports.id, id)).run();
    tx.insert(reportUpdates).values({ reportId: id, status: 'merged', userId: actorId }).run();
    if (before.email) queueReportNotice(tx, id, before.email, 'merged', null);
    recordAudit(tx, { userId: actorId, action: 'report.merge', entityType: 'report', entityId: id, summary: `${before.status} → merged into #${intoId}` });
    return { ok: true };
  });
}

/** Links a report to the initiative it led to (null unlinks). */
export function linkReportToInitiative(db: Queryable, id: number, initiativeId: number | null, actorId: number): boolean {
  return db.transaction((tx) => {
    const before = tx.select().from(reports).where(eq(reports.id, id)).get();
    if (!before) return false;
    if (initiativeId !== null && !tx.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.id, initiativeId)).get()) return false;
    tx.update(reports).set({ initiativeId }).where(eq(reports.id, id)).run();
    recordAudit(tx, {
      userId: actorId,
      action: 'report.link',
      entityType: 'report',
      entityId: id,
      summary: `initiative #${before.initiativeId ?? '–'} → #${initiativeId ?? '–'}`,
    });
    return true;
  });
}

/**
 * "Reports that led to this": how many reports are linked to an initiative,
 * by category, through the privacy rule. The initiative page shows only this
 * aggregate, never the reports themselves.
 */
export function initiativeReportSummary(db: Queryable, initiativeId: number, k: number): Row {
  const rows = db
    .select({ key: reportCategories.slug, n: count() })
    .from(reports)
    .innerJoin(reportCategories, eq(reportCategories.id, reports.categoryId))
    .where(and(eq(reports.initiativeId, initiativeId), notInArray(reports.status, ['rejected', 'merged'])))
    .groupBy(reportCategories.slug)
    .all();
  return suppressRow(rows, k);
}

/** Every category (retired ones too), for labelling aggregates. */
export function listAllCategories(db: Queryable): ReportCategory[] {
  return db.select().from(reportCategories).orderBy(asc(reportCategories.displayOrder)).all();
}

export type CategoryChange =
  | { kind: 'add'; slug: string; nameDa: string; nameEn: string | null }
  | { kind: 'rename'; id: number; nameDa: string; nameEn: string | null }
  | { kind: 'active'; id: number; active: boolean };

/** Admins edit the categories; retired ones stay on old reports but are not offered. Audited. */
export function changeCategory(db: Queryable, change: CategoryChange, actorId: number): 'ok' | 'slug_taken' | 'not_found' {
  return db.transaction((tx) => {
    if (change.kind === 'add') {
      if (tx.select().from(reportCategories).where(eq(reportCategories.slug, change.slug)).get()) return 'slug_taken';
      const last = tx.select().from(reportCategories).orderBy(desc(reportCategories.displayOrder)).get();
      const row = tx
        .insert(reportCategories)
        .values({ slug: change.slug, nameDa: change.nameDa, nameEn: change.nameEn, displayOrder: (last?.displayOrder ?? 0) + 1 })
        .returning()
        .get();
      recordAudit(tx, { userId: actorId, action: 'category.add', entityType: 'report_category', entityId: row.id, summary: change.slug });
      return 'ok';
    }
    const before = tx.select().from(reportCategories).where(eq(reportCategories.id, change.id)).get();
    if (!before) return 'not_found';
    if (change.kind === 'rename') {
      tx.update(reportCategories).set({ nameDa: change.nameDa, nameEn: change.nameEn }).where(eq(reportCategories.id, change.id)).run();
      recordAudit(tx, { userId: actorId, action: 'category.rename', entityType: 'report_category', entityId: change.id, summary: `${before.nameDa} → ${change.nameDa}` });
    } else {
      tx.update(reportCategories).set({ active: change.active }).where(eq(reportCategories.id, change.id)).run();
      recordAudit(tx, { userId: actorId, action: change.active ? 'category.activate' : 'category.retire', entityType: 'report_category', entityId: change.id, summary: before.slug });
    }
    return 'ok';
  });
}
