/**
 * The examiner (#14): a realistic session of resident activity on the built
 * server (invitation codes, drafts left half-answered, free text with
 * personal data, reports, comments, a receipt page, staff moderation), then
 * the server is stopped and everything it left is searched the way someone
 * with a copy of the files would:
 *
 * - SQLite: the bytes of the database file, its -wal and -shm, and the
 *   server's log; PostgreSQL: every row of every table as text (what
 *   `pg_dump` would show), and the log. Scanning PostgreSQL's own files
 *   (heap pages with dead rows, pg_wal segments) needs access to the
 *   server's data directory, which a test on a shared server does not have:
 *   README "Privacy" says what stays there.
 *
 * It looks for: an invitation code next to answers; unmasked personal data;
 * the client addresses (as text, and by recomputing the throttle's client
 * keys with every candidate key the database holds); the user agent;
 * receipts and tokens in the log; times finer than a day on rows residents
 * caused; ids that count up in submission order. It must find nothing. A
 * positive control recomputes the client keys with the real secret (kept
 * outside the database) to show the search would have found them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { getTableColumns, getTableName, is, sql, Table } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ID_BLOCK_SIZE } from '../../db/columns.ts';
import * as tables from '../../db/schema.ts';
import { closeDb, getDb } from '../../src/server/db/connection.ts';
import { rawRows } from '../../src/server/db/raw.ts';
import { generateCodes } from '../../src/server/surveys/invitations.ts';
import { createScratchDatabase, ON_POSTGRES, type ScratchDatabase } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { postForm, signInDemo } from '../support/staff-login.ts';
import { SEEDED_PAGES, SurveyClient } from '../support/survey-client.ts';

const WAVE = 'tryghed-2026';
const COMMENT_PAGE = '/indsatser/borgerdialog-i-omraadefornyelsen';
const USER_AGENT = 'ExaminerBrowser/9.9 (unik-agent-7Q3Z)';
/** Personal data the masker removes (part 5 widens what it finds; these it finds today). */
const PERSONAL = ['010203-1234', '12 34 56 78', 'jens.hansen@example.dk', '23 45 67 89', '150505-4321', 'maria@example.dk'];
/** Distinctive words of answers, to tell whether a page near a code holds answers. */
const ANSWER_MARKERS = ['Mørkt ved porten', 'Grimt lys i gården', 'Ingen lys om natten', 'Halvt svar kladde'];

let dir: string;
let scratch: ScratchDatabase | undefined;
let dbPath: string;
let server: RunningServer;
let log = '';
const addresses: string[] = [];
const codes: string[] = [];
const receipts: string[] = [];
const tokens: string[] = [];
let secretFile: string;

/** A client address of its own for each resident, sent as X-Forwarded-For (TRUST_PROXY is on). */
function address(): string {
  const a = `10.${addresses.length + 20}.${(addresses.length * 37) % 250}.${(addresses.length * 91) % 250 + 1}`;
  addresses.push(a);
  return a;
}

