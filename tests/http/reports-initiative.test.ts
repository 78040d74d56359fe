/** "Reports that led to this": an initiative shows the reports linked to it only in aggregate, above K. */
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { areas, initiatives, reportCategories, reports } from '../../db/schema.ts';
import { openDatabase } from '../../src/server/db/connection.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

async function linkReports(slug: string, n: number, category = 'lighting') {
  const db = openDatabase(dbPath);
  try {
    const initiative = (await db.select().from(initiatives).where(eq(initiatives.slug, slug)).limit(1))[0]!;
    const categoryId = (await db.select().from(reportCategories).where(eq(reportCategories.slug, category)).limit(1))[0]!.id;
    const areaId = (await db.select().from(areas).where(eq(areas.slug, 'indre-norrebro')).limit(1))[0]!.id;
    for (let i = 0; i < n; i++) {
      await db.insert(reports)
        .values({
          receipt: `linked${slug.slice(0, 8)}${category}${i}${Math.random().toString(36).slice(2, 10)}`,
          categoryId, lat: 55.6864, lon: 12.5572, areaId, timeOfDay: 'evening', reporterType: 'resident',
          status: 'forwarded', initiativeId: initiative.id, createdOn: '2026-11-01', description: 'Privat beskrivelse xyz',
        });
    }
  } finally {
    db.$client.close();
  }
}

describe('reports that led to an initiative', () => {
  it('below K, the initiative says there are too few to show, and shows no number', async () => {
    await linkReports('exitprogrammer', 2);
    const html = await (await fetch(`${base}/indsatser/exitprogrammer`)).text();
    expect(html).toContain('Der er knyttet for få meldinger til indsatsen til at vise tal.');
    expect(html).not.toContain('Privat beskrivelse');
  });

  it('at K and above, the total and the categories at or above K are shown, never a description', async () => {
    await linkReports('registrering-af-kameraer-i-polcam', 6);
    await linkReports('registrering-af-kameraer-i-polcam', 1, 'vandalism');
    const html = await (await fetch(`${base}/indsatser/registrering-af-kameraer-i-polcam`)).text();
    expect(html).toContain('7 meldinger fra beboere og erhvervsdrivende er knyttet til indsatsen.');
    // The single vandalism report is hidden, and so is a second cell, so it cannot be worked out.
    expect(html).toContain('for få');
    expect(html).not.toContain('Privat beskrivelse');
  });
});
