/**
 * The partnership's marks (README "Identity"): with BRAND_DIR, the footer
 * shows each partner's mark from our own origin and the header the site's
 * mark; the files are served sandboxed; names that are not marks, oversized
 * files and paths out of the folder are not served. Without BRAND_DIR the
 * partners are named in text. And the typeface comes from our own origin.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { measurePageWeight } from '../../src/server/bench/page-weight.ts';
import { MAX_MARK_BYTES, readMarks } from '../../src/server/platform/brand.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><style>text{font:bold 20px sans-serif}</style><text x="4" y="28">POLITI</text></svg>';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

let dir: string;
let branded: RunningServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tryghed-brand-'));
  writeFileSync(join(dir, 'politi.svg'), SVG);
  writeFileSync(join(dir, 'site.png'), PNG);
  writeFileSync(join(dir, 'ssp.svg'), 'x'.repeat(MAX_MARK_BYTES + 1));
  writeFileSync(join(dir, 'notes.txt'), 'not a mark');
  writeFileSync(join(dir, 'Politi.SVG'), SVG);
  mkdirSync(join(dir, 'omraadefornyelsen.svg'));
  branded = await startServer({ BRAND_DIR: dir });
}, 90_000);
afterAll(async () => {
  await branded?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the partnership’s marks', () => {
  it('reads only <slug>.svg|png|webp files within the size limit, and says why it skips the rest', () => {
    const { marks, skipped } = readMarks(dir);
    expect([...marks.keys()].sort()).toEqual(['politi', 'site']);
    expect(marks.get('politi')).toMatchObject({ file: 'politi.svg', type: 'image/svg+xml' });
    expect(skipped.sort()).toEqual([
      'Politi.SVG: not <slug>.svg, .png or .webp',
      'notes.txt: not <slug>.svg, .png or .webp',
      'omraadefornyelsen.svg: not a file',
      `ssp.svg: larger than ${MAX_MARK_BYTES / 1024} KB`,
    ]);
  });

  it('the footer shows a partner’s mark with its name as alt text, the others by name; the header shows the site’s mark', async () => {
    for (const [path, police, ssp] of [
      ['/', 'Københavns Politi', 'SSP København'],
      ['/en/om', 'Copenhagen Police', 'SSP Copenhagen'],
    ] as const) {
      const html = await (await fetch(branded.url + path)).text();
      const footer = html.slice(html.indexOf('<footer'));
      expect(footer, path).toMatch(new RegExp(`<img src="/brand/politi.svg" alt="${police}"`));
      expect(footer, path).not.toMatch(new RegExp(`<span[^>]*>${police}</span>`));
      expect(footer, path).toMatch(new RegExp(`<span[^>]*>${ssp}</span>`));
      expect(html.slice(0, html.indexOf('</header>')), path).toMatch(/<a class="site-name"[^>]*><img src="\/brand\/site.png" alt=""/);
    }
  });

  it('serves a mark from memory with its type, a long cache and a sandbox; anything else is 404', async () => {
    const svg = await fetch(`${branded.url}/brand/politi.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(svg.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(svg.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await svg.text()).toBe(SVG);
    const png = await fetch(`${branded.url}/brand/site.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).equals(PNG)).toBe(true);
    for (const path of ['/brand/ssp.svg', '/brand/notes.txt', '/brand/Politi.SVG', '/brand/politi.png', '/brand/..%2Fpoliti.svg', '/brand/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/brand/']) {
      const res = await fetch(branded.url + path);
      expect(res.status, path).toBe(404);
      await res.body?.cancel();
    }
  });
});

describe('without BRAND_DIR', () => {
  const base = inject('baseUrl');

  it('names every partner in text, loads no mark, and the typeface is our own', async () => {
    const html = await (await fetch(`${base}/`)).text();
    const footer = html.slice(html.indexOf('<footer'));
    for (const name of ['Københavns Politi', 'Center for Sikker By', 'SSP København', 'Områdefornyelsen Indre Nørrebro']) {
      expect(footer).toMatch(new RegExp(`<li[^>]*><span[^>]*>${name}</span></li>`));
    }
    expect(html).not.toContain('/brand/');
    expect((await fetch(`${base}/brand/politi.svg`)).status).toBe(404);
    // The stylesheet declares IBM Plex Sans from /_astro/ on this origin.
    const css = await Promise.all(
      [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(async ([, href]) => (await fetch(new URL(href!, base))).text()),
    );
    const faces = css.join('\n').match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.length).toBeGreaterThanOrEqual(2);
    for (const face of faces) {
      expect(face).toContain('IBM Plex Sans');
      for (const [, url] of face.matchAll(/url\(([^)]+)\)/g)) expect(url!.startsWith('/_astro/'), url).toBe(true);
    }
  });

  it("the questionnaire's pages load no typeface, so a first visit from a QR code stays under 30 KB; other pages load it", async () => {
    const fonts = (w: Awaited<ReturnType<typeof measurePageWeight>>) => w.assets.filter((a) => a.url.endsWith('.woff2'));
    const start = await measurePageWeight(base, '/undersoegelser/tryghed-2026');
    expect(start.status).toBe(200);
    expect(fonts(start)).toEqual([]);
    expect(start.totalBytes).toBeLessThan(30 * 1024);
    for (const path of ['/undersoegelser', '/en/undersoegelser/tryghed-2026']) expect(fonts(await measurePageWeight(base, path)), path).toEqual([]);
    const front = await measurePageWeight(base, '/');
    expect(fonts(front).map((a) => a.status)).toEqual([200, 200]);
  });
});
