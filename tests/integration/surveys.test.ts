/**
 * Surveys against a real SQLite file: answering page by page, idempotent
 * submission, single-use invitation codes that leave no trace on the
 * response, masking, quality flags, cloning and the frozen instrument.
 */
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answers, invitationCodes, responses, surveyAreas, surveyDrafts, surveys, surveySeries } from '../../db/schema.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { checkCode, codeCounts, generateCodes } from '../../src/server/surveys/invitations.ts';
import { insertQuestionnaire } from '../../src/server/seed/demo-waves.ts';
import { findDraft, saveDraftAnswers, startDraft, storeResponse, submitDraft } from '../../src/server/surveys/answering.ts';
import { handlePagePost } from '../../src/server/surveys/flow.ts';
import { cloneWave, findSurvey, instrumentLocked, listAllSurveys, loadInstrument, responsesByDayAndChannel } from '../../src/server/surveys/surveys.ts';
import { pruneHidden, type Answers } from '../../src/lib/survey/instrument.ts';
import { addKeys, KEY_RANGE, publishCount } from '../../src/lib/disclosure/index.ts';
import { rawRows } from '../../src/server/db/raw.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { ON_POSTGRES } from '../support/postgres.ts';
import { seedReference } from '../support/factories.ts';

let t: TestDb;
let surveyId: number;

/** A complete, valid set of answers to the seeded questionnaire. */
const COMPLETE: Answers = {
  area: 'indre-norrebro',
  safety_general: 'safe',
  safety_evening: 'unsafe',
  safety_night: 'very_unsafe',
  problems: { drug_dealing: 'big', youth_groups: 'some', gang_conflict: 'big', threats: 'small', violence: 'some', vandalism: 'small', reckless_driving: 'none', poor_lighting: 'big', littering: 'some' },
  avoids_places: 'yes',
  unsafe_places: ['place:blaagaards-plads', 'point:55.68700,12.55600'],
  avoid_why: 'Mørkt og øde. Ring 12 34 56 78 hvis I vil vide mere.',
  worry_victim: '5',
  trust_police: '4',
  trust_municipality: '3',
  age_band: '35_44',
  gender: 'woman',
  relation: ['resident'],
  years_in_area: '12',
};

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  const [series] = await t.db.insert(surveySeries).values({ slug: 's', titleDa: 'Serie' }).returning();
  const [s] = await t.db
    .insert(surveys)
    .values({ seriesId: series!.id, slug: 'test', waveDa: 'Test', titleDa: 'Test', mode: 'both', status: 'open' })
    .returning();
  if (!s) throw new Error('wave not inserted');
  surveyId = s.id;
  await insertQuestionnaire(t.db, s.id);
  await t.db.insert(surveyAreas).values((await listAreas(t.db)).map((a) => ({ surveyId: s.id, areaId: a.id })));
});
afterEach(() => t.close());

async function submitWeb(ans: Answers, codeId: number | null = null, startedSecondsAgo = 300) {
  const found = (await findSurvey(t.db, surveyId))!;
  const { token } = await startDraft(t.db, surveyId, codeId, new Date(Date.now() - startedSecondsAgo * 1000));
  const draft = (await findDraft(t.db, surveyId, token, new Date(Date.now() - startedSecondsAgo * 1000 + 1000)))!;
  const all = found.pages.flatMap((p) => p.questions.map((q) => q.key));
  await saveDraftAnswers(t.db, draft, found.pages, all, ans);
  const fresh = (await findDraft(t.db, surveyId, token, new Date(Date.now() - startedSecondsAgo * 1000 + 2000)))!;
  return { token, result: await submitDraft(t.db, fresh, found.survey, found.pages), found, draft: fresh };
}

