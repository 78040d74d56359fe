/**
 * Goals the partnership tracks, their status and the population margins that
 * weight them. A goal's status compares its baseline wave (the goal's, or
 * for a goal set against an outside figure the series' first wave: same
 * questionnaire, mode and frame) with the latest closed wave after it: the
 * change, its 95 % interval (Newcombe), a two-proportion test on effective
 * sample sizes with Holm's adjustment across the wave's goals, and the
 * three-state verdicts of src/lib/stats/verdict.ts. An outside figure is
 * shown as context only. Open waves are never
 * used: their figures would change with every response and could be
 * differenced day by day.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  areas,
  goals,
  populationMargins,
  surveySeries,
  surveys,
  type Area,
  type Goal,
  type GoalDirection,
  type PlanChange,
  type Survey,
  type SurveySeries,
} from '../../../db/schema.ts';
import { SUPPRESSED, type DataTable, type TableValue } from '../../lib/data-table.ts';
import { messages, staffLocaleOf } from '../../lib/i18n/index.ts';
import { twoProportionTest } from '../../lib/stats/proportion.ts';
import { ALPHA, changeVerdict, holmAdjust, targetVerdict, type ChangeVerdict, type TargetVerdict } from '../../lib/stats/verdict.ts';
import { MIN_K } from '../../lib/disclosure/index.ts';
import { recordAudit } from '../staff/audit.ts';
import type { Queryable } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';
import { marginsSincePlan, planChangesOf, plannedDifferences, plannedGoal, planNotes, recordPlanChange, type MarginsChange } from './plans.ts';
import {
  closedWaves,
  estimateIndicator,
  hasInvitedSample,
  newEstimatePass,
  smallSuspiciousGroup,
  type EstimatePass,
  TRIM_DEFAULT,
  type EstimateOptions,
  type IndicatorResult,
  type Population,
  type Sample,
  type TrimBounds,
  type WeightingReport,
} from './indicators.ts';
import type { TableBuilder, TableContext } from './tables.ts';

export interface GoalInput {
  titleDa: string;
  titleEn: string | null;
  seriesId: number;
  questionKey: string;
  item: string | null;
  successValues: string[];
  areaId: number;
  direction: GoalDirection;
  baseline: { kind: 'wave'; surveyId: number } | { kind: 'manual'; value: number; n: number; source: string };
  targetValue: number;
  targetDate: string;
}

export async function listGoals(db: Queryable): Promise<Goal[]> {
  return db.select().from(goals).orderBy(asc(goals.areaId), asc(goals.id));
}

/** The survey series goals can be set for, oldest first (the goals page's series choice). */
export async function listGoalSeries(db: Queryable): Promise<SurveySeries[]> {
  return db.select().from(surveySeries).orderBy(asc(surveySeries.id));
}

/** The waves the goals take their baseline from (goals with a hand-entered baseline have none). */
export async function baselineWavesOf(db: Queryable, list: readonly Goal[]): Promise<Survey[]> {
  const ids = [...new Set(list.flatMap((g) => (g.baselineSurveyId === null ? [] : [g.baselineSurveyId])))];
  return ids.length > 0 ? db.select().from(surveys).where(inArray(surveys.id, ids)) : [];
}

export type GoalSaveResult = { ok: true; id: number } | { ok: false; reason: 'unknown_series' | 'unknown_area' | 'baseline_not_in_series' | 'reason_required' };

/**
 * Creates a goal. Where a wave of its series has opened (the analysis plan
 * is locked), the new goal is a change to the plan and needs a reason.
 */
