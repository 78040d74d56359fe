/**
 * The survey builder: editors create a wave and shape its instrument (pages
 * and questions). Every change is audited. Once a wave has responses its
 * instrument is frozen (`instrumentLocked`): the functions that change pages
 * or questions then return `{ kind: 'locked' }` and change nothing, so
 * results stay comparable. Only the wave's own texts may still change.
 */
import { and, asc, eq, gt, max, ne } from 'drizzle-orm';
import {
  areas,
  questions,
  surveyAreas,
  surveyPages,
  surveys,
  surveySeries,
  type Question,
  type QuestionType,
  type ShowIf,
  type Survey,
  type SurveyMode,
  type SurveyPage,
} from '../../../db/schema.ts';
import { SKIP_SOURCE_TYPES, testableValues } from '../../lib/survey/builder-forms.ts';
import { configSchemas } from '../../lib/survey/instrument.ts';
import { describeChange, recordAudit } from '../staff/audit.ts';
import type { Queryable } from '../db/connection.ts';
import { inList } from '../db/in-list.ts';
import { transaction } from '../db/transaction.ts';
import { instrumentLocked } from './surveys.ts';

export const QUESTION_KEY = /^[a-z0-9_]+$/;
export const SURVEY_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export type Direction = 'up' | 'down';

// ---------------------------------------------------------------------------
// Waves
// ---------------------------------------------------------------------------

export interface SurveyMetaInput {
  slug: string;
  waveDa: string;
  waveEn: string | null;
  titleDa: string;
  titleEn: string | null;
  introDa: string;
  introEn: string | null;
  mode: SurveyMode;
  areaIds: number[];
  /** When answering opens and closes (optional; the status must also be open). */
  opensAt?: Date | null;
  closesAt?: Date | null;
}

export interface CreateSurveyInput extends SurveyMetaInput {
  series: { id: number } | { slug: string; titleDa: string; titleEn: string | null };
  /** The title of the one empty page a new wave starts with. */
  firstPage: { titleDa: string; titleEn: string | null };
}

export type MetaProblem = 'slug_taken' | 'series_slug_taken' | 'unknown_series' | 'unknown_area';
export type CreateSurveyResult = { kind: 'ok'; survey: Survey } | { kind: 'invalid'; problem: MetaProblem };
export type UpdateMetaResult = { kind: 'ok'; survey: Survey } | { kind: 'not_found' } | { kind: 'invalid'; problem: MetaProblem };

async function checkMeta(db: Queryable, input: SurveyMetaInput, selfId: number | null): Promise<MetaProblem | null> {
  const [clash] = await db
    .select({ id: surveys.id })
    .from(surveys)
    .where(selfId === null ? eq(surveys.slug, input.slug) : and(eq(surveys.slug, input.slug), ne(surveys.id, selfId)))
    .limit(1);
  if (clash || !SURVEY_SLUG.test(input.slug)) return 'slug_taken';
  if (input.areaIds.length > 0) {
    const known = await db.select({ id: areas.id }).from(areas).where(inList(db, areas.id, input.areaIds));
    if (known.length !== new Set(input.areaIds).size) return 'unknown_area';
  }
  return null;
}

