// @ts-check
/**
 * Lint for the promise mistakes the type checker does not see: a query or
 * other async call whose promise is dropped (it may run after the response,
 * or its error goes unnoticed), a promise used as a condition, an async
 * callback where a sync one is expected. Run by `npm run lint`, part of
 * `npm test`. Style is not linted here; .astro files are checked by
 * `astro check`.
 */
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.astro/**', 'public/**'] },
  {
    files: ['src/**/*.ts', 'tests/**/*.ts', 'db/**/*.ts'],
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
);
