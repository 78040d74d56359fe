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
import type Database from 'better-sqlite3';
import type { Queryable } from './connection.ts';
import { sqliteClientOf } from './transaction.ts';

/**
 * How soon after a resident's write the WAL is truncated. Not at once: a
 * checkpoint copies and syncs the pages, and doing that after every write
 * under load held up every other request (better-sqlite3 runs it on the
 * event loop). Writes within this time share one checkpoint.
 */
export const ERASE_WITHIN_MS = 500;

const pending = new WeakSet<Database.Database>();

/** Schedules a checkpoint that truncates the SQLite WAL within ERASE_WITHIN_MS; nothing on PostgreSQL. */
export function eraseRemnants(db: Queryable): void {
  const client = sqliteClientOf(db);
  if (!client || pending.has(client)) return;
  pending.add(client);
  setTimeout(() => checkpoint(client), ERASE_WITHIN_MS).unref();
}

function checkpoint(client: Database.Database): void {
  if (!client.open) {
    pending.delete(client);
    return;
  }
  if (client.inTransaction) {
    // Another request's transaction is open on this connection: once it has committed.
    setTimeout(() => checkpoint(client), 10).unref();
    return;
  }
  pending.delete(client);
  try {
    client.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Busy (another process's reader or writer): the next resident write, or closing, tries again.
  }
}