describe('submitting a web response', () => {
  /** The last page's form, as the browser sends it with "Send". */
  const lastPageForm = () => {
    const form = new FormData();
    for (const [name, value] of [['q_age_band', '35_44'], ['q_gender', 'woman'], ['q_relation', 'resident'], ['q_years_in_area', '12'], ['action', 'submit']] as const) form.append(name, value);
    return form;
  };
  const LAST_PAGE_KEYS = ['age_band', 'gender', 'relation', 'years_in_area'];

  it('Send on the last page stores its answers with the response, in the same step', async () => {
    const found = (await findSurvey(t.db, surveyId))!;
    const { token } = await startDraft(t.db, surveyId, null, new Date(Date.now() - 600_000));
    const draft = (await findDraft(t.db, surveyId, token))!;
    const earlier = Object.fromEntries(Object.entries(COMPLETE).filter(([key]) => !LAST_PAGE_KEYS.includes(key)));
    await saveDraftAnswers(t.db, draft, found.pages, Object.keys(earlier), earlier);
    const outcome = await handlePagePost(t.db, { found, draft: (await findDraft(t.db, surveyId, token))!, n: found.pages.length, form: lastPageForm() });
    expect(outcome.kind).toBe('done');
    expect(await t.db.select().from(responses)).toHaveLength(1);
    const gender = (await t.db.select().from(answers)).filter((r) => r.value === 'woman');
    expect(gender).toHaveLength(1);
    const [row] = await t.db.select().from(surveyDrafts);
    expect(row!.sealed).toBeNull();
    expect(row!.submittedAt).not.toBeNull();
  });

  it('Send with an answer missing on an earlier page stores nothing, keeps the last page\'s answers and points at that page', async () => {
    const found = (await findSurvey(t.db, surveyId))!;
    const { token } = await startDraft(t.db, surveyId, null, new Date(Date.now() - 600_000));
    const draft = (await findDraft(t.db, surveyId, token))!;
    const { safety_general: _, ...withoutOne } = Object.fromEntries(Object.entries(COMPLETE).filter(([key]) => !LAST_PAGE_KEYS.includes(key)));
    await saveDraftAnswers(t.db, draft, found.pages, Object.keys(withoutOne), withoutOne);
    const outcome = await handlePagePost(t.db, { found, draft: (await findDraft(t.db, surveyId, token))!, n: found.pages.length, form: lastPageForm() });
    const firstPage = found.pages.findIndex((p) => p.questions.some((q) => q.key === 'safety_general')) + 1;
    expect(outcome).toEqual({ kind: 'missing_elsewhere', page: firstPage });
    expect(await t.db.select().from(responses)).toHaveLength(0);
    const kept = (await findDraft(t.db, surveyId, token))!;
    expect(kept.submittedAt).toBeNull();
    expect(kept.answers['gender']).toBe('woman');
    expect(kept.answers['years_in_area']).toBe('12');
  });

  it('stores one response with one row per chosen value', async () => {
    const { result } = await submitWeb(COMPLETE);
    expect(result.kind).toBe('stored');
    expect(await t.db.select().from(responses)).toHaveLength(1);
    const rows = await t.db.select().from(answers);
    expect(rows.filter((r) => r.item !== null)).toHaveLength(9); // the matrix
    expect(rows.filter((r) => r.value.startsWith('place:') || r.value.startsWith('point:'))).toHaveLength(2);
  });

  it('submitting the same draft again (double click, reload, retry) stores nothing more', async () => {
    const { result, found, draft } = await submitWeb(COMPLETE);
    expect(result.kind).toBe('stored');
    expect((await submitDraft(t.db, draft, found.survey, found.pages)).kind).toBe('already');
    expect(await t.db.select().from(responses)).toHaveLength(1);
  });

  it('after submitting, the draft keeps no answers, and its day only', async () => {
    await submitWeb(COMPLETE);
    const drafts = await t.db.select().from(surveyDrafts);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.sealed).toBeNull();
    expect(drafts[0]!.submittedAt).not.toBeNull();
    for (const time of [drafts[0]!.submittedAt!, drafts[0]!.expiresAt]) expect(time.getTime() % 86_400_000).toBe(0);
  });

  it('a draft in progress is sealed: its row holds neither the answers nor the code, and a wrong token opens nothing', async () => {
    const [code] = (await generateCodes(t.db, surveyId, 1, null)).codes;
    const check = await checkCode(t.db, surveyId, code!);
    if (!check.ok) throw new Error('code refused');
    const { token } = await startDraft(t.db, surveyId, check.codeId);
    const draft = (await findDraft(t.db, surveyId, token))!;
    expect(draft.invitationCodeId).toBe(check.codeId);
    const found = (await findSurvey(t.db, surveyId))!;
    const answers = { ...COMPLETE, avoid_why: 'Ring til Jens Hansen på 12345678' };
    await saveDraftAnswers(t.db, draft, found.pages, Object.keys(answers), answers);
    const [row] = await t.db.select().from(surveyDrafts);
    const stored = JSON.stringify(row) + row!.sealed!.toString('latin1');
    expect(stored).not.toContain('Jens');
    expect(stored).not.toContain(code!);
    expect(Object.keys(row!)).toEqual(['tokenHash', 'surveyId', 'sealed', 'expiresAt', 'submittedAt']);
    expect(row!.expiresAt.getTime() % 86_400_000).toBe(0);
    expect((await findDraft(t.db, surveyId, token))!.answers).toEqual(pruneHidden(found.pages, answers));
    expect(await findDraft(t.db, surveyId, `${token}x`)).toBeUndefined();
  });

  it('a response keeps the day only, and its area from the area question', async () => {
    await submitWeb(COMPLETE);
    const r = (await t.db.select().from(responses).limit(1))[0]!;
    expect(r.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.channel).toBe('open');
    expect(r.areaId).toBe((await listAreas(t.db)).find((a) => a.slug === 'indre-norrebro')!.id);
    // Nothing but coarse attributes: the language it was answered in is one of six (README "Languages").
    expect(Object.keys(r).sort()).toEqual(['areaId', 'cellKey', 'channel', 'demo', 'flags', 'id', 'locale', 'submittedOn', 'surveyId', 'suspicious']);
    expect(r.locale).toBe('da');
    // The record key of the disclosure engine: random, drawn when the response is stored.
    expect(Number.isInteger(r.cellKey) && r.cellKey >= 1 && r.cellKey < KEY_RANGE).toBe(true);
  });

  it('free text is masked for personal data before it is stored', async () => {
    await submitWeb(COMPLETE);
    const text = (await t.db.select().from(answers)).find((r) => r.value.startsWith('Mørkt'))!;
    expect(text.value).toContain('[telefonnummer skjult]');
    expect(text.value).not.toContain('12 34 56 78');
  });

  it('a missing required answer is refused and nothing is stored', async () => {
    const { safety_evening: _dropped, ...partial } = COMPLETE;
    const { result } = await submitWeb(partial);
    expect(result).toEqual({ kind: 'missing', keys: ['safety_evening'] });
    expect(await t.db.select().from(responses)).toHaveLength(0);
  });

  it('answers to questions hidden by skip logic are dropped', async () => {
    await submitWeb({ ...COMPLETE, avoids_places: 'no' });
    const values = (await t.db.select().from(answers)).map((r) => r.value);
    expect(values.some((v) => v.startsWith('place:'))).toBe(false);
    expect(values.some((v) => v.startsWith('Mørkt'))).toBe(false);
  });
});

