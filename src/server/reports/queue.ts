/**
 * The staff moderation queue of concern reports at scale: one page of a
 * status tab (filtered by category, area and partner, sorted, paged), the
 * number of reports in each status tab for the same filters, and bulk status
 * changes for the transitions that are safe to make for many reports at
 * once.
 *
 * The counts are the sizes of the staff's own work queue, shown only to
 * moderators: not published figures (tests/unit/disclosure-boundary.test.ts
 * lists this module with that reason).
 *
 * A bulk change is all or nothing: every selected report must be allowed the
 * transition (BULK_TRANSITIONS), or nothing changes and the ineligible ones
 * are named; the changes are made one by one with setReportStatus (each
 * audited, each reporter's notice queued) inside one transaction.
 */
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { areas, REPORT_STATUSES, reportCategories, reports, type Area, type Report, type ReportCategory, type ReportStatus } from '../../../db/schema.ts';
import type { QueueSortValue } from '../../lib/report-queue-url.ts';
import type { Queryable } from '../db/connection.ts';
import { inList } from '../db/in-list.ts';
import { lockRows } from '../db/lock-rows.ts';
import { transaction } from '../db/transaction.ts';
import { CLOSED_STATUSES, NOTE_MAX, setReportStatus, type StatusChangeResult } from './reports.ts';

export const QUEUE_PAGE_SIZE = 25;
export type QueueSort = QueueSortValue;

/** The most reports one bulk change may touch (a page holds QUEUE_PAGE_SIZE). */
export const BULK_MAX = 100;

/**
 * Bulk transitions and the statuses they may start from: marking new or
 * forwarded reports as being handled, and rejecting new ones (spam, not a
 * safety matter) with one internal reason. Nothing that closes a forwarded
 * report, reopens a closed one or needs a public note (each note is read and
 * signed one by one).
 */
export const BULK_TRANSITIONS = {
  in_progress: ['received', 'forwarded'],
  rejected: ['received'],
} as const satisfies Record<string, readonly ReportStatus[]>;
export type BulkStatus = keyof typeof BULK_TRANSITIONS;
export const BULK_STATUSES = Object.keys(BULK_TRANSITIONS) as BulkStatus[];

export interface QueueQuery {
  status: ReportStatus;
  categoryId?: number | undefined;
  areaId?: number | undefined;
  /** Only reports forwarded to this partner (a partner's queue). */
  partnerId?: number | undefined;
  /** Default: oldest first in open tabs, newest first in closed ones. */
  sort?: QueueSort | undefined;
  /** 1-based; past the last page gives the last page. */
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface QueueRow {
  report: Report;
  category: ReportCategory;
  area: Area;
}

export interface QueuePage {
  rows: QueueRow[];
  /** Reports in this status tab with these filters. */
  total: number;
  /** The page shown (clamped to 1…pages). */
  page: number;
  pages: number;
  pageSize: number;
  sort: QueueSort;
  /** Reports per status with the same filters (category, area, partner): the tab counts. */
  counts: Record<ReportStatus, number>;
}

export function defaultSort(status: ReportStatus): QueueSort {
  return CLOSED_STATUSES.includes(status) ? 'newest' : 'oldest';
}

function orderOf(sort: QueueSort): SQL[] {
  // Ids are random (README "Privacy"): the day, then the id, for a stable order.
  const newest = [desc(reports.createdOn), desc(reports.id)];
  if (sort === 'oldest') return [asc(reports.createdOn), asc(reports.id)];
  if (sort === 'category') return [asc(reportCategories.displayOrder), asc(reportCategories.id), ...newest];
  if (sort === 'area') return [asc(areas.displayOrder), asc(areas.id), ...newest];
  return newest;
}

/** The filters of a queue query (category, area, partner) as SQL. */
function queueFilters(q: Pick<QueueQuery, 'categoryId' | 'areaId' | 'partnerId'>): SQL[] {
  const filters: SQL[] = [];
  if (q.categoryId !== undefined) filters.push(eq(reports.categoryId, q.categoryId));
  if (q.areaId !== undefined) filters.push(eq(reports.areaId, q.areaId));
  if (q.partnerId !== undefined) filters.push(eq(reports.forwardedTo, q.partnerId));
  return filters;
}

/** Reports per status tab of the moderation queue, with the given filters. */
export async function countQueueTabs(db: Queryable, q: Pick<QueueQuery, 'categoryId' | 'areaId' | 'partnerId'> = {}): Promise<Record<ReportStatus, number>> {
  const filters = queueFilters(q);
  const tabs = await db
    // not for display: the size of each status tab of the staff moderation queue, shown only to moderators
    .select({ status: reports.status, n: count() })
    .from(reports)
    .where(filters.length ? and(...filters) : undefined)
    .groupBy(reports.status);
  const counts = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
  for (const t of tabs) counts[t.status] = Number(t.n);
  return counts;
}

/**
 * Reports in one status tab with the given filters: one range of the status
 * (or partner and status) index, where `countQueueTabs` reads every tab (the
 * staff home page asks for one tab at a time).
 */
export async function countQueueTab(db: Queryable, status: ReportStatus, q: Pick<QueueQuery, 'categoryId' | 'areaId' | 'partnerId'> = {}): Promise<number> {
  const [row] = await db
    // not for display: the size of a status tab of the staff moderation queue, shown only to moderators
    .select({ n: count() })
    .from(reports)
    .where(and(eq(reports.status, status), ...queueFilters(q)));
  return Number(row?.n ?? 0);
}

/** One page of one status tab, and the count of every tab, for the same filters. */
export async function listReportPage(db: Queryable, q: QueueQuery): Promise<QueuePage> {
  const filters = queueFilters(q);
  const counts = await countQueueTabs(db, q);
  const pageSize = q.pageSize ?? QUEUE_PAGE_SIZE;
  const total = counts[q.status];
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(q.page ?? 1)), pages);
  const sort = q.sort ?? defaultSort(q.status);
  const rows =
    total === 0
      ? []
      : await db
          .select({ report: reports, category: reportCategories, area: areas })
          .from(reports)
          .innerJoin(reportCategories, eq(reportCategories.id, reports.categoryId))
          .innerJoin(areas, eq(areas.id, reports.areaId))
          .where(and(eq(reports.status, q.status), ...filters))
          .orderBy(...orderOf(sort))
          .limit(pageSize)
          .offset((page - 1) * pageSize);
  return { rows, total, page, pages, pageSize, sort, counts };
}

