/**
 * A large synthetic dataset for the benchmark (`npm run seed:large`):
 * responses to the two closed demo waves and concern reports over the last
 * three years, every row marked `demo`. The data is made up, drawn from
 * fixed distributions with a seeded generator; it never comes from or
 * describes real residents.
 *
 * It needs the demo content (the survey series, its waves, the areas and the
 * report categories), so it is written on top of a database seeded with demo
 * data. Rows go in with prepared statements in batched transactions: the
 * drizzle query builder costs more per row than SQLite's insert itself, and
 * 100,000 responses are about 2.4 million answer rows.
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, count, eq } from 'drizzle-orm';
import { partners, reportCategories, reports, responses, surveys, users, type Area, type ReportStatus, type Survey, type TimeOfDay } from '../../../db/schema.ts';
import { boundingBox, findAreaForPoint } from '../../lib/geo.ts';
import type { Point } from '../../lib/places.ts';
import { listPlaces } from '../partnership/places.ts';
import { pruneHidden, type InstrumentPage } from '../../lib/survey/instrument.ts';
import { qualityFlags } from '../../lib/survey/quality.ts';
import { listAreas } from '../partnership/areas.ts';
import { randomBytes } from '../staff/auth/random.ts';
import { copenhagenDay } from '../../lib/time.ts';
import type { SqliteDb } from '../db/connection.ts';
import { loadInstrument } from '../surveys/surveys.ts';
import { demoChannel, mulberry32, weighted } from '../seed/demo-survey.ts';
import { syntheticAnswers, UNSAFE } from '../seed/demo-waves.ts';
import { newRecordKey } from '../disclosure/keys.ts';

export interface LargeSeedOptions {
  responses: number;
  reports: number;
  /** Seed of the generator, so a run can be repeated (default 2026). */
  seed?: number;
  /** "Today" for the reports' three years (default now). */
  now?: Date;
  /** Called with a line of progress now and then. */
  progress?: (line: string) => void;
}

export interface LargeSeedSummary {
  responses: { slug: string; count: number }[];
  answers: number;
  reports: number;
  reportUpdates: number;
  /** The reports' first and last day. */
  reportDays: { from: string; to: string };
  ms: number;
}

/** Rows that are not synthetic: seed-large refuses to add to a database that has any. */
export async function countRealRows(db: SqliteDb): Promise<{ responses: number; reports: number }> {
  const [realResponses] = await db.select({ n: count() }).from(responses).where(eq(responses.demo, false)).limit(1);
  const [realReports] = await db.select({ n: count() }).from(reports).where(eq(reports.demo, false)).limit(1);
  return {
    responses: realResponses?.n ?? 0,
    reports: realReports?.n ?? 0,
  };
}

export class MissingDemoDataError extends Error {
  override name = 'MissingDemoDataError';
}

/** Rows per transaction: large enough to amortise the commit, small enough to report progress. */
const BATCH = 5_000;
const ANSWER_ROWS = 64;

export async function seedLargeDataset(db: SqliteDb, options: LargeSeedOptions): Promise<LargeSeedSummary> {
  const started = performance.now();
  const rand = mulberry32(options.seed ?? 2026);
  const areas = await listAreas(db);
  if (areas.length === 0) throw new MissingDemoDataError('The database has no areas: seed it first.');
  const waves = await seedResponses(db, rand, areas, options.responses, options.progress);
  const r = await seedReports(db, rand, areas, options.reports, options.now ?? new Date(), options.progress);
  return { responses: waves.perWave, answers: waves.answers, reports: r.reports, reportUpdates: r.updates, reportDays: r.days, ms: Math.round(performance.now() - started) };
}

// ---------------------------------------------------------------------------
// Survey responses
// ---------------------------------------------------------------------------

/** The closed demo waves and how unsafe each area's respondents feel in them (from demo-waves.ts). */
const WAVES = [
  { slug: 'tryghed-2024', firstDay: '2024-03-02', unsafe: UNSAFE.baseline },
  { slug: 'tryghed-2025', firstDay: '2025-03-02', unsafe: UNSAFE.midway },
] as const;

