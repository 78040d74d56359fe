/**
 * The editors' forms for initiatives and events, as pure rules: what a posted
 * form holds (its values, kept as typed so the form can be shown again), how
 * it is validated, and which error each field gets. Pages read the form, call
 * a `parse…` function here, and either pass its input to one server function
 * or show the form again with the errors.
 */
import { z } from 'zod';
import type { Area, Event, Initiative, Partner } from '../../db/schema.ts';
import { EVENT_KINDS, INITIATIVE_STATUSES, MILESTONE_STATES, TRACKS, type EventKind, type InitiativeStatus, type MilestoneState, type Track } from './domain.ts';
import type { EditorMessages } from './i18n/editor-da.ts';
import { fromCopenhagenLocal, isIsoDate, toCopenhagenLocal } from './time.ts';

/** What a valid event form gives src/server/content/events.ts to store. */
export interface EventInput {
  kind: EventKind;
  titleDa: string;
  titleEn: string | null;
  descriptionDa: string;
  descriptionEn: string | null;
  place: string;
  lat: number | null;
  lon: number | null;
  startsAt: Date;
  endsAt: Date;
  areaId: number | null;
  partnerId: number | null;
  initiativeId: number | null;
}

/** What a valid initiative form gives src/server/content/initiatives.ts to store. */
export interface InitiativeInput {
  titleDa: string;
  titleEn: string | null;
  summaryDa: string;
  summaryEn: string | null;
  bodyDa: string;
  bodyEn: string | null;
  track: Track;
  status: InitiativeStatus;
  startsOn: string | null;
  endsOn: string | null;
  partnerIds: number[];
  areaIds: number[];
}

/** Longest text accepted per kind of field (characters). */
export const LIMITS = {
  title: 200,
  summary: 500,
  body: 20_000,
  updateText: 2_000,
  retractionReason: 300,
  description: 5_000,
  place: 200,
} as const;

/** An event's map point must lie within the map of the area (WGS84 degrees). */
export const MAP_BOUNDS = { lat: { min: 55.6, max: 55.75 }, lon: { min: 12.45, max: 12.65 } } as const;

/** Editor forms carry long Markdown in two languages: allow more than the default form limit. */
export const EDITOR_FORM_LIMIT = 512 * 1024;

/** What is wrong with one field. Turned into words by `errorText`. */
export type FieldError =
  | { code: 'required' }
  | { code: 'tooLong'; max: number }
  | { code: 'invalidChoice' }
  | { code: 'chooseAtLeastOne' }
  | { code: 'invalidDate' }
  | { code: 'invalidDateTime' }
  | { code: 'endDateBeforeStart' }
  | { code: 'endTimeBeforeStart' }
  | { code: 'notANumber' }
  | { code: 'outsideMap'; min: number; max: number }
  | { code: 'latLonPair' };

export type FieldErrors<F extends string> = Partial<Record<F, FieldError>>;

export type FormResult<T, F extends string> = { ok: true; input: T } | { ok: false; errors: FieldErrors<F> };

/** The ids a form may refer to (anything else is refused, not left to a foreign key to throw). */
export interface KnownIds {
  partners: ReadonlySet<number>;
  areas: ReadonlySet<number>;
  initiatives?: ReadonlySet<number>;
}

// ---------------------------------------------------------------------------
// Reading and validating
// ---------------------------------------------------------------------------

/** A text field as typed, with the browser's CRLF line breaks made LF; '' when missing (also the consultation forms'). */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
}

function texts(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === 'string');
}

/** Trimmed text of 1…max characters (shared with the consultation forms, src/lib/consultation-forms.ts). */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
/** Trimmed text of at most max characters, '' as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v));
const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === '' || isIsoDate(v), { error: 'invalidDate' })
  .transform((v) => (v === '' ? null : v));
/** A YYYY-MM-DD day, required. */
export const requiredDate = z
  .string()
  .trim()
  .min(1)
  .refine((v) => isIsoDate(v), { error: 'invalidDate' });
const knownId = (known: ReadonlySet<number>) =>
  z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .refine((id) => known.has(id));
const optionalKnownId = (known: ReadonlySet<number>) =>
  z.union([z.literal('').transform(() => null), knownId(known)]);

/** `YYYY-MM-DDTHH:MM` (a browser may add `:00` seconds) as a Copenhagen instant, or null. */
function localDateTime(value: string): Date | null {
  return fromCopenhagenLocal(value.trim().replace(/^(.{16}):00(\.0+)?$/, '$1'));
}

