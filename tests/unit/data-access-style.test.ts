/**
 * Holds src/ to the data-access rules written at the top of
 * src/server/db/connection.ts, so the app runs on PostgreSQL as well as on
 * SQLite: a query is awaited, never ended with SQLite's synchronous `.get()`,
 * `.all()` or `.run()`; transactions open through src/server/db/transaction.ts;
 * and only SQLite-only code reaches the better-sqlite3 connection (`$client`).
 * Reads the source text: a new page or module is checked without being listed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The data-access layer itself: the one place that knows which database it runs on. */
const DATA_ACCESS_LAYER = 'src/server/db/';

/** SQLite-only code, which may use the better-sqlite3 connection and its prepared statements and transactions. */
const SQLITE_ONLY: Record<string, string> = {
  'src/server/bench/large-data.ts': 'bulk-loads the benchmark dataset with prepared statements (the query builder costs more per row)',
  'src/server/bench/': 'benchmark tooling that clones drafts and stores rows the way a minimal server would, on a SQLite copy',
  'src/server/cli/bench.ts': 'the benchmark runner counts rows in its SQLite copy',
  'src/server/cli/backup.ts': "SQLite's online backup of the database file, checked with its own statements",
  'src/server/cli/seed-large.ts': 'writes the SQLite benchmark database (through src/server/bench/large-data.ts)',
};

const under = (path: string, prefix: string): boolean => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix);
const sqliteOnly = (path: string): boolean => Object.keys(SQLITE_ONLY).some((prefix) => under(path, prefix));

type Rule = 'terminal' | 'transaction' | 'client' | 'dialect' | 'idList';

/** Every breach of the rules in one file's text, as `path:line: code`. */
function breaches(path: string, text: string, rule: Rule): string[] {
  if (under(path, DATA_ACCESS_LAYER)) return [];
  const pattern = {
    terminal: /\.(get|all|run)\(\)/g,
    transaction: /\.transaction\(/g,
    client: /\$client\b/g,
    // Asking which database this is: only the data-access layer does.
    dialect: /\b(isSqlite|sqliteClientOf|TABLES_DIALECT)\b/g,
    // A list built from rows (`rows.map(…)`) has no bound: inList, not inArray (one parameter per value).
    idList: /\binArray\([^,()]+,\s*[\w.]+\.map\(/g,
  }[rule];
  const found: string[] = [];
  for (const match of text.matchAll(pattern)) {
    const at = match.index;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const line = text.slice(lineStart, text.indexOf('\n', at) === -1 ? undefined : text.indexOf('\n', at));
    // Comments may name the methods they forbid.
    const before = line.slice(0, at - lineStart).trim();
    if (/^(\*|\/\*|\/\/)/.test(before) || before.includes('// ')) continue;
    if (sqliteOnly(path)) {
      if (rule === 'client' || rule === 'dialect') continue;
      // better-sqlite3's own calls: a prepared statement, or the connection's transaction.
      const statement = text.slice(text.lastIndexOf(';', at) + 1, at);
      if (rule === 'terminal' && statement.includes('.prepare(')) continue;
      if (rule === 'transaction' && /client$/.test(text.slice(0, at))) continue;
    }
    found.push(`${path}:${text.slice(0, at).split('\n').length}: ${line.trim()}`);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(join(ROOT, 'src')).map((path) => ({ path: relative(ROOT, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));
const all = (rule: Rule): string[] => files.flatMap((f) => breaches(f.path, f.text, rule));

describe('data access is dialect-neutral', () => {
  it('reads the pages and modules under src/', () => {
    expect(files.some((f) => f.path === 'src/server/surveys/surveys.ts')).toBe(true);
    expect(files.some((f) => f.path.endsWith('.astro'))).toBe(true);
  });

  it("no query is ended with SQLite's synchronous .get(), .all() or .run(): it is awaited", () => {
    expect(all('terminal')).toEqual([]);
  });

  it('transactions open only through transaction() of src/server/db/transaction.ts', () => {
    expect(all('transaction')).toEqual([]);
  });

  it('only the data-access layer and SQLite-only tools reach the better-sqlite3 connection ($client)', () => {
    expect(all('client')).toEqual([]);
  });

  it('no module outside the data-access layer asks which database it runs on', () => {
    expect(all('dialect')).toEqual([]);
  });

  it('an id list built from rows goes into a query through inList (src/server/db/in-list.ts), never inArray', () => {
    // Bounded by construction: a wave's weighting margins are a handful of variables.
    const bounded = ['inArray(questions.key, margins.map('];
    expect(all('idList').filter((b) => !bounded.some((p) => b.includes(p)))).toEqual([]);
    expect(breaches('src/server/x.ts', '.where(inArray(t.id, rows.map((r) => r.id)))', 'idList')).toHaveLength(1);
    expect(breaches('src/server/x.ts', '.where(inArray(t.status, [...FIXED]))', 'idList')).toEqual([]);
  });

  it('a query ended with .get() is found, with its file and line, and a Map lookup or Promise.all is not', () => {
    const text = "const kept = cache.get(key);\nconst rows = await Promise.all([a, b]);\nconst row = db.select().from(users).where(eq(users.id, id)).get();\n";
    expect(breaches('src/server/staff/users.ts', text, 'terminal')).toEqual(['src/server/staff/users.ts:3: const row = db.select().from(users).where(eq(users.id, id)).get();']);
    expect(breaches('src/server/staff/users.ts', 'db.transaction((tx) => {});', 'transaction')).toHaveLength(1);
    expect(breaches('src/pages/index.astro', 'db().$client.exec("vacuum");', 'client')).toHaveLength(1);
    expect(breaches('src/server/partnership/areas.ts', 'if (isSqlite(db)) return 1;', 'dialect')).toHaveLength(1);
  });
});
