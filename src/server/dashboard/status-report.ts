/**
 * The annual status report (/staff/report/<year>): everything the partnership
 * did and measured in one calendar year, assembled from the database for a
 * printable page. Each section is a plain function of (db, year, k, locale),
 * so tests check them on a real database without rendering anything.
 *
 * Privacy: every count of respondents or reports goes through suppressRow
 * (src/lib/disclosure/index.ts, via suppressCounts below) with K; a suppressed cell
 * is `{ suppressed: true }` and never a number. Initiatives, their updates and events are the
 * partnership's own published work, not about residents, so they are listed
 * as they are. No response, answer or report text is read here. A
 * consultation's figures are those its release published (the engine ran
 * once, when it closed), read back as they were stored.
 *
 * Years are calendar years in Copenhagen time, the same partitions the
 * public map uses, so this report cannot be played against a sliding period.
 */
import { and, asc, count, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import {
  areas,
  auditLog,
  events,
  initiativeUpdates,
  initiatives,
  reportCategories,
  reports,
  reportUpdates,
  responses,
  RESPONSE_CHANNELS,
  surveys,
  surveySeries,
  type Area,
  type Consultation,
  type ConsultationPlace,
  type Event,
  type EventKind,
  type Initiative,
  type InitiativeUpdate,
  type Partner,
  type ReporterType,
  type ResponseChannel,
  type Stance,
  type Survey,
} from '../../../db/schema.ts';
import { SCALE_STANCES, stanceSummary } from '../../lib/consultations.ts';
import { addKeys, suppressRow, type Cell, type Row, type ShownCell } from '../../lib/disclosure/index.ts';
import { SUPPRESSED, type DataTable, type TableValue } from '../../lib/data-table.ts';
import { formatDate } from '../../lib/format.ts';
import { messages, staffLocaleOf, type Locale } from '../../lib/i18n/index.ts';
import { copenhagenDay, fromCopenhagenLocal } from '../../lib/time.ts';
import type { Queryable } from '../db/connection.ts';
import { cellKeySum } from '../disclosure/keys.ts';
import { findEvent } from '../content/events.ts';
import { findInitiative } from '../content/initiatives.ts';
import { consultationResults, consultationsClosedIn, findConsultation } from '../consultations/consultations.ts';
import { listPartners } from '../partnership/partners.ts';
import { applyHolm, compareTrend, listGoalStatuses, type GoalStatus } from './goals.ts';

/** The years a report can be asked for: anything else is a 404 (or a CLI error). */
export const REPORT_YEARS = { min: 2000, max: 2100 } as const;

/** The year in a URL segment or CLI argument: four digits within REPORT_YEARS, else undefined. */
export function parseReportYear(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{4}$/.test(value)) return undefined;
  const year = Number(value);
  return year >= REPORT_YEARS.min && year <= REPORT_YEARS.max ? year : undefined;
}

export interface ReportPeriod {
  year: number;
  /** 1 January 00:00 in Copenhagen. */
  start: Date;
  /** 1 January 00:00 of the next year in Copenhagen (exclusive). */
  end: Date;
}

export function reportPeriod(year: number): ReportPeriod {
  return { year, start: fromCopenhagenLocal(`${year}-01-01T00:00`)!, end: fromCopenhagenLocal(`${year + 1}-01-01T00:00`)! };
}

const inPeriod = (instant: Date, p: ReportPeriod): boolean => instant >= p.start && instant < p.end;

/**
 * suppressRow, except that a row with nothing in it is shown as the zeros it
 * is (suppressRow hides any total below K, 0 included): "none" points at no
 * one, and the report should say "no reports were handled", not "too few".
 */
export function suppressCounts<K extends string>(cells: readonly Cell<K>[], k: number): Row<K> {
  if (cells.every((c) => c.n === 0)) return { cells: cells.map((c) => ({ key: c.key, suppressed: false, n: 0 })), total: { suppressed: false, n: 0 } };
  return suppressRow(cells, k);
}

// ---------------------------------------------------------------------------
// Survey waves
// ---------------------------------------------------------------------------

/**
 * When a closed wave stopped taking answers: the earlier of its planned end
 * and the moment staff closed it (audit log), since either ends answering.
 * Seeded or imported waves may have neither; their creation time stands in.
 */