/** A new draft wave (in an existing or a new series) with one empty page. */
export async function createSurvey(db: Queryable, input: CreateSurveyInput, actorId: number | null): Promise<CreateSurveyResult> {
  return transaction(db, async (tx) => {
    const problem = await checkMeta(tx, input, null);
    if (problem) return { kind: 'invalid', problem };
    let seriesId: number;
    if ('id' in input.series) {
      const [found] = await tx.select().from(surveySeries).where(eq(surveySeries.id, input.series.id)).limit(1);
      if (!found) return { kind: 'invalid', problem: 'unknown_series' };
      seriesId = found.id;
    } else {
      const { slug, titleDa, titleEn } = input.series;
      if (!SURVEY_SLUG.test(slug) || (await tx.select().from(surveySeries).where(eq(surveySeries.slug, slug)).limit(1)).length > 0) {
        return { kind: 'invalid', problem: 'series_slug_taken' };
      }
      const [series] = await tx.insert(surveySeries).values({ slug, titleDa, titleEn }).returning();
      seriesId = series!.id;
      await recordAudit(tx, { userId: actorId, action: 'survey_series.create', entityType: 'survey_series', entityId: seriesId, summary: slug });
    }
    const { areaIds, series: _s, firstPage, ...meta } = input;
    const [survey] = await tx.insert(surveys).values({ ...meta, seriesId, status: 'draft' }).returning();
    if (!survey) throw new Error('wave not inserted');
    if (areaIds.length) await tx.insert(surveyAreas).values([...new Set(areaIds)].map((areaId) => ({ surveyId: survey.id, areaId })));
    await tx.insert(surveyPages).values({ surveyId: survey.id, position: 1, ...firstPage });
    await recordAudit(tx, { userId: actorId, action: 'survey.create', entityType: 'survey', entityId: survey.id, summary: survey.slug });
    return { kind: 'ok', survey };
  });
}

/** Changes a wave's texts, mode and areas; allowed also when its instrument is locked. */
export async function updateSurveyMeta(db: Queryable, id: number, input: SurveyMetaInput, actorId: number | null): Promise<UpdateMetaResult> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(surveys).where(eq(surveys.id, id)).limit(1);
    if (!before) return { kind: 'not_found' };
    const problem = await checkMeta(tx, input, id);
    if (problem) return { kind: 'invalid', problem };
    const { areaIds, ...meta } = input;
    const [survey] = await tx.update(surveys).set(meta).where(eq(surveys.id, id)).returning();
    const oldAreas = (await tx.select().from(surveyAreas).where(eq(surveyAreas.surveyId, id))).map((a) => a.areaId).sort();
    const newAreas = [...new Set(areaIds)].sort();
    await tx.delete(surveyAreas).where(eq(surveyAreas.surveyId, id));
    if (newAreas.length) await tx.insert(surveyAreas).values(newAreas.map((areaId) => ({ surveyId: id, areaId })));
    const summary = describeChange({ ...before, areaIds: oldAreas.join(',') }, { ...meta, areaIds: newAreas.join(',') });
    await recordAudit(tx, { userId: actorId, action: 'survey.update', entityType: 'survey', entityId: id, summary });
    return { kind: 'ok', survey: survey! };
  });
}

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

export interface PageTitles {
  titleDa: string;
  titleEn: string | null;
}

export type PageResult =
  | { kind: 'ok'; page: SurveyPage }
  | { kind: 'not_found' }
  | { kind: 'locked' }
  /** Deleting a page that still has questions. */
  | { kind: 'not_empty' }
  /** Already first (up) or last (down). */
  | { kind: 'at_edge' }
  /** The move would put a question before the question its skip logic tests. */
  | { kind: 'breaks_skip_logic' };

async function pagesOf(db: Queryable, surveyId: number): Promise<SurveyPage[]> {
  return db.select().from(surveyPages).where(eq(surveyPages.surveyId, surveyId)).orderBy(asc(surveyPages.position));
}

/** A new empty page at the end of the wave. */
export async function addPage(db: Queryable, surveyId: number, titles: PageTitles, actorId: number | null): Promise<PageResult> {
  return transaction(db, async (tx) => {
    const [survey] = await tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.id, surveyId)).limit(1);
    if (!survey) return { kind: 'not_found' };
    if (await instrumentLocked(tx, surveyId)) return { kind: 'locked' };
    const [last] = await tx.select({ n: max(surveyPages.position) }).from(surveyPages).where(eq(surveyPages.surveyId, surveyId)).limit(1);
    const [page] = await tx.insert(surveyPages).values({ surveyId, position: (last?.n ?? 0) + 1, ...titles }).returning();
    if (!page) throw new Error('page not inserted');
    await recordAudit(tx, { userId: actorId, action: 'survey_page.add', entityType: 'survey', entityId: surveyId, summary: `page ${page.position}: ${titles.titleDa}` });
    return { kind: 'ok', page };
  });
}