/** A decimal number as typed in Danish or English ("55,69" or "55.69"); null when empty, NaN when not a number. */
function decimal(value: string): number | null {
  const v = value.trim().replace(',', '.');
  if (v === '') return null;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  switch (issue.code) {
    case 'too_big':
      return { code: 'tooLong', max: Number(issue.maximum) };
    case 'too_small':
      return issue.origin === 'array' ? { code: 'chooseAtLeastOne' } : { code: 'required' };
    case 'custom':
      if (issue.message === 'invalidDate' || issue.message === 'invalidDateTime') return { code: issue.message };
      return { code: 'invalidChoice' };
    default:
      return { code: 'invalidChoice' };
  }
}

/** The first error of each field, in the order of the schema's issues (also the consultation forms'). */
export function collectErrors<F extends string>(error: z.ZodError | undefined): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of error?.issues ?? []) {
    const field = issue.path[0] as F | undefined;
    if (field !== undefined && !errors[field]) errors[field] = toFieldError(issue);
  }
  return errors;
}

/** Errors in the order the fields appear in the form (the order of `values`' keys). */
function inFormOrder<F extends string>(values: Record<F, unknown>, errors: FieldErrors<F>): FieldErrors<F> {
  const ordered: FieldErrors<F> = {};
  for (const field of Object.keys(values) as F[]) if (errors[field]) ordered[field] = errors[field];
  return ordered;
}

// ---------------------------------------------------------------------------
// Initiatives
// ---------------------------------------------------------------------------

/** The initiative form's values as typed (checkbox groups as lists of ids). */
export interface InitiativeValues {
  titleDa: string;
  titleEn: string;
  summaryDa: string;
  summaryEn: string;
  bodyDa: string;
  bodyEn: string;
  track: string;
  status: string;
  startsOn: string;
  endsOn: string;
  partnerIds: string[];
  areaIds: string[];
}
export type InitiativeField = keyof InitiativeValues;

export function readInitiativeValues(form: FormData): InitiativeValues {
  return {
    titleDa: text(form, 'titleDa'),
    titleEn: text(form, 'titleEn'),
    summaryDa: text(form, 'summaryDa'),
    summaryEn: text(form, 'summaryEn'),
    bodyDa: text(form, 'bodyDa'),
    bodyEn: text(form, 'bodyEn'),
    track: text(form, 'track'),
    status: text(form, 'status'),
    startsOn: text(form, 'startsOn'),
    endsOn: text(form, 'endsOn'),
    partnerIds: texts(form, 'partnerIds'),
    areaIds: texts(form, 'areaIds'),
  };
}

/** An empty form; the editor's own partner is ticked, as they most often write for it. */
export function newInitiativeValues(partnerId: number | null): InitiativeValues {
  return {
    titleDa: '',
    titleEn: '',
    summaryDa: '',
    summaryEn: '',
    bodyDa: '',
    bodyEn: '',
    track: '',
    status: 'planned',
    startsOn: '',
    endsOn: '',
    partnerIds: partnerId === null ? [] : [String(partnerId)],
    areaIds: [],
  };
}

export function initiativeValues(detail: { initiative: Initiative; partners: Pick<Partner, 'id'>[]; areas: Pick<Area, 'id'>[] }): InitiativeValues {
  const i = detail.initiative;
  return {
    titleDa: i.titleDa,
    titleEn: i.titleEn ?? '',
    summaryDa: i.summaryDa,
    summaryEn: i.summaryEn ?? '',
    bodyDa: i.bodyDa,
    bodyEn: i.bodyEn ?? '',
    track: i.track,
    status: i.status,
    startsOn: i.startsOn ?? '',
    endsOn: i.endsOn ?? '',
    partnerIds: detail.partners.map((p) => String(p.id)),
    areaIds: detail.areas.map((a) => String(a.id)),
  };
}

function initiativeSchema(known: KnownIds) {
  return z.object({
    titleDa: requiredText(LIMITS.title),
    titleEn: optionalText(LIMITS.title),
    summaryDa: requiredText(LIMITS.summary),
    summaryEn: optionalText(LIMITS.summary),
    bodyDa: z.string().trim().max(LIMITS.body),
    bodyEn: optionalText(LIMITS.body),
    track: z.enum(TRACKS),
    status: z.enum(INITIATIVE_STATUSES),
    startsOn: optionalDate,
    endsOn: optionalDate,
    partnerIds: z.array(knownId(known.partners)).min(1),
    areaIds: z.array(knownId(known.areas)).min(1),
  });
}

export function parseInitiative(values: InitiativeValues, known: KnownIds): FormResult<InitiativeInput, InitiativeField> {
  const result = initiativeSchema(known).safeParse(values);
  const errors = collectErrors<InitiativeField>(result.error);
  // Checked apart from the schema so it shows together with any other error.
  const { startsOn, endsOn } = values;
  if (!errors.startsOn && !errors.endsOn && startsOn.trim() && endsOn.trim() && endsOn.trim() < startsOn.trim()) {
    errors.endsOn = { code: 'endDateBeforeStart' };
  }
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors: inFormOrder(values, errors) };
  return { ok: true, input: result.data };
}

