/**
 * `npm run db:copy -- --from <sqlite file> --to <postgres url>`: moves an
 * installation from SQLite to PostgreSQL (see src/server/db/copy.ts). Stop
 * the server first (or copy from a backup made with `npm run backup`), so
 * that no row arrives during the copy; then point DATABASE_URL at PostgreSQL.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CopyError, copySqliteToPostgres } from '../db/copy.ts';
import { isPostgresUrl, redactDatabaseUrl } from '../db/postgres.ts';
import { sqlitePath } from '../db/connection.ts';

const USAGE = 'Usage: npm run db:copy -- --from <sqlite file> --to <postgres://user:password@host:port/database>\n';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
if (!values.from || !values.to) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const from = sqlitePath(values.from);
if (!existsSync(from)) {
  process.stderr.write(`No SQLite database at ${from}.\n${USAGE}`);
  process.exit(2);
}
if (!isPostgresUrl(values.to)) {
  process.stderr.write(`--to must be a postgres:// URL.\n${USAGE}`);
  process.exit(2);
}

process.stdout.write(`Copying ${from} → ${redactDatabaseUrl(values.to)}\n\n`);
const width = 28;
process.stdout.write(`${'table'.padEnd(width)} ${'SQLite'.padStart(10)} ${'PostgreSQL'.padStart(10)}\n`);
try {
  const counts = await copySqliteToPostgres(from, values.to, (c) => {
    const mark = c.sqlite === c.postgres ? '✓' : '✗';
    process.stdout.write(`${c.table.padEnd(width)} ${String(c.sqlite).padStart(10)} ${String(c.postgres).padStart(10)} ${mark}\n`);
  });
  const rows = counts.reduce((sum, c) => sum + c.postgres, 0);
  process.stdout.write(`\nCopied ${rows} rows in ${counts.length} tables; every table's count matches. Set DATABASE_URL to the PostgreSQL URL and start the server.\n`);
} catch (error) {
  if (error instanceof CopyError) {
    process.stderr.write(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
