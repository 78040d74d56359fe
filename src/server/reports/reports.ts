/**
 * Concern reports (meldinger): a resident's anonymous report of a place that
 * feels unsafe, its public receipt, and the staff moderation that follows.
 * Descriptions and typed place names are masked for personal data before they
 * are stored; the optional e-mail is deleted when a report is closed; every
 * staff change is audited. Forwarding puts a report in a partner's queue (the
 * category's routed partner by default) and notifies the partner's mailbox
 * through the outbox; each change records the partner that handled it, the
 * staff member's own (src/server/partnership/partners.ts), which the receipt shows with
 * the public note.
 */
import type { TranslationLocale } from '../../lib/domain.ts';
import { and, asc, desc, eq, lte, type SQL } from 'drizzle-orm';
import {
  areas,
  initiatives,
  partners,
  reportCategories,
  reports,
  reportSubmissions,
  reportUpdates,
  type Area,
  type CategoryAudience,
  type Report,
  type ReportCategory,
  type ReporterType,
  type ReportStatus,
  type TimeOfDay,
} from '../../../db/schema.ts';
import { addKeys, suppressRow, type Row } from '../../lib/disclosure/index.ts';
import { newRecordKey } from '../disclosure/keys.ts';
import { latestRelease } from '../disclosure/releases.ts';
import { boundingBox, findAreaForPoint } from '../../lib/geo.ts';
import { maskPersonalData } from '../../lib/pii.ts';
import { dayBoundary } from '../../lib/time.ts';
import type { PlaceBook, Point } from '../../lib/places.ts';
import { listCurrentAreas } from '../partnership/areas.ts';
import { listPlaces } from '../partnership/places.ts';
import { recordAudit } from '../staff/audit.ts';
import { randomToken } from '../staff/auth/random.ts';
import { recordSignRefusal, signingPartner, type SignRefusal } from '../partnership/partners.ts';
import { queuePartnerNotice, queueReportNotice } from './notices.ts';
import { copenhagenDay } from '../../lib/time.ts';
import { eraseRemnants } from '../db/remnants.ts';
import type { Queryable } from '../db/connection.ts';
import { inList } from '../db/in-list.ts';
import { randomRowId } from '../../../db/columns.ts';
import { prepared, slot, slots } from '../db/prepared.ts';
import { transaction } from '../db/transaction.ts';
import { sealAddress } from '../privacy/sealed.ts';

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
  /** A business's telephone number for a call back, if given (sealed when stored). */
  callback?: string | null;
  /**
   * The sha256 of the form's one-time submission token: a repeat of the same
   * form (double click, resend, retry) stores nothing more and gets the first
   * report, on whichever instance it arrives.
   */
  submissionKey?: string;
}

export type SubmitResult =
  /** `repeated`: the form was submitted before; `report` is the one stored then. */
  | { ok: true; report: Report; repeated?: boolean }
  | { ok: false; reason: 'unknown_category' | 'unknown_place' | 'unknown_area' | 'outside' };

/** Active categories in display order: those offered on the form. */
export async function listActiveCategories(db: Queryable): Promise<ReportCategory[]> {
  return activeCategories(db);
}

const activeCategories = prepared('active_categories', (q) =>
  q.select().from(reportCategories).where(eq(reportCategories.active, true)).orderBy(asc(reportCategories.displayOrder), asc(reportCategories.id)),
);

/**
 * The centre of an area's bounding box: the stored point of a typed place
 * that is not a named place (there is no geocoder). Only staff see it; the
 * public map and its releases leave such reports out of every hexagon.
 */
export function areaCentre(area: Area): Point {
  const [minLon, minLat, maxLon, maxLat] = boundingBox([area.geometry]);
  return { lat: (minLat + maxLat) / 2, lon: (minLon + maxLon) / 2 };
}

