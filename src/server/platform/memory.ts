/**
 * The end of the start-up preparation, and the memory it used given back.
 *
 * After a start the server prepares the public map and works out the
 * dashboard front's closed-wave figures in the background
 * (src/server/cli/serve.ts). Reading every response once leaves V8's heap
 * grown to about 130 MB with some 50 MB of it alive (100,000 responses,
 * measured), and V8 keeps a grown heap while the process is idle: Node
 * sends it no idle-time signal, so the server would sit at that size and
 * start every later load from it. One full collection when the preparation
 * is done gives back about 85 MB at 100,000 responses (README
 * "Performance").
 *
 * The collection needs Node's `--expose-gc` flag, which `npm run serve` (and
 * so `npm start`) passes with the heap limits; a server started without it
 * skips the collection and nothing else changes.
 */
import { logger } from './logger.ts';

/**
 * The log message that says the start-up preparation is done (with the
 * resident size before and after the collection). The benchmark waits for
 * it before it measures (src/server/cli/bench.ts).
 */
export const PREPARATION_DONE = 'start-up preparation done';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * Collects all the garbage V8 can find (the "last resort" kind: it also
 * shrinks the heap's spaces), once, then logs PREPARATION_DONE. Takes about
 * 150 ms at 100,000 responses, after the server already answers.
 */
export function finishPreparation(): void {
  const gc = (globalThis as { gc?: Collect }).gc;
  const mb = (bytes: number) => Math.round(bytes / 1_048_576);
  const before = process.memoryUsage.rss();
  const started = performance.now();
  if (typeof gc === 'function') gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  logger.info(
    { collected: typeof gc === 'function', rssMbBefore: mb(before), rssMbAfter: mb(process.memoryUsage.rss()), ms: Math.round(performance.now() - started) },
    PREPARATION_DONE,
  );
}
