/**
 * The second half of `npm run build` (after `astro build`): the server's own
 * start (start.ts, serve.ts and what they import from src/) compiled to plain
 * JavaScript in dist/node/cli/, which `npm run serve` runs.
 *
 * Why: run from src/, Node strips the TypeScript types itself, and that
 * loads its type stripper (a WebAssembly compiler) into the server for its
 * whole life: 10–20 MB of resident memory at rest at 100,000 rows, measured
 * (README "Performance", session 19). The pages are already JavaScript (dist/server/).
 *
 * serve.ts is bundled with its imports from src/, packages left to Node
 * (`packages: 'external'`: one copy of drizzle-orm, h3-js, … shared with the
 * pages). start.ts is only compiled: it registers Node's module hooks before
 * anything else loads, then imports serve.mjs beside it.
 *
 * The output folder is as deep as src/server/cli/ (three folders under the
 * project), because the server finds the migrations and dist/ by paths
 * relative to its own file (`new URL('../../../db/migrations',
 * import.meta.url)` in src/server/db/migrate.ts and others); bundled into
 * one file those paths must mean the same.
 */
import { build, type BuildOptions } from 'esbuild';
import { dirname, relative, resolve } from 'node:path';
import { ROOT, serveCommand } from './built-server.ts';

const start = resolve(ROOT, serveCommand().script);
const outdir = dirname(start);
const depth = (dir: string) => relative(ROOT, dir).split(/[\\/]/).length;
if (depth(outdir) !== depth(import.meta.dirname)) {
  throw new Error(`${relative(ROOT, start)} must be ${depth(import.meta.dirname)} folders deep, like src/server/cli/ (see bundle.ts)`);
}

const common: BuildOptions = {
  platform: 'node',
  format: 'esm',
  target: 'node24',
  outdir,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
  legalComments: 'none',
};
await build({ ...common, entryPoints: [resolve(import.meta.dirname, 'serve.ts')], bundle: true, packages: 'external' });
await build({ ...common, entryPoints: [resolve(import.meta.dirname, 'start.ts')], bundle: false });
process.stdout.write(`Server start compiled to ${relative(ROOT, outdir)}/\n`);
