/**
 * Validating one page of answers from a form post, on the server, for every
 * question type. Returns the cleaned answers and, per question, an error code
 * the page turns into a message in the respondent's language.
 */
import { maskPersonalData } from '../pii.ts';
import { parsePoint, type PlaceBook } from '../places.ts';
import { exclusiveAnswers, isVisible, NO_AREA, type Answers, type AnswerValue, type InstrumentQuestion } from './instrument.ts';

export type AnswerError =
  | 'required'
  | 'unknown_option'
  | 'out_of_range'
  | 'not_a_number'
  | 'too_long'
  | 'too_many'
  | 'exclusive_answer'
  | 'incomplete_matrix'
  | 'outside_areas';

/** The form's values: every field name with all its values (checkboxes repeat). */
export type FormValues = Map<string, string[]>;

export function formValues(form: FormData): FormValues {
  const out: FormValues = new Map();
  for (const [k, v] of form) {
    if (typeof v !== 'string') continue;
    const list = out.get(k);
    const value = v.replace(/\r\n?/g, '\n');
    if (list) list.push(value);
    else out.set(k, [value]);
  }
  return out;
}

export const fieldName = (key: string) => `q_${key}`;

function special(q: InstrumentQuestion, v: string): boolean {
  return exclusiveAnswers(q).includes(v);
}

export interface PageValidation {
  answers: Answers;
  errors: Record<string, AnswerError>;
}

/**
 * Validates the visible questions of a page. `previous` are the answers from
 * earlier pages (for skip logic within the page); `areaSlugs` the areas a
 * respondent may choose; `inArea` tells whether a map point is inside any area;
 * `places` the named places (only those in use may be chosen).
 */
export interface PageContext {
  areaSlugs: readonly string[];
  inArea: (p: { lat: number; lon: number }) => boolean;
  places: PlaceBook;
}

export function validatePage(
  questions: readonly InstrumentQuestion[],
  values: FormValues,
  context: PageContext & { previous: Answers },
): PageValidation {
  const answers: Answers = {};
  const errors: Record<string, AnswerError> = {};
  for (const q of questions) {
    if (!isVisible(q, { ...context.previous, ...answers })) continue;
    const result = validateQuestion(q, values, context);
    if ('error' in result) {
      errors[q.key] = result.error;
      if (result.keep !== undefined) answers[q.key] = result.keep;
    } else if (result.value !== undefined) {
      answers[q.key] = result.value;
    }
  }
  return { answers, errors };
}

type QuestionResult = { value: AnswerValue | undefined } | { error: AnswerError; keep?: AnswerValue };

function validateQuestion(
  q: InstrumentQuestion,
  values: FormValues,
  context: PageContext,
): QuestionResult {
  const name = fieldName(q.key);
  const all = (values.get(name) ?? []).map((v) => v.trim()).filter((v) => v !== '');
  const one = all[0];
  const missing = (): QuestionResult => (q.required ? { error: 'required' } : { value: undefined });

  switch (q.type) {
    case 'single':
    case 'scale':
    case 'area': {
      if (one === undefined) return missing();
      if (all.length > 1) return { error: 'too_many' };
      if (special(q, one)) return { value: one };
      const allowed =
        q.type === 'single'
          ? q.config.options.map((o) => o.value)
          : q.type === 'scale'
            ? Array.from({ length: q.config.points }, (_, i) => String(i + 1))
            : [...context.areaSlugs, NO_AREA];
      return allowed.includes(one) ? { value: one } : { error: 'unknown_option' };
    }
    case 'multi': {
      if (all.length === 0) return missing();
      // "None of these", "don't know" and "prefer not" stand alone.
      if (all.some((v) => special(q, v))) return all.length === 1 ? { value: all } : { error: 'exclusive_answer', keep: all.filter((v) => !special(q, v)) };
      const allowed = q.config.options.map((o) => o.value);
      if (all.some((v) => !allowed.includes(v))) return { error: 'unknown_option' };
      const unique = [...new Set(all)];
      if (q.config.maxChoices && unique.length > q.config.maxChoices) return { error: 'too_many', keep: unique };
      return { value: unique };
    }
    case 'matrix': {
      const row: Record<string, string> = {};
      const allowed = q.config.options.map((o) => o.value);
      for (const item of q.config.items) {
        const v = (values.get(`${name}__${item.value}`) ?? []).map((x) => x.trim()).filter(Boolean);
        if (v.length > 1) return { error: 'too_many' };
        if (v[0] === undefined) continue;
        if (!allowed.includes(v[0]) && !special(q, v[0])) return { error: 'unknown_option' };
        row[item.value] = v[0];
      }
      const answered = Object.keys(row).length;
      if (answered === 0) return missing();
      if (q.required && answered < q.config.items.length) return { error: 'incomplete_matrix', keep: row };
      return { value: row };
    }
    case 'text': {
      const text = (values.get(name) ?? []).join('\n').trim();
      if (text === '') return missing();
      if ([...text].length > q.config.maxLength) return { error: 'too_long', keep: text };
      return { value: text };
    }
    case 'number': {
      if (one === undefined) return missing();
      if (special(q, one)) return { value: one };
      const normalised = one.replace(',', '.');
      const n = Number(normalised);
      if (!/^-?\d+(\.\d+)?$/.test(normalised) || !Number.isFinite(n) || (q.config.integer && !Number.isInteger(n))) {
        return { error: 'not_a_number', keep: one };
      }
      if (n < q.config.min || n > q.config.max) return { error: 'out_of_range', keep: one };
      return { value: String(n) };
    }
    case 'places': {
      const places = all.filter((v) => !special(q, v));
      if (places.some((id) => !context.places.offered(id))) return { error: 'unknown_option' };
      const points = (values.get(`${name}__point`) ?? []).map((p) => p.trim()).filter(Boolean);
      const parsed = points.map(parsePoint);
      if (parsed.some((p) => p === null)) return { error: 'unknown_option' };
      if (parsed.some((p) => p !== null && !context.inArea(p))) return { error: 'outside_areas' };
      const text = (values.get(`${name}__text`) ?? []).join(' ').trim();
      if (text.length > 200) return { error: 'too_long' };
      const chosen = [...new Set(places)].map((id) => `place:${id}`);
      const pins = parsed.map((p) => `point:${p!.lat.toFixed(5)},${p!.lon.toFixed(5)}`);
      const typed = text ? [`text:${maskPersonalData(text).text}`] : [];
      const value = [...chosen, ...pins, ...typed];
      if (all.some((v) => special(q, v))) return value.length === 0 ? { value: [all.find((v) => special(q, v))!] } : { error: 'unknown_option' };
      if (value.length === 0) return missing();
      if (value.length > q.config.max) return { error: 'too_many', keep: value };
      return { value };
    }
  }
}

/** Required visible questions that still have no answer (checked again on submit). */
export function missingRequired(questions: readonly InstrumentQuestion[], answers: Answers): string[] {
  return questions.filter((q) => q.required && isVisible(q, answers) && answers[q.key] === undefined).map((q) => q.key);
}
