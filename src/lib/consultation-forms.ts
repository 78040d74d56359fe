/**
 * The editors' forms for consultations (README "Consultations"), as pure
 * rules, in the manner of editor-forms.ts: the consultation itself, one
 * proposed place, and the decisions published after the results. Each form's
 * values are kept as typed so the form can be shown again; a `parse…`
 * function either gives what src/server/consultations/consultations.ts
 * stores or an error per field. Anything outside the allowed sets (an
 * unknown area, initiative, named place, scale, illustration or outcome) is
 * an error, never left to the database to throw.
 */
import { z } from 'zod';
import type { Consultation, ConsultationPlace } from '../../db/schema.ts';
import { CONSULTATION_OUTCOMES, CONSULTATION_SCALES, PROPOSAL_ILLUSTRATIONS, type ConsultationOutcome, type ConsultationScale, type ProposalIllustration } from './domain.ts';
import { collectErrors, errorText as editorErrorText, LIMITS, MAP_BOUNDS, optionalText, requiredDate, requiredText, text, type FieldError as EditorFieldError } from './editor-forms.ts';
import type { EditorMessages } from './i18n/editor-da.ts';
import type { ConsultationsStaffMessages } from './i18n/consultations-staff-da.ts';
import type { NamedPlace } from './places.ts';

/** Longest text accepted per kind of consultation field (characters). */
export const CONSULTATION_LIMITS = {
  title: LIMITS.title,
  summary: LIMITS.summary,
  body: LIMITS.body,
  placeName: LIMITS.place,
  placeDescription: 1_000,
  decisionNote: LIMITS.description,
  reason: 1_000,
} as const;

/** What is wrong with one field: the editors' errors, and the few only these forms have. */
export type ConsultationFieldError = EditorFieldError | { code: 'closesBeforeOpens' } | { code: 'pointRequired' };

export type ConsultationFieldErrors<F extends string> = Partial<Record<F, ConsultationFieldError>>;

export type ConsultationFormResult<T, F extends string> = { ok: true; input: T } | { ok: false; errors: ConsultationFieldErrors<F> };

/** The message for a field's error, naming the field by its label, in the staff member's language. */
export function consultationErrorText(e: EditorMessages['errors'], m: ConsultationsStaffMessages['errors'], label: string, error: ConsultationFieldError): string {
  switch (error.code) {
    case 'closesBeforeOpens':
      return m.closesBeforeOpens(label);
    case 'pointRequired':
      return m.pointRequired(label);
    default:
      return editorErrorText(e, label, error);
  }
}

/** The error summary's links, each pointing at its field. */
export function consultationErrorSummary<F extends string>(
  e: EditorMessages['errors'],
  m: ConsultationsStaffMessages['errors'],
  errors: ConsultationFieldErrors<F>,
  label: (field: F) => string,
  id: (field: F) => string,
): { href: string; text: string }[] {
  return (Object.entries(errors) as [F, ConsultationFieldError][]).map(([field, error]) => ({ href: `#${id(field)}`, text: consultationErrorText(e, m, label(field), error) }));
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

const knownId = (known: ReadonlySet<number>) =>
  z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,8}$/)
    .transform(Number)
    .refine((id) => known.has(id));
const optionalKnownId = (known: ReadonlySet<number>) => z.union([z.literal('').transform(() => null), knownId(known)]);

/** Errors in the order the fields appear in the form (the order of `order`). */
function inFormOrder<F extends string>(order: readonly F[], errors: ConsultationFieldErrors<F>): ConsultationFieldErrors<F> {
  const ordered: ConsultationFieldErrors<F> = {};
  for (const field of order) if (errors[field]) ordered[field] = errors[field];
  return ordered;
}

/** A decimal number as typed in Danish or English ("55,69" or "55.69"); null when empty, NaN when not a number. */
function decimal(value: string): number | null {
  const v = value.trim().replace(',', '.');
  if (v === '') return null;
  return /^-?\d{1,3}(\.\d{1,15})?$/.test(v) ? Number(v) : Number.NaN;
}

// ---------------------------------------------------------------------------
// The consultation
// ---------------------------------------------------------------------------

