/**
 * The pure rules of consultations (src/lib/consultations.ts): when one is
 * open, how a resident's answer is read and checked (refusals for what no
 * page of ours sends, errors for what a resident can fix), and the release
 * through the disclosure engine: no published count is 1…K−1, the same
 * records give the same figures, and no hidden count below K can be worked
 * out from everything a release publishes together, by linear programming
 * (HiGHS) over every cell, margin and the respondents' row at once, with the
 * links between them a reader knows (every response answered at least one
 * place; nobody answered a place twice).
 */
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORTER_TYPES, type ConsultationScale, type ReporterType, type Stance } from '../../db/schema.ts';
import {
  commentField,
  consultationPhase,
  parseResponse,
  PLACE_COMMENT_MAX,
  readResponse,
  releaseConsultation,
  SCALE_STANCES,
  stanceField,
  stanceSummary,
  groupMembers,
  type ConsultationRelease,
  type PlaceCounts,
  type ResponseValues,
} from '../../src/lib/consultations.ts';
import { addKeys, DEFAULT_NOISE, KEY_RANGE } from '../../src/lib/disclosure/index.ts';

const K = 5;
const PLACES = [11, 12, 13];
const values = (v: Partial<ResponseValues>): ResponseValues => ({ respondent: 'resident', code: '', stances: {}, comments: {}, ...v });

describe('an invitation code with an answer', () => {
  it('is optional; given, it is read as printed codes are (any case, spaces or a dash) or refused as not a code', () => {
    const ok = parseResponse(values({ stances: { 11: 'for' } }), PLACES, 'stance');
    expect(ok.ok && ok.response.code).toBeNull();
    const typed = parseResponse(values({ code: 'acde-fghj', stances: { 11: 'for' } }), PLACES, 'stance');
    expect(typed.ok && typed.response.code).toBe('ACDEFGHJ');
    for (const bad of ['ACDE', 'ACDE-FGH0', 'not a code at all']) {
      const r = parseResponse(values({ code: bad, stances: { 11: 'for' } }), PLACES, 'stance');
      expect(r.ok).toBe(false);
      if (!r.ok && !r.refused) expect(r.errors.code).toBe('codeInvalid');
    }
  });
});

describe('consultationPhase', () => {
  it('is open from the first to the last day, both included', () => {
    const c = { opensOn: '2026-03-01', closesOn: '2026-03-31' };
    expect(consultationPhase(c, '2026-02-28')).toBe('upcoming');
    expect(consultationPhase(c, '2026-03-01')).toBe('open');
    expect(consultationPhase(c, '2026-03-31')).toBe('open');
    expect(consultationPhase(c, '2026-04-01')).toBe('closed');
  });
});

