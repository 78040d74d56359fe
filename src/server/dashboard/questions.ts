/**
 * A wave's questions as the analysis sees them: references to a question or
 * a matrix item, the answer keys each can have (number bands, places, "typed
 * in"), and their labels in either language.
 */
import { messages, type Locale } from '../../lib/i18n/index.ts';
import { pick } from '../../lib/localized.ts';
import { placeName, type PlaceBook } from '../../lib/places.ts';
import { DONT_KNOW, NONE_OF_THESE, PREFER_NOT, type InstrumentPage, type InstrumentQuestion } from '../../lib/survey/instrument.ts';

// ---------------------------------------------------------------------------
// Questions and their answer keys
// ---------------------------------------------------------------------------

/** A question, or one item (row) of a matrix question. */
export interface QuestionRef {
  question: InstrumentQuestion;
  item: string | null;
}

/** `safety_evening`, or `problems:drug_dealing` for a matrix item: the `question` parameter. */
export function refId(ref: QuestionRef): string {
  return ref.item === null ? ref.question.key : `${ref.question.key}:${ref.item}`;
}

export function allQuestions(pages: readonly InstrumentPage[]): InstrumentQuestion[] {
  return pages.flatMap((p) => p.questions);
}

/** Every question (and matrix item) with a distribution, in questionnaire order. */
export function distributionRefs(pages: readonly InstrumentPage[]): QuestionRef[] {
  return allQuestions(pages).flatMap((q): QuestionRef[] => {
    switch (q.type) {
      case 'matrix':
        return q.config.items.map((i) => ({ question: q, item: i.value }));
      case 'single':
      case 'multi':
      case 'scale':
      case 'number':
      case 'places':
        return [{ question: q, item: null }];
      default:
        // The area question is the page's selector; free text has its own rule.
        return [];
    }
  });
}

export function findRef(pages: readonly InstrumentPage[], id: string | null): QuestionRef | undefined {
  if (id === null) return undefined;
  return distributionRefs(pages).find((r) => refId(r) === id);
}

/**
 * Background questions for breakdowns: single-choice questions offering
 * "prefer not to say", which the questionnaire reserves for questions about
 * the respondent (age band, gender).
 */
export function backgroundQuestions(pages: readonly InstrumentPage[]): InstrumentQuestion[] {
  return allQuestions(pages).filter((q) => q.type === 'single' && q.allowPreferNot);
}

/** Questions a breakdown can show: answers that partition the respondents (one answer each). */
export function breakdownQuestions(pages: readonly InstrumentPage[]): QuestionRef[] {
  const background = new Set(backgroundQuestions(pages).map((q) => q.key));
  return distributionRefs(pages).filter((r) => (r.question.type === 'single' && !background.has(r.question.key)) || r.question.type === 'scale' || r.question.type === 'matrix');
}

/** Scale and choice questions (and matrix items): what a trend can follow. */
export function trendQuestions(pages: readonly InstrumentPage[]): QuestionRef[] {
  return distributionRefs(pages).filter((r) => ['single', 'multi', 'scale', 'matrix'].includes(r.question.type));
}

/** One respondent per answer (a partition), or any number of answers each (multiple choice, places). */
export type Kind = 'partition' | 'multiple';

export const PIN = '_pin';
export const TYPED = '_typed';
/** Upper breakpoints of number bands: 0, 1–2, 3–5, 6–10, 11–20, 21–50 … (years, people, times). */
export const NUMBER_BREAKS = [1, 3, 6, 11, 21, 51, 101, 201, 501, 1001, 5001] as const;

export interface Band {
  key: string;
  from: number;
  /** Inclusive; the last band runs to the question's maximum. */
  to: number;
}

export function numberBands(min: number, max: number): Band[] {
  const starts = [min, ...NUMBER_BREAKS.filter((b) => b > min && b <= max)];
  return starts.map((from, i) => {
    const to = i + 1 < starts.length ? starts[i + 1]! - 1 : max;
    return { key: from === to ? String(from) : `${from}-${to}`, from, to };
  });
}

