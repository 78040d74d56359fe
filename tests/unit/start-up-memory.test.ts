/**
 * The memory the start-up preparation used is given back
 * (src/server/platform/memory.ts): one full collection of the "last resort"
 * kind when Node exposes gc, and none otherwise; and `npm run serve` starts
 * Node so that it does (--expose-gc, the heap limits, two malloc arenas, a
 * fixed mmap threshold),
 * the way the benchmark reads it, on the start compiled to JavaScript (so
 * Node's type stripper is never loaded into the server: bundle.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, serveCommand } from '../../src/server/cli/built-server.ts';
import { finishPreparation } from '../../src/server/platform/memory.ts';

const scope = globalThis as { gc?: unknown };
const exposed = scope.gc;
afterEach(() => {
  scope.gc = exposed;
});

describe('finishing the start-up preparation', () => {
  it('collects all the garbage V8 can find, once, when gc is exposed', () => {
    const calls: unknown[] = [];
    scope.gc = (options: unknown) => calls.push(options);
    finishPreparation();
    expect(calls).toEqual([{ type: 'major', execution: 'sync', flavor: 'last-resort' }]);
  });

  it('does nothing but log when Node was started without --expose-gc', () => {
    delete scope.gc;
    expect(() => finishPreparation()).not.toThrow();
  });
});

describe('how npm run serve starts the server', () => {
  it('exposes gc, bounds the heap and limits malloc arenas, as the benchmark reads them', () => {
    const { env, nodeFlags } = serveCommand();
    expect(env).toEqual({ MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' });
    expect(nodeFlags).toContain('--expose-gc');
    expect(nodeFlags.some((f) => /^--max-old-space-size=\d+$/.test(f))).toBe(true);
    expect(nodeFlags.some((f) => /^--max-semi-space-size=\d+$/.test(f))).toBe(true);
  });
});

describe('the built start (npm run build: src/server/cli/bundle.ts)', () => {
  it('is plain JavaScript that loads no TypeScript file, with the server bundled beside it', () => {
    const { script } = serveCommand();
    expect(script).toBe('dist/node/cli/start.mjs');
    const start = readFileSync(resolve(ROOT, script), 'utf8');
    const serve = readFileSync(resolve(dirname(resolve(ROOT, script)), 'serve.mjs'), 'utf8');
    expect(start).toContain('"./serve.mjs"');
    // Every import of the bundle is a package or a Node module, never a file of src/.
    const specifiers = [...serve.matchAll(/(?:^|\n)\s*import\s[^;]*?from\s*["']([^"']+)["']/g), ...serve.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    expect(specifiers.length).toBeGreaterThan(5);
    expect(specifiers.filter((s) => s.endsWith('.ts') || s.startsWith('.'))).toEqual([]);
    expect(serve).toContain('start-up preparation done');
  });
});