/** Resolves the location to a point and an area; undefined reason when it cannot be placed. */
function placeReport(
  all: Area[],
  places: PlaceBook,
  location: ReportLocation,
): { point: Point; area: Area; placeName: string | null; masks: string[] } | { reason: 'unknown_place' | 'unknown_area' | 'outside' } {
  if (location.kind === 'text') {
    // A typed name of a place we know is that place (and its point); anything else keeps the
    // area's centre as its stored point, and the public map leaves it out (PlaceBook.isTyped).
    const known = places.matchTyped(location.text);
    if (known) return placeReport(all, places, { kind: 'place', placeId: known.id });
    const area = all.find((a) => a.id === location.areaId);
    if (!area) return { reason: 'unknown_area' };
    const typed = maskPersonalData(location.text);
    return { point: areaCentre(area), area, placeName: typed.text, masks: typed.masks };
  }
  let point: Point;
  let placeName: string | null = null;
  if (location.kind === 'place') {
    const place = places.offered(location.placeId);
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

/** How long a submission token leads back to its report: until midnight (UTC) after the next day, so 24–48 hours, and no time of day is stored. */
const SUBMISSION_KEPT_DAYS = 2;

/** The report a submission token was stored with, if any. */
export async function findSubmittedReport(db: Queryable, submissionKey: string): Promise<Report | undefined> {
  const [row] = await submittedReport(db, { key: submissionKey });
  return row?.report;
}

const submittedReport = prepared('submitted_report', (q) =>
  q
    .select({ report: reports })
    .from(reportSubmissions)
    .innerJoin(reports, eq(reports.id, reportSubmissions.reportId))
    .where(eq(reportSubmissions.tokenHash, slot('key', reportSubmissions.tokenHash)))
    .limit(1),
);

let submissionsPrunedAt = 0;

/** Forgets submission tokens older than a day (at most once a minute per instance). */
export async function forgetOldSubmissions(db: Queryable, now = new Date()): Promise<void> {
  if (now.getTime() - submissionsPrunedAt < 60_000) return;
  submissionsPrunedAt = now.getTime();
  await db.delete(reportSubmissions).where(lte(reportSubmissions.expiresAt, now));
}

/**
 * Stores a resident's report, masked, with its first update ('received') and
 * a random receipt. With a submission key, the key is claimed before the
 * report is inserted, in the same transaction: a repeat that arrives at the
 * same moment (here or on another instance) waits for that claim, finds it
 * taken, and gets the first report instead of storing a second.
 */
export async function submitReport(db: Queryable, input: NewReport, now = new Date()): Promise<SubmitResult> {
  const result = await transaction(db, async (tx) => {
    const [category] = await categoryById(tx, { id: input.categoryId });
    if (!category || !category.active) return { ok: false, reason: 'unknown_category' } as const;
    const placed = placeReport(await listCurrentAreas(tx), await listPlaces(tx), input.location);
    if ('reason' in placed) return { ok: false, reason: placed.reason } as const;
    if (input.submissionKey) {
      const claimed = await claimSubmission(tx, { key: input.submissionKey, expiresAt: dayBoundary(now, SUBMISSION_KEPT_DAYS) });
      if (claimed.length === 0) {
        const earlier = await findSubmittedReport(tx, input.submissionKey);
        if (earlier) return { ok: true, report: earlier, repeated: true } as const;
        throw new Error('submission claimed without a report');
      }
    }
    const description = maskPersonalData(input.description);
    const [report] = await insertReport(tx, {
      id: randomRowId(),
      receipt: randomToken(16),
      cellKey: newRecordKey(),
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
      email: input.email === null ? null : sealAddress(input.email),
      callback: input.callback ? sealAddress(input.callback) : null,
      createdOn: copenhagenDay(now),
    });
    if (!report) throw new Error('report not inserted');
    // The resident's own step keeps its day only (staff steps keep their time: they are staff actions).
    await insertReceived(tx, { id: randomRowId(), reportId: report.id, createdAt: dayBoundary(now) });
    if (input.submissionKey) await linkSubmission(tx, { key: input.submissionKey, reportId: report.id });
    return { ok: true, report } as const;
  });
  if (result.ok && !result.repeated) eraseRemnants(db);
  return result;
}

// The statements of a resident's report, prepared once (src/server/db/prepared.ts).
const categoryById = prepared('report_category', (q) =>
  q.select().from(reportCategories).where(eq(reportCategories.id, slot('id', reportCategories.id))).limit(1),
);
const claimSubmission = prepared('claim_submission', (q) =>
  q
    .insert(reportSubmissions)
    .values({ tokenHash: slot('key', reportSubmissions.tokenHash), reportId: null, expiresAt: slot('expiresAt', reportSubmissions.expiresAt) })
    .onConflictDoNothing()
    .returning({ tokenHash: reportSubmissions.tokenHash }),
);
const insertReport = prepared('insert_report', (q) =>
  q
    .insert(reports)
    .values(slots(reports, ['id', 'receipt', 'cellKey', 'categoryId', 'lat', 'lon', 'placeName', 'areaId', 'timeOfDay', 'weekday', 'description', 'masks', 'reporterType', 'email', 'callback', 'createdOn']))
    .returning(),
);
const insertReceived = prepared('insert_received', (q) => q.insert(reportUpdates).values({ ...slots(reportUpdates, ['id', 'reportId', 'createdAt']), status: 'received' }));
const linkSubmission = prepared('link_submission', (q) =>
  q.update(reportSubmissions).set({ reportId: slot('reportId', reportSubmissions.reportId) }).where(eq(reportSubmissions.tokenHash, slot('key', reportSubmissions.tokenHash))),
);

export interface PublicReportUpdate {
  status: ReportStatus;
  publicNote: string | null;
  /** The partner that made the change (shown with a public note as "Fra: …"); never the staff member. */
  partner: { nameDa: string; nameEn: string } | null;
  /** The day (YYYY-MM-DD, Copenhagen): the receipt shows no time of day. */
  on: string;
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
  /** The partner handling it: the one it was forwarded to, else the one that made the latest change; null before anyone has. */
  handledBy: { nameDa: string; nameEn: string } | null;
  updates: PublicReportUpdate[];
  initiative: { slug: string; titleDa: string; titleEn: string | null } | null;
}

export async function findReportByReceipt(db: Queryable, receipt: string): Promise<PublicReport | undefined> {
  const [row] = await db
    .select({ report: reports, category: reportCategories, area: areas })
    .from(reports)
    .innerJoin(reportCategories, eq(reportCategories.id, reports.categoryId))
    .innerJoin(areas, eq(areas.id, reports.areaId))
    .where(eq(reports.receipt, receipt))
    .limit(1);
  if (!row) return undefined;
  const r = row.report;
  const rows = await db
    .select({
      status: reportUpdates.status,
      publicNote: reportUpdates.publicNote,
      createdAt: reportUpdates.createdAt,
      partnerDa: partners.nameDa,
      partnerEn: partners.nameEn,
    })
    .from(reportUpdates)
    .leftJoin(partners, eq(partners.id, reportUpdates.partnerId))
    .where(eq(reportUpdates.reportId, r.id))
    .orderBy(asc(reportUpdates.createdAt), asc(reportUpdates.id));
  const updates: PublicReportUpdate[] = rows.map((u) => ({
    status: u.status,
    publicNote: u.publicNote,
    partner: u.partnerDa !== null && u.partnerEn !== null ? { nameDa: u.partnerDa, nameEn: u.partnerEn } : null,
    on: copenhagenDay(u.createdAt),
  }));
  const [forwardedTo] = r.forwardedTo
    ? await db.select({ nameDa: partners.nameDa, nameEn: partners.nameEn }).from(partners).where(eq(partners.id, r.forwardedTo)).limit(1)
    : [];
  const [initiative] = r.initiativeId
    ? await db
        .select({ slug: initiatives.slug, titleDa: initiatives.titleDa, titleEn: initiatives.titleEn })
        .from(initiatives)
        .where(and(eq(initiatives.id, r.initiativeId), eq(initiatives.state, 'published')))
        .limit(1)
    : [];
  return {
    receipt: r.receipt,
    category: { nameDa: row.category.nameDa, nameEn: row.category.nameEn },
    area: { nameDa: row.area.nameDa, nameEn: row.area.nameEn },
    timeOfDay: r.timeOfDay,
    weekday: r.weekday,
    status: r.status,
    createdOn: r.createdOn,
    handledBy: forwardedTo ?? updates.findLast((u) => u.partner !== null)?.partner ?? null,
    updates,
    initiative: initiative ?? null,
  };
}

export interface ReportQueueItem {
  report: Report;
  category: ReportCategory;
  area: Area;
  updates: { status: ReportStatus; publicNote: string | null; internalNote: string | null; partnerId: number | null; createdAt: Date }[];
}

export interface QueueFilter {
  /** Only reports assigned (forwarded) to this partner: a partner's queue. */
  partnerId?: number | undefined;
  /** Only this report, whatever its status (the link in a partner's notice). */
  reportId?: number | undefined;
}

/** The staff queue for one status: open ones oldest first, closed ones newest first. */
export async function listReportQueue(db: Queryable, status: ReportStatus, filter: QueueFilter = {}): Promise<ReportQueueItem[]> {
  const open = !CLOSED_STATUSES.includes(status);
  const where: SQL[] = filter.reportId !== undefined ? [eq(reports.id, filter.reportId)] : [eq(reports.status, status)];
  if (filter.partnerId !== undefined) where.push(eq(reports.forwardedTo, filter.partnerId));
  const rows = await db
    .select({ report: reports, category: reportCategories, area: areas })
    .from(reports)
    .innerJoin(reportCategories, eq(reportCategories.id, reports.categoryId))
    .innerJoin(areas, eq(areas.id, reports.areaId))
    .where(and(...where))
    // Ids are random (README "Privacy"): the day, then the id, for a stable order.
    .orderBy(...(open ? [asc(reports.createdOn), asc(reports.id)] : [desc(reports.createdOn), desc(reports.id)]))
    .limit(200);
  if (rows.length === 0) return [];
  const updates = await db
    .select()
    .from(reportUpdates)
    .where(inList(db, reportUpdates.reportId, rows.map((r) => r.report.id)))
    .orderBy(asc(reportUpdates.createdAt), asc(reportUpdates.id));
  return rows.map((r) => ({
    ...r,
    updates: updates
      .filter((u) => u.reportId === r.report.id)
      .map((u) => ({ status: u.status, publicNote: u.publicNote, internalNote: u.internalNote, partnerId: u.partnerId, createdAt: u.createdAt })),
  }));
}

/** A moderator's edit of the description, masked again. */
export async function editReportDescription(db: Queryable, id: number, description: string, actorId: number): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(reports).where(eq(reports.id, id)).limit(1);
    if (!before) return false;
    // Masked first, then cut by characters (not UTF-16 units): a mask label can be longer than what it hides.
    const masked = maskPersonalData(description);
    await tx.update(reports)
      .set({ description: Array.from(masked.text).slice(0, DESCRIPTION_MAX).join(''), masks: [...new Set([...before.masks, ...masked.masks])] })
      .where(eq(reports.id, id));
    await recordAudit(tx, { userId: actorId, action: 'report.edit', entityType: 'report', entityId: id, summary: 'description edited' });
    return true;
  });
}

