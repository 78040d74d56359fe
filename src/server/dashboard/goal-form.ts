/**
 * Reading the analyst's goal and population-margin forms: every choice is
 * checked against the series' own questionnaire (a question that exists, an
 * item of it, answer values it offers), so a goal can never count something
 * the survey did not ask. Errors are keys into the page's catalogue.
 */
import { and, desc, eq } from 'drizzle-orm';
import { areas, surveySeries, surveys, type GoalDirection, type Survey } from '../../../db/schema.ts';
import type { InstrumentQuestion } from '../../lib/survey/instrument.ts';
import type { Queryable } from '../db/connection.ts';
import { loadInstrument } from '../surveys/surveys.ts';
import type { GoalInput } from './goals.ts';

/** Question types a goal's indicator can be built on. */
const GOAL_TYPES = new Set(['single', 'scale', 'matrix']);

export interface IndicatorChoice {
  /** `key` or `key|item` for a matrix row. */
  value: string;
  question: InstrumentQuestion;
  item: { value: string; da: string; en?: string | null | undefined } | null;
  /** The answers that can be counted. */
  answers: { value: string; da: string; en?: string | null | undefined }[];
}

/** The series' newest wave: its instrument is the one goals are defined on (clones share it). */
export async function newestWave(db: Queryable, seriesId: number): Promise<Survey | undefined> {
  const [wave] = await db.select().from(surveys).where(eq(surveys.seriesId, seriesId)).orderBy(desc(surveys.id)).limit(1);
  return wave;
}

/** Every question (and matrix row) of a series a goal can count, with its answers. */
export async function indicatorChoices(db: Queryable, seriesId: number): Promise<IndicatorChoice[]> {
  const wave = await newestWave(db, seriesId);
  if (!wave) return [];
  const out: IndicatorChoice[] = [];
  for (const q of (await loadInstrument(db, wave.id)).flatMap((p) => p.questions)) {
    if (!GOAL_TYPES.has(q.type)) continue;
    if (q.type === 'single') out.push({ value: q.key, question: q, item: null, answers: q.config.options });
    if (q.type === 'scale') {
      const answers = Array.from({ length: q.config.points }, (_, i) => ({ value: String(i + 1), da: String(i + 1), en: String(i + 1) }));
      out.push({ value: q.key, question: q, item: null, answers });
    }
    if (q.type === 'matrix') for (const item of q.config.items) out.push({ value: `${q.key}|${item.value}`, question: q, item, answers: q.config.options });
  }
  return out;
}

/** The single-choice questions of a series that can weight estimates (e.g. age_band, gender). */
export async function marginVariables(db: Queryable, seriesId: number): Promise<IndicatorChoice[]> {
  return (await indicatorChoices(db, seriesId)).filter((c) => c.question.type === 'single');
}

export type GoalFormError =
  | 'title'
  | 'question'
  | 'successValues'
  | 'area'
  | 'baselineWave'
  | 'baselineValue'
  | 'baselineN'
  | 'baselineSource'
  | 'target'
  | 'targetDate';

const percent = (raw: string): number | undefined => {
  const v = Number(raw.replace(',', '.'));
  return raw.trim() !== '' && Number.isFinite(v) && v >= 0 && v <= 100 ? v / 100 : undefined;
};

/** Reads the new-goal form; returns the input or the fields in error. */
export async function parseGoalForm(
  db: Queryable,
  form: FormData,
): Promise<{ ok: true; input: GoalInput } | { ok: false; errors: Partial<Record<GoalFormError, true>> }> {
  const get = (k: string): string => {
    const v = form.get(k);
    return typeof v === 'string' ? v.trim() : '';
  };
  const errors: Partial<Record<GoalFormError, true>> = {};
  const titleDa = get('titleDa').slice(0, 200);
  if (!titleDa) errors.title = true;
  const seriesId = Number(get('series'));
  const [series] = Number.isInteger(seriesId) ? await db.select().from(surveySeries).where(eq(surveySeries.id, seriesId)).limit(1) : [];
  const choice = series ? (await indicatorChoices(db, series.id)).find((c) => c.value === get('question')) : undefined;
  if (!choice) errors.question = true;
  const successValues = form.getAll('successValues').filter((v): v is string => typeof v === 'string');
  if (choice && (successValues.length === 0 || !successValues.every((v) => choice.answers.some((a) => a.value === v)))) errors.successValues = true;
  const areaId = Number(get('area'));
  if (!Number.isInteger(areaId) || (await db.select().from(areas).where(eq(areas.id, areaId)).limit(1)).length === 0) errors.area = true;
  const direction: GoalDirection = get('direction') === 'increase' ? 'increase' : 'decrease';

  let baseline: GoalInput['baseline'] | undefined;
  if (get('baselineKind') === 'manual') {
    const value = percent(get('baselineValue'));
    const n = Number(get('baselineN'));
    const source = get('baselineSource').slice(0, 300);
    if (value === undefined) errors.baselineValue = true;
    if (!Number.isInteger(n) || n <= 0 || n > 10_000_000) errors.baselineN = true;
    if (!source) errors.baselineSource = true;
    if (value !== undefined && Number.isInteger(n) && n > 0 && source) baseline = { kind: 'manual', value, n, source };
  } else {
    const waveId = Number(get('baselineWave'));
    const [wave] = series && Number.isInteger(waveId)
      ? await db.select().from(surveys).where(and(eq(surveys.id, waveId), eq(surveys.seriesId, series.id), eq(surveys.status, 'closed'))).limit(1)
      : [];
    if (!wave) errors.baselineWave = true;
    else baseline = { kind: 'wave', surveyId: wave.id };
  }
  const targetValue = percent(get('target'));
  if (targetValue === undefined) errors.target = true;
  const targetDate = get('targetDate');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(targetDate) || Number.isNaN(Date.parse(`${targetDate}T00:00:00Z`))) errors.targetDate = true;

  if (Object.keys(errors).length > 0 || !series || !choice || !baseline || targetValue === undefined) return { ok: false, errors };
  return {
    ok: true,
    input: {
      titleDa,
      titleEn: get('titleEn').slice(0, 200) || null,
      seriesId: series.id,
      questionKey: choice.question.key,
      item: choice.item?.value ?? null,
      successValues,
      areaId,
      direction,
      baseline,
      targetValue,
      targetDate,
    },
  };
}

/**
 * Reads population margins typed as lines "value = count" (e.g. "30_44 = 3900"),
 * each value one of the variable's answers; undefined when any line is wrong.
 */
export function parseMarginLines(text: string, allowed: readonly string[]): { category: string; population: number }[] | undefined {
  const rows: { category: string; population: number }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const m = /^\s*([a-z0-9_]+)\s*[=:;]\s*(\d[\d .]*)\s*$/.exec(line);
    if (!m) return undefined;
    const population = Number(m[2]!.replace(/[ .]/g, ''));
    if (!allowed.includes(m[1]!) || !Number.isSafeInteger(population) || rows.some((r) => r.category === m[1])) return undefined;
    rows.push({ category: m[1]!, population });
  }
  return rows.length >= 2 ? rows : undefined;
}
