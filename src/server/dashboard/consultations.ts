/**
 * The dashboard's consultation overview (/staff/dashboard/consultations) and
 * its exports (README "The authority dashboard"): per consultation its area,
 * days, phase, the released figures per place by stance and by who answered,
 * the decisions, and how many of its comments wait for moderation.
 *
 * Privacy: every figure here is read from the consultation's stored release
 * (consultationResults in src/server/consultations/consultations.ts), which
 * went through the disclosure engine once when the consultation closed; the
 * raw answers were deleted then. Nothing here counts answers. While a
 * consultation is open, staff see what residents see, the engine's
 * "answered so far" (openResponseCount), and nothing else: no breakdown, no
 * comment count, since either could be followed answer by answer. A
 * suppressed figure is SUPPRESSED ("too few responses" on the page and in
 * CSV, `{"suppressed": true}` in JSON, null with a `…_suppressed: true` flag
 * in GeoJSON), never 0 or blank; blank means "not applicable".
 */
import { asc } from 'drizzle-orm';
import { areas, REPORTER_TYPES, STANCES, type Area, type Consultation, type ConsultationPlace, type ReporterType, type Stance } from '../../../db/schema.ts';
import { consultationPhase, SCALE_STANCES, type RespondentGroup } from '../../lib/consultations.ts';
import type { Row, ShownCell, ShownTotal, SuppressedTable } from '../../lib/disclosure/index.ts';
import { SUPPRESSED, type DataTable, type TableValue } from '../../lib/data-table.ts';
import { messages, staffLocaleOf, type Locale } from '../../lib/i18n/index.ts';
import { copenhagenDay } from '../../lib/time.ts';
import { countPendingConsultationComments } from '../content/comments.ts';
import { consultationResults, findConsultation, listAllConsultations, openResponseCount } from '../consultations/consultations.ts';
import type { Queryable } from '../db/connection.ts';
import type { GeoJsonBuilder, TableBuilder, TableContext } from './tables.ts';

/** Where a consultation stands for staff: a draft, its public phase, or released (closed with its figures published). */
export type OverviewPhase = 'draft' | 'upcoming' | 'open' | 'closed' | 'released';

export interface PlaceResult {
  place: ConsultationPlace;
  /** The place's published table (who answered × stance with totals); undefined before the release. */
  table: SuppressedTable<RespondentGroup, Stance> | undefined;
}

export interface ConsultationOverview {
  consultation: Consultation;
  area: Area;
  phase: OverviewPhase;
  /** The answers its places offer, in order. */
  stances: readonly Stance[];
  /** Only while open: the public "answered so far" (undefined: too few to show). */
  open?: { count: number | undefined };
  /** Once released: when, with which K, and how many answered by who they are. */
  release?: { madeOn: string; k: number; responses: Row<ReporterType> };
  places: PlaceResult[];
  /** Comments on its places waiting for moderation; null until it has closed (see the module comment). */
  commentsWaiting: number | null;
}

/** The phase of a consultation for staff on a Copenhagen day. */
export function overviewPhase(c: Pick<Consultation, 'state' | 'releaseId' | 'opensOn' | 'closesOn'>, today: string): OverviewPhase {
  if (c.releaseId !== null) return 'released';
  if (c.state !== 'published') return 'draft';
  return consultationPhase(c, today);
}

/**
 * Every consultation (or the one with `onlyId`), newest closing day first,
 * with what staff may see of it. Figures come from the stored release only.
 */
export async function consultationOverview(db: Queryable, k: number, options: { today?: string; onlyId?: number } = {}): Promise<ConsultationOverview[]> {
  const today = options.today ?? copenhagenDay();
  const all = (await listAllConsultations(db)).filter((c) => options.onlyId === undefined || c.id === options.onlyId);
  const closedIds = all.filter((c) => ['closed', 'released'].includes(overviewPhase(c, today))).map((c) => c.id);
  const waiting = await countPendingConsultationComments(db, closedIds);
  const out: ConsultationOverview[] = [];
  for (const c of all) {
    const detail = await findConsultation(db, c.id);
    if (!detail) continue;
    const phase = overviewPhase(c, today);
    const results = phase === 'released' ? await consultationResults(db, c) : undefined;
    const tables = new Map(results?.release.places.map((p) => [p.placeId, p.table]) ?? []);
    out.push({
      consultation: c,
      area: detail.area,
      phase,
      stances: SCALE_STANCES[c.scale],
      ...(phase === 'open' ? { open: { count: await openResponseCount(db, c.id, k) } } : {}),
      ...(results ? { release: { madeOn: results.madeOn, k: results.release.k, responses: results.release.responses } } : {}),
      places: detail.places.map((place) => ({ place, table: tables.get(place.id) })),
      commentsWaiting: phase === 'closed' || phase === 'released' ? (waiting.get(c.id) ?? 0) : null,
    });
  }
  return out;
}

