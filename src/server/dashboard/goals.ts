/**
 * Goals the partnership tracks, their status and the population margins that
 * weight them. A goal's status compares its baseline (a closed wave, or a
 * reference value entered by hand) with the latest closed wave after it:
 * the change, its 95 % interval (Newcombe), a two-proportion test on
 * effective sample sizes, and whether the target is met. Open waves are never
 * used: their figures would change with every response and could be
 * differenced day by day.
 */
import { and, asc, eq } from 'drizzle-orm';
import {
  areas,
  goals,
  populationMargins,
  surveySeries,
  surveys,
  type Area,
  type Goal,
  type GoalDirection,
  type Survey,
  type SurveySeries,
} from '../../../db/schema.ts';
import { SUPPRESSED, type DataTable, type TableValue } from '../../lib/data-table.ts';
import { messages } from '../../lib/i18n/index.ts';
import { wilsonInterval, twoProportionTest } from '../../lib/stats/proportion.ts';
import { recordAudit } from '../audit.ts';
import type { Queryable } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';
import { closedWaves, estimateIndicator, type EstimateOptions, type IndicatorResult } from './indicators.ts';
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

export async function findGoal(db: Queryable, id: number): Promise<Goal | undefined> {
  const [goal] = await db.select().from(goals).where(eq(goals.id, id)).limit(1);
  return goal;
}

export type GoalSaveResult = { ok: true; id: number } | { ok: false; reason: 'unknown_series' | 'unknown_area' | 'baseline_not_in_series' };

export async function createGoal(db: Queryable, input: GoalInput, actorId: number): Promise<GoalSaveResult> {
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
    await recordAudit(tx, { userId: actorId, action: 'goal.create', entityType: 'goal', entityId: row.id, summary: input.titleDa });
    return { ok: true, id: row.id };
  });
}

export async function deleteGoal(db: Queryable, id: number, actorId: number): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [goal] = await tx.select().from(goals).where(eq(goals.id, id)).limit(1);
    if (!goal) return false;
    await tx.delete(goals).where(eq(goals.id, id));
    await recordAudit(tx, { userId: actorId, action: 'goal.delete', entityType: 'goal', entityId: id, summary: goal.titleDa });
    return true;
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

/** An estimate as the dashboard shows it: a wave's or a hand-entered reference. */
export type GoalPoint =
  | { kind: 'suppressed'; label: string }
  | { kind: 'estimate'; label: string; p: number; low: number; high: number; n: number; effectiveN: number; designEffect: number; weighted: boolean; source?: string };

export interface GoalStatus {
  goal: Goal;
  area: Area;
  series: SurveySeries;
  baseline: GoalPoint | undefined;
  /** The latest closed wave after the baseline, if any. */
  latest: (GoalPoint & { wave: Survey }) | undefined;
  /** latest − baseline, with its interval and test (on effective sample sizes). */
  change: { difference: number; low: number; high: number; pValue: number; significant: boolean } | undefined;
  /** Whether the latest estimate meets the target (undefined without one). */
  targetMet: boolean | undefined;
  /** Every closed wave's estimate, oldest first (for the trend chart). */
  trend: (GoalPoint & { wave: Survey })[];
}

function point(result: IndicatorResult, label: string): GoalPoint {
  return result.suppressed ? { kind: 'suppressed', label } : { kind: 'estimate', label, ...result };
}

function waveLabel(wave: Survey, locale: 'da' | 'en'): string {
  return locale === 'en' && wave.waveEn ? wave.waveEn : wave.waveDa;
}

