/**
 * The survey builder against a real SQLite file: creating a wave, shaping its
 * pages and questions, the rules each change obeys (config by type, skip
 * logic, unique keys, positions 1..n), the audit log, and the frozen
 * instrument once a wave has responses.
 */
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, questions, surveyPages, surveys } from '../../db/schema.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { insertQuestionnaire } from '../../src/server/seed/demo-waves.ts';
import { storeResponse } from '../../src/server/surveys/answering.ts';
import {
  addPage,
  addQuestion,
  createSurvey,
  deletePage,
  deleteQuestion,
  movePage,
  moveQuestion,
  updatePage,
  updateQuestion,
  updateSurveyMeta,
  type QuestionInput,
} from '../../src/server/surveys/builder.ts';
import { findSurvey, loadInstrument } from '../../src/server/surveys/surveys.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';

let t: TestDb;
let actor: number;
let surveyId: number;
let firstPageId: number;

const YES_NO = { options: [{ value: 'yes', da: 'Ja', en: 'Yes' }, { value: 'no', da: 'Nej', en: 'No' }] };

function single(key: string, extra: Partial<QuestionInput> = {}): QuestionInput {
  return {
    key,
    type: 'single',
    textDa: `Spørgsmål ${key}`,
    textEn: `Question ${key}`,
    helpDa: null,
    helpEn: null,
    required: false,
    allowDontKnow: false,
    allowPreferNot: false,
    config: YES_NO,
    showIf: null,
    ...extra,
  };
}

async function meta(slug: string) {
  return {
    slug,
    waveDa: 'Bølge 1',
    waveEn: 'Wave 1',
    titleDa: 'Hvor tryg er du?',
    titleEn: 'How safe are you?',
    introDa: 'Intro',
    introEn: null,
    mode: 'open' as const,
    areaIds: (await listAreas(t.db)).map((a) => a.id),
  };
}

async function positions(pageId: number): Promise<[string, number][]> {
  return (await t.db.select().from(questions).where(eq(questions.pageId, pageId)).orderBy(asc(questions.position))).map((q) => [q.key, q.position]);
}

async function auditActions(): Promise<string[]> {
  return (await t.db.select().from(auditLog).orderBy(asc(auditLog.id))).map((a) => a.action);
}

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  actor = (await makeUser(t.db, 'editor')).user.id;
  const created = await createSurvey(
    t.db,
    { ...(await meta('ny-bolge')), series: { slug: 'ny-serie', titleDa: 'Ny serie', titleEn: 'New series' }, firstPage: { titleDa: 'Side 1', titleEn: 'Page 1' } },
    actor,
  );
  if (created.kind !== 'ok') throw new Error(created.kind);
  surveyId = created.survey.id;
  firstPageId = (await loadInstrument(t.db, surveyId))[0]!.id;
});
afterEach(() => t.close());

describe('creating a wave', () => {
  it('a new wave is a draft with one empty page, in a new or an existing series', async () => {
    const found = (await findSurvey(t.db, surveyId))!;
    expect(found.survey.status).toBe('draft');
    expect(found.series.slug).toBe('ny-serie');
    expect(found.pages.map((p) => [p.position, p.titleDa, p.questions.length])).toEqual([[1, 'Side 1', 0]]);
    expect(found.areas.length).toBeGreaterThan(0);
    const second = await createSurvey(t.db, { ...(await meta('anden-bolge')), series: { id: found.series.id }, firstPage: { titleDa: 'Side 1', titleEn: null } }, actor);
    expect(second.kind).toBe('ok');
    if (second.kind === 'ok') expect(second.survey.seriesId).toBe(found.series.id);
  });

  it('a taken wave or series slug is refused', async () => {
    expect(await createSurvey(t.db, { ...(await meta('ny-bolge')), series: { slug: 'x', titleDa: 'X', titleEn: null }, firstPage: { titleDa: 'S', titleEn: null } }, actor)).toEqual({
      kind: 'invalid',
      problem: 'slug_taken',
    });
    expect(await createSurvey(t.db, { ...(await meta('tredje')), series: { slug: 'ny-serie', titleDa: 'X', titleEn: null }, firstPage: { titleDa: 'S', titleEn: null } }, actor)).toEqual({
      kind: 'invalid',
      problem: 'series_slug_taken',
    });
  });
});

