/**
 * What the benchmark posts and whom it posts as: prepared survey drafts
 * (answered up to the last page through the real flow, then cloned), the
 * final page's form, concern-report forms at points inside the areas,
 * distinct resident addresses, and a signed-in staff session.
 */
import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema.ts';
import { findAreaForPoint } from '../../lib/geo.ts';
import { listPlaces } from '../partnership/places.ts';
import { listAreas } from '../partnership/areas.ts';
import { createSession, markSessionTwoFactorVerified, SESSION_COOKIE } from '../staff/auth/session.ts';
import type { SqliteDb } from '../db/connection.ts';
import { DEMO_ACCOUNTS } from '../seed/demo-staff.ts';
import { draftCookieName, findDraft, newDraftRow, type DraftContent } from '../surveys/answering.ts';

/** A distinct made-up client address for the n-th request (10.0.0.1, 10.0.0.2, …), as a proxy would forward it. */
export function residentAddress(n: number): string {
  const i = n + 1;
  return `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`;
}

/** Form fields of pages 1–5 of the demo questionnaire, answered completely (as tests/support/survey-client.ts does). */
const FIRST_PAGES: Record<number, [string, string][]> = {
  1: [['q_area', 'indre-norrebro'], ['q_safety_general', 'safe']],
  2: [['q_safety_evening', 'unsafe'], ['q_safety_night', 'very_unsafe']],
  3: [
    ['q_problems__drug_dealing', 'big'], ['q_problems__youth_groups', 'some'], ['q_problems__gang_conflict', 'big'],
    ['q_problems__threats', 'small'], ['q_problems__violence', 'some'], ['q_problems__vandalism', 'small'],
    ['q_problems__reckless_driving', 'none'], ['q_problems__poor_lighting', 'big'], ['q_problems__littering', 'dont_know'],
  ],
  4: [['q_avoids_places', 'yes'], ['q_unsafe_places', 'stengade'], ['q_unsafe_places__text', 'Passagen ved skolen'], ['q_avoid_why', 'Mørkt og øde om aftenen.']],
  5: [['q_worry_victim', '5'], ['q_trust_police', '4'], ['q_trust_municipality', '3'], ['q_aware_initiatives', 'community_officers']],
};
/** The last page: the one whose "Send" the benchmark measures. */
export const LAST_PAGE = 6;

const AGES = ['15_24', '25_34', '35_44', '45_54', '55_64', '65_74', '75_plus'];
const GENDERS = ['woman', 'man', 'woman', 'man', 'prefer_not'];

/** The last page's form with "Send", varied a little from request to request. */
export function lastPageBody(n: number): string {
  return new URLSearchParams([
    ['website', ''],
    ['q_age_band', AGES[n % AGES.length]!],
    ['q_gender', GENDERS[n % GENDERS.length]!],
    ['q_relation', n % 7 === 0 ? 'works' : 'resident'],
    ['q_years_in_area', String(n % 30)],
    ['action', 'submit'],
  ]).toString();
}

/**
 * Answers pages 1 to LAST_PAGE − 1 of a wave through the real flow (start,
 * then each page's form, following the redirects as a browser without
 * JavaScript does) and returns the draft's stored answers.
 */