export async function createGoal(db: Queryable, input: GoalInput, actorId: number, reason?: string | null): Promise<GoalSaveResult> {
  return transaction(db, async (tx): Promise<GoalSaveResult> => {
    const [series] = await tx.select().from(surveySeries).where(eq(surveySeries.id, input.seriesId)).limit(1);
    if (!series) return { ok: false, reason: 'unknown_series' };
    const [area] = await tx.select().from(areas).where(eq(areas.id, input.areaId)).limit(1);
    if (!area) return { ok: false, reason: 'unknown_area' };
    if (input.baseline.kind === 'wave') {
      const [wave] = await tx.select().from(surveys).where(eq(surveys.id, input.baseline.surveyId)).limit(1);
      if (!wave || wave.seriesId !== input.seriesId) return { ok: false, reason: 'baseline_not_in_series' };
    }
    const b = input.baseline;
    const [row] = await tx
      .insert(goals)
      .values({
        titleDa: input.titleDa,
        titleEn: input.titleEn,
        seriesId: input.seriesId,
        questionKey: input.questionKey,
        item: input.item,
        successValues: input.successValues,
        areaId: input.areaId,
        direction: input.direction,
        baselineSurveyId: b.kind === 'wave' ? b.surveyId : null,
        baselineValue: b.kind === 'manual' ? b.value : null,
        baselineN: b.kind === 'manual' ? b.n : null,
        baselineSource: b.kind === 'manual' ? b.source : null,
        targetValue: input.targetValue,
        targetDate: input.targetDate,
        createdBy: actorId,
      })
      .returning();
    if (!row) throw new Error('goal not inserted');
    const change = await recordPlanChange(tx, { seriesId: input.seriesId, goalId: row.id, kind: 'add', before: null, after: plannedGoal(row), reason, actorId });
    if (change === 'reason_required') throw new Refused({ ok: false, reason: 'reason_required' });
    await recordAudit(tx, { userId: actorId, action: 'goal.create', entityType: 'goal', entityId: row.id, summary: input.titleDa });
    return { ok: true, id: row.id };
  }).catch((error: unknown) => {
    if (error instanceof Refused) return error.result as GoalSaveResult;
    throw error;
  });
}

/** Rolls a goal's transaction back with a result for the caller (nothing half-stored). */
class Refused extends Error {
  readonly result: unknown;
  constructor(result: unknown) {
    super('refused');
    this.result = result;
  }
}

export type GoalDeleteResult = 'deleted' | 'not_found' | 'reason_required';

/** Deletes a goal; after the plan is locked that is a plan change and needs a reason. */
export async function deleteGoal(db: Queryable, id: number, actorId: number, reason?: string | null): Promise<GoalDeleteResult> {
  return transaction(db, async (tx): Promise<GoalDeleteResult> => {
    const [goal] = await tx.select().from(goals).where(eq(goals.id, id)).limit(1);
    if (!goal) return 'not_found';
    const change = await recordPlanChange(tx, { seriesId: goal.seriesId, goalId: id, kind: 'remove', before: plannedGoal(goal), after: null, reason, actorId });
    if (change === 'reason_required') return 'reason_required';
    await tx.delete(goals).where(eq(goals.id, id));
    await recordAudit(tx, { userId: actorId, action: 'goal.delete', entityType: 'goal', entityId: id, summary: goal.titleDa });
    return 'deleted';
  });
}

/** What can be changed of an existing goal: its names, target and date (the indicator and baseline define it; change those by a new goal). */
export interface GoalEdit {
  titleDa?: string;
  titleEn?: string | null;
  targetValue?: number;
  targetDate?: string;
}

export type GoalEditResult = 'saved' | 'unchanged' | 'not_found' | 'reason_required';

/**
 * Changes a goal. After a wave of its series has opened, the change is
 * recorded in the analysis plan (who, when, before, after, why) and shown
 * on every page that uses the goal; without a reason nothing is stored.
 */
