/**
 * `npm run retention` as an operator runs it (the package.json script, as a
 * child process) against a real database: --dry-run prints what is due per
 * rule and changes nothing; a run deletes it and leaves one audit entry;
 * bad arguments and bad settings stop with a message.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, reports, reportUpdates } from '../../db/schema.ts';
import { listActiveCategories, setReportStatus, submitReport } from '../../src/server/reports/reports.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function retentionCommand(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [bin, ...rest] = (pkg.scripts['retention'] ?? '').split(' ');
  expect(bin).toBe('node');
  return rest;
}

function retention(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...retentionCommand(), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.path, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
});
afterEach(async () => {
  await t.close();
});

describe('npm run retention', () => {
  it('--dry-run counts what is due and deletes nothing; the run deletes it and audits the counts', async () => {
    const moderatorId = (await makeUser(t.db, 'moderator')).user.id;
    const r = await submitReport(t.db, {
      categoryId: (await listActiveCategories(t.db))[0]!.id,
      location: { kind: 'place', placeId: 'stengade' },
      timeOfDay: 'night',
      weekday: null,
      description: 'Reklame for et spillested',
      reporterType: 'visitor',
      email: null,
    });
    if (!r.ok) throw new Error(r.reason);
    await setReportStatus(t.db, r.report.id, { status: 'rejected', internalNote: 'Reklame' }, moderatorId);
    // Rejected 31 days ago: past the default 30.
    await t.db.update(reportUpdates).set({ createdAt: new Date(Date.now() - 31 * 86_400_000) }).where(eq(reportUpdates.reportId, r.report.id));
    const runs = async () => t.db.select().from(auditLog).where(eq(auditLog.action, 'retention.run'));

    const dry = await retention(['--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('Dry run (nothing deleted)');
    expect(dry.stdout).toMatch(/rejected_reports\s+30 days \(RETENTION_REJECTED_REPORT_DAYS\)\s+1 to delete/);
    expect(dry.stdout).toMatch(/report_details\s+6 months \(RETENTION_REPORT_DETAILS_MONTHS\)\s+0 to erase/);
    expect(await t.db.select({ id: reports.id }).from(reports)).toHaveLength(1);
    expect(await runs()).toEqual([]);

    const run = await retention([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/rejected_reports\s+30 days \(RETENTION_REJECTED_REPORT_DAYS\)\s+1 deleted/);
    expect(await t.db.select({ id: reports.id }).from(reports)).toEqual([]);
    const [entry] = await runs();
    expect(entry!.summary).toContain('rejected_reports: 1');
    expect(entry!.summary).not.toContain('Reklame');
  }, 60_000);

  it('refuses an unknown option (exit 2) and a bad period (exit 1), naming it', async () => {
    const bad = await retention(['--everything']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Usage: npm run retention');
    const period = await retention(['--dry-run'], { RETENTION_OUTBOX_DAYS: '1' });
    expect(period.status).toBe(1);
    expect(period.stderr).toContain('RETENTION_OUTBOX_DAYS');
  }, 60_000);
});
