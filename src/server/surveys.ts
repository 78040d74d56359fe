/**
 * Surveys: series, waves, their pages and questions (the instrument), status
 * changes, cloning a wave, and the counts staff may see while a wave is open.
 */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import {
  areas,
  questions,
  responses,
  surveyAreas,
  surveyPages,
  surveys,
  surveySeries,
  type Area,
  type Survey,
  type SurveySeries,
  type SurveyStatus,
} from '../../db/schema.ts';
import { parseQuestion, type InstrumentPage } from '../lib/survey/instrument.ts';
import { recordAudit } from './audit.ts';
import type { Queryable } from './db/connection.ts';

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

export function loadInstrument(db: Queryable, surveyId: number): InstrumentPage[] {
  const kept = frozenInstruments.get(db)?.get(surveyId);
  if (kept) return kept;
  const pages = db.select().from(surveyPages).where(eq(surveyPages.surveyId, surveyId)).orderBy(asc(surveyPages.position)).all();
  const qs = db.select().from(questions).where(eq(questions.surveyId, surveyId)).orderBy(asc(questions.position)).all();
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
  if (instrumentLocked(db, surveyId)) {
    let byDb = frozenInstruments.get(db);
    if (!byDb) frozenInstruments.set(db, (byDb = new Map()));
    byDb.set(surveyId, instrument);
  }
  return instrument;
}

/** Frozen instruments by database (tests open several) and wave id. */
const frozenInstruments = new WeakMap<object, Map<number, InstrumentPage[]>>();

function withInstrument(db: Queryable, survey: Survey): SurveyWithInstrument {
  const series = db.select().from(surveySeries).where(eq(surveySeries.id, survey.seriesId)).get()!;
  const areaRows = db
    .select({ a: areas })
    .from(surveyAreas)
    .innerJoin(areas, eq(areas.id, surveyAreas.areaId))
    .where(eq(surveyAreas.surveyId, survey.id))
    .orderBy(asc(areas.displayOrder))
    .all()
    .map((r) => r.a);
  return { survey, series, areas: areaRows, pages: loadInstrument(db, survey.id) };
}

export function findSurveyBySlug(db: Queryable, slug: string): SurveyWithInstrument | undefined {
  const survey = db.select().from(surveys).where(eq(surveys.slug, slug)).get();
  return survey ? withInstrument(db, survey) : undefined;
}

export function findSurvey(db: Queryable, id: number): SurveyWithInstrument | undefined {
  const survey = db.select().from(surveys).where(eq(surveys.id, id)).get();
  return survey ? withInstrument(db, survey) : undefined;
}

/** Waves residents can answer now. */
export function listOpenSurveys(db: Queryable, now = new Date()): Survey[] {
  return db
    .select()
    .from(surveys)
    .where(eq(surveys.status, 'open'))
    .orderBy(desc(surveys.createdAt))
    .all()
    .filter((s) => isAnswerable(s, now));
}

export interface SurveyListRow {
  survey: Survey;
  seriesTitle: string;
  responses: number;
}

export function listAllSurveys(db: Queryable): SurveyListRow[] {
  return db
    .select({ survey: surveys, seriesTitle: surveySeries.titleDa, responses: sql<number>`(select count(*) from responses r where r.survey_id = ${surveys.id})` })
    .from(surveys)
    .innerJoin(surveySeries, eq(surveySeries.id, surveys.seriesId))
    .orderBy(asc(surveySeries.titleDa), desc(surveys.createdAt))
    .all();
}

export function responseCount(db: Queryable, surveyId: number): number {
  return db.select({ n: count() }).from(responses).where(eq(responses.surveyId, surveyId)).get()?.n ?? 0;
}

/** While a wave is open, staff see only this: responses by day and channel. */
export function responsesByDayAndChannel(db: Queryable, surveyId: number): { day: string; channel: string; n: number }[] {
  return db
    .select({ day: responses.submittedOn, channel: responses.channel, n: count() })
    .from(responses)
    .where(eq(responses.surveyId, surveyId))
    .groupBy(responses.submittedOn, responses.channel)
    .orderBy(desc(responses.submittedOn), asc(responses.channel))
    .all();
}

/**
 * Opens, closes or returns a wave to draft. A closed wave with responses
 * stays closed: reopening it and closing it again would let anyone who saw
 * the results work out a single new respondent's answers by difference.
 */
export function setSurveyStatus(db: Queryable, surveyId: number, status: SurveyStatus, actorId: number | null): boolean {
  return db.transaction((tx) => {
    const before = tx.select().from(surveys).where(eq(surveys.id, surveyId)).get();
    if (!before) return false;
    if (before.status === 'closed' && status !== 'closed' && responseCount(tx, surveyId) > 0) return false;
    tx.update(surveys).set({ status }).where(eq(surveys.id, surveyId)).run();
    recordAudit(tx, { userId: actorId, action: `survey.${status === 'open' ? 'open' : status === 'closed' ? 'close' : 'draft'}`, entityType: 'survey', entityId: surveyId, summary: `${before.status} → ${status}` });
    return true;
  });
}

/**
 * A new wave of the same series with the instrument copied unchanged (same
 * question keys, texts, options and skip logic), as a draft.
 */
export function cloneWave(
  db: Queryable,
  sourceId: number,
  wave: { slug: string; waveDa: string; waveEn: string | null },
  actorId: number | null,
): Survey | undefined {
  return db.transaction((tx) => {
    const source = tx.select().from(surveys).where(eq(surveys.id, sourceId)).get();
    if (!source) return undefined;
    const { id: _id, createdAt: _c, ...rest } = source;
    const copy = tx
      .insert(surveys)
      .values({ ...rest, ...wave, status: 'draft', resultsPublished: false, demo: false, clonedFromId: source.id, opensAt: null, closesAt: null })
      .returning()
      .get();
    const areaIds = tx.select().from(surveyAreas).where(eq(surveyAreas.surveyId, source.id)).all();
    if (areaIds.length) tx.insert(surveyAreas).values(areaIds.map((a) => ({ surveyId: copy.id, areaId: a.areaId }))).run();
    const pages = tx.select().from(surveyPages).where(eq(surveyPages.surveyId, source.id)).all();
    for (const p of pages) {
      const page = tx.insert(surveyPages).values({ surveyId: copy.id, position: p.position, titleDa: p.titleDa, titleEn: p.titleEn }).returning().get();
      const qs = tx.select().from(questions).where(and(eq(questions.surveyId, source.id), eq(questions.pageId, p.id))).all();
      if (qs.length) tx.insert(questions).values(qs.map(({ id: _q, ...q }) => ({ ...q, surveyId: copy.id, pageId: page.id }))).run();
    }
    recordAudit(tx, { userId: actorId, action: 'survey.clone', entityType: 'survey', entityId: copy.id, summary: `from ${source.slug} → ${copy.slug}` });
    return copy;
  });
}

/** Questions may change only while a wave has no responses (so results stay comparable). */
export function instrumentLocked(db: Queryable, surveyId: number): boolean {
  return responseCount(db, surveyId) > 0;
}