/** A dated progress update on an initiative. */
export interface UpdateValues {
  happenedOn: string;
  textDa: string;
  textEn: string;
}
export type UpdateField = keyof UpdateValues;
export interface UpdateInput {
  happenedOn: string;
  textDa: string;
  textEn: string | null;
}

export function readUpdateValues(form: FormData): UpdateValues {
  return { happenedOn: text(form, 'happenedOn'), textDa: text(form, 'textDa'), textEn: text(form, 'textEn') };
}

/** An empty update form dated today (in Copenhagen). */
export function newUpdateValues(now = new Date()): UpdateValues {
  return { happenedOn: toCopenhagenLocal(now).slice(0, 10), textDa: '', textEn: '' };
}

const updateSchema = z.object({
  happenedOn: requiredDate,
  textDa: requiredText(LIMITS.updateText),
  textEn: optionalText(LIMITS.updateText),
});

export function parseUpdate(values: UpdateValues): FormResult<UpdateInput, UpdateField> {
  const result = updateSchema.safeParse(values);
  if (!result.success) return { ok: false, errors: inFormOrder(values, collectErrors<UpdateField>(result.error)) };
  return { ok: true, input: result.data };
}

/** Why an update is withdrawn: shown publicly in its place. */
export function parseRetractionReason(value: FormDataEntryValue | null): string | undefined {
  const parsed = requiredText(LIMITS.retractionReason).safeParse(typeof value === 'string' ? value : '');
  return parsed.success ? parsed.data : undefined;
}

/** A milestone (delmål) of an initiative. */
export interface MilestoneValues {
  titleDa: string;
  titleEn: string;
  dueOn: string;
  state: string;
  doneOn: string;
}
export type MilestoneField = keyof MilestoneValues;
export interface MilestoneInput {
  titleDa: string;
  titleEn: string | null;
  dueOn: string | null;
  state: MilestoneState;
  doneOn: string | null;
}

export function readMilestoneValues(form: FormData): MilestoneValues {
  return { titleDa: text(form, 'titleDa'), titleEn: text(form, 'titleEn'), dueOn: text(form, 'dueOn'), state: text(form, 'state'), doneOn: text(form, 'doneOn') };
}

export function newMilestoneValues(): MilestoneValues {
  return { titleDa: '', titleEn: '', dueOn: '', state: 'planned', doneOn: '' };
}

export function milestoneValues(m: { titleDa: string; titleEn: string | null; dueOn: string | null; state: string; doneOn: string | null }): MilestoneValues {
  return { titleDa: m.titleDa, titleEn: m.titleEn ?? '', dueOn: m.dueOn ?? '', state: m.state, doneOn: m.doneOn ?? '' };
}

const milestoneSchema = z.object({
  titleDa: requiredText(LIMITS.title),
  titleEn: optionalText(LIMITS.title),
  dueOn: optionalDate,
  state: z.enum(MILESTONE_STATES),
  doneOn: optionalDate,
});

/** A milestone's form; a milestone marked done without a day is done today (in Copenhagen). */
export function parseMilestone(values: MilestoneValues, now = new Date()): FormResult<MilestoneInput, MilestoneField> {
  const result = milestoneSchema.safeParse(values);
  if (!result.success) return { ok: false, errors: inFormOrder(values, collectErrors<MilestoneField>(result.error)) };
  const input = result.data;
  const doneOn = input.state === 'done' ? (input.doneOn ?? toCopenhagenLocal(now).slice(0, 10)) : null;
  return { ok: true, input: { ...input, doneOn } };
}

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

/** The event form's values as typed. Times are Copenhagen wall-clock `YYYY-MM-DDTHH:MM`. */
export interface EventValues {
  kind: string;
  titleDa: string;
  titleEn: string;
  descriptionDa: string;
  descriptionEn: string;
  place: string;
  lat: string;
  lon: string;
  startsAt: string;
  endsAt: string;
  areaId: string;
  partnerId: string;
  initiativeId: string;
}
export type EventField = keyof EventValues;

export function readEventValues(form: FormData): EventValues {
  return {
    kind: text(form, 'kind'),
    titleDa: text(form, 'titleDa'),
    titleEn: text(form, 'titleEn'),
    descriptionDa: text(form, 'descriptionDa'),
    descriptionEn: text(form, 'descriptionEn'),
    place: text(form, 'place'),
    lat: text(form, 'lat'),
    lon: text(form, 'lon'),
    startsAt: text(form, 'startsAt'),
    endsAt: text(form, 'endsAt'),
    areaId: text(form, 'areaId'),
    partnerId: text(form, 'partnerId'),
    initiativeId: text(form, 'initiativeId'),
  };
}

