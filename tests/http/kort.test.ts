/**
 * The public map of reports (/kort) over plain HTTP: a hexagon with fewer
 * than K moderated reports is not in the map, the table or the area total
 * that could give it away; with enough that its published (perturbed) count
 * is at least K, it is. Reports are crafted in the test database of a server
 * of the test's own, with record keys chosen by the test, and a release is
 * made after each change (the map shows the newest release, never live
 * data); the expected figures are publishCount of those keys.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areas, reportCategories, reports } from '../../db/schema.ts';
import { addKeys, publishCount } from '../../src/lib/disclosure/index.ts';
import type { Db } from '../../src/server/db/connection.ts';
import { closeServerDatabase, serverDatabase } from '../support/server-db.ts';
import { makeReportRelease } from '../../src/server/disclosure/releases.ts';
import { keyForNoise, recordKeys } from '../support/cell-keys.ts';
import { startServer, type RunningServer } from '../support/server.ts';

// A server of its own: the differencing rules look at every report in an
// area, so reports other tests post to the shared server would change what
// may be shown here.
let server: RunningServer;
let base: string;
/** Near Assistens Kirkegård, in Indre Nørrebro. */
const POINT = { lat: 55.6912, lon: 12.549 };
const CELL = latLngToCell(POINT.lat, POINT.lon, 9);
const FILTER = '?kategori=lighting&periode=all&melder=visitor';
/** The server's K (PRIVACY_K's default). */
const K = 5;

let db: Db;
let categoryId: number;
let areaId: number;

/** The record keys of the moderated reports in CELL, in the order they were added. */
const cellKeys: number[] = [];
let added = 0;

async function addReports(n: number, status: 'forwarded' | 'received' | 'rejected' = 'forwarded', keys = recordKeys(100 + added, n)): Promise<void> {
  for (let i = 0; i < n; i++) {
    added += 1;
    if (status === 'forwarded') cellKeys.push(keys[i]!);
    await db.insert(reports)
      .values({
        receipt: randomBytes(12).toString('base64url'),
        cellKey: keys[i]!,
        categoryId,
        // Spread within a few metres: all in one hexagon.
        lat: POINT.lat + i * 0.00001,
        lon: POINT.lon,
        areaId,
        timeOfDay: 'night',
        reporterType: 'visitor',
        status,
        createdOn: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date()),
        description: 'HEMMELIG-BESKRIVELSE',
        demo: false,
      });
  }
}

async function page(path: string): Promise<string> {
  const res = await fetch(base + path);
  expect(res.status).toBe(200);
  // Astro's scoping attributes are not part of what is asserted.
  return (await res.text()).replace(/ data-astro-cid-\w+/g, '');
}

const areaCell = (html: string) => /<tr data-area="indre-norrebro">.*?<td>(.*?)<\/td>/s.exec(html)?.[1];

beforeAll(async () => {
  server = await startServer();
  base = server.url;
  db = serverDatabase(server.dbPath);
  categoryId = (await db.select().from(reportCategories).where(eq(reportCategories.slug, 'lighting')).limit(1))[0]!.id;
  areaId = (await db.select().from(areas).where(eq(areas.slug, 'indre-norrebro')).limit(1))[0]!.id;
  for (let i = 0; i < 5; i++) expect(latLngToCell(POINT.lat + i * 0.00001, POINT.lon, 9)).toBe(CELL);
}, 60_000);

afterAll(async () => {
  if (server) await closeServerDatabase(server.dbPath);
  await server?.stop();
});

