/**
 * What a public page costs a visitor: the HTML and every asset it loads
 * (stylesheets, scripts, module preloads, icons, images, an island's
 * component and renderer with their imports, a stylesheet's imports and
 * images), fetched with `Accept-Encoding: gzip` and counted as transferred
 * body bytes. Scripts are counted separately, to see what needs JavaScript.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export interface Asset {
  url: string;
  kind: 'css' | 'js' | 'image' | 'other';
  status: number;
  /** Bytes on the wire (the compressed body). */
  bytes: number;
  encoding: string;
}

export interface PageWeight {
  path: string;
  status: number;
  /** The HTML's bytes on the wire. */
  documentBytes: number;
  assets: Asset[];
  /** HTML plus every asset. */
  totalBytes: number;
  /** External scripts' bytes on the wire. */
  jsBytes: number;
  /** Inline scripts' bytes, uncompressed (they travel inside the HTML). */
  inlineJsBytes: number;
  /** A `<form method="post">` with a submit button: the page's task works without JavaScript. */
  worksWithoutJs: boolean;
  /** Islands (hydrated components) on the page. */
  islands: number;
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(raw: Raw): string {
  const encoding = String(raw.headers['content-encoding'] ?? '');
  const body = encoding === 'gzip' ? gunzipSync(raw.body) : encoding === 'br' ? brotliDecompressSync(raw.body) : encoding === 'deflate' ? inflateSync(raw.body) : raw.body;
  return body.toString('utf8');
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z][\w:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    out[m[1]!.toLowerCase()] = (m[2] ?? m[3] ?? m[4] ?? '').replaceAll('&amp;', '&').replaceAll('&quot;', '"');
  }
  return out;
}

const LINK_RELS = ['stylesheet', 'icon', 'modulepreload', 'preload', 'manifest', 'apple-touch-icon', 'shortcut'];

/** The URLs an HTML document makes the browser load (not links to other pages). */
export function documentAssets(html: string): { url: string; kind: Asset['kind'] }[] {
  const out: { url: string; kind: Asset['kind'] }[] = [];
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const rels = (a['rel'] ?? '').toLowerCase().split(/\s+/);
    if (!a['href'] || !rels.some((r) => LINK_RELS.includes(r))) continue;
    const kind = rels.includes('stylesheet') || a['as'] === 'style' ? 'css' : rels.includes('modulepreload') || a['as'] === 'script' ? 'js' : rels.includes('icon') ? 'image' : 'other';
    out.push({ url: a['href'], kind });
  }
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    if (a['src']) out.push({ url: a['src'], kind: 'js' });
  }
  for (const m of html.matchAll(/<(?:img|source|input)\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    if (a['src'] && !a['src'].startsWith('data:')) out.push({ url: a['src'], kind: 'image' });
  }
  for (const m of html.matchAll(/<astro-island\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    for (const key of ['component-url', 'renderer-url', 'before-hydration-url']) if (a[key]) out.push({ url: a[key], kind: 'js' });
  }
  for (const m of html.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
    if (!m[1]!.startsWith('data:') && !m[1]!.startsWith('#')) out.push({ url: m[1]!, kind: 'image' });
  }
  return out;
}

/** Static and dynamic imports of an ES module. */
export function moduleImports(js: string): string[] {
  const out: string[] = [];
  for (const m of js.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]*?\s*from\s*)?["']([^"']+)["']/g)) out.push(m[1]!);
  for (const m of js.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) out.push(m[1]!);
  return out.filter((s) => s.startsWith('.') || s.startsWith('/'));
}

/**
 * A stylesheet's imports, fonts and images (not data: URLs). Of a font's
 * `src` list only the first file counts: a browser fetches the first format
 * it supports (WOFF2 today) and never the fallbacks after it.
 */
export function stylesheetAssets(css: string): { url: string; kind: Asset['kind'] }[] {
  const out: { url: string; kind: Asset['kind'] }[] = [];
  for (const m of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) out.push({ url: m[1]!, kind: 'css' });
  for (const face of css.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    const first = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(face[0])?.[1];
    if (first && !first.startsWith('data:')) out.push({ url: first, kind: 'other' });
  }
  // Imports are counted above, font faces here: the rest are images.
  const rest = css.replace(/@font-face\s*\{[^}]*\}/g, '').replace(/@import\s+[^;]*;?/g, '');
  for (const m of rest.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
    const u = m[1]!;
    if (!u.startsWith('data:') && !u.startsWith('#')) out.push({ url: u, kind: /\.css(\?|$)/.test(u) ? 'css' : 'image' });
  }
  return out;
}

function inlineScriptBytes(html: string): number {
  let n = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const a = attributes(`<x ${m[1]}>`);
    if (!a['src'] && !/json|importmap/.test(a['type'] ?? '')) n += Buffer.byteLength(m[2]!);
  }
  return n;
}

export async function measurePageWeight(base: string, path: string, headers: Record<string, string> = {}): Promise<PageWeight> {
  const page = await get(base + path, headers);
  const html = decode(page);
  const seen = new Set<string>();
  const assets: Asset[] = [];
  const queue = documentAssets(html).map((a) => ({ ...a, url: new URL(a.url, base + path).href }));
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next.url) || new URL(next.url).origin !== new URL(base).origin) continue;
    seen.add(next.url);
    const raw = await get(next.url, {});
    assets.push({ url: new URL(next.url).pathname, kind: next.kind, status: raw.status, bytes: raw.body.length, encoding: String(raw.headers['content-encoding'] ?? 'identity') });
    if (raw.status !== 200) continue;
    const type = String(raw.headers['content-type'] ?? '');
    if (next.kind === 'js' || type.includes('javascript')) {
      for (const u of moduleImports(decode(raw))) queue.push({ url: new URL(u, next.url).href, kind: 'js' });
    } else if (next.kind === 'css' || type.includes('css')) {
      for (const a of stylesheetAssets(decode(raw))) queue.push({ url: new URL(a.url, next.url).href, kind: a.kind });
    }
  }
  const assetBytes = assets.reduce((s, a) => s + a.bytes, 0);
  return {
    path,
    status: page.status,
    documentBytes: page.body.length,
    assets,
    totalBytes: page.body.length + assetBytes,
    jsBytes: assets.filter((a) => a.kind === 'js').reduce((s, a) => s + a.bytes, 0),
    inlineJsBytes: inlineScriptBytes(html),
    worksWithoutJs: /<form\b[^>]*method=["']?post/i.test(html) && /<button\b[^>]*type=["']?submit/i.test(html),
    islands: (html.match(/<astro-island\b/gi) ?? []).length,
  };
}