async function seedResponses(
  db: SqliteDb,
  rand: () => number,
  areas: readonly Area[],
  total: number,
  progress: LargeSeedOptions['progress'],
): Promise<{ perWave: { slug: string; count: number }[]; answers: number }> {
  // The questionnaires are read before the load, which runs in one synchronous SQLite transaction.
  const found: { wave: (typeof WAVES)[number]; survey: Survey | undefined; pages: InstrumentPage[] }[] = [];
  for (const w of WAVES) {
    const [survey] = await db.select().from(surveys).where(and(eq(surveys.slug, w.slug), eq(surveys.demo, true))).limit(1);
    found.push({ wave: w, survey, pages: survey ? await loadInstrument(db, survey.id) : [] });
  }
  const missing = found.filter((f) => !f.survey).map((f) => f.wave.slug);
  if (missing.length > 0) {
    throw new MissingDemoDataError(
      `The demo survey waves ${missing.join(', ')} are missing. seed-large adds to the demo data: use a new database, or one seeded with DEMO_DATA=on.`,
    );
  }
  const areaId = new Map(areas.map((a) => [a.slug, a.id]));
  const client = db.$client;
  const insertResponse = client.prepare(
    'insert into responses (survey_id, channel, submitted_on, area_id, suspicious, flags, demo, cell_key) values (?, ?, ?, ?, ?, ?, 1, ?)',
  );
  // Answers go in ANSWER_ROWS at a time: one statement per row would spend more time in the VM than in the B-trees.
  const insertAnswer = client.prepare('insert into answers (response_id, question_id, item, value) values (?, ?, ?, ?)');
  const insertAnswers = client.prepare(`insert into answers (response_id, question_id, item, value) values ${Array(ANSWER_ROWS).fill('(?, ?, ?, ?)').join(', ')}`);
  const pending: (number | bigint | string | null)[] = [];
  const flush = (all: boolean) => {
    let at = 0;
    for (; pending.length - at >= ANSWER_ROWS * 4; at += ANSWER_ROWS * 4) insertAnswers.run(pending.slice(at, at + ANSWER_ROWS * 4));
    if (all) for (; at < pending.length; at += 4) insertAnswer.run(pending.slice(at, at + 4));
    pending.splice(0, at);
  };

  let answers = 0;
  const perWave: { slug: string; count: number }[] = [];
  // Building the answers indexes once at the end, by sorting, is about twice as fast as
  // updating them row by row. One transaction: if anything fails, the indexes are back as they were.
  const indexes = client.prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'answers' and sql is not null").all() as { name: string; sql: string }[];
  const load = client.transaction(() => {
    for (const i of indexes) client.exec(`drop index "${i.name}"`);
    found.forEach(loadWave);
    if (total > 0) progress?.('  building the answers indexes …');
    for (const i of indexes) client.exec(i.sql);
  });
  load();
  return { perWave, answers };

  function loadWave({ wave, survey, pages }: (typeof found)[number], wi: number): void {
    const n = wi === found.length - 1 ? total - Math.floor(total / found.length) * (found.length - 1) : Math.floor(total / found.length);
    const all = pages.flatMap((p) => p.questions);
    const start = new Date(`${wave.firstDay}T12:00:00Z`).getTime();
    const insertBatch = client.transaction((size: number) => {
      for (let i = 0; i < size; i++) {
        const area = weighted(rand, { 'indre-norrebro': 6, 'skt-hans-torv': 2.5, 'ydre-norrebro': 2 });
        // Each respondent a little safer or less safe than the area's mean.
        const unsafe = Math.min(1, Math.max(0, (wave.unsafe[area] ?? 0.4) + (rand() - 0.5) * 0.3));
        // A few respondents straight-line the problems matrix, as real ones do.
        const straight = rand() < 0.015 ? weighted(rand, { none: 1, big: 1 }) : undefined;
        const given = pruneHidden(pages, syntheticAnswers(rand, area, unsafe, straight));
        // Minutes taken, log-normal around five; a few are impossibly fast.
        const seconds = rand() < 0.02 ? 10 + rand() * 15 : Math.exp(Math.log(300) + (rand() + rand() + rand() - 1.5) * 0.8);
        const flags = qualityFlags(all, given, seconds);
        const day = new Date(start + Math.floor(rand() * 28) * 86_400_000).toISOString().slice(0, 10);
        const channel = demoChannel(rand, survey!.mode);
        const responseId = insertResponse.run(survey!.id, channel, day, areaId.get(area) ?? null, flags.length > 0 ? 1 : 0, JSON.stringify(flags), newRecordKey()).lastInsertRowid;
        for (const q of all) {
          const a = given[q.key];
          if (a === undefined) continue;
          if (typeof a === 'string') pending.push(responseId, q.id, null, a);
          else if (Array.isArray(a)) for (const v of a) pending.push(responseId, q.id, null, v);
          else for (const [item, v] of Object.entries(a)) pending.push(responseId, q.id, item, v);
        }
        if (pending.length >= ANSWER_ROWS * 4) {
          answers += Math.floor(pending.length / (ANSWER_ROWS * 4)) * ANSWER_ROWS;
          flush(false);
        }
      }
      answers += pending.length / 4;
      flush(true);
    });
    for (let done = 0; done < n; done += BATCH) {
      insertBatch(Math.min(BATCH, n - done));
      if (done > 0 && done % 25_000 === 0) progress?.(`  ${wave.slug}: ${done.toLocaleString('en')} responses …`);
    }
    perWave.push({ slug: wave.slug, count: n });
  }
}

