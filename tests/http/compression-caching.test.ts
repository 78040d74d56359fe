/**
 * Transfer: public pages are compressed, staff pages never are (they can
 * hold secrets next to reflected text: BREACH), and hashed build assets are
 * cached for a year as immutable.
 */
import { describe, expect, inject, it } from 'vitest';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
let viewer: Promise<string> | undefined;

describe('compression and caching', () => {
  it('a public page is sent compressed to a client that accepts it', async () => {
    const res = await fetch(`${base}/indsatser`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toContain('<html lang="da"');
  });

  it('a client that accepts nothing gets it plain', async () => {
    const res = await fetch(`${base}/indsatser`, { headers: { 'accept-encoding': 'identity' } });
    expect(res.headers.get('content-encoding')).toBeNull();
  });

  it('a staff page is never compressed', async () => {
    const cookie = await staffSession(dbPath, 'viewer');
    const res = await fetch(`${base}/staff`, { headers: { cookie, 'accept-encoding': 'gzip, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
  }, 45_000);

  it.each(['/%73taff', '//staff', '/en//staff', '/en/%73taff/', '/kort/../staff'])(
    'a staff page is never compressed however its path is spelt: %s',
    async (path) => {
      viewer ??= staffSession(dbPath, 'viewer');
      const cookie = await viewer;
      const res = await fetch(`${base}${path}`, { headers: { cookie, 'accept-encoding': 'gzip, br' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<html');
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('cache-control')).toBe('no-store');
    },
    45_000,
  );

  it('static files carry the security headers too (a fallback CSP, nosniff, no framing)', async () => {
    const res = await fetch(`${base}/favicon.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const proxied = await fetch(`${base}/favicon.svg`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it("Astro's unused image endpoint is not found (no image library is loaded)", async () => {
    for (const path of ['/_image?href=%2Ffavicon.svg&w=10&f=png', '/_image', '//_image?href=/favicon.svg']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  it('hashed build assets are cached for a year as immutable, and compressed', async () => {
    const html = await (await fetch(`${base}/`)).text();
    const stylesheets = [...html.matchAll(/href="(\/_astro\/[^"]+\.css)"/g)].map((m) => m[1]!);
    expect(stylesheets.length).toBeGreaterThan(1);
    let compressed = 0;
    for (const css of stylesheets) {
      const res = await fetch(base + css, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status, css).toBe(200);
      expect(res.headers.get('cache-control'), css).toBe('public, max-age=31536000, immutable');
      // Compressed from 1 KB up (the compression threshold); a smaller file (the typeface's @font-face rules) travels as it is.
      const size = (await (await fetch(base + css)).arrayBuffer()).byteLength;
      if (size >= 1024) expect(res.headers.get('content-encoding'), css).toBe('gzip');
      if (res.headers.get('content-encoding') === 'gzip') compressed += 1;
    }
    expect(compressed).toBeGreaterThan(0);
  });
});
