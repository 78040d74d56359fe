/**
 * The throttle's client keys come from a secret outside the database (#14
 * part 4): generated into a file on first use when THROTTLE_SECRET is not
 * set, turned into a key per UTC day, and nothing of either is stored.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/server/db/raw.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'tryghed-throttle-'));
const file = join(dir, 'nested', 'throttle-secret');
// Read by config() on first use, which the dynamic import below is the first to make in this file.
process.env['THROTTLE_SECRET_FILE'] = file;
delete process.env['THROTTLE_SECRET'];
const throttle = await import('../../src/server/platform/throttle.ts');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const keyed = (key: Uint8Array, value: string) => encodeBase64urlNoPadding(hmac(SHA256, key, new TextEncoder().encode(value)));

describe('client keys', () => {
  it('come from a secret generated into a file of its own (owner only), derived per UTC day', () => {
    const day1 = new Date('2026-05-01T10:00:00Z');
    const key = throttle.clientKey('192.0.2.7', day1);
    const secret = readFileSync(file, 'utf8').trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const dayKey = hmac(SHA256, new TextEncoder().encode(secret), new TextEncoder().encode('tryghed throttle key 2026-05-01'));
    expect(key).toBe(keyed(dayKey, '192.0.2.7'));
    // The same address later that day: the same key; the next day: another.
    expect(throttle.clientKey('192.0.2.7', new Date('2026-05-01T23:59:59Z'))).toBe(key);
    expect(throttle.clientKey('192.0.2.7', new Date('2026-05-02T00:00:00Z'))).not.toBe(key);
    expect(throttle.clientKey('192.0.2.8', day1)).not.toBe(key);
  });

  it('leave nothing of the secret or the day key in the database; a counter holds a keyed hash only', async () => {
    const now = new Date();
    const client = throttle.clientKey('192.0.2.9', now);
    expect((await throttle.throttles.reportClient.hit(t.db, client, now)).ok).toBe(true);
    const tables = await rawRows<{ name: string }>(
      t.db,
      t.path.startsWith('postgres')
        ? sql`select table_name as name from information_schema.tables where table_schema = 'public'`
        : sql`select name from sqlite_master where type = 'table'`,
    );
    expect(tables.map((r) => r.name)).not.toContain('throttle_keys');
    const hits = await rawRows<{ scope: string; key: string }>(t.db, sql`select scope, key from throttle_hits`);
    const stored = keyed(new Uint8Array(throttle.keyOfTheDay(now).export()), `reportClient:${client}`);
    expect(hits).toEqual([{ scope: 'reportClient', key: stored }]);
    expect(JSON.stringify(hits)).not.toContain('192.0.2.9');
    expect(JSON.stringify(hits)).not.toContain(readFileSync(file, 'utf8').trim());
  });
});
