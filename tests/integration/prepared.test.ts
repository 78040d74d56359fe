/**
 * Prepared queries (src/server/db/prepared.ts) on a real database, SQLite or
 * PostgreSQL: values are encoded as their columns encode them, an insert must
 * name a column whose value is made per row (a random id), and a prepared query runs inside a
 * transaction and is rolled back with it.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportSubmissions, reportUpdates, throttleHits } from '../../db/schema.ts';
import { prepared, slot, slots } from '../../src/server/db/prepared.ts';
import { transaction } from '../../src/server/db/transaction.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

const addHit = prepared('test_add_hit', (q) =>
  q.insert(throttleHits).values(slots(throttleHits, ['scope', 'key', 'count', 'resetAt'])).returning(),
);
const hitOf = prepared('test_hit_of', (q) => q.select().from(throttleHits).where(eq(throttleHits.key, slot('key', throttleHits.key))).limit(1));
const addSubmission = prepared('test_add_submission', (q) => q.insert(reportSubmissions).values(slots(reportSubmissions, ['tokenHash', 'reportId', 'expiresAt'])));

describe('a prepared query', () => {
  it('binds new values on each call, encoded like their columns (a time, a null)', async () => {
    const at = new Date('2026-12-07T10:00:00Z');
    await addHit(t.db, { scope: 's', key: 'a', count: 1, resetAt: at });
    await addHit(t.db, { scope: 's', key: 'b', count: 2, resetAt: new Date(at.getTime() + 60_000) });
    expect((await hitOf(t.db, { key: 'a' }))[0]).toMatchObject({ key: 'a', count: 1, resetAt: at });
    expect((await hitOf(t.db, { key: 'b' }))[0]?.count).toBe(2);
    await addSubmission(t.db, { tokenHash: 'x', reportId: null, expiresAt: at });
    const [row] = await t.db.select().from(reportSubmissions);
    expect(row).toEqual({ tokenHash: 'x', reportId: null, expiresAt: at });
  });

  it('refuses an insert that leaves out a column whose value is made per row (a random id)', () => {
    expect(() => slots(reportUpdates, ['reportId', 'status', 'createdAt'])).toThrow(/must name id/);
  });

  it('refuses two queries under one name', () => {
    expect(() => prepared('test_hit_of', (q) => q.select().from(throttleHits))).toThrow(/Two prepared queries/);
  });

  it('runs inside a transaction and is undone with it', async () => {
    await expect(
      transaction(t.db, async (tx) => {
        await addHit(tx, { scope: 's', key: 'c', count: 1, resetAt: new Date() });
        expect(await hitOf(tx, { key: 'c' })).toHaveLength(1);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await hitOf(t.db, { key: 'c' })).toHaveLength(0);
  });
});