/** The overview grouped by area, in the areas' display order (areas without consultations left out). */
export async function overviewByArea(db: Queryable, overview: readonly ConsultationOverview[]): Promise<{ area: Area; consultations: ConsultationOverview[] }[]> {
  const ordered = await db.select().from(areas).orderBy(asc(areas.displayOrder), asc(areas.id));
  return ordered
    .map((area) => ({ area, consultations: overview.filter((o) => o.area.id === area.id) }))
    .filter((g) => g.consultations.length > 0);
}

// ---------------------------------------------------------------------------
// Tables (the page renders them; the exports are the same tables)
// ---------------------------------------------------------------------------

const value = (x: ShownCell | ShownTotal | undefined): TableValue => (x === undefined ? null : x.suppressed ? SUPPRESSED : x.n);
const title = (locale: Locale, x: { titleDa: string; titleEn: string | null }): string => (locale === 'en' && x.titleEn ? x.titleEn : x.titleDa);
const name = (locale: Locale, x: { nameDa: string; nameEn: string | null }): string => (locale === 'en' && x.nameEn ? x.nameEn : x.nameDa);

/** One row per consultation: its days, phase, answers (so far while open; by who answered once released), decisions and comments waiting. */
export function overviewTable(overview: readonly ConsultationOverview[], locale: Locale): DataTable {
  const m = messages(staffLocaleOf(locale)).dashboard.consultations;
  return {
    id: 'consultations',
    title: m.overviewTable,
    columns: [
      { key: 'consultation', label: m.columns.consultation },
      { key: 'area', label: m.columns.area },
      { key: 'opensOn', label: m.columns.opensOn },
      { key: 'closesOn', label: m.columns.closesOn },
      { key: 'phase', label: m.columns.phase },
      { key: 'openCount', label: m.columns.openCount, kind: 'count' },
      ...REPORTER_TYPES.map((r) => ({ key: r, label: m.respondents[r], kind: 'count' as const })),
      { key: 'responses', label: m.columns.responses, kind: 'count' },
      { key: 'releasedOn', label: m.columns.releasedOn },
      { key: 'decidedOn', label: m.columns.decidedOn },
      { key: 'commentsWaiting', label: m.columns.commentsWaiting, kind: 'count' },
    ],
    rows: overview.map((o) => ({
      consultation: title(locale, o.consultation),
      area: name(locale, o.area),
      opensOn: o.consultation.opensOn,
      closesOn: o.consultation.closesOn,
      phase: m.phase[o.phase],
      openCount: o.open ? (o.open.count === undefined ? SUPPRESSED : o.open.count) : null,
      ...Object.fromEntries(REPORTER_TYPES.map((r) => [r, value(o.release?.responses.cells.find((c) => c.key === r))])),
      responses: value(o.release?.responses.total),
      releasedOn: o.release?.madeOn ?? null,
      decidedOn: o.consultation.decidedOn,
      commentsWaiting: o.commentsWaiting,
    })),
    note: m.note,
  };
}

/**
 * The released figures per place: for each place a row per respondent type
 * and one for all of them (the table's column totals), with a column per
 * stance and the total. Consultations on different scales share the union
 * of their stances; a stance a scale does not offer is blank (not
 * applicable). Unreleased consultations have no rows.
 */
