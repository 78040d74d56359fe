/**
 * Surveys: series, waves, their pages and questions (the instrument), status
 * changes, cloning a wave, and the counts staff may see while a wave is open.
 */
import { copyTranslations } from './translations.ts';
import { and, asc, count, desc, eq } from 'drizzle-orm';
import {
  questions,
  RESPONSE_CHANNELS,
  responses,
  surveyAreas,
  surveyPages,
  surveys,
  surveySeries,
  type Area,
  type Survey,
  type SurveySeries,
  type ResponseChannel,
  type SurveyStatus,
} from '../../../db/schema.ts';
import { publishCount, suppressTable, type ShownTotal } from '../../lib/disclosure/index.ts';
import { parseQuestion, type InstrumentPage } from '../../lib/survey/instrument.ts';
import { recordAudit } from '../staff/audit.ts';
import { lockAnalysisPlan } from '../dashboard/plans.ts';
import type { Queryable } from '../db/connection.ts';
import { prepared, slot } from '../db/prepared.ts';
import { cellKeySum } from '../disclosure/keys.ts';
import { transaction } from '../db/transaction.ts';
import { listAreas } from '../partnership/areas.ts';

export interface SurveyWithInstrument {
  survey: Survey;
  series: SurveySeries;
  areas: Area[];
  pages: InstrumentPage[];
}

/** Whether a wave takes answers right now. */
export function isAnswerable(survey: Survey, now = new Date()): boolean {
  if (survey.status !== 'open') return false;
  if (survey.opensAt && now < survey.opensAt) return false;
  if (survey.closesAt && now >= survey.closesAt) return false;
  return true;
}

export async function loadInstrument(db: Queryable, surveyId: number): Promise<InstrumentPage[]> {
  const kept = frozenInstruments.get(db)?.get(surveyId);
  if (kept) return kept;
  const pages = await db.select().from(surveyPages).where(eq(surveyPages.surveyId, surveyId)).orderBy(asc(surveyPages.position));
  const qs = await db.select().from(questions).where(eq(questions.surveyId, surveyId)).orderBy(asc(questions.position));
  const instrument = pages.map((p) => ({
    id: p.id,
    position: p.position,
    titleDa: p.titleDa,
    titleEn: p.titleEn,
    questions: qs.filter((q) => q.pageId === p.id).map(parseQuestion),
  }));
  // Once a wave has responses its instrument can no longer change (see
  // instrumentLocked), so it is kept rather than read and parsed again on
  // every page a respondent posts.
  if (await instrumentLocked(db, surveyId)) {
    let byDb = frozenInstruments.get(db);
    if (!byDb) frozenInstruments.set(db, (byDb = new Map()));
    byDb.set(surveyId, instrument);
  }
  return instrument;
}

/** Frozen instruments by database (tests open several) and wave id. */
const frozenInstruments = new WeakMap<object, Map<number, InstrumentPage[]>>();

async function withInstrument(db: Queryable, survey: Survey): Promise<SurveyWithInstrument> {
  const [series] = await seriesById(db, { id: survey.seriesId });
  // The wave's areas from the kept list (listAreas), not read and their boundaries parsed again on every page.
  const chosen = new Set((await areaIdsOfSurvey(db, { surveyId: survey.id })).map((r) => r.areaId));
  const areaRows = (await listAreas(db)).filter((a) => chosen.has(a.id));
  return { survey, series: series!, areas: areaRows, pages: await loadInstrument(db, survey.id) };
}

// Read on every survey page a resident opens or posts: prepared once (src/server/db/prepared.ts).
const surveyBySlug = prepared('survey_by_slug', (q) => q.select().from(surveys).where(eq(surveys.slug, slot('slug', surveys.slug))).limit(1));
const seriesById = prepared('series_by_id', (q) => q.select().from(surveySeries).where(eq(surveySeries.id, slot('id', surveySeries.id))).limit(1));
const areaIdsOfSurvey = prepared('area_ids_of_survey', (q) =>
  q
    .select({ areaId: surveyAreas.areaId })
    .from(surveyAreas)
    .where(eq(surveyAreas.surveyId, slot('surveyId', surveyAreas.surveyId))),
);