/** What a valid consultation form gives createConsultation / updateConsultation (the server's ConsultationInput). */
export interface ConsultationFormInput {
  titleDa: string;
  titleEn: string | null;
  summaryDa: string;
  summaryEn: string | null;
  bodyDa: string;
  bodyEn: string | null;
  areaId: number;
  initiativeId: number | null;
  scale: ConsultationScale;
  opensOn: string;
  closesOn: string;
}

export interface ConsultationValues {
  titleDa: string;
  titleEn: string;
  summaryDa: string;
  summaryEn: string;
  bodyDa: string;
  bodyEn: string;
  areaId: string;
  initiativeId: string;
  scale: string;
  opensOn: string;
  closesOn: string;
}
export type ConsultationField = keyof ConsultationValues;

export const CONSULTATION_FIELDS: readonly ConsultationField[] = ['titleDa', 'titleEn', 'summaryDa', 'summaryEn', 'bodyDa', 'bodyEn', 'areaId', 'initiativeId', 'scale', 'opensOn', 'closesOn'];

/** The ids the consultation form may refer to: areas in use (plus the consultation's own, when editing) and initiatives. */
export interface ConsultationKnown {
  areas: ReadonlySet<number>;
  initiatives: ReadonlySet<number>;
}

export function readConsultationValues(form: FormData): ConsultationValues {
  const values = {} as ConsultationValues;
  for (const field of CONSULTATION_FIELDS) values[field] = text(form, field);
  return values;
}

/** An empty form: for/against/no opinion, open from `today` for three weeks. */
export function newConsultationValues(today: string): ConsultationValues {
  const closes = new Date(`${today}T12:00:00Z`);
  closes.setUTCDate(closes.getUTCDate() + 20);
  return { titleDa: '', titleEn: '', summaryDa: '', summaryEn: '', bodyDa: '', bodyEn: '', areaId: '', initiativeId: '', scale: 'stance', opensOn: today, closesOn: closes.toISOString().slice(0, 10) };
}

export function consultationValues(c: Consultation): ConsultationValues {
  return {
    titleDa: c.titleDa,
    titleEn: c.titleEn ?? '',
    summaryDa: c.summaryDa,
    summaryEn: c.summaryEn ?? '',
    bodyDa: c.bodyDa,
    bodyEn: c.bodyEn ?? '',
    areaId: String(c.areaId),
    initiativeId: c.initiativeId === null ? '' : String(c.initiativeId),
    scale: c.scale,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
  };
}

function consultationSchema(known: ConsultationKnown) {
  return z.object({
    titleDa: requiredText(CONSULTATION_LIMITS.title),
    titleEn: optionalText(CONSULTATION_LIMITS.title),
    summaryDa: requiredText(CONSULTATION_LIMITS.summary),
    summaryEn: optionalText(CONSULTATION_LIMITS.summary),
    bodyDa: z.string().trim().max(CONSULTATION_LIMITS.body),
    bodyEn: optionalText(CONSULTATION_LIMITS.body),
    areaId: knownId(known.areas),
    initiativeId: optionalKnownId(known.initiatives),
    scale: z.enum(CONSULTATION_SCALES),
    opensOn: requiredDate,
    closesOn: requiredDate,
  });
}

export function parseConsultation(values: ConsultationValues, known: ConsultationKnown): ConsultationFormResult<ConsultationFormInput, ConsultationField> {
  const result = consultationSchema(known).safeParse(values);
  const errors: ConsultationFieldErrors<ConsultationField> = collectErrors<ConsultationField>(result.error);
  // Apart from the schema, so it shows together with any other error.
  const opensOn = values.opensOn.trim();
  const closesOn = values.closesOn.trim();
  if (!errors.opensOn && !errors.closesOn && closesOn < opensOn) errors.closesOn = { code: 'closesBeforeOpens' };
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors: inFormOrder(CONSULTATION_FIELDS, errors) };
  return { ok: true, input: result.data };
}

// ---------------------------------------------------------------------------
// A proposed place
// ---------------------------------------------------------------------------

/** What a valid place form gives addConsultationPlace / updateConsultationPlace (the server's PlaceInput). */
export interface PlaceFormInput {
  nameDa: string;
  nameEn: string | null;
  descriptionDa: string;
  descriptionEn: string | null;
  lat: number;
  lon: number;
  illustration: ProposalIllustration | null;
}

