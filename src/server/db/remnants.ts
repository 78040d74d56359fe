/**
 * Leaving no remnants of what residents wrote (README "Privacy").
 *
 * SQLite keeps old page images in two places: the write-ahead log (every
 * committed version of a page until the WAL is checkpointed and reset) and
 * free pages of the main file. `secure_delete` (set on every connection, see
 * connection.ts) zeroes deleted content and freed pages; this folds the WAL
 * into the main file and truncates it to zero bytes within half a second of
 * a resident's write, so a page image that links what was written (e.g. the invitation
 * code marked used in the transaction that stored a response) does not
 * linger in the -wal file. `journal_size_limit` bounds the WAL between such
 * checkpoints.
 *
 * PostgreSQL has no equivalent the application can ask for: its WAL segments
 * and dead row versions are the server's business (see README "Privacy").
 */
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { BUSY_TIMEOUT_MS, type Queryable } from './connection.ts';
import { copyWalInBackground } from './checkpoint-worker.ts';
import { rawRun } from './raw.ts';
import { sqliteClientOf, transaction } from './transaction.ts';

/**
 * How soon after a resident's write the WAL is truncated. Not at once: a
 * checkpoint copies and syncs the pages, and doing that after every write
 * under load held up every other request (better-sqlite3 runs it on the
 * event loop; the copy and its sync now run in a worker first,
 * checkpoint-worker.ts). Writes within this time share one checkpoint.
 */
export const ERASE_WITHIN_MS = 500;

const pending = new WeakSet<Database.Database>();

/** Schedules a checkpoint that truncates the SQLite WAL within ERASE_WITHIN_MS; nothing on PostgreSQL. */
export function eraseRemnants(db: Queryable): void {
  const client = sqliteClientOf(db);
  if (!client || pending.has(client)) return;
  pending.add(client);
  setTimeout(() => checkpoint(client), ERASE_WITHIN_MS - COPY_BUDGET_MS).unref();
}

/**
 * How long before the deadline a large WAL's copy starts in the worker: it
 * takes 35–60 ms under load on the benchmark's machine. The TRUNCATE comes
 * when the copy is done or this time is up, whichever is first, so the
 * deadline holds (if the copy is still under way then, the TRUNCATE waits
 * for it rather than trying again a second later).
 */
const COPY_BUDGET_MS = 200;

function checkpoint(client: Database.Database): void {
  if (!client.open) {
    pending.delete(client);
    return;
  }
  if (client.memory || walBytes(client.name) < BACKGROUND_COPY_BYTES) {
    setTimeout(() => truncate(client), COPY_BUDGET_MS).unref();
    return;
  }
  // A large WAL's pages are copied in a worker first (its disk sync is most of the time, and no
  // request waits for it there); the TRUNCATE then copies what was written meanwhile and resets the file.
  const copy = copyWalInBackground(client.name);
  const budget = new Promise<void>((resolve) => setTimeout(resolve, COPY_BUDGET_MS).unref());
  void Promise.race([copy, budget]).then(() => truncate(client, copy));
}

/**
 * From this size of WAL on, its pages are copied by the worker
 * (checkpoint-worker.ts). A smaller one (a few writes, not a load) is copied
 * in a few milliseconds on the main thread, which is not worth a second
 * connection; and a short-lived process (a command-line tool, a test) that
 * closes and deletes its database right after a write never has that second
 * connection open the file while it goes.
 */
export const BACKGROUND_COPY_BYTES = 1024 * 1024;

function walBytes(file: string): number {
  return statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
}

function truncate(client: Database.Database, copy?: Promise<boolean>): void {
  if (!client.open) {
    pending.delete(client);
    return;
  }
  if (client.inTransaction) {
    // Another request's transaction is open on this connection: once it has committed.
    setTimeout(() => truncate(client, copy), 10).unref();
    return;
  }
  try {
    // SQLite answers busy = 1, without throwing, when another connection's reader (a backup,
    // `npm run report`, db:copy) holds old pages, or the worker's copy still holds the checkpoint:
    // then the WAL was not reset, so try again (once the copy is done, or a second later).
    const result = truncateWithoutWaiting(client);
    if (result && result.busy !== 0) {
      if (copy) void copy.then(() => truncate(client));
      else setTimeout(() => checkpoint(client), RETRY_BUSY_MS).unref();
      return;
    }
  } catch {
    // Locked by another process's writer: the next resident write, or closing, tries again.
  }
  pending.delete(client);
}