export async function updateGoal(db: Queryable, id: number, edit: GoalEdit, actorId: number, reason?: string | null, now?: Date): Promise<GoalEditResult> {
  return transaction(db, async (tx): Promise<GoalEditResult> => {
    const [goal] = await tx.select().from(goals).where(eq(goals.id, id)).limit(1);
    if (!goal) return 'not_found';
    const changed: Goal = { ...goal, ...Object.fromEntries(Object.entries(edit).filter(([, v]) => v !== undefined)) };
    const before = plannedGoal(goal);
    const after = plannedGoal(changed);
    const differences = plannedDifferences(before, after);
    if (differences.length === 0) return 'unchanged';
    const change = await recordPlanChange(tx, { seriesId: goal.seriesId, goalId: id, kind: 'edit', before, after, reason, actorId, ...(now ? { now } : {}) });
    if (change === 'reason_required') return 'reason_required';
    await tx
      .update(goals)
      .set({ titleDa: changed.titleDa, titleEn: changed.titleEn, targetValue: changed.targetValue, targetDate: changed.targetDate })
      .where(eq(goals.id, id));
    await recordAudit(tx, {
      userId: actorId,
      action: 'goal.update',
      entityType: 'goal',
      entityId: id,
      summary: differences.map((d) => `${d.field}: ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}`).join('; '),
    });
    return 'saved';
  });
}

/** Replaces an area's margins for one variable (an empty list removes them). */
export async function setMargins(
  db: Queryable,
  areaId: number,
  variable: string,
  rows: readonly { category: string; population: number }[],
  source: string,
  actorId: number,
): Promise<void> {
  await transaction(db, async (tx) => {
    await tx.delete(populationMargins).where(and(eq(populationMargins.areaId, areaId), eq(populationMargins.variable, variable)));
    if (rows.length > 0) await tx.insert(populationMargins).values(rows.map((r) => ({ areaId, variable, category: r.category, population: r.population, source })));
    await recordAudit(tx, {
      userId: actorId,
      action: 'margins.set',
      entityType: 'area',
      entityId: areaId,
      summary: `${variable}: ${rows.map((r) => `${r.category}=${r.population}`).join(', ')}`,
    });
  });
}

export async function listMargins(db: Queryable): Promise<(typeof populationMargins.$inferSelect)[]> {
  return db.select().from(populationMargins).orderBy(asc(populationMargins.areaId), asc(populationMargins.variable), asc(populationMargins.id));
}

/** A wave's estimate as the dashboard shows it: a share, a worst-case bound (fewer than K on one side), or nothing. */
export type GoalPoint =
  | { kind: 'suppressed'; label: string }
  | {
      kind: 'bounded';
      label: string;
      side: 'below' | 'above';
      bound: number;
      low: number;
      high: number;
      effectiveN: number;
      weighted: boolean;
      weighting: WeightingReport;
      population: Population;
      sample: Sample;
    }
  | {
      kind: 'estimate';
      label: string;
      p: number;
      low: number;
      high: number;
      n: number;
      effectiveN: number;
      designEffect: number;
      weighted: boolean;
      weighting: WeightingReport;
      population: Population;
      sample: Sample;
    };

/** A figure from another survey (another instrument, mode or frame): shown as context, never tested against. */
export interface ExternalReference {
  p: number;
  n: number;
  source: string;
}

export type WavePoint = GoalPoint & { wave: Survey };

export interface GoalChange {
  /** latest − baseline, with Newcombe's 95 % interval. */
  difference: number;
  low: number;
  high: number;
  pValue: number;
  /** Holm-adjusted over the goals whose latest figure comes from the same wave. */
  adjustedP: number;
  /** How many goals share that wave (the Holm family). */
  familySize: number;
  /** adjustedP < 0.05. */
  significant: boolean;
  verdict: ChangeVerdict;
}