export interface PlaceValues {
  nameDa: string;
  nameEn: string;
  descriptionDa: string;
  descriptionEn: string;
  /** The id of a named place (its point is used), or '' to give the point as coordinates. */
  namedPlace: string;
  lat: string;
  lon: string;
  illustration: string;
}
export type PlaceField = keyof PlaceValues;

export const PLACE_FIELDS: readonly PlaceField[] = ['nameDa', 'nameEn', 'descriptionDa', 'descriptionEn', 'namedPlace', 'lat', 'lon', 'illustration'];

export function readPlaceValues(form: FormData): PlaceValues {
  const values = {} as PlaceValues;
  for (const field of PLACE_FIELDS) values[field] = text(form, field);
  return values;
}

export function newPlaceValues(): PlaceValues {
  return { nameDa: '', nameEn: '', descriptionDa: '', descriptionEn: '', namedPlace: '', lat: '', lon: '', illustration: '' };
}

/**
 * A stored place's form. Its point is shown as coordinates (exactly as
 * stored, so that saving the words again does not move it), and the named
 * place is chosen when the point is exactly one's.
 */
export function placeValues(p: ConsultationPlace, named: readonly NamedPlace[] = []): PlaceValues {
  const same = named.find((n) => n.lat === p.lat && n.lon === p.lon);
  return {
    nameDa: p.nameDa,
    nameEn: p.nameEn ?? '',
    descriptionDa: p.descriptionDa,
    descriptionEn: p.descriptionEn ?? '',
    namedPlace: same?.id ?? '',
    lat: String(p.lat),
    lon: String(p.lon),
    illustration: p.illustration ?? '',
  };
}

const placeSchema = z.object({
  nameDa: requiredText(CONSULTATION_LIMITS.placeName),
  nameEn: optionalText(CONSULTATION_LIMITS.placeName),
  descriptionDa: requiredText(CONSULTATION_LIMITS.placeDescription),
  descriptionEn: optionalText(CONSULTATION_LIMITS.placeDescription),
  illustration: z.union([z.literal('').transform(() => null), z.enum(PROPOSAL_ILLUSTRATIONS)]),
});

/**
 * A proposed place's form. The point is a named place's (chosen from the
 * admins' list of places in use, `named`; the coordinates are then not read)
 * or both coordinates, each a number within the map (MAP_BOUNDS).
 */
export function parsePlace(values: PlaceValues, named: readonly NamedPlace[]): ConsultationFormResult<PlaceFormInput, PlaceField> {
  const result = placeSchema.safeParse(values);
  const errors: ConsultationFieldErrors<PlaceField> = collectErrors<PlaceField>(result.error);
  let point: { lat: number; lon: number } | undefined;
  const namedId = values.namedPlace.trim();
  if (namedId !== '') {
    const place = named.find((p) => p.id === namedId && !p.retired);
    if (place) point = { lat: place.lat, lon: place.lon };
    else errors.namedPlace = { code: 'invalidChoice' };
  } else {
    const lat = decimal(values.lat);
    const lon = decimal(values.lon);
    for (const [field, value] of [
      ['lat', lat],
      ['lon', lon],
    ] as const) {
      const { min, max } = MAP_BOUNDS[field];
      if (value === null) errors[field] = { code: 'pointRequired' };
      else if (Number.isNaN(value)) errors[field] = { code: 'notANumber' };
      else if (value < min || value > max) errors[field] = { code: 'outsideMap', min, max };
    }
    if (lat !== null && lon !== null && !errors.lat && !errors.lon) point = { lat, lon };
  }
  if (!result.success || Object.keys(errors).length > 0 || !point) return { ok: false, errors: inFormOrder(PLACE_FIELDS, errors) };
  return { ok: true, input: { ...result.data, ...point } };
}

// ---------------------------------------------------------------------------
// The decisions ("what we heard and what we decided")
// ---------------------------------------------------------------------------

/** The form field of a place's outcome and reasons. */
export const outcomeField = (placeId: number): string => `outcome-${placeId}`;
export const reasonDaField = (placeId: number): string => `reasonDa-${placeId}`;
export const reasonEnField = (placeId: number): string => `reasonEn-${placeId}`;

export interface DecisionValues {
  noteDa: string;
  noteEn: string;
  places: { placeId: number; outcome: string; reasonDa: string; reasonEn: string }[];
}

