/**
 * A resident's concern report posted from /meld: read the form, drop bots
 * (honeypot), validate every field with its own error code, make a repeated
 * submit idempotent, throttle per client, store masked. Returns what the page
 * should do; the page stays a thin edge.
 *
 * Idempotency: the sha256 of the form's hidden `submission` token is stored
 * with the report (report_submissions, for a day), so a double click, a
 * resent form or a retry leads to the same receipt, on any app instance.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { REPORTER_TYPES, TIMES_OF_DAY, type ReporterType, type TimeOfDay } from '../../../db/schema.ts';
import { findAreaForPoint } from '../../lib/geo.ts';
import { parsePoint } from '../../lib/places.ts';
import { listPlaces } from '../partnership/places.ts';
import { listCurrentAreas } from '../partnership/areas.ts';
import type { Queryable } from '../db/connection.ts';
import { logger } from '../platform/logger.ts';
import { DESCRIPTION_MAX, EMAIL_MAX, PLACE_TEXT_MAX, findSubmittedReport, forgetOldSubmissions, listActiveCategories, submitReport, type ReportLocation } from './reports.ts';
import { throttles } from '../platform/throttle.ts';
import { transaction } from '../db/transaction.ts';
import { field, readForm } from '../platform/form.ts';
import { config } from '../platform/config.ts';

export const REPORT_FORM_LIMIT = 16 * 1024;
/** The honeypot field's name: a plausible word that people never see. */
export const HONEYPOT = 'website';
/** The place field's name (PlacesField: `location`, `location__point`, `location__text`). */
export const LOCATION = 'location';

export type ReportErrorKind =
  | 'categoryMissing'
  | 'locationMissing'
  | 'locationTooMany'
  | 'locationInvalid'
  | 'locationOutside'
  | 'locationTooLong'
  | 'areaMissing'
  | 'timeOfDayMissing'
  | 'weekdayInvalid'
  | 'descriptionTooLong'
  | 'reporterTypeMissing'
  | 'emailInvalid'
  | 'emailMissing'
  | 'callbackInvalid'
  | 'throttled';

export type ReportField = 'category' | 'location' | 'area' | 'timeOfDay' | 'weekday' | 'description' | 'reporterType' | 'email' | 'callback' | 'form';

/** Everything the form shows again after a refused post. */
export interface ReportFormState {
  category: string;
  places: string[];
  points: string[];
  placeText: string;
  area: string;
  timeOfDay: string;
  weekday: string;
  description: string;
  reporterType: string;
  email: string;
  notify: boolean;
  /** A business's telephone number for a call back (the business form only). */
  callback: string;
  submission: string;
  errors: Partial<Record<ReportField, ReportErrorKind>>;
}

export type ReportPostResult =
  | { kind: 'stored'; receipt: string }
  /** A bot filled the honeypot: pretend success, store nothing. */
  | { kind: 'discarded' }
  | { kind: 'invalid'; status: 400 | 429; state: ReportFormState; retryAfter?: number }
  | { kind: 'bad_request'; status: 400 | 413 | 415 };

const SUBMISSION_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** A deliberately plain check: one @, no spaces, a dot in the domain. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A telephone number as people write one: an optional +, then 8–15 digits with spaces, dashes or brackets between. */
export const CALLBACK_PATTERN = /^\+?[0-9][0-9 ()-]{6,22}[0-9]$/;
export const CALLBACK_MAX = 24;

/** Whether a callback number is acceptable: the pattern, and 8–15 digits in all. */
export function isCallbackNumber(value: string): boolean {
  const digits = value.replace(/[^0-9]/g, '').length;
  return value.length <= CALLBACK_MAX && CALLBACK_PATTERN.test(value) && digits >= 8 && digits <= 15;
}

function submissionKey(token: string): string {
  return encodeBase64urlNoPadding(sha256(new TextEncoder().encode(token)));
}