describe('reading and checking an answer', () => {
  it('reads the respondent, stances and comments by field name, and nothing else', () => {
    const form = new FormData();
    form.set('respondent', 'business');
    form.set(stanceField(11), 'for');
    form.set(commentField(12), 'Mere lys, tak');
    form.set('website', 'honeypot');
    form.set('stance-x', 'for');
    expect(readResponse(form)).toEqual({ respondent: 'business', code: '', stances: { 11: 'for' }, comments: { 12: 'Mere lys, tak' } });
  });

  it('accepts a valid answer: skipped places are left out, a comment without a stance is kept, comments are trimmed', () => {
    const parsed = parseResponse(values({ stances: { 11: 'for', 12: '', 13: 'against' }, comments: { 12: '  Godt forslag  ', 13: '' } }), PLACES, 'stance');
    expect(parsed).toEqual({
      ok: true,
      response: {
        respondent: 'resident',
        code: null,
        stances: [
          { placeId: 11, stance: 'for' },
          { placeId: 13, stance: 'against' },
        ],
        comments: [{ placeId: 12, body: 'Godt forslag' }],
      },
    });
  });

  it('refuses a place of another consultation, in a stance or in a comment', () => {
    expect(parseResponse(values({ stances: { 11: 'for', 99: 'for' } }), PLACES, 'stance')).toEqual({ ok: false, refused: 'unknownPlace' });
    expect(parseResponse(values({ stances: { 11: 'for' }, comments: { 99: 'hej' } }), PLACES, 'stance')).toEqual({ ok: false, refused: 'unknownPlace' });
    // Even an empty answer about a foreign place: no page of ours has its field.
    expect(parseResponse(values({ stances: { 11: 'for', 99: '' } }), PLACES, 'stance')).toEqual({ ok: false, refused: 'unknownPlace' });
  });

  it("refuses a stance outside the consultation's scale", () => {
    expect(parseResponse(values({ stances: { 11: 'good' } }), PLACES, 'stance')).toEqual({ ok: false, refused: 'badStance' });
    expect(parseResponse(values({ stances: { 11: 'for' } }), PLACES, 'five')).toEqual({ ok: false, refused: 'badStance' });
    expect(parseResponse(values({ stances: { 11: 'FOR' } }), PLACES, 'stance')).toEqual({ ok: false, refused: 'badStance' });
    expect(parseResponse(values({ stances: { 11: 'very_good' } }), PLACES, 'five').ok).toBe(true);
  });

  it('refuses a respondent outside the list', () => {
    for (const respondent of ['admin', 'Resident', 'resident ', 'moderator']) {
      expect(parseResponse(values({ respondent, stances: { 11: 'for' } }), PLACES, 'stance'), respondent).toEqual({ ok: false, refused: 'badRespondent' });
    }
  });

  it('gives errors a resident can fix, with what they typed kept', () => {
    const typed = values({ respondent: '', stances: { 11: '' }, comments: { 12: 'x'.repeat(PLACE_COMMENT_MAX + 1) } });
    const parsed = parseResponse(typed, PLACES, 'stance');
    expect(parsed).toEqual({ ok: false, values: typed, errors: { respondent: 'respondentMissing', form: 'nothingAnswered', places: { 12: 'commentTooLong' } } });
    // At the limit it is kept.
    expect(parseResponse(values({ stances: { 11: 'for' }, comments: { 12: 'x'.repeat(PLACE_COMMENT_MAX) } }), PLACES, 'stance').ok).toBe(true);
    // A comment alone is not an answer: at least one stance is needed.
    expect(parseResponse(values({ comments: { 12: 'Kun en kommentar' } }), PLACES, 'stance')).toMatchObject({ ok: false, errors: { form: 'nothingAnswered' } });
  });
});

// ---------------------------------------------------------------------------
// The release
// ---------------------------------------------------------------------------

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Dataset {
  scale: ConsultationScale;
  placeIds: number[];
  responses: { respondent: ReporterType; n: number; ck: number }[];
  places: PlaceCounts[];
}

/**
 * Residents answering a consultation, one by one: who they are (mostly
 * residents, a few of the others, so small counts are common), and for each
 * place whether they answered it and how. Every response and every answer
 * about a place gets its own random record key, as the server does.
 */
function dataset(random: () => number, people: number, placeCount: number, scale: ConsultationScale): Dataset {
  const stances = SCALE_STANCES[scale];
  const weights: [ReporterType, number][] = [
    ['resident', 0.7],
    ['business', 0.12],
    ['works_here', 0.1],
    ['visitor', 0.08],
  ];
  const key = () => 1 + Math.floor(random() * (KEY_RANGE - 1));
  const placeIds = Array.from({ length: placeCount }, (_, i) => 100 + i);
  const responses = new Map<ReporterType, { n: number; ck: number }>();
  const places: PlaceCounts[] = placeIds.map((placeId) => ({ placeId, cells: new Map() }));
  for (let i = 0; i < people; i++) {
    let u = random();
    const respondent = weights.find(([, w]) => (u -= w) < 0)?.[0] ?? 'visitor';
    const r = responses.get(respondent) ?? { n: 0, ck: 0 };
    responses.set(respondent, { n: r.n + 1, ck: addKeys(r.ck, key()) });
    const answered = places.filter(() => random() < 0.7);
    for (const p of answered.length > 0 ? answered : [places[Math.floor(random() * places.length)]!]) {
      // Skewed: the first stance is common, the last rare.
      const stance = stances[Math.min(stances.length - 1, Math.floor(-Math.log(1 - random()) * 1.2))]!;
      const cell = p.cells.get(`${respondent}|${stance}`) ?? { n: 0, ck: 0 };
      p.cells.set(`${respondent}|${stance}`, { n: cell.n + 1, ck: addKeys(cell.ck, key()) });
    }
  }
  return { scale, placeIds, responses: [...responses].map(([respondent, r]) => ({ respondent, ...r })), places };
}

