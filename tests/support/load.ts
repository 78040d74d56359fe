/**
 * Load for the reliability tests: many simulated residents posting survey
 * responses and concern reports at once, with a tally of what the server
 * acknowledged, so a test can compare acknowledgements with the rows stored.
 *
 * A post counts as acknowledged only when the client received the server's
 * success answer: the final 303 to the receipt (report) or to the thank-you
 * page (survey). Each resident gets its own X-Forwarded-For address, as a
 * burst of distinct residents behind our proxy would (the server must run
 * with TRUST_PROXY=true), so the per-client throttles do not refuse them.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from '../../src/server/db/postgres.ts';
import { SEEDED_PAGES, SurveyClient } from './survey-client.ts';

/** The open demo wave. */
export const OPEN_WAVE = 'tryghed-2026';

/**
 * The server as deployed (NODE_ENV=production, behind our proxy), with the
 * demo data on for the open wave the residents answer.
 */
export const PRODUCTION_ENV: Record<string, string> = { NODE_ENV: 'production', DEMO_DATA: 'on', TRUST_PROXY: 'true' };

/** What became of one simulated resident's post. */
export type PostOutcome =
  /** `id` identifies the stored row: the report's receipt, or the SHA-256 of the survey draft token. */
  | { kind: 'acknowledged'; what: 'report' | 'survey'; id: string }
  | { kind: 'refused'; what: 'report' | 'survey'; status: number; step: string }
  | { kind: 'network_error'; what: 'report' | 'survey'; message: string; step: string };

/** Counts of outcomes, plus the ids of every acknowledged post. */
export class Tally {
  readonly reports = new Set<string>();
  readonly surveys = new Set<string>();
  attempted = 0;
  serverErrors = 0;
  refused = 0;
  networkErrors = 0;
  /** A few examples of what went wrong, for the failure message. */
  readonly problems: string[] = [];

  get acknowledged(): number {
    return this.reports.size + this.surveys.size;
  }

  record(outcome: PostOutcome): void {
    this.attempted += 1;
    if (outcome.kind === 'acknowledged') {
      (outcome.what === 'report' ? this.reports : this.surveys).add(outcome.id);
      return;
    }
    if (outcome.kind === 'refused') {
      if (outcome.status >= 500) this.serverErrors += 1;
      else this.refused += 1;
      this.note(`${outcome.what} ${outcome.step}: HTTP ${outcome.status}`);
    } else {
      this.networkErrors += 1;
      this.note(`${outcome.what} ${outcome.step}: ${outcome.message}`);
    }
  }

  /** The acknowledged ids at this moment (later acknowledgements are not added to the copy). */
  snapshot(): { reports: string[]; surveys: string[] } {
    return { reports: [...this.reports], surveys: [...this.surveys] };
  }

  summary(): string {
    return (
      `attempted ${this.attempted}, acknowledged ${this.acknowledged} (${this.reports.size} reports, ${this.surveys.size} surveys), ` +
      `5xx ${this.serverErrors}, other refusals ${this.refused}, network errors ${this.networkErrors}` +
      (this.problems.length ? `; e.g. ${this.problems.join(' | ')}` : '')
    );
  }

  private note(problem: string): void {
    if (this.problems.length < 5) this.problems.push(problem);
  }
}

/**
 * Runs task(0), task(1), … task(count - 1) with at most `concurrency` in
 * flight (each worker is one resident at a time). When `until()` turns true
 * no new task is started; the ones in flight finish.
 */
export async function runPool(options: { count: number; concurrency: number; task: (i: number) => Promise<void>; until?: () => boolean }): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.count && !options.until?.()) {
      const i = next++;
      await options.task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.count) }, () => worker()));
}

/**
 * A distinct made-up client address per resident: `10.<block>.x.y` for the
 * n-th resident of a run, so no two residents of one run share an address.
 */
export function residentAddress(block: number, n: number): string {
  return `10.${block % 256}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}

let submissions = 0;
/** A fresh submission token, as the form would render it (16–64 of [A-Za-z0-9_-]). */
function submissionToken(): string {
  return `load-${process.pid}-${Date.now().toString(36)}-${++submissions}`;
}

const RECEIPT = /^\/meld\/([A-Za-z0-9_-]{16,})$/;

/** Posts one valid concern report from /meld as a resident without JavaScript would. */
export async function postReport(base: string, address: string, description = 'Mørkt og utrygt ved cykelstativet om aftenen.'): Promise<PostOutcome> {
  const body = new URLSearchParams({
    submission: submissionToken(),
    category: 'lighting',
    location: 'blaagaards-plads',
    timeOfDay: 'evening',
    weekday: '5',
    description,
    reporterType: 'resident',
    email: '',
    website: '',
  });
  try {
    const res = await fetch(`${base}/meld`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
      body,
    });
    // Read the body so the keep-alive connection is free for the next post.
    await res.arrayBuffer();
    const receipt = RECEIPT.exec(res.headers.get('location') ?? '')?.[1];
    if (res.status === 303 && receipt) return { kind: 'acknowledged', what: 'report', id: receipt };
    return { kind: 'refused', what: 'report', status: res.status, step: 'post' };
  } catch (e) {
    return { kind: 'network_error', what: 'report', message: errorMessage(e), step: 'post' };
  }
}

/** The draft cookie's token hashed as the server stores it (survey_drafts.token_hash). */
function draftHash(cookie: string): string {
  const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  return createHash('sha256').update(token).digest('hex');
}

/** Answers the open wave completely (start, then every page) as a resident without JavaScript would. */
export async function answerSurvey(base: string, slug = OPEN_WAVE): Promise<PostOutcome> {
  const c = new SurveyClient(base, slug);
  let step = 'start';
  try {
    const start = await c.start();
    await start.arrayBuffer();
    if (start.status !== 303 || !c.cookie) return { kind: 'refused', what: 'survey', status: start.status, step };
    for (let i = 0; i < SEEDED_PAGES.length; i++) {
      const last = i === SEEDED_PAGES.length - 1;
      step = `page ${i + 1}`;
      const res = await c.page(i + 1, SEEDED_PAGES[i]!, last ? 'submit' : 'next');
      await res.arrayBuffer();
      if (res.status !== 303) return { kind: 'refused', what: 'survey', status: res.status, step };
      if (last && res.headers.get('location') === `/undersoegelser/${slug}/tak`) return { kind: 'acknowledged', what: 'survey', id: draftHash(c.cookie) };
      if (last) return { kind: 'refused', what: 'survey', status: res.status, step: `${step} → ${res.headers.get('location')}` };
    }
    throw new Error('the questionnaire has no pages');
  } catch (e) {
    return { kind: 'network_error', what: 'survey', message: errorMessage(e), step };
  }
}

function errorMessage(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${e.message}${cause}`;
}