export async function answerFirstPages(db: SqliteDb, base: string, slug: string, surveyId: number): Promise<{ answers: string; cookie: string }> {
  const cookieName = draftCookieName(surveyId);
  const post = async (path: string, fields: [string, string][], cookie?: string) => {
    const res = await fetch(base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: base,
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': '192.0.2.1',
        ...(cookie ? { cookie } : {}),
      },
      body: new URLSearchParams(fields).toString(),
    });
    await res.arrayBuffer();
    return res;
  };
  const start = await post(`/undersoegelser/${slug}`, [['website', '']]);
  const pair = start.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${cookieName}=`));
  if (start.status !== 303 || !pair) throw new Error(`Starting the survey ${slug} failed: ${start.status}`);
  let page = 1;
  for (let steps = 0; page < LAST_PAGE; steps++) {
    if (steps > 20) throw new Error('The survey did not reach its last page.');
    const res = await post(`/undersoegelser/${slug}/side/${page}`, [['website', ''], ...(FIRST_PAGES[page] ?? []), ['action', 'next']], pair);
    const next = /\/side\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1];
    if (res.status !== 303 || !next) throw new Error(`Page ${page} of ${slug} was refused: ${res.status} ${res.headers.get('location') ?? ''}`);
    page = Number(next);
  }
  const token = pair.slice(cookieName.length + 1);
  const draft = await findDraft(db, surveyId, token);
  if (!draft) throw new Error('The prepared draft was not found in the database.');
  return { answers: JSON.stringify(draft.answers), cookie: pair };
}

/**
 * `count` drafts with the template's answers, started ten minutes ago (so
 * they are not "too fast"), each behind its own cookie.
 */
export function cloneDrafts(db: SqliteDb, surveyId: number, answers: string, count: number): string[] {
  const cookieName = draftCookieName(surveyId);
  const insert = db.$client.prepare('insert into survey_drafts (token_hash, survey_id, sealed, expires_at) values (?, ?, ?, ?)');
  const now = new Date();
  const parsed = JSON.parse(answers) as DraftContent['answers'];
  const cookies: string[] = [];
  db.$client.transaction(() => {
    for (let i = 0; i < count; i++) {
      const { token, row } = newDraftRow(surveyId, { answers: parsed, invitationCodeId: null, startedAt: now.getTime() - 600_000 }, now);
      insert.run(row.tokenHash, surveyId, row.sealed, Math.floor(row.expiresAt.getTime() / 1000));
      cookies.push(`${cookieName}=${token}`);
    }
  })();
  return cookies;
}

const CATEGORIES = ['drug_dealing', 'groups', 'lighting', 'vandalism', 'reckless_driving', 'littering', 'hidden_places', 'threats'];
const TIMES = ['evening', 'night', 'daytime', 'often', 'morning'];

/** Report forms (without the per-request submission token): half named places, half map pins inside an area. */
export async function reportForms(db: SqliteDb, count: number): Promise<[string, string][][]> {
  const areas = await listAreas(db);
  const named = (await listPlaces(db)).current;
  const forms: [string, string][][] = [];
  for (let i = 0; forms.length < count && i < count * 20; i++) {
    const place = named[i % named.length]!;
    const jitter = (k: number) => (((i * k) % 97) / 97 - 0.5) * 0.002;
    const point = { lat: Number((place.lat + jitter(31)).toFixed(5)), lon: Number((place.lon + jitter(57)).toFixed(5)) };
    const pin = i % 2 === 1;
    const area = findAreaForPoint(areas, pin ? point : place);
    if (!area) continue;
    forms.push([
      ['website', ''],
      ['category', CATEGORIES[i % CATEGORIES.length]!],
      pin ? ['location__point', `${point.lat.toFixed(5)},${point.lon.toFixed(5)}`] : ['location', place.id],
      ['location__text', ''],
      ['area', area.slug],
      ['timeOfDay', TIMES[i % TIMES.length]!],
      ['weekday', i % 3 === 0 ? 'any' : String((i % 7) + 1)],
      ['description', i % 4 === 0 ? '' : 'Mørkt og utrygt ved cykelstativet om aftenen; folk står og handler.'],
      ['reporterType', i % 5 === 0 ? 'business' : 'resident'],
      ['email', ''],
    ]);
  }
  return forms;
}

/** A session of the demo analyst with the second factor passed, as its cookie pair. */
export async function analystSessionCookie(db: SqliteDb): Promise<string> {
  const email = DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!.email;
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user) throw new Error(`The demo analyst ${email} is missing.`);
  const { token, session } = await createSession(db, user.id);
  await markSessionTwoFactorVerified(db, session.id);
  return `${SESSION_COOKIE}=${token}`;
}