export async function updatePage(db: Queryable, pageId: number, titles: PageTitles, actorId: number | null): Promise<PageResult> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(surveyPages).where(eq(surveyPages.id, pageId)).limit(1);
    if (!before) return { kind: 'not_found' };
    if (await instrumentLocked(tx, before.surveyId)) return { kind: 'locked' };
    const [page] = await tx.update(surveyPages).set(titles).where(eq(surveyPages.id, pageId)).returning();
    await recordAudit(tx, { userId: actorId, action: 'survey_page.update', entityType: 'survey', entityId: before.surveyId, summary: `page ${before.position}: ${describeChange(before, { ...titles })}` });
    return { kind: 'ok', page: page! };
  });
}

/** Deletes an empty page; the pages after it move up so positions stay 1..n. */
export async function deletePage(db: Queryable, pageId: number, actorId: number | null): Promise<PageResult> {
  return transaction(db, async (tx) => {
    const [page] = await tx.select().from(surveyPages).where(eq(surveyPages.id, pageId)).limit(1);
    if (!page) return { kind: 'not_found' };
    if (await instrumentLocked(tx, page.surveyId)) return { kind: 'locked' };
    const [question] = await tx.select({ id: questions.id }).from(questions).where(eq(questions.pageId, pageId)).limit(1);
    if (question) return { kind: 'not_empty' };
    await tx.delete(surveyPages).where(eq(surveyPages.id, pageId));
    // Ascending, so each new position is already free under the unique (survey, position) index.
    const after = await tx
      .select()
      .from(surveyPages)
      .where(and(eq(surveyPages.surveyId, page.surveyId), gt(surveyPages.position, page.position)))
      .orderBy(asc(surveyPages.position));
    for (const p of after) await tx.update(surveyPages).set({ position: p.position - 1 }).where(eq(surveyPages.id, p.id));
    await recordAudit(tx, { userId: actorId, action: 'survey_page.delete', entityType: 'survey', entityId: page.surveyId, summary: `page ${page.position}: ${page.titleDa}` });
    return { kind: 'ok', page };
  });
}

/** Swaps a page with its neighbour. */
export async function movePage(db: Queryable, pageId: number, direction: Direction, actorId: number | null): Promise<PageResult> {
  return transaction(db, async (tx) => {
    const [page] = await tx.select().from(surveyPages).where(eq(surveyPages.id, pageId)).limit(1);
    if (!page) return { kind: 'not_found' };
    if (await instrumentLocked(tx, page.surveyId)) return { kind: 'locked' };
    const pages = await pagesOf(tx, page.surveyId);
    const i = pages.findIndex((p) => p.id === pageId);
    const j = direction === 'up' ? i - 1 : i + 1;
    const other = pages[j];
    if (!other) return { kind: 'at_edge' };
    const reordered = [...pages];
    reordered[i] = other;
    reordered[j] = page;
    if (!skipLogicInOrder(await questionsInOrder(tx, page.surveyId, reordered.map((p) => p.id)))) return { kind: 'breaks_skip_logic' };
    // Through a free position, as (survey, position) is unique.
    await tx.update(surveyPages).set({ position: 0 }).where(eq(surveyPages.id, page.id));
    await tx.update(surveyPages).set({ position: page.position }).where(eq(surveyPages.id, other.id));
    await tx.update(surveyPages).set({ position: other.position }).where(eq(surveyPages.id, page.id));
    await recordAudit(tx, { userId: actorId, action: 'survey_page.move', entityType: 'survey', entityId: page.surveyId, summary: `page ${page.position} → ${other.position}` });
    return { kind: 'ok', page: { ...page, position: other.position } };
  });
}

// ---------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------

