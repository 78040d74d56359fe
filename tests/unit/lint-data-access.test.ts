/**
 * The data-access rules written at the top of src/server/db/connection.ts
 * (so the app runs on PostgreSQL as well as on SQLite) are enforced by
 * `npm run lint` (part of `npm test`, see tests/eslint.config.mjs); this
 * proves each rule catches what it is for and lets through what is allowed,
 * by linting small texts as if they were files of the app.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import type { Queryable } from '../../src/server/db/connection.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

const RULES = ['tryghed/dialect-neutral-queries', 'no-restricted-syntax'];

/** The data-access messages for `code` linted as the file at `path` (an existing file, so the TypeScript project knows it), as `line: rule`. */
async function breaches(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  const messages = result?.messages ?? [];
  // A parse or type error in the snippet would pass every rule silently.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => RULES.includes(m.ruleId ?? '')).map((m) => `${m.line}: ${m.ruleId}`);
}

/** A module of src/server that queries through the Queryable handle. */
const MODULE = 'src/server/staff/users.ts';
const head = [
  "import { eq, inArray, sql } from 'drizzle-orm';",
  "import { users } from '../../../db/schema.ts';",
  "import type { Queryable } from '../db/connection.ts';",
].join('\n');

describe('the linter holds src/ to the data-access rules', () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT, overrideConfigFile: `${ROOT}tests/eslint.config.mjs` });
  });

  it("a drizzle query run with SQLite's synchronous .get(), .all(), .run() or .values() is found, with its line, whatever the handle is called", async () => {
    const code = `${head}
export async function one(q: Queryable) {
  return q.select().from(users).where(eq(users.id, 1)).get();
}
export async function many(handle: Queryable) {
  const rows = handle.select().from(users).all();
  handle.update(users).set({ name: 'x' }).run();
  handle.select().from(users).values();
  return rows;
}
`;
    expect(await breaches(MODULE, code)).toEqual([
      '5: tryghed/dialect-neutral-queries',
      '8: tryghed/dialect-neutral-queries',
      '9: tryghed/dialect-neutral-queries',
      '10: tryghed/dialect-neutral-queries',
    ]);
  }, 60_000);

  it('an awaited query, an insert with .values(rows), a Map, Object.values and Promise.all pass', async () => {
    const code = `${head}
export async function fine(q: Queryable, kept: Map<string, number>) {
  const [row] = await q.select().from(users).where(eq(users.id, 1)).limit(1);
  await q.insert(users).values({ email: 'a@example.org', displayName: 'A', role: 'editor', passwordHash: 'x' });
  const all = await Promise.all([q.select().from(users)]);
  return [row, all, kept.get('x'), Object.values({ a: 1 })];
}
`;
    expect(await breaches(MODULE, code)).toEqual([]);
  }, 60_000);

  it("a transaction opens through transaction(), never drizzle's .transaction(), even on a handle typed as drizzle's own", async () => {
    const code = `${head}
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
export async function both(q: BaseSQLiteDatabase<'async', unknown>, r: Queryable) {
  await q.transaction(async (tx) => tx.select().from(users));
  await q.run(sql\`select 1\`);
  return r;
}
`;
    expect(await breaches(MODULE, code)).toEqual(['6: tryghed/dialect-neutral-queries', '7: tryghed/dialect-neutral-queries']);
  }, 60_000);

  it("the data-access type itself has none of the database's SQLite-only methods (checked by tsc in npm run check)", () => {
    const uses = (q: Queryable) => [
      // @ts-expect-error SQLite only: a raw statement goes through rawRun (src/server/db/raw.ts)
      () => q.run(sql`select 1`),
      // @ts-expect-error SQLite only: rawRows
      () => q.all(sql`select 1`),
      // @ts-expect-error SQLite only: rawRow
      () => q.get(sql`select 1`),
      // @ts-expect-error transactions open through transaction() of src/server/db/transaction.ts
      () => q.transaction(async () => {}),
      // @ts-expect-error the connection is the data-access layer's
      () => q.$client,
      () => q.select().from(users),
    ];
    expect(uses).toBeTypeOf('function');
  });

  it('outside the data-access layer nothing reaches $client or asks which database it is; SQLite-only tools may', async () => {
    const client = `import { db } from '../db/index.ts';\nexport const c = (db() as unknown as { $client: unknown }).$client;\n`;
    expect(await breaches(MODULE, client)).toEqual(['2: no-restricted-syntax']);
    const dialect = `import { isSqlite } from '../db/transaction.ts';\nexport const s = isSqlite;\n`;
    expect(await breaches(MODULE, dialect)).toEqual(['1: no-restricted-syntax']);
    // The benchmark's bulk loading runs better-sqlite3 statements on its own connection.
    const tool = `import { openDatabase } from '../db/connection.ts';\nconst client = openDatabase('x.sqlite').$client;\nexport const n = client.prepare('select 1').get();\nexport const t = client.transaction(() => 1);\n`;
    expect(await breaches('src/server/bench/large-data.ts', tool)).toEqual([]);
    // The data-access layer itself is where the database is known.
    expect(await breaches('src/server/db/raw.ts', `${dialect}export const c = ({} as { $client: unknown }).$client;\n`)).toEqual([]);
  }, 60_000);

  it('an id list built from rows goes through inList, never inArray; a fixed list is fine', async () => {
    const code = `${head}
export async function ids(q: Queryable, rows: { id: number }[]) {
  await q.select().from(users).where(inArray(users.id, rows.map((r) => r.id)));
  await q.select().from(users).where(inArray(users.role, ['admin', 'editor']));
}
`;
    expect(await breaches(MODULE, code)).toEqual(['5: no-restricted-syntax']);
  }, 60_000);

  it('pages (no type information in .astro) are held to the same rules by their shape', async () => {
    const page = 'src/pages/kort.astro';
    const astro = (code: string) => `---\nimport { db } from '../server/db/index.ts';\n${code}\n---\n<p>x</p>\n`;
    expect(await breaches(page, astro('const row = (db() as any).select().get();'))).toEqual(['3: no-restricted-syntax']);
    expect(await breaches(page, astro('await (db() as any).transaction(async () => {});'))).toEqual(['3: no-restricted-syntax']);
    expect(await breaches(page, astro('const c = (db() as any).$client;'))).toEqual(['3: no-restricted-syntax']);
    expect(await breaches(page, astro("const kept = new Map<string, number>(); const k = kept.get('x'); const d = db();"))).toEqual([]);
  }, 60_000);
});
