/**
 * Throttling against brute force and automated posting, shared by every app
 * instance through the database.
 *
 * Client addresses are never stored: the middleware turns each into an HMAC
 * with the key of the day, so a stored key cannot be turned back into an
 * address without that day's key, nor followed across days. The key of the
 * day is derived from a secret and the UTC day (HMAC(secret, day)) and lives
 * only in memory; the secret comes from THROTTLE_SECRET or a file generated
 * on first start next to (never inside) the database, so a copy of the
 * database files cannot recompute any client key for candidate addresses.
 * The counters (`throttle_hits`) hash what they count once more with the
 * same key, so an account's e-mail address is not stored either, and a row is
 * deleted once its window has ended. With several instances on one database
 * (and one THROTTLE_SECRET), a client gets the same number of tries whichever
 * instance it reaches.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, gt, lte, or, sql } from 'drizzle-orm';
import { throttleHits } from '../../../db/schema.ts';
import { randomBytes } from '../staff/auth/random.ts';
import { config } from './config.ts';
import type { Queryable } from '../db/connection.ts';
import { prepared, slot } from '../db/prepared.ts';

let secret: Uint8Array | undefined;

/**
 * The throttle secret: THROTTLE_SECRET, or the file's content, the file
 * created (mode 0600, 32 random bytes as hex) by the first process that needs it.
 */
export function throttleSecret(): Uint8Array {
  if (secret) return secret;
  const source = config().throttleSecret;
  if ('value' in source) return (secret = new TextEncoder().encode(source.value));
  let text: string;
  try {
    text = readFileSync(source.file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(source.file), { recursive: true });
    text = encodeHexLowerCase(randomBytes(32));
    try {
      const fd = openSync(source.file, 'wx', 0o600);
      writeSync(fd, `${text}\n`);
      closeSync(fd);
    } catch (raced) {
      // Another process made it first: use its secret.
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      text = readFileSync(source.file, 'utf8').trim();
    }
  }
  if (text.length < 32) throw new Error(`The throttle secret in ${source.file} is too short (at least 32 characters).`);
  return (secret = new TextEncoder().encode(text));
}

/** The key of the day, derived from the secret and the UTC day, kept in memory only. */
let dayKey: { day: string; key: KeyObject } | undefined;

export function keyOfTheDay(now: Date): KeyObject {
  const day = now.toISOString().slice(0, 10);
  if (dayKey?.day === day) return dayKey.key;
  // A KeyObject, made once a day: Node checks a raw key's type on every HMAC, which cost 10 µs a request.
  dayKey = { day, key: createSecretKey(hmac(SHA256, throttleSecret(), new TextEncoder().encode(`tryghed throttle key ${day}`))) };
  return dayKey.key;
}

export function keyed(key: Uint8Array | KeyObject, value: string): string {
  // Node's own HMAC (every request computes one for its client): the same bytes as @oslojs's, in native code.
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}

/** An opaque per-day key for a client address; the address itself is dropped. */
export function clientKey(address: string | undefined, now = new Date()): string {
  return keyed(keyOfTheDay(now), address ?? 'unknown');
}

export interface ThrottleResult {
  ok: boolean;
  /** Seconds until another attempt is allowed (when not ok). */
  retryAfter: number;
}

/** Expired counters are deleted at most this often per instance. */
const PRUNE_EVERY_MS = 60_000;
let prunedAt = 0;

/** Counts one hit of a key: a new window when the last has ended, else one more in it. Runs on every resident post. */
const countHit = prepared('throttle_hit', (q) => {
  const now = slot('now', throttleHits.resetAt);
  return q
    .insert(throttleHits)
    .values({ scope: slot('scope', throttleHits.scope), key: slot('key', throttleHits.key), count: 1, resetAt: slot('resetAt', throttleHits.resetAt) })
    .onConflictDoUpdate({
      target: [throttleHits.scope, throttleHits.key],
      set: {
        count: sql`case when ${throttleHits.resetAt} <= ${now} then 1 else ${throttleHits.count} + 1 end`,
        resetAt: sql`case when ${throttleHits.resetAt} <= ${now} then excluded.reset_at else ${throttleHits.resetAt} end`,
      },
    })
    .returning({ count: throttleHits.count, resetAt: throttleHits.resetAt });
});

/** A fixed-window counter: at most `limit` hits per key per `windowMs`. */
export class Throttle {
  readonly scope: string;
  readonly limit: number;
  readonly windowMs: number;

