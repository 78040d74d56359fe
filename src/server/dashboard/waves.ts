/**
 * The closed waves the dashboard analyses, their areas, and the options an
 * analysis runs with (weighting, the suspicious switch), plus publishing a
 * closed wave's results on /resultater. Only closed waves are analysed (see
 * the privacy rules in analysis.ts).
 */
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { areas, responses, surveyAreas, surveys, surveySeries, type Area, type Survey, type SurveySeries } from '../../../db/schema.ts';
import { MIN_K } from '../../lib/disclosure/index.ts';
import type { InstrumentPage } from '../../lib/survey/instrument.ts';
import { recordAudit } from '../staff/audit.ts';
import type { Queryable } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';
import { loadInstrument, publishedResponseCounts } from '../surveys/surveys.ts';
import { parseEstimateOptions } from './goals.ts';
import type { EstimateOptions } from './indicators.ts';

// ---------------------------------------------------------------------------
// Waves and areas
// ---------------------------------------------------------------------------

export interface WaveSummary {
  wave: Survey;
  series: SurveySeries;
  /** The wave's responses as the disclosure engine publishes them; undefined when too few. */
  responses: number | undefined;
}

/** Closed waves, newest first within each series: the only waves that are analysed. */
export async function listClosedWaves(db: Queryable, k: number): Promise<WaveSummary[]> {
  const rows = await db
    .select({ wave: surveys, series: surveySeries })
    .from(surveys)
    .innerJoin(surveySeries, eq(surveySeries.id, surveys.seriesId))
    .where(eq(surveys.status, 'closed'))
    .orderBy(asc(surveySeries.titleDa), desc(surveys.opensAt), desc(surveys.id));
  const shown = await publishedResponseCounts(db, k);
  return rows.map((r) => ({ ...r, responses: shown(r.wave.id) }));
}

export interface AnalysableWave {
  wave: Survey;
  series: SurveySeries;
  /** The wave's areas, in display order: the choices of the area selector. */
  areas: Area[];
  pages: InstrumentPage[];
}

export type WaveLookup = { kind: 'closed'; found: AnalysableWave } | { kind: 'not_closed'; wave: Survey } | { kind: 'not_found' };

/** The areas a wave is about; every area when it names none. */
export async function waveAreas(db: Queryable, surveyId: number): Promise<Area[]> {
  const named = (
    await db
      .select({ a: areas })
      .from(surveyAreas)
      .innerJoin(areas, eq(areas.id, surveyAreas.areaId))
      .where(eq(surveyAreas.surveyId, surveyId))
      .orderBy(asc(areas.displayOrder), asc(areas.id))
  ).map((r) => r.a);
  return named.length > 0 ? named : db.select().from(areas).orderBy(asc(areas.displayOrder), asc(areas.id));
}

export async function findWaveForAnalysis(db: Queryable, id: number): Promise<WaveLookup> {
  const [wave] = await db.select().from(surveys).where(eq(surveys.id, id)).limit(1);
  if (!wave) return { kind: 'not_found' };
  if (wave.status !== 'closed') return { kind: 'not_closed', wave };
  const [series] = await db.select().from(surveySeries).where(eq(surveySeries.id, wave.seriesId)).limit(1);
  return { kind: 'closed', found: { wave, series: series!, areas: await waveAreas(db, id), pages: await loadInstrument(db, id) } };
}

export type PublishResult = 'ok' | 'not_found' | 'not_closed';

/**
 * Publishes (or withdraws) a closed wave's results on /resultater. Only a
 * closed wave: an open wave's figures are not final. The caller checks
 * `goals.manage`; the change is audited.
 */
export async function setResultsPublished(db: Queryable, surveyId: number, published: boolean, actorId: number): Promise<PublishResult> {
  return transaction(db, async (tx): Promise<PublishResult> => {
    const [wave] = await tx.select().from(surveys).where(eq(surveys.id, surveyId)).limit(1);
    if (!wave) return 'not_found';
    if (wave.status !== 'closed') return 'not_closed';
    if (wave.resultsPublished === published) return 'ok';
    await tx.update(surveys).set({ resultsPublished: published, resultsPublishedAt: published ? new Date() : null }).where(eq(surveys.id, surveyId));
    await recordAudit(tx, {
      userId: actorId,
      action: published ? 'survey.publish_results' : 'survey.unpublish_results',
      entityType: 'survey',
      entityId: surveyId,
      summary: `${wave.slug}: ${published ? 'unpublished → published' : 'published → unpublished'}`,
    });
    return 'ok';
  });
}

// ---------------------------------------------------------------------------
// Options: weighting and the suspicious switch
// ---------------------------------------------------------------------------

export interface AnalysisOptions extends EstimateOptions {
  /** Asked to keep suspicious responses, but the area has 1…K−1 of them, so they stay out. */
  suspiciousSwitchIgnored: boolean;
}

/**
 * The page's switches (`vaegtet`, `mistaenkelige`) for one wave and area.
 * "With suspicious" minus "without" is the answers of the flagged
 * respondents alone, so the switch only applies when they are none or at
 * least K.
 */
export async function analysisOptions(db: Queryable, surveyId: number, areaId: number, params: URLSearchParams, k: number): Promise<AnalysisOptions> {
  const base = parseEstimateOptions(params, Math.max(MIN_K, k));
  if (base.excludeSuspicious) return { ...base, suspiciousSwitchIgnored: false };
  const [row] = await db // not for display: decides whether the switch applies
    .select({ n: count() })
    .from(responses)
    .where(and(eq(responses.surveyId, surveyId), eq(responses.areaId, areaId), eq(responses.suspicious, true)))
    .limit(1);
  const flagged = row?.n ?? 0;
  if (flagged > 0 && flagged < base.k) return { ...base, excludeSuspicious: true, suspiciousSwitchIgnored: true };
  return { ...base, suspiciousSwitchIgnored: false };
}