/** What a valid decisions form gives publishDecisions. */
export interface DecisionsFormInput {
  noteDa: string;
  noteEn: string | null;
  places: { placeId: number; outcome: ConsultationOutcome; reasonDa: string; reasonEn: string | null }[];
}

/** `noteDa`, `noteEn`, or a place's field (`outcome-12`, `reasonDa-12`, `reasonEn-12`): also the field's id on the page. */
export type DecisionField = string;

/** Reads the note and, for this consultation's places only (in their order), the outcome and reasons; any other field is ignored. */
export function readDecisionValues(form: FormData, placeIds: readonly number[]): DecisionValues {
  return {
    noteDa: text(form, 'noteDa'),
    noteEn: text(form, 'noteEn'),
    places: placeIds.map((placeId) => ({
      placeId,
      outcome: text(form, outcomeField(placeId)),
      reasonDa: text(form, reasonDaField(placeId)),
      reasonEn: text(form, reasonEnField(placeId)),
    })),
  };
}

/** The form as published (or empty before the first publication). */
export function decisionValues(c: Pick<Consultation, 'decisionDa' | 'decisionEn'>, places: readonly Pick<ConsultationPlace, 'id' | 'outcome' | 'reasonDa' | 'reasonEn'>[]): DecisionValues {
  return {
    noteDa: c.decisionDa ?? '',
    noteEn: c.decisionEn ?? '',
    places: places.map((p) => ({ placeId: p.id, outcome: p.outcome ?? '', reasonDa: p.reasonDa ?? '', reasonEn: p.reasonEn ?? '' })),
  };
}

const noteSchema = z.object({ noteDa: requiredText(CONSULTATION_LIMITS.decisionNote), noteEn: optionalText(CONSULTATION_LIMITS.decisionNote) });
const decisionSchema = z.object({
  outcome: z.enum(CONSULTATION_OUTCOMES),
  reasonDa: requiredText(CONSULTATION_LIMITS.reason),
  reasonEn: optionalText(CONSULTATION_LIMITS.reason),
});

/** Every place needs an outcome and a Danish reason; the note in Danish is required. */
export function parseDecisions(values: DecisionValues): ConsultationFormResult<DecisionsFormInput, DecisionField> {
  const errors: ConsultationFieldErrors<DecisionField> = {};
  const note = noteSchema.safeParse(values);
  Object.assign(errors, collectErrors<DecisionField>(note.error));
  const places: DecisionsFormInput['places'] = [];
  for (const p of values.places) {
    const parsed = decisionSchema.safeParse(p);
    if (parsed.success) {
      places.push({ placeId: p.placeId, ...parsed.data });
      continue;
    }
    const own = collectErrors<'outcome' | 'reasonDa' | 'reasonEn'>(parsed.error);
    // An empty choice is a missing answer, not a foreign one.
    if (own.outcome && p.outcome.trim() === '') own.outcome = { code: 'required' };
    if (own.outcome) errors[outcomeField(p.placeId)] = own.outcome;
    if (own.reasonDa) errors[reasonDaField(p.placeId)] = own.reasonDa;
    if (own.reasonEn) errors[reasonEnField(p.placeId)] = own.reasonEn;
  }
  const order = ['noteDa', 'noteEn', ...values.places.flatMap((p) => [outcomeField(p.placeId), reasonDaField(p.placeId), reasonEnField(p.placeId)])];
  if (!note.success || Object.keys(errors).length > 0) return { ok: false, errors: inFormOrder(order, errors) };
  return { ok: true, input: { noteDa: note.data.noteDa, noteEn: note.data.noteEn, places } };
}

/** The label of a decision field, for its error: the field's own label, with the place's number for a place's field. */
export function decisionFieldOf(field: DecisionField): { kind: 'noteDa' | 'noteEn' | 'outcome' | 'reasonDa' | 'reasonEn'; placeId: number | null } {
  const m = /^(outcome|reasonDa|reasonEn)-(\d+)$/.exec(field);
  if (m) return { kind: m[1] as 'outcome' | 'reasonDa' | 'reasonEn', placeId: Number(m[2]) };
  return { kind: field === 'noteEn' ? 'noteEn' : 'noteDa', placeId: null };
}