  constructor(scope: string, limit: number, windowMs: number) {
    this.scope = scope;
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /**
   * Counts one attempt and says whether it is allowed. One statement: a new
   * window starts at the first hit after the last one ended, so two
   * instances counting the same key at the same moment both count.
   */
  async hit(db: Queryable, key: string, now = new Date()): Promise<ThrottleResult> {
    await pruneExpired(db, now);
    const stored = keyed(keyOfTheDay(now), `${this.scope}:${key}`);
    const [row] = await countHit(db, { scope: this.scope, key: stored, now, resetAt: new Date(now.getTime() + this.windowMs) });
    if (!row || row.count <= this.limit) return { ok: true, retryAfter: 0 };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000)) };
  }

  /** Forgets the key's attempts (after a successful sign-in). */
  async reset(db: Queryable, key: string, now = new Date()): Promise<void> {
    const stored = keyed(keyOfTheDay(now), `${this.scope}:${key}`);
    await db.delete(throttleHits).where(and(eq(throttleHits.scope, this.scope), eq(throttleHits.key, stored)));
  }
}

/**
 * Failures of one key counted over a day, with a wait after each failure
 * that grows with their number: `delayMs(n)` after the n-th failure. Two
 * rows of throttle_hits: the day's count (scope) and the wait (scope + '.wait'),
 * each deleted when it ends like any counter. Used against guessing where a
 * hard lock would let a stranger shut an account out (see auth/login.ts).
 */
export class ProgressiveDelay {
  readonly scope: string;
  readonly windowMs: number;
  readonly delayMs: (failures: number) => number;

  constructor(scope: string, windowMs: number, delayMs: (failures: number) => number) {
    this.scope = scope;
    this.windowMs = windowMs;
    this.delayMs = delayMs;
  }

  private rows(key: string, now: Date): { count: string; wait: string } {
    const dayKey = keyOfTheDay(now);
    return { count: keyed(dayKey, `${this.scope}:${key}`), wait: keyed(dayKey, `${this.scope}.wait:${key}`) };
  }

  /** Failures so far in the window, and the seconds still to wait (0: an attempt may go ahead). */
  async check(db: Queryable, key: string, now = new Date()): Promise<{ failures: number; waitSeconds: number }> {
    const stored = this.rows(key, now);
    const found = await db
      .select({ scope: throttleHits.scope, count: throttleHits.count, resetAt: throttleHits.resetAt })
      .from(throttleHits)
      .where(
        and(
          or(and(eq(throttleHits.scope, this.scope), eq(throttleHits.key, stored.count)), and(eq(throttleHits.scope, `${this.scope}.wait`), eq(throttleHits.key, stored.wait))),
          gt(throttleHits.resetAt, now),
        ),
      );
    const count = found.find((r) => r.scope === this.scope)?.count ?? 0;
    const wait = found.find((r) => r.scope !== this.scope);
    return { failures: count, waitSeconds: wait ? Math.max(1, Math.ceil((wait.resetAt.getTime() - now.getTime()) / 1000)) : 0 };
  }

  /** Records a failure; returns the number of failures in the window, this one included. */
  async fail(db: Queryable, key: string, now = new Date()): Promise<number> {
    await pruneExpired(db, now);
    const stored = this.rows(key, now);
    const nowParam = sql.param(now, throttleHits.resetAt);
    const [row] = await db
      .insert(throttleHits)
      .values({ scope: this.scope, key: stored.count, count: 1, resetAt: new Date(now.getTime() + this.windowMs) })
      .onConflictDoUpdate({
        target: [throttleHits.scope, throttleHits.key],
        set: {
          count: sql`case when ${throttleHits.resetAt} <= ${nowParam} then 1 else ${throttleHits.count} + 1 end`,
          resetAt: sql`case when ${throttleHits.resetAt} <= ${nowParam} then excluded.reset_at else ${throttleHits.resetAt} end`,
        },
      })
      .returning({ count: throttleHits.count });
    const failures = row?.count ?? 1;
    const delay = this.delayMs(failures);
    if (delay > 0) {
      const until = new Date(now.getTime() + delay);
      await db
        .insert(throttleHits)
        .values({ scope: `${this.scope}.wait`, key: stored.wait, count: failures, resetAt: until })
        .onConflictDoUpdate({ target: [throttleHits.scope, throttleHits.key], set: { count: failures, resetAt: until } });
    }
    return failures;
  }

  /** Forgets the key's failures (after a success). */
  async reset(db: Queryable, key: string, now = new Date()): Promise<void> {
    const stored = this.rows(key, now);
    await db
      .delete(throttleHits)
      .where(or(and(eq(throttleHits.scope, this.scope), eq(throttleHits.key, stored.count)), and(eq(throttleHits.scope, `${this.scope}.wait`), eq(throttleHits.key, stored.wait))));
  }
}

