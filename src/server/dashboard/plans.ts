/**
 * The analysis plan, fixed in advance. When a wave opens, its series' goals
 * (indicator, area, population, baseline, target, direction), the weighting
 * (the goals' areas' margins, the trimming bounds and the margin gap limit),
 * the sample, the test and the multiplicity correction are stored as the
 * wave's plan (`analysis_plans`), never updated. A goal created, edited or
 * removed after a plan covering it was locked is a plan change
 * (`plan_changes`): who, when, what before and after, and why (required),
 * audited, and shown on every page that uses the goal. The figures use the
 * goal as it now stands (the plan with its recorded changes); the changes
 * are shown next to them, so a reader sees what moved after the answers
 * started to come in.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
  analysisPlans,
  goals,
  planChanges,
  populationMargins,
  surveys,
  type AnalysisPlan,
  type AnalysisPlanContent,
  type Goal,
  type PlanChange,
  type PlanChangeKind,
  type PlannedGoal,
  type Survey,
} from '../../../db/schema.ts';
import { formatDate, formatPercent } from '../../lib/format.ts';
import { messages } from '../../lib/i18n/index.ts';
import { recordAudit } from '../staff/audit.ts';
import { copenhagenDay } from '../../lib/time.ts';
import type { Queryable } from '../db/connection.ts';
import { inList } from '../db/in-list.ts';
import { areaMargins, MARGIN_GAP_LIMIT, TRIM_DEFAULT } from './indicators.ts';

/** A goal's fields as the plan fixes them. */
export function plannedGoal(goal: Goal): PlannedGoal {
  return {
    goalId: goal.id,
    titleDa: goal.titleDa,
    titleEn: goal.titleEn,
    questionKey: goal.questionKey,
    item: goal.item,
    successValues: [...goal.successValues],
    areaId: goal.areaId,
    direction: goal.direction,
    baselineSurveyId: goal.baselineSurveyId,
    baselineValue: goal.baselineValue,
    baselineN: goal.baselineN,
    baselineSource: goal.baselineSource,
    targetValue: goal.targetValue,
    targetDate: goal.targetDate,
  };
}

/** The plan a wave would lock now: its series' goals, their areas' margins, and the fixed method. */
export async function currentPlan(db: Queryable, wave: Survey): Promise<AnalysisPlanContent> {
  const seriesGoals = await db.select().from(goals).where(eq(goals.seriesId, wave.seriesId)).orderBy(asc(goals.id));
  const areaIds = [...new Set(seriesGoals.map((g) => g.areaId))];
  const rows = areaIds.length > 0 ? await db.select().from(populationMargins).where(inArray(populationMargins.areaId, areaIds)).orderBy(asc(populationMargins.id)) : [];
  const margins = new Map<string, AnalysisPlanContent['weighting']['margins'][number]>();
  for (const r of rows) {
    const key = `${r.areaId} ${r.variable}`;
    const m = margins.get(key) ?? { areaId: r.areaId, variable: r.variable, categories: {}, source: r.source };
    m.categories[r.category] = r.population;
    margins.set(key, m);
  }
  return {
    goals: seriesGoals.map(plannedGoal),
    // Codes are often generated after a wave opens: a wave meant for letters (mode invitation or both) plans on its invited sample.
    sample: wave.mode === 'open' ? 'everyone' : 'invited',
    population: 'residents',
    weighting: { margins: [...margins.values()], trim: { ...TRIM_DEFAULT }, marginGapLimit: MARGIN_GAP_LIMIT },
    test: 'two-proportion z-test on Kish effective n, Newcombe interval, 95 %',
    multiplicity: 'Holm across the goals whose latest figure comes from this wave',
    suspicious: 'excluded',
  };
}

/**
 * Locks a wave's analysis plan (once: a wave that opens again keeps its
 * first plan). Called in the transaction that opens the wave.
 */
export async function lockAnalysisPlan(db: Queryable, wave: Survey, actorId: number | null, now = new Date()): Promise<AnalysisPlan | undefined> {
  const [existing] = await db.select().from(analysisPlans).where(eq(analysisPlans.surveyId, wave.id)).limit(1);
  if (existing) return existing;
  const plan = await currentPlan(db, wave);
  const [row] = await db.insert(analysisPlans).values({ surveyId: wave.id, plan, lockedAt: now, lockedBy: actorId }).returning();
  await recordAudit(db, { userId: actorId, action: 'plan.lock', entityType: 'survey', entityId: wave.id, summary: `${plan.goals.length} goals` });
  return row;
}

