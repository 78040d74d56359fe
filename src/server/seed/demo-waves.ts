/**
 * Seeds the demo questionnaire as a series with three waves and synthetic
 * responses: "Baseline 2024" (closed, results published), "2025" (closed, so
 * the dashboard has a change to measure) and "2026" (open). The 2025 wave is
 * inserted last so that the ids of the other two stay 1 and 2.
 * Respondents in the follow-up feel a little safer in Indre Nørrebro and a
 * little less safe around Skt. Hans Torv, so the dashboard's displacement
 * monitor has something to find. All rows are marked demo.
 */
import { asc, eq } from 'drizzle-orm';
import { invitationCodes, questions, surveyAreas, surveyPages, surveys, surveySeries, type Survey } from '../../../db/schema.ts';
import { NONE_OF_THESE, type Answers } from '../../lib/survey/instrument.ts';
import { fromCopenhagenLocal } from '../../lib/time.ts';
import type { Queryable } from '../db/connection.ts';
import { loadInstrument } from '../surveys/surveys.ts';
import { storeResponse } from '../surveys/answering.ts';
import { generateCodes } from '../surveys/invitations.ts';
import { seedSurveyTranslations } from './survey-translations/index.ts';
import { demoChannel, mulberry32, PROBLEM_ITEMS, QUESTIONNAIRE, weighted } from './demo-survey.ts';

export async function insertQuestionnaire(db: Queryable, surveyId: number): Promise<void> {
  for (const [pi, page] of QUESTIONNAIRE.entries()) {
    const [p] = await db.insert(surveyPages).values({ surveyId, position: pi + 1, titleDa: page.titleDa, titleEn: page.titleEn }).returning();
    for (const [qi, q] of page.questions.entries()) {
      await db.insert(questions)
        .values({
          surveyId,
          pageId: p!.id,
          position: qi + 1,
          key: q.key,
          type: q.type,
          textDa: q.textDa,
          textEn: q.textEn,
          helpDa: q.helpDa ?? null,
          helpEn: q.helpEn ?? null,
          required: q.required ?? false,
          allowDontKnow: q.allowDontKnow ?? false,
          allowPreferNot: q.allowPreferNot ?? false,
          config: q.config,
          showIf: q.showIf ?? null,
        });
    }
  }
}

type Wave = 'baseline' | 'midway' | 'followup';

/**
 * One synthetic respondent's answers. `unsafe` shifts the safety answers
 * (0 = safe … 1 = unsafe); `straight`, if given, is the one answer given to
 * every row of the problems matrix (a straight-liner, for the quality flags).
 * Also used by the benchmark's large dataset (src/server/bench/large-data.ts).
 */
export function syntheticAnswers(rand: () => number, area: string, unsafe: number, straight?: string): Answers {
  const safety = () =>
    weighted(rand, {
      very_safe: 3 * (1 - unsafe),
      safe: 5 * (1 - unsafe) + 1,
      neither: 2,
      unsafe: 3 * unsafe + 0.5,
      very_unsafe: 2 * unsafe,
      dont_know: 0.2,
    });
  const evening = safety();
  const a: Answers = {
    area,
    safety_general: safety(),
    safety_evening: evening,
    safety_night: rand() < 0.7 ? evening : safety(),
    problems: Object.fromEntries(
      PROBLEM_ITEMS.map((item) => [
        item.value,
        straight ??
          weighted(rand, { none: 3 - 2 * unsafe, small: 2, some: 1 + unsafe, big: 0.5 + 2.5 * unsafe * (item.value === 'drug_dealing' ? 1.4 : 1), dont_know: 0.3 }),
      ]),
    ),
    avoids_places: rand() < 0.25 + 0.4 * unsafe ? 'yes' : 'no',
    worry_victim: String(Math.min(7, Math.max(1, Math.round(2 + 4 * unsafe + (rand() - 0.5) * 3)))),
    trust_police: String(Math.min(7, Math.max(1, Math.round(5 - unsafe + (rand() - 0.5) * 3)))),
    trust_municipality: String(Math.min(7, Math.max(1, Math.round(4.5 - unsafe + (rand() - 0.5) * 3)))),
    age_band: weighted(rand, { '15_24': 2, '25_34': 4, '35_44': 3, '45_54': 2, '55_64': 1.5, '65_74': 1, '75_plus': 0.5, prefer_not: 0.3 }),
    gender: weighted(rand, { woman: 5, man: 4.6, other: 0.2, prefer_not: 0.3 }),
    relation: rand() < 0.85 ? ['resident'] : ['works', 'visitor'],
  };
  if (a['avoids_places'] === 'yes') a['unsafe_places'] = [rand() < 0.5 ? 'place:blaagaards-plads' : 'place:skt-hans-torv'];
  // The others tick "None of these" (no extra draw, so the rest of the synthetic answers stay as they were).
  if (rand() < 0.6) a['aware_initiatives'] = rand() < 0.5 ? ['community_officers'] : ['community_officers', 'safety_walks'];
  else a['aware_initiatives'] = [NONE_OF_THESE];
  if (rand() < 0.8) a['years_in_area'] = String(Math.floor(rand() * 25));
  return a;
}

/** How unsafe respondents in an area feel in a wave (drives the synthetic answers). */
export const UNSAFE: Record<Wave, Record<string, number>> = {
  baseline: { 'indre-norrebro': 0.55, 'skt-hans-torv': 0.3, 'ydre-norrebro': 0.35 },
  midway: { 'indre-norrebro': 0.3, 'skt-hans-torv': 0.45, 'ydre-norrebro': 0.34 },
  followup: { 'indre-norrebro': 0.4, 'skt-hans-torv': 0.42, 'ydre-norrebro': 0.33 },
};