/**
 * Row counts and acknowledged-row checks against the server's database: a
 * SQLite file (opened read-only) or, in the -pg projects, a PostgreSQL URL.
 */
export interface StoredCounts {
  reports: number;
  /** Responses to the open wave. */
  responses: number;
}

export async function storedCounts(database: string, slug = OPEN_WAVE): Promise<StoredCounts> {
  return withDb(database, async (q) => ({
    reports: await q.one('select count(*) n from reports'),
    responses: await q.one('select count(*) n from responses r join surveys s on s.id = r.survey_id where s.slug = ?', slug),
  }));
}

/**
 * Which acknowledged posts are not in the database: reports by receipt,
 * survey responses by their draft, which is marked submitted in the same
 * transaction that stores the response.
 */
export async function missingRows(database: string, acknowledged: { reports: readonly string[]; surveys: readonly string[] }): Promise<{ reports: string[]; surveys: string[] }> {
  return withDb(database, async (q) => {
    const missing = { reports: [] as string[], surveys: [] as string[] };
    for (const r of acknowledged.reports) if ((await q.one('select count(*) n from reports where receipt = ?', r)) === 0) missing.reports.push(r);
    for (const h of acknowledged.surveys) {
      if ((await q.one('select count(*) n from survey_drafts where token_hash = ? and submitted_at is not null', h)) === 0) missing.surveys.push(h);
    }
    return missing;
  });
}

/**
 * How many answer rows each response to the wave stored since `known` (the
 * ids there were before) has: every complete questionnaire gives the same
 * number, so more than one distinct value means a response was stored half.
 */
export async function answersPerResponse(database: string, known: readonly number[], slug = OPEN_WAVE): Promise<number[]> {
  const before = new Set(known);
  return withDb(database, async (q) => {
    const from = 'from responses r join surveys s on s.id = r.survey_id where s.slug = ? order by r.id';
    const ids = await q.column(`select r.id ${from}`, slug);
    const counts = await q.column(`select (select count(*) from answers a where a.response_id = r.id) ${from}`, slug);
    return [...new Set(counts.filter((_, i) => !before.has(ids[i]!)))].sort((a, b) => a - b);
  });
}

/** The ids of the responses so far (ids are random: "stored since" is "not among these"). */
export async function responseIds(database: string): Promise<number[]> {
  return withDb(database, async (q) => (await q.column('select id n from responses')).map(Number));
}

/**
 * SQLite: `PRAGMA integrity_check`. PostgreSQL keeps its own pages
 * consistent through a crash (its WAL); what is checked there is that no
 * answer or report update lost the row it belongs to.
 */
export async function integrityCheck(database: string): Promise<string> {
  if (!isPostgresUrl(database)) {
    const db = new Database(database, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('pragma integrity_check').pluck().all() as string[]).join('; ');
    } finally {
      db.close();
    }
  }
  return withDb(database, async (q) => {
    const orphans =
      (await q.one('select count(*) n from answers a left join responses r on r.id = a.response_id where r.id is null')) +
      (await q.one('select count(*) n from report_updates u left join reports r on r.id = u.report_id where r.id is null'));
    return orphans === 0 ? 'ok' : `${orphans} orphaned rows`;
  });
}

interface Reader {
  /** The single number a query returns (its first column, first row). */
  one(sql: string, ...params: unknown[]): Promise<number>;
  /** The first column of every row, as numbers. */
  column(sql: string, ...params: unknown[]): Promise<number[]>;
}

async function withDb<T>(database: string, read: (q: Reader) => Promise<T>): Promise<T> {
  if (isPostgresUrl(database)) {
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    const rows = async (sql: string, params: unknown[]) => {
      let i = 0;
      return (await client.query({ text: sql.replace(/\?/g, () => `$${++i}`), values: params, rowMode: 'array' })).rows as unknown[][];
    };
    try {
      return await read({
        one: async (sql, ...params) => Number((await rows(sql, params))[0]![0]),
        column: async (sql, ...params) => (await rows(sql, params)).map((r) => Number(r[0])),
      });
    } finally {
      await client.end();
    }
  }
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return await read({
      one: async (sql, ...params) => Number(db.prepare(sql).pluck().get(...params)),
      column: async (sql, ...params) => (db.prepare(sql).pluck().all(...params) as unknown[]).map(Number),
    });
  } finally {
    db.close();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