/** A goal's status with the given options (weighting, suspicious switch, K). */
export async function goalStatus(db: Queryable, goal: Goal, options: EstimateOptions & { locale: 'da' | 'en' }): Promise<GoalStatus> {
  const [area] = await db.select().from(areas).where(eq(areas.id, goal.areaId)).limit(1);
  const [series] = await db.select().from(surveySeries).where(eq(surveySeries.id, goal.seriesId)).limit(1);
  const def = { questionKey: goal.questionKey, item: goal.item, successValues: goal.successValues };
  const waves = await closedWaves(db, goal.seriesId);
  const trend: (GoalPoint & { wave: Survey })[] = [];
  for (const wave of waves) trend.push({ ...point(await estimateIndicator(db, def, wave.id, goal.areaId, options), waveLabel(wave, options.locale)), wave });

  let baseline: GoalPoint | undefined;
  let after = waves;
  if (goal.baselineSurveyId !== null) {
    const index = waves.findIndex((w) => w.id === goal.baselineSurveyId);
    baseline = index >= 0 ? trend[index] : undefined;
    after = index >= 0 ? waves.slice(index + 1) : [];
  } else if (goal.baselineValue !== null && goal.baselineN !== null) {
    const { low, high } = wilsonInterval(goal.baselineValue * goal.baselineN, goal.baselineN);
    const m = messages(options.locale).dashboard;
    baseline = {
      kind: 'estimate',
      label: m.manualBaseline,
      p: goal.baselineValue,
      low,
      high,
      n: goal.baselineN,
      effectiveN: goal.baselineN,
      designEffect: 1,
      weighted: false,
      source: goal.baselineSource ?? '',
    };
  }
  const lastWave = after.at(-1);
  const latest = lastWave ? trend.find((t) => t.wave.id === lastWave.id) : undefined;

  let change: GoalStatus['change'];
  if (baseline?.kind === 'estimate' && latest?.kind === 'estimate') {
    const test = twoProportionTest({ p: baseline.p, effectiveN: baseline.effectiveN }, { p: latest.p, effectiveN: latest.effectiveN });
    change = { difference: test.difference, low: test.low, high: test.high, pValue: test.pValue, significant: test.significant };
  }
  const targetMet =
    latest?.kind === 'estimate' ? (goal.direction === 'decrease' ? latest.p <= goal.targetValue : latest.p >= goal.targetValue) : undefined;
  return { goal, area: area!, series: series!, baseline, latest, change, targetMet, trend };
}

export async function listGoalStatuses(db: Queryable, options: EstimateOptions & { locale: 'da' | 'en' }): Promise<GoalStatus[]> {
  const statuses: GoalStatus[] = [];
  for (const g of await listGoals(db)) statuses.push(await goalStatus(db, g, options));
  return statuses;
}

/** Dashboard options from a page's query: `vaegtet=0` for unweighted, `mistaenkelige=med` to keep suspicious responses. */
export function parseEstimateOptions(params: URLSearchParams, k: number): EstimateOptions {
  return { k, weighted: params.get('vaegtet') !== '0', excludeSuspicious: params.get('mistaenkelige') !== 'med' };
}

const share = (p: GoalPoint | undefined, field: 'p' | 'low' | 'high' | 'n'): TableValue =>
  p === undefined ? null : p.kind === 'suppressed' ? SUPPRESSED : p[field];

/** The goals as a table (page and export). */
export async function goalsTable(ctx: TableContext): Promise<DataTable> {
  const m = messages(ctx.locale).dashboard;
  const options = { ...parseEstimateOptions(ctx.params, ctx.k), locale: ctx.locale };
  const statuses = await listGoalStatuses(ctx.db, options);
  const name = (x: { nameDa: string; nameEn: string | null }) => (ctx.locale === 'en' && x.nameEn ? x.nameEn : x.nameDa);
  return {
    id: 'goals',
    title: m.goalsTable,
    columns: [
      { key: 'goal', label: m.columns.goal },
      { key: 'area', label: m.columns.area },
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
      { key: 'significant', label: m.columns.significant },
      { key: 'target', label: m.columns.target, kind: 'share' },
      { key: 'targetDate', label: m.columns.targetDate },
      { key: 'targetMet', label: m.columns.targetMet },
    ],
    rows: statuses.map((s) => ({
      goal: ctx.locale === 'en' && s.goal.titleEn ? s.goal.titleEn : s.goal.titleDa,
      area: name(s.area),
      baseline: share(s.baseline, 'p'),
      baselineN: share(s.baseline, 'n'),
      latestWave: s.latest ? s.latest.label : null,
      latest: share(s.latest, 'p'),
      latestLow: share(s.latest, 'low'),
      latestHigh: share(s.latest, 'high'),
      latestN: share(s.latest, 'n'),
      designEffect: s.latest === undefined ? null : s.latest.kind === 'suppressed' ? SUPPRESSED : s.latest.designEffect,
      change: s.change?.difference ?? null,
      changeLow: s.change?.low ?? null,
      changeHigh: s.change?.high ?? null,
      pValue: s.change?.pValue ?? null,
      significant: s.change ? (s.change.significant ? m.yes : m.no) : null,
      target: s.goal.targetValue,
      targetDate: s.goal.targetDate,
      targetMet: s.targetMet === undefined ? null : s.targetMet ? m.yes : m.no,
    })),
    note: options.weighted ? m.weightedNote : m.unweightedNote,
  };
}

export const tables: Record<string, TableBuilder> = { goals: goalsTable };