export function newEventValues(partnerId: number | null): EventValues {
  return {
    kind: 'citizen_meeting',
    titleDa: '',
    titleEn: '',
    descriptionDa: '',
    descriptionEn: '',
    place: '',
    lat: '',
    lon: '',
    startsAt: '',
    endsAt: '',
    areaId: '',
    partnerId: partnerId === null ? '' : String(partnerId),
    initiativeId: '',
  };
}

export function eventValues(event: Event): EventValues {
  return {
    kind: event.kind,
    titleDa: event.titleDa,
    titleEn: event.titleEn ?? '',
    descriptionDa: event.descriptionDa,
    descriptionEn: event.descriptionEn ?? '',
    place: event.place,
    lat: event.lat === null ? '' : String(event.lat),
    lon: event.lon === null ? '' : String(event.lon),
    startsAt: toCopenhagenLocal(event.startsAt),
    endsAt: toCopenhagenLocal(event.endsAt),
    areaId: event.areaId === null ? '' : String(event.areaId),
    partnerId: event.partnerId === null ? '' : String(event.partnerId),
    initiativeId: event.initiativeId === null ? '' : String(event.initiativeId),
  };
}

const requiredDateTime = z
  .string()
  .trim()
  .min(1)
  .refine((v) => localDateTime(v) !== null, { error: 'invalidDateTime' });

function eventSchema(known: KnownIds) {
  return z.object({
    kind: z.enum(EVENT_KINDS),
    titleDa: requiredText(LIMITS.title),
    titleEn: optionalText(LIMITS.title),
    descriptionDa: z.string().trim().max(LIMITS.description),
    descriptionEn: optionalText(LIMITS.description),
    place: requiredText(LIMITS.place),
    startsAt: requiredDateTime,
    endsAt: requiredDateTime,
    areaId: optionalKnownId(known.areas),
    partnerId: knownId(known.partners),
    initiativeId: optionalKnownId(known.initiatives ?? new Set()),
  });
}

/** The point's errors: both coordinates or neither, each a number within the map. */
function pointErrors(values: Pick<EventValues, 'lat' | 'lon'>): {
  errors: FieldErrors<'lat' | 'lon'>;
  lat: number | null;
  lon: number | null;
} {
  const errors: FieldErrors<'lat' | 'lon'> = {};
  const lat = decimal(values.lat);
  const lon = decimal(values.lon);
  for (const [field, value] of [['lat', lat], ['lon', lon]] as const) {
    const { min, max } = MAP_BOUNDS[field];
    if (value !== null && Number.isNaN(value)) errors[field] = { code: 'notANumber' };
    else if (value !== null && (value < min || value > max)) errors[field] = { code: 'outsideMap', min, max };
  }
  if (lat === null && lon !== null) errors.lat = { code: 'latLonPair' };
  if (lon === null && lat !== null) errors.lon = { code: 'latLonPair' };
  return { errors, lat, lon };
}

export function parseEvent(values: EventValues, known: KnownIds): FormResult<EventInput, EventField> {
  const result = eventSchema(known).safeParse(values);
  const errors: FieldErrors<EventField> = collectErrors<EventField>(result.error);
  const point = pointErrors(values);
  Object.assign(errors, point.errors);
  const startsAt = localDateTime(values.startsAt);
  const endsAt = localDateTime(values.endsAt);
  if (!errors.endsAt && startsAt && endsAt && endsAt < startsAt) errors.endsAt = { code: 'endTimeBeforeStart' };
  if (!result.success || Object.keys(errors).length > 0 || !startsAt || !endsAt) {
    return { ok: false, errors: inFormOrder(values, errors) };
  }
  return { ok: true, input: { ...result.data, startsAt, endsAt, lat: point.lat, lon: point.lon } };
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

/** The message for a field's error, naming the field by its label. */
export function errorText(m: EditorMessages['errors'], label: string, error: FieldError): string {
  switch (error.code) {
    case 'tooLong':
      return m.tooLong(label, error.max);
    case 'outsideMap':
      return m.outsideMap(label, error.min, error.max);
    default:
      return m[error.code](label);
  }
}

/** The error summary's links: each error's text, pointing at its field (or a group's first checkbox). */
export function errorSummary<F extends string>(
  m: EditorMessages['errors'],
  errors: FieldErrors<F>,
  labels: Record<F, string>,
  ids: (field: F) => string,
): { href: string; text: string }[] {
  return (Object.entries(errors) as [F, FieldError][]).map(([field, error]) => ({
    href: `#${ids(field)}`,
    text: errorText(m, labels[field], error),
  }));
}

/** A route's numeric id (`/staff/initiatives/12`), or null for anything else. */
export function parseId(param: string | undefined): number | null {
  return param !== undefined && /^[1-9]\d{0,8}$/.test(param) ? Number(param) : null;
}
