/**
 * Transfer: public pages are compressed, staff pages never are (they can
 * hold secrets next to reflected text: BREACH), and hashed build assets are
 * cached for a year as immutable.
 */
import { describe, expect, inject, it } from 'vitest';
import { signInDemo } from '../support/staff-login.ts';

const base = inject('baseUrl');

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
    const cookie = await signInDemo(base, 'viewer');
    const res = await fetch(`${base}/staff`, { headers: { cookie, 'accept-encoding': 'gzip, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
  }, 45_000);

  it('hashed build assets are cached for a year as immutable, and compressed', async () => {
    const html = await (await fetch(`${base}/`)).text();
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    const res = await fetch(base + css!, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });
});
