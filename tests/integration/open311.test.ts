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