/**
 * The TRUNCATE checkpoint, answering busy at once instead of waiting. A
 * TRUNCATE calls the busy handler while another connection holds the
 * checkpoint lock or old pages, and better-sqlite3 waits in it on the event
 * loop: with the connection's busy_timeout, a copy still under way in the
 * worker held every request of the process until it ended, and another
 * process's reader (a backup, `npm run report`) for up to 5 s
 * (wal-checkpoint.test.ts). Waiting for the copy's promise, or retrying a
 * second later, lets requests go on meanwhile; the WAL is reset as soon as
 * the reader is done, as before.
 */
function truncateWithoutWaiting(client: Database.Database): { busy: number } | undefined {
  client.pragma('busy_timeout = 0');
  try {
    return (client.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0];
  } finally {
    client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/** How long to wait before checkpointing again when another reader kept the WAL busy. */
const RETRY_BUSY_MS = 1_000;

const relinking = new WeakSet<object>();

/**
 * PostgreSQL stamps every row a transaction writes with that transaction's id
 * (`xmin`, readable with plain SQL), so the invitation code marked used in
 * the transaction that stored a response would share its id with the
 * response's row: a copy of the database, or anyone who may read both tables,
 * could join them. Within ERASE_WITHIN_MS of a stored response, every used
 * code and every submitted draft is rewritten in one transaction, so they
 * all carry the same, newer id and none points at a response. (The old row
 * versions stay in the server's files until VACUUM: see README "Privacy".)
 * SQLite has no such stamp; its WAL is reset by eraseRemnants.
 */
export function unlinkCodeClaims(db: Queryable): void {
  if (sqliteClientOf(db) || relinking.has(db)) return;
  relinking.add(db);
  setTimeout(() => {
    void transaction(db, async (tx) => {
      // Only what can still be linked: codes of waves that take answers, drafts submitted lately.
      await rawRun(tx, sql`update invitation_codes set used = used where used and survey_id in (select id from surveys where status = 'open')`);
      await rawRun(tx, sql`update survey_drafts set submitted_at = submitted_at where submitted_at >= now() - interval '2 days'`);
    })
      .catch(() => {
        // The next stored response tries again.
      })
      .finally(() => relinking.delete(db));
  }, ERASE_WITHIN_MS).unref();
}

const unlinkingConsultations = new WeakSet<object>();

/**
 * The same for consultations on PostgreSQL: the rows one answer wrote (its
 * response, one row per place, its comments, a letter's code) share one
 * transaction id, which would tie a person's answers about different places
 * together, and a code to them. Within ERASE_WITHIN_MS of a stored answer,
 * the raw rows, used codes and comments of every consultation not yet
 * released are rewritten in one transaction, so they all carry the same, newer id. Heap order (`ctid`)
 * still follows insertion: README "Privacy" says how an operator clusters
 * these tables. SQLite has no such stamp.
 */
export function unlinkConsultationAnswers(db: Queryable): void {
  if (sqliteClientOf(db) || unlinkingConsultations.has(db)) return;
  unlinkingConsultations.add(db);
  setTimeout(() => {
    void transaction(db, async (tx) => {
      const open = sql`consultation_id in (select id from consultations where release_id is null)`;
      await rawRun(tx, sql`update consultation_responses set respondent = respondent where ${open}`);
      await rawRun(tx, sql`update consultation_stances set stance = stance where ${open}`);
      await rawRun(tx, sql`update consultation_codes set used = used where used and ${open}`);
      await rawRun(tx, sql`update comments set posted_on = posted_on where target_type = 'consultation_place' and target_id in (select id from consultation_places where ${open})`);
    })
      .catch(() => {
        // The next stored answer tries again.
      })
      .finally(() => unlinkingConsultations.delete(db));
  }, ERASE_WITHIN_MS).unref();
}
