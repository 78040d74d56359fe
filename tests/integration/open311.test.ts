/**
 * Open311 request lookup by id against a real database: the id index is kept
 * per process and extended with recent rows, so a report that arrives after a
 * lookup must still be found, including one dated the day before (a row
 * committed just after midnight, or written by another instance whose clock
 * is a little behind).
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reports } from '../../db/schema.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { copenhagenDay } from '../../src/lib/time.ts';
import { findPublicRequest, listPublicRequests, publicRequestId } from '../../src/server/reports/open311.ts';
import { open311ReadRefusal } from '../../src/server/reports/open311-read-limit.ts';
import { listActiveCategories } from '../../src/server/reports/reports.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { seedReference } from '../support/factories.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
});
afterEach(() => t.close());

async function storeReport(createdOn: string): Promise<string> {
  const receipt = randomBytes(12).toString('base64url');
  await t.db.insert(reports).values({
    receipt,
    cellKey: 1,
    categoryId: (await listActiveCategories(t.db))[0]!.id,
    lat: 55.688,
    lon: 12.5555,
    areaId: (await listAreas(t.db))[0]!.id,
    timeOfDay: 'evening',
    reporterType: 'resident',
    status: 'received',
    createdOn,
    demo: false,
  });
  return receipt;
}

describe('Open311 lookup by id', () => {
  it('finds a report stored after an earlier lookup, dated today or the day before', async () => {
    const first = await storeReport(copenhagenDay());
    expect((await findPublicRequest(t.db, 'da', publicRequestId(first)))?.service_request_id).toBe(publicRequestId(first));
    // Stored after that lookup: today's, and one dated yesterday.
    const today = await storeReport(copenhagenDay());
    const yesterday = await storeReport(copenhagenDay(new Date(Date.now() - 86_400_000)));
    const found = await listPublicRequests(t.db, 'da', { ids: [publicRequestId(today), publicRequestId(yesterday)] });
    expect(found.map((r) => r.service_request_id).sort()).toEqual([publicRequestId(today), publicRequestId(yesterday)].sort());
    // Without ids, nothing.
    expect(await listPublicRequests(t.db, 'da')).toEqual([]);
  });
});

describe('Open311 reads cannot take the server from residents', () => {
  it('600 reads a minute from all clients together; the next is refused with 429 and Retry-After, whoever asks', async () => {
    // 20 clients, 30 reads each: each under its own limit of 60, together at the overall 600.
    for (let client = 0; client < 20; client++) {
      for (let i = 0; i < 30; i++) expect(await open311ReadRefusal(t.db, `reader-${client}`, 'json'), `reader-${client} #${i}`).toBeUndefined();
    }
    const refused = await open311ReadRefusal(t.db, 'a-new-reader', 'json');
    expect(refused?.status).toBe(429);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused!.json()).toEqual([{ code: 429, description: 'The service is busy; try again later' }]);
    // XML readers get the spec's error format.
    const xml = await open311ReadRefusal(t.db, 'an-xml-reader', 'xml');
    expect(xml?.status).toBe(429);
    expect(await xml!.text()).toContain('The service is busy; try again later');
  });
});