describe('questions', () => {
  it('a config that breaks the type\'s schema is refused', async () => {
    const one = await addQuestion(t.db, surveyId, firstPageId, single('q1', { config: { options: [{ value: 'yes', da: 'Ja' }] } }), actor);
    expect(one.kind).toBe('invalid');
    if (one.kind === 'invalid') expect(one.problems).toContainEqual(expect.objectContaining({ field: 'config', path: ['options'] }));
    const badValue = await addQuestion(t.db, surveyId, firstPageId, single('q2', { config: { options: [{ value: 'Ja!', da: 'Ja' }, { value: 'no', da: 'Nej' }] } }), actor);
    expect(badValue.kind).toBe('invalid');
    const scale = await addQuestion(t.db, surveyId, firstPageId, single('q3', { type: 'scale', config: { points: 6, lowDa: 'Lav', highDa: 'Høj' } }), actor);
    expect(scale.kind).toBe('invalid');
    expect(await t.db.select().from(questions)).toHaveLength(0);
  });

  it('a duplicate key is refused, and keys are lower-case letters, digits and underscores', async () => {
    expect((await addQuestion(t.db, surveyId, firstPageId, single('tryg'), actor)).kind).toBe('ok');
    const dup = await addQuestion(t.db, surveyId, firstPageId, single('tryg'), actor);
    expect(dup).toEqual({ kind: 'invalid', problems: [{ field: 'key', code: 'taken' }] });
    const bad = await addQuestion(t.db, surveyId, firstPageId, single('Tryg-aften'), actor);
    expect(bad).toEqual({ kind: 'invalid', problems: [{ field: 'key', code: 'invalid' }] });
    const other = await addQuestion(t.db, surveyId, firstPageId, single('andet'), actor);
    if (other.kind !== 'ok') throw new Error(other.kind);
    expect(await updateQuestion(t.db, other.question.id, single('tryg'), actor)).toEqual({ kind: 'invalid', problems: [{ field: 'key', code: 'taken' }] });
  });

  it('skip logic can only point at an earlier question and its real options', async () => {
    const later = await addPage(t.db, surveyId, { titleDa: 'Side 2', titleEn: null }, actor);
    if (later.kind !== 'ok') throw new Error(later.kind);
    expect((await addQuestion(t.db, surveyId, firstPageId, single('undgaar'), actor)).kind).toBe('ok');
    // A question that does not exist (yet), or a value that is not among its options.
    expect(await addQuestion(t.db, surveyId, firstPageId, single('a', { showIf: { question: 'nowhere', anyOf: ['yes'] } }), actor)).toEqual({
      kind: 'invalid',
      problems: [{ field: 'showIf', code: 'not_earlier' }],
    });
    expect(await addQuestion(t.db, surveyId, later.page.id, single('b', { showIf: { question: 'undgaar', anyOf: ['maybe'] } }), actor)).toEqual({
      kind: 'invalid',
      problems: [{ field: 'showIf', code: 'unknown_value' }],
    });
    // A text question has no options to test.
    expect((await addQuestion(t.db, surveyId, firstPageId, single('fritekst', { type: 'text', config: { maxLength: 100 } }), actor)).kind).toBe('ok');
    expect(await addQuestion(t.db, surveyId, later.page.id, single('c', { showIf: { question: 'fritekst', anyOf: ['x'] } }), actor)).toEqual({
      kind: 'invalid',
      problems: [{ field: 'showIf', code: 'not_testable' }],
    });
    const ok = await addQuestion(t.db, surveyId, later.page.id, single('hvorfor', { showIf: { question: 'undgaar', anyOf: ['yes'] } }), actor);
    expect(ok.kind).toBe('ok');
    // The tested question keeps its key and the tested option while a later question depends on them.
    const target = (await t.db.select().from(questions).where(eq(questions.key, 'undgaar')).limit(1))[0]!;
    expect(await updateQuestion(t.db, target.id, single('undgaar_nu'), actor)).toEqual({ kind: 'invalid', problems: [{ field: 'key', code: 'referenced' }] });
    const dropped = await updateQuestion(t.db, target.id, single('undgaar', { config: { options: [{ value: 'no', da: 'Nej' }, { value: 'maybe', da: 'Måske' }] } }), actor);
    expect(dropped.kind).toBe('invalid');
    expect(await deleteQuestion(t.db, target.id, actor)).toEqual({ kind: 'referenced', by: ['hvorfor'] });
    // Moving the dependent page before its source would break the rule.
    expect(await movePage(t.db, later.page.id, 'up', actor)).toEqual({ kind: 'breaks_skip_logic' });
  });

  it('moving keeps positions 1..n, and deleting closes the gap', async () => {
    const ids: number[] = [];
    for (const k of ['a', 'b', 'c', 'd']) {
      const r = await addQuestion(t.db, surveyId, firstPageId, single(k), actor);
      if (r.kind !== 'ok') throw new Error(r.kind);
      ids.push(r.question.id);
    }
    expect((await moveQuestion(t.db, ids[0]!, 'down', actor)).kind).toBe('ok');
    expect((await moveQuestion(t.db, ids[3]!, 'up', actor)).kind).toBe('ok');
    expect(await positions(firstPageId)).toEqual([['b', 1], ['a', 2], ['d', 3], ['c', 4]]);
    expect(await moveQuestion(t.db, ids[1]!, 'up', actor)).toEqual({ kind: 'at_edge' });
    expect((await deleteQuestion(t.db, ids[0]!, actor)).kind).toBe('ok');
    expect(await positions(firstPageId)).toEqual([['b', 1], ['d', 2], ['c', 3]]);
  });

  it('pages move, are renamed, and only an empty page can be deleted; positions stay 1..n', async () => {
    const two = await addPage(t.db, surveyId, { titleDa: 'To', titleEn: null }, actor);
    const three = await addPage(t.db, surveyId, { titleDa: 'Tre', titleEn: 'Three' }, actor);
    if (two.kind !== 'ok' || three.kind !== 'ok') throw new Error('addPage');
    expect((await movePage(t.db, three.page.id, 'up', actor)).kind).toBe('ok');
    expect((await updatePage(t.db, two.page.id, { titleDa: 'Anden', titleEn: 'Second' }, actor)).kind).toBe('ok');
    const titles = async () => (await t.db.select().from(surveyPages).where(eq(surveyPages.surveyId, surveyId)).orderBy(asc(surveyPages.position))).map((p) => [p.position, p.titleDa]);
    expect(await titles()).toEqual([[1, 'Side 1'], [2, 'Tre'], [3, 'Anden']]);
    expect((await addQuestion(t.db, surveyId, three.page.id, single('x'), actor)).kind).toBe('ok');
    expect(await deletePage(t.db, three.page.id, actor)).toEqual({ kind: 'not_empty' });
    expect((await deletePage(t.db, firstPageId, actor)).kind).toBe('ok');
    expect(await titles()).toEqual([[1, 'Tre'], [2, 'Anden']]);
  });
});

