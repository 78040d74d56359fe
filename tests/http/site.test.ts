/** The built site over HTTP, as curl or a crawler sees it (no browser). */
import { describe, expect, inject, it } from 'vitest';
import { signInDemo, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';

const base = inject('baseUrl');
const PAGES = ['/', '/om', '/privatliv', '/tilgaengelighed'];

async function get(path: string, init?: RequestInit) {
  const res = await fetch(base + path, { redirect: 'manual', ...init });
  return { res, body: await res.text() };
}

describe('locales', () => {
  it('the front page is Danish at / and English at /en/', async () => {
    expect((await get('/')).body).toMatch(/<html lang="da"/);
    expect((await get('/en/')).body).toMatch(/<html lang="en"/);
  });

  it.each(PAGES)('%s exists in both locales with one h1', async (path) => {
    for (const url of [path, path === '/' ? '/en/' : `/en${path}`]) {
      const { res, body } = await get(url);
      expect(res.status, url).toBe(200);
      expect(body.match(/<h1[\s>]/g), url).toHaveLength(1);
    }
  });

  it('unknown pages get a localized 404', async () => {
    const da = await get('/findes-ikke');
    expect(da.res.status).toBe(404);
    expect(da.body).toContain('Siden findes ikke');
    const en = await get('/en/does-not-exist');
    expect(en.res.status).toBe(404);
    expect(en.body).toContain('Page not found');
    expect(en.body).toMatch(/<html lang="en"/);
  });
});

describe('security headers', () => {
  it.each(['/', '/en/om', '/healthz', '/favicon.svg', '/findes-ikke'])('%s carries the baseline headers', async (path) => {
    const { res } = await get(path);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('permissions-policy')).toContain('geolocation=(self)');
  });

  it('pages send a CSP header with frame-ancestors and script hashes', async () => {
    const csp = (await get('/')).res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'/);
  });

  it('no HSTS over plain HTTP (it is sent over HTTPS only)', async () => {
    expect((await get('/')).res.headers.has('strict-transport-security')).toBe(false);
  });

  it('HSTS behind a trusted TLS-terminating proxy', async () => {
    const { res } = await get('/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('a cross-site form post is refused by the origin check', async () => {
    const { res } = await get('/', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(res.status).toBe(403);
  });
});

describe('privacy', () => {
  it.each(PAGES)('%s sets no cookie and references no other origin', async (path) => {
    const { res, body } = await get(path);
    expect(res.headers.get('set-cookie')).toBeNull();
    const urls = [...body.matchAll(/(?:src|href|action)="([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const u of urls) expect(u, u).toMatch(/^(\/|#|tel:)/);
  });

  it('every page says 112 and 114', async () => {
    for (const path of PAGES) {
      const { body } = await get(path);
      expect(body).toContain('112');
      expect(body).toContain('114');
    }
  });
});

describe('/healthz', () => {
  it('the public gets only ok / not ok as JSON, never the migration name', async () => {
    const { res, body } = await get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(JSON.parse(body)).toEqual({ ok: true });
  });

  it(
    'a signed-in admin gets the database state and the migration version',
    async () => {
      const cookie = await signInDemo(base, 'admin');
      const health = await (await fetch(`${base}/healthz`, { headers: { cookie } })).json();
      expect(health).toMatchObject({ ok: true, database: 'ok', migrationsCurrent: true });
      expect(health.migration).toMatch(/^\d{4}_/);
    },
    SIGN_IN_TIMEOUT_MS,
  );
});

describe('the front page', () => {
  it('shows the seeded areas with their kind and the approximate label', async () => {
    const { body } = await get('/');
    expect(body).toContain('Indre Nørrebro');
    expect(body).toContain('Skt. Hans Torv-kvarteret');
    expect(body).toContain('Indsatsområde');
    expect(body).toContain('foreløbig grænse');
  });
});
