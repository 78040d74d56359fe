/**
 * `npm start` / `npm run serve`: prepares Node's module loading, then starts
 * the server (serve.ts). `npm run serve` runs it as built into
 * dist/node/cli/start.mjs (bundle.ts). Two start-up costs are cut so that a server
 * restarted after a crash answers again within two seconds:
 *
 * - the compile cache keeps the compiled code between starts;
 * - drizzle-orm's few hundred files each made Node deserialize the package's
 *   178 KB package.json again to learn their module format (0.4 s of a
 *   start-up CPU profile on Node 24.21). The package is all ES modules, so
 *   its relative imports are resolved here directly, without that lookup.
 */
import module from 'node:module';

module.enableCompileCache?.();

const DRIZZLE = '/node_modules/drizzle-orm/';
module.registerHooks({
  resolve(specifier, context, nextResolve) {
    if ((specifier.startsWith('./') || specifier.startsWith('../')) && specifier.endsWith('.js') && context.parentURL?.includes(DRIZZLE)) {
      return { url: new URL(specifier, context.parentURL).href, format: 'module', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});

// Built (`npm run build`: dist/node/cli/start.mjs), serve.mjs beside it is the
// bundled server (bundle.ts); run from src/ by hand (node src/server/cli/start.ts), serve.ts.
const serve = import.meta.url.endsWith('.ts') ? './serve.ts' : './serve.mjs';
await import(serve);