/** Every figure a release publishes, as the sum of which true counts it is, with its published value (undefined: hidden). */
interface Figure {
  label: string;
  vars: string[];
  truth: number;
  shown: number | undefined;
}

const cellVar = (p: number, r: ReporterType, s: Stance) => `x_${p}_${r}_${s}`;
const respVar = (r: ReporterType) => `y_${r}`;

function figuresOf(data: Dataset, release: ConsultationRelease): Figure[] {
  const stances = SCALE_STANCES[data.scale];
  const truthOf = (p: number, r: ReporterType, s: Stance) => data.places.find((x) => x.placeId === p)!.cells.get(`${r}|${s}`)?.n ?? 0;
  const truthResp = (r: ReporterType) => data.responses.find((x) => x.respondent === r)?.n ?? 0;
  const shownOf = (x: { suppressed: true } | { suppressed: false; n: number }) => (x.suppressed ? undefined : x.n);
  const figures: Figure[] = [];
  const add = (label: string, parts: [string, number][], shown: number | undefined) =>
    figures.push({ label, vars: parts.map(([v]) => v), truth: parts.reduce((s, [, n]) => s + n, 0), shown });
  for (const { placeId, table } of release.places) {
    for (const row of table.rows) {
      // A row counts one respondent type, or several together (a coarser breakdown).
      const members = groupMembers(row.key);
      for (const c of row.cells) add(`place ${placeId} ${row.key}/${c.key}`, members.map((r) => [cellVar(placeId, r, c.key), truthOf(placeId, r, c.key)]), shownOf(c));
      add(`place ${placeId} ${row.key}/total`, members.flatMap((r) => stances.map((s): [string, number] => [cellVar(placeId, r, s), truthOf(placeId, r, s)])), shownOf(row.total));
    }
    table.columnTotals.forEach((c) => add(`place ${placeId} all/${c.key}`, REPORTER_TYPES.map((r) => [cellVar(placeId, r, c.key), truthOf(placeId, r, c.key)]), shownOf(c)));
    add(`place ${placeId} all/total`, REPORTER_TYPES.flatMap((r) => stances.map((s): [string, number] => [cellVar(placeId, r, s), truthOf(placeId, r, s)])), shownOf(table.total));
  }
  for (const c of release.responses.cells) add(`responses ${c.key}`, [[respVar(c.key), truthResp(c.key)]], shownOf(c));
  add('responses total', REPORTER_TYPES.map((r) => [respVar(r), truthResp(r)]), shownOf(release.responses.total));
  return figures;
}

/**
 * The smallest and largest value of a figure consistent with everything the
 * release publishes. `noise`: the attacker knows a shown p means the truth
 * is in [max(K, p − D), p + D] (a shown 0 is 0); `known`: the attacker even
 * knows every shown figure's true value (as if the noise were known).
 * Links a reader knows: each response answered at least one place, so a
 * respondent type's responses are at least its answers about any one place
 * and at most its answers about all places together.
 */