export interface StatusChange {
  status: SettableStatus;
  /** When forwarding: the partner's id; none means the category's routed partner. */
  forwardedTo?: number | null | undefined;
  publicNote?: string | null | undefined;
  internalNote?: string | null | undefined;
  /**
   * The partner the form asked to sign as, if it asked. The change is always
   * signed with the staff member's own partner (signingPartner); another
   * partner's id is refused.
   */
  signAs?: number | null | undefined;
  /** Whether forwarding queues a notice to the partner's mailbox (default true; false where no mail server is configured). */
  notifyPartner?: boolean | undefined;
}

export type StatusChangeResult =
  | { ok: true }
  | { ok: false; reason: 'not_found' | 'partner_required' | 'unknown_partner' | 'reason_required' | 'merged' }
  /** Signing refused (src/server/partnership/partners.ts): nothing changed, the attempt audited. */
  | { ok: false; reason: 'sign_refused'; refusal: SignRefusal };

/**
 * Sets a report's status with an update row recording the partner that
 * handled it (the staff member's own). Forwarding assigns the report to a
 * partner's queue (the one chosen, else the category's routed partner) and
 * queues a notice to that partner's mailbox, if it has one; a rejection
 * needs an internal reason; a public note is signed, so it needs a staff
 * member who belongs to a partner; closing deletes the reporter's e-mail in
 * the same transaction.
 */
