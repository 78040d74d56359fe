/**
 * What /resultater shows: for every closed wave an analyst has published, a
 * few headline figures per area, and the status of the goals whose latest
 * wave is published. The figures go through the dashboard's own rules
 * (src/server/dashboard/analysis.ts), with its defaults (weighted where the
 * area has population figures, suspicious responses left out), so the public
 * page never shows what a staff page suppresses.
 */
import { textKey, translator } from '../../lib/survey/translation.ts';
import { loadInstrument } from '../surveys/surveys.ts';
import { surveyTranslator } from '../surveys/translations.ts';
import { and, desc, eq } from 'drizzle-orm';
import { questions, surveys, surveySeries, type Area, type GoalDirection, type Survey, type SurveySeries } from '../../../db/schema.ts';
import { staffLocaleOf, type Locale } from '../../lib/i18n/index.ts';
import { pick, type LocalizedText } from '../../lib/localized.ts';
import type { Queryable } from '../db/connection.ts';
import type { ChangeVerdict, TargetVerdict } from '../../lib/stats/verdict.ts';
import { listGoalStatuses, parseEstimateOptions, type GoalPoint, type GoalStatus } from './goals.ts';
import { planNotes } from './plans.ts';
import { waveAreas } from './waves.ts';
import type { ShownEstimate } from './estimates.ts';
import { waveLabel, waveShares, type ShareDefinition } from './analysis.ts';

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

/** A goal's figure: `label` names its wave; `n` is its substantive answers. `bounded`: fewer than K on one side, shown as a bound. */
export type PublicPoint =
  | { kind: 'suppressed'; label: string }
  | { kind: 'bounded'; label: string; side: 'below' | 'above'; bound: number }
  | { kind: 'estimate'; label: string; p: number; low: number; high: number; n: number };

export interface PublicGoal {
  /** In the reader's language where staff wrote one, else Danish (the page marks it). */
  title: LocalizedText;
  area: Area;
  direction: GoalDirection;
  /** What was asked, and which answers count. */
  question: string | undefined;
  answers: string[];
  /** Residents only, or everyone who answered for the area. */
  population: GoalStatus['population'];
  /** Always a wave of the same series. */
  baseline: PublicPoint | undefined;
  /** The series' first wave stands in for an outside figure. */
  baselineFirstWave: boolean;
  /** An outside figure: context only, never compared. */
  external: { p: number; source: string } | undefined;
  latest: PublicPoint;
  /** latest − baseline with its 95 % interval and verdict, when both are shown. */
  change: { difference: number; low: number; high: number; verdict: ChangeVerdict; familySize: number } | undefined;
  target: number;
  targetDate: string;
  /** Undefined when the latest figure is hidden. */
  targetVerdict: TargetVerdict | undefined;
  /** Whether a compared wave could be answered through an open link (self-selected answers): figures are indicative. */
  selfSelected: boolean;
  /** Changes to the goal after its analysis plan was locked, in words ("The analysis plan was changed on …"). */
  planChanges: string[];
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
  // A bound reveals nothing beyond "fewer than K", so it is shown whatever the wave tables show.
  if (point.kind === 'bounded') return { kind: 'bounded', label: point.label, side: point.side, bound: point.bound };
  // The goal's own estimate is shown only where the dashboard's rules show the same share.
  if (point.kind === 'suppressed' || shown === undefined || shown.suppressed) return { kind: 'suppressed', label: point.label };
  return { kind: 'estimate', label: point.label, p: point.p, low: point.low, high: point.high, n: point.n };
}