function bounds(highs: Highs, data: Dataset, figures: readonly Figure[], target: Figure, attacker: 'noise' | 'known'): { min: number; max: number } {
  const stances = SCALE_STANCES[data.scale];
  const constraints: string[] = [];
  figures.forEach((f, i) => {
    const sum = f.vars.join(' + ');
    if (f.shown === undefined) return;
    if (f.shown === 0) constraints.push(` z${i}: ${sum} = 0`);
    else if (attacker === 'known') constraints.push(` e${i}: ${sum} = ${f.truth}`);
    else {
      constraints.push(` lo${i}: ${sum} >= ${Math.max(K, f.shown - DEFAULT_NOISE.maxNoise)}`);
      constraints.push(` hi${i}: ${sum} <= ${f.shown + DEFAULT_NOISE.maxNoise}`);
    }
  });
  for (const r of REPORTER_TYPES) {
    const answers = data.placeIds.map((p) => stances.map((s) => cellVar(p, r, s)));
    answers.forEach((place, j) => constraints.push(` least_${r}_${j}: ${respVar(r)} - ${place.join(' - ')} >= 0`));
    constraints.push(` most_${r}: ${respVar(r)} - ${answers.flat().join(' - ')} <= 0`);
  }
  const vars = [...REPORTER_TYPES.map(respVar), ...data.placeIds.flatMap((p) => REPORTER_TYPES.flatMap((r) => stances.map((s) => cellVar(p, r, s))))];
  const solve = (sense: 'Minimize' | 'Maximize'): number => {
    const lp = `${sense}\n obj: ${target.vars.join(' + ')}\nSubject To\n${constraints.join('\n')}\nBounds\n${vars.map((v) => ` ${v} >= 0`).join('\n')}\nEnd`;
    const result = highs.solve(lp);
    if (result.Status === 'Unbounded') return sense === 'Minimize' ? -Infinity : Infinity;
    if (result.Status !== 'Optimal') throw new Error(`LP ${sense} for ${target.label}: ${result.Status}`);
    return result.ObjectiveValue;
  };
  return { min: solve('Minimize'), max: solve('Maximize') };
}

/** Hidden figures whose true value is 1…K−1 that the published figures pin to one whole number. */
function exposedSmallCounts(highs: Highs, data: Dataset, release: ConsultationRelease, attacker: 'noise' | 'known'): { audited: number; exposed: string[] } {
  const figures = figuresOf(data, release);
  let audited = 0;
  const exposed: string[] = [];
  for (const f of figures) {
    if (f.shown !== undefined || f.truth < 1 || f.truth >= K) continue;
    audited++;
    const { min, max } = bounds(highs, data, figures, f, attacker);
    if (Math.floor(max + 1e-7) - Math.ceil(min - 1e-7) + 1 <= 1) exposed.push(`${f.label} = ${f.truth}`);
  }
  return { audited, exposed };
}

