/**
 * What /resultater shows: for every closed wave an analyst has published, a
 * few headline figures per area, and the status of the goals whose latest
 * wave is published. The figures go through the dashboard's own rules
 * (src/server/dashboard/analysis.ts), with its defaults (weighted where the
 * area has population figures, suspicious responses left out), so the public
 * page never shows what a staff page suppresses.
 */
import { and, desc, eq } from 'drizzle-orm';
import { surveys, surveySeries, type Area, type GoalDirection, type Survey, type SurveySeries } from '../../../db/schema.ts';
import type { Locale } from '../../lib/i18n/index.ts';
import { pick } from '../../lib/localized.ts';
import type { Queryable } from '../db/connection.ts';
import { listGoalStatuses, parseEstimateOptions, type GoalPoint } from './goals.ts';
import { waveAreas, waveLabel, waveShares, type ShareDefinition, type ShownEstimate } from './analysis.ts';

/** The headline figures, in the order shown. Labels live in the `results` catalogue under `headlines`. */
export const HEADLINES = [
  { id: 'unsafeEvening', key: 'safety_evening', item: null, values: ['unsafe', 'very_unsafe'] },
  { id: 'unsafeGeneral', key: 'safety_general', item: null, values: ['unsafe', 'very_unsafe'] },
  { id: 'drugDealingBig', key: 'problems', item: 'drug_dealing', values: ['big'] },
  { id: 'avoidsPlaces', key: 'avoids_places', item: null, values: ['yes'] },
] as const satisfies readonly (ShareDefinition & { id: string })[];

export type HeadlineId = (typeof HEADLINES)[number]['id'];

export interface PublishedWave {
  wave: Survey;
  series: SurveySeries;
  label: string;
  /** Headlines the wave's questionnaire has (a wave without the question has none). */
  headlines: HeadlineId[];
  areas: { area: Area; figures: Partial<Record<HeadlineId, ShownEstimate>> }[];
}

/** A goal's figure: `label` names its wave (or says it was entered by hand, with `source`); `n` is its substantive answers. */
export type PublicPoint = { kind: 'suppressed'; label: string } | { kind: 'estimate'; label: string; p: number; low: number; high: number; n: number; source?: string };

export interface PublicGoal {
  title: string;
  area: Area;
  direction: GoalDirection;
  baseline: PublicPoint | undefined;
  latest: PublicPoint;
  /** latest − baseline with its 95 % interval, when both are shown. */
  change: { difference: number; low: number; high: number; significant: boolean } | undefined;
  target: number;
  targetDate: string;
  /** Undefined when the latest figure is suppressed. */
  targetMet: boolean | undefined;
}

export interface PublicResults {
  waves: PublishedWave[];
  goals: PublicGoal[];
}

/** Published closed waves, newest first. */
async function publishedWaves(db: Queryable): Promise<{ wave: Survey; series: SurveySeries }[]> {
  return db
    .select({ wave: surveys, series: surveySeries })
    .from(surveys)
    .innerJoin(surveySeries, eq(surveySeries.id, surveys.seriesId))
    .where(and(eq(surveys.status, 'closed'), eq(surveys.resultsPublished, true)))
    .orderBy(desc(surveys.opensAt), desc(surveys.id));
}

function toPublic(point: GoalPoint, shown: ShownEstimate | undefined): PublicPoint {
  // The goal's own estimate is shown only where the dashboard's rules show the same share.
  if (point.kind === 'suppressed' || shown === undefined || shown.suppressed) return { kind: 'suppressed', label: point.label };
  return { kind: 'estimate', label: point.label, p: point.p, low: point.low, high: point.high, n: point.n, ...(point.source === undefined ? {} : { source: point.source }) };
}

export async function publicResults(db: Queryable, locale: Locale, k: number): Promise<PublicResults> {
  // The dashboard's defaults, with no switches: weighted, suspicious responses left out.
  const options = parseEstimateOptions(new URLSearchParams(), k);
  const waves: PublishedWave[] = [];
  for (const { wave, series } of await publishedWaves(db)) {
    const areas: PublishedWave['areas'] = [];
    for (const area of await waveAreas(db, wave.id)) {
      const shares = await waveShares(db, wave.id, area.id, HEADLINES, options);
      const figures: Partial<Record<HeadlineId, ShownEstimate>> = {};
      HEADLINES.forEach((h, i) => {
        const s = shares[i];
        if (s !== undefined) figures[h.id] = s;
      });
      areas.push({ area, figures });
    }
    const headlines = HEADLINES.map((h) => h.id).filter((id) => areas.some((a) => a.figures[id] !== undefined));
    waves.push({ wave, series, label: waveLabel(wave, locale), headlines, areas });
  }

  const published = new Set(waves.map((w) => w.wave.id));
  const goals: PublicGoal[] = [];
  for (const s of await listGoalStatuses(db, { ...options, locale })) {
    const latest = s.latest;
    if (!latest || !published.has(latest.wave.id)) continue;
    // A baseline wave that is not published would leak through the goal.
    const baselineWave = s.goal.baselineSurveyId === null ? undefined : s.trend.find((t) => t.wave.id === s.goal.baselineSurveyId);
    if (s.goal.baselineSurveyId !== null && (!baselineWave || !published.has(baselineWave.wave.id))) continue;
    const definition = { key: s.goal.questionKey, item: s.goal.item, values: s.goal.successValues };
    const check = async (surveyId: number): Promise<ShownEstimate | undefined> => (await waveShares(db, surveyId, s.goal.areaId, [definition], options))[0];
    const latestPoint = toPublic(latest, await check(latest.wave.id));
    let baseline: PublicPoint | undefined;
    if (baselineWave) baseline = toPublic(baselineWave, await check(baselineWave.wave.id));
    else if (s.baseline) baseline = toPublic(s.baseline, s.baseline.kind === 'estimate' ? { suppressed: false, n: s.baseline.n, base: s.baseline.n, p: s.baseline.p, low: s.baseline.low, high: s.baseline.high } : undefined);
    const both = latestPoint.kind === 'estimate' && baseline?.kind === 'estimate';
    goals.push({
      title: pick(locale, s.goal.titleDa, s.goal.titleEn).text,
      area: s.area,
      direction: s.goal.direction,
      baseline,
      latest: latestPoint,
      change: both && s.change ? { difference: s.change.difference, low: s.change.low, high: s.change.high, significant: s.change.significant } : undefined,
      target: s.goal.targetValue,
      targetDate: s.goal.targetDate,
      targetMet: latestPoint.kind === 'estimate' ? s.targetMet : undefined,
    });
  }
  return { waves, goals };
}
