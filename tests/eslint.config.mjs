// @ts-check
/**
 * Lint, run by `npm run lint` (part of `npm test`), for two things the type
 * checker does not see. Style is not linted here (.astro types are checked
 * by `astro check`).
 *
 * 1. Promise mistakes: a query or other async call whose promise is dropped
 *    (it may run after the response, or its error goes unnoticed), a promise
 *    used as a condition, an async callback where a sync one is expected.
 * 2. The boundaries between the layers of src/ (README "Where things live"):
 *    - src/lib is pure rules: it imports neither src/server nor db/ (row
 *      types from db/schema.ts as `import type` only; enumerations
 *      and stored JSON shapes come from src/lib/domain.ts), nor a database
 *      driver or the logger;
 *    - pages, layouts and components do not query: no drizzle-orm, no
 *      tables or other db/ modules (row types as `import type` only), and
 *      of the data-access layer only the handle `db()` from
 *      src/server/db/index.ts, which they pass to src/server's functions;
 *    - code that runs in the browser (the Svelte island, an .astro file's
 *      <script>) imports nothing server-side and nothing from db/ but types.
 * 3. The data-access rules of src/server/db/connection.ts, so the app runs on
 *    PostgreSQL as well as on SQLite. Outside the data-access layer
 *    (src/server/db/):
 *    - a drizzle query is awaited, never run with SQLite's synchronous
 *      `.get()/.all()/.run()/.values()`, and transactions open through
 *      `transaction()`, not drizzle's `.transaction()` (a rule that asks the
 *      types whether the method is drizzle's: tests/eslint-rules/);
 *    - nothing reaches the database connection (`$client`) or asks which
 *      database it runs on, except the SQLite-only tools listed below;
 *    - an id list built from rows goes through inList, not inArray.
 */
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';
import dialectNeutralQueries from './eslint-rules/dialect-neutral-queries.mjs';

/** Database drivers, the query builder and the logger: server-side only. */
const SERVER_PACKAGES = {
  group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3', 'pg', 'pino', 'pino-*'],
  message: 'Queries and logging live in src/server; call a function there instead.',
};
/** Row types may be imported from the documented schema, never values (the tables or the environment it reads). */
const ROW_TYPES_ONLY = {
  regex: '^(\\.\\./)+db/schema\\.ts$',
  allowTypeImports: true,
  message: 'Only row types (import type) come from db/; enumerations and JSON shapes are in src/lib/domain.ts, tables in src/server.',
};
/** Any other db/ module (seed, migrations, the kit the schema is written with). */
const OTHER_DB = {
  regex: '^(\\.\\./)+db/(?!schema\\.ts$)',
  message: 'db/ is the schema and its migrations; the app reaches the database through src/server.',
};

const boundaries = {
  lib: [
    SERVER_PACKAGES,
    ROW_TYPES_ONLY,
    OTHER_DB,
    { regex: '(^|/)server/', message: 'src/lib is pure rules: it does not import src/server (move the shared type or constant into src/lib).' },
  ],
  pages: [
    SERVER_PACKAGES,
    ROW_TYPES_ONLY,
    OTHER_DB,
    { regex: '(^|/)server/db/(?!index\\.ts$)', message: 'Pages get the handle db() from src/server/db/index.ts and pass it to a src/server function; they do not use the data-access layer themselves.' },
  ],
  browser: [
    SERVER_PACKAGES,
    ROW_TYPES_ONLY,
    OTHER_DB,
    { regex: '(^|/)server/', message: 'Code that runs in the browser imports nothing from src/server.' },
    { group: ['node:*'], message: 'Code that runs in the browser cannot use Node modules.' },
  ],
};
/** The data-access layer: the one place that knows which database it runs on. */
const DATA_ACCESS_LAYER = 'src/server/db/**';
/**
 * SQLite-only tools, which may use the better-sqlite3 connection, its
 * prepared statements and its transactions: the benchmark (bulk loading,
 * cloning drafts, the minimal server), the seeding of its database, and the
 * online backup of the database file.
 */
const SQLITE_ONLY = ['src/server/bench/**', 'src/server/cli/bench.ts', 'src/server/cli/backup.ts', 'src/server/cli/seed-large.ts'];

/** Selectors of no-restricted-syntax, each with the reason the linter gives. */
const dataAccess = {
  client: {
    selector: "MemberExpression[property.name='$client']",
    message: 'Only the data-access layer (src/server/db/) and the SQLite-only tools reach the database connection ($client): call a function of src/server/db/ instead.',
  },
  dialect: {
    selector: 'ImportSpecifier[imported.name=/^(isSqlite|sqliteClientOf|TABLES_DIALECT)$/]',
    message: 'Only the data-access layer asks which database it runs on: write the query for both, or put the fragment that differs in src/server/db/raw.ts.',
  },
  idList: {
    selector: "CallExpression[callee.name='inArray'] > CallExpression[callee.property.name='map']",
    message: 'A list built from rows has no bound, and inArray takes a parameter per value: use inList (src/server/db/in-list.ts).',
  },
  // .astro frontmatter has no type information for the drizzle rule: the same rules by their shape.
  terminal: {
    selector: "CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(get|all|run)$/]",
    message: 'Queries are awaited, never run with SQLite-only .get(), .all() or .run(); and pages do not query (call a src/server function).',
  },
  transaction: {
    selector: "CallExpression > MemberExpression.callee[property.name='transaction']",
    message: 'Transactions open in src/server through transaction() of src/server/db/transaction.ts.',
  },
};

/**
 * @param {object[]} patterns
 * @returns {import('eslint').Linter.RulesRecord}
 */
const restrict = (patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.astro/**', 'public/**'] },
  {
    files: ['src/**/*.ts', 'tests/**/*.ts', 'db/**/*.ts'],
    // An .astro file's <script> is linted as a virtual file (below), which the TypeScript project does not know.
    ignores: ['**/*.astro/**'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: fileURLToPath(new URL('..', import.meta.url)) },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  ...astro.configs.base,
  ...svelte.configs.base,
  { files: ['**/*.svelte'], languageOptions: { parserOptions: { parser: tseslint.parser } } },
  { plugins: { '@typescript-eslint': tseslint.plugin } },
  { files: ['src/lib/**/*.ts'], rules: restrict(boundaries.lib) },
  { files: ['src/pages/**/*.ts', 'src/pages/**/*.astro', 'src/layouts/**/*.astro', 'src/components/**/*.astro', 'src/components/**/*.ts'], rules: restrict(boundaries.pages) },
  { files: ['**/*.astro/*.ts', '**/*.astro/*.js', 'src/components/**/*.svelte'], rules: restrict(boundaries.browser) },
  {
    files: ['src/**/*.ts'],
    ignores: [DATA_ACCESS_LAYER, '**/*.astro/**'],
    plugins: { tryghed: { rules: { 'dialect-neutral-queries': dialectNeutralQueries } } },
    rules: { 'tryghed/dialect-neutral-queries': 'error' },
  },
  { files: ['src/**/*.ts'], ignores: [DATA_ACCESS_LAYER, ...SQLITE_ONLY], rules: { 'no-restricted-syntax': ['error', dataAccess.client, dataAccess.dialect, dataAccess.idList] } },
  { files: SQLITE_ONLY, rules: { 'no-restricted-syntax': ['error', dataAccess.idList] } },
  {
    files: ['src/**/*.astro'],
    rules: { 'no-restricted-syntax': ['error', dataAccess.client, dataAccess.dialect, dataAccess.idList, dataAccess.terminal, dataAccess.transaction] },
  },
);