export interface GoalStatus {
  goal: Goal;
  area: Area;
  series: SurveySeries;
  /**
   * The comparison's starting point: always a closed wave of the goal's own
   * series (same questionnaire, mode and frame). The goal's chosen wave, or
   * for a goal set up against an outside figure, the series' first closed wave.
   */
  baseline: WavePoint | undefined;
  /** `goal`: the wave the goal names; `first_wave`: the goal names an outside figure, so the series' first wave stands in. */
  baselineRule: 'goal' | 'first_wave' | undefined;
  /** The goal's outside figure, if it has one: context only. */
  external: ExternalReference | undefined;
  /** The latest closed wave after the baseline, if any. */
  latest: WavePoint | undefined;
  change: GoalChange | undefined;
  /** Met / not met / not yet clear (undefined when the latest figure is hidden or there is none). */
  targetVerdict: TargetVerdict | undefined;
  /** True only when met, false only when not met; undefined when not yet clear or unknown. */
  targetMet: boolean | undefined;
  /** Every closed wave's estimate, oldest first (the trend chart): the same figures the comparison uses. */
  trend: WavePoint[];
  /**
   * The open link's answers of the waves that have an invited sample, each
   * estimated on its own (same options, weighting and population), shown
   * beside the invited sample and never pooled with it or tested.
   */
  openAnswers: WavePoint[];
  /** Which answers the figures rest on: the invited sample, everyone (no codes, or the pooled sensitivity view), or a mix across waves. */
  sample: Sample | 'mixed';
  /** How the figures are weighted: both sides of the comparison always on the same basis. */
  weighting: {
    requested: boolean;
    basis: 'weighted' | 'unweighted';
    /** Waves whose weighting failed or was not possible, with the reason; the comparison then falls back to unweighted on both sides. */
    problems: { label: string; report: WeightingReport }[];
  };
  /** The suspicious switch as applied: to every wave of the goal alike, or to none. */
  suspicious: { requestedExclude: boolean; excluded: boolean; switchIgnored: boolean };
  /** Whose answers: residents only where every wave used asks where people live. */
  population: Population | 'mixed';
  /** Whether these are the planned figures or a sensitivity view (a switch changed). */
  view: 'planned' | 'sensitivity';
  /** Changes to the goal after an analysis plan covering it was locked, oldest first: shown wherever the goal is. */
  planChanges: PlanChange[];
  /** The goal's area's weighting margins, where they differ from what the plan locked. */
  marginsChanged: MarginsChange | undefined;
  /**
   * Labels of compared waves that anyone could answer via an open link (mode
   * `open` or `both`): their answers are partly self-selected, the intervals
   * assume a random sample, so the verdicts are indicative only.
   */
  selfSelected: string[];
}

function point(result: IndicatorResult, label: string): GoalPoint {
  if (result.suppressed === true) return { kind: 'suppressed', label };
  if (result.suppressed === 'bounded') {
    const { suppressed: _s, ...rest } = result;
    return { kind: 'bounded', label, ...rest };
  }
  const { suppressed: _s, ...rest } = result;
  return { kind: 'estimate', label, ...rest };
}

function waveLabel(wave: Survey, locale: 'da' | 'en'): string {
  return locale === 'en' && wave.waveEn ? wave.waveEn : wave.waveDa;
}

export type GoalOptions = EstimateOptions & { locale: 'da' | 'en' };

/** The planned analysis: weighted, suspicious responses out, residents only, the invited sample, default trimming. Anything else is a sensitivity view. */
export function isPlannedView(options: EstimateOptions): boolean {
  const trim = options.trim ?? TRIM_DEFAULT;
  return (
    options.weighted &&
    options.excludeSuspicious &&
    (options.population ?? 'residents') === 'residents' &&
    (options.sample ?? 'invited') === 'invited' &&
    trim.min === TRIM_DEFAULT.min &&
    trim.max === TRIM_DEFAULT.max
  );
}

/**
 * A goal's status with the given options (weighting, suspicious switch,
 * population, K); `pass`: what it shares with the other goals of the same
 * page (see EstimatePass).
 */
