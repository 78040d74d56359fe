/**
 * The layer boundaries written in tests/eslint.config.mjs are enforced by
 * `npm run lint` (part of `npm test`); this proves each one catches what it
 * is for, and lets through what is allowed, by linting small texts as if
 * they were files of each layer.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

/** The boundary messages for `code` linted as the file at `path` (an existing file, so the TypeScript project knows it). */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('the linter enforces the boundaries between src/ layers', () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT, overrideConfigFile: `${ROOT}tests/eslint.config.mjs` });
  });

  it('src/lib imports neither src/server nor db/ values nor a database driver; row types and src/lib/domain.ts are fine', async () => {
    const lib = 'src/lib/format.ts';
    expect(await boundaryErrors(lib, "import { db } from '../server/db/index.ts';\nexport const x = db;\n")).toHaveLength(1);
    expect(await boundaryErrors(lib, "import type { Queryable } from '../server/db/connection.ts';\nexport type X = Queryable;\n")).toHaveLength(1);
    expect(await boundaryErrors(lib, "import { reports } from '../../db/schema.ts';\nexport const x = reports;\n")).toHaveLength(1);
    expect(await boundaryErrors(lib, "import { ROLES } from '../../db/schema.ts';\nexport const x = ROLES;\n")).toHaveLength(1);
    expect(await boundaryErrors(lib, "import { sql } from 'drizzle-orm';\nexport const x = sql;\n")).toHaveLength(1);
    expect(await boundaryErrors(lib, "import type { Report } from '../../db/schema.ts';\nimport { ROLES } from './domain.ts';\nexport type X = Report;\nexport const y = ROLES;\n")).toEqual([]);
  }, 60_000);

  it('pages and components do not query: no drizzle, no tables, no data-access module but the db() handle', async () => {
    const page = 'src/pages/kort.astro';
    const astro = (imports: string) => `---\n${imports}\n---\n<p>x</p>\n`;
    expect(await boundaryErrors(page, astro("import { eq } from 'drizzle-orm';\nconst x = eq;"))).toHaveLength(1);
    expect(await boundaryErrors(page, astro("import { reports } from '../../db/schema.ts';\nconst x = reports;"))).toHaveLength(1);
    expect(await boundaryErrors(page, astro("import { eraseRemnants } from '../server/db/remnants.ts';\nconst x = eraseRemnants;"))).toHaveLength(1);
    expect(await boundaryErrors(page, astro("import { db } from '../server/db/index.ts';\nimport type { Area } from '../../db/schema.ts';\nimport { REPORTER_TYPES } from '../lib/domain.ts';\nconst x: Area[] = []; const y = [db, REPORTER_TYPES, x];"))).toEqual([]);
  }, 60_000);

  it('code that runs in the browser imports nothing server-side', async () => {
    const page = 'src/pages/kort.astro';
    const withScript = (code: string) => `---\n---\n<p>x</p>\n<script>\n${code}\n</script>\n`;
    expect(await boundaryErrors(page, withScript("import { config } from '../server/platform/config.ts';\nconsole.log(config);"))).toHaveLength(1);
    expect(await boundaryErrors(page, withScript("import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);"))).toHaveLength(1);
    expect(await boundaryErrors(page, withScript("import { formatPoint } from '../lib/places.ts';\nconsole.log(formatPoint);"))).toEqual([]);
    const island = 'src/components/map/PlacePicker.svelte';
    const svelte = (code: string) => `<script lang="ts">\n${code}\n</script>\n<p>{x}</p>\n`;
    expect(await boundaryErrors(island, svelte("import { listPlaces } from '../../server/partnership/places.ts';\nconst x = listPlaces;"))).toHaveLength(1);
    expect(await boundaryErrors(island, svelte("import type { Report } from '../../../db/schema.ts';\nimport { formatPoint } from '../../lib/places.ts';\nconst x: Report | typeof formatPoint = formatPoint;"))).toEqual([]);
  }, 60_000);
});