export interface QuestionInput {
  key: string;
  type: QuestionType;
  textDa: string;
  textEn: string | null;
  helpDa: string | null;
  helpEn: string | null;
  required: boolean;
  allowDontKnow: boolean;
  allowPreferNot: boolean;
  /** Checked against `configSchemas[type]`. */
  config: unknown;
  showIf: ShowIf;
}

/** Why a question was refused; `path` is the zod issue's path inside the config. */
export type QuestionProblem =
  | { field: 'key'; code: 'invalid' | 'taken' | 'referenced' }
  | { field: 'config'; code: 'invalid'; path: PropertyKey[]; issue: string }
  /** An option that a later question's skip logic tests was removed. */
  | { field: 'config'; code: 'referenced'; path: PropertyKey[]; issue: string }
  | { field: 'showIf'; code: 'not_earlier' | 'not_testable' | 'unknown_value' | 'no_values' };

export type QuestionResult =
  | { kind: 'ok'; question: Question }
  | { kind: 'not_found' }
  | { kind: 'locked' }
  | { kind: 'invalid'; problems: QuestionProblem[] }
  | { kind: 'at_edge' }
  | { kind: 'breaks_skip_logic' }
  /** Deleting a question that a later question's skip logic tests. */
  | { kind: 'referenced'; by: string[] };

/** The wave's questions in the order a respondent meets them (page order, then position). */
async function questionsInOrder(db: Queryable, surveyId: number, pageOrder?: number[]): Promise<Question[]> {
  const order = pageOrder ?? (await pagesOf(db, surveyId)).map((p) => p.id);
  const all = await db.select().from(questions).where(eq(questions.surveyId, surveyId)).orderBy(asc(questions.position));
  return order.flatMap((pageId) => all.filter((q) => q.pageId === pageId));
}

/** Whether every question's skip logic tests a question that comes before it. */
function skipLogicInOrder(ordered: readonly Pick<Question, 'key' | 'showIf'>[]): boolean {
  const seen = new Set<string>();
  for (const q of ordered) {
    if (q.showIf && !seen.has(q.showIf.question)) return false;
    seen.add(q.key);
  }
  return true;
}

async function waveAreaSlugs(db: Queryable, surveyId: number): Promise<string[]> {
  const rows = await db
    .select({ slug: areas.slug })
    .from(surveyAreas)
    .innerJoin(areas, eq(areas.id, surveyAreas.areaId))
    .where(eq(surveyAreas.surveyId, surveyId));
  return rows.map((a) => a.slug);
}

/**
 * Checks a question against the wave: key format and uniqueness, config by
 * type, skip logic pointing at an earlier testable question and its real
 * values, and (when editing) that later questions' skip logic still holds.
 */