export async function goalStatus(db: Queryable, goal: Goal, options: GoalOptions, pass: EstimatePass = newEstimatePass()): Promise<GoalStatus> {
  const [area] = await db.select().from(areas).where(eq(areas.id, goal.areaId)).limit(1);
  const [series] = await db.select().from(surveySeries).where(eq(surveySeries.id, goal.seriesId)).limit(1);
  const def = { questionKey: goal.questionKey, item: goal.item, successValues: goal.successValues };
  const waves = await closedWaves(db, goal.seriesId);
  const K = Math.max(MIN_K, options.k);

  // "Include suspicious" applies to every wave of the goal or to none: where any wave has 1…K−1 of them, all leave them out.
  let switchIgnored = false;
  if (!options.excludeSuspicious) {
    for (const w of waves) if (await smallSuspiciousGroup(db, w.id, goal.areaId, K)) switchIgnored = true;
  }
  const estimateOptions: EstimateOptions = { ...options, excludeSuspicious: options.excludeSuspicious || switchIgnored };
  const estimate = async (wave: Survey, o: EstimateOptions): Promise<WavePoint> => ({
    ...point(await estimateIndicator(db, def, wave.id, goal.areaId, o, pass), waveLabel(wave, options.locale)),
    wave,
  });
  let trend: WavePoint[] = [];
  for (const wave of waves) trend.push(await estimate(wave, estimateOptions));

  const external: ExternalReference | undefined =
    goal.baselineValue !== null && goal.baselineN !== null ? { p: goal.baselineValue, n: goal.baselineN, source: goal.baselineSource ?? '' } : undefined;
  const baselineRule: GoalStatus['baselineRule'] = goal.baselineSurveyId !== null ? 'goal' : waves.length > 0 ? 'first_wave' : undefined;
  const baselineId = goal.baselineSurveyId ?? waves[0]?.id;

  // The same weighting basis on both sides: if either side could not be weighted, neither is.
  const problems: GoalStatus['weighting']['problems'] = [];
  for (const t of trend) {
    if (options.weighted && t.kind !== 'suppressed' && !t.weighted) problems.push({ label: t.label, report: t.weighting });
  }
  let basis: 'weighted' | 'unweighted' = options.weighted ? 'weighted' : 'unweighted';
  if (options.weighted && problems.length > 0) {
    basis = 'unweighted';
    const unweighted = { ...estimateOptions, weighted: false };
    trend = await Promise.all(waves.map((w) => estimate(w, unweighted)));
  }

  const compared = compareTrend(goal, trend, baselineId);
  const populations = new Set(trend.flatMap((t) => (t.kind === 'suppressed' ? [] : [t.population])));
  const samples = new Set(trend.flatMap((t) => (t.kind === 'suppressed' ? [] : [t.sample])));
  // The open link's answers beside the invited sample: only where there is an invited sample, on the same basis.
  const openAnswers: WavePoint[] = [];
  if ((options.sample ?? 'invited') === 'invited') {
    const openOptions: EstimateOptions = { ...estimateOptions, weighted: basis === 'weighted', sample: 'open' };
    for (const w of waves) if (await hasInvitedSample(db, w.id)) openAnswers.push(await estimate(w, openOptions));
  }
  return {
    goal,
    area: area!,
    series: series!,
    ...compared,
    baselineRule,
    external,
    trend,
    openAnswers,
    sample: samples.size > 1 ? 'mixed' : ([...samples][0] ?? 'invited'),
    weighting: { requested: options.weighted, basis, problems },
    suspicious: { requestedExclude: options.excludeSuspicious, excluded: estimateOptions.excludeSuspicious, switchIgnored },
    population: populations.size > 1 ? 'mixed' : ([...populations][0] ?? (options.population ?? 'residents')),
    view: isPlannedView(options) ? 'planned' : 'sensitivity',
    planChanges: await planChangesOf(db, [goal.id]),
    marginsChanged: await marginsSincePlan(db, goal, trend.map((t) => t.wave.id)),
    selfSelected: [compared.baseline, compared.latest].flatMap((t) =>
      t && t.wave.mode !== 'invitation' && (t.kind === 'suppressed' || t.sample !== 'invited') ? [t.label] : [],
    ),
  };
}

