/**
 * The analysis pages' kept answers (src/server/dashboard/answers.ts): at most
 * CACHED_AREAS areas per database, and at most CACHED_AREA_BYTES together,
 * the least recently used going first and the one just used always kept.
 */
import { describe, expect, it } from 'vitest';
import { CACHED_AREAS, entryBytes, evictAreas, type AreaEntry } from '../../src/server/dashboard/answers.ts';

/** An entry of `respondents` respondents with one answer each, in a column of one value. */
function entry(respondents: number): AreaEntry {
  const ids = Array.from({ length: respondents }, (_, i) => i + 1);
  return {
    fingerprint: `${respondents}:${respondents}`,
    respondents: ids,
    keys: ids.map((id) => id * 7),
    columns: new Map([['1:', { at: Int32Array.from(ids, (_, i) => i), codes: new Uint32Array(respondents), dict: ['safe'] }]]),
    loaded: new Set([1]),
    weighting: undefined,
    memo: { u: new Map(), w: new Map() },
  };
}

describe('the kept areas of the analysis pages', () => {
  it('counts an entry by its arrays and texts', () => {
    // 16 bytes a respondent (id and key), 8 bytes an answer (position and code), 2 bytes a character.
    expect(entryBytes(entry(1000))).toBe(1000 * 16 + 1000 * 8 + 2 * 'safe'.length);
  });

  it(`keeps at most ${CACHED_AREAS} areas, the least recently used going first`, () => {
    const areas = new Map<string, AreaEntry>();
    for (let i = 0; i <= CACHED_AREAS; i++) {
      areas.set(`area-${i}`, entry(10));
      evictAreas(areas);
    }
    expect(areas.size).toBe(CACHED_AREAS);
    expect(areas.has('area-0')).toBe(false);
    expect(areas.has(`area-${CACHED_AREAS}`)).toBe(true);
  });

  it('keeps the areas within the byte bound, dropping the oldest first, and always the newest', () => {
    const perEntry = entryBytes(entry(1000));
    const areas = new Map<string, AreaEntry>([
      ['a', entry(1000)],
      ['b', entry(1000)],
      ['c', entry(1000)],
    ]);
    // Room for two: the oldest goes.
    evictAreas(areas, 2 * perEntry + 1);
    expect([...areas.keys()]).toEqual(['b', 'c']);
    // One larger than the bound by itself: the others go, it stays.
    areas.set('big', entry(5000));
    evictAreas(areas, 2 * perEntry + 1);
    expect([...areas.keys()]).toEqual(['big']);
  });
});
