/**
 * The build-time memo of Astro's CSP digests (src/server/platform/csp-digest-memo.ts):
 * it applies to the Astro installed here (an upgrade that changes the function
 * fails this test, not silently the speed), and the memoised function gives
 * the same digests as Astro's own, made once per input.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_DIGESTS_KEPT, isAstroEncryptionModule, memoizeCspDigest } from '../../src/server/platform/csp-digest-memo.ts';

const require = createRequire(import.meta.url);
/** Astro's package exports do not name the file: found beside its package.json. */
const astroEncryption = join(dirname(require.resolve('astro/package.json')), 'dist', 'core', 'encryption.js');

/** The module's generateCspDigest after the transform, run on its own with a counting digest. */
function transformedDigest(): { digest: (data: string, algorithm: string) => Promise<string>; calls: () => number } {
  const code = memoizeCspDigest(readFileSync(astroEncryption, 'utf8'));
  const start = code.indexOf('const keptCspDigests');
  const end = code.indexOf('\n}\n', code.indexOf('async function generateCspDigestOnce')) + 3;
  let calls = 0;
  const body = `${code.slice(start, end)}\nreturn generateCspDigest;`;
  const fakeCrypto = { subtle: { digest: async (_: string, bytes: Uint8Array<ArrayBuffer>) => { calls++; return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).buffer; } } };
  const encodeBase64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  const make = new Function('crypto', 'encoder', 'encodeBase64', 'ALGORITHMS', body) as (...a: unknown[]) => (data: string, algorithm: string) => Promise<string>;
  return { digest: make(fakeCrypto, new TextEncoder(), encodeBase64, { 'SHA-256': 'sha256-' }), calls: () => calls };
}

describe('the CSP digest memo', () => {
  it("finds Astro's encryption module and applies to the installed Astro", () => {
    expect(isAstroEncryptionModule(astroEncryption)).toBe(true);
    expect(isAstroEncryptionModule('/x/node_modules/astro/dist/core/encryption.js?v=1')).toBe(true);
    expect(isAstroEncryptionModule('/x/src/encryption.js')).toBe(false);
    expect(memoizeCspDigest(readFileSync(astroEncryption, 'utf8'))).toContain('keptCspDigests');
  });

  it('fails loudly when the function it wraps is not there', () => {
    expect(() => memoizeCspDigest('export function other() {}')).toThrow(/generateCspDigest changed/);
  });

  it('gives the same digest as hashing the input, and hashes each input once', async () => {
    const { digest, calls } = transformedDigest();
    const expected = `sha256-${Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('body{}'))).toString('base64')}`;
    expect(await digest('body{}', 'SHA-256')).toBe(expected);
    expect(await digest('body{}', 'SHA-256')).toBe(expected);
    expect(await digest('', 'SHA-256')).not.toBe(expected);
    expect(calls()).toBe(2);
  });

  it('keeps at most CSP_DIGESTS_KEPT inputs and still answers beyond them', async () => {
    const { digest, calls } = transformedDigest();
    for (let i = 0; i < CSP_DIGESTS_KEPT + 10; i++) await digest(`s${i}`, 'SHA-256');
    const before = calls();
    await digest('s0', 'SHA-256');
    await digest(`s${CSP_DIGESTS_KEPT + 5}`, 'SHA-256');
    expect(calls()).toBe(before + 1);
  });
});