export async function findSurveyBySlug(db: Queryable, slug: string): Promise<SurveyWithInstrument | undefined> {
  const [survey] = await surveyBySlug(db, { slug });
  return survey ? withInstrument(db, survey) : undefined;
}

export async function findSurvey(db: Queryable, id: number): Promise<SurveyWithInstrument | undefined> {
  const [survey] = await db.select().from(surveys).where(eq(surveys.id, id)).limit(1);
  return survey ? withInstrument(db, survey) : undefined;
}

/** Waves residents can answer now. */
export async function listOpenSurveys(db: Queryable, now = new Date()): Promise<Survey[]> {
  const open = await db
    .select()
    .from(surveys)
    .where(eq(surveys.status, 'open'))
    .orderBy(desc(surveys.createdAt));
  return open.filter((s) => isAnswerable(s, now));
}

export interface SurveyListRow {
  survey: Survey;
  seriesTitle: string;
  /** The wave's responses as the disclosure engine publishes them (src/lib/disclosure); undefined when too few. */
  responses: number | undefined;
}

/** Every wave's number of responses with its cell key (the sum of their record keys), by wave id. */
async function responseTotals(db: Queryable): Promise<Map<number, { n: number; ck: number }>> {
  const rows = await db.select({ surveyId: responses.surveyId, n: count(), ck: cellKeySum(responses.cellKey) }).from(responses).groupBy(responses.surveyId);
  return new Map(rows.map((r) => [r.surveyId, { n: r.n, ck: r.ck }]));
}

/** A wave's number of responses as published: the same figure wherever the same responses are counted. */
export async function publishedResponseCounts(db: Queryable, k: number): Promise<(surveyId: number) => number | undefined> {
  const totals = await responseTotals(db);
  return (surveyId) => {
    const t = totals.get(surveyId);
    return t ? publishCount(t.n, t.ck, k) : 0;
  };
}

export async function listAllSurveys(db: Queryable, k: number): Promise<SurveyListRow[]> {
  const rows = await db
    .select({ survey: surveys, seriesTitle: surveySeries.titleDa })
    .from(surveys)
    .innerJoin(surveySeries, eq(surveySeries.id, surveys.seriesId))
    .orderBy(asc(surveySeries.titleDa), desc(surveys.createdAt));
  const shown = await publishedResponseCounts(db, k);
  return rows.map((r) => ({ ...r, responses: shown(r.survey.id) }));
}

export async function responseCount(db: Queryable, surveyId: number): Promise<number> {
  // not for display: whether a wave has responses (its instrument is then locked)
  const [row] = await db.select({ n: count() }).from(responses).where(eq(responses.surveyId, surveyId)).limit(1);
  return row?.n ?? 0;
}

export interface FieldworkCounts {
  /**
   * Responses per day (newest first) and channel, for the days and channels
   * that have any; `n` as the disclosure engine publishes it, undefined when
   * too few (or hidden so that a small one cannot be worked out).
   */
  rows: { day: string; channel: ResponseChannel; n: number | undefined }[];
  /** All the wave's responses, published. */
  total: ShownTotal;
}

/**
 * While a wave is open, staff see only this: responses by day and channel,
 * with the wave's total. The days × channels table goes through
 * suppressTable (src/lib/disclosure) with its margins, so no count below K is
 * shown or can be worked out from the shown cells and the total, and every
 * shown count is perturbed by its cell key.
 */