// ---------------------------------------------------------------------------
// Concern reports
// ---------------------------------------------------------------------------

/** How often each category is reported (slugs of the seeded categories; others are not used). */
const CATEGORY_WEIGHTS: Record<string, number> = {
  drug_dealing: 22,
  groups: 13,
  threats: 7,
  violence: 4,
  vandalism: 11,
  lighting: 12,
  hidden_places: 7,
  reckless_driving: 12,
  littering: 9,
  other: 3,
};

/** When it happens, by category: dealing, groups and dark places in the evening and at night. */
function timeOfDay(rand: () => number, category: string): TimeOfDay {
  if (['drug_dealing', 'groups', 'lighting', 'hidden_places', 'threats', 'violence'].includes(category)) {
    return weighted(rand, { morning: 0.5, daytime: 1.5, evening: 4, night: 3, often: 2 });
  }
  if (category === 'littering') return weighted(rand, { morning: 2, daytime: 3, evening: 1, night: 0.5, often: 3 });
  return weighted(rand, { morning: 1, daytime: 2.5, evening: 2.5, night: 1.5, often: 1.5 });
}

/** Who each category is forwarded to. */
const FORWARD_TO: Record<string, string> = {
  drug_dealing: 'politi',
  groups: 'ssp',
  threats: 'politi',
  violence: 'politi',
  vandalism: 'omraadefornyelsen',
  lighting: 'omraadefornyelsen',
  hidden_places: 'omraadefornyelsen',
  reckless_driving: 'politi',
  littering: 'center-for-sikker-by',
  other: 'center-for-sikker-by',
};

const DESCRIPTIONS = [
  'Syntetisk testmelding: handel med hash ved bænkene om aftenen.',
  'Syntetisk testmelding: en gruppe råber efter folk, der går forbi.',
  'Syntetisk testmelding: lygten er gået ud, og stien er helt mørk.',
  'Syntetisk testmelding: biler kører alt for stærkt om natten.',
  'Syntetisk testmelding: affald og knuste flasker på fortovet.',
  'Syntetisk testmelding: graffiti og ødelagte cykler i gården.',
  'Syntetisk testmelding: passagen er uoverskuelig, man kan ikke se, hvem der står der.',
  'Syntetisk testmelding.',
  '',
];

const PUBLIC_NOTES: Partial<Record<ReportStatus, string>> = {
  forwarded: 'Sendt videre til rette myndighed (syntetisk testdata).',
  handled: 'Der er fulgt op på stedet (syntetisk testdata).',
  not_possible: 'Det er ikke noget, vi kan gøre noget ved her (syntetisk testdata).',
};

/** A report's status given its age: older reports are mostly moderated and closed. */
function reportStatus(rand: () => number, ageDays: number): ReportStatus {
  if (ageDays < 3) return weighted(rand, { received: 8, forwarded: 2 });
  if (ageDays < 60) return weighted(rand, { received: 2, forwarded: 3, in_progress: 3, handled: 2, not_possible: 0.5, rejected: 0.5 });
  return weighted(rand, { received: 0.3, forwarded: 1.5, in_progress: 1, handled: 5, not_possible: 1, rejected: 0.8, merged: 0.4 });
}

