/**
 * `npm run retention [-- --dry-run]`: runs the retention schedule
 * (src/server/privacy/retention.ts, README "Retention") once against DATABASE_URL, as
 * the server does daily, and prints per rule its period and how many rows
 * were deleted or erased. With --dry-run it prints how many would be, and
 * changes nothing (no audit entry either).
 *
 * Safe while the server runs: each rule is one transaction, and on
 * PostgreSQL the run waits for a server's own run (the start-up lock). Exit 0 when every
 * rule ran; 1 when one failed (its transaction rolled back, the others ran) or
 * the configuration is invalid; 2 for a usage error.
 */
import { parseArgs } from 'node:util';
import { loadConfigOrExit, usageExit } from './common.ts';
import { closeDb, describeDatabase, getDb } from '../db/connection.ts';
import { migrateDatabase, withStartupLock } from '../db/migrate.ts';
import { RETENTION_ENV, RETENTION_RULES, runRetention, type Period } from '../privacy/retention.ts';

function usage(message?: string): never {
  return usageExit('Usage: npm run retention [-- --dry-run]', message);
}

let dryRun = false;
try {
  const parsed = parseArgs({ allowPositionals: false, options: { 'dry-run': { type: 'boolean', default: false } } });
  dryRun = parsed.values['dry-run'] ?? false;
} catch (e) {
  usage(e instanceof Error ? e.message : String(e));
}

const cfg = loadConfigOrExit();

const describe = (p: Period): string => (p.n === 0 ? 'at once' : `${p.n} ${p.n === 1 ? p.unit.replace(/s$/, '') : p.unit}`);

const db = getDb(cfg.databaseUrl);
try {
  await migrateDatabase(db);
  // Takes turns with servers on the same PostgreSQL database (their daily run takes the same lock).
  const run = await withStartupLock(db, () => runRetention(db, cfg.retention, { dryRun }));
  process.stdout.write(`${dryRun ? 'Dry run (nothing deleted)' : 'Retention run'} on ${describeDatabase(cfg.databaseUrl)} at ${run.at.toISOString()}\n\n`);
  const rows = run.results.map((r) => {
    const rule = RETENTION_RULES.find((x) => x.id === r.rule)!;
    const setting = rule.setting ? ` (${RETENTION_ENV[rule.setting]})` : '';
    const verb = rule.action === 'delete' ? (dryRun ? 'to delete' : 'deleted') : dryRun ? 'to erase' : 'erased';
    return [r.rule, `${describe(rule.period(cfg.retention))}${setting}`, r.error ? `FAILED (${r.error})` : `${r.count} ${verb}`];
  });
  const widths = [0, 1].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) process.stdout.write(`${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}\n`);
  if (run.results.some((r) => r.error)) process.exitCode = 1;
} finally {
  await closeDb();
}