/**
 * Baseline, latest, change and verdicts from a goal's trend (all of it, or
 * the waves closed by a date for the annual report): the baseline is the
 * wave `baselineId` if it is in the trend, the latest the last wave after it.
 * The change's adjusted p-value is its own until `applyHolm` sees the family.
 */
export function compareTrend(
  goal: Goal,
  trend: readonly WavePoint[],
  baselineId: number | undefined,
): Pick<GoalStatus, 'baseline' | 'latest' | 'change' | 'targetVerdict' | 'targetMet'> {
  const index = baselineId === undefined ? -1 : trend.findIndex((t) => t.wave.id === baselineId);
  const baseline = index >= 0 ? trend[index] : undefined;
  const latest = index >= 0 ? trend.slice(index + 1).at(-1) : undefined;
  let change: GoalChange | undefined;
  if (baseline?.kind === 'estimate' && latest?.kind === 'estimate') {
    const t = twoProportionTest({ p: baseline.p, effectiveN: baseline.effectiveN }, { p: latest.p, effectiveN: latest.effectiveN });
    change = {
      difference: t.difference,
      low: t.low,
      high: t.high,
      pValue: t.pValue,
      adjustedP: t.pValue,
      familySize: 1,
      significant: t.pValue < ALPHA,
      verdict: changeVerdict(t.difference, t.pValue, goal.direction),
    };
  }
  const verdict = latest === undefined || latest.kind === 'suppressed' ? undefined : targetVerdict(latest, goal.targetValue, goal.direction);
  return { baseline, latest, change, targetVerdict: verdict, targetMet: verdict === 'met' ? true : verdict === 'not_met' ? false : undefined };
}

/**
 * Holm's adjustment across the goals whose latest figure comes from the same
 * wave: the change verdicts are read off the adjusted p-values, so testing
 * three goals at once does not triple the chance of a false "improved".
 */
export function applyHolm(statuses: readonly GoalStatus[]): GoalStatus[] {
  const families = new Map<number, number[]>();
  statuses.forEach((s, i) => {
    if (s.change && s.latest) families.set(s.latest.wave.id, [...(families.get(s.latest.wave.id) ?? []), i]);
  });
  const out = statuses.map((s) => ({ ...s }));
  for (const members of families.values()) {
    const adjusted = holmAdjust(members.map((i) => statuses[i]!.change!.pValue));
    members.forEach((i, j) => {
      const s = out[i]!;
      const c = s.change!;
      const adjustedP = adjusted[j]!;
      s.change = { ...c, adjustedP, familySize: members.length, significant: adjustedP < ALPHA, verdict: changeVerdict(c.difference, adjustedP, s.goal.direction) };
    });
  }
  return out;
}

export async function listGoalStatuses(db: Queryable, options: GoalOptions): Promise<GoalStatus[]> {
  const statuses: GoalStatus[] = [];
  // The goals of one page share waves and areas: their stamps and shared reads are made once.
  const pass = newEstimatePass();
  for (const g of await listGoals(db)) statuses.push(await goalStatus(db, g, options, pass));
  return applyHolm(statuses);
}

/**
 * Works out the front's figures in the planned view (every goal's closed
 * waves, invited and open answers) ahead of the first visitor, at start-up:
 * they are kept with the other closed-wave estimates (estimateIndicator), so
 * the first view after a start is a lookup. Resolves to the number of goals.
 */
export async function warmGoalStatuses(db: Queryable, k: number): Promise<number> {
  // The page's own default options; the locale changes labels, not the figures (nor the cache key).
  const statuses = await listGoalStatuses(db, { ...parseEstimateOptions(new URLSearchParams(), k), locale: 'da' });
  return statuses.length;
}