async function pruneExpired(db: Queryable, now: Date): Promise<void> {
  if (now.getTime() - prunedAt < PRUNE_EVERY_MS) return;
  prunedAt = now.getTime();
  await db.delete(throttleHits).where(lte(throttleHits.resetAt, now));
}

const MINUTE = 60_000;

/** The throttles used across the app, in one place so their limits are easy to review. */
export const throttles = {
  /** Failed logins per account: 5 per 15 minutes. */
  loginAccount: new Throttle('loginAccount', 5, 15 * MINUTE),
  /** Login attempts per client: 20 per 15 minutes. */
  loginClient: new Throttle('loginClient', 20, 15 * MINUTE),
  /** Second-factor attempts per account: 5 per 15 minutes. */
  totpAccount: new Throttle('totpAccount', 5, 15 * MINUTE),
  /** Second-factor attempts per client: 20 per 15 minutes. */
  totpClient: new Throttle('totpClient', 20, 15 * MINUTE),
  /** Invitation codes tried per client: 10 per 10 minutes, against guessing. */
  codeClient: new Throttle('codeClient', 10, 10 * MINUTE),
  /** Survey answers started per client: 30 per 10 minutes (a household or an office shares an address). */
  surveyStartClient: new Throttle('surveyStartClient', 30, 10 * MINUTE),
  /** Residents' comments per client: 5 per 10 minutes. */
  commentClient: new Throttle('commentClient', 5, 10 * MINUTE),
  /** Answers to consultations per client: 10 per 10 minutes (a household or an office shares an address). */
  consultationClient: new Throttle('consultationClient', 10, 10 * MINUTE),
  /** Residents' concern reports per client: 10 per 10 minutes. */
  reportClient: new Throttle('reportClient', 10, 10 * MINUTE),
  /** Receipt links sent by e-mail ("send me the link") per client: 5 per 10 minutes. */
  receiptLinkClient: new Throttle('receiptLinkClient', 5, 10 * MINUTE),
  /** Receipt links sent by e-mail per report: 3 a day, so one receipt cannot be used to send many mails. */
  receiptLinkReport: new Throttle('receiptLinkReport', 3, 24 * 60 * MINUTE),
  /** Open311 GET requests per client: 60 per minute (an app polling every few seconds fits). */
  open311ReadClient: new Throttle('open311ReadClient', 60, MINUTE),
  /** Open311 GET requests from all clients together: 600 per minute, so readers cannot starve the site. */
  open311ReadAll: new Throttle('open311ReadAll', 600, MINUTE),
  /** Dashboard exports audited once per session, table and format a day (key `<session>|<file>`): the first download is recorded, repeats are not. */
  exportAudit: new Throttle('exportAudit', 1, 24 * 60 * MINUTE),
};

const SECOND = 1_000;
const ACCOUNT_WIDE_FROM = 10;

/**
 * Failed sign-ins, progressive and never a hard lock of the account (see
 * auth/login.ts): per account and client, a wait of 1, 2, 4 … seconds after
 * each failure from the third on, at most 5 minutes, and a cap of 10 failures
 * a day; per account over all clients, a wait of at most 30 seconds, growing
 * from the tenth failure of the day. So a stranger can delay the real user's
 * correct sign-in by 30 seconds at most, however many addresses they use.
 */
export const loginDelays = {
  /** Key: `<account>|<client>`. */
  accountClient: new ProgressiveDelay('loginAccountClient', 24 * 60 * MINUTE, (n) => (n < 3 ? 0 : Math.min(2 ** (n - 3) * SECOND, 5 * MINUTE))),
  /** Key: the account. */
  account: new ProgressiveDelay('loginAccountAll', 24 * 60 * MINUTE, (n) => (n < ACCOUNT_WIDE_FROM ? 0 : Math.min((n - ACCOUNT_WIDE_FROM + 1) * SECOND, 30 * SECOND))),
  /** The failure of the day per account (over all clients) from which every client waits before trying it. */
  accountWideFrom: ACCOUNT_WIDE_FROM,
  /** Failures per account and client in a day after which that client may not try the account again that day. */
  accountClientDailyCap: 10,
  /** Failures per account in a day at which admins are alerted (once). */
  accountAlertAt: 20,
  /** Second-factor failures per account in a day (only someone with the password gets there). */
  secondFactorDay: new ProgressiveDelay('totpAccountDay', 24 * 60 * MINUTE, () => 0),
  /** Second-factor failures per account in a day at which the second factor is refused for the rest of the day, and admins are alerted. */
  secondFactorDailyCap: 20,
};
