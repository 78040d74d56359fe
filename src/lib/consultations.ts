/**
 * Consultations on proposed measures, as pure rules: when a consultation is
 * open, which answers a place offers, how a resident's answer is read and
 * checked, and how its results are released through the disclosure engine.
 * The I/O is in src/server/consultations/.
 */
import { addKeys, suppressRow, suppressTable, type Cell, type Row, type SuppressedTable } from './disclosure/index.ts';
import { normaliseCode } from './survey/codes.ts';
import { REPORTER_TYPES, type ConsultationScale, type ReporterType, type Stance } from './domain.ts';

/** The answers a place offers on each scale, in the order they are shown. */
export const SCALE_STANCES: Record<ConsultationScale, readonly Stance[]> = {
  stance: ['for', 'against', 'no_opinion'],
  five: ['very_good', 'good', 'neutral', 'bad', 'very_bad'],
};

/** The longest comment on one place (characters, before masking). */
export const PLACE_COMMENT_MAX = 1000;

/** The most places a consultation can propose (the form stays answerable on a phone). */
export const PLACES_MAX = 20;

export type ConsultationPhase = 'upcoming' | 'open' | 'closed';

/** Where a consultation stands on a Copenhagen day (YYYY-MM-DD): both its first and last day are open. */
export function consultationPhase(c: { opensOn: string; closesOn: string }, today: string): ConsultationPhase {
  if (today < c.opensOn) return 'upcoming';
  return today > c.closesOn ? 'closed' : 'open';
}

/** The form field of a place's stance and of its comment. */
export const stanceField = (placeId: number): string => `stance-${placeId}`;
export const commentField = (placeId: number): string => `comment-${placeId}`;

/**
 * What a resident sent, kept as typed so the form can be shown again:
 * who they are, and per place the stance and the comment.
 */
export interface ResponseValues {
  respondent: string;
  /** The invitation code as typed ('' for none). */
  code: string;
  stances: Record<number, string>;
  comments: Record<number, string>;
}

export type ResponseError =
  /** Who answered was not said. */
  | 'respondentMissing'
  /** Not one place has a stance. */
  | 'nothingAnswered'
  /** A comment over PLACE_COMMENT_MAX. */
  | 'commentTooLong'
  /** An invitation code that cannot be one (wrong length or characters). */
  | 'codeInvalid'
  /** A well-formed code this consultation did not send (checked when storing). */
  | 'codeUnknown'
  /** A code already used (checked when storing). */
  | 'codeUsed';

/**
 * A form that no page of ours can send: a place that is not this
 * consultation's, a stance or respondent outside the allowed set. Answered
 * 400 with a plain message, and nothing is stored.
 */
export type ResponseRefusal = 'unknownPlace' | 'badStance' | 'badRespondent';

export interface ValidResponse {
  respondent: ReporterType;
  /** The invitation code, normalised; null or absent when none was given. */
  code?: string | null;
  stances: { placeId: number; stance: Stance }[];
  comments: { placeId: number; body: string }[];
}

export type ParsedResponse =
  | { ok: true; response: ValidResponse }
  | { ok: false; refused: ResponseRefusal }
  | { ok: false; refused?: undefined; values: ResponseValues; errors: { form?: ResponseError; respondent?: ResponseError; code?: ResponseError; places: Record<number, ResponseError> } };

const FIELD = /^(stance|comment)-(\d{1,12})$/;

/** Reads a resident's answer from the posted form. Unknown fields (the honeypot, the CSRF token) are left to the caller. */
export function readResponse(form: FormData): ResponseValues {
  const code = form.get('code');
  const values: ResponseValues = { respondent: String(form.get('respondent') ?? ''), code: typeof code === 'string' ? code.trim().slice(0, 40) : '', stances: {}, comments: {} };
  for (const [name, value] of form.entries()) {
    const m = FIELD.exec(name);
    if (!m || typeof value !== 'string') continue;
    const placeId = Number(m[2]);
    if (m[1] === 'stance') values.stances[placeId] = value;
    else values.comments[placeId] = value;
  }
  return values;
}

/**
 * Checks an answer against the consultation's places and scale. A stance
 * left empty means "I skip this place"; at least one place must be answered.
 * A comment is kept only on a place with a stance or on its own (a comment
 * without a stance is a comment all the same).
 */
export function parseResponse(values: ResponseValues, placeIds: readonly number[], scale: ConsultationScale): ParsedResponse {
  const known = new Set(placeIds);
  for (const id of [...Object.keys(values.stances), ...Object.keys(values.comments)].map(Number)) {
    if (!known.has(id)) return { ok: false, refused: 'unknownPlace' };
  }
  const allowed = SCALE_STANCES[scale];
  for (const value of Object.values(values.stances)) {
    if (value !== '' && !allowed.includes(value as Stance)) return { ok: false, refused: 'badStance' };
  }
  if (values.respondent !== '' && !(REPORTER_TYPES as readonly string[]).includes(values.respondent)) return { ok: false, refused: 'badRespondent' };

  const errors: { form?: ResponseError; respondent?: ResponseError; code?: ResponseError; places: Record<number, ResponseError> } = { places: {} };
  if (values.respondent === '') errors.respondent = 'respondentMissing';
  const code = values.code === '' ? null : normaliseCode(values.code);
  if (values.code !== '' && code === null) errors.code = 'codeInvalid';
  const stances = placeIds.filter((id) => (values.stances[id] ?? '') !== '').map((placeId) => ({ placeId, stance: values.stances[placeId] as Stance }));
  if (stances.length === 0) errors.form = 'nothingAnswered';
  const comments: { placeId: number; body: string }[] = [];
  for (const placeId of placeIds) {
    const body = (values.comments[placeId] ?? '').trim();
    if (body.length > PLACE_COMMENT_MAX) errors.places[placeId] = 'commentTooLong';
    else if (body !== '') comments.push({ placeId, body });
  }
  if (errors.form || errors.respondent || errors.code || Object.keys(errors.places).length > 0) return { ok: false, values, errors };
  return { ok: true, response: { respondent: values.respondent as ReporterType, code, stances, comments } };
}