/**
 * Dashboard options from a page's query. The default is the planned analysis;
 * each switch gives a sensitivity view: `vaegtet=0` unweighted,
 * `mistaenkelige=med` keeps suspicious responses, `population=alle` counts
 * everyone who named the area (not only residents), `svar=alle` pools the
 * open link's answers with the invited sample, `trim=0.1-10` other
 * trimming bounds for the weights.
 */
export function parseEstimateOptions(params: URLSearchParams, k: number): EstimateOptions {
  const trimMatch = /^(\d+(?:[.,]\d+)?)-(\d+(?:[.,]\d+)?)$/.exec(params.get('trim') ?? '');
  let trim: TrimBounds | undefined;
  if (trimMatch) {
    const min = Number(trimMatch[1]!.replace(',', '.'));
    const max = Number(trimMatch[2]!.replace(',', '.'));
    if (min >= 0 && min <= 1 && max >= 1 && Number.isFinite(max)) trim = { min, max };
  }
  return {
    k,
    weighted: params.get('vaegtet') !== '0',
    excludeSuspicious: params.get('mistaenkelige') !== 'med',
    population: params.get('population') === 'alle' ? 'all' : 'residents',
    sample: params.get('svar') === 'alle' ? 'everyone' : 'invited',
    ...(trim ? { trim } : {}),
  };
}

const share = (p: GoalPoint | undefined, field: 'p' | 'low' | 'high' | 'n'): TableValue =>
  p === undefined ? null : p.kind === 'estimate' ? p[field] : p.kind === 'bounded' && (field === 'low' || field === 'high') ? p[field] : SUPPRESSED;

/**
 * The goals as a table (page and export). `known`: the statuses the page has
 * already worked out for the same query and locale (the front shows both),
 * so they are not worked out twice.
 */
export async function goalsTable(ctx: TableContext, known?: readonly GoalStatus[]): Promise<DataTable> {
  // Staff tables are Danish or English.
  const locale = staffLocaleOf(ctx.locale);
  const m = messages(locale).dashboard;
  const v = m.verdict;
  const options = { ...parseEstimateOptions(ctx.params, ctx.k), locale: locale };
  const statuses = known ?? (await listGoalStatuses(ctx.db, options));
  const name = (x: { nameDa: string; nameEn: string | null }) => (locale === 'en' && x.nameEn ? x.nameEn : x.nameDa);
  const notes = [isPlannedView(options) ? v.planned : v.sensitivity, options.weighted ? m.weightedNote : m.unweightedNote, v.rule];
  if (!isPlannedView(options)) notes.unshift(`${m.sensitivityMark}.`);
  for (const s of statuses) {
    if (s.weighting.problems.length > 0) notes.push(`${goalName(s, locale)}: ${weightingWarning(s, locale)}`);
    for (const note of planNotes(s, locale)) notes.push(`${goalName(s, locale)}: ${note}`);
  }
  return {
    id: 'goals',
    title: m.goalsTable,
    columns: [
      { key: 'goal', label: m.columns.goal },
      { key: 'area', label: m.columns.area },
      { key: 'baselineWave', label: m.columns.baseline },
      { key: 'baseline', label: m.columns.baseline, kind: 'share' },
      { key: 'baselineN', label: m.columns.baselineN, kind: 'count' },
      { key: 'latestWave', label: m.columns.latestWave },
      { key: 'latest', label: m.columns.latest, kind: 'share' },
      { key: 'latestLow', label: m.columns.low, kind: 'share' },
      { key: 'latestHigh', label: m.columns.high, kind: 'share' },
      { key: 'latestN', label: m.columns.latestN, kind: 'count' },
      { key: 'designEffect', label: m.columns.designEffect, kind: 'decimal' },
      { key: 'change', label: m.columns.change, kind: 'share' },
      { key: 'changeLow', label: m.columns.changeLow, kind: 'share' },
      { key: 'changeHigh', label: m.columns.changeHigh, kind: 'share' },
      { key: 'pValue', label: m.columns.pValue, kind: 'decimal' },
      { key: 'adjustedP', label: v.adjustedP, kind: 'decimal' },
      { key: 'changeVerdict', label: v.changeColumn },
      { key: 'target', label: m.columns.target, kind: 'share' },
      { key: 'targetDate', label: m.columns.targetDate },
      { key: 'targetVerdict', label: v.targetColumn },
      { key: 'external', label: v.external, kind: 'share' },
      { key: 'basis', label: m.options.legend },
      { key: 'sample', label: m.sample.switchLabel },
      { key: 'openLatest', label: m.sample.openHeading, kind: 'share' },
      { key: 'planChanged', label: m.plan.heading },
    ],
    rows: statuses.map((s) => ({
      goal: goalName(s, locale),
      area: name(s.area),
      baselineWave: s.baseline ? s.baseline.label : null,
      baseline: share(s.baseline, 'p'),
      baselineN: share(s.baseline, 'n'),
      latestWave: s.latest ? s.latest.label : null,
      latest: share(s.latest, 'p'),
      latestLow: share(s.latest, 'low'),
      latestHigh: share(s.latest, 'high'),
      latestN: share(s.latest, 'n'),
      designEffect: s.latest === undefined ? null : s.latest.kind === 'estimate' ? s.latest.designEffect : SUPPRESSED,
      change: s.change?.difference ?? null,
      changeLow: s.change?.low ?? null,
      changeHigh: s.change?.high ?? null,
      pValue: s.change?.pValue ?? null,
      adjustedP: s.change?.adjustedP ?? null,
      changeVerdict: s.change ? v.change[s.change.verdict] : null,
      target: s.goal.targetValue,
      targetDate: s.goal.targetDate,
      targetVerdict: s.targetVerdict === undefined ? null : v.target[s.targetVerdict],
      external: s.external?.p ?? null,
      basis: s.weighting.basis === 'weighted' ? m.options.weighted : m.options.unweighted,
      sample: sampleLabel(s, options.sample ?? 'invited', locale),
      openLatest: s.latest ? share(s.openAnswers.find((o) => o.wave.id === s.latest!.wave.id), 'p') : null,
      planChanged: planNotes(s, locale).join(' ') || null,
    })),
    note: notes.join(' '),
  };
}

