/**
 * The column kinds of the schema, once per dialect under the same names:
 * `sqliteColumns` and `pgColumns` map each kind (id, timestamps, flags,
 * JSON, bytes…) to its dialect here, in one place, and db/dialect.ts pairs
 * them into the kit db/schema.ts is written with. Every helper returns a
 * fresh column builder; the schema chains `.notNull()`, `.default()` and
 * `.references()` as usual.
 *
 * Rule for both sets: a helper must give the same TypeScript type
 * (`$inferSelect` / `$inferInsert`) in either dialect, since the app is typed
 * against the SQLite tables and gets the PostgreSQL ones at run time
 * (tests/unit/schema-parity.test.ts checks this for every kind).
 */
import { sql, type Column, type SQL } from 'drizzle-orm';
import * as pgCore from 'drizzle-orm/pg-core';
import * as sqliteCore from 'drizzle-orm/sqlite-core';

/**
 * A random id in 1 … 2^53 − 1 from the OS's cryptographic generator. Two rows
 * of one table get the same id with probability n / 2^53 per insert (under
 * 1e-9 with a million rows); the primary key refuses such an insert.
 */
export function randomRowId(): number {
  if (next + 2 > randomWords.length) {
    crypto.getRandomValues(randomWords);
    next = 0;
  }
  const high = randomWords[next]!;
  const low = randomWords[next + 1]!;
  // Each word is handed out once.
  randomWords[next++] = 0;
  randomWords[next++] = 0;
  return (high & 0x1f_ffff) * 0x1_0000_0000 + low || 1;
}

/**
 * The generator's bytes are fetched 4 KiB at a time (512 ids): a call per id
 * cost more than the id's insert (2 % of a survey submission's time under
 * load, README "Performance"). The words are as unpredictable either way.
 */
const randomWords = new Uint32Array(1024);
let next = randomWords.length;

/** How many consecutive ids randomIdBlock hands out (2^10). */
export const ID_BLOCK_SIZE = 1024;

/**
 * The first of ID_BLOCK_SIZE consecutive random ids, for rows written
 * together that belong together (the answers of one response): a random
 * block start, so the ids still say nothing about the order the groups were
 * made in, while the group's rows sit side by side in the table's B-tree.
 * Random ids one by one scattered each response's ~25 answers over ~25
 * pages of the table, all written on every commit (the survey submission's
 * largest cost in the session-5 profile). The ids within a block reveal only
 * which rows belong together, which the rows' foreign key says anyway.
 */
export function randomIdBlock(): number {
  let start = 0;
  while (start === 0) start = Math.floor(randomRowId() / ID_BLOCK_SIZE) * ID_BLOCK_SIZE;
  return start;
}

/**
 * A CHECK body saying that `column` holds one of `values`, as
 * `<column> in ('a', 'b')`, generated from an enumeration in
 * src/lib/domain.ts so that the list is written once for both dialects. The
 * values are plain lower-case identifiers (refused otherwise), so they are
 * spelled as SQL literals without escaping.
 */
export function oneOf(column: Column, values: readonly string[]): SQL {
  const bad = values.find((v) => !/^[a-z][a-z0-9_]*$/.test(v));
  if (bad !== undefined || values.length === 0) throw new Error(`oneOf: not an enumeration of identifiers: ${JSON.stringify(values)}`);
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}

// ---------------------------------------------------------------------------
// SQLite
// ---------------------------------------------------------------------------

/** Surrogate key: an alias of the rowid; AUTOINCREMENT so a deleted row's id is never handed out again. */
function sqliteId() {
  return sqliteCore.integer('id').primaryKey({ autoIncrement: true });
}

/**
 * A key that does not reveal the order rows were made in: a random positive
 * safe integer (53 bits) chosen when the row is inserted, for rows residents
 * cause (responses, answers, reports and their updates, comments). An alias
 * of the rowid, without AUTOINCREMENT.
 */
function sqliteRandomId() {
  return sqliteCore.integer('id').primaryKey().$defaultFn(randomRowId);
}

/** An integer that may hold a random id (see randomId). */
function sqliteBigInteger<TName extends string>(name: TName) {
  return sqliteCore.integer(name);
}

/** An instant, stored as Unix seconds (sub-second precision is dropped on write). */
function sqliteTimestamp<TName extends string>(name: TName) {
  return sqliteCore.integer(name, { mode: 'timestamp' });
}