describe('the frozen instrument', () => {
  it('a question cannot be added, edited, moved or deleted once the wave has responses', async () => {
    const series = (await findSurvey(t.db, surveyId))!.series;
    const created = await createSurvey(t.db, { ...(await meta('fuld')), series: { id: series.id }, firstPage: { titleDa: 'Tom', titleEn: null } }, actor);
    if (created.kind !== 'ok') throw new Error(created.kind);
    const id = created.survey.id;
    const empty = (await loadInstrument(t.db, id))[0]!;
    expect((await deletePage(t.db, empty.id, actor)).kind).toBe('ok');
    await insertQuestionnaire(t.db, id);
    await t.db.update(surveys).set({ status: 'open' }).where(eq(surveys.id, id));
    const found = (await findSurvey(t.db, id))!;
    const stored = await storeResponse(t.db, {
      survey: found.survey,
      pages: found.pages,
      channel: 'paper',
      flags: [],
      answers: {
        area: 'indre-norrebro', safety_general: 'safe', safety_evening: 'safe', safety_night: 'safe',
        problems: { drug_dealing: 'big', youth_groups: 'some', gang_conflict: 'big', threats: 'small', violence: 'some', vandalism: 'small', reckless_driving: 'none', poor_lighting: 'big', littering: 'some' },
        avoids_places: 'no', worry_victim: '3', trust_police: '4', trust_municipality: '4', age_band: '35_44', gender: 'woman', relation: ['resident'],
      },
    });
    expect(stored.kind).toBe('stored');
    const before = JSON.stringify(await loadInstrument(t.db, id));
    const [page1, page2] = found.pages;
    const q = page2!.questions[0]!;
    expect(await addQuestion(t.db, id, page1!.id, single('ny'), actor)).toEqual({ kind: 'locked' });
    expect(await updateQuestion(t.db, q.id, single(q.key, { textDa: 'Ændret' }), actor)).toEqual({ kind: 'locked' });
    expect(await moveQuestion(t.db, q.id, 'down', actor)).toEqual({ kind: 'locked' });
    expect(await deleteQuestion(t.db, q.id, actor)).toEqual({ kind: 'locked' });
    expect(await addPage(t.db, id, { titleDa: 'Ny', titleEn: null }, actor)).toEqual({ kind: 'locked' });
    expect(await updatePage(t.db, page1!.id, { titleDa: 'Ny', titleEn: null }, actor)).toEqual({ kind: 'locked' });
    expect(await movePage(t.db, page2!.id, 'up', actor)).toEqual({ kind: 'locked' });
    expect(JSON.stringify(await loadInstrument(t.db, id))).toBe(before);
    // The wave's own texts may still change.
    expect((await updateSurveyMeta(t.db, id, { ...(await meta('fuld')), waveDa: 'Fuld bølge' }, actor)).kind).toBe('ok');
  });
});

