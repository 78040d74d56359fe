/**
 * The build's static files (dist/client: hashed assets in /_astro/, the
 * favicon, robots.txt, illustrations), served before Astro's pages.
 *
 * The adapter's own standalone handler looked every request up on disk
 * first (an lstat and a stat, and a failed read stream for every page and
 * post): 5–7 % of the server's CPU in the write and page profiles (README
 * "Performance"). The files are known when the server starts, so the list is
 * read once and only those paths go to the disk; everything else goes
 * straight to Astro. Hashed assets are cached for a year as immutable, as
 * the adapter did.
 */
import { readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import send from 'send';

/** Where Astro puts hashed build assets (its `build.assets`). */
const ASSETS = '/_astro/';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Every file under `root` as a URL path (`/favicon.svg`, `/_astro/x.css`). */
export function listStaticPaths(root: string): Set<string> {
  const paths = new Set<string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
    // Dot files (there are none in the build) are never served.
    if (path.split('/').some((part) => part.startsWith('.'))) continue;
    paths.add(`/${path}`);
  }
  return paths;
}

/**
 * A handler that serves the files under `root` for GET and HEAD and hands
 * every other request (and a file that fails to open) to `next`.
 */
export function serveStaticFiles(root: string, next: NodeHandler): NodeHandler {
  const paths = listStaticPaths(root);
  return (req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const raw = query >= 0 ? url.slice(0, query) : url;
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      res.writeHead(400);
      res.end('Bad request.');
      return;
    }
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !paths.has(path)) {
      next(req, res);
      return;
    }
    // send decodes the path itself.
    const stream = send(req, raw, { root, dotfiles: 'deny', index: false });
    stream.on('error', () => next(req, res));
    if (path.startsWith(ASSETS)) stream.on('headers', () => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'));
    stream.pipe(res);
  };
}
