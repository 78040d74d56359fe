/**
 * Holds src/ to the disclosure rule's one home (README "Disclosure control"):
 * a query that counts or sums rows for display carries the cell key of what
 * it counts (`cellKeySum` from src/server/disclosure/keys.ts), which is what
 * the engine needs to publish the figure, and the engine's types
 * (`Cell.ck`) make a count without its key unpublishable. Counting that
 * shows nothing to anyone (seeding decisions, backups, the benchmark, staff
 * queue sizes) is listed below with its reason, and a cache's change stamp
 * says `not for display:` in its statement. Reads the source text: a new
 * module is checked without being listed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The engine and its I/O: where counting for display is done. */
const ENGINE = ['src/lib/disclosure/', 'src/server/disclosure/'];

/** Counts that are not published figures, with why. */
const NOT_FOR_DISPLAY: Record<string, string> = {
  'src/server/db/': 'the data-access layer: migration state and copy verification',
  'src/server/seed/': 'decides whether a table is empty before seeding',
  'src/server/bench/large-data.ts': 'refuses to add benchmark data to a database with real responses or reports (seed:large)',
  'src/server/cli/bench.ts': 'the benchmark checks that every acknowledged post was stored',
  'src/server/cli/backup.ts': 'the backup compares row counts of the copy with the original',
  'src/server/content/comments.ts': 'the number of comments waiting for moderation: the size of a staff work queue, not a figure about residents',
  'src/server/reports/queue.ts': 'the number of reports in each status tab of the staff moderation queue (tabs and paging): the size of a staff work queue, shown only to moderators, not a published figure',
  'src/server/cli/seed-large.ts': 'reads its command line (a local function named count)',
};

const under = (path: string, prefix: string): boolean => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix);

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return files(path);
    return /\.(ts|astro)$/.test(e.name) ? [path] : [];
  });
}

/** Aggregations in one file's text that carry no cell key, as `path:line: code`. */
function uncounted(path: string, text: string): string[] {
  if ([...ENGINE, ...Object.keys(NOT_FOR_DISPLAY)].some((prefix) => under(path, prefix))) return [];
  const found: string[] = [];
  // drizzle's count()/countDistinct()/sum(), and count(…)/sum(…) written in SQL.
  for (const match of text.matchAll(/(?<![.\w]|function )(count|countDistinct|sum|sumDistinct)\(|\b(count|sum)\s*\(\s*(\*|distinct|\$\{)/gi)) {
    const at = match.index;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const lineEnd = text.indexOf('\n', at);
    const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    const before = line.slice(0, at - lineStart).trim();
    if (/^(\*|\/\*|\/\/)/.test(before)) continue;
    // The statement the aggregation is part of: from the previous `;` to the next.
    const start = text.lastIndexOf(';', at) + 1;
    const end = text.indexOf(';', at);
    const statement = text.slice(start, end === -1 ? undefined : end);
    // A count that is not shown to anyone (a cache's change stamp) says so where it is made.
    if (statement.includes('cellKeySum(') || statement.includes('not for display:')) continue;
    found.push(`${path}:${text.slice(0, at).split('\n').length}: ${line.trim()}`);
  }
  return found;
}

describe('every count for display carries its cell key to the disclosure engine', () => {
  it('no module outside the engine counts rows without the cell key of what it counts', () => {
    const breaches = files('src')
      .map((p) => relative(ROOT, join(ROOT, p)).split(sep).join('/'))
      .flatMap((p) => uncounted(p, readFileSync(join(ROOT, p), 'utf8')));
    expect(breaches).toEqual([]);
  });

  it('the check sees a count without its key', () => {
    expect(uncounted('src/server/example.ts', 'const rows = await db.select({ n: count() }).from(reports);')).toHaveLength(1);
    expect(uncounted('src/server/example.ts', 'const rows = await db.select({ n: count(), ck: cellKeySum(reports.cellKey) }).from(reports);')).toEqual([]);
    expect(uncounted('src/server/example.ts', 'const [r] = await rawRows(db, sql`select count(*) as n from responses`);')).toHaveLength(1);
    expect(uncounted('src/server/seed/example.ts', 'const rows = await db.select({ n: count() }).from(reports);')).toEqual([]);
    expect(uncounted('src/server/example.ts', 'const [stamp] = await db /* not for display: a cache stamp */ .select({ n: count(), last: max(responses.id) }).from(responses);')).toEqual([]);
    expect(uncounted('src/pages/example.astro', '<p>{m.count(list.length)}</p>')).toEqual([]);
  });
});