/** Status changes a report went through to reach its status, each with a day offset after it was made. */
function statusPath(rand: () => number, status: ReportStatus, ageDays: number): { status: ReportStatus; after: number }[] {
  const within = (max: number) => Math.min(ageDays, Math.floor(1 + rand() * max));
  const forwarded = within(4);
  const inProgress = Math.min(ageDays, forwarded + within(10));
  switch (status) {
    case 'received':
      return [];
    case 'forwarded':
      return [{ status: 'forwarded', after: forwarded }];
    case 'in_progress':
      return [{ status: 'forwarded', after: forwarded }, { status: 'in_progress', after: inProgress }];
    case 'handled':
      return [
        { status: 'forwarded', after: forwarded },
        { status: 'in_progress', after: inProgress },
        { status: 'handled', after: Math.min(ageDays, inProgress + within(45)) },
      ];
    default:
      return [{ status, after: within(6) }];
  }
}

async function seedReports(
  db: SqliteDb,
  rand: () => number,
  areas: readonly Area[],
  total: number,
  now: Date,
  progress: LargeSeedOptions['progress'],
): Promise<{ reports: number; updates: number; days: { from: string; to: string } }> {
  const categories = await db.select({ id: reportCategories.id, slug: reportCategories.slug }).from(reportCategories);
  const categoryWeights = Object.fromEntries(categories.map((c) => [c.slug, CATEGORY_WEIGHTS[c.slug] ?? 1]));
  const categoryId = new Map(categories.map((c) => [c.slug, c.id]));
  if (categories.length === 0) throw new MissingDemoDataError('The database has no report categories: seed it first.');
  const partnerId = new Map((await db.select({ id: partners.id, slug: partners.slug }).from(partners)).map((p) => [p.slug, p.id]));
  const moderator = (await db.select({ id: users.id }).from(users).where(eq(users.role, 'moderator')).limit(1))[0]?.id ?? null;
  const initiativeIds = (db.$client.prepare("select id from initiatives where state = 'published'").all() as { id: number }[]).map((r) => r.id);

  // Where reports are made: most near the named places of each area (hot spots), the rest anywhere in it.
  const areaWeights: Record<string, number> = Object.fromEntries(areas.map((a) => [a.slug, a.kind === 'target' ? 6 : 2]));
  const named = (await listPlaces(db)).current;
  const placesIn = new Map(areas.map((a) => [a.id, named.filter((p) => findAreaForPoint(areas, p)?.id === a.id)]));
  const box = new Map(areas.map((a) => [a.id, boundingBox([a.geometry])]));
  const bySlug = new Map(areas.map((a) => [a.slug, a]));

  function locate(area: Area): { point: Point; placeName: string | null; area: Area } {
    const places = placesIn.get(area.id) ?? [];
    for (;;) {
      let point: Point;
      let placeName: string | null = null;
      const pick = rand();
      if (places.length > 0 && pick < 0.4) {
        const place = places[Math.floor(rand() * places.length)]!;
        point = { lat: place.lat, lon: place.lon };
        placeName = place.id;
      } else if (places.length > 0 && pick < 0.8) {
        // A pin within a couple of hundred metres of a hot spot.
        const place = places[Math.floor(rand() * places.length)]!;
        const gauss = () => (rand() + rand() + rand() - 1.5) * 0.0015;
        point = { lat: round5(place.lat + gauss()), lon: round5(place.lon + gauss() * 1.8) };
      } else {
        const [minLon, minLat, maxLon, maxLat] = box.get(area.id)!;
        point = { lat: round5(minLat + rand() * (maxLat - minLat)), lon: round5(minLon + rand() * (maxLon - minLon)) };
      }
      // The area is the one submitReport would assign (the first that contains the point, in display order).
      const inside = findAreaForPoint(areas, point);
      if (inside && inside.id === area.id) return { point, placeName, area: inside };
    }
  }

  const client = db.$client;
  const insertReport = client.prepare(
    `insert into reports (receipt, category_id, lat, lon, place_name, area_id, time_of_day, weekday, description, masks, reporter_type, email, status, forwarded_to, merged_into, initiative_id, created_on, demo, cell_key)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, null, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const insertUpdate = client.prepare('insert into report_updates (report_id, status, public_note, internal_note, user_id, created_at) values (?, ?, ?, ?, ?, ?)');

  const today = Date.parse(`${copenhagenDay(now)}T00:00:00Z`);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const span = 3 * 365;
  const lastInArea = new Map<number, number>();
  let updates = 0;
  let first = '9999-12-31';
  let last = '0000-01-01';
  const insertBatch = client.transaction((size: number) => {
    for (let i = 0; i < size; i++) {
      // More reports lately (the platform becomes known), and more in the dark half of the year.
      let ageDays: number;
      for (;;) {
        ageDays = Math.floor(rand() * span);
        const month = new Date(today - ageDays * 86_400_000).getUTCMonth();
        const dark = month >= 9 || month <= 1 ? 1 : 0.75;
        if (rand() < dark * (1 - (0.5 * ageDays) / span)) break;
      }
      const createdAt = today - ageDays * 86_400_000;
      const createdOn = new Date(createdAt).toISOString().slice(0, 10);
      if (createdOn < first) first = createdOn;
      if (createdOn > last) last = createdOn;
      const category = weighted(rand, categoryWeights);
      const area = bySlug.get(weighted(rand, areaWeights))!;
      const place = locate(area);
      let status = reportStatus(rand, ageDays);
      const mergedInto = status === 'merged' ? lastInArea.get(place.area.id) : undefined;
      if (status === 'merged' && mergedInto === undefined) status = 'handled';
      const forwarded = ['forwarded', 'in_progress', 'handled'].includes(status) ? (partnerId.get(FORWARD_TO[category] ?? 'politi') ?? null) : null;
      const initiative = status === 'handled' && initiativeIds.length > 0 && rand() < 0.02 ? initiativeIds[Math.floor(rand() * initiativeIds.length)]! : null;
      const weekday = rand() < 0.4 ? null : Number(weighted(rand, { '1': 1, '2': 1, '3': 1, '4': 1.2, '5': 1.6, '6': 1.7, '7': 1.1 }));
      const reportId = insertReport.run(
        receipt(),
        categoryId.get(category)!,
        place.point.lat,
        place.point.lon,
        place.placeName,
        place.area.id,
        timeOfDay(rand, category),
        weekday,
        DESCRIPTIONS[Math.floor(rand() * DESCRIPTIONS.length)]!,
        weighted(rand, { resident: 7, business: 1, works_here: 1, visitor: 1 }),
        status,
        forwarded,
        mergedInto ?? null,
        initiative,
        createdOn,
        newRecordKey(),
      ).lastInsertRowid as number;
      lastInArea.set(place.area.id, reportId);
      // The first update is the day it was made; moderators' changes follow (times to the second, as staff writes are).
      const at = (days: number) => Math.min(nowSeconds, Math.floor((createdAt + days * 86_400_000) / 1000) + 8 * 3600 + Math.floor(rand() * 8 * 3600));
      insertUpdate.run(reportId, 'received', null, null, null, at(0));
      updates += 1;
      for (const step of statusPath(rand, status, ageDays)) {
        insertUpdate.run(reportId, step.status, PUBLIC_NOTES[step.status] ?? null, step.status === 'rejected' ? 'Syntetisk: ikke en tryghedssag.' : null, moderator, at(step.after));
        updates += 1;
      }
    }
  });
  for (let done = 0; done < total; done += BATCH) {
    insertBatch(Math.min(BATCH, total - done));
    if (done > 0 && done % 25_000 === 0) progress?.(`  reports: ${done.toLocaleString('en')} …`);
  }
  return { reports: total, updates, days: total > 0 ? { from: first, to: last } : { from: '', to: '' } };
}

let receiptBytes: Uint8Array = new Uint8Array(0);
let receiptAt = 0;

/** A receipt as randomToken(16) makes it, drawn from the OS's generator 4,096 at a time. */
function receipt(): string {
  if (receiptAt >= receiptBytes.length) {
    receiptBytes = randomBytes(65_536);
    receiptAt = 0;
  }
  receiptAt += 16;
  return encodeBase32LowerCaseNoPadding(receiptBytes.subarray(receiptAt - 16, receiptAt));
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
