/**
 * Residents' e-mail addresses at rest (README "Privacy"): every address a
 * resident gives (a report's follow-up, a receipt link, an event sign-up, a
 * subscription; and a business's callback number) and every outbox copy of it is sealed with AES-256-GCM under
 * a key derived from the throttle secret, which is never in the database. A
 * copy of the database files (or of a backup) therefore holds no readable
 * address; the server opens one only to send the mail it was given for.
 *
 * Text columns hold `sealed1:` and the base64url of nonce, tag and
 * ciphertext; subscriptions keep the raw bytes (src/server/subscriptions/subscriptions.ts).
 * Replacing the throttle secret makes the sealed addresses unreadable: the
 * outboxes then give such notices up, as they do an undeliverable one.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { and, eq, isNotNull, notLike } from 'drizzle-orm';
import { eventNotices, eventSignups, reportNotices, reports } from '../../../db/schema.ts';
import type { Queryable } from '../db/connection.ts';
import { eraseRemnants } from '../db/remnants.ts';
import { throttleSecret } from '../platform/throttle.ts';

const NONCE = 12;
const TAG = 16;
const PREFIX = 'sealed1:';
/** The key purpose of addresses kept in text columns (reports, notices, sign-ups). */
const ADDRESS_PURPOSE = 'tryghed addresses seal key';

let keys: { secret: Uint8Array; byPurpose: Map<string, Uint8Array> } | undefined;

/** An AES-256 key derived from the throttle secret for one purpose, held in memory only. */
export function derivedKey(purpose: string): Uint8Array {
  const secret = throttleSecret();
  if (keys?.secret !== secret) keys = { secret, byPurpose: new Map() };
  let key = keys.byPurpose.get(purpose);
  if (!key) {
    key = hmac(SHA256, secret, new TextEncoder().encode(purpose));
    keys.byPurpose.set(purpose, key);
  }
  return key;
}

/** Nonce, tag and ciphertext of `text` under the key of `purpose`. */
export function sealBytes(purpose: string, text: string): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', derivedKey(purpose), nonce);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

/** The text sealed by sealBytes, or undefined when it cannot be opened (another secret, damaged). */
export function openBytes(purpose: string, sealed: Uint8Array): string | undefined {
  if (sealed.length < NONCE + TAG) return undefined;
  const bytes = Buffer.from(sealed);
  try {
    const decipher = createDecipheriv('aes-256-gcm', derivedKey(purpose), bytes.subarray(0, NONCE));
    decipher.setAuthTag(bytes.subarray(NONCE, NONCE + TAG));
    return Buffer.concat([decipher.update(bytes.subarray(NONCE + TAG)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Whether a stored value is already sealed. */
export function isSealedAddress(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** An address as stored in a text column; a value already sealed is kept as it is (copies from a report to its notice). */
export function sealAddress(email: string): string {
  if (isSealedAddress(email)) return email;
  return PREFIX + sealBytes(ADDRESS_PURPOSE, email.trim()).toString('base64url');
}

/**
 * The address a stored value holds: opened when sealed, as it is when stored
 * before sealing began (such rows are sealed by sealStoredAddresses), and
 * undefined when it cannot be opened.
 */
export function openAddress(stored: string): string | undefined {
  if (!isSealedAddress(stored)) return stored;
  return openBytes(ADDRESS_PURPOSE, Buffer.from(stored.slice(PREFIX.length), 'base64url'));
}

/** The text columns that hold residents' (and partners') addresses, and businesses' callback numbers. */
const ADDRESS_COLUMNS = [
  { table: reports, id: reports.id, field: 'email', column: reports.email },
  { table: reports, id: reports.id, field: 'callback', column: reports.callback },
  { table: reportNotices, id: reportNotices.id, field: 'email', column: reportNotices.email },
  { table: eventSignups, id: eventSignups.id, field: 'email', column: eventSignups.email },
  { table: eventNotices, id: eventNotices.id, field: 'email', column: eventNotices.email },
] as const;

/**
 * Seals every address stored before sealing began (a database upgraded from
 * an earlier version); run by the retention job at start-up and daily. The
 * count of values sealed; the plain copies' pages are then zeroed.
 */
export async function sealPlainAddresses(db: Queryable): Promise<number> {
  let sealed = 0;
  for (const c of ADDRESS_COLUMNS) {
    const plain = await db.select({ id: c.id, value: c.column }).from(c.table).where(and(isNotNull(c.column), notLike(c.column, `${PREFIX}%`)));
    for (const row of plain) {
      await db.update(c.table).set({ [c.field]: sealAddress(row.value!) }).where(eq(c.id, row.id));
      sealed++;
    }
  }
  if (sealed > 0) eraseRemnants(db);
  return sealed;
}
