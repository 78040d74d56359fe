/**
 * Survey analysis against a real SQLite file: distributions with n and
 * Wilson intervals, breakdowns whose small cells cannot be worked out from
 * anything published, free text detached from its respondent, nothing at all
 * for an open wave, and /resultater's choice of waves and goals. Numbers are
 * worked out by hand from the crafted responses. Counts are shown as the
 * disclosure engine publishes them (src/lib/disclosure: perturbed by the cell
 * key, the sum of the respondents' record keys read back from the database);
 * shares and intervals are of the true answers, exactly.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answers, auditLog, questions, responses, surveyAreas, surveys, surveySeries, type Survey } from '../../db/schema.ts';
import { isSuppressed, type DataTable, type TableValue } from '../../src/lib/data-table.ts';
import { addKeys, publishCount } from '../../src/lib/disclosure/index.ts';
import type { Answers } from '../../src/lib/survey/instrument.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { analysisOptions, findWaveForAnalysis, setResultsPublished } from '../../src/server/dashboard/waves.ts';
import { freeTextAnswers, tables, waveShares } from '../../src/server/dashboard/analysis.ts';
import { setMargins } from '../../src/server/dashboard/goals.ts';
import { estimateIndicator, INSECURITY_EVENING } from '../../src/server/dashboard/indicators.ts';
import { publicResults } from '../../src/server/dashboard/public-results.ts';
import type { TableContext } from '../../src/server/dashboard/tables.ts';
import { insertQuestionnaire } from '../../src/server/seed/demo-waves.ts';
import { storeResponse } from '../../src/server/surveys/answering.ts';
import { loadInstrument } from '../../src/server/surveys/surveys.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';
import { makeEveningGoal } from '../support/survey-factory.ts';

const K = 5;
let t: TestDb;
let seriesId: number;

/** Every required question answered; places and the free text are skipped ("no" to avoiding places). */
const BASE: Answers = {
  area: 'indre-norrebro',
  safety_general: 'safe',
  safety_evening: 'safe',
  safety_night: 'safe',
  problems: {
    drug_dealing: 'some',
    youth_groups: 'small',
    gang_conflict: 'none',
    threats: 'small',
    violence: 'none',
    vandalism: 'small',
    reckless_driving: 'none',
    poor_lighting: 'some',
    littering: 'small',
  },
  avoids_places: 'no',
  worry_victim: '3',
  trust_police: '5',
  trust_municipality: '4',
  age_band: '35_44',
  gender: 'woman',
  relation: ['resident'],
};

let year = 2020;
async function makeWave(options: { status?: 'open' | 'closed'; published?: boolean } = {}): Promise<Survey> {
  year += 1;
  const [wave] = await t.db
    .insert(surveys)
    .values({
      seriesId,
      slug: `test-${year}`,
      waveDa: `Måling ${year}`,
      waveEn: `Wave ${year}`,
      titleDa: 'Test',
      mode: 'open',
      status: options.status ?? 'closed',
      resultsPublished: options.published ?? false,
      opensAt: new Date(`${year}-03-01T00:00:00Z`),
      closesAt: new Date(`${year}-04-01T00:00:00Z`),
    })
    .returning();
  if (!wave) throw new Error('wave not inserted');
  await insertQuestionnaire(t.db, wave.id);
  await t.db.insert(surveyAreas).values((await listAreas(t.db)).map((a) => ({ surveyId: wave.id, areaId: a.id })));
  return wave;
}

