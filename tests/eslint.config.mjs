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
 */
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';

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
);