describe('/kort shows only aggregates at or above K', () => {
  it('the page explains the rules and offers the filters as a GET form, in both locales', async () => {
    const html = await page('/kort');
    expect(html).toContain('Kun meldinger, som en moderator har set');
    expect(html).toMatch(/<form method="get"/);
    expect(html).toContain('name="kategori"');
    expect(html).toContain('name="periode"');
    expect(html).toContain('name="melder"');
    const en = await page('/en/kort');
    expect(en).toContain('Only reports that a moderator has looked at');
  });

  it('unmoderated reports do not count, and 4 moderated reports in a hexagon (K = 5) reveal nothing', async () => {
    await addReports(3, 'received');
    await addReports(2, 'rejected');
    await addReports(4);
    await makeReportRelease(db);
    const html = await page(`/kort${FILTER}`);
    expect(html).not.toContain(CELL);
    expect(html).not.toContain('class="hex"');
    expect(html).toContain('Ingen sekskant har nok meldinger');
    // The area total would be 4 = the hidden hexagon: shown as "too few".
    expect(areaCell(html)).toBe('for få');
    expect(html).not.toContain('HEMMELIG-BESKRIVELSE');
    expect(html).not.toContain(String(POINT.lat));
    const en = await page(`/en/kort${FILTER}`);
    expect(en).not.toContain(CELL);
    expect(areaCell(en)).toBe('too few');
  });

  it('with the fifth report the hexagon appears in the map and the table, with its published count, and so does the area total', async () => {
    // The fifth key gives the cell the noise +1, so the 5 reports are published as 6: a figure at or above K.
    await addReports(1, 'forwarded', [keyForNoise(addKeys(...cellKeys), 1)]);
    expect(cellKeys).toHaveLength(5);
    const published = publishCount(5, addKeys(...cellKeys), K);
    expect(published).toBe(6);
    // Nothing moves before the next release.
    const before = await page(`/kort${FILTER}`);
    expect(before).not.toContain(CELL);
    expect(areaCell(before)).toBe('for få');

    await makeReportRelease(db);
    const html = await page(`/kort${FILTER}`);
    expect(html).toMatch(new RegExp(`<path class="hex" data-cell="${CELL}"[^>]*>\\s*<title>Nær Assistens Kirkegård: ${published} meldinger</title>`));
    expect(html).toMatch(new RegExp(`<tr data-cell="${CELL}">\\s*<th scope="row">Assistens Kirkegård</th>\\s*<td>Indre Nørrebro</td>\\s*<td>${published}</td>`));
    // The area's reports are the hexagon's: the same records, so the same published figure.
    expect(areaCell(html)).toBe(String(published));
    expect(html).not.toContain('HEMMELIG-BESKRIVELSE');
    expect(html).not.toContain(String(POINT.lat));
  });

  it('unknown filter values are ignored, never echoed', async () => {
    const html = await page('/kort?kategori=%3Cscript%3E&periode=x&melder=y');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/<option value="all" selected/);
  });
});

describe('/kort cannot be differenced', () => {
  it('a year that holds fewer than K of a shown hexagon\'s reports is not shown for that year, nor is the other year', async () => {
    // A hexagon no other test uses: 6 reports this year and 2 last year (8 in all).
    const point = { lat: 55.6895, lon: 12.5535 };
    const cell = latLngToCell(point.lat, point.lon, 9);
    const thisYear = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric' }).format(new Date()));
    const groupsId = (await db.select().from(reportCategories).where(eq(reportCategories.slug, 'vandalism')).limit(1))[0]!.id;
    const keys: number[] = [];
    const add = async (n: number, year: number) => {
      for (const [i, key] of recordKeys(year, n).entries()) {
        keys.push(key);
        await db.insert(reports)
          .values({
            receipt: randomBytes(12).toString('base64url'),
            cellKey: key,
            categoryId: groupsId,
            lat: point.lat + i * 0.00001,
            lon: point.lon,
            areaId,
            timeOfDay: 'night',
            reporterType: 'business',
            status: 'handled',
            createdOn: `${year}-06-15`,
            demo: false,
          });
      }
    };
    await add(6, thisYear);
    await add(2, thisYear - 1);
    await makeReportRelease(db);
    const cellRow = (html: string) => new RegExp(`data-cell="${cell}"`).test(html);
    const all = await page('/kort?periode=all&kategori=vandalism&melder=business');
    // All 8 are shown, perturbed: 8 + noise is at least 6, never below K.
    const published = publishCount(8, addKeys(...keys), K);
    expect(published).toBeGreaterThanOrEqual(K);
    expect(all).toMatch(new RegExp(`<tr data-cell="${cell}">\\s*<th scope="row">[^<]+</th>\\s*<td>Indre Nørrebro</td>\\s*<td>${published}</td>`));
    // Showing 6 for this year next to 8 for all time would reveal the 2 of last year.
    expect(cellRow(await page(`/kort?periode=${thisYear}&kategori=vandalism&melder=business`))).toBe(false);
    expect(cellRow(await page(`/kort?periode=${thisYear - 1}&kategori=vandalism&melder=business`))).toBe(false);
  });
});
