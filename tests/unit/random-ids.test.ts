import { describe, expect, it } from 'vitest';
import { ID_BLOCK_SIZE, randomIdBlock, randomRowId } from '../../db/columns.ts';

describe('random ids', () => {
  it('are positive safe integers spread over 2^53', () => {
    const ids = Array.from({ length: 2000 }, randomRowId);
    for (const id of ids) expect(Number.isSafeInteger(id) && id > 0).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // Spread, not counted up: the largest of 2,000 draws is near the top of the range.
    expect(Math.max(...ids)).toBeGreaterThan(2 ** 52);
  });

  it('hand out blocks whose every id is a safe integer, starting at a random multiple of the block size', () => {
    const starts = Array.from({ length: 2000 }, randomIdBlock);
    for (const start of starts) {
      expect(start % ID_BLOCK_SIZE).toBe(0);
      expect(start).toBeGreaterThan(0);
      expect(Number.isSafeInteger(start + ID_BLOCK_SIZE - 1)).toBe(true);
    }
    expect(new Set(starts).size).toBe(starts.length);
  });
});