export type BulkResult =
  | { ok: true; changed: number[] }
  | { ok: false; reason: 'none_selected' | 'too_many' | 'reason_required' }
  /** Some selected reports may not take the transition (or do not exist): nothing changed. */
  | { ok: false; reason: 'ineligible'; ineligible: { id: number; status: ReportStatus | null }[] }
  /** One change was refused on the way (e.g. the report changed meanwhile): everything rolled back. */
  | { ok: false; reason: 'failed'; id: number; result: Exclude<StatusChangeResult, { ok: true }> };

class BulkAborted extends Error {
  readonly id: number;
  readonly result: Exclude<StatusChangeResult, { ok: true }>;
  constructor(id: number, result: Exclude<StatusChangeResult, { ok: true }>) {
    super(`bulk change aborted at report #${id}`);
    this.id = id;
    this.result = result;
  }
}

/**
 * Sets one status on several reports, or on none: every report must exist
 * and be in a status the transition may start from. Each change is an
 * ordinary status change (audited per report, signed with the actor's own
 * partner when there is one, the reporter told when they asked), all in one
 * transaction. No public note: a bulk change publishes no text.
 */
export async function bulkSetReportStatus(
  db: Queryable,
  ids: readonly number[],
  change: { status: BulkStatus; internalNote?: string | null | undefined },
  actorId: number,
): Promise<BulkResult> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { ok: false, reason: 'none_selected' };
  if (unique.length > BULK_MAX) return { ok: false, reason: 'too_many' };
  const internalNote = change.internalNote?.trim().slice(0, NOTE_MAX) || null;
  if (change.status === 'rejected' && !internalNote) return { ok: false, reason: 'reason_required' };
  const from: readonly ReportStatus[] = BULK_TRANSITIONS[change.status];
  try {
    return await transaction(db, async (tx): Promise<BulkResult> => {
      // The check below stays true until the changes are made: a change made meanwhile by
      // someone else is either seen here or waits for this transaction.
      await lockRows(tx, reports, reports.id, unique);
      const found = await tx.select({ id: reports.id, status: reports.status }).from(reports).where(inList(tx, reports.id, unique));
      const statusOf = new Map(found.map((r) => [r.id, r.status]));
      const ineligible = unique
        .filter((id) => !from.includes(statusOf.get(id) ?? ('' as ReportStatus)))
        .map((id) => ({ id, status: statusOf.get(id) ?? null }));
      if (ineligible.length > 0) return { ok: false, reason: 'ineligible', ineligible };
      for (const id of unique) {
        const result = await setReportStatus(tx, id, { status: change.status, internalNote, publicNote: null }, actorId);
        if (!result.ok) throw new BulkAborted(id, result);
      }
      return { ok: true, changed: unique };
    });
  } catch (error) {
    if (error instanceof BulkAborted) return { ok: false, reason: 'failed', id: error.id, result: error.result };
    throw error;
  }
}
