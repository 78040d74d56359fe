/**
 * `npm run report` as an operator runs it: the package.json script, as a
 * child process, against a temporary database with the demo data and the
 * built site in dist/. It must write a real PDF, leave no session behind, and
 * audit the export. Needs dist/ (`npm test` builds first) and Debian's
 * Chromium; without Chromium the printing tests are skipped, saying why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env['CHROME_PATH'] || '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`\nreport-cli.test.ts: printing tests SKIPPED, no Chromium at ${CHROMIUM} (apt-get install chromium).\n`);

const dir = mkdtempSync(join(tmpdir(), 'tryghed-report-cli-'));
const DATABASE_URL = join(dir, 'report.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The `report` script from package.json, run with this Node (npm would put the same Node 24 first on PATH). */
function reportCommand(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [bin, ...rest] = (pkg.scripts['report'] ?? '').split(' ');
  expect(bin).toBe('node');
  return rest;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function report(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...reportCommand(), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL, DEMO_DATA: 'on', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(DATABASE_URL, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Pages in a PDF: the largest /Count of its page tree. */
function pageCount(pdf: Buffer): number {
  return Math.max(0, ...[...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1])));
}

beforeAll(() => {
  // The operator's database: migrated and seeded with the demo data (staff accounts, waves, initiatives).
  const seeded = spawnSync(process.execPath, ['src/server/cli/migrate.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL, DEMO_DATA: 'on' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(seeded.status, seeded.stderr).toBe(0);
}, 90_000);

describe('npm run report: refusals', () => {
  it('a year that is not a year is refused with exit 1', async () => {
    const r = await report(['--year', '1999', '--out', join(dir, 'x.pdf')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Bad year');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it('a missing --out is a usage error', async () => {
    const r = await report(['--year', '2025']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: npm run report');
  });

  it('an unknown account is refused with exit 1', async () => {
    const r = await report(['--year', '2025', '--out', join(dir, 'x.pdf'), '--as', 'nobody@example.dk']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('No such staff account: nobody@example.dk');
  });

  it('without Chromium it says to install Debian\'s chromium, and exits 1', async () => {
    const r = await report(['--year', '2025', '--out', join(dir, 'x.pdf')], { CHROME_PATH: join(dir, 'no-chromium') });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("install Debian's chromium");
    expect(query('select 1 from sessions')).toEqual([]);
  });

  it('an editor may not print the report', async () => {
    const r = await report(['--year', '2025', '--out', join(dir, 'x.pdf'), '--as', 'editor@demo.tryghed.invalid']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('only analysts, admins and viewers');
    expect(query('select 1 from sessions')).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('npm run report: printing with Chromium', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/server/entry.mjs'))) throw new Error('dist/ is missing: run `npm run build` before this test (npm test does).');
  });

  it('writes the 2025 report as a PDF, ends its session and audits the export', async () => {
    const out = join(dir, 'report-2025.pdf');
    const r = await report(['--year', '2025', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Wrote ${out}`);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(30 * 1024);
    // Title page, contents with the summary, then a page per section at least.
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(7);
    // Tagged (accessible if published), titled as the report itself (not as a staff page).
    const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info.status, 'pdfinfo (poppler-utils) must be installed').toBe(0);
    expect(info.stdout).toMatch(/^Tagged:\s+yes$/m);
    expect(info.stdout).toMatch(/^Title:\s+Årlig statusrapport 2025 · Tryghed i Indre Nørrebro$/m);
    expect(info.stdout).not.toContain('Medarbejdere');
    // The contents give each section's page, and the section starts on that page.
    const text = (first: number, last = first) => spawnSync('pdftotext', ['-f', String(first), '-l', String(last), out, '-'], { encoding: 'utf8' }).stdout;
    const contents = text(2).split('\n').map((l) => l.trim()).filter(Boolean);
    const goalsPage = Number(contents[contents.indexOf('Status for målene') + 1]);
    expect(goalsPage).toBeGreaterThan(2);
    expect(text(goalsPage)).toContain('2. Status for målene');
    expect(text(goalsPage - 1)).not.toContain('2. Status for målene');

    expect(query('select id from sessions')).toEqual([]);
    const audit = query<{ action: string; entity_id: number; email: string; summary: string }>(
      "select a.action, a.entity_id, u.email, a.summary from audit_log a join users u on u.id = a.user_id where a.action = 'report.pdf'",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'report.pdf', entity_id: 2025, email: 'admin@demo.tryghed.invalid' });
  }, 120_000);

  it('prints in English as a named viewer', async () => {
    const out = join(dir, 'report-2025-en.pdf');
    const r = await report(['--year', '2025', '--out', out, '--lang', 'en', '--as', 'viewer@demo.tryghed.invalid']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(query('select id from sessions')).toEqual([]);
    const audit = query<{ email: string; summary: string }>(
      "select u.email, a.summary from audit_log a join users u on u.id = a.user_id where a.action = 'report.pdf' order by a.id desc limit 1",
    );
    expect(audit[0]?.email).toBe('viewer@demo.tryghed.invalid');
    expect(audit[0]?.summary).toContain('(en)');
  }, 120_000);
});
