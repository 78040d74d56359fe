/**
 * The build's static files served before Astro (src/server/platform/static-files.ts):
 * only files that exist go to the disk, hashed assets are cached as
 * immutable, and every other request (a page, a post, a missing file, a dot
 * file) goes to the next handler.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStaticPaths, serveStaticFiles } from '../../src/server/platform/static-files.ts';

let root: string;
let server: Server;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tryghed-static-'));
  mkdirSync(join(root, '_astro'));
  writeFileSync(join(root, '_astro', 'site.abc123.css'), 'body{}');
  writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  writeFileSync(join(root, '.secret'), 'no');
  server = createServer(
    serveStaticFiles(root, (req, res) => {
      res.setHeader('x-next', '1');
      res.end(`next ${req.method} ${req.url}`);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('static files', () => {
  it('lists the files under the root as URL paths, without dot files', () => {
    expect([...listStaticPaths(root)].sort()).toEqual(['/_astro/site.abc123.css', '/favicon.svg']);
  });

  it('serves a hashed asset, cached for a year as immutable', async () => {
    const res = await fetch(`${base}/_astro/site.abc123.css?v=1`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('body{}');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('serves another file without the immutable caching', async () => {
    const res = await fetch(`${base}/favicon.svg`);
    expect(await res.text()).toBe('<svg/>');
    expect(res.headers.get('cache-control')).not.toContain('immutable');
  });

  it('hands pages, posts, missing files and dot files to the next handler', async () => {
    for (const [method, path] of [['GET', '/meld'], ['POST', '/favicon.svg'], ['GET', '/_astro/missing.css'], ['GET', '/.secret'], ['GET', '/_astro/../.secret']] as const) {
      const res = await fetch(`${base}${path}`, { method });
      expect(res.headers.get('x-next'), `${method} ${path}`).toBe('1');
      await res.arrayBuffer();
    }
  });

  it('refuses a malformed address with 400', async () => {
    const res = await fetch(`${base}/%E0%A4%A`);
    expect(res.status).toBe(400);
  });
});