async function post(path: string, fields: Record<string, string>, from: string, cookie?: string): Promise<Response> {
  return fetch(server.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: server.url,
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': from,
      'user-agent': USER_AGENT,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** A resident answering the seeded wave with this free text, optionally with a code, submitting or not. */
async function answer(text: string, options: { code?: string; submit: boolean; pages?: number }): Promise<SurveyClient> {
  const c = new SurveyClient(server.url, WAVE);
  (c as { client: string }).client = address();
  expect((await c.start(options.code ?? '')).status).toBe(303);
  tokens.push(c.cookie.split('=').slice(1).join('='));
  const pages = SEEDED_PAGES.map((p) => p.map(([k, v]): [string, string] => [k, k === 'q_avoid_why' ? text : v]));
  const last = options.submit ? pages.length : (options.pages ?? 4);
  for (let i = 0; i < last; i++) {
    const res = await c.page(i + 1, pages[i]!, options.submit && i === pages.length - 1 ? 'submit' : 'next');
    expect(res.status, `page ${i + 1}`).toBe(303);
  }
  return c;
}

/** The -wal file's size once the server has truncated it, waiting up to 5 seconds (it does so within half a second). */
async function walEmptied(): Promise<number> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const size = readFileSync(`${dbPath}-wal`).length;
    if (size === 0 || Date.now() > deadline) return size;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function sqliteFiles(): string[] {
  return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`].filter((f) => existsSync(f));
}

/** Every occurrence of `needle` in `hay` (byte offsets). */
function occurrences(hay: Buffer, needle: string): number[] {
  const bytes = Buffer.from(needle, 'utf8');
  const at: number[] = [];
  for (let i = hay.indexOf(bytes); i >= 0; i = hay.indexOf(bytes, i + 1)) at.push(i);
  return at;
}

describe('the examiner finds nothing in the files a stopped server left', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tryghed-examiner-'));
    secretFile = join(dir, 'throttle-secret');
    if (ON_POSTGRES) {
      scratch = await createScratchDatabase();
      dbPath = scratch.url;
    } else {
      dbPath = join(dir, 'examiner.sqlite');
    }
    // The secret file is named so that the positive control can read it; on
    // SQLite it is where the server puts it anyway (next to the database).
    server = await startServer({ TRUST_PROXY: 'true', THROTTLE_SECRET_FILE: secretFile }, dbPath);
    const db = getDb(dbPath);
    const [wave] = await rawRows<{ id: number }>(db, sql`select id from surveys where slug = ${WAVE}`);
    codes.push(...(await generateCodes(db, Number(wave!.id), 4, null)).codes);
    await closeDb();

    // Residents answer: three with codes (two submitted, one left half-way), one without, one abandoned on page 2.
    await answer('Mørkt ved porten. Ring til Jens på 12 34 56 78 eller jens.hansen@example.dk, CPR 010203-1234.', { code: codes[0]!, submit: true });
    if (!ON_POSTGRES) expect(await walEmptied(), 'the WAL is truncated soon after a response is stored').toBe(0);
    await answer('Grimt lys i gården, skriv til maria@example.dk', { code: codes[1]!, submit: true });
    await answer('Halvt svar kladde, mit nummer er 23 45 67 89 og CPR 150505-4321', { code: codes[2]!, submit: false });
    await answer('Ingen lys om natten', { submit: true });
    await answer('Halvt svar kladde igen', { submit: false, pages: 2 });

    // Reports, one with a typed place, and a look at a receipt.
    for (const [i, description] of ['Handel ved bænkene. Ring 23 45 67 89.', 'Trusler, min mail er jens.hansen@example.dk', 'Knallerter på fortovet, CPR 150505-4321'].entries()) {
      const submission = `examiner-submission-${i}-${Date.now()}`;
      tokens.push(submission);
      const fields: Record<string, string> = {
        submission,
        category: 'drug_dealing',
        timeOfDay: 'evening',
        weekday: '5',
        description,
        reporterType: 'resident',
        email: '',
        website: '',
        ...(i === 2 ? { location__text: 'Porten ved nr. 7', area: 'skt-hans-torv' } : { location: 'blaagaards-plads' }),
      };
      const res = await post('/meld', fields, address());
      expect(res.status).toBe(303);
      const receipt = res.headers.get('location')!.split('/').pop()!;
      receipts.push(receipt);
      if (!ON_POSTGRES) expect(await walEmptied(), 'the WAL is truncated soon after a report is stored').toBe(0);
      expect((await fetch(`${server.url}/meld/${receipt}`, { headers: { 'user-agent': USER_AGENT } })).status).toBe(200);
    }

    // Comments.
    for (const body of ['Godt initiativ! Ring gerne 12 34 56 78', 'Hvornår kommer lyset? maria@example.dk']) {
      expect((await post(COMMENT_PAGE, { name: 'Nabo', body, website: '' }, address())).status).toBe(303);
    }

    // Staff moderate: a report forwarded with a note, one rejected, a comment approved, one rejected.
    const moderator = await signInDemo(server.url, 'moderator');
    const queue = await (await fetch(`${server.url}/staff/reports`, { headers: { cookie: moderator } })).text();
    const reportIds = [...queue.matchAll(/<li id="report-(\d+)"/g)].map((m) => m[1]!);
    const distinct = [...new Set(reportIds)];
    expect(distinct.length).toBeGreaterThanOrEqual(3);
    // The action forms are on a report's own page.
    const partners = await (await fetch(`${server.url}/staff/reports?report=${distinct[0]}`, { headers: { cookie: moderator } })).text();
    const partnerId = /name="forwardTo"[^>]*>[\s\S]*?<option value="(\d+)"/.exec(partners)?.[1];
    expect(partnerId).toBeDefined();
    expect(
      (await postForm(server.url, '/staff/reports', { intent: 'status', reportId: distinct[0]!, status: 'forwarded', forwardTo: partnerId!, publicNote: 'Politiet er orienteret.', internalNote: '' }, moderator)).status,
    ).toBe(303);
    expect((await postForm(server.url, '/staff/reports', { intent: 'status', reportId: distinct[1]!, status: 'rejected', internalNote: 'Ikke en tryghedssag' }, moderator)).status).toBe(303);
    const comments = await (await fetch(`${server.url}/staff/comments`, { headers: { cookie: moderator } })).text();
    const commentIds = [...new Set([...comments.matchAll(/name="commentId" value="(\d+)"/g)].map((m) => m[1]!))];
    expect(commentIds.length).toBeGreaterThanOrEqual(2);
    expect((await postForm(server.url, '/staff/comments', { intent: 'approve', commentId: commentIds[0]!, body: 'Godt initiativ!' }, moderator)).status).toBeLessThan(400);
    expect((await postForm(server.url, '/staff/comments', { intent: 'reject', commentId: commentIds[1]!, reason: 'offensive' }, moderator)).status).toBeLessThan(400);

    expect(await server.stop()).toBe(0);
    log = server.output();
  }, 240_000);

  afterAll(async () => {
    await closeDb();
    if (server?.process.exitCode === null) await server.stop();
    await scratch?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** What the examiner reads: the SQLite files' bytes, or every PostgreSQL row as text; both with the log. */
  async function evidence(): Promise<{ name: string; bytes: Buffer }[]> {
    const out = [{ name: 'server log', bytes: Buffer.from(log, 'utf8') }];
    if (!ON_POSTGRES) return [...out, ...sqliteFiles().map((f) => ({ name: f, bytes: readFileSync(f) }))];
    const db = getDb(dbPath);
    const names = await rawRows<{ table_name: string }>(db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    for (const { table_name } of names) {
      const rows = await rawRows<{ row: string }>(db, sql`select t::text as row from ${sql.identifier(table_name)} t`);
      out.push({ name: `table ${table_name}`, bytes: Buffer.from(rows.map((r) => r.row).join('\n'), 'utf8') });
    }
    return out;
  }

  let files: { name: string; bytes: Buffer }[];

  it('finds no unmasked personal data, client address or user agent anywhere', async () => {
    // Read before any connection is opened again (opening a SQLite file creates its -wal and -shm).
    files = await evidence();
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) {
      for (const needle of [...PERSONAL, ...addresses, USER_AGENT, 'unik-agent-7Q3Z']) {
        expect(occurrences(f.bytes, needle), `${needle} in ${f.name}`).toEqual([]);
      }
    }
  });

  it('finds no invitation code next to answers, and no code, receipt, token or resident path in the log', () => {
    for (const f of files) {
      for (const code of codes) {
        for (const at of occurrences(f.bytes, code)) {
          // The page around a code (4 KiB either side) holds no answer.
          const near = f.bytes.subarray(Math.max(0, at - 4096), at + 4096);
          for (const marker of ANSWER_MARKERS) expect(occurrences(near, marker), `${marker} near code ${code} in ${f.name}`).toEqual([]);
        }
      }
    }
    // Half-answered drafts are sealed: their text is nowhere.
    for (const f of files) expect(occurrences(f.bytes, 'Halvt svar kladde'), f.name).toEqual([]);
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [...codes, ...receipts, ...tokens]) expect(log, secret).not.toContain(secret);
    for (const path of ['/undersoegelser', '/meld', '/indsatser', '/kommentar']) expect(log).not.toContain(path);
    // Staff pages are logged, with their time.
    expect(log).toContain('/staff/reports');
  });

  it('cannot recompute a client key from anything in the database, but can with the secret kept outside it', async () => {
    const db = getDb(dbPath);
    const hits = await rawRows<{ scope: string; key: string }>(db, sql`select scope, key from throttle_hits`);
    expect(hits.length).toBeGreaterThan(0);
    const stored = new Set(hits.map((h) => `${h.scope} ${h.key}`));
    const scopes = [...new Set(hits.map((h) => h.scope))];
    const recomputed = (dayKey: Uint8Array) => {
      let found = 0;
      for (const a of addresses) {
        const client = encodeBase64urlNoPadding(hmac(SHA256, dayKey, new TextEncoder().encode(a)));
        for (const scope of scopes) {
          if (stored.has(`${scope} ${encodeBase64urlNoPadding(hmac(SHA256, dayKey, new TextEncoder().encode(`${scope}:${client}`)))}`)) found++;
        }
      }
      return found;
    };
    // Every value of 16 bytes or more in the database is tried as the day's key and as the secret.
    const candidates: Uint8Array[] = [];
    const today = new Date().toISOString().slice(0, 10);
    for (const table of (Object.values(tables) as unknown[]).filter((t): t is Table => is(t, Table))) {
      const rows = (await db.select().from(table as never)) as Record<string, unknown>[];
      for (const row of rows) {
        for (const value of Object.values(row)) {
          const bytes = Buffer.isBuffer(value) ? value : typeof value === 'string' && value.length >= 16 ? Buffer.from(value, 'utf8') : undefined;
          if (!bytes || bytes.length < 16) continue;
          candidates.push(new Uint8Array(bytes));
          candidates.push(hmac(SHA256, new Uint8Array(bytes), new TextEncoder().encode(`tryghed throttle key ${today}`)));
        }
      }
    }
    expect(candidates.length).toBeGreaterThan(10);
    for (const key of candidates) expect(recomputed(key)).toBe(0);
    // The positive control: with the secret from outside the database the keys are found.
    const secret = new TextEncoder().encode(readFileSync(secretFile, 'utf8').trim());
    expect(recomputed(hmac(SHA256, secret, new TextEncoder().encode(`tryghed throttle key ${today}`)))).toBeGreaterThan(0);
    if (!ON_POSTGRES) expect(existsSync(join(dir, 'throttle-secret'))).toBe(true);
  });

  it('keeps the day only on rows residents caused, and ids that do not count up', async () => {
    const db = getDb(dbPath);
    const resident: { table: Table; skip?: string[]; where?: (row: Record<string, unknown>) => boolean }[] = [
      { table: tables.responses },
      { table: tables.answers },
      { table: tables.surveyDrafts },
      { table: tables.reports },
      { table: tables.reportSubmissions },
      // Staff steps keep their time (they are staff actions); the resident's own "received" keeps its day.
      { table: tables.reportUpdates, where: (r) => r['userId'] === null },
      { table: tables.comments, skip: ['moderatedAt'] },
      { table: tables.invitationCodes },
      // Not checked: throttle_hits.reset_at keeps the second a window ends (its row is deleted
      // then, within 15 minutes) next to a keyed hash nothing in the database can reverse (above).
    ];
    for (const { table, skip = [], where } of resident) {
      const rows = ((await db.select().from(table as never)) as Record<string, unknown>[]).filter((r) => !where || where(r));
      expect(rows.length, getTableName(table)).toBeGreaterThan(0);
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (skip.includes(column) || !(value instanceof Date)) continue;
          expect(value.getTime() % 86_400_000, `${getTableName(table)}.${column} = ${value.toISOString()}`).toBe(0);
        }
      }
      expect(Object.keys(getTableColumns(table)).filter((c) => /^ip|[a-z]Ip$|agent|cookie|address/i.test(c)), getTableName(table)).toEqual([]);
    }
    // Ids of what residents caused are spread over 2^53, not counted up.
    const spread = (name: string, ids: number[]) => {
      const web = ids.filter((id) => id > 2 ** 32).sort((a, b) => a - b);
      expect(web.length, name).toBeGreaterThan(0);
      for (let i = 1; i < web.length; i++) expect(web[i]! - web[i - 1]!, name).toBeGreaterThan(1000);
    };
    for (const table of [tables.responses, tables.reports, tables.reportUpdates, tables.comments]) {
      spread(getTableName(table), ((await db.select().from(table as never)) as { id: number }[]).map((r) => r.id));
    }
    // A response's answers share one block of consecutive ids (db/columns.ts randomIdBlock): the
    // blocks are spread like the other ids, and a block holds one response's answers only.
    const answerRows = await db.select({ id: tables.answers.id, responseId: tables.answers.responseId }).from(tables.answers);
    const blocks = new Map<number, Set<number>>();
    for (const a of answerRows.filter((r) => r.id > 2 ** 32)) {
      const block = Math.floor(a.id / ID_BLOCK_SIZE);
      blocks.set(block, (blocks.get(block) ?? new Set()).add(a.responseId));
    }
    for (const [block, owners] of blocks) expect(owners.size, `answer id block ${block}`).toBe(1);
    spread('answers (blocks)', [...blocks.keys()].map((b) => b * ID_BLOCK_SIZE));
    // No column of a response or a draft refers to an invitation code.
    for (const table of [tables.responses, tables.answers, tables.surveyDrafts]) {
      expect(Object.keys(getTableColumns(table)).filter((c) => /code|invit/i.test(c))).toEqual([]);
    }
  });
});
