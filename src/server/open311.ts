/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): discovery,
 * services (the report categories), requests (moderated reports only) and
 * posting a new request. Published requests obey the map's privacy rule: a
 * report is listed only when its H3 cell holds at least K moderated reports
 * of the same category (cellsAtLeastK on cell × category, stricter than
 * cell alone, so /kort's category filter cannot be undone by counting
 * requests); its position is the cell's centre and its address the area name.
 * The description, exact point, typed place and e-mail are never published.
 *
 * service_request_id is not the receipt: the receipt is the reporter's
 * private link to /meld/<receipt>, whose page shows when the report was
 * made. Requests are named by a one-way hash of the receipt instead
 * (publicRequestId); the poster gets the receipt link in service_notice.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { asc, eq, inArray } from 'drizzle-orm';
import { cellToLatLng } from 'h3-js';
import { REPORTER_TYPES, TIMES_OF_DAY, areas, reportCategories, reports, reportUpdates, type ReporterType, type TimeOfDay } from '../../db/schema.ts';
import { cellsAtLeastK } from '../lib/aggregate.ts';
import { findAreaForPoint } from '../lib/geo.ts';
import { localePath, type Locale } from '../lib/i18n/index.ts';
import { parsePoint } from '../lib/places.ts';
import { listAreas } from './areas.ts';
import type { Queryable } from './db/connection.ts';
import { inList } from './db/in-list.ts';
import { findOpen311Key } from './open311-keys.ts';
import { cleanText, readForm } from './http/form.ts';
import { CLOSED_STATUSES, DESCRIPTION_MAX, EMAIL_MAX, listActiveCategories, submitReport } from './reports.ts';
import { MODERATED_STATUSES, reportCell } from './report-map.ts';
import { throttles } from './throttle.ts';
import { config } from './config.ts';

export const OPEN311_BODY_LIMIT = 16 * 1024;
export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];
const MAX_REQUESTS = 1000;
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
  address: string;
  lat: number;
  long: number;
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
    const name = locale === 'da' ? c.nameDa : (c.nameEn ?? c.nameDa);
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

/** A Copenhagen day (YYYY-MM-DD) at 12:00 local time, ISO 8601 with its UTC offset. */
export function copenhagenNoon(day: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const iso = `${day}T12:00:00${offset}`;
    const hour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
    if (hour === '12') return iso;
  }
  return `${day}T12:00:00+01:00`;
}

export interface RequestQuery {
  serviceCodes?: string[] | undefined;
  ids?: string[] | undefined;
  status?: 'open' | 'closed' | undefined;
}

/** Moderated reports that the privacy rule lets out, newest first. */
export async function listPublicRequests(db: Queryable, locale: Locale, k: number, query: RequestQuery = {}): Promise<Open311Request[]> {
  const rows = await db
    .select({ report: reports, category: reportCategories, area: areas })
    .from(reports)
    .innerJoin(reportCategories, eq(reportCategories.id, reports.categoryId))
    .innerJoin(areas, eq(areas.id, reports.areaId))
    .where(inArray(reports.status, [...MODERATED_STATUSES]));
  const withCell = rows.map((r) => {
    const cell = reportCell(r.report);
    return { ...r, cell, group: `${cell}|${r.category.id}`, publicId: publicRequestId(r.report.receipt) };
  });
  const counts = new Map<string, number>();
  for (const r of withCell) counts.set(r.group, (counts.get(r.group) ?? 0) + 1);
  const allowed = new Set(cellsAtLeastK([...counts].map(([cell, n]) => ({ cell, n })), k).map((c) => c.cell));
  const listed = withCell
    .filter((r) => allowed.has(r.group))
    .filter((r) => !query.serviceCodes || query.serviceCodes.includes(r.category.slug))
    .filter((r) => !query.ids || query.ids.includes(r.publicId))
    .sort((a, b) => b.report.createdOn.localeCompare(a.report.createdOn) || b.report.id - a.report.id);
  const notes = await latestPublicNotes(db, listed.map((r) => r.report.id));
  const result = listed.map((r): Open311Request => {
    const [lat, long] = cellToLatLng(r.cell);
    return {
      service_request_id: r.publicId,
      status: CLOSED_STATUSES.includes(r.report.status) ? 'closed' : 'open',
      status_notes: notes.get(r.report.id) ?? null,
      service_name: locale === 'da' ? r.category.nameDa : (r.category.nameEn ?? r.category.nameDa),
      service_code: r.category.slug,
      requested_datetime: copenhagenNoon(r.report.createdOn),
      address: locale === 'da' ? r.area.nameDa : r.area.nameEn,
      lat: Math.round(lat * 1e5) / 1e5,
      long: Math.round(long * 1e5) / 1e5,
    };
  });
  return result.filter((r) => !query.status || r.status === query.status).slice(0, MAX_REQUESTS);
}

/** One published request, or undefined when unknown, not moderated or below K. */
export async function findPublicRequest(db: Queryable, locale: Locale, k: number, id: string): Promise<Open311Request | undefined> {
  return (await listPublicRequests(db, locale, k, { ids: [id] }))[0];
}

async function latestPublicNotes(db: Queryable, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ reportId: reportUpdates.reportId, note: reportUpdates.publicNote })
    .from(reportUpdates)
    .where(inList(db, reportUpdates.reportId, ids))
    .orderBy(asc(reportUpdates.id));
  for (const r of rows) if (r.note) out.set(r.reportId, r.note);
  return out;
}

export type Open311PostResult =
  | { ok: true; status: 201; body: { service_request_id: string; service_notice: string }[] }
  | { ok: false; status: 400 | 403 | 413 | 429; error: Open311Error; retryAfter?: number };

const NOTICE: Record<Locale, (receiptUrl: string) => string> = {
  da: (url) => `Tak. En moderator ser meldingen igennem, før den indgår i offentlige tal. Følg den her (link kun til dig): ${url}`,
  en: (url) => `Thank you. A moderator reviews the report before it counts in public figures. Follow it here (a link for you only): ${url}`,
};

function fail(status: 400 | 413, description: string): Open311PostResult {
  return { ok: false, status, error: { code: status, description } };
}

/**
 * POST requests.json: a form-encoded request with api_key (a key an admin
 * gave the client, src/server/open311-keys.ts), service_code, lat, long,
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
  if (!findAreaForPoint(await listAreas(db), point)) return fail(400, 'The location is outside the areas this service covers');
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
    body: [{ service_request_id: publicRequestId(result.report.receipt), service_notice: NOTICE[context.locale](receiptUrl) }],
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
