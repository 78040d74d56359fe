/**
 * Rule: absolute URLs (RSS, calendars, Open311 discovery) come from
 * PUBLIC_ORIGIN or the listening address, never from the request's Host
 * header, which any client sets.
 */
import { describe, expect, inject, it } from 'vitest';
import { getWithHost } from '../support/forged-host.ts';

const base = inject('baseUrl');
const get = (path: string, host: string) => getWithHost(base, path, host);

describe('the Host header is never echoed into absolute links', () => {
  it.each(['/feed.xml', '/en/feed.xml', '/arrangementer.ics', '/api/open311/v2/discovery.json', '/api/open311/v2/discovery.xml'])('%s', async (path) => {
    const res = await get(path, 'evil.example');
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('evil.example');
    // The server's own loopback origin instead.
    if (path.includes('discovery') || path.includes('feed')) expect(res.body).toContain(base);
  });
});
