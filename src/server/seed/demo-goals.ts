/**
 * Demo goals and population margins for the dashboard, so its front page has
 * something honest to show: two goals measured against the 2024 baseline
 * wave, one against a hand-entered reference figure. The margins are made-up
 * round numbers, labelled as such, not Statistics Denmark's.
 */
import { eq } from 'drizzle-orm';
import { goals, populationMargins, surveys, surveySeries } from '../../../db/schema.ts';
import type { Queryable } from '../db/connection.ts';
import { lockAnalysisPlan } from '../dashboard/plans.ts';

const DEMO_SOURCE = 'Demo-tal (ikke fra Danmarks Statistik)';

export async function seedDemoGoals(db: Queryable, areaIds: Map<string, number>, createdBy: number | null): Promise<void> {
  const [series] = await db.select().from(surveySeries).where(eq(surveySeries.slug, 'tryghedsmaaling-indre-norrebro')).limit(1);
  const [baseline] = await db.select().from(surveys).where(eq(surveys.slug, 'tryghed-2024')).limit(1);
  const inner = areaIds.get('indre-norrebro');
  const square = areaIds.get('skt-hans-torv');
  if (!series || !baseline || inner === undefined || square === undefined) return;
  const common = { seriesId: series.id, direction: 'decrease' as const, targetDate: '2027-12-31', createdBy };
  await db.insert(goals)
    .values([
      {
        ...common,
        titleDa: 'Utryghed om aftenen i Indre Nørrebro',
        titleEn: 'Feeling unsafe in the evening, Inner Nørrebro',
        questionKey: 'safety_evening',
        item: null,
        successValues: ['unsafe', 'very_unsafe'],
        areaId: inner,
        baselineSurveyId: baseline.id,
        targetValue: 0.12,
      },
      {
        ...common,
        titleDa: 'Åbent salg af stoffer opleves som et stort problem',
        titleEn: 'Open drug dealing seen as a big problem',
        questionKey: 'problems',
        item: 'drug_dealing',
        successValues: ['big'],
        areaId: inner,
        baselineSurveyId: baseline.id,
        targetValue: 0.15,
      },
      {
        ...common,
        titleDa: 'Utryghed om aftenen ved Skt. Hans Torv holdes nede',
        titleEn: 'Feeling unsafe in the evening around Skt. Hans Torv kept down',
        questionKey: 'safety_evening',
        item: null,
        successValues: ['unsafe', 'very_unsafe'],
        areaId: square,
        baselineValue: 0.25,
        baselineN: 300,
        baselineSource: 'Københavns Kommunes tryghedsundersøgelse 2023 (demo-tal)',
        targetValue: 0.25,
      },
    ]);

  const margins: [string, Record<string, number>][] = [
    ['age_band', { '15_24': 3400, '25_34': 6200, '35_44': 3900, '45_54': 2600, '55_64': 1900, '65_74': 1300, '75_plus': 700 }],
    ['gender', { woman: 10100, man: 9900 }],
  ];
  for (const [variable, counts] of margins) {
    await db.insert(populationMargins)
      .values(Object.entries(counts).map(([category, population]) => ({ areaId: inner, variable, category, population, source: DEMO_SOURCE })));
  }

  // Each wave's analysis plan, as it was locked when the wave opened.
  for (const wave of await db.select().from(surveys).where(eq(surveys.seriesId, series.id))) await lockAnalysisPlan(db, wave, createdBy, wave.opensAt ?? new Date());
}
