/**
 * Every wide table's scrolling box is a TableBox (src/components/TableBox.astro),
 * so each is a named region the keyboard can reach: no page writes the box's
 * class by hand, where a label or the tabindex could be forgotten. (The
 * browser tests check the result at 320 px: sidewaysOverflow's `unreachable`.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
const files = (readdirSync(SRC, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
  .filter((d) => d.isFile() && d.name.endsWith('.astro'))
  .map((d) => join(d.parentPath, d.name));

describe("tables' scrolling boxes", () => {
  it('are made by TableBox only', () => {
    expect(files.length).toBeGreaterThan(50);
    const byHand = files.filter((f) => !f.endsWith('TableBox.astro') && /class="table-wrap/.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    expect(byHand).toEqual([]);
    expect(files.filter((f) => readFileSync(f, 'utf8').includes('<TableBox ')).length).toBeGreaterThan(15);
  });
});
