/**
 * Backup: `npm run backup -- <file>` (src/server/cli/backup.ts) copies the
 * database with SQLite's online backup API while the server takes writes.
 * The copy is restored (started as a server's database) and must hold every
 * post acknowledged before the backup started.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTION_ENV, Tally, answerSurvey, integrityCheck, missingRows, postReport, residentAddress, runPool, sleep } from '../support/load.ts';
import { ON_POSTGRES } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLIENTS = 20;
/** Posts acknowledged before the backup starts. */
const ACKNOWLEDGED_BEFORE = 200;

const dir = mkdtempSync(join(tmpdir(), 'tryghed-backup-'));
const dbPath = join(dir, 'live.sqlite');
const servers: RunningServer[] = [];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the backup command as `npm run backup -- ...args` runs it, against DATABASE_URL. */
function backup(databaseUrl: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/server/cli/backup.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The row count the command printed for a table. */
function printedCount(stdout: string, table: string): number | undefined {
  const match = new RegExp(`^\\s+${table}\\s+(\\d+)$`, 'm').exec(stdout);
  return match ? Number(match[1]) : undefined;
}

let live: RunningServer;

beforeAll(async () => {
  if (ON_POSTGRES) return;
  live = await startServer(PRODUCTION_ENV, dbPath);
  servers.push(live);
});

afterAll(async () => {
  for (const s of servers) await s.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

// `npm run backup` copies a SQLite file; PostgreSQL is backed up with its own tools (README).
describe.skipIf(ON_POSTGRES)('npm run backup', () => {
  it('makes a consistent copy while the server takes writes, and the restored copy holds every post acknowledged before the backup started', async () => {
    const tally = new Tally();
    let done = false;
    const stream = runPool({
      count: 1_000_000,
      concurrency: CLIENTS,
      until: () => done,
      task: async (i) => tally.record(i % 2 === 0 ? await answerSurvey(live.url) : await postReport(live.url, residentAddress(3, i))),
    });
    try {
      while (tally.acknowledged < ACKNOWLEDGED_BEFORE) {
        if (tally.attempted > tally.acknowledged) throw new Error(`the stream failed before the backup: ${tally.summary()}`);
        await sleep(10);
      }
      const before = tally.snapshot();
      const file = join(dir, 'copy.sqlite');
      const run = await backup(dbPath, file);
      const during = tally.acknowledged - (before.reports.length + before.surveys.length);
      done = true;
      await stream;
      console.info(`backup: ${before.reports.length + before.surveys.length} posts acknowledged before the backup, ${during} more while it ran; ${tally.summary()}\n${run.stdout}`);

      expect(run.code, run.stderr).toBe(0);
      // The server kept taking (and acknowledging) writes while the command ran.
      expect(during).toBeGreaterThan(0);
      expect(tally.serverErrors + tally.refused + tally.networkErrors, tally.summary()).toBe(0);
      expect(run.stdout).toContain('integrity_check ok');
      expect(printedCount(run.stdout, 'reports')).toBeGreaterThanOrEqual(before.reports.length);
      expect(printedCount(run.stdout, 'responses')).toBeGreaterThanOrEqual(before.surveys.length);
      // No temporary file is left beside the copy.
      expect(readdirSync(dir).filter((name) => name.includes('.partial-') || name.startsWith('copy.sqlite-'))).toEqual([]);

      // Restore: the copy becomes a stopped server's DATABASE_URL, and a server starts on it.
      const restoredPath = join(dir, 'restored.sqlite');
      copyFileSync(file, restoredPath);
      const restored = await startServer(PRODUCTION_ENV, restoredPath);
      servers.push(restored);
      expect(await integrityCheck(restoredPath)).toBe('ok');
      expect(await missingRows(restoredPath, before)).toEqual({ reports: [], surveys: [] });
      // The restored server shows acknowledged reports' receipts.
      for (const receipt of before.reports.slice(0, 5)) expect((await fetch(`${restored.url}/meld/${receipt}`)).status).toBe(200);
      expect(await restored.stop()).toBe(0);
    } finally {
      done = true;
      await stream;
    }
  });

  it('refuses to overwrite an existing file unless --force is given', async () => {
    const file = join(dir, 'existing.sqlite');
    writeFileSync(file, 'an older backup');
    const refused = await backup(dbPath, file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('an older backup');

    const forced = await backup(dbPath, file, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(await integrityCheck(file)).toBe('ok');
    // The copy holds residents' reports: readable by its owner only.
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('exits 1 with a clear message when there is no database to back up, and never writes over the database itself', async () => {
    const missing = await backup(join(dir, 'no-such.sqlite'), join(dir, 'never.sqlite'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('there is no database at');
    expect(existsSync(join(dir, 'never.sqlite'))).toBe(false);

    const itself = await backup(dbPath, dbPath, '--force');
    expect(itself.code).toBe(1);
    expect(itself.stderr).toContain('is the database itself');
    expect(await integrityCheck(dbPath)).toBe('ok');
  });

  it('names its usage when the file is missing', async () => {
    const run = await backup(dbPath);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run backup -- <file> [--force]');
  });
});