/** The newest locked plan of a series (the plan a change to one of its goals changes), if any wave of it has opened. */
export async function latestPlanOfSeries(db: Queryable, seriesId: number): Promise<AnalysisPlan | undefined> {
  const [row] = await db
    .select({ plan: analysisPlans })
    .from(analysisPlans)
    .innerJoin(surveys, eq(surveys.id, analysisPlans.surveyId))
    .where(eq(surveys.seriesId, seriesId))
    .orderBy(desc(analysisPlans.lockedAt), desc(analysisPlans.id))
    .limit(1);
  return row?.plan;
}

/** A wave's locked plan. */
export async function planOfWave(db: Queryable, surveyId: number): Promise<AnalysisPlan | undefined> {
  const [row] = await db.select().from(analysisPlans).where(eq(analysisPlans.surveyId, surveyId)).limit(1);
  return row;
}

/** The fields of a planned goal that differ, as `field: before → after`. */
export function plannedDifferences(before: PlannedGoal | null, after: PlannedGoal | null): { field: keyof PlannedGoal; before: unknown; after: unknown }[] {
  if (!before || !after) return [];
  const keys = Object.keys(after) as (keyof PlannedGoal)[];
  return keys.filter((k) => k !== 'goalId' && JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((field) => ({ field, before: before[field], after: after[field] }));
}

/**
 * Records a change to a goal if a plan covering it is locked: returns
 * `reason_required` (and records nothing) when the reason is empty. Call
 * inside the transaction that changes the goal.
 */
export async function recordPlanChange(
  db: Queryable,
  input: { seriesId: number; goalId: number; kind: PlanChangeKind; before: PlannedGoal | null; after: PlannedGoal | null; reason: string | null | undefined; actorId: number; now?: Date },
): Promise<'none' | 'recorded' | 'reason_required'> {
  const plan = await latestPlanOfSeries(db, input.seriesId);
  if (!plan) return 'none';
  const reason = (input.reason ?? '').trim();
  if (!reason) return 'reason_required';
  const differences = plannedDifferences(input.before, input.after);
  if (input.kind === 'edit' && differences.length === 0) return 'none';
  await db.insert(planChanges).values({
    planId: plan.id,
    goalId: input.goalId,
    kind: input.kind,
    before: input.before,
    after: input.after,
    reason: reason.slice(0, 1000),
    changedBy: input.actorId,
    ...(input.now ? { changedAt: input.now } : {}),
  });
  await recordAudit(db, {
    userId: input.actorId,
    action: `plan.${input.kind}`,
    entityType: 'goal',
    entityId: input.goalId,
    summary: `${input.kind === 'edit' ? differences.map((d) => `${d.field}: ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}`).join('; ') : input.kind} (${reason.slice(0, 200)})`,
  });
  return 'recorded';
}

/** The plan changes of the given goals, oldest first. */
export async function planChangesOf(db: Queryable, goalIds: readonly number[]): Promise<PlanChange[]> {
  if (goalIds.length === 0) return [];
  return db.select().from(planChanges).where(inArray(planChanges.goalId, [...goalIds])).orderBy(asc(planChanges.changedAt), asc(planChanges.id));
}

/** Plan changes made by a given day (the annual report shows the plan as it stood at 31 December). */
export function changesUntil(changes: readonly PlanChange[], day: string): PlanChange[] {
  return changes.filter((c) => copenhagenDay(c.changedAt) <= day);
}

/** One change in words: "The plan was changed on 4 December 2026: target 12 % → 10 % (reason: …)." */
export function describePlanChange(change: PlanChange, locale: 'da' | 'en'): string {
  const m = messages(locale).dashboard.plan;
  const value = (field: keyof PlannedGoal, v: unknown): string => {
    if (v === null || v === undefined) return '–';
    if ((field === 'targetValue' || field === 'baselineValue') && typeof v === 'number') return formatPercent(locale, v, 1);
    if (Array.isArray(v)) return v.join(', ');
    return String(v);
  };
  const what =
    change.kind === 'edit'
      ? plannedDifferences(change.before, change.after)
          .map((d) => `${m.fields[d.field]}: ${value(d.field, d.before)} → ${value(d.field, d.after)}`)
          .join('; ')
      : m.kinds[change.kind];
  return m.changed(formatDate(locale, change.changedAt), what, change.reason);
}