async function seedResponses(db: Queryable, survey: Survey, wave: Wave, n: number, firstDay: string, areaIds: Map<string, number>): Promise<void> {
  const pages = await loadInstrument(db, survey.id);
  const rand = mulberry32(wave === 'baseline' ? 2024 : wave === 'midway' ? 2025 : 2026);
  // The language each synthetic respondent answered in, from a generator of its own (the answers stay as they were).
  const languages = mulberry32(wave === 'baseline' ? 4024 : wave === 'midway' ? 4025 : 4026);
  const start = new Date(`${firstDay}T12:00:00Z`).getTime();
  // The letters' codes: invited respondents answer with one (or on paper), the rest come through the open link.
  await generateCodes(db, survey.id, n * 2, null);
  const codes = (await db.select({ id: invitationCodes.id }).from(invitationCodes).where(eq(invitationCodes.surveyId, survey.id)).orderBy(asc(invitationCodes.id))).map((c) => c.id);
  for (let i = 0; i < n; i++) {
    const area = weighted(rand, { 'indre-norrebro': 6, 'skt-hans-torv': 2.5, 'ydre-norrebro': 2 });
    if (!areaIds.has(area)) continue;
    const day = new Date(start + Math.floor(rand() * 28) * 86_400_000).toISOString().slice(0, 10);
    const channel = demoChannel(rand, survey.mode);
    const answers = syntheticAnswers(rand, area, UNSAFE[wave][area] ?? 0.4);
    const flags = rand() < 0.02 ? ['too_fast'] : [];
    const invitationCodeId = channel === 'invitation' ? (codes.shift() ?? null) : null;
    const locale = weighted(languages, { da: 80, en: 6, ar: 6, tr: 4, so: 2, ur: 2 });
    await storeResponse(db, { survey, pages, answers, channel: channel === 'paper' ? 'paper' : 'web', flags, demo: true, day, invitationCodeId, locale });
  }
}

export async function seedDemoWaves(db: Queryable, areaIds: Map<string, number>, now: Date): Promise<void> {
  const [series] = await db
    .insert(surveySeries)
    .values({ slug: 'tryghedsmaaling-indre-norrebro', titleDa: 'Tryghedsmåling Indre Nørrebro', titleEn: 'Perceived safety survey, Inner Nørrebro' })
    .returning();
  const common = {
    seriesId: series!.id,
    titleDa: 'Hvor tryg føler du dig på Nørrebro?',
    titleEn: 'How safe do you feel in Nørrebro?',
    introDa:
      'Politiet og Københavns Kommune vil gerne vide, hvor tryg du føler dig i dit nabolag. Det tager cirka fem minutter. Du er anonym: vi gemmer ikke, hvem du er, og svarene bliver kun vist samlet. Spørgsmål med * skal besvares.',
    introEn:
      'The police and the City of Copenhagen want to know how safe you feel in your neighbourhood. It takes about five minutes. You are anonymous: we do not store who you are, and answers are only ever shown combined. Questions marked * must be answered.',
    mode: 'both' as const,
    demo: true,
  };
  const [baseline] = await db
    .insert(surveys)
    .values({ ...common, slug: 'tryghed-2024', waveDa: 'Baseline 2024 (demo)', waveEn: 'Baseline 2024 (demo)', status: 'closed', resultsPublished: true, opensAt: fromCopenhagenLocal('2024-03-01T00:00'), closesAt: fromCopenhagenLocal('2024-04-01T00:00') })
    .returning();
  if (!baseline) throw new Error('wave not inserted');
  const [followup] = await db
    .insert(surveys)
    .values({ ...common, slug: 'tryghed-2026', waveDa: '2026 (demo)', waveEn: '2026 (demo)', status: 'open', clonedFromId: baseline.id, opensAt: new Date(now.getTime() - 30 * 86_400_000), closesAt: new Date(now.getTime() + 60 * 86_400_000) })
    .returning();
  if (!followup) throw new Error('wave not inserted');
  for (const s of [baseline, followup]) {
    await insertQuestionnaire(db, s.id);
    await db.insert(surveyAreas).values([...areaIds.values()].map((areaId) => ({ surveyId: s.id, areaId })));
  }
  const [midway] = await db
    .insert(surveys)
    .values({ ...common, slug: 'tryghed-2025', waveDa: '2025 (demo)', waveEn: '2025 (demo)', status: 'closed', resultsPublished: true, clonedFromId: baseline.id, opensAt: fromCopenhagenLocal('2025-03-01T00:00'), closesAt: fromCopenhagenLocal('2025-04-01T00:00') })
    .returning();
  if (!midway) throw new Error('wave not inserted');
  await insertQuestionnaire(db, midway.id);
  await db.insert(surveyAreas).values([...areaIds.values()].map((areaId) => ({ surveyId: midway.id, areaId })));
  for (const s of [baseline, midway, followup]) await seedSurveyTranslations(db, s);
  await seedResponses(db, baseline, 'baseline', 420, '2024-03-02', areaIds);
  await seedResponses(db, midway, 'midway', 400, '2025-03-02', areaIds);
  const followupStart = new Date(now.getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
  await seedResponses(db, followup, 'followup', 380, followupStart, areaIds);
}