async function checkQuestion(
  db: Queryable,
  surveyId: number,
  input: QuestionInput,
  earlier: readonly Question[],
  later: readonly Question[],
  self: Question | null,
): Promise<{ problems: QuestionProblem[]; config: Record<string, unknown> }> {
  const problems: QuestionProblem[] = [];
  if (!QUESTION_KEY.test(input.key) || input.key.length > 60) problems.push({ field: 'key', code: 'invalid' });
  else {
    const [clash] = await db
      .select({ id: questions.id })
      .from(questions)
      .where(self ? and(eq(questions.surveyId, surveyId), eq(questions.key, input.key), ne(questions.id, self.id)) : and(eq(questions.surveyId, surveyId), eq(questions.key, input.key)))
      .limit(1);
    if (clash) problems.push({ field: 'key', code: 'taken' });
  }
  const parsed = configSchemas[input.type].safeParse(input.config);
  let config: Record<string, unknown> = {};
  if (parsed.success) config = parsed.data as Record<string, unknown>;
  else for (const issue of parsed.error.issues) problems.push({ field: 'config', code: 'invalid', path: issue.path, issue: issue.code });

  const areaSlugs = await waveAreaSlugs(db, surveyId);
  if (input.showIf) {
    const target = earlier.find((q) => q.key === input.showIf!.question);
    if (!target) problems.push({ field: 'showIf', code: 'not_earlier' });
    else if (!SKIP_SOURCE_TYPES.includes(target.type)) problems.push({ field: 'showIf', code: 'not_testable' });
    else if (input.showIf.anyOf.length === 0) problems.push({ field: 'showIf', code: 'no_values' });
    else {
      const values = testableValues(target, areaSlugs);
      if (!input.showIf.anyOf.every((v) => values.includes(v))) problems.push({ field: 'showIf', code: 'unknown_value' });
    }
  }

  if (self) {
    const dependants = later.filter((q) => q.showIf?.question === self.key);
    if (dependants.length > 0) {
      if (input.key !== self.key) problems.push({ field: 'key', code: 'referenced' });
      else if (parsed.success) {
        const values = SKIP_SOURCE_TYPES.includes(input.type) ? testableValues({ ...input, config }, areaSlugs) : [];
        const missing = dependants.flatMap((d) => d.showIf!.anyOf).filter((v) => !values.includes(v));
        if (missing.length) problems.push({ field: 'config', code: 'referenced', path: ['options'], issue: [...new Set(missing)].join(', ') });
      }
    }
  }
  return { problems, config };
}

function questionRow(input: QuestionInput, config: Record<string, unknown>) {
  const { config: _c, showIf, ...rest } = input;
  return { ...rest, config, showIf: showIf ? { question: showIf.question, anyOf: [...new Set(showIf.anyOf)] } : null };
}

/** A new question at the end of a page. */
export async function addQuestion(db: Queryable, surveyId: number, pageId: number, input: QuestionInput, actorId: number | null): Promise<QuestionResult> {
  return transaction(db, async (tx) => {
    const [page] = await tx.select().from(surveyPages).where(and(eq(surveyPages.id, pageId), eq(surveyPages.surveyId, surveyId))).limit(1);
    if (!page) return { kind: 'not_found' };
    if (await instrumentLocked(tx, surveyId)) return { kind: 'locked' };
    const ordered = await questionsInOrder(tx, surveyId);
    // The new question goes last on its page: everything on this and earlier pages comes before it.
    const pageIds = (await pagesOf(tx, surveyId)).filter((p) => p.position <= page.position).map((p) => p.id);
    const earlier = ordered.filter((q) => pageIds.includes(q.pageId));
    const { problems, config } = await checkQuestion(tx, surveyId, input, earlier, [], null);
    if (problems.length) return { kind: 'invalid', problems };
    const [last] = await tx.select({ n: max(questions.position) }).from(questions).where(eq(questions.pageId, pageId)).limit(1);
    const [question] = await tx.insert(questions).values({ ...questionRow(input, config), surveyId, pageId, position: (last?.n ?? 0) + 1 }).returning();
    if (!question) throw new Error('question not inserted');
    await recordAudit(tx, { userId: actorId, action: 'question.add', entityType: 'survey', entityId: surveyId, summary: `${question.key} (${question.type}) on page ${page.position}` });
    return { kind: 'ok', question };
  });
}

export async function updateQuestion(db: Queryable, questionId: number, input: QuestionInput, actorId: number | null): Promise<QuestionResult> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(questions).where(eq(questions.id, questionId)).limit(1);
    if (!before) return { kind: 'not_found' };
    if (await instrumentLocked(tx, before.surveyId)) return { kind: 'locked' };
    const ordered = await questionsInOrder(tx, before.surveyId);
    const at = ordered.findIndex((q) => q.id === questionId);
    const { problems, config } = await checkQuestion(tx, before.surveyId, input, ordered.slice(0, at), ordered.slice(at + 1), before);
    if (problems.length) return { kind: 'invalid', problems };
    const row = questionRow(input, config);
    const [question] = await tx.update(questions).set(row).where(eq(questions.id, questionId)).returning();
    const summary = describeChange(
      { ...before, config: JSON.stringify(before.config), showIf: JSON.stringify(before.showIf) },
      { ...row, config: JSON.stringify(row.config), showIf: JSON.stringify(row.showIf) },
    );
    await recordAudit(tx, { userId: actorId, action: 'question.update', entityType: 'survey', entityId: before.surveyId, summary: `${before.key}: ${summary}` });
    return { kind: 'ok', question: question! };
  });
}