export async function waveClosedAt(db: Queryable, wave: Survey): Promise<Date> {
  const [closing] = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'survey.close'), eq(auditLog.entityType, 'survey'), eq(auditLog.entityId, wave.id)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  const closedByStaff = closing?.at;
  const candidates = [wave.closesAt, closedByStaff].filter((d): d is Date => d instanceof Date);
  if (candidates.length === 0) return wave.createdAt;
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}

export interface ClosedWave {
  wave: Survey;
  seriesTitle: string;
  label: string;
  closedAt: Date;
  /** Responses per channel and in all, through suppressRow: a wave with fewer than K responses shows none. */
  responses: Row<ResponseChannel>;
}

/** Waves that closed in the year, oldest first, with their response counts. */
export async function wavesClosedInYear(db: Queryable, year: number, k: number, locale: Locale): Promise<ClosedWave[]> {
  const period = reportPeriod(year);
  const rows = await db
    .select({ wave: surveys, series: surveySeries })
    .from(surveys)
    .innerJoin(surveySeries, eq(surveySeries.id, surveys.seriesId))
    .where(eq(surveys.status, 'closed'));
  const dated: ((typeof rows)[number] & { closedAt: Date })[] = [];
  for (const { wave, series } of rows) dated.push({ wave, series, closedAt: await waveClosedAt(db, wave) });
  const inYear = dated
    .filter((w) => inPeriod(w.closedAt, period))
    .sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime() || a.wave.id - b.wave.id);
  const out: ClosedWave[] = [];
  for (const { wave, series, closedAt } of inYear) {
    const counts = new Map(
      (
        await db
          .select({ channel: responses.channel, n: count(), ck: cellKeySum(responses.cellKey) })
          .from(responses)
          .where(eq(responses.surveyId, wave.id))
          .groupBy(responses.channel)
      ).map((r) => [r.channel, r] as const),
    );
    out.push({
      wave,
      seriesTitle: locale === 'en' && series.titleEn ? series.titleEn : series.titleDa,
      label: locale === 'en' && wave.waveEn ? wave.waveEn : wave.waveDa,
      closedAt,
      responses: suppressCounts(
        RESPONSE_CHANNELS.map((c) => ({ key: c, n: counts.get(c)?.n ?? 0, ck: counts.get(c)?.ck ?? 0 })),
        k,
      ),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Goals
// ---------------------------------------------------------------------------

/**
 * A goal's status as it stood at the end of the year: only waves that had
 * closed by then count, so the 2024 report does not quote the 2025 wave.
 * The change and the target are worked out again from those waves with the
 * same test the dashboard uses.
 */
export function goalStatusAtYearEnd(status: GoalStatus, yearEnd: Date, closedAt: (wave: Survey) => Date): GoalStatus {
  const trend = status.trend.filter((t) => closedAt(t.wave) < yearEnd);
  // The baseline wave as the dashboard chose it (the goal's, or the series' first); not yet measured by year end leaves nothing to compare.
  // The plan as it stood then: changes made after the year's end are not the year's.
  // A weighting change is the year's only if it differs from the plan of a wave the year's report shows.
  const marginsChanged = status.marginsChanged && trend.some((t) => t.wave.id === status.marginsChanged!.surveyId) ? status.marginsChanged : undefined;
  return { ...status, ...compareTrend(status.goal, trend, status.baseline?.wave.id), trend, planChanges: status.planChanges.filter((c) => c.changedAt < yearEnd), marginsChanged };
}

/** Every goal's status at the end of the year (weighted, suspicious responses left out, K applied). */
export async function goalsAtYearEnd(db: Queryable, year: number, k: number, locale: Locale): Promise<GoalStatus[]> {
  const { end } = reportPeriod(year);
  const statuses = await listGoalStatuses(db, { k, weighted: true, excludeSuspicious: true, locale: staffLocaleOf(locale) });
  // When each wave in the trends closed, read once per wave beforehand, so goalStatusAtYearEnd stays a plain function.
  const closed = new Map<number, Date>();
  for (const s of statuses) {
    for (const { wave } of s.trend) if (!closed.has(wave.id)) closed.set(wave.id, await waveClosedAt(db, wave));
  }
  return applyHolm(statuses.map((s) => goalStatusAtYearEnd(s, end, (wave) => closed.get(wave.id)!)));
}

// ---------------------------------------------------------------------------
// Initiatives and their progress updates
// ---------------------------------------------------------------------------

export interface InitiativeOfYear {
  initiative: Initiative;
  partners: Partner[];
  areas: Area[];
  /** Progress updates dated in the year, oldest first. */
  updates: InitiativeUpdate[];
}

/**
 * Published initiatives that ran during the year (their period overlaps it)
 * or that have a progress update dated in it. Drafts are left out: the
 * report is meant to be handed on, and a draft is not yet announced.
 */
export async function initiativesOfYear(db: Queryable, year: number): Promise<InitiativeOfYear[]> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const withUpdates = new Set(
    (
      await db
        .select({ id: initiativeUpdates.initiativeId })
        .from(initiativeUpdates)
        .where(and(gte(initiativeUpdates.happenedOn, first), lt(initiativeUpdates.happenedOn, `${year + 1}-01-01`)))
    ).map((r) => r.id),
  );
  const published = await db.select().from(initiatives).where(eq(initiatives.state, 'published'));
  const ran = (i: Initiative): boolean => {
    // Without a start date the initiative counts from when it was announced.
    const start = i.startsOn ?? (i.publishedAt ? copenhagenDay(i.publishedAt) : null);
    return start !== null && start <= last && (i.endsOn === null || i.endsOn >= first);
  };
  const chosen = published
    .filter((i) => ran(i) || withUpdates.has(i.id))
    .sort((a, b) => (a.startsOn ?? '9999').localeCompare(b.startsOn ?? '9999') || a.id - b.id);
  const out: InitiativeOfYear[] = [];
  for (const i of chosen) {
    const detail = (await findInitiative(db, i.id))!;
    out.push({
      initiative: i,
      partners: detail.partners,
      areas: detail.areas,
      updates: detail.updates.filter((u) => u.happenedOn >= first && u.happenedOn <= last).sort((a, b) => a.happenedOn.localeCompare(b.happenedOn) || a.id - b.id),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

export interface EventHeld {
  event: Event;
  area: Area | null;
  partner: Partner | null;
  initiative: Initiative | null;
}

/** Published events that started in the year and had ended by `now` (an event still to come was not held). */
export async function eventsHeldInYear(db: Queryable, year: number, now: Date = new Date()): Promise<EventHeld[]> {
  const { start, end } = reportPeriod(year);
  const started = await db
    .select()
    .from(events)
    .where(and(eq(events.state, 'published'), gte(events.startsAt, start), lt(events.startsAt, end)))
    .orderBy(asc(events.startsAt), asc(events.id));
  const held: EventHeld[] = [];
  for (const e of started.filter((x) => x.endsAt <= now)) {
    const detail = (await findEvent(db, e.id))!;
    const [initiative] = e.initiativeId ? await db.select().from(initiatives).where(eq(initiatives.id, e.initiativeId)).limit(1) : [];
    held.push({ event: e, area: detail.area, partner: detail.partner, initiative: initiative ?? null });
  }
  return held;
}

/** How many events of each kind were held (the partnership's own activity: not suppressed). */
export function countEventsByKind(held: readonly EventHeld[]): Record<EventKind, number> {
  const out: Record<EventKind, number> = { citizen_meeting: 0, safety_walk: 0, office_hours: 0, other: 0 };
  for (const h of held) out[h.event.kind] += 1;
  return out;
}

// ---------------------------------------------------------------------------
// Reports handled
// ---------------------------------------------------------------------------

/** The outcomes that count as "handled" for the report. */
export const HANDLED_OUTCOMES = ['handled', 'not_possible'] as const;
export type HandledOutcome = (typeof HANDLED_OUTCOMES)[number];

export interface LabelledCell {
  key: string;
  label: string;
  cell: ShownCell;
}

export interface ReportsHandled {
  /** All reports handled in the year; suppressed when fewer than K. */
  total: Row['total'];
  outcome: Row<HandledOutcome>;
  byCategory: LabelledCell[];
  byArea: LabelledCell[];
  /** Median days from the report's day to its handling; undefined when the total is suppressed or 0. */
  medianDays: number | undefined;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const daysBetween = (fromDay: string, toDay: string): number =>
  Math.round((Date.parse(`${toDay}T12:00:00Z`) - Date.parse(`${fromDay}T12:00:00Z`)) / 86_400_000);

/**
 * Reports that reached `handled` or `not_possible` in the year. A report
 * counts once, in the year it was first so closed, so the yearly reports add
 * up and a report reopened and closed again is not counted twice.
 */
export async function reportsHandledInYear(db: Queryable, year: number, k: number, locale: Locale): Promise<ReportsHandled> {
  const period = reportPeriod(year);
  const closing = await db
    .select({
      id: reports.id,
      cellKey: reports.cellKey,
      categoryId: reports.categoryId,
      areaId: reports.areaId,
      createdOn: reports.createdOn,
      status: reportUpdates.status,
      at: reportUpdates.createdAt,
    })
    .from(reportUpdates)
    .innerJoin(reports, eq(reports.id, reportUpdates.reportId))
    .where(inArray(reportUpdates.status, [...HANDLED_OUTCOMES]))
    .orderBy(asc(reportUpdates.createdAt), asc(reportUpdates.id));
  const firstClosing = new Map<number, (typeof closing)[number]>();
  for (const c of closing) if (!firstClosing.has(c.id)) firstClosing.set(c.id, c);
  const handled = [...firstClosing.values()].filter((c) => inPeriod(c.at, period));

  // Counts with their cell keys (the sum of the reports' record keys), for the engine.
  const tally = <T>(keyOf: (r: (typeof handled)[number]) => T): Map<T, { n: number; ck: number }> => {
    const m = new Map<T, { n: number; ck: number }>();
    for (const r of handled) {
      const c = m.get(keyOf(r)) ?? { n: 0, ck: 0 };
      m.set(keyOf(r), { n: c.n + 1, ck: addKeys(c.ck, r.cellKey) });
    }
    return m;
  };
  const cellOf = <T, K extends string>(m: Map<T, { n: number; ck: number }>, at: T, key: K): Cell<K> => ({ key, n: m.get(at)?.n ?? 0, ck: m.get(at)?.ck ?? 0 });
  const outcomeCounts = tally((r) => r.status);
  const outcome = suppressCounts(
    HANDLED_OUTCOMES.map((o) => cellOf(outcomeCounts, o, o)),
    k,
  );

  // Retired categories are listed only when they have reports this year.
  const byCategoryCount = tally((r) => r.categoryId);
  const categories = (await db.select().from(reportCategories).orderBy(asc(reportCategories.displayOrder), asc(reportCategories.id))).filter((c) => c.active || byCategoryCount.has(c.id));
  const categoryRow = suppressCounts(
    categories.map((c) => cellOf(byCategoryCount, c.id, String(c.id))),
    k,
  );
  const byAreaCount = tally((r) => r.areaId);
  const areaList = await db.select().from(areas).orderBy(asc(areas.displayOrder), asc(areas.id));
  const areaRow = suppressCounts(
    areaList.map((a) => cellOf(byAreaCount, a.id, String(a.id))),
    k,
  );

  const medianDays = outcome.total.suppressed
    ? undefined
    : median(handled.map((r) => daysBetween(r.createdOn, copenhagenDay(r.at))));
  return {
    total: outcome.total,
    outcome,
    byCategory: categoryRow.cells.map((cell, i) => ({ key: categories[i]!.slug, label: localName(locale, categories[i]!), cell })),
    byArea: areaRow.cells.map((cell, i) => ({ key: areaList[i]!.slug, label: localName(locale, areaList[i]!), cell })),
    medianDays,
  };
}

// ---------------------------------------------------------------------------
// Consultations
// ---------------------------------------------------------------------------

export interface ConsultationOfYear {
  consultation: Consultation;
  area: Area;
  /** The answers its places offer, in order. */
  stances: readonly Stance[];
  /** Its release once made (the hour after it closed): when, and how many answered by who they are. */
  release: { madeOn: string; responses: Row<ReporterType> } | undefined;
  /** Per place, in order: its published stance totals (undefined before the release). */
  places: { place: ConsultationPlace; summary: ReturnType<typeof stanceSummary> | undefined }[];
}

/**
 * Published consultations whose last day fell in the year, oldest first,
 * with the figures their release published (never counted here: the answers
 * are deleted at the release) and the places' decisions.
 */
export async function consultationsOfYear(db: Queryable, year: number): Promise<ConsultationOfYear[]> {
  const out: ConsultationOfYear[] = [];
  for (const c of await consultationsClosedIn(db, year)) {
    const detail = await findConsultation(db, c.id);
    if (!detail) continue;
    const results = await consultationResults(db, c);
    const tables = new Map(results?.release.places.map((p) => [p.placeId, p.table]) ?? []);
    out.push({
      consultation: c,
      area: detail.area,
      stances: SCALE_STANCES[c.scale],
      release: results && { madeOn: results.madeOn, responses: results.release.responses },
      places: detail.places.map((place) => {
        const table = tables.get(place.id);
        return { place, summary: table && stanceSummary(table) };
      }),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// The whole report
// ---------------------------------------------------------------------------

export interface StatusReport {
  period: ReportPeriod;
  generatedAt: Date;
  partners: Partner[];
  /** Whether any survey wave or report in the database is synthetic demo data: the title page says so. */
  demo: boolean;
  goals: GoalStatus[];
  waves: ClosedWave[];
  initiatives: InitiativeOfYear[];
  events: EventHeld[];
  reports: ReportsHandled;
  consultations: ConsultationOfYear[];
}

export interface StatusReportOptions {
  year: number;
  /** The privacy threshold K. */
  k: number;
  locale: Locale;
  now?: Date;
}

export async function buildStatusReport(db: Queryable, options: StatusReportOptions): Promise<StatusReport> {
  const { year, k, locale } = options;
  const now = options.now ?? new Date();
  const demo =
    (await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.demo, true)).limit(1)).length > 0 ||
    (await db.select({ id: reports.id }).from(reports).where(eq(reports.demo, true)).limit(1)).length > 0;
  return {
    period: reportPeriod(year),
    generatedAt: now,
    partners: await listPartners(db),
    demo,
    goals: await goalsAtYearEnd(db, year, k, locale),
    waves: await wavesClosedInYear(db, year, k, locale),
    initiatives: await initiativesOfYear(db, year),
    events: await eventsHeldInYear(db, year, now),
    reports: await reportsHandledInYear(db, year, k, locale),
    consultations: await consultationsOfYear(db, year),
  };
}

// ---------------------------------------------------------------------------
// Tables (the page renders them with DataTableView)
// ---------------------------------------------------------------------------

const localName = (locale: Locale, x: { nameDa: string; nameEn: string | null }): string => (locale === 'en' && x.nameEn ? x.nameEn : x.nameDa);
const localTitle = (locale: Locale, x: { titleDa: string; titleEn: string | null }): string => (locale === 'en' && x.titleEn ? x.titleEn : x.titleDa);
const dayText = (locale: Locale, day: string): string => formatDate(locale, new Date(`${day}T12:00:00Z`));
const cellValue = (cell: ShownCell | Row['total']): TableValue => (cell.suppressed ? SUPPRESSED : cell.n);

/** The goals at year end in one table: the same figures as the cards above it. */
export function goalsYearTable(statuses: readonly GoalStatus[], year: number, locale: Locale): DataTable {
  const m = messages(locale);
  const d = m.dashboard;
  const share = (p: GoalStatus['baseline'], field: 'p' | 'n'): TableValue => (p === undefined ? null : p.kind !== 'estimate' ? SUPPRESSED : p[field]);
  return {
    id: 'status-report-goals',
    title: m.statusReport.goals.tableTitle(year),
    columns: [
      { key: 'goal', label: d.columns.goal },
      { key: 'area', label: d.columns.area },
      { key: 'baseline', label: d.columns.baseline, kind: 'share' },
      { key: 'latestWave', label: d.columns.latestWave },
      { key: 'latest', label: d.columns.latest, kind: 'share' },
      { key: 'latestN', label: d.columns.latestN, kind: 'count' },
      { key: 'change', label: d.columns.change, kind: 'share' },
      { key: 'significant', label: d.verdict.changeColumn },
      { key: 'target', label: d.columns.target, kind: 'share' },
      { key: 'targetMet', label: d.verdict.targetColumn },
    ],
    rows: statuses.map((s) => ({
      goal: localTitle(locale, s.goal),
      area: localName(locale, s.area),
      baseline: share(s.baseline, 'p'),
      latestWave: s.latest ? s.latest.label : null,
      latest: share(s.latest, 'p'),
      latestN: share(s.latest, 'n'),
      change: s.change?.difference ?? null,
      significant: s.change ? d.verdict.change[s.change.verdict] : null,
      target: s.goal.targetValue,
      targetMet: s.targetVerdict === undefined ? null : d.verdict.target[s.targetVerdict],
    })),
    note: `${d.weightedNote} ${d.verdict.rule}`,
  };
}

export function wavesYearTable(waves: readonly ClosedWave[], year: number, locale: Locale): DataTable {
  const w = messages(locale).statusReport.waves;
  return {
    id: 'status-report-waves',
    title: w.tableTitle(year),
    columns: [
      { key: 'wave', label: w.wave },
      { key: 'series', label: w.series },
      { key: 'closed', label: w.closed },
      ...RESPONSE_CHANNELS.map((c) => ({ key: c, label: w.channels[c], kind: 'count' as const })),
      { key: 'total', label: w.total, kind: 'count' },
    ],
    rows: waves.map((x) => ({
      wave: x.label,
      series: x.seriesTitle,
      closed: formatDate(locale, x.closedAt),
      ...Object.fromEntries(x.responses.cells.map((c) => [c.key, cellValue(c)])),
      total: cellValue(x.responses.total),
    })),
  };
}

export function eventsYearTable(held: readonly EventHeld[], year: number, locale: Locale): DataTable {
  const m = messages(locale);
  const e = m.statusReport.events;
  return {
    id: 'status-report-events',
    title: e.tableTitle(year),
    columns: [
      { key: 'date', label: e.date },
      { key: 'event', label: e.event },
      { key: 'kind', label: e.kind },
      { key: 'place', label: e.place },
      { key: 'area', label: e.area },
      { key: 'organiser', label: e.organiser },
      { key: 'initiative', label: e.initiative },
    ],
    rows: held.map((h) => ({
      date: formatDate(locale, h.event.startsAt),
      event: localTitle(locale, h.event),
      kind: m.events.kinds[h.event.kind],
      place: h.event.place,
      area: h.area ? localName(locale, h.area) : null,
      organiser: h.partner ? localName(locale, h.partner) : null,
      initiative: h.initiative ? localTitle(locale, h.initiative) : null,
    })),
  };
}

/**
 * One consultation's released stance totals per place, with the decision
 * once published: a suppressed total is SUPPRESSED ("too few responses"),
 * never a number.
 */
export function consultationYearTable(x: ConsultationOfYear, locale: Locale): DataTable {
  const m = messages(locale);
  const c = m.statusReport.consultations;
  const s = m.dashboard.consultations;
  const shown = (n: number | null): TableValue => (n === null ? SUPPRESSED : n);
  return {
    id: `status-report-consultation-${x.consultation.id}`,
    title: c.tableTitle(localTitle(locale, x.consultation), localName(locale, x.area)),
    columns: [
      { key: 'place', label: c.place },
      ...x.stances.map((st) => ({ key: st, label: s.stances[st], kind: 'count' as const })),
      { key: 'total', label: c.total, kind: 'count' },
      ...(x.consultation.decidedOn ? [{ key: 'outcome', label: c.outcome }] : []),
    ],
    rows: x.places.map(({ place, summary }) => ({
      place: `${place.position}. ${localName(locale, place)}`,
      ...Object.fromEntries(x.stances.map((st) => [st, summary ? shown(summary.stances.find((y) => y.stance === st)?.n ?? null) : null])),
      total: summary ? shown(summary.total) : null,
      ...(x.consultation.decidedOn ? { outcome: place.outcome ? s.outcomes[place.outcome] : null } : {}),
    })),
  };
}

/** An initiative's period as text: "1. marts 2024 – 31. december 2027", "fra 1. marts 2024", or "not given". */
export function initiativePeriodText(i: Initiative, locale: Locale): string {
  const s = messages(locale).statusReport.initiatives;
  if (i.startsOn && i.endsOn) return `${dayText(locale, i.startsOn)} – ${dayText(locale, i.endsOn)}`;
  if (i.startsOn) return s.periodOpen(dayText(locale, i.startsOn));
  if (i.endsOn) return `– ${dayText(locale, i.endsOn)}`;
  return s.notGiven;
}
