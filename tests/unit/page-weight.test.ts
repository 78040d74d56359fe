/**
 * The benchmark's page weight (src/server/bench/page-weight.ts) counts what a
 * browser downloads: of a font's `src` list only the first file (the WOFF2 a
 * current browser takes), every image and import of a stylesheet, no data: URL.
 */
import { describe, expect, it } from 'vitest';
import { stylesheetAssets } from '../../src/server/bench/page-weight.ts';

describe('stylesheetAssets', () => {
  it('counts the first file of each font and skips the fallbacks after it', () => {
    const css = `@font-face{font-family:IBM Plex Sans;font-weight:400;src:url(/_astro/plex-400.woff2) format("woff2"),url(/_astro/plex-400.woff) format("woff")}
      @font-face { font-family: "IBM Plex Sans"; font-weight: 600; src: url('/_astro/plex-600.woff2') format('woff2'), url('/_astro/plex-600.woff') format('woff') }
      body{font-family:IBM Plex Sans,system-ui}`;
    expect(stylesheetAssets(css).map((a) => a.url)).toEqual(['/_astro/plex-400.woff2', '/_astro/plex-600.woff2']);
  });

  it('still counts imports and images outside font faces, and no data: URLs', () => {
    const css = `@import url("/_astro/more.css");
      .hero{background:url(/_astro/hero.png)} .dot{background:url(data:image/svg+xml;base64,AAAA)}
      @font-face{src:url(data:font/woff2;base64,AAAA) format("woff2"),url(/_astro/x.woff) format("woff")}`;
    expect(stylesheetAssets(css)).toEqual([
      { url: '/_astro/more.css', kind: 'css' },
      { url: '/_astro/hero.png', kind: 'image' },
    ]);
  });
});
