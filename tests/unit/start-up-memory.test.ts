/**
 * The memory the start-up preparation used is given back
 * (src/server/platform/memory.ts): one full collection of the "last resort"
 * kind when Node exposes gc, and none otherwise; and `npm run serve` starts
 * Node so that it does (--expose-gc, the heap limits, two malloc arenas),
 * the way the benchmark reads it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/server/bench/processes.ts';
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
    expect(env).toEqual({ MALLOC_ARENA_MAX: '2' });
    expect(nodeFlags).toContain('--expose-gc');
    expect(nodeFlags.some((f) => /^--max-old-space-size=\d+$/.test(f))).toBe(true);
    expect(nodeFlags.some((f) => /^--max-semi-space-size=\d+$/.test(f))).toBe(true);
  });
});
