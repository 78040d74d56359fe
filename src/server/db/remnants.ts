/**
 * Leaving no remnants of what residents wrote (README "Privacy").
 *
 * SQLite keeps old page images in two places: the write-ahead log (every
 * committed version of a page until the WAL is checkpointed and reset) and
 * free pages of the main file. `secure_delete` (set on every connection, see
 * connection.ts) zeroes deleted content and freed pages; this folds the WAL
 * into the main file and truncates it to zero bytes right after a resident's
 * write, so a page image that links what was written (e.g. the invitation
 * code marked used in the transaction that stored a response) does not
 * linger in the -wal file. `journal_size_limit` bounds the WAL between such
 * checkpoints.
 *
 * PostgreSQL has no equivalent the application can ask for: its WAL segments
 * and dead row versions are the server's business (see README "Privacy").
 */
import type { Queryable } from './connection.ts';
import { sqliteClientOf } from './transaction.ts';

/** Checkpoints and truncates the SQLite WAL now, or as soon as no transaction is open; nothing on PostgreSQL. */
export function eraseRemnants(db: Queryable, tries = 20): void {
  const client = sqliteClientOf(db);
  if (!client || !client.open) return;
  if (client.inTransaction) {
    // Another request's transaction is open on this connection: once it has committed.
    if (tries > 0) setImmediate(() => eraseRemnants(db, tries - 1));
    return;
  }
  client.pragma('wal_checkpoint(TRUNCATE)');
}