export async function handleReportPost(db: Queryable, request: Request, context: { client: string }): Promise<ReportPostResult> {
  const read = await readForm(request, REPORT_FORM_LIMIT);
  if (!read.ok) return { kind: 'bad_request', status: read.status };
  const form = read.form;
  if (field(form, HONEYPOT) !== '') {
    logger.info({ event: 'honeypot' }, 'report discarded');
    return { kind: 'discarded' };
  }
  const all = (name: string) =>
    form
      .getAll(name)
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim())
      .filter((v) => v !== '');
  const state: ReportFormState = {
    category: field(form, 'category'),
    places: all(LOCATION),
    points: all(`${LOCATION}__point`),
    placeText: field(form, `${LOCATION}__text`),
    area: field(form, 'area'),
    timeOfDay: field(form, 'timeOfDay'),
    weekday: field(form, 'weekday'),
    description: field(form, 'description'),
    reporterType: field(form, 'reporterType'),
    email: field(form, 'email'),
    notify: field(form, 'notify') !== '',
    callback: field(form, 'callback'),
    submission: field(form, 'submission'),
    errors: {},
  };
  const e = state.errors;

  const category = (await listActiveCategories(db)).find((c) => c.slug === state.category);
  if (!category) e.category = 'categoryMissing';

  const areas = await listCurrentAreas(db);
  let location: ReportLocation | undefined;
  const given = state.places.length + state.points.length + (state.placeText !== '' ? 1 : 0);
  if (given === 0) e.location = 'locationMissing';
  else if (given > 1) e.location = 'locationTooMany';
  else if (state.points.length === 1) {
    const point = parsePoint(state.points[0]!);
    if (!point) e.location = 'locationInvalid';
    else if (!findAreaForPoint(areas, point)) e.location = 'locationOutside';
    else location = { kind: 'point', point };
  } else if (state.places.length === 1) {
    const place = (await listPlaces(db)).offered(state.places[0]!);
    if (!place) e.location = 'locationInvalid';
    else if (!findAreaForPoint(areas, place)) e.location = 'locationOutside';
    else location = { kind: 'place', placeId: place.id };
  } else if ([...state.placeText].length > PLACE_TEXT_MAX) e.location = 'locationTooLong';
  else {
    // No geocoder: a typed place needs the area it is in.
    const area = areas.find((a) => a.slug === state.area);
    if (!area) e.area = 'areaMissing';
    else location = { kind: 'text', text: state.placeText, areaId: area.id };
  }

  if (!(TIMES_OF_DAY as readonly string[]).includes(state.timeOfDay)) e.timeOfDay = 'timeOfDayMissing';
  let weekday: number | null = null;
  if (state.weekday !== '' && state.weekday !== 'any') {
    if (/^[1-7]$/.test(state.weekday)) weekday = Number(state.weekday);
    else e.weekday = 'weekdayInvalid';
  }
  if ([...state.description].length > DESCRIPTION_MAX) e.description = 'descriptionTooLong';
  if (!(REPORTER_TYPES as readonly string[]).includes(state.reporterType)) e.reporterType = 'reporterTypeMissing';
  if (state.email !== '' && (state.email.length > EMAIL_MAX || !EMAIL_PATTERN.test(state.email))) e.email = 'emailInvalid';
  else if (state.notify && state.email === '') e.email = 'emailMissing';
  if (state.callback !== '' && !isCallbackNumber(state.callback)) e.callback = 'callbackInvalid';

  if (Object.keys(e).length > 0 || !category || !location) return { kind: 'invalid', status: 400, state };

  const key = SUBMISSION_PATTERN.test(state.submission) ? submissionKey(state.submission) : undefined;
  if (key) {
    // A repeat of a stored form is not a new report: same receipt, not throttled.
    await forgetOldSubmissions(db);
    const earlier = await findSubmittedReport(db, key);
    if (earlier) return { kind: 'stored', receipt: earlier.receipt };
  }

  // The client's count and the report in one transaction: one commit per report.
  const outcome = await transaction(db, async (tx) => {
    const throttle = await throttles.reportClient.hit(tx, context.client);
    if (!throttle.ok) return { throttled: throttle.retryAfter } as const;
    return submitReport(tx, {
      categoryId: category.id,
      location,
      timeOfDay: state.timeOfDay as TimeOfDay,
      weekday,
      description: state.description,
      reporterType: state.reporterType as ReporterType,
      // No address is kept that the site cannot use (no SMTP_URL: the form does not offer it).
      email: config().mail && state.notify && state.email !== '' ? state.email : null,
      // Only a business is called back (the field is on the business form).
      callback: state.reporterType === 'business' && state.callback !== '' ? state.callback : null,
      ...(key ? { submissionKey: key } : {}),
    });
  });
  if ('throttled' in outcome) {
    e.form = 'throttled';
    return { kind: 'invalid', status: 429, state, retryAfter: outcome.throttled };
  }
  const result = outcome;
  if (!result.ok) {
    // Checked above; only a concurrent change of categories or areas gets here.
    if (result.reason === 'unknown_category') e.category = 'categoryMissing';
    else if (result.reason === 'unknown_area') e.area = 'areaMissing';
    else e.location = result.reason === 'outside' ? 'locationOutside' : 'locationInvalid';
    return { kind: 'invalid', status: 400, state };
  }
  return { kind: 'stored', receipt: result.report.receipt };
}
