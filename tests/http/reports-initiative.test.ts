/**
 * "Reports that led to this": an initiative shows the reports linked to it
 * only in aggregate, from the newest release, with its published (perturbed)
 * figures above K. Reports are crafted with record keys chosen here and a
 * release is made after linking them, so the expected figures are the
 * engine's publishCount of those keys.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { sharedServerDatabase } from '../support/server-db.ts';
import { areas, initiatives, reportCategories, reports } from '../../db/schema.ts';
import { addKeys, publishCount } from '../../src/lib/disclosure/index.ts';
import { makeReportRelease } from '../../src/server/disclosure/releases.ts';
import { recordKeys } from '../support/cell-keys.ts';

const base = inject('baseUrl');
/** The server's K (PRIVACY_K's default). */
const K = 5;

/** Links n new moderated reports with the given record keys to an initiative, then makes a release. */
async function linkReports(slug: string, keys: readonly number[], category = 'lighting') {
  const db = sharedServerDatabase();
  const initiative = (await db.select().from(initiatives).where(eq(initiatives.slug, slug)).limit(1))[0]!;
  const categoryId = (await db.select().from(reportCategories).where(eq(reportCategories.slug, category)).limit(1))[0]!.id;
  const areaId = (await db.select().from(areas).where(eq(areas.slug, 'indre-norrebro')).limit(1))[0]!.id;
  for (const [i, key] of keys.entries()) {
    await db.insert(reports)
      .values({
        receipt: `linked${slug.slice(0, 8)}${category}${i}${Math.random().toString(36).slice(2, 10)}`,
        cellKey: key,
        categoryId, lat: 55.6864, lon: 12.5572, areaId, timeOfDay: 'evening', reporterType: 'resident',
        status: 'forwarded', initiativeId: initiative.id, createdOn: '2026-11-01', description: 'Privat beskrivelse xyz',
      });
  }
  await makeReportRelease(db);
}

describe('reports that led to an initiative', () => {
  it('below K, the initiative says there are too few to show, and shows no number', async () => {
    await linkReports('exitprogrammer', recordKeys(1, 2));
    const html = await (await fetch(`${base}/indsatser/exitprogrammer`)).text();
    expect(html).toContain('Der er knyttet for få meldinger til indsatsen til at vise tal.');
    expect(html).not.toContain('meldinger fra beboere og erhvervsdrivende');
    expect(html).not.toContain('Privat beskrivelse');
  });

  it('at K and above, the published total is shown with its release day, the categories below K are not, never a description', async () => {
    const lighting = recordKeys(2, 6);
    const vandalism = recordKeys(3, 1);
    await linkReports('registrering-af-kameraer-i-polcam', lighting);
    await linkReports('registrering-af-kameraer-i-polcam', vandalism, 'vandalism');
    const total = publishCount(7, addKeys(...lighting, ...vandalism), K);
    // 7 reports: 7 + noise (−2…2) is never below K.
    expect(total).toBeGreaterThanOrEqual(K);
    const html = (await (await fetch(`${base}/indsatser/registrering-af-kameraer-i-polcam`)).text()).replace(/ data-astro-cid-\w+/g, '');
    expect(html).toContain(`${total} meldinger fra beboere og erhvervsdrivende er knyttet til indsatsen.`);
    expect(html).toMatch(/Tal fra udgivelsen \d{1,2}\. \p{L}+ \d{4}; hvert tal er let justeret/u);
    // The single vandalism report is hidden, and so is the other category, so it cannot be worked out.
    const cells = [...html.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>([^<]+)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
    expect(cells).toEqual(
      expect.arrayContaining([
        ['Dårlig belysning', 'for få'],
        ['Hærværk og graffiti', 'for få'],
      ]),
    );
    expect(cells).toHaveLength(2);
    expect(html).not.toContain('Privat beskrivelse');
  });
});