// ---------------------------------------------------------------------------
// Results, released once through the disclosure engine
// ---------------------------------------------------------------------------

/** One place's stance counts by who answered, true counts with their cell keys (never published as they are). */
export interface PlaceCounts {
  placeId: number;
  /** Per respondent type and stance: the count and the sum of its records' keys. */
  cells: Map<`${ReporterType}|${Stance}`, { n: number; ck: number }>;
}

/**
 * How finely a place's answers are broken down by who answered: by each
 * respondent type, by residents and everyone else, or not at all.
 */
export const BREAKDOWNS = ['respondent', 'residents_others', 'none'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** A row of a place's table: a respondent type, `others` (everyone but residents) or `everyone`. */
export type RespondentGroup = ReporterType | 'others' | 'everyone';

/** What a consultation's release publishes: only figures that passed the engine. */
export interface ConsultationRelease {
  version: 1;
  /** The privacy threshold the figures were released with. */
  k: number;
  /** How many answered, by who they are. */
  responses: Row<ReporterType>;
  /** Per place: who answered × stance, with row, column and grand totals, at the finest breakdown that keeps the stance totals shown. */
  places: { placeId: number; breakdown: Breakdown; table: SuppressedTable<RespondentGroup, Stance> }[];
}

const GROUPS: Record<Breakdown, { key: RespondentGroup; members: readonly ReporterType[] }[]> = {
  respondent: REPORTER_TYPES.map((t) => ({ key: t, members: [t] })),
  residents_others: [
    { key: 'resident', members: ['resident'] },
    { key: 'others', members: REPORTER_TYPES.filter((t) => t !== 'resident') },
  ],
  none: [{ key: 'everyone', members: REPORTER_TYPES }],
};

/** The respondent types a row of a place's table counts. */
export function groupMembers(key: RespondentGroup): readonly ReporterType[] {
  return key === 'others' ? GROUPS.residents_others[1]!.members : key === 'everyone' ? REPORTER_TYPES : [key];
}

/** One place's table at a breakdown, through suppressTable. */
function placeTable(p: PlaceCounts, stances: readonly Stance[], breakdown: Breakdown, k: number): SuppressedTable<RespondentGroup, Stance> {
  return suppressTable(
    GROUPS[breakdown].map((g) => ({
      key: g.key,
      cells: stances.map((stance) => {
        let n = 0;
        let ck = 0;
        for (const t of g.members) {
          const c = p.cells.get(`${t}|${stance}`);
          if (c) {
            n += c.n;
            ck = addKeys(ck, c.ck);
          }
        }
        return { key: stance, n, ck };
      }),
    })),
    k,
  );
}

/**
 * The figures a closed consultation publishes. Every response and every
 * answer about a place is its own record with its own random key, so each
 * figure is a sum over records no other figure counts the same way, and the
 * release is made once: the same figure never appears twice with different
 * noise (a stance total has the same key at every breakdown, since it
 * counts the same records). Each place's table goes through suppressTable (a
 * cell below K is hidden with enough of its lines that it cannot be worked
 * out from the totals), the responses through suppressRow.
 *
 * The stance totals per place are what a steering group reads first, and
 * suppressing a small group's cell can take a stance total down with it.
 * So each place is published at the finest breakdown (by respondent type,
 * then residents and everyone else, then none) whose stance totals are
 * shown wherever they are shown without a breakdown. Only one breakdown of
 * a place is ever published.
 */
export function releaseConsultation(
  scale: ConsultationScale,
  responses: readonly { respondent: ReporterType; n: number; ck: number }[],
  places: readonly PlaceCounts[],
  k: number,
): ConsultationRelease {
  const responseCells: Cell<ReporterType>[] = REPORTER_TYPES.map((key) => {
    const found = responses.find((r) => r.respondent === key);
    return { key, n: found?.n ?? 0, ck: found?.ck ?? 0 };
  });
  const stances = SCALE_STANCES[scale];
  return {
    version: 1,
    k,
    responses: suppressRow(responseCells, k),
    places: places.map((p) => {
      const plain = placeTable(p, stances, 'none', k);
      const keepsTotals = (t: SuppressedTable<RespondentGroup, Stance>) =>
        t.total.suppressed === plain.total.suppressed && t.columnTotals.every((c, j) => c.suppressed === plain.columnTotals[j]!.suppressed);
      for (const breakdown of ['respondent', 'residents_others'] as const) {
        const table = placeTable(p, stances, breakdown, k);
        if (keepsTotals(table)) return { placeId: p.placeId, breakdown, table };
      }
      return { placeId: p.placeId, breakdown: 'none' as const, table: plain };
    }),
  };
}

/**
 * A place's published stance totals (the table's column totals) with each
 * one's share of the published total, for the results' summary line. A
 * suppressed total gives no shares. Shares come from published (perturbed)
 * counts: README "Consultations" states how far they can be from the truth.
 */
export function stanceSummary(table: SuppressedTable<RespondentGroup, Stance>): { total: number | null; stances: { stance: Stance; n: number | null; share: number | null }[] } {
  const total = table.total.suppressed ? null : table.total.n;
  return {
    total,
    stances: table.columnTotals.map((c) => {
      const n = c.suppressed ? null : c.n;
      return { stance: c.key, n, share: n === null || total === null || total === 0 ? null : n / total };
    }),
  };
}