/** Deletes a question no other question's skip logic tests; the rest of its page closes up. */
export async function deleteQuestion(db: Queryable, questionId: number, actorId: number | null): Promise<QuestionResult> {
  return transaction(db, async (tx) => {
    const [q] = await tx.select().from(questions).where(eq(questions.id, questionId)).limit(1);
    if (!q) return { kind: 'not_found' };
    if (await instrumentLocked(tx, q.surveyId)) return { kind: 'locked' };
    const by = (await questionsInOrder(tx, q.surveyId)).filter((o) => o.showIf?.question === q.key).map((o) => o.key);
    if (by.length) return { kind: 'referenced', by };
    await tx.delete(questions).where(eq(questions.id, questionId));
    await renumberQuestions(tx, q.pageId);
    await recordAudit(tx, { userId: actorId, action: 'question.delete', entityType: 'survey', entityId: q.surveyId, summary: `${q.key} (${q.type})` });
    return { kind: 'ok', question: q };
  });
}

async function renumberQuestions(db: Queryable, pageId: number): Promise<void> {
  const rows = await db.select().from(questions).where(eq(questions.pageId, pageId)).orderBy(asc(questions.position), asc(questions.id));
  for (const [i, r] of rows.entries()) {
    if (r.position !== i + 1) await db.update(questions).set({ position: i + 1 }).where(eq(questions.id, r.id));
  }
}

/** Swaps a question with its neighbour on the same page. */
export async function moveQuestion(db: Queryable, questionId: number, direction: Direction, actorId: number | null): Promise<QuestionResult> {
  return transaction(db, async (tx) => {
    const [q] = await tx.select().from(questions).where(eq(questions.id, questionId)).limit(1);
    if (!q) return { kind: 'not_found' };
    if (await instrumentLocked(tx, q.surveyId)) return { kind: 'locked' };
    await renumberQuestions(tx, q.pageId);
    const onPage = await tx.select().from(questions).where(eq(questions.pageId, q.pageId)).orderBy(asc(questions.position));
    const i = onPage.findIndex((o) => o.id === questionId);
    const j = direction === 'up' ? i - 1 : i + 1;
    const other = onPage[j];
    if (!other) return { kind: 'at_edge' };
    const ordered = await questionsInOrder(tx, q.surveyId);
    const a = ordered.findIndex((o) => o.id === q.id);
    const b = ordered.findIndex((o) => o.id === other.id);
    const swapped = [...ordered];
    swapped[a] = other;
    swapped[b] = onPage[i]!;
    if (!skipLogicInOrder(swapped)) return { kind: 'breaks_skip_logic' };
    await tx.update(questions).set({ position: j + 1 }).where(eq(questions.id, q.id));
    await tx.update(questions).set({ position: i + 1 }).where(eq(questions.id, other.id));
    await recordAudit(tx, { userId: actorId, action: 'question.move', entityType: 'survey', entityId: q.surveyId, summary: `${q.key}: ${i + 1} → ${j + 1}` });
    return { kind: 'ok', question: { ...q, position: j + 1 } };
  });
}

/** A question and the wave it belongs to, for the editing page. */
export async function findQuestion(db: Queryable, questionId: number): Promise<Question | undefined> {
  const [question] = await db.select().from(questions).where(eq(questions.id, questionId)).limit(1);
  return question;
}

/** All series, for the "new wave" form. */
export async function listSeries(db: Queryable) {
  return db.select().from(surveySeries).orderBy(asc(surveySeries.titleDa));
}