describe('the audit log', () => {
  it('every change is audited', async () => {
    const page = await addPage(t.db, surveyId, { titleDa: 'To', titleEn: null }, actor);
    if (page.kind !== 'ok') throw new Error(page.kind);
    await updatePage(t.db, page.page.id, { titleDa: 'Anden', titleEn: null }, actor);
    await movePage(t.db, page.page.id, 'up', actor);
    const a = await addQuestion(t.db, surveyId, firstPageId, single('a'), actor);
    const b = await addQuestion(t.db, surveyId, firstPageId, single('b'), actor);
    if (a.kind !== 'ok' || b.kind !== 'ok') throw new Error('addQuestion');
    await updateQuestion(t.db, a.question.id, single('a', { textDa: 'Nyt' }), actor);
    await moveQuestion(t.db, b.question.id, 'up', actor);
    await deleteQuestion(t.db, b.question.id, actor);
    const empty = await addPage(t.db, surveyId, { titleDa: 'Tom', titleEn: null }, actor);
    if (empty.kind !== 'ok') throw new Error(empty.kind);
    await deletePage(t.db, empty.page.id, actor);
    await updateSurveyMeta(t.db, surveyId, { ...(await meta('ny-bolge')), titleDa: 'Ny titel' }, actor);
    expect((await auditActions()).filter((x) => !x.startsWith('user.'))).toEqual([
      'survey_series.create',
      'survey.create',
      'survey_page.add',
      'survey_page.update',
      'survey_page.move',
      'question.add',
      'question.add',
      'question.update',
      'question.move',
      'question.delete',
      'survey_page.add',
      'survey_page.delete',
      'survey.update',
    ]);
    const rows = (await t.db.select().from(auditLog)).filter((r) => !r.action.startsWith('user.'));
    expect(rows.every((r) => r.userId === actor)).toBe(true);
    expect(rows.find((r) => r.action === 'question.update')!.summary).toContain('textDa');
  });

  it('a refused change is not audited', async () => {
    const before = (await auditActions()).length;
    await addQuestion(t.db, surveyId, firstPageId, single('BAD'), actor);
    await deletePage(t.db, 99_999, actor);
    expect(await auditActions()).toHaveLength(before);
  });
});