/** The question's wording and the counted answers' labels, from the wave's questionnaire. */
async function questionWording(db: Queryable, surveyId: number, key: string, item: string | null, values: readonly string[], locale: Locale): Promise<{ question: string | undefined; answers: string[] }> {
  const [q] = await db.select().from(questions).where(and(eq(questions.surveyId, surveyId), eq(questions.key, key))).limit(1);
  if (!q) return { question: undefined, answers: [...values] };
  const config = q.config as { options?: { value: string; da: string; en?: string | null }[]; items?: { value: string; da: string; en?: string | null }[] };
  const itemText = item === null ? undefined : config.items?.find((i) => i.value === item);
  // In the wave's own translation where it has one (README "Languages").
  const [wave] = await db.select().from(surveys).where(eq(surveys.id, surveyId)).limit(1);
  const { t } = wave ? await surveyTranslator(db, wave, await loadInstrument(db, surveyId), locale) : { t: translator(locale) };
  const text = t(textKey.question(key, 'text'), q.textDa, q.textEn).text;
  const itemLabel = itemText ? t(textKey.item(key, itemText.value), itemText.da, itemText.en).text : undefined;
  return {
    question: itemLabel ? `${text} – ${itemLabel}` : text,
    answers: values.map((v) => {
      const o = config.options?.find((x) => x.value === v);
      return o ? t(textKey.option(key, o.value), o.da, o.en).text : v;
    }),
  };
}

/**
 * A wave's name in the reader's language: from its questionnaire's
 * translation where residents are offered one (README "Languages"), else
 * Danish or English; a name in another language than the page's is set
 * apart with Unicode isolates, so it reads in its own direction inside an
 * Arabic or Urdu sentence.
 */
async function translatedWaveLabel(db: Queryable, wave: Survey, locale: Locale): Promise<string> {
  const { t } = await surveyTranslator(db, wave, await loadInstrument(db, wave.id), locale);
  const label = t('wave', wave.waveDa, wave.waveEn);
  if (label.text === '') return waveLabel(wave, locale);
  return label.lang === locale ? label.text : `\u2068${label.text}\u2069`;
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
    waves.push({ wave, series, label: await translatedWaveLabel(db, wave, locale), headlines, areas });
  }

  const published = new Set(waves.map((w) => w.wave.id));
  const goals: PublicGoal[] = [];
  for (const s of await listGoalStatuses(db, { ...options, locale: staffLocaleOf(locale) })) {
    const latest = s.latest;
    if (!latest || !published.has(latest.wave.id)) continue;
    // A baseline wave that is not published would leak through the goal.
    const baselineWave = s.baseline;
    if (baselineWave && !published.has(baselineWave.wave.id)) continue;
    const definition = { key: s.goal.questionKey, item: s.goal.item, values: s.goal.successValues };
    const check = async (surveyId: number): Promise<ShownEstimate | undefined> => (await waveShares(db, surveyId, s.goal.areaId, [definition], options))[0];
    const labelOf = (waveId: number, fallback: string) => waves.find((w) => w.wave.id === waveId)?.label ?? fallback;
    const latestPoint = { ...toPublic(latest, await check(latest.wave.id)), label: labelOf(latest.wave.id, latest.label) };
    const baseline = baselineWave ? { ...toPublic(baselineWave, await check(baselineWave.wave.id)), label: labelOf(baselineWave.wave.id, baselineWave.label) } : undefined;
    const both = latestPoint.kind === 'estimate' && baseline?.kind === 'estimate';
    const wording = await questionWording(db, latest.wave.id, s.goal.questionKey, s.goal.item, s.goal.successValues, locale);
    goals.push({
      title: pick(locale, s.goal.titleDa, s.goal.titleEn),
      area: s.area,
      direction: s.goal.direction,
      ...wording,
      population: s.population,
      baseline,
      baselineFirstWave: s.baselineRule === 'first_wave',
      external: s.external ? { p: s.external.p, source: s.external.source } : undefined,
      latest: latestPoint,
      change: both && s.change ? { difference: s.change.difference, low: s.change.low, high: s.change.high, verdict: s.change.verdict, familySize: s.change.familySize } : undefined,
      target: s.goal.targetValue,
      targetDate: s.goal.targetDate,
      targetVerdict: latestPoint.kind === 'suppressed' ? undefined : s.targetVerdict,
      selfSelected: s.selfSelected.length > 0,
      planChanges: planNotes(s, staffLocaleOf(locale)),
    });
  }
  return { waves, goals };
}
