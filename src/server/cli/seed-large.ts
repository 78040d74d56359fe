/**
 * `npm run seed:large -- [--responses N] [--reports M] [--database PATH] [--seed S] [--force]`:
 * a large SYNTHETIC dataset for the benchmark. Migrates and seeds the
 * database with demo data (the demo survey series, areas, categories and
 * goals), then adds N made-up responses to the closed demo waves and M
 * made-up concern reports over the last three years, all marked demo.
 *
 * It refuses a database that holds real (non-demo) responses or reports:
 * synthetic rows must never be mixed into real figures. `--force` overrides
 * that, for a copy of a real database on a test machine.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { closeDatabase, openDatabase, sqlitePath } from '../db/connection.ts';
import { isPostgresUrl } from '../db/postgres.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { seedDatabase } from '../seed/index.ts';
import { countRealRows, MissingDemoDataError, seedLargeDataset } from '../bench/large-data.ts';

function usage(message: string): never {
  process.stderr.write(
    `${message}\n\nUsage: npm run seed:large -- [--responses 100000] [--reports 100000] [--database PATH] [--seed 2026] [--force]\n`,
  );
  process.exit(2);
}

function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 0 || n > 10_000_000) usage(`--${name} must be a whole number from 0 to 10,000,000.`);
  return n;
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      responses: { type: 'string' },
      reports: { type: 'string' },
      database: { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  }));
} catch (e) {
  usage((e as Error).message);
}
const responses = count(values.responses, 'responses', 100_000);
const reports = count(values.reports, 'reports', 100_000);
const seed = count(values.seed, 'seed', 2026);

let databaseUrl: string;
try {
  databaseUrl = values.database ?? loadConfig().databaseUrl;
} catch (e) {
  if (e instanceof ConfigError) usage(e.message);
  throw e;
}

// The synthetic rows are bulk-loaded with SQLite's prepared statements; PostgreSQL gets them with db:copy.
if (isPostgresUrl(databaseUrl)) usage('seed:large writes a SQLite file: seed one, then copy it to PostgreSQL with npm run db:copy.');

const started = performance.now();
const path = sqlitePath(databaseUrl);
const db = openDatabase(databaseUrl);
try {
  await migrateDatabase(db);
  const real = await countRealRows(db);
  if ((real.responses > 0 || real.reports > 0) && !values.force) {
    process.stderr.write(
      `Refusing: ${path} holds real data (${real.responses} non-demo responses, ${real.reports} non-demo reports).\n` +
        'Synthetic rows must never be mixed with real ones. Use a new database (--database PATH), or --force on a throwaway copy.\n',
    );
    process.exitCode = 1;
  } else {
    await seedDatabase(db, { demo: true });
    process.stdout.write(`Adding SYNTHETIC data to ${path} (every row marked demo; made up, not from residents) …\n`);
    const s = await seedLargeDataset(db, { responses, reports, seed, progress: (line) => process.stdout.write(`${line}\n`) });
    const n = (x: number) => x.toLocaleString('en');
    process.stdout.write(
      `Synthetic responses: ${s.responses.map((w) => `${n(w.count)} in ${w.slug}`).join(', ')} (${n(s.answers)} answers)\n` +
        `Synthetic reports: ${n(s.reports)} from ${s.reportDays.from} to ${s.reportDays.to} (${n(s.reportUpdates)} status updates)\n` +
        `Done in ${((performance.now() - started) / 1000).toFixed(1)} s (${(s.ms / 1000).toFixed(1)} s for the synthetic rows). This is synthetic benchmark data: never publish figures from it.\n`,
    );
  }
} catch (e) {
  if (e instanceof MissingDemoDataError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 1;
  } else {
    throw e;
  }
} finally {
  await closeDatabase(db);
}