/** The database's clock at insert, in the column's unit (Unix seconds). */
function sqliteNow(): SQL {
  return sql`(unixepoch())`;
}

/** When the row was created: set by the database, so no code path can forget it. */
function sqliteCreatedAt() {
  return sqliteTimestamp('created_at').notNull().default(sqliteNow());
}

/** When the row last changed: starts at creation; the code that changes a row sets it. */
function sqliteUpdatedAt() {
  return sqliteTimestamp('updated_at').notNull().default(sqliteNow());
}

/** A yes/no fact, never unknown (0 or 1; drizzle reads it as a boolean). */
function sqliteFlag<TName extends string>(name: TName, initial: boolean) {
  return sqliteCore.integer(name, { mode: 'boolean' }).notNull().default(initial);
}

/** A JSON value, kept as the text written (chain `.$type<T>()` for its shape). */
function sqliteJson<TName extends string>(name: TName) {
  return sqliteCore.text(name, { mode: 'json' });
}

/** Raw bytes (keys and hashes), read as a Node Buffer. */
function sqliteBytes<TName extends string>(name: TName) {
  return sqliteCore.blob(name, { mode: 'buffer' });
}

/** A floating-point number (SQLite REAL is an 8-byte IEEE double). */
function sqliteDouble<TName extends string>(name: TName) {
  return sqliteCore.real(name);
}

export const sqliteColumns = {
  id: sqliteId,
  randomId: sqliteRandomId,
  bigInteger: sqliteBigInteger,
  timestamp: sqliteTimestamp,
  now: sqliteNow,
  createdAt: sqliteCreatedAt,
  updatedAt: sqliteUpdatedAt,
  flag: sqliteFlag,
  json: sqliteJson,
  bytes: sqliteBytes,
  double: sqliteDouble,
};

// ---------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------

/**
 * Surrogate key: an identity column generated BY DEFAULT (not ALWAYS), so a
 * copy of an SQLite database can insert the existing ids; the copy then
 * moves the sequence past the highest id.
 */
function pgId() {
  return pgCore.integer('id').primaryKey().generatedByDefaultAsIdentity();
}

/** See sqliteRandomId: a `bigint` (the 53 random bits do not fit an `integer`), read as a JS number. */
function pgRandomId() {
  return pgCore.bigint('id', { mode: 'number' }).primaryKey().$defaultFn(randomRowId);
}

/** An integer that may hold a random id: `bigint`, read as a JS number. */
function pgBigInteger<TName extends string>(name: TName) {
  return pgCore.bigint(name, { mode: 'number' });
}

/** An instant (`timestamptz`), read as a JS Date like SQLite's timestamp mode. */
function pgTimestamp<TName extends string>(name: TName) {
  return pgCore.timestamp(name, { withTimezone: true, mode: 'date' });
}

/** The database's clock at the start of the transaction. */
function pgNow(): SQL {
  return sql`now()`;
}

/** When the row was created: set by the database, so no code path can forget it. */
function pgCreatedAt() {
  return pgTimestamp('created_at').notNull().default(pgNow());
}

/** When the row last changed: starts at creation; the code that changes a row sets it. */
function pgUpdatedAt() {
  return pgTimestamp('updated_at').notNull().default(pgNow());
}

/** A yes/no fact, never unknown. */
function pgFlag<TName extends string>(name: TName, initial: boolean) {
  return pgCore.boolean(name).notNull().default(initial);
}

/** A JSON value: `json`, not `jsonb`, so the text and key order are kept as written, as in SQLite. */
function pgJson<TName extends string>(name: TName) {
  return pgCore.json(name);
}

/** `bytea` read as a Node Buffer (node-postgres' own mapping); drizzle 0.45's pg-core has no bytea column. */
const bytea = pgCore.customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Raw bytes (keys and hashes), read as a Node Buffer. */
function pgBytes<TName extends string>(name: TName) {
  return bytea(name);
}

/** A floating-point number: `double precision`, the same 8-byte IEEE double as SQLite's REAL. */
function pgDouble<TName extends string>(name: TName) {
  return pgCore.doublePrecision(name);
}

export const pgColumns = {
  id: pgId,
  randomId: pgRandomId,
  bigInteger: pgBigInteger,
  timestamp: pgTimestamp,
  now: pgNow,
  createdAt: pgCreatedAt,
  updatedAt: pgUpdatedAt,
  flag: pgFlag,
  json: pgJson,
  bytes: pgBytes,
  double: pgDouble,
};