export function resultsTable(overview: readonly ConsultationOverview[], locale: Locale): DataTable {
  const m = messages(staffLocaleOf(locale)).dashboard.consultations;
  const released = overview.filter((o) => o.release);
  const used = STANCES.filter((s) => released.some((o) => o.stances.includes(s)));
  const stances = used.length > 0 ? used : STANCES.filter((s) => overview.some((o) => o.stances.includes(s)));
  const rows: Record<string, TableValue>[] = [];
  for (const o of released) {
    for (const { place, table } of o.places) {
      if (!table) continue;
      const base = { consultation: title(locale, o.consultation), area: name(locale, o.area), placeNumber: place.position, place: name(locale, place) };
      const stanceValues = (cells: readonly ShownCell<Stance>[]): Record<string, TableValue> =>
        Object.fromEntries(stances.map((s) => [s, o.stances.includes(s) ? value(cells.find((c) => c.key === s)) : null]));
      // With no breakdown the one row is the column totals' row below.
      for (const row of table.rows.filter((r) => r.key !== 'everyone')) rows.push({ ...base, respondent: row.key === 'everyone' ? m.allRespondents : row.key === 'others' ? m.otherRespondents : m.respondents[row.key], ...stanceValues(row.cells), total: value(row.total) });
      rows.push({ ...base, respondent: m.allRespondents, ...stanceValues(table.columnTotals), total: value(table.total), outcome: place.outcome ? m.outcomes[place.outcome] : null });
    }
  }
  return {
    id: 'consultation-results',
    title: released.length === 1 ? `${m.resultsTable}: ${title(locale, released[0]!.consultation)}` : m.resultsTable,
    columns: [
      { key: 'consultation', label: m.columns.consultation },
      { key: 'area', label: m.columns.area },
      { key: 'placeNumber', label: m.columns.placeNumber, kind: 'count' },
      { key: 'place', label: m.columns.place },
      { key: 'respondent', label: m.columns.respondent },
      ...stances.map((s) => ({ key: s, label: m.stances[s], kind: 'count' as const })),
      { key: 'total', label: m.columns.total, kind: 'count' },
      { key: 'outcome', label: m.columns.outcome },
    ],
    rows,
    note: m.note,
  };
}

/**
 * The places as GeoJSON points (longitude, latitude), each with its
 * consultation and, once released, every published figure of its table as a
 * property: `<respondent>_<stance>`, `<respondent>_total`, `all_<stance>`
 * and `all_total`. A suppressed figure is null with `<figure>_suppressed:
 * true`; a shown one has `_suppressed: false`. Before the release there are
 * no figure properties at all (`released: false`).
 */
export function placesGeoJson(overview: readonly ConsultationOverview[], locale: Locale): object {
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  const figure = (key: string, x: ShownCell | ShownTotal): Record<string, number | boolean | null> => ({ [key]: x.suppressed ? null : x.n, [`${key}_suppressed`]: x.suppressed });
  return {
    type: 'FeatureCollection',
    features: overview.flatMap((o) =>
      o.places.map(({ place, table }) => ({
        type: 'Feature',
        id: place.id,
        geometry: { type: 'Point', coordinates: [round(place.lon), round(place.lat)] },
        properties: {
          consultation: o.consultation.slug,
          consultation_title: title(locale, o.consultation),
          area: o.area.slug,
          opens_on: o.consultation.opensOn,
          closes_on: o.consultation.closesOn,
          phase: o.phase,
          place: place.position,
          name: name(locale, place),
          outcome: place.outcome,
          released: table !== undefined,
          released_on: table ? (o.release?.madeOn ?? null) : null,
          ...(table
            ? Object.assign(
                {},
                ...table.rows.flatMap((row) => [...row.cells.map((c) => figure(`${row.key}_${c.key}`, c)), figure(`${row.key}_total`, row.total)]),
                ...table.columnTotals.map((c) => figure(`all_${c.key}`, c)),
                figure('all_total', table.total),
              )
            : {}),
        },
      })),
    ),
  };
}

/** `hoering=<id>` picks one consultation; anything else that is not a whole number names nothing (404). */
function chosenId(params: URLSearchParams): number | undefined | null {
  const raw = params.get('hoering');
  if (raw === null || raw === '') return undefined;
  return /^\d{1,12}$/.test(raw) ? Number(raw) : null;
}

async function overviewFor(ctx: TableContext): Promise<ConsultationOverview[] | undefined> {
  const id = chosenId(ctx.params);
  if (id === null) return undefined;
  const overview = await consultationOverview(ctx.db, ctx.k, id === undefined ? {} : { onlyId: id });
  return id !== undefined && overview.length === 0 ? undefined : overview;
}

/** The page's tables by id, for the export endpoint; built exactly as the page builds them. */
export const tables: Record<string, TableBuilder> = {
  consultations: async (ctx) => {
    const o = await overviewFor(ctx);
    return o && overviewTable(o, ctx.locale);
  },
  'consultation-results': async (ctx) => {
    const o = await overviewFor(ctx);
    return o && resultsTable(o, ctx.locale);
  },
};

/** The places with their published figures, as GeoJSON. */
export const geojson: Record<string, GeoJsonBuilder> = {
  'consultation-results': async (ctx) => {
    const o = await overviewFor(ctx);
    return o && placesGeoJson(o, ctx.locale);
  },
};
