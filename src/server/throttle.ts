/**
 * In-memory throttling against brute force and automated posting.
 *
 * Client addresses are never stored: they are turned at once into an HMAC
 * with a random key that lives only in memory and is replaced every UTC day,
 * so a key cannot be linked to an address, nor across days. Counters live in
 * this process only (one instance; see README for several).
 */
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { randomBytes } from './auth/random.ts';

let dayKey: { day: string; key: Uint8Array } | undefined;

/** An opaque per-day key for a client address; the address itself is dropped. */
export function clientKey(address: string | undefined, now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  if (!dayKey || dayKey.day !== day) dayKey = { day, key: randomBytes(32) };
  return encodeBase64urlNoPadding(hmac(SHA256, dayKey.key, new TextEncoder().encode(address ?? 'unknown')));
}

export interface ThrottleResult {
  ok: boolean;
  /** Seconds until another attempt is allowed (when not ok). */
  retryAfter: number;
}

/** A fixed-window counter: at most `limit` hits per key per `windowMs`. */
export class Throttle {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  readonly limit: number;
  readonly windowMs: number;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Counts one attempt and says whether it is allowed. */
  hit(key: string, now = Date.now()): ThrottleResult {
    this.prune(now);
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
      return { ok: true, retryAfter: 0 };
    }
    entry.count += 1;
    if (entry.count > this.limit) return { ok: false, retryAfter: Math.ceil((entry.resetAt - now) / 1000) };
    return { ok: true, retryAfter: 0 };
  }

  /** Whether the key is blocked now, without counting an attempt. */
  check(key: string, now = Date.now()): ThrottleResult {
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now || entry.count < this.limit) return { ok: true, retryAfter: 0 };
    return { ok: false, retryAfter: Math.ceil((entry.resetAt - now) / 1000) };
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  clear(): void {
    this.hits.clear();
  }

  private prune(now: number): void {
    if (this.hits.size < 10_000) return;
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
  }
}

const MINUTE = 60_000;

/** The throttles used across the app, in one place so their limits are easy to review. */
export const throttles = {
  /** Failed logins per account: 5 per 15 minutes. */
  loginAccount: new Throttle(5, 15 * MINUTE),
  /** Login attempts per client: 20 per 15 minutes. */
  loginClient: new Throttle(20, 15 * MINUTE),
  /** Second-factor attempts per account: 5 per 15 minutes. */
  totpAccount: new Throttle(5, 15 * MINUTE),
  /** Second-factor attempts per client: 20 per 15 minutes. */
  totpClient: new Throttle(20, 15 * MINUTE),
  /** Invitation codes tried per client: 10 per 10 minutes, against guessing. */
  codeClient: new Throttle(10, 10 * MINUTE),
  /** Survey answers started per client: 30 per 10 minutes (a household or an office shares an address). */
  surveyStartClient: new Throttle(30, 10 * MINUTE),
  /** Residents' comments per client: 5 per 10 minutes. */
  commentClient: new Throttle(5, 10 * MINUTE),
  /** Residents' concern reports per client: 10 per 10 minutes. */
  reportClient: new Throttle(10, 10 * MINUTE),
};

export function resetAllThrottles(): void {
  for (const t of Object.values(throttles)) t.clear();
}
