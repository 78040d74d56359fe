/**
 * Transactions through one function for both databases, so that the code
 * that needs one does not know which database it runs on.
 *
 * `await transaction(db, async (tx) => { … })` commits when the callback
 * returns and rolls back when it throws. Called with the `tx` of an outer
 * transaction it nests (a savepoint): storing a response inside submitting a
 * draft is one unit.
 *
 * SQLite (better-sqlite3) has one connection per process and executes every
 * statement synchronously when it is awaited; its own transaction helper
 * refuses async callbacks. So a SQLite transaction here takes the process's
 * transaction lock (other transactions wait for it, asynchronously), begins
 * IMMEDIATE (takes the write lock at once, so two processes cannot both read
 * and then fail to write), runs the callback on the same connection, and
 * commits. The rule that keeps this safe: **await nothing but database
 * queries inside a transaction** (no mail, no fetch, no timers). Then the
 * callback finishes within the microtasks of one event-loop turn and no other
 * request's statement can run in the middle of it. The same rule keeps a
 * PostgreSQL transaction short.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Queryable } from './connection.ts';

/** The open SQLite transaction of the current async context, if any, and its nesting depth. */
const open = new AsyncLocalStorage<{ client: Database.Database; depth: number }>();
/** Per SQLite connection: the promise the next transaction waits for. */
const tails = new WeakMap<Database.Database, Promise<void>>();

export async function transaction<T>(q: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const client = sqliteClientOf(q);
  if (!client) {
    // PostgreSQL: drizzle's transaction on the pool (a dedicated connection),
    // or a savepoint when q is already a transaction.
    return (q as unknown as { transaction(f: (tx: Queryable) => Promise<T>): Promise<T> }).transaction(fn);
  }
  const current = open.getStore();
  if (current?.client === client) return savepoint(q, current, fn);
  return exclusive(client, () =>
    open.run({ client, depth: 0 }, async () => {
      client.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(q);
        client.exec('COMMIT');
        return result;
      } catch (error) {
        if (client.inTransaction) client.exec('ROLLBACK');
        throw error;
      }
    }),
  );
}

async function savepoint<T>(q: Queryable, current: { client: Database.Database; depth: number }, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const name = `sp${current.depth + 1}`;
  return open.run({ client: current.client, depth: current.depth + 1 }, async () => {
    current.client.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(q);
      current.client.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      current.client.exec(`ROLLBACK TO ${name}`);
      current.client.exec(`RELEASE ${name}`);
      throw error;
    }
  });
}

/** Runs fn when every earlier call for the same connection has finished. */
async function exclusive<T>(client: Database.Database, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(client) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  tails.set(client, previous.then(() => mine));
  await previous;
  try {
    return await fn();
  } finally {
    release();
  }
}

/**
 * Returns to the event loop, so that other requests go on between the heavy
 * reads of a long piece of work (an estimate, a retention run). A query on
 * SQLite runs synchronously, and awaiting its result alone does not return
 * to the event loop. Never call it inside a transaction (see above).
 */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The better-sqlite3 connection behind q, or undefined when q is PostgreSQL. */
export function sqliteClientOf(q: Queryable): Database.Database | undefined {
  const client = (q as { $client?: unknown }).$client;
  return client && typeof (client as Database.Database).exec === 'function' && 'inTransaction' in (client as object)
    ? (client as Database.Database)
    : undefined;
}

/** Whether q is a SQLite database (for the few SQL fragments that differ; see raw.ts). */
export function isSqlite(q: Queryable): boolean {
  return sqliteClientOf(q) !== undefined;
}
