/**
 * Astro hashes each of a page's head elements for its Content-Security-Policy
 * on every request (`createResult` → `generateCspDigest`, async WebCrypto),
 * although they are the build's own, fixed styles and scripts: an external
 * stylesheet's empty content is hashed again for every page view. In the
 * write and page profiles (README "Performance") that was 8–13 % of the
 * server's CPU. Astro 7.4 still does it.
 *
 * This Vite plugin keeps each digest once made: Astro's `generateCspDigest`
 * is renamed and wrapped, at build time, by a memo of at most
 * CSP_DIGESTS_KEPT inputs. The digests are the same; only repeating them is
 * saved. If Astro's function changes shape the build fails here (and
 * tests/unit/csp-digest-memo.test.ts), so an upgrade cannot silently lose
 * it. Remove this file when Astro caches the digests itself.
 */
import type { Plugin } from 'vite';

/** How many distinct inputs are kept: the build's styles and scripts are a few dozen. */
export const CSP_DIGESTS_KEPT = 512;

const ORIGINAL = 'async function generateCspDigest(data, algorithm) {';

/** Astro's encryption module with generateCspDigest memoised; throws if the function is not found. */
export function memoizeCspDigest(code: string): string {
  if (!code.includes(ORIGINAL)) throw new Error('csp-digest-memo: Astro\'s generateCspDigest changed; see src/server/platform/csp-digest-memo.ts');
  return code.replace(
    ORIGINAL,
    [
      'const keptCspDigests = new Map();',
      'function generateCspDigest(data, algorithm) {',
      '  const key = `${algorithm}\\u0000${data}`;',
      '  let digest = keptCspDigests.get(key);',
      '  if (digest === undefined) {',
      '    digest = generateCspDigestOnce(data, algorithm);',
      `    if (keptCspDigests.size < ${CSP_DIGESTS_KEPT}) keptCspDigests.set(key, digest);`,
      '  }',
      '  return digest;',
      '}',
      'async function generateCspDigestOnce(data, algorithm) {',
    ].join('\n'),
  );
}

/** The module the function lives in (Astro 7's dist/core/encryption.js). */
export function isAstroEncryptionModule(id: string): boolean {
  return /[\\/]astro[\\/]dist[\\/]core[\\/]encryption\.js(\?|$)/.test(id);
}

export function cspDigestMemo(): Plugin {
  return {
    name: 'tryghed:csp-digest-memo',
    enforce: 'pre',
    transform(code, id) {
      return isAstroEncryptionModule(id) ? { code: memoizeCspDigest(code), map: null } : undefined;
    },
  };
}