/** `count` respondents giving BASE with these answers changed; their record keys, as stored. */
async function respond(wave: Survey, count: number, changes: Answers = {}, flags: string[] = []): Promise<number[]> {
  const pages = await loadInstrument(t.db, wave.id);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const result = await storeResponse(t.db, { survey: wave, pages, answers: { ...BASE, ...changes }, channel: 'web', flags });
    if (result.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(result)}`);
    ids.push(result.responseId);
  }
  if (ids.length === 0) return [];
  const keys = (await t.db.select({ cellKey: responses.cellKey }).from(responses).where(inArray(responses.id, ids))).map((r) => r.cellKey);
  if (keys.length !== count || keys.some((k) => k < 1)) throw new Error('responses without record keys');
  return keys;
}

/** What the engine publishes for a count of these groups of respondents (given by their record keys). */
const published = (...groups: readonly (readonly number[])[]): number | undefined =>
  publishCount(
    groups.reduce((s, g) => s + g.length, 0),
    addKeys(...groups.flat()),
    K,
  );

/** A published count of at least K + 2 is never suppressed by the noise: a number within 2 of the count. */
function expectNear(shown: TableValue | undefined, count: number): void {
  expect(typeof shown).toBe('number');
  expect(Math.abs((shown as number) - count)).toBeLessThanOrEqual(2);
  expect(shown as number).toBeGreaterThanOrEqual(K);
}

function ctx(params: Record<string, string>, role: TableContext['role'] = 'analyst'): TableContext {
  return { db: t.db, locale: 'da', role, k: K, params: new URLSearchParams(params) };
}

async function build(id: string, params: Record<string, string>): Promise<DataTable | undefined> {
  return tables[id]!(ctx(params));
}

beforeEach(async () => {
  year = 2020;
  t = await createTestDb();
  await seedReference(t.db);
  seriesId = (await t.db.insert(surveySeries).values({ slug: 'serie', titleDa: 'Serie' }).returning())[0]!.id;
});
afterEach(() => t.close());

describe('distributions of a closed wave', () => {
  it('every answer has its count, its share of the substantive answers and a 95 % Wilson interval', async () => {
    const wave = await makeWave();
    const verySafe = await respond(wave, 18, { safety_evening: 'very_safe' });
    const safe = await respond(wave, 23, { safety_evening: 'safe' });
    const neither = await respond(wave, 11, { safety_evening: 'neither' });
    const unsafe = await respond(wave, 8, { safety_evening: 'unsafe' });
    const veryUnsafe = await respond(wave, 16, { safety_evening: 'very_unsafe' });
    await respond(wave, 2, { safety_evening: 'dont_know' });
    const table = (await build('wave-distribution', { wave: String(wave.id), area: 'indre-norrebro', question: 'safety_evening' }))!;
    const row = (answer: string) => table.rows.find((r) => r['answer'] === answer)!;
    // 76 substantive answers; "don't know" is left out of the denominator and gets no row.
    expect(row('Svar i alt')['n']).toBe(published(verySafe, safe, neither, unsafe, veryUnsafe));
    expectNear(row('Svar i alt')['n'], 76);
    expect(table.rows.map((r) => r['answer'])).not.toContain('Ved ikke');
    expect(row('Utryg')['n']).toBe(published(unsafe));
    expectNear(row('Utryg')['n'], 8);
    expect(row('Meget tryg')['n']).toBe(published(verySafe));
    // The shares and intervals are of the true counts, as before.
    expect(row('Utryg')['share']).toBeCloseTo(8 / 76, 10);
    // Wilson by hand: p = 8/76, z = 1.96, z²/n = 0.05055: centre 0.12426, half-width 0.06994.
    expect(row('Utryg')['low']).toBeCloseTo(0.0543, 4);
    expect(row('Utryg')['high']).toBeCloseTo(0.1942, 4);
    expect(row('Meget tryg')['share']).toBeCloseTo(18 / 76, 10);
  });

  it('an answer below K reads "for få svar", and so does the next smallest, so neither can be worked out from the total', async () => {
    const wave = await makeWave();
    const safe = await respond(wave, 20, { safety_evening: 'safe' });
    const neither = await respond(wave, 9, { safety_evening: 'neither' });
    const unsafe = await respond(wave, 7, { safety_evening: 'unsafe' });
    const veryUnsafe = await respond(wave, 2, { safety_evening: 'very_unsafe' });
    const table = (await build('wave-distribution', { wave: String(wave.id), area: 'indre-norrebro', question: 'safety_evening' }))!;
    const cell = (answer: string, field: string): TableValue => table.rows.find((r) => r['answer'] === answer)![field]!;
    expect(isSuppressed(cell('Meget utryg', 'n'))).toBe(true);
    expect(isSuppressed(cell('Meget utryg', 'share'))).toBe(true);
    expect(isSuppressed(cell('Utryg', 'n'))).toBe(true); // the complement: 7 is the smallest other non-zero
    expect(cell('Hverken tryg eller utryg', 'n')).toBe(published(neither));
    expectNear(cell('Hverken tryg eller utryg', 'n'), 9);
    expect(cell('Hverken tryg eller utryg', 'share')).toBeCloseTo(9 / 38, 10);
    expect(cell('Tryg', 'n')).toBe(published(safe));
    expect(cell('Meget tryg', 'n')).toBe(0); // a zero reveals no one, and is not perturbed
    expect(cell('Svar i alt', 'n')).toBe(published(safe, neither, unsafe, veryUnsafe));
    expectNear(cell('Svar i alt', 'n'), 38);
  });

  it('a grouped share that would reveal a suppressed answer is not shown; one that holds all of them is', async () => {
    const wave = await makeWave();
    const safe = await respond(wave, 20, { safety_evening: 'safe' });
    const neither = await respond(wave, 9, { safety_evening: 'neither' });
    const unsafe = await respond(wave, 7, { safety_evening: 'unsafe' });
    const veryUnsafe = await respond(wave, 2, { safety_evening: 'very_unsafe' });
    const area = (await listAreas(t.db)).find((a) => a.slug === 'indre-norrebro')!;
    const options = { k: K, weighted: false, excludeSuspicious: true };
    const [unsafeOrWorse, neitherOrWorse, onlyUnsafe] = await waveShares(
      t.db,
      wave.id,
      area.id,
      [
        { key: 'safety_evening', item: null, values: ['unsafe', 'very_unsafe'] },
        { key: 'safety_evening', item: null, values: ['neither', 'unsafe', 'very_unsafe'] },
        { key: 'safety_evening', item: null, values: ['unsafe'] },
      ],
      options,
    );
    // unsafe + very unsafe = 9 holds both suppressed cells: 9/38 reveals nothing the page hides.
    // The counts are published ones (the group's cell key is its respondents'); the share is exact.
    const base = published(safe, neither, unsafe, veryUnsafe);
    expect(unsafeOrWorse).toMatchObject({ suppressed: false, n: published(unsafe, veryUnsafe), base, p: 9 / 38 });
    expect(neitherOrWorse).toMatchObject({ suppressed: false, n: published(neither, unsafe, veryUnsafe), base, p: 18 / 38 });
    expectNear((unsafeOrWorse as { n: number }).n, 9);
    expectNear(base, 38);
    expect(onlyUnsafe).toEqual({ suppressed: true });
  });

  it('the problems are ranked by the share answering the strongest option', async () => {
    const wave = await makeWave();
    const both = await respond(wave, 10, { problems: { ...(BASE['problems'] as Record<string, string>), drug_dealing: 'big', violence: 'big' } });
    const dealing = await respond(wave, 10, { problems: { ...(BASE['problems'] as Record<string, string>), drug_dealing: 'big' } });
    const rest = await respond(wave, 20);
    const table = (await build('wave-problems', { wave: String(wave.id), area: 'indre-norrebro' }))!;
    // n is the published number of answers to the item: everyone, the same 40 respondents for every item.
    const everyone = published(both, dealing, rest);
    expectNear(everyone, 40);
    expect(table.rows.slice(0, 2).map((r) => [r['problem'], r['share'], r['n']])).toEqual([
      ['Åbent salg af hash og andre stoffer', 0.5, everyone],
      ['Vold', 0.25, everyone],
    ]);
    expect(table.rows[2]!['share']).toBe(0);
  });
});

/** Rank of a matrix by Gaussian elimination (small integer systems). */
function rank(rows: number[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
    if (pivot === -1) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      for (let j = c; j < m[i]!.length; j++) m[i]![j]! -= f * m[r]![j]!;
    }
    r += 1;
  }
  return r;
}

describe('breakdowns by a background question', () => {
  it('a breakdown cell below K is suppressed and cannot be recovered from row or column totals', async () => {
    const wave = await makeWave();
    const women: [string, number][] = [['very_safe', 10], ['safe', 10], ['neither', 6], ['unsafe', 2], ['very_unsafe', 7]];
    const men: [string, number][] = [['very_safe', 8], ['safe', 12], ['neither', 5], ['unsafe', 6], ['very_unsafe', 9], ['dont_know', 1]];
    const womenKeys: number[][] = [];
    const menKeys: number[][] = [];
    for (const [answer, n] of women) womenKeys.push(await respond(wave, n, { gender: 'woman', safety_evening: answer }));
    for (const [answer, n] of men) menKeys.push(await respond(wave, n, { gender: 'man', safety_evening: answer }));
    await respond(wave, 1, { gender: 'prefer_not', safety_evening: 'safe' });
    const params = { wave: String(wave.id), area: 'indre-norrebro' };
    const breakdown = (await build('wave-breakdown', { ...params, question: 'safety_evening', by: 'gender' }))!;
    const woman = breakdown.rows.find((r) => r['by'] === 'Kvinde')!;
    const man = breakdown.rows.find((r) => r['by'] === 'Mand')!;
    // Row totals are every woman (35) and every man (41, one of them "don't know"), as the gender distribution
    // has them: the same respondents, so the same published figure.
    expect(woman['n']).toBe(published(...womenKeys));
    expect(man['n']).toBe(published(...menKeys));
    expectNear(woman['n'], 35);
    expectNear(man['n'], 41);
    const gender = (await build('wave-distribution', { wave: String(wave.id), area: 'indre-norrebro', question: 'gender' }))!;
    expect(gender.rows.find((r) => r['answer'] === 'Kvinde')!['n']).toBe(woman['n']);
    expect(gender.rows.find((r) => r['answer'] === 'Mand')!['n']).toBe(man['n']);
    expect(isSuppressed(woman['x:unsafe']!)).toBe(true);
    expect(breakdown.rows.map((r) => r['by'])).toEqual(['Kvinde', 'Mand', 'Andet']); // no row for "prefer not to say"
    // Complementary suppression hides more than the small cell (and the one-person "Andet" row's zeros are
    // protected too, so where the repairs fall says nothing about that person), but not everything.
    const shownX = ['very_safe', 'safe', 'neither', 'unsafe', 'very_unsafe'].filter((x) => typeof woman[`x:${x}`] === 'number');
    expect(shownX.length).toBeGreaterThan(0);
    expect(woman[`x:${shownX[0]}`]).toBeCloseTo(women.find(([a]) => a === shownX[0])![1] / 35, 10);

    // The attacker's view: every figure this page publishes for the area, as linear equations in the
    // 4 × 6 cells (woman, man, other, no answer) × (five answers, no answer).
    const rowsY = ['woman', 'man', 'other', 'none'];
    const colsX = ['very_safe', 'safe', 'neither', 'unsafe', 'very_unsafe', 'none'];
    const index = (y: string, x: string) => rowsY.indexOf(y) * colsX.length + colsX.indexOf(x);
    const equations: number[][] = [];
    const equation = (cells: [string, string][]) => {
      const e = new Array<number>(rowsY.length * colsX.length).fill(0);
      for (const [y, x] of cells) e[index(y, x)] = 1;
      equations.push(e);
    };
    const labelsY: Record<string, string> = { Kvinde: 'woman', Mand: 'man', Andet: 'other' };
    for (const r of breakdown.rows) {
      const y = labelsY[r['by'] as string]!;
      if (!isSuppressed(r['n']!)) equation(colsX.map((x) => [y, x]));
      for (const x of colsX) if (typeof r[`x:${x === 'none' ? '_none' : x}`] === 'number') equation([[y, x]]);
    }
    const labelsX: Record<string, string> = { 'Meget tryg': 'very_safe', Tryg: 'safe', 'Hverken tryg eller utryg': 'neither', Utryg: 'unsafe', 'Meget utryg': 'very_unsafe' };
    for (const r of (await build('wave-distribution', { ...params, question: 'safety_evening' }))!.rows) {
      if (isSuppressed(r['n']!)) continue;
      const x = labelsX[r['answer'] as string];
      if (x) equation(rowsY.map((y) => [y, x]));
      else equation(rowsY.flatMap((y) => colsX.filter((c) => c !== 'none').map((c): [string, string] => [y, c]))); // the total
    }
    for (const r of (await build('wave-distribution', { ...params, question: 'gender' }))!.rows) {
      if (isSuppressed(r['n']!)) continue;
      const y = labelsY[r['answer'] as string];
      if (y) equation(colsX.map((x) => [y, x]));
      else equation(rowsY.filter((c) => c !== 'none').flatMap((c) => colsX.map((x): [string, string] => [c, x])));
    }
    const base = rank(equations);
    const determined = (y: string, x: string): boolean => {
      const e = new Array<number>(rowsY.length * colsX.length).fill(0);
      e[index(y, x)] = 1;
      return rank([...equations, e]) === base;
    };
    expect(determined('woman', shownX[0]!)).toBe(true); // a shown cell, as a sanity check of the audit
    expect(determined('woman', 'unsafe')).toBe(false);
    // No suppressed count below K can be worked out. (A count of K or more that the noise took below K is
    // suppressed too; working it out from the other published figures gives a count of at least K, within the noise.)
    const trueCount = (y: string, x: string): number => (y === 'woman' ? women : y === 'man' ? men : []).find(([a]) => a === (x === 'none' ? 'dont_know' : x))?.[1] ?? 0;
    for (const r of breakdown.rows) {
      for (const x of colsX) {
        const v = r[`x:${x === 'none' ? '_none' : x}`];
        const y = labelsY[r['by'] as string]!;
        if (v !== undefined && isSuppressed(v) && trueCount(y, x) < K) expect(determined(y, x), `${String(r['by'])}/${x}`).toBe(false);
      }
    }
  });

  it('a breakdown needs one of the questions and one background question; anything else is no table', async () => {
    const wave = await makeWave();
    await respond(wave, 10);
    const params = { wave: String(wave.id), area: 'indre-norrebro' };
    expect(await build('wave-breakdown', { ...params, question: 'safety_evening', by: 'gender' })).toBeDefined();
    expect(await build('wave-breakdown', { ...params, question: 'safety_evening', by: 'safety_night' })).toBeUndefined();
    expect(await build('wave-breakdown', { ...params, question: 'gender', by: 'age_band' })).toBeUndefined();
    expect(await build('wave-breakdown', { ...params, question: 'safety_evening' })).toBeUndefined();
    expect(await build('wave-distribution', { wave: String(wave.id), area: 'atlantis' })).toBeUndefined();
  });
});

describe('free text', () => {
  it("a free-text answer is shown masked, without the respondent's other answers, only when the question has K answers", async () => {
    const wave = await makeWave();
    const area = (await listAreas(t.db)).find((a) => a.slug === 'indre-norrebro')!;
    const withText = (text: string): Answers => ({ avoids_places: 'yes', unsafe_places: ['place:blaagaards-plads'], avoid_why: text });
    await respond(wave, 1, { ...withText('Mørkt ved pladsen'), gender: 'man', age_band: '75_plus' });
    await respond(wave, 1, withText('Der handles stoffer'));
    await respond(wave, 1, withText('Dårlig belysning'));
    await respond(wave, 1, withText('Grupper om aftenen'));
    await respond(wave, 20); // no free text
    const options = { k: K, weighted: false, excludeSuspicious: true };
    const section = async () => (await freeTextAnswers(t.db, wave.id, area.id, options)).find((s) => s.question.key === 'avoid_why')!;
    expect((await section()).texts).toBeUndefined(); // four answers: fewer than K

    // A fifth, stored before masking existed (inserted directly, unmasked): shown masked all the same.
    await respond(wave, 1, withText('placeholder'));
    const question = (await t.db.select().from(questions).where(eq(questions.key, 'avoid_why'))).find((q) => q.surveyId === wave.id)!;
    await t.db.update(answers).set({ value: 'Ring til mig på 12 34 56 78' }).where(eq(answers.value, 'placeholder'));
    const texts = (await section()).texts!;
    expect(texts).toHaveLength(5);
    expect(new Set(texts)).toEqual(new Set(['Mørkt ved pladsen', 'Der handles stoffer', 'Dårlig belysning', 'Grupper om aftenen', 'Ring til mig på [telefonnummer skjult]']));
    // Only the texts: nothing about the respondent (id, gender, age, day) travels with them.
    expect(Object.keys(await section()).sort()).toEqual(['question', 'texts']);
    expect(texts.every((x) => typeof x === 'string')).toBe(true);
    expect(question.type).toBe('text');
    // A fresh random order: over many calls the five come in more than one order.
    const orders = new Set<string>();
    for (let i = 0; i < 30; i++) orders.add((await section()).texts!.join('|'));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('open waves', () => {
  it('an open wave has no distributions', async () => {
    const wave = await makeWave({ status: 'open' });
    await respond(wave, 30);
    await respond(wave, 6, { avoids_places: 'yes', unsafe_places: ['place:blaagaards-plads'], avoid_why: 'Mørkt' });
    const area = (await listAreas(t.db)).find((a) => a.slug === 'indre-norrebro')!;
    const params = { wave: String(wave.id), area: 'indre-norrebro', question: 'safety_evening', by: 'gender' };
    for (const id of Object.keys(tables)) expect(await tables[id]!(ctx(params)), id).toBeUndefined();
    expect((await findWaveForAnalysis(t.db, wave.id)).kind).toBe('not_closed');
    const options = { k: K, weighted: false, excludeSuspicious: true };
    expect(await freeTextAnswers(t.db, wave.id, area.id, options)).toEqual([]);
    expect(await waveShares(t.db, wave.id, area.id, [{ key: 'safety_evening', item: null, values: ['safe'] }], options)).toEqual([undefined]);
    // Nor can it be published.
    const { user } = await makeUser(t.db, 'analyst');
    expect(await setResultsPublished(t.db, wave.id, true, user.id)).toBe('not_closed');
  });

  it('a trend uses only the closed waves of the series, up to the chosen one', async () => {
    const first = await makeWave();
    const firstAll = [...(await respond(first, 10, { safety_evening: 'unsafe' })), ...(await respond(first, 10, { safety_evening: 'safe' }))];
    const second = await makeWave();
    // At least K + 2 of each, so that no noise can take a count below K.
    const secondAll = [...(await respond(second, 7, { safety_evening: 'unsafe' })), ...(await respond(second, 21, { safety_evening: 'safe' }))];
    const open = await makeWave({ status: 'open' });
    await respond(open, 20, { safety_evening: 'unsafe' });
    const table = (await build('trend', { wave: String(second.id), area: 'indre-norrebro', question: 'safety_evening' }))!;
    const unsafe = table.rows.filter((r) => r['answer'] === 'Utryg');
    expect(unsafe.map((r) => [r['wave'], r['share'], r['n']])).toEqual([
      ['Måling 2021', 0.5, published(firstAll)],
      ['Måling 2022', 0.25, published(secondAll)],
    ]);
    expectNear(unsafe[0]!['n'], 20);
    expectNear(unsafe[1]!['n'], 28);
    expect(await build('trend', { wave: String(open.id), area: 'indre-norrebro', question: 'safety_evening' })).toBeUndefined();
    expect((await build('trend', { wave: String(first.id), area: 'indre-norrebro', question: 'safety_evening' }))!.rows.filter((r) => r['answer'] === 'Utryg')).toHaveLength(1);
  });
});

describe('the suspicious switch', () => {
  it('keeping suspicious responses is refused while the area has fewer than K of them, so "with" minus "without" shows no one', async () => {
    const wave = await makeWave();
    const plain = await respond(wave, 20);
    const flagged = await respond(wave, 2, { safety_evening: 'very_unsafe' }, ['too_fast']);
    const area = (await listAreas(t.db)).find((a) => a.slug === 'indre-norrebro')!;
    const keep = new URLSearchParams({ mistaenkelige: 'med' });
    expect(await analysisOptions(t.db, wave.id, area.id, keep, K)).toMatchObject({ excludeSuspicious: true, suspiciousSwitchIgnored: true });
    const params = { wave: String(wave.id), area: 'indre-norrebro', question: 'safety_evening' };
    const without = (await build('wave-distribution', params))!;
    const withFlagged = (await build('wave-distribution', { ...params, mistaenkelige: 'med' }))!;
    expect(withFlagged.rows).toEqual(without.rows);

    const more = await respond(wave, 3, { safety_evening: 'very_unsafe' }, ['too_fast']);
    expect(await analysisOptions(t.db, wave.id, area.id, keep, K)).toMatchObject({ excludeSuspicious: false, suspiciousSwitchIgnored: false });
    const total = (await build('wave-distribution', { ...params, mistaenkelige: 'med' }))!.rows.find((r) => r['answer'] === 'Svar i alt')!;
    expect(total['n']).toBe(published(plain, flagged, more));
    expectNear(total['n'], 25);
  });
});

describe('publishing results', () => {
  it('publishing and withdrawing a closed wave is audited', async () => {
    const wave = await makeWave();
    const { user } = await makeUser(t.db, 'analyst');
    expect(await setResultsPublished(t.db, wave.id, true, user.id)).toBe('ok');
    expect((await t.db.select().from(surveys).where(eq(surveys.id, wave.id)).limit(1))[0]!.resultsPublished).toBe(true);
    expect(await setResultsPublished(t.db, wave.id, false, user.id)).toBe('ok');
    expect(await setResultsPublished(t.db, 9999, true, user.id)).toBe('not_found');
    const log = (await t.db.select().from(auditLog)).filter((a) => a.entityType === 'survey' && a.entityId === wave.id);
    expect(log.map((a) => [a.action, a.userId])).toEqual([
      ['survey.publish_results', user.id],
      ['survey.unpublish_results', user.id],
    ]);
  });

  it('/resultater shows only published waves', async () => {
    const publishedWave = await makeWave({ published: true });
    const unsafe = await respond(publishedWave, 15, { safety_evening: 'unsafe' });
    const safe = await respond(publishedWave, 25, { safety_evening: 'safe' });
    const unpublished = await makeWave();
    await respond(unpublished, 40, { safety_evening: 'unsafe' });
    const open = await makeWave({ status: 'open', published: true }); // reopened after publishing: not closed, so not shown
    await respond(open, 40);

    const result = await publicResults(t.db, 'da', K);
    expect(result.waves.map((w) => w.wave.id)).toEqual([publishedWave.id]);
    const inner = result.waves[0]!.areas.find((a) => a.area.slug === 'indre-norrebro')!;
    // 15 of 40 feel unsafe in the evening; unweighted (no population figures in this database).
    // The counts as the engine publishes them; the share exactly.
    expect(inner.figures.unsafeEvening).toMatchObject({ suppressed: false, n: published(unsafe), base: published(unsafe, safe), p: 15 / 40 });
    expectNear((inner.figures.unsafeEvening as { base: number }).base, 40);
    const square = result.waves[0]!.areas.find((a) => a.area.slug === 'skt-hans-torv')!;
    expect(square.figures.unsafeEvening).toEqual({ suppressed: true }); // nobody answered there

    // A goal whose latest wave is unpublished is not shown; publishing the wave shows it.
    const { user } = await makeUser(t.db, 'analyst');
    const area = (await listAreas(t.db)).find((a) => a.slug === 'indre-norrebro')!;
    await makeEveningGoal(t.db, user.id, { seriesId, areaId: area.id, baselineId: publishedWave.id, targetValue: 0.2 }, { titleDa: 'Færre utrygge om aftenen', titleEn: null, targetDate: '2030-12-31' });
    expect((await publicResults(t.db, 'da', K)).goals).toEqual([]);
    await setResultsPublished(t.db, unpublished.id, true, user.id);
    const goals = (await publicResults(t.db, 'da', K)).goals;
    expect(goals).toHaveLength(1);
    expect(goals[0]).toMatchObject({ title: { text: 'Færre utrygge om aftenen', lang: 'da' }, baseline: { kind: 'estimate', p: 15 / 40 }, latest: { kind: 'estimate', p: 1 }, targetVerdict: 'not_met' });
    expect((await t.db.select().from(responses)).length).toBe(120);
  });
});

describe('answers read once and kept', () => {
  it('the weighted figures follow the population margins when they change, and agree with the goals', async () => {
    const wave = await makeWave();
    await respond(wave, 30, { gender: 'woman', safety_evening: 'unsafe' });
    await respond(wave, 10, { gender: 'woman', safety_evening: 'safe' });
    await respond(wave, 10, { gender: 'man', safety_evening: 'unsafe' });
    await respond(wave, 30, { gender: 'man', safety_evening: 'safe' });
    const area = (await listAreas(t.db)).find((a) => a.slug === 'indre-norrebro')!;
    const { user } = await makeUser(t.db, 'analyst');
    const params = { wave: String(wave.id), area: 'indre-norrebro', question: 'safety_evening' };
    const share = async (): Promise<TableValue> => (await build('wave-distribution', params))!.rows.find((r) => r['answer'] === 'Utryg')!['share']!;
    const indicator = () => estimateIndicator(t.db, { ...INSECURITY_EVENING, successValues: ['unsafe'] }, wave.id, area.id, { k: K, weighted: true, excludeSuspicious: true });
    expect(await share()).toBeCloseTo(40 / 80, 10); // no margins: unweighted

    // Women are three in four of the population: 3/4 · 30/40 + 1/4 · 10/40.
    await setMargins(t.db, area.id, 'gender', [{ category: 'woman', population: 7500 }, { category: 'man', population: 2500 }], 'Testtal', user.id);
    expect(await share()).toBeCloseTo(0.625, 6);
    expect(await indicator()).toMatchObject({ suppressed: false, weighted: true });
    expect(await share()).toBe(((await indicator()) as { p: number }).p);
    // And the same n: the same respondents' published count, not one that could be subtracted from the other.
    const shownTotal = (await build('wave-distribution', params))!.rows.find((r) => r['answer'] === 'Svar i alt')!['n'];
    expect(((await indicator()) as { n: number }).n).toBe(shownTotal);

    // New figures for the area: the weights are raked again.
    await setMargins(t.db, area.id, 'gender', [{ category: 'woman', population: 2500 }, { category: 'man', population: 7500 }], 'Testtal', user.id);
    expect(await share()).toBeCloseTo(0.375, 6);
    expect(await share()).toBe(((await indicator()) as { p: number }).p);
    expect((await build('wave-distribution', { ...params, vaegtet: '0' }))!.rows.find((r) => r['answer'] === 'Utryg')!['share']).toBeCloseTo(0.5, 10);
  });

  it('answers holding the separators the reading packs them with are read exactly', async () => {
    const wave = await makeWave();
    const withText = await respond(wave, 6, { avoids_places: 'yes', unsafe_places: ['place:blaagaards-plads'], avoid_why: 'Mørkt' });
    const plain = await respond(wave, 20);
    const area = (await listAreas(t.db)).find((a) => a.slug === 'indre-norrebro')!;
    const texts = (await t.db.select().from(answers)).filter((a) => a.value === 'Mørkt');
    await t.db.update(answers).set({ value: 'Mørkt\u001fved\u001epladsen' }).where(eq(answers.id, texts[0]!.id));
    // A stored value that is no answer, though it is made of answers and separators: it counts as nothing.
    const safe = (await t.db.select().from(questions)).find((q) => q.surveyId === wave.id && q.key === 'safety_evening')!;
    const one = (await t.db.select().from(answers)).find((a) => a.questionId === safe.id && a.responseId === texts[1]!.responseId)!;
    await t.db.update(answers).set({ value: `very_unsafe\u001e${safe.id}\u001e\u001every_unsafe` }).where(eq(answers.id, one.id));
    const last = await respond(wave, 1); // a new response: the area is read afresh
    const free = (await freeTextAnswers(t.db, wave.id, area.id, { k: K, weighted: false, excludeSuspicious: true })).find((s) => s.question.key === 'avoid_why')!;
    expect(free.texts).toHaveLength(6);
    expect(free.texts).toContain('Mørkt\u001fved\u001epladsen');
    const table = (await build('wave-distribution', { wave: String(wave.id), area: 'indre-norrebro', question: 'safety_evening' }))!;
    // 27 respondents, one of whose answers counts as nothing: 26 substantive answers.
    const lost = (await t.db.select({ cellKey: responses.cellKey }).from(responses).where(eq(responses.id, texts[1]!.responseId)))[0]!.cellKey;
    const counted = [...withText, ...plain, ...last].filter((k) => k !== lost);
    expect(counted).toHaveLength(26);
    expect(table.rows.find((r) => r['answer'] === 'Svar i alt')!['n']).toBe(published(counted));
    expectNear(table.rows.find((r) => r['answer'] === 'Svar i alt')!['n'], 26);
    expect(table.rows.find((r) => r['answer'] === 'Meget utryg')!['n']).toBe(0);
  });
});
