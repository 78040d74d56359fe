/**
 * The throttles' keys (src/server/platform/throttle.ts): HMAC-SHA256 in
 * base64url without padding, as stored in throttle_hits; the same bytes as
 * before the HMAC moved to Node's own crypto, so counters keep counting.
 */
import { describe, expect, it } from 'vitest';
import { keyed } from '../../src/server/platform/throttle.ts';

const hex = (s: string) => Buffer.from(s, 'base64url').toString('hex');

describe('keyed', () => {
  it('is HMAC-SHA256 (RFC 4231, test case 2), written in base64url without padding', () => {
    const out = keyed(new TextEncoder().encode('Jefe'), 'what do ya want for nothing?');
    expect(hex(out)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(out).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('hashes the value as UTF-8, and differs with the key', () => {
    const key = new Uint8Array(32).fill(7);
    expect(keyed(key, 'Nørrebro')).not.toBe(keyed(key, 'Norrebro'));
    expect(keyed(key, '10.0.0.1')).not.toBe(keyed(new Uint8Array(32).fill(8), '10.0.0.1'));
    expect(keyed(key, '10.0.0.1')).toBe(keyed(key, '10.0.0.1'));
  });
});
