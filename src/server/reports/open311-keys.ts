/**
 * Open311 API keys (GeoReport v2's `api_key`): POST requests.json files a
 * report only with a key an admin gave to that client, so a page on another
 * site cannot make its visitors' browsers file reports. Keys are made at
 * /staff/open311 or with `npm run staff -- open311-key --name …`, shown once,
 * and kept as their SHA-256 only. The demo database has one published key
 * (DEMO_OPEN311_KEY), printed at start like the demo logins.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { open311Keys } from '../../../db/schema.ts';
import { recordAudit } from '../staff/audit.ts';
import { randomToken } from '../staff/auth/random.ts';
import type { Queryable } from '../db/connection.ts';

/** The demo database's key: published, like the demo staff passwords (demo data only). */
export const DEMO_OPEN311_KEY = 'demo-open311-key-tryghed-indre-norrebro';
export const DEMO_OPEN311_KEY_NAME = 'Demo client (published key)';

function hashKey(key: string): string {
  return encodeBase64urlNoPadding(sha256(new TextEncoder().encode(key)));
}

export interface Open311KeyRow {
  id: number;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Makes a key for a client; returns it (to show once) and its row. */
export async function createOpen311Key(db: Queryable, name: string, actorId: number | null, key = `o311_${randomToken(24)}`): Promise<{ key: string; row: Open311KeyRow }> {
  const clean = name.trim().slice(0, 120);
  if (clean === '') throw new Error('An Open311 key needs a name (who it is for).');
  const [row] = await db.insert(open311Keys).values({ name: clean, keyHash: hashKey(key) }).returning({
    id: open311Keys.id,
    name: open311Keys.name,
    createdAt: open311Keys.createdAt,
    revokedAt: open311Keys.revokedAt,
  });
  await recordAudit(db, { userId: actorId, action: 'open311_key.create', entityType: 'open311_key', entityId: row!.id, summary: clean });
  return { key, row: row! };
}

/** The key's client, or undefined when the key is unknown or revoked. */
export async function findOpen311Key(db: Queryable, key: string): Promise<Open311KeyRow | undefined> {
  if (key === '' || key.length > 200) return undefined;
  const [row] = await db
    .select({ id: open311Keys.id, name: open311Keys.name, createdAt: open311Keys.createdAt, revokedAt: open311Keys.revokedAt })
    .from(open311Keys)
    .where(and(eq(open311Keys.keyHash, hashKey(key)), isNull(open311Keys.revokedAt)))
    .limit(1);
  return row;
}

export async function listOpen311Keys(db: Queryable): Promise<Open311KeyRow[]> {
  return db
    .select({ id: open311Keys.id, name: open311Keys.name, createdAt: open311Keys.createdAt, revokedAt: open311Keys.revokedAt })
    .from(open311Keys)
    .orderBy(asc(open311Keys.id));
}

export async function revokeOpen311Key(db: Queryable, id: number, actorId: number | null): Promise<boolean> {
  const done = await db
    .update(open311Keys)
    .set({ revokedAt: new Date() })
    .where(and(eq(open311Keys.id, id), isNull(open311Keys.revokedAt)))
    .returning({ id: open311Keys.id, name: open311Keys.name });
  if (done.length === 0) return false;
  await recordAudit(db, { userId: actorId, action: 'open311_key.revoke', entityType: 'open311_key', entityId: id, summary: done[0]!.name });
  return true;
}

/**
 * Browser signals that a request comes from a page on another site: an
 * Origin that is not ours, or Sec-Fetch-Site: cross-site / same-site. Server
 * clients send neither. A cross-site POST is refused even with a key (a key
 * published in a page's script must not let that page file reports as its visitors).
 */
export function isCrossSiteBrowserRequest(headers: Headers, ownOrigin: string): boolean {
  const origin = headers.get('origin');
  if (origin !== null && origin !== ownOrigin) return true;
  const site = headers.get('sec-fetch-site');
  return site === 'cross-site' || site === 'same-site';
}