describe('releasing the results through the engine', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await highsLoader();
  });

  it('never publishes a count from 1 to K−1, in any cell, margin or the respondents’ row', () => {
    const random = rng(1);
    let shown = 0;
    for (let i = 0; i < 40; i++) {
      const data = dataset(random, 5 + Math.floor(random() * 120), 1 + Math.floor(random() * 4), i % 2 ? 'five' : 'stance');
      const release = releaseConsultation(data.scale, data.responses, data.places, K);
      for (const f of figuresOf(data, release)) {
        if (f.shown === undefined) continue;
        shown++;
        expect(f.shown === 0 || f.shown >= K, f.label).toBe(true);
        // A zero is a true zero; any other shown figure is within the noise of the truth.
        if (f.shown === 0) expect(f.truth, f.label).toBe(0);
        else expect(Math.abs(f.shown - f.truth), f.label).toBeLessThanOrEqual(DEFAULT_NOISE.maxNoise);
        // And a true count below K is never shown.
        expect(f.truth === 0 || f.truth >= K, f.label).toBe(true);
      }
    }
    expect(shown).toBeGreaterThan(500);
  });

  it('has the shape the pages read: a table per place with every respondent type and the scale’s stances, and the K it used', () => {
    const data = dataset(rng(2), 60, 2, 'five');
    const release = releaseConsultation(data.scale, data.responses, data.places, K);
    expect(release.version).toBe(1);
    expect(release.k).toBe(K);
    expect(release.responses.cells.map((c) => c.key)).toEqual([...REPORTER_TYPES]);
    expect(release.places.map((p) => p.placeId)).toEqual(data.placeIds);
    for (const { table } of release.places) {
      expect(table.rows.map((r) => r.key)).toEqual([...REPORTER_TYPES]);
      expect(table.columnTotals.map((c) => c.key)).toEqual([...SCALE_STANCES.five]);
    }
  });

  it('the same records give the same published figures, whatever order they come in', () => {
    const data = dataset(rng(3), 80, 3, 'stance');
    const a = releaseConsultation(data.scale, data.responses, data.places, K);
    const shuffled: Dataset = {
      ...data,
      responses: [...data.responses].reverse(),
      places: data.places.map((p) => ({ placeId: p.placeId, cells: new Map([...p.cells].reverse()) })),
    };
    expect(releaseConsultation(shuffled.scale, shuffled.responses, shuffled.places, K)).toEqual(a);
  });

  it('one more answer changes a figure by an amount unrelated to it ("with minus without" is not the answer)', () => {
    // A place with 20 residents "for"; one more answer is another record with its own key.
    const random = rng(4);
    const key = () => 1 + Math.floor(random() * (KEY_RANGE - 1));
    const differences = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const keys = Array.from({ length: 20 }, key);
      const place = (ks: number[]): PlaceCounts => ({ placeId: 1, cells: new Map([['resident|for', { n: ks.length, ck: addKeys(...ks) }]]) });
      const resp = (ks: number[]) => [{ respondent: 'resident' as const, n: ks.length, ck: addKeys(...ks) }];
      const before = releaseConsultation('stance', resp(keys), [place(keys)], K).places[0]!.table.total;
      const more = [...keys, key()];
      const after = releaseConsultation('stance', resp(more), [place(more)], K).places[0]!.table.total;
      if (!before.suppressed && !after.suppressed) differences.add(after.n - before.n);
    }
    // The difference is anything from −3 to +5, not always 1.
    expect(differences.size).toBeGreaterThan(3);
  });

  it('a place answered by fewer than K shows nothing but zeros; the summary has no shares then', () => {
    const place: PlaceCounts = { placeId: 7, cells: new Map([['resident|for', { n: 2, ck: 123 }], ['visitor|against', { n: 1, ck: 456 }]]) };
    const release = releaseConsultation('stance', [{ respondent: 'resident', n: 2, ck: 99 }, { respondent: 'visitor', n: 1, ck: 98 }], [place], K);
    const table = release.places[0]!.table;
    expect(table.total).toEqual({ suppressed: true });
    for (const row of table.rows) for (const c of row.cells) if (!c.suppressed) expect(c.n).toBe(0);
    expect(release.responses.total).toEqual({ suppressed: true });
    const summary = stanceSummary(table);
    expect(summary.total).toBeNull();
    expect(summary.stances.every((s) => s.share === null)).toBe(true);
  });

  it('differencing: no hidden count below K can be worked out from all the published figures together (noise bound known to the reader)', () => {
    const random = rng(5);
    let audited = 0;
    const exposed: string[] = [];
    for (let i = 0; i < 24; i++) {
      const data = dataset(random, 8 + Math.floor(random() * 70), 1 + Math.floor(random() * 3), i % 2 ? 'five' : 'stance');
      const release = releaseConsultation(data.scale, data.responses, data.places, K);
      const found = exposedSmallCounts(highs, data, release, 'noise');
      audited += found.audited;
      exposed.push(...found.exposed.map((e) => `dataset ${i}: ${e}`));
    }
    expect(audited).toBeGreaterThan(100);
    expect(exposed).toEqual([]);
  }, 120_000);

  it('even with the noise known (every shown figure exact), the tables, their margins and the respondents’ row pin down no hidden count below K', () => {
    const random = rng(6);
    let audited = 0;
    const exposed: string[] = [];
    for (let i = 0; i < 24; i++) {
      // One place too: then a respondent type's responses equal its answers about that place, a second publication of the same count.
      const data = dataset(random, 8 + Math.floor(random() * 70), 1 + (i % 3), i % 2 ? 'five' : 'stance');
      const release = releaseConsultation(data.scale, data.responses, data.places, K);
      const found = exposedSmallCounts(highs, data, release, 'known');
      audited += found.audited;
      exposed.push(...found.exposed.map((e) => `dataset ${i}: ${e}`));
    }
    expect(audited).toBeGreaterThan(100);
    expect(exposed).toEqual([]);
  }, 120_000);
});
