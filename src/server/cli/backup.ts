/**
 * `npm run backup -- <file> [--force]`: a consistent copy of the database
 * (DATABASE_URL, as the server reads it) made with SQLite's online backup
 * API, safe while the server is running and taking writes.
 *
 * The copy is written next to <file> under a temporary name, checked with
 * `PRAGMA integrity_check`, and only then renamed to <file>, so a failed
 * backup never leaves a half-written file that looks like a backup. It is a
 * single self-contained file (rollback journal, not WAL): restore it by
 * stopping the server and copying it to DATABASE_URL (see README "Backup
 * and restore").
 *
 * Exit 0 with the row counts of the main tables; 1 with a message when the
 * database is missing, <file> exists (without --force) or the copy fails;
 * 2 for a usage error.
 */
import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { usageExit } from './common.ts';
import { sqlitePath } from '../db/connection.ts';

/** The tables whose row counts tell an operator the copy holds what they expect. */
const MAIN_TABLES = ['areas', 'users', 'initiatives', 'events', 'comments', 'surveys', 'responses', 'answers', 'reports', 'report_updates', 'audit_log'] as const;

/**
 * Pages per backup step: all of them. One step copies the whole database
 * inside one read transaction, which in WAL mode does not block the
 * server's writers; smaller steps would restart from the beginning after
 * every write the server commits in between, and might never finish on a
 * busy server.
 */
const ALL_PAGES = 0x7fffffff;

function usage(message?: string): never {
  return usageExit('Usage: npm run backup -- <file> [--force]', message);
}

function fail(message: string): never {
  process.stderr.write(`Backup failed: ${message}\n`);
  process.exit(1);
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
} catch (e) {
  usage(reason(e));
}
const [file, ...extra] = parsed.positionals;
if (!file || extra.length > 0) usage(file ? `One file only, not ${parsed.positionals.length}.` : 'Name the backup file.');

let source: string;
try {
  source = sqlitePath(loadConfig().databaseUrl);
} catch (e) {
  if (e instanceof ConfigError) fail(e.message);
  throw e;
}
if (source === ':memory:') fail('DATABASE_URL is :memory:, which has nothing to back up.');
if (!existsSync(source)) fail(`there is no database at ${source}. Check DATABASE_URL.`);

const target = resolve(file);
// Overwriting the live database (or its WAL) with a copy of itself would destroy it.
if ([source, `${source}-wal`, `${source}-shm`, `${source}-journal`].includes(target)) fail(`${target} is the database itself; choose another file.`);
if (!existsSync(dirname(target))) fail(`the folder ${dirname(target)} does not exist.`);
if (existsSync(target)) {
  if (statSync(target).isDirectory()) fail(`${target} is a folder; name a file.`);
  if (!parsed.values.force) fail(`${target} already exists. Choose a new file, or add --force to replace it.`);
}

const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);

/** Removes the temporary copy and anything SQLite left beside it. */
function discardPartial(): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${partial}${suffix}`, { force: true });
}

let counts: Record<string, number>;
try {
  // Read-only: a backup must never change the database it copies.
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // Wait out a checkpoint or recovery by the server instead of failing at once.
    db.pragma('busy_timeout = 5000');
    await db.backup(partial, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  // The copy holds residents' reports and staff password hashes: its owner only.
  chmodSync(partial, 0o600);

  const copy = new Database(partial, { fileMustExist: true });
  try {
    // The copy inherits WAL mode from the live file; one self-contained file is easier to move and restore.
    copy.pragma('journal_mode = DELETE');
    const integrity = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.join('; ') !== 'ok') throw new Error(`the copy failed PRAGMA integrity_check: ${integrity.slice(0, 5).join('; ')}`);
    const existing = new Set(copy.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]);
    counts = {};
    for (const table of MAIN_TABLES) {
      if (existing.has(table)) counts[table] = copy.prepare(`select count(*) from "${table}"`).pluck().get() as number;
    }
  } finally {
    copy.close();
  }
  // Atomic on the same file system: <file> is either the old file or the whole, checked copy.
  renameSync(partial, target);
} catch (e) {
  discardPartial();
  fail(reason(e));
}

const width = Math.max(...Object.keys(counts).map((t) => t.length));
process.stdout.write(
  `Backed up ${source}\n       to ${target} (${statSync(target).size} bytes, integrity_check ok).\nRows:\n` +
    Object.entries(counts)
      .map(([table, n]) => `  ${table.padEnd(width)}  ${n}\n`)
      .join(''),
);