/** Which answers a goal's figures rest on, in words (the pooled view is marked as a sensitivity analysis). */
export function sampleLabel(s: Pick<GoalStatus, 'sample'>, requested: 'invited' | 'open' | 'everyone', locale: 'da' | 'en'): string {
  const m = messages(locale).dashboard.sample;
  if (requested === 'everyone' && s.sample !== 'invited') return m.pooled;
  return s.sample === 'mixed' ? m.mixed : m[s.sample];
}

function goalName(s: GoalStatus, locale: 'da' | 'en'): string {
  return locale === 'en' && s.goal.titleEn ? s.goal.titleEn : s.goal.titleDa;
}

/** Why a report's weighting was not used, in words. */
export function weightingReason(report: WeightingReport, locale: 'da' | 'en'): string {
  const r = messages(locale).dashboard.verdict.weightingReason;
  switch (report.status) {
    case 'no_margins':
      return r.no_margins;
    case 'empty_category':
    case 'unknown_category':
      return r[report.status](report.variable, report.category);
    case 'margins_missed':
      return r.margins_missed(`${(report.maxGap * 100).toFixed(1)} ${locale === 'da' ? 'procentpoint' : 'percentage points'}`);
    default:
      return '';
  }
}

/** The warning when a comparison fell back to unweighted: which waves and why. */
export function weightingWarning(s: GoalStatus, locale: 'da' | 'en'): string {
  const waves = s.weighting.problems.map((p) => `${p.label} (${weightingReason(p.report, locale)})`).join(', ');
  return messages(locale).dashboard.verdict.weightingFallback(waves);
}

export const tables: Record<string, TableBuilder> = { goals: goalsTable };