export function kindOf(q: InstrumentQuestion): Kind {
  return q.type === 'multi' || q.type === 'places' ? 'multiple' : 'partition';
}

/** The substantive answer keys of a question, in the order offered. */
export function answerKeys(q: InstrumentQuestion, places: PlaceBook): string[] {
  switch (q.type) {
    case 'single':
    case 'matrix':
      return q.config.options.map((o) => o.value);
    case 'multi':
      // "None of these" is a row of its own: the share who ticked none of the options.
      return [...q.config.options.map((o) => o.value), ...(q.config.noneOption ? [NONE_OF_THESE] : [])];
    case 'scale':
      return Array.from({ length: q.config.points }, (_, i) => String(i + 1));
    case 'number':
      return numberBands(q.config.min, q.config.max).map((b) => b.key);
    case 'places':
      return [...places.all.map((p) => p.id), PIN, TYPED];
    default:
      return [];
  }
}

/** The substantive keys a respondent's stored values fall into ([] for "don't know", "prefer not" or nothing). */
export function classify(q: InstrumentQuestion, values: readonly string[], places: PlaceBook): string[] {
  const substantive = values.filter((v) => v !== DONT_KNOW && v !== PREFER_NOT);
  switch (q.type) {
    case 'number': {
      const n = Number(substantive[0]);
      if (substantive.length === 0 || !Number.isFinite(n)) return [];
      const band = numberBands(q.config.min, q.config.max).find((b) => n >= b.from && n < b.to + 1);
      return band ? [band.key] : [];
    }
    case 'places': {
      const keys = substantive.map((v) =>
        v.startsWith('place:') && places.find(v.slice(6)) ? v.slice(6) : v.startsWith('point:') ? PIN : v.startsWith('text:') ? TYPED : undefined,
      );
      return [...new Set(keys.filter((k): k is string => k !== undefined))];
    }
    default: {
      const allowed = new Set(answerKeys(q, places));
      const keys = [...new Set(substantive.filter((v) => allowed.has(v)))];
      return kindOf(q) === 'partition' ? keys.slice(0, 1) : keys;
    }
  }
}

export const text = (locale: Locale, da: string, en: string | null | undefined): string => pick(locale, da, en).text;

export function questionText(ref: QuestionRef, locale: Locale): string {
  const q = ref.question;
  const base = text(locale, q.textDa, q.textEn);
  if (ref.item === null || q.type !== 'matrix') return base;
  return `${base} – ${itemText(ref, locale)}`;
}

/** A matrix item's own text (e.g. "Vold"), or the question's text. */
export function itemText(ref: QuestionRef, locale: Locale): string {
  const q = ref.question;
  if (ref.item === null || q.type !== 'matrix') return text(locale, q.textDa, q.textEn);
  const item = q.config.items.find((i) => i.value === ref.item);
  return item ? text(locale, item.da, item.en) : ref.item;
}

export function answerLabel(q: InstrumentQuestion, key: string, locale: Locale, places: PlaceBook): string {
  const m = messages(locale).analysis;
  switch (q.type) {
    case 'single':
    case 'multi':
    case 'matrix': {
      if (key === NONE_OF_THESE) return messages(locale).surveys.noneOfThese;
      const o = q.config.options.find((x) => x.value === key);
      return o ? text(locale, o.da, o.en) : key;
    }
    case 'scale': {
      const c = q.config;
      if (key === '1') return `1 (${text(locale, c.lowDa, c.lowEn)})`;
      if (key === String(c.points)) return `${c.points} (${text(locale, c.highDa, c.highEn)})`;
      return key;
    }
    case 'number':
      return key.replace('-', '–');
    case 'places': {
      if (key === PIN) return m.pin;
      if (key === TYPED) return m.typedPlace;
      const place = places.find(key);
      return place ? placeName(place, locale) : key;
    }
    default:
      return key;
  }
}
