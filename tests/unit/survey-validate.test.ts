import { describe, expect, it } from 'vitest';
import { PlaceBook } from '../../src/lib/places.ts';
import { SEEDED_PLACES } from '../../src/lib/seeded-places.ts';
import type { Question } from '../../db/schema.ts';
import { isVisible, parseQuestion, pruneHidden, type InstrumentQuestion } from '../../src/lib/survey/instrument.ts';
import { qualityFlags } from '../../src/lib/survey/quality.ts';
import { formValues, validatePage, type FormValues } from '../../src/lib/survey/validate.ts';
import { formatCode, normaliseCode } from '../../src/lib/survey/codes.ts';

let id = 0;
function q(partial: Partial<Question> & Pick<Question, 'key' | 'type' | 'config'>): InstrumentQuestion {
  id += 1;
  return parseQuestion({
    id,
    surveyId: 1,
    pageId: 1,
    position: id,
    textDa: partial.key,
    textEn: null,
    helpDa: null,
    helpEn: null,
    required: false,
    allowDontKnow: false,
    allowPreferNot: false,
    showIf: null,
    ...partial,
  } as Question);
}

const opts = (...values: string[]) => values.map((value) => ({ value, da: value }));
const single = q({ key: 'safe', type: 'single', required: true, allowDontKnow: true, config: { options: opts('yes', 'no') } });
const multi = q({ key: 'multi', type: 'multi', config: { options: opts('a', 'b', 'c'), maxChoices: 2 } });
const scale = q({ key: 'scale', type: 'scale', required: true, config: { points: 7, lowDa: 'lav', highDa: 'høj' } });
const matrix = q({ key: 'm', type: 'matrix', required: true, allowDontKnow: true, config: { items: opts('x', 'y'), options: opts('none', 'big') } });
const text = q({ key: 'text', type: 'text', config: { maxLength: 10 } });
const num = q({ key: 'years', type: 'number', allowDontKnow: true, config: { min: 0, max: 100, integer: true } });
const area = q({ key: 'area', type: 'area', required: true, config: {} });
const places = q({ key: 'places', type: 'places', config: { max: 2 } });
const ALL = [single, multi, scale, matrix, text, num, area, places];
const ctx = { previous: {}, areaSlugs: ['indre-norrebro'], inArea: (p: { lat: number }) => p.lat < 55.7, places: new PlaceBook(SEEDED_PLACES.map((p) => ({ ...p, retired: false }))) };

function values(entries: [string, string][]): FormValues {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return formValues(f);
}
const validate = (entries: [string, string][], questions = ALL) => validatePage(questions, values(entries), ctx);