export async function responsesByDayAndChannel(db: Queryable, surveyId: number, k: number): Promise<FieldworkCounts> {
  const counts = await db
    .select({ day: responses.submittedOn, channel: responses.channel, n: count(), ck: cellKeySum(responses.cellKey) })
    .from(responses)
    .where(eq(responses.surveyId, surveyId))
    .groupBy(responses.submittedOn, responses.channel)
    .orderBy(desc(responses.submittedOn), asc(responses.channel));
  const days = [...new Set(counts.map((c) => c.day))];
  const at = (day: string, channel: ResponseChannel) => counts.find((c) => c.day === day && c.channel === channel);
  const table = suppressTable(
    days.map((day) => ({ key: day, cells: RESPONSE_CHANNELS.map((channel) => ({ key: channel, n: at(day, channel)?.n ?? 0, ck: at(day, channel)?.ck ?? 0 })) })),
    k,
  );
  const rows = table.rows.flatMap((row) =>
    row.cells.filter((c) => at(row.key, c.key) !== undefined).map((c) => ({ day: row.key, channel: c.key, n: c.suppressed ? undefined : c.n })),
  );
  return { rows, total: table.total };
}

/**
 * Opens, closes or returns a wave to draft. A closed wave with responses
 * stays closed: reopening it and closing it again would let anyone who saw
 * the results work out a single new respondent's answers by difference.
 */
export async function setSurveyStatus(db: Queryable, surveyId: number, status: SurveyStatus, actorId: number | null, now = new Date()): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(surveys).where(eq(surveys.id, surveyId)).limit(1);
    if (!before) return false;
    if (before.status === 'closed' && status !== 'closed' && (await responseCount(tx, surveyId)) > 0) return false;
    await tx.update(surveys).set({ status }).where(eq(surveys.id, surveyId));
    // The analysis plan is fixed when the wave opens (once: reopening keeps the first plan).
    if (status === 'open') await lockAnalysisPlan(tx, before, actorId, now);
    await recordAudit(tx, { userId: actorId, action: `survey.${status === 'open' ? 'open' : status === 'closed' ? 'close' : 'draft'}`, entityType: 'survey', entityId: surveyId, summary: `${before.status} → ${status}` });
    return true;
  });
}

/**
 * A new wave of the same series with the instrument copied unchanged (same
 * question keys, texts, options and skip logic), as a draft.
 */
export async function cloneWave(
  db: Queryable,
  sourceId: number,
  wave: { slug: string; waveDa: string; waveEn: string | null },
  actorId: number | null,
): Promise<Survey | undefined> {
  return transaction(db, async (tx) => {
    const [source] = await tx.select().from(surveys).where(eq(surveys.id, sourceId)).limit(1);
    if (!source) return undefined;
    const { id: _id, createdAt: _c, ...rest } = source;
    const [copy] = await tx
      .insert(surveys)
      .values({ ...rest, ...wave, status: 'draft', resultsPublished: false, demo: false, clonedFromId: source.id, opensAt: null, closesAt: null })
      .returning();
    if (!copy) throw new Error('wave not inserted');
    const areaIds = await tx.select().from(surveyAreas).where(eq(surveyAreas.surveyId, source.id));
    if (areaIds.length) await tx.insert(surveyAreas).values(areaIds.map((a) => ({ surveyId: copy.id, areaId: a.areaId })));
    const pages = await tx.select().from(surveyPages).where(eq(surveyPages.surveyId, source.id));
    for (const p of pages) {
      const [page] = await tx.insert(surveyPages).values({ surveyId: copy.id, position: p.position, titleDa: p.titleDa, titleEn: p.titleEn }).returning();
      const qs = await tx.select().from(questions).where(and(eq(questions.surveyId, source.id), eq(questions.pageId, p.id)));
      if (qs.length) await tx.insert(questions).values(qs.map(({ id: _q, ...q }) => ({ ...q, surveyId: copy.id, pageId: page!.id })));
    }
    await copyTranslations(tx, source.id, copy.id);
    await recordAudit(tx, { userId: actorId, action: 'survey.clone', entityType: 'survey', entityId: copy.id, summary: `from ${source.slug} → ${copy.slug}` });
    return copy;
  });
}

/** Questions may change only while a wave has no responses (so results stay comparable). */
export async function instrumentLocked(db: Queryable, surveyId: number): Promise<boolean> {
  return (await responseCount(db, surveyId)) > 0;
}