describe('suspicious responses are flagged, not dropped', () => {
  it('a questionnaire finished in seconds is flagged too_fast', async () => {
    await submitWeb(COMPLETE, null, 5);
    expect((await t.db.select().from(responses).limit(1))[0]).toMatchObject({ suspicious: true, flags: ['too_fast'] });
  });

  it('the same answer on every matrix item is flagged straight_lining', async () => {
    const same = Object.fromEntries(Object.keys(COMPLETE['problems'] as object).map((k) => [k, 'big']));
    await submitWeb({ ...COMPLETE, problems: same });
    expect((await t.db.select().from(responses).limit(1))[0]!.flags).toContain('straight_lining');
  });
});

describe.skipIf(!ON_POSTGRES)('invitation codes on PostgreSQL', () => {
  it('a used code shares no transaction id (xmin) with the response it was used for', async () => {
    const { codes } = await generateCodes(t.db, surveyId, 3, null);
    const check = await checkCode(t.db, surveyId, codes[0]!);
    if (!check.ok) throw new Error('code refused');
    expect((await submitWeb(COMPLETE, check.codeId)).result.kind).toBe('stored');
    const linked = async () =>
      (await rawRows<{ n: number }>(t.db, sql`select count(*)::int as n from invitation_codes c join responses r on r.xmin = c.xmin where c.used`))[0]!.n;
    // Within half a second every used code (and submitted draft) is rewritten in one transaction of its own.
    for (let i = 0; i < 40 && (await linked()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await linked()).toBe(0);
    const draftLinked = (await rawRows<{ n: number }>(t.db, sql`select count(*)::int as n from survey_drafts d join responses r on r.xmin = d.xmin`))[0]!.n;
    expect(draftLinked).toBe(0);
  });
});

describe('invitation codes', () => {
  it('a code works once; the second use is refused; no response references a code', async () => {
    const { codes } = await generateCodes(t.db, surveyId, 3, null);
    const check = await checkCode(t.db, surveyId, codes[0]!.toLowerCase().replace(/(.{4})/, '$1-'));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect((await submitWeb(COMPLETE, check.codeId)).result.kind).toBe('stored');
    expect(await checkCode(t.db, surveyId, codes[0]!)).toEqual({ ok: false, reason: 'used' });
    // A second draft that had already accepted the same code cannot use it again.
    expect((await submitWeb(COMPLETE, check.codeId)).result.kind).toBe('code_used');
    expect(await t.db.select().from(responses)).toHaveLength(1);
    // A response records its channel coarsely: that a code was used, never which one.
    expect((await t.db.select().from(responses))[0]!.channel).toBe('invitation');
    // One used code is below K: the fieldwork figure is not shown (src/lib/disclosure).
    expect(await codeCounts(t.db, surveyId, 5)).toEqual({ total: 3, used: undefined });
    const responseColumns = Object.keys((await t.db.select().from(responses).limit(1))[0]!);
    expect(responseColumns.some((c) => /code|invit/i.test(c))).toBe(false);
    const drafts = await t.db.select().from(surveyDrafts);
    expect(drafts.every((d) => d.sealed === null || d.submittedAt === null)).toBe(true);
  });

  it('codes use no look-alike characters and are unique', async () => {
    const { codes } = await generateCodes(t.db, surveyId, 500, null);
    expect(new Set(codes).size).toBe(500);
    for (const c of codes) expect(c).toMatch(/^[ACDEFGHJKMNPQRTUVWXY2345679]{8}$/);
  });

  it('a code from another wave, or a malformed one, is invalid', async () => {
    expect(await checkCode(t.db, surveyId, 'not a code')).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkCode(t.db, surveyId, 'ACDE-FGHJ')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('waves', () => {
  it('cloning a wave copies the instrument unchanged, as a draft', async () => {
    const copy = (await cloneWave(t.db, surveyId, { slug: 'test-2', waveDa: 'Test 2', waveEn: null }, null))!;
    expect(copy.status).toBe('draft');
    const strip = (pages: Awaited<ReturnType<typeof loadInstrument>>) =>
      pages.map((p) => ({ title: p.titleDa, questions: p.questions.map(({ id: _i, surveyId: _s, pageId: _p, ...q }) => q) }));
    expect(strip(await loadInstrument(t.db, copy.id))).toEqual(strip(await loadInstrument(t.db, surveyId)));
    expect(await t.db.select().from(surveyAreas).where(eq(surveyAreas.surveyId, copy.id))).toHaveLength(3);
  });

  it('the instrument is locked once a wave has responses', async () => {
    expect(await instrumentLocked(t.db, surveyId)).toBe(false);
    const found = (await findSurvey(t.db, surveyId))!;
    await storeResponse(t.db, { survey: found.survey, pages: found.pages, answers: COMPLETE, channel: 'paper', flags: [] });
    expect(await instrumentLocked(t.db, surveyId)).toBe(true);
  });

  it('a paper or phone response is stored with the channel paper', async () => {
    const found = (await findSurvey(t.db, surveyId))!;
    expect((await storeResponse(t.db, { survey: found.survey, pages: found.pages, answers: COMPLETE, channel: 'paper', flags: [] })).kind).toBe('stored');
    expect((await t.db.select().from(responses).limit(1))[0]!.channel).toBe('paper');
    expect(await t.db.select().from(invitationCodes)).toHaveLength(0);
  });
});

describe('results of a closed wave', () => {
  it('show counts per answer, and never a count below K or one that gives it away', async () => {
    const { waveDistributions } = await import('../../src/server/surveys/results.ts');
    const found = (await findSurvey(t.db, surveyId))!;
    const store = (over: Answers) => storeResponse(t.db, { survey: found.survey, pages: found.pages, answers: { ...COMPLETE, ...over }, channel: 'web', flags: [] });
    for (let i = 0; i < 10; i++) await store({ safety_evening: 'safe' });
    for (let i = 0; i < 2; i++) await store({ safety_evening: 'very_unsafe' });
    const rows = await waveDistributions(t.db, surveyId, found.pages, ['indre-norrebro', 'skt-hans-torv', 'ydre-norrebro'], 5);
    const evening = rows.find((d) => d.question.key === 'safety_evening')!.row;
    // The total as the engine publishes it: 12 perturbed by the sum of the twelve respondents' record keys.
    const keys = (await t.db.select({ cellKey: responses.cellKey }).from(responses).where(eq(responses.surveyId, surveyId))).map((r) => r.cellKey);
    expect(keys).toHaveLength(12);
    const total = publishCount(12, addKeys(...keys), 5);
    expect(evening.total).toEqual(total === undefined ? { suppressed: true } : { suppressed: false, n: total });
    expect(Math.abs(total! - 12)).toBeLessThanOrEqual(2);
    expect(evening.cells.find((c) => c.key === 'very_unsafe')).toEqual({ key: 'very_unsafe', suppressed: true });
    // The 2 cannot be recovered as total minus the shown cells: the 10 is hidden with it.
    expect(evening.cells.find((c) => c.key === 'safe')).toEqual({ key: 'safe', suppressed: true });
    expect(evening.cells.filter((c) => !c.suppressed).every((c) => c.n === 0)).toBe(true);
  });
});

describe('fieldwork counts of an open wave', () => {
  it('responses per day and channel, and the total, are published by the engine: a small count and its complement read "too few"', async () => {
    const found = (await findSurvey(t.db, surveyId))!;
    const store = async (channel: 'web' | 'paper', day: string) => {
      const result = await storeResponse(t.db, { survey: found.survey, pages: found.pages, answers: COMPLETE, channel, flags: [], day });
      if (result.kind !== 'stored') throw new Error('not stored');
    };
    for (let i = 0; i < 8; i++) await store('web', '2026-03-02');
    for (let i = 0; i < 2; i++) await store('paper', '2026-03-02');
    for (let i = 0; i < 9; i++) await store('web', '2026-03-03');
    const stored = await t.db.select({ channel: responses.channel, day: responses.submittedOn, cellKey: responses.cellKey }).from(responses).where(eq(responses.surveyId, surveyId));
    const keysOf = (channel: string, day: string) => stored.filter((r) => r.channel === channel && r.day === day).map((r) => r.cellKey);
    const fieldwork = await responsesByDayAndChannel(t.db, surveyId, 5);
    // Only the days and channels with responses, newest day first, channels in their usual order.
    expect(fieldwork.rows.map((r) => [r.day, r.channel])).toEqual([
      ['2026-03-03', 'open'],
      ['2026-03-02', 'open'],
      ['2026-03-02', 'paper'],
    ]);
    const at = (day: string, channel: string) => fieldwork.rows.find((r) => r.day === day && r.channel === channel)!.n;
    // 2 on paper is below K; the 8 on the web that day is hidden with it, or the day's 10 would give it away.
    expect(at('2026-03-02', 'paper')).toBeUndefined();
    expect(at('2026-03-02', 'open')).toBeUndefined();
    // What is shown is the count plus its cell's noise: at least K, within 2 of the count.
    for (const r of fieldwork.rows) {
      if (r.n === undefined) continue;
      const keys = keysOf(r.channel, r.day);
      expect(r.n).toBe(publishCount(keys.length, addKeys(...keys), 5));
      expect(r.n).toBeGreaterThanOrEqual(5);
    }
    // The total (19) as published, and the same figure in the list of waves.
    const total = publishCount(19, addKeys(...stored.map((r) => r.cellKey)), 5)!;
    expect(Math.abs(total - 19)).toBeLessThanOrEqual(2);
    expect(fieldwork.total).toEqual({ suppressed: false, n: total });
    expect((await listAllSurveys(t.db, 5)).find((r) => r.survey.id === surveyId)!.responses).toBe(total);
  });

  it('a wave with fewer than K responses shows "too few" for its total, and a wave with none shows 0', async () => {
    expect((await responsesByDayAndChannel(t.db, surveyId, 5)).total).toEqual({ suppressed: false, n: 0 });
    expect((await listAllSurveys(t.db, 5)).find((r) => r.survey.id === surveyId)!.responses).toBe(0);
    const found = (await findSurvey(t.db, surveyId))!;
    for (let i = 0; i < 3; i++) await storeResponse(t.db, { survey: found.survey, pages: found.pages, answers: COMPLETE, channel: 'web', flags: [], day: '2026-03-02' });
    const fieldwork = await responsesByDayAndChannel(t.db, surveyId, 5);
    expect(fieldwork.total).toEqual({ suppressed: true });
    expect(fieldwork.rows).toEqual([{ day: '2026-03-02', channel: 'open', n: undefined }]);
    expect((await listAllSurveys(t.db, 5)).find((r) => r.survey.id === surveyId)!.responses).toBeUndefined();
  });
});
