/**
 * `npm run catalogue` (README "Languages"), as a developer runs it for the
 * municipality's translators: export a language's interface texts, load an
 * edited spreadsheet back into a copy of src/lib/i18n (`--dir`), and see
 * exactly the edited text and the review column change; usage errors exit 2,
 * an unreadable file exits 1 and changes nothing.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const I18N = join(ROOT, 'src/lib/i18n');

function catalogue(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [bin, ...rest] = (pkg.scripts['catalogue'] ?? '').split(' ');
  expect(bin).toBe('node');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...rest, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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

describe('npm run catalogue', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tryghed-i18n-'));
    cpSync(I18N, join(dir, 'i18n'), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports a language, and loads an edited spreadsheet back into the catalogue’s source', async () => {
    const file = join(dir, 'tr.csv');
    const out = await catalogue(['export', 'tr', file]);
    expect(out.status, out.stderr).toBe(0);
    const rows = parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['key', 'kind', 'status', 'da', 'en', 'tr']);
    const title = rows.find((r) => r[0] === 'kort.title')!;
    title[5] = 'Güvenlik haritası';
    title[2] = 'reviewed';
    writeFileSync(file, stringify(rows, { delimiter: ';', quoted_match: /[\r\n]/ }));

    const copy = join(dir, 'i18n');
    const run = await catalogue(['import', 'tr', file, '--dir', copy]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Texts changed: 1\n  kort.title');
    expect(run.stdout).toContain('Marked reviewed: 1\n  kort.title');
    expect(readFileSync(join(copy, 'kort-tr.ts'), 'utf8')).toContain("title: 'Güvenlik haritası',");
    expect(JSON.parse(readFileSync(join(copy, 'reviewed.json'), 'utf8'))).toEqual({ ar: [], tr: ['kort.title'], so: [], ur: [] });
    // Nothing else changed.
    const lines = (p: string) => readFileSync(p, 'utf8').split('\n');
    const before = lines(join(I18N, 'kort-tr.ts'));
    const after = lines(join(copy, 'kort-tr.ts'));
    expect(after.filter((l, i) => l !== before[i])).toEqual(["  title: 'Güvenlik haritası',"]);
    expect(readFileSync(join(copy, 'tr.ts'), 'utf8')).toBe(readFileSync(join(I18N, 'tr.ts'), 'utf8'));
  }, 60_000);

  it('refuses an unknown language or command (exit 2) and a file it cannot read (exit 1), changing nothing', async () => {
    expect((await catalogue(['export', 'fa'])).status).toBe(2);
    expect((await catalogue(['translate', 'ar'])).status).toBe(2);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'nøgle;tekst\nx;y\n');
    const copy = join(dir, 'i18n');
    const reviewed = readFileSync(join(copy, 'reviewed.json'), 'utf8');
    const run = await catalogue(['import', 'ar', bad, '--dir', copy]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no columns "key" and "ar"');
    expect(readFileSync(join(copy, 'reviewed.json'), 'utf8')).toBe(reviewed);
  }, 60_000);
});
