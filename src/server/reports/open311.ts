/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): discovery,
 * services (the report categories), requests and posting a new request.
 *
 * Deviation from GeoReport v2, for privacy (README "The public map and
 * Open311"): GET requests lists no report it is not asked for by id. A list
 * of single reports is a count of one per line, with a category, a place
 * and a day, which undoes what the public map hides and perturbs; the
 * platform's public figures are the dated releases behind /kort. A request
 * id is given only to the client that posted the request (it is a one-way
 * hash of the receipt, see publicRequestId), so `service_request_id=…`
 * answers for the person who holds the id: the status and public note of
 * their own reports, dated to the day, without position or address.
 */
import { nameIn } from '../../lib/localized.ts';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { asc, eq, gte } from 'drizzle-orm';
import { REPORTER_TYPES, TIMES_OF_DAY, reportCategories, reports, reportUpdates, type ReporterType, type TimeOfDay } from '../../../db/schema.ts';
import { findAreaForPoint } from '../../lib/geo.ts';
import { localePath, staffLocaleOf, type Locale, type StaffLocale } from '../../lib/i18n/index.ts';
import { parsePoint } from '../../lib/places.ts';
import { listCurrentAreas } from '../partnership/areas.ts';
import { copenhagenDay } from '../../lib/time.ts';
import type { Queryable } from '../db/connection.ts';
import { inList } from '../db/in-list.ts';
import { findOpen311Key } from './open311-keys.ts';
import { cleanText, readForm } from '../platform/form.ts';
import { CLOSED_STATUSES, DESCRIPTION_MAX, EMAIL_MAX, listActiveCategories, submitReport } from './reports.ts';
import { throttles } from '../platform/throttle.ts';
import { config } from '../platform/config.ts';

export const OPEN311_BODY_LIMIT = 16 * 1024;
export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Open311Error {
  code: number;
  description: string;
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  requested_datetime: string;
}

/** Splits `requests.json` into its name and format; undefined for an unknown format. */
export function splitFormat(file: string): { name: string; format: Open311Format } | undefined {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const format = file.slice(dot + 1);
  if (!(OPEN311_FORMATS as readonly string[]).includes(format)) return undefined;
  return { name: file.slice(0, dot), format: format as Open311Format };
}

/** The public id of a report: a one-way hash of its receipt, so the id never opens the receipt page. */
export function publicRequestId(receipt: string): string {
  return encodeBase64urlNoPadding(sha256(new TextEncoder().encode(`open311:${receipt}`))).slice(0, 22);
}

/** The discovery document: where this endpoint is and what it speaks. */
export function discovery(origin: string): Record<string, unknown> {
  return {
    changeset: '2026-11-22T00:00:00Z',
    contact: 'Tryghed i Indre Nørrebro',
    key_service: 'Reading needs no key. Posting a request needs an api_key: ask the site\'s administrators for one.',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${origin}/api/open311/v2`,
        changeset: '2026-11-22T00:00:00Z',
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}

/** The active report categories as Open311 services. */
export async function listServices(db: Queryable, locale: Locale): Promise<Open311Service[]> {
  return (await listActiveCategories(db)).map((c) => {
    const name = nameIn(locale, c);
    return {
      service_code: c.slug,
      service_name: name,
      description: name,
      metadata: false,
      type: 'realtime',
      keywords: c.slug.replaceAll('_', ' '),
      group: locale === 'da' ? 'Tryghed' : 'Safety',
    };
  });
}

const COPENHAGEN_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' });

/** A Copenhagen day (YYYY-MM-DD) at 12:00 local time, ISO 8601 with its UTC offset. */
export function copenhagenNoon(day: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const iso = `${day}T12:00:00${offset}`;
    const hour = COPENHAGEN_HOUR.format(new Date(iso));
    if (hour === '12') return iso;
  }
  return `${day}T12:00:00+01:00`;
}

export interface RequestQuery {
  serviceCodes?: string[] | undefined;
  ids?: string[] | undefined;
  status?: 'open' | 'closed' | undefined;
}

/** At most this many ids in one request, as GeoReport v2 clients ask for their own few. */
export const MAX_REQUEST_IDS = 100;

/**
 * The requests the caller asks for by id (see the module comment), newest
 * first; without ids, none. Rejected and merged reports answer as closed.
 */
export async function listPublicRequests(db: Queryable, locale: Locale, query: RequestQuery = {}): Promise<Open311Request[]> {
  const ids = [...new Set(query.ids ?? [])].filter((id) => /^[A-Za-z0-9_-]{22}$/.test(id)).slice(0, MAX_REQUEST_IDS);
  if (ids.length === 0) return [];
  const index = await requestIndex(db);
  const reportIds = ids.map((id) => index.byPublicId.get(id)).filter((id): id is number => id !== undefined);
  if (reportIds.length === 0) return [];
  const rows = await db
    .select({ report: reports, category: reportCategories })
    .from(reports)
    .innerJoin(reportCategories, eq(reportCategories.id, reports.categoryId))
    .where(inList(db, reports.id, reportIds));
  const notes = await latestPublicNotes(db, rows.map((r) => r.report.id));
  const result = rows
    .sort((a, b) => b.report.createdOn.localeCompare(a.report.createdOn))
    .map(
      (r): Open311Request => ({
        service_request_id: publicRequestId(r.report.receipt),
        status: CLOSED_STATUSES.includes(r.report.status) || r.report.status === 'rejected' || r.report.status === 'merged' ? 'closed' : 'open',
        status_notes: notes.get(r.report.id) ?? null,
        service_name: nameIn(locale, r.category),
        service_code: r.category.slug,
        requested_datetime: copenhagenNoon(r.report.createdOn),
      }),
    );
  return result.filter((r) => (!query.status || r.status === query.status) && (!query.serviceCodes || query.serviceCodes.includes(r.service_code)));
}

/** One request by its id, or undefined when unknown. */
export async function findPublicRequest(db: Queryable, locale: Locale, id: string): Promise<Open311Request | undefined> {
  return (await listPublicRequests(db, locale, { ids: [id] }))[0];
}

/**
 * Public id → report id, kept per process and extended with the reports of
 * the days since (the hash cannot be looked up in SQL, and ids do not tell
 * which rows are new): one scan of the receipts at the first call, then only
 * the rows made on or after the day before the last scan's day. The day
 * before as well: a row dated yesterday can still arrive after a scan made
 * just past midnight (a transaction in flight, or another instance whose
 * clock is a little behind), and would otherwise never be found here.
 */
const indexes = new WeakMap<object, { since: string; byPublicId: Map<string, number> }>();

async function requestIndex(db: Queryable): Promise<{ byPublicId: Map<string, number> }> {
  const index = indexes.get(db) ?? { since: '0000-01-01', byPublicId: new Map<string, number>() };
  indexes.set(db, index);
  const now = Date.now();
  const yesterday = copenhagenDay(new Date(now - 86_400_000));
  const fresh = await db.select({ id: reports.id, receipt: reports.receipt }).from(reports).where(gte(reports.createdOn, index.since));
  for (const r of fresh) index.byPublicId.set(publicRequestId(r.receipt), r.id);
  index.since = yesterday;
  return index;
}

async function latestPublicNotes(db: Queryable, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ reportId: reportUpdates.reportId, note: reportUpdates.publicNote })
    .from(reportUpdates)
    .where(inList(db, reportUpdates.reportId, ids))
    .orderBy(asc(reportUpdates.createdAt), asc(reportUpdates.id));
  for (const r of rows) if (r.note) out.set(r.reportId, r.note);
  return out;
}

export type Open311PostResult =
  | { ok: true; status: 201; body: { service_request_id: string; service_notice: string }[] }
  | { ok: false; status: 400 | 403 | 413 | 429; error: Open311Error; retryAfter?: number };

/** Open311 clients (apps, the police's systems) get Danish or English; another language gets English. */
const NOTICE: Record<StaffLocale, (receiptUrl: string) => string> = {
  da: (url) => `Tak. En moderator ser meldingen igennem, før den indgår i offentlige tal. Følg den her (link kun til dig): ${url}`,
  en: (url) => `Thank you. A moderator reviews the report before it counts in public figures. Follow it here (a link for you only): ${url}`,
};

function fail(status: 400 | 413, description: string): Open311PostResult {
  return { ok: false, status, error: { code: status, description } };
}

/**
 * POST requests.json: a form-encoded request with api_key (a key an admin
 * gave the client, src/server/reports/open311-keys.ts), service_code, lat, long,
 * description and an optional email; `attribute[reporter_type]` (default
 * resident) and `attribute[time_of_day]` (default often). Validated like the
 * /meld form, throttled with the same per-client counter, stored masked.
 */
export async function postRequest(db: Queryable, request: Request, context: { client: string; locale: Locale; origin: string }): Promise<Open311PostResult> {
  const read = await readForm(request, OPEN311_BODY_LIMIT);
  if (!read.ok) return read.status === 413 ? fail(413, 'Request body too large (16 KiB at most)') : fail(400, 'The body must be a form (application/x-www-form-urlencoded)');
  const form = read.form;
  const apiKey = form.get('api_key');
  if (typeof apiKey !== 'string' || !(await findOpen311Key(db, apiKey.trim()))) {
    return { ok: false, status: 403, error: { code: 403, description: 'Invalid api_key: posting needs an API key from the site\'s administrators' } };
  }
  // Codes and coordinates are taken as sent (a stray control character makes them invalid);
  // only the free text loses control characters, which nobody types on purpose.
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  const serviceCode = text('service_code');
  if (serviceCode === '') return fail(400, 'service_code is required');
  const category = (await listActiveCategories(db)).find((c) => c.slug === serviceCode);
  if (!category) return fail(400, `Unknown service_code: ${serviceCode.slice(0, 50)}`);
  const lat = text('lat');
  const long = text('long');
  if (lat === '' || long === '') return fail(400, 'lat and long are required');
  const point = parsePoint(`${lat},${long}`);
  if (!point) return fail(400, 'lat and long must be plain decimal WGS84 coordinates in Nørrebro');
  if (!findAreaForPoint(await listCurrentAreas(db), point)) return fail(400, 'The location is outside the areas this service covers');
  const description = cleanText(text('description'));
  if ([...description].length > DESCRIPTION_MAX) return fail(400, `description is longer than ${DESCRIPTION_MAX} characters`);
  const email = text('email');
  if (email !== '' && (email.length > EMAIL_MAX || !EMAIL_PATTERN.test(email))) return fail(400, 'email is not a valid e-mail address');
  const reporter = text('attribute[reporter_type]') || 'resident';
  if (!(REPORTER_TYPES as readonly string[]).includes(reporter)) return fail(400, `attribute[reporter_type] must be one of ${REPORTER_TYPES.join(', ')}`);
  const time = text('attribute[time_of_day]') || 'often';
  if (!(TIMES_OF_DAY as readonly string[]).includes(time)) return fail(400, `attribute[time_of_day] must be one of ${TIMES_OF_DAY.join(', ')}`);

  const throttle = await throttles.reportClient.hit(db, context.client);
  if (!throttle.ok) return { ok: false, status: 429, error: { code: 429, description: 'Too many requests; try again later' }, retryAfter: throttle.retryAfter };
  const result = await submitReport(db, {
    categoryId: category.id,
    location: { kind: 'point', point },
    timeOfDay: time as TimeOfDay,
    weekday: null,
    description,
    reporterType: reporter as ReporterType,
    // Kept only when the site can send the notice (SMTP_URL).
    email: email === '' || !config().mail ? null : email,
  });
  if (!result.ok) return fail(400, result.reason === 'unknown_category' ? 'Unknown service_code' : 'The location is outside the areas this service covers');
  const receiptUrl = context.origin + localePath(context.locale, `/meld/${result.report.receipt}`);
  return {
    ok: true,
    status: 201,
    body: [{ service_request_id: publicRequestId(result.report.receipt), service_notice: NOTICE[staffLocaleOf(context.locale)](receiptUrl) }],
  };
}

// --- Serialising -----------------------------------------------------------

function escapeXml(s: string): string {
  // Control characters are not allowed in XML 1.0 at all: dropped.
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

function xmlValue(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => xmlValue(singular(name), v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => xmlValue(k, v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function singular(name: string): string {
  return name === 'formats' ? 'format' : name === 'endpoints' ? 'endpoint' : name.replace(/s$/, '');
}

/** A list as the spec's XML: <root><item>…</item>…</root>. */
export function toXml(root: string, item: string, list: readonly object[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${list.map((x) => xmlValue(item, x)).join('')}</${root}>\n`;
}

/** A response in the asked format; lists are wrapped in the spec's XML root and item names. */
export function open311Response(
  format: Open311Format,
  status: number,
  body: object | readonly object[],
  xml: { root: string; item: string },
  headers: Record<string, string> = {},
): Response {
  const list = Array.isArray(body) ? body : [body];
  const text =
    format === 'json'
      ? JSON.stringify(body)
      : xml.item === ''
        ? `<?xml version="1.0" encoding="utf-8"?>\n${xmlValue(xml.root, body)}\n`
        : toXml(xml.root, xml.item, list);
  return new Response(text, {
    status,
    headers: {
      'Content-Type': format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    },
  });
}

/** An error in the spec's format: [{code, description}] or <errors><error>…</error></errors>. */
export function open311Error(format: Open311Format, status: number, description: string, headers: Record<string, string> = {}): Response {
  return open311Response(format, status, [{ code: status, description }], { root: 'errors', item: 'error' }, headers);
}