describe('validatePage', () => {
  it('a complete, valid page has answers and no errors', () => {
    const r = validate([
      ['q_safe', 'yes'], ['q_multi', 'a'], ['q_multi', 'b'], ['q_scale', '7'], ['q_m__x', 'none'], ['q_m__y', 'dont_know'],
      ['q_text', 'fint'], ['q_years', '12'], ['q_area', 'none'], ['q_places', 'blaagaards-plads'], ['q_places__point', '55.68700,12.55600'],
    ]);
    expect(r.errors).toEqual({});
    expect(r.answers).toEqual({
      safe: 'yes', multi: ['a', 'b'], scale: '7', m: { x: 'none', y: 'dont_know' }, text: 'fint', years: '12', area: 'none',
      places: ['place:blaagaards-plads', 'point:55.68700,12.55600'],
    });
  });

  it('a missing required answer is "required"; optional ones may be empty', () => {
    expect(validate([]).errors).toEqual({ safe: 'required', scale: 'required', m: 'required', area: 'required' });
  });

  it('an unknown option is refused for every choice type', () => {
    const r = validate([['q_safe', 'maybe'], ['q_multi', 'z'], ['q_scale', '8'], ['q_m__x', 'huge'], ['q_area', 'atlantis'], ['q_places', 'nowhere']]);
    expect(r.errors).toMatchObject({ safe: 'unknown_option', multi: 'unknown_option', scale: 'unknown_option', m: 'unknown_option', area: 'unknown_option', places: 'unknown_option' });
  });

  it('"don\'t know" is only accepted where the question offers it', () => {
    expect(validate([['q_safe', 'dont_know']], [single]).errors).toEqual({});
    expect(validate([['q_scale', 'dont_know']], [scale]).errors).toEqual({ scale: 'unknown_option' });
  });

  it('two values for a single choice are refused', () => {
    expect(validate([['q_safe', 'yes'], ['q_safe', 'no']], [single]).errors).toEqual({ safe: 'too_many' });
  });

  it('more choices than allowed are refused', () => {
    expect(validate([['q_multi', 'a'], ['q_multi', 'b'], ['q_multi', 'c']], [multi]).errors).toEqual({ multi: 'too_many' });
    expect(validate([['q_places', 'blaagaards-plads'], ['q_places', 'stengade'], ['q_places__text', 'Hjørnet']], [places]).errors).toEqual({ places: 'too_many' });
  });

  it('"None of these" is an answer of its own that stands alone: chosen with an option it is refused, keeping the options ticked (issue #15, multiple choice)', () => {
    const aware = q({ key: 'aware', type: 'multi', allowDontKnow: true, config: { options: opts('a', 'b'), noneOption: true } });
    expect(validate([['q_aware', 'none_of_these']], [aware])).toEqual({ answers: { aware: ['none_of_these'] }, errors: {} });
    const both = validate([['q_aware', 'a'], ['q_aware', 'none_of_these']], [aware]);
    expect(both.errors).toEqual({ aware: 'exclusive_answer' });
    expect(both.answers).toEqual({ aware: ['a'] });
    expect(validate([['q_aware', 'dont_know'], ['q_aware', 'b']], [aware]).errors).toEqual({ aware: 'exclusive_answer' });
    // Not offered, not accepted.
    expect(validate([['q_multi', 'none_of_these']], [multi]).errors).toEqual({ multi: 'unknown_option' });
  });

  it('a partly answered required matrix asks for every line, keeping what was given', () => {
    const r = validate([['q_m__x', 'big']], [matrix]);
    expect(r.errors).toEqual({ m: 'incomplete_matrix' });
    expect(r.answers).toEqual({ m: { x: 'big' } });
  });

  it('numbers: not a number, a decimal for a whole number, and out of range', () => {
    expect(validate([['q_years', 'tolv']], [num]).errors).toEqual({ years: 'not_a_number' });
    expect(validate([['q_years', '1.5']], [num]).errors).toEqual({ years: 'not_a_number' });
    expect(validate([['q_years', '101']], [num]).errors).toEqual({ years: 'out_of_range' });
    expect(validate([['q_years', '-1']], [num]).errors).toEqual({ years: 'out_of_range' });
    expect(validate([['q_years', '1e3']], [num]).errors).toEqual({ years: 'not_a_number' });
  });

  it('an over-long text is refused and kept for editing', () => {
    const r = validate([['q_text', 'x'.repeat(11)]], [text]);
    expect(r.errors).toEqual({ text: 'too_long' });
    expect(r.answers).toEqual({ text: 'x'.repeat(11) });
  });

  it('a map point outside the areas, or malformed, is refused', () => {
    expect(validate([['q_places__point', '55.71000,12.55000']], [places]).errors).toEqual({ places: 'outside_areas' });
    expect(validate([['q_places__point', 'NaN,12']], [places]).errors).toEqual({ places: 'unknown_option' });
  });

  it('a typed place is masked for personal data', () => {
    expect(validate([['q_places__text', 'ved nr. AB 12 345']], [places]).answers).toEqual({ places: ['text:ved nr. [nummerplade skjult]'] });
  });
});

describe('skip logic', () => {
  const follow = q({ key: 'why', type: 'text', required: true, config: { maxLength: 100 }, showIf: { question: 'safe', anyOf: ['no'] } });
  it('a question is shown only when the earlier answer matches', () => {
    expect(isVisible(follow, { safe: 'no' })).toBe(true);
    expect(isVisible(follow, { safe: 'yes' })).toBe(false);
    expect(isVisible(follow, {})).toBe(false);
  });
  it('a hidden required question is not required', () => {
    expect(validate([['q_safe', 'yes']], [single, follow]).errors).toEqual({});
  });
  it('changing an earlier answer drops answers that are now hidden', () => {
    const pages = [{ id: 1, position: 1, titleDa: 'x', titleEn: null, questions: [single, follow] }];
    expect(pruneHidden(pages, { safe: 'yes', why: 'gammelt svar' })).toEqual({ safe: 'yes' });
  });
});

describe('quality flags', () => {
  const big = q({ key: 'pr', type: 'matrix', config: { items: opts('a', 'b', 'c', 'd'), options: opts('none', 'big') } });
  it('too fast and straight-lining are flagged', () => {
    expect(qualityFlags([big], { pr: { a: 'big', b: 'big', c: 'big', d: 'big' } }, 10)).toEqual(['too_fast', 'straight_lining']);
    expect(qualityFlags([big], { pr: { a: 'big', b: 'none', c: 'big', d: 'big' } }, 200)).toEqual([]);
  });
});

describe('invitation code format', () => {
  it('what people type (lower case, dash, spaces) is normalised; look-alikes are refused', () => {
    expect(normaliseCode(' acde-fghj ')).toBe('ACDEFGHJ');
    expect(normaliseCode('ACDE FGH0')).toBeNull(); // 0 is never used
    expect(formatCode('ACDEFGHJ')).toBe('ACDE-FGHJ');
  });
});