/** The weighting of a goal's area as it differs from what a shown wave's plan locked. */
export interface MarginsChange {
  /** The wave whose plan it differs from: the newest shown wave whose plan does. */
  surveyId: number;
  lockedAt: Date;
  /** The margin variables (age band, gender …) added, removed or with other population figures since, in order. */
  variables: string[];
}

/**
 * Whether the population margins of a goal's area differ from those the plan
 * of a wave whose figures are shown (`waveIds`: the goal's closed waves)
 * locked; weighting is part of the plan, and every shown figure is weighted
 * to the margins as they are now. Editing margins is audited where it is done
 * (`margins.set`); this makes it visible where the goal's figures are, like
 * a recorded plan change. The newest such wave is named. Undefined when no
 * shown wave's plan covers the goal, or none differs.
 */
export async function marginsSincePlan(db: Queryable, goal: Pick<Goal, 'id' | 'areaId'>, waveIds: readonly number[]): Promise<MarginsChange | undefined> {
  if (waveIds.length === 0) return undefined;
  const plans = await db
    .select({ surveyId: analysisPlans.surveyId, plan: analysisPlans.plan, lockedAt: analysisPlans.lockedAt })
    .from(analysisPlans)
    .where(inList(db, analysisPlans.surveyId, waveIds))
    .orderBy(desc(analysisPlans.lockedAt), desc(analysisPlans.id));
  const current = new Map((await areaMargins(db, goal.areaId)).map((m) => [m.variable, m.targets]));
  const same = (a: Readonly<Record<string, number>> | undefined, b: Readonly<Record<string, number>> | undefined): boolean =>
    a !== undefined && b !== undefined && Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
  for (const row of plans) {
    // A goal added after a lock is a recorded change of its own; its area's margins were not planned then.
    if (!row.plan.goals.some((g) => g.goalId === goal.id)) continue;
    const planned = new Map(row.plan.weighting.margins.filter((m) => m.areaId === goal.areaId).map((m) => [m.variable, m.categories]));
    const variables = [...new Set([...planned.keys(), ...current.keys()])].filter((v) => !same(planned.get(v), current.get(v))).sort();
    if (variables.length > 0) return { surveyId: row.surveyId, lockedAt: row.lockedAt, variables };
  }
  return undefined;
}

/** The weighting change in words: "The population figures … were changed after the plan was locked on …". */
export function describeMarginsChange(change: MarginsChange, locale: 'da' | 'en'): string {
  return messages(locale).dashboard.plan.marginsChanged(formatDate(locale, change.lockedAt), change.variables.join(', '));
}

/** What changed since a goal's plan, in words: its recorded changes, oldest first, then its weighting's. */
export function planNotes(s: { planChanges: readonly PlanChange[]; marginsChanged?: MarginsChange | undefined }, locale: 'da' | 'en'): string[] {
  return [...s.planChanges.map((c) => describePlanChange(c, locale)), ...(s.marginsChanged ? [describeMarginsChange(s.marginsChanged, locale)] : [])];
}

/** Whether a goal's current definition equals what the plan locked (no changes recorded). */
export function unchangedSincePlan(goal: Goal, plan: AnalysisPlanContent): boolean {
  const planned = plan.goals.find((g) => g.goalId === goal.id);
  return planned !== undefined && plannedDifferences(planned, plannedGoal(goal)).length === 0;
}

/** The waves of a series that have a locked plan, with the plan. */
export async function plansOfSeries(db: Queryable, seriesId: number): Promise<{ wave: Survey; plan: AnalysisPlan }[]> {
  const rows = await db
    .select({ wave: surveys, plan: analysisPlans })
    .from(analysisPlans)
    .innerJoin(surveys, eq(surveys.id, analysisPlans.surveyId))
    .where(and(eq(surveys.seriesId, seriesId)))
    .orderBy(asc(analysisPlans.lockedAt), asc(analysisPlans.id));
  return rows;
}
