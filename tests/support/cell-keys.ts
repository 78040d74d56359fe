/**
 * Record keys for tests of published counts (src/lib/disclosure/perturbation.ts).
 *
 * Tests that insert reports directly set `cell_key` themselves, so the
 * noise of every cell they read is known in advance: the expected figure is
 * then publishCount(n, addKeys(...keys), K), exactly as the engine computes
 * it, and a test can choose the noise a cell gets (say +1, or −1 so that a
 * count of K falls below K and is hidden) by choosing one of its keys.
 */
import { addKeys, DEFAULT_NOISE, KEY_RANGE, noiseDistribution, noiseFor } from '../../src/lib/disclosure/index.ts';

/** `n` deterministic record keys in [1, 2³¹) from a seed (a 32-bit LCG; no two seeds alike). */
export function recordKeys(seed: number, n: number): number[] {
  let state = (seed >>> 0) || 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out.push(1 + (state % (KEY_RANGE - 1)));
  }
  return out;
}

/**
 * A record key that, added to a cell whose key so far is `cellKeySoFar`,
 * gives the cell the noise `noise` (−D…D): the new cell key lands in the
 * middle of that noise's band of the perturbation table.
 */
export function keyForNoise(cellKeySoFar: number, noise: number): number {
  const p = noiseDistribution(DEFAULT_NOISE);
  const index = noise + DEFAULT_NOISE.maxNoise;
  if (!Number.isInteger(index) || index < 0 || index >= p.length) throw new Error(`no noise ${noise} in the table`);
  const below = p.slice(0, index).reduce((s, x) => s + x, 0);
  const target = Math.floor((below + p[index]! / 2) * KEY_RANGE);
  let key = (((target - cellKeySoFar) % KEY_RANGE) + KEY_RANGE) % KEY_RANGE;
  if (key === 0) key = 1;
  const got = noiseFor(addKeys(cellKeySoFar, key));
  if (got !== noise) throw new Error(`keyForNoise: wanted ${noise}, the table gives ${got}`);
  return key;
}