export async function setReportStatus(db: Queryable, id: number, change: StatusChange, actorId: number): Promise<StatusChangeResult> {
  return transaction(db, async (tx): Promise<StatusChangeResult> => {
    const [before] = await tx.select().from(reports).where(eq(reports.id, id)).limit(1);
    if (!before) return { ok: false, reason: 'not_found' };
    // A merged report is final: it is followed through the report it was merged into. Changing
    // it back would also let that report be merged into it in turn (a cycle).
    if (before.status === 'merged') return { ok: false, reason: 'merged' };
    if (change.status === 'rejected' && !change.internalNote?.trim()) return { ok: false, reason: 'reason_required' };
    const publicNote = change.publicNote?.trim() ? maskPersonalData(change.publicNote.slice(0, NOTE_MAX)).text : null;
    // Who handles this change: the actor's own partner. A public note is published under its
    // name, so it needs one; a form that asks for another partner is refused either way.
    const signing = await signingPartner(tx, actorId, change.signAs);
    const asked = change.signAs !== undefined && change.signAs !== null;
    if (!signing.ok && (asked || publicNote !== null)) {
      await recordSignRefusal(tx, { userId: actorId, requested: change.signAs, reason: signing.reason, what: `report.status on report #${id}` });
      return { ok: false, reason: 'sign_refused', refusal: signing.reason };
    }
    const handledBy = signing.ok ? signing.partner.id : null;
    let forwardedTo = before.forwardedTo;
    let partnerMailbox: string | null = null;
    if (change.status === 'forwarded') {
      const [category] = await tx.select().from(reportCategories).where(eq(reportCategories.id, before.categoryId)).limit(1);
      const target = change.forwardedTo ?? category?.partnerId ?? null;
      if (!target) return { ok: false, reason: 'partner_required' };
      const [partner] = await tx.select().from(partners).where(eq(partners.id, target)).limit(1);
      if (!partner) return { ok: false, reason: 'unknown_partner' };
      forwardedTo = partner.id;
      partnerMailbox = change.notifyPartner === false ? null : partner.mailbox;
    }
    const closed = CLOSED_STATUSES.includes(change.status);
    await tx.update(reports)
      .set({ status: change.status, forwardedTo, ...(closed ? { email: null, callback: null } : {}) })
      .where(eq(reports.id, id));
    await tx.insert(reportUpdates).values({
      reportId: id,
      status: change.status,
      publicNote,
      internalNote: change.internalNote?.slice(0, NOTE_MAX) || null,
      userId: actorId,
      partnerId: handledBy,
      createdAt: await nextStepTime(tx, id),
    });
    // The reporter asked for news: a notice for every change (the rejection's reason is internal, not in it).
    if (before.email) await queueReportNotice(tx, id, before.email, change.status, publicNote);
    // The partner it is forwarded to hears of it at its functional mailbox (no resident text in it).
    if (partnerMailbox) await queuePartnerNotice(tx, id, partnerMailbox);
    await recordAudit(tx, {
      userId: actorId,
      action: 'report.status',
      entityType: 'report',
      entityId: id,
      summary: `${before.status} → ${change.status}${change.status === 'forwarded' ? ` (partner #${forwardedTo}${partnerMailbox ? ', notice queued' : ', no notice'})` : ''}${handledBy ? ` by partner #${handledBy}` : ''}${closed && before.email ? '; e-mail deleted' : ''}`,
    });
    return { ok: true };
  });
}

/**
 * When a new step of a report is recorded: now, or one second after its
 * latest step when that is later. Times are stored to the second and step ids
 * are random, so two changes within one second would otherwise have no order
 * and the receipt's history could show them the wrong way round.
 */
async function nextStepTime(tx: Queryable, reportId: number): Promise<Date> {
  const [last] = await tx
    .select({ at: reportUpdates.createdAt })
    .from(reportUpdates)
    .where(eq(reportUpdates.reportId, reportId))
    .orderBy(desc(reportUpdates.createdAt))
    .limit(1);
  const now = new Date();
  return last && last.at.getTime() + 1000 > now.getTime() ? new Date(last.at.getTime() + 1000) : now;
}

export type MergeResult = { ok: true } | { ok: false; reason: 'not_found' | 'same' | 'target_merged' | 'already_merged' };

/**
 * Marks a report as a duplicate of another: status 'merged', closed (e-mail
 * deleted). Final: a merged report is not merged again nor given another
 * status, and nothing is merged into a merged report, so no chain of merges
 * can come back to where it started.
 */
export async function mergeReport(db: Queryable, id: number, intoId: number, actorId: number): Promise<MergeResult> {
  return transaction(db, async (tx): Promise<MergeResult> => {
    if (id === intoId) return { ok: false, reason: 'same' };
    const [before] = await tx.select().from(reports).where(eq(reports.id, id)).limit(1);
    const [into] = await tx.select().from(reports).where(eq(reports.id, intoId)).limit(1);
    if (!before || !into) return { ok: false, reason: 'not_found' };
    if (into.status === 'merged') return { ok: false, reason: 'target_merged' };
    if (before.status === 'merged') return { ok: false, reason: 'already_merged' };
    await tx.update(reports).set({ status: 'merged', mergedInto: intoId, email: null, callback: null }).where(eq(reports.id, id));
    // No public note, so nothing is signed; the update records the actor's partner, if any.
    const signing = await signingPartner(tx, actorId);
    await tx.insert(reportUpdates).values({
      reportId: id,
      status: 'merged',
      userId: actorId,
      partnerId: signing.ok ? signing.partner.id : null,
      createdAt: await nextStepTime(tx, id),
    });
    if (before.email) await queueReportNotice(tx, id, before.email, 'merged', null);
    await recordAudit(tx, { userId: actorId, action: 'report.merge', entityType: 'report', entityId: id, summary: `${before.status} → merged into #${intoId}` });
    return { ok: true };
  });
}

/** Links a report to the initiative it led to (null unlinks). */
export async function linkReportToInitiative(db: Queryable, id: number, initiativeId: number | null, actorId: number): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(reports).where(eq(reports.id, id)).limit(1);
    if (!before) return false;
    if (initiativeId !== null && (await tx.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.id, initiativeId)).limit(1)).length === 0) return false;
    await tx.update(reports).set({ initiativeId }).where(eq(reports.id, id));
    await recordAudit(tx, {
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
 * "Reports that led to this": how many reports of the newest release are
 * linked to an initiative, by category, through the disclosure engine. The
 * initiative page shows only this aggregate, never the reports themselves,
 * and it moves only when a new release is made (linking a report changes
 * nothing public at once).
 */
export async function initiativeReportSummary(db: Queryable, initiativeId: number, k: number): Promise<Row & { releasedOn: string }> {
  const release = await latestRelease(db);
  const byCategory = new Map<string, { n: number; ck: number }>();
  const records = release.records;
  for (let i = 0; i < records.length; i++) {
    if (records.initiativeId(i) !== initiativeId) continue;
    const category = records.category(i);
    const c = byCategory.get(category) ?? { n: 0, ck: 0 };
    byCategory.set(category, { n: c.n + 1, ck: addKeys(c.ck, records.key(i)) });
  }
  return { ...suppressRow([...byCategory].map(([key, c]) => ({ key, ...c })), k), releasedOn: release.madeOn };
}

/** Every category (retired ones too), for labelling aggregates. */
export async function listAllCategories(db: Queryable): Promise<ReportCategory[]> {
  return db.select().from(reportCategories).orderBy(asc(reportCategories.displayOrder));
}

export type CategoryChange =
  | { kind: 'add'; slug: string; nameDa: string; nameEn: string | null; audience?: CategoryAudience }
  | { kind: 'audience'; id: number; audience: CategoryAudience }
  /** `names`: a language's new name, or null to remove it; a language left out keeps its name. */
  | { kind: 'rename'; id: number; nameDa: string; nameEn: string | null; names?: Partial<Record<TranslationLocale, string | null>> }
  | { kind: 'active'; id: number; active: boolean };

/** Admins edit the categories; retired ones stay on old reports but are not offered. Audited. */
export async function changeCategory(db: Queryable, change: CategoryChange, actorId: number): Promise<'ok' | 'slug_taken' | 'not_found'> {
  return transaction(db, async (tx) => {
    if (change.kind === 'add') {
      const [taken] = await tx.select().from(reportCategories).where(eq(reportCategories.slug, change.slug)).limit(1);
      if (taken) return 'slug_taken';
      const [last] = await tx.select().from(reportCategories).orderBy(desc(reportCategories.displayOrder)).limit(1);
      const [row] = await tx
        .insert(reportCategories)
        .values({ slug: change.slug, nameDa: change.nameDa, nameEn: change.nameEn, audience: change.audience ?? 'everyone', displayOrder: (last?.displayOrder ?? 0) + 1 })
        .returning();
      await recordAudit(tx, { userId: actorId, action: 'category.add', entityType: 'report_category', entityId: row!.id, summary: change.slug });
      return 'ok';
    }
    const [before] = await tx.select().from(reportCategories).where(eq(reportCategories.id, change.id)).limit(1);
    if (!before) return 'not_found';
    if (change.kind === 'rename') {
      const names = { ...before.names };
      for (const [l, v] of Object.entries(change.names ?? {}) as [TranslationLocale, string | null][]) {
        if (v === null) delete names[l];
        else names[l] = v;
      }
      await tx.update(reportCategories).set({ nameDa: change.nameDa, nameEn: change.nameEn, names }).where(eq(reportCategories.id, change.id));
      await recordAudit(tx, { userId: actorId, action: 'category.rename', entityType: 'report_category', entityId: change.id, summary: `${before.nameDa} → ${change.nameDa}` });
    } else if (change.kind === 'audience') {
      await tx.update(reportCategories).set({ audience: change.audience }).where(eq(reportCategories.id, change.id));
      await recordAudit(tx, { userId: actorId, action: 'category.audience', entityType: 'report_category', entityId: change.id, summary: `${before.slug}: ${before.audience} → ${change.audience}` });
    } else {
      await tx.update(reportCategories).set({ active: change.active }).where(eq(reportCategories.id, change.id));
      await recordAudit(tx, { userId: actorId, action: change.active ? 'category.activate' : 'category.retire', entityType: 'report_category', entityId: change.id, summary: before.slug });
    }
    return 'ok';
  });
}
