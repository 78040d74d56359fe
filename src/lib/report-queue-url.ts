/**
 * The moderation queue's state in its URL (/staff/reports?status=…&category=…
 * &area=…&partner=…&sort=…&page=…&report=…), so that filters, sorting and
 * the page survive every action and can be bookmarked. Parsing never throws:
 * a value that names nothing (an unknown status, category, area, partner,
 * sort or a malformed page) is dropped and reported in `ignored`, so the page
 * says so instead of failing. `queue=mine` (the older link) means
 * `partner=mine`.
 */
import { REPORT_STATUSES, type ReportStatus } from './domain.ts';

export const QUEUE_SORT_VALUES = ['newest', 'oldest', 'category', 'area'] as const;
export type QueueSortValue = (typeof QUEUE_SORT_VALUES)[number];

export interface QueueState {
  status: ReportStatus;
  /** Category slug. */
  category?: string | undefined;
  /** Area slug. */
  area?: string | undefined;
  /** 'mine' (the signed-in staff member's partner) or a partner slug. */
  partner?: string | undefined;
  sort?: QueueSortValue | undefined;
  page: number;
  /** The report shown in the detail view. */
  report?: number | undefined;
}

export type QueueParam = 'status' | 'category' | 'area' | 'partner' | 'sort' | 'page' | 'report';

export interface Known {
  categories: readonly string[];
  areas: readonly string[];
  partners: readonly string[];
}

const ID = /^[1-9][0-9]{0,15}$/;
const PAGE = /^[1-9][0-9]{0,5}$/;

export function parseQueueState(params: URLSearchParams, known: Known): { state: QueueState; ignored: QueueParam[] } {
  const ignored: QueueParam[] = [];
  const pick = <T extends string>(name: QueueParam, allowed: readonly T[], value = params.get(name)): T | undefined => {
    if (value === null || value === '') return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    ignored.push(name);
    return undefined;
  };
  const status = pick('status', REPORT_STATUSES) ?? 'received';
  const category = pick('category', known.categories);
  const area = pick('area', known.areas);
  const partner = pick('partner', ['mine', ...known.partners], params.get('partner') || (params.get('queue') === 'mine' ? 'mine' : null));
  const sort = pick('sort', QUEUE_SORT_VALUES);
  const pageParam = params.get('page');
  let page = 1;
  if (pageParam !== null && pageParam !== '') {
    if (PAGE.test(pageParam)) page = Number(pageParam);
    else ignored.push('page');
  }
  const reportParam = params.get('report');
  let report: number | undefined;
  if (reportParam !== null && reportParam !== '') {
    if (ID.test(reportParam)) report = Number(reportParam);
    else ignored.push('report');
  }
  return { state: { status, category, area, partner, sort, page, report }, ignored };
}

/** The query string (with its `?`) of a state: only what differs from the defaults. */
export function queueQuery(state: QueueState, change: Partial<QueueState> = {}): string {
  const s = { ...state, ...change };
  const q = new URLSearchParams();
  if (s.report !== undefined) q.set('report', String(s.report));
  q.set('status', s.status);
  if (s.category) q.set('category', s.category);
  if (s.area) q.set('area', s.area);
  if (s.partner) q.set('partner', s.partner);
  if (s.sort) q.set('sort', s.sort);
  if (s.page > 1) q.set('page', String(s.page));
  return `?${q.toString()}`;
}

/** The page links to show: the first, the last, and two either side of the current one; null marks a gap. */
export function pageLinks(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of shown) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && p > last + 1) out.push(null);
    out.push(p);
  }
  return out;
}
