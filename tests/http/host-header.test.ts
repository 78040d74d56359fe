/**
 * Rule: absolute URLs (RSS, calendars, Open311 discovery) come from
 * PUBLIC_ORIGIN or the listening address, never from the request's Host
 * header, which any client sets.
 */
import { request } from 'node:http';
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');

function get(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the Host header is never echoed into absolute links', () => {
  it.each(['/feed.xml', '/en/feed.xml', '/arrangementer.ics', '/api/open311/v2/discovery.json', '/api/open311/v2/discovery.xml'])('%s', async (path) => {
    const res = await get(path, 'evil.example');
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('evil.example');
    // The server's own loopback origin instead.
    if (path.includes('discovery') || path.includes('feed')) expect(res.body).toContain(base);
  });
});
