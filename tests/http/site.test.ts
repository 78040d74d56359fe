/** The built site over HTTP, as curl or a crawler sees it (no browser). */
import { describe, expect, inject, it } from 'vitest';
import { DEMO_PARTNER_MAILBOXES } from '../../src/server/seed/partners.ts';
import { SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
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

describe('text browsers: a post without an Origin header (OWASP: verify the Referer)', () => {
  // An invalid report: a post that gets past the origin check is answered by the form (400 with its errors).
  const post = (headers: Record<string, string>, path = '/meld') =>
    get(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: 'category=' });

  it('a same-origin Referer without Origin is accepted', async () => {
    const { res, body } = await post({ referer: `${base}/meld` });
    expect(res.status).toBe(400);
    expect(body).toContain('Meldingen blev ikke sendt');
    const en = await post({ referer: `${base}/en/meld` }, '/en/meld');
    expect(en.res.status).toBe(400);
  });

  it('a cross-site Referer without Origin is refused with 403', async () => {
    const { res, body } = await post({ referer: 'https://evil.example/meld' });
    expect(res.status).toBe(403);
    expect(body).toContain('en anden hjemmeside');
  });

  it('a cross-site Origin is refused even with a same-origin Referer', async () => {
    expect((await post({ origin: 'https://evil.example', referer: `${base}/meld` })).res.status).toBe(403);
  });

  it('a post with neither Origin nor Referer is still refused', async () => {
    expect((await post({})).res.status).toBe(403);
  });
});

describe('privacy', () => {
  it.each(PAGES)('%s sets no cookie and loads nothing from another origin (links to mail, phone and the complaint route are not requests)', async (path) => {
    const { res, body } = await get(path);
    expect(res.headers.get('set-cookie')).toBeNull();
    // Everything a browser fetches or posts to (src, action, <link href>) is on this site.
    const fetched = [...body.matchAll(/\s(?:src|action)="([^"]+)"/g), ...body.matchAll(/<link\s[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const u of fetched) expect(u, u).toMatch(/^(\/|#)/);
    // Links people follow: our pages, phone numbers, the configured contact addresses and the
    // partners' mailboxes (the demo's), and on the accessibility statement the Agency for
    // Digital Government's complaint route.
    const links = [...body.matchAll(/<a\s[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const u of links) expect(u, u).toMatch(/^(\/|#|tel:11[24]$|mailto:[^@]+@(?:example\.|tryghed\.)invalid$|https:\/\/www\.digst\.dk\/digitale-loesninger\/webtilgaengelighed\/$)/);
  });

  it('the header has 112 and 114 as phone links', async () => {
    for (const path of ['/', '/en/om']) {
      const header = /<header[\s\S]*?<\/header>/.exec((await get(path)).body)?.[0] ?? '';
      expect(header, path).toContain('href="tel:112"');
      expect(header, path).toContain('href="tel:114"');
      // One main menu, inside a disclosure that works without JavaScript (the language menu is above the header).
      expect(header.match(/<nav\b/g), path).toHaveLength(1);
      expect(header, path).toMatch(/<details class="menu[^"]*"[^>]*>\s*<summary/);
    }
  });

  it('every page says 112 and 114', async () => {
    for (const path of PAGES) {
      const { body } = await get(path);
      expect(body).toContain('112');
      expect(body).toContain('114');
    }
  });
});

describe('contact points and statements (demo addresses from the configuration defaults)', () => {
  const mailto = (address: string) => `href="mailto:${address}"`;
  const GENERAL = 'kontakt@tryghed.invalid';
  const DPO = 'databeskyttelse@tryghed.invalid';
  const ACCESSIBILITY = 'tilgaengelighed@tryghed.invalid';

  it.each(['', '/en'])('%s/om names all three contact points and each partner\'s mailbox', async (prefix) => {
    const { body } = await get(`${prefix}/om`);
    for (const a of [GENERAL, DPO, ACCESSIBILITY]) expect(body, a).toContain(mailto(a));
    // A demo partner's functional mailbox (src/server/seed/partners.ts; the demo shows them), under the partner's name.
    // (Only the police's: tests/http/partners.test.ts changes another partner's on the same server.)
    const police = prefix === '/en' ? 'Copenhagen Police' : 'Københavns Politi';
    expect(body).toMatch(new RegExp(`>${police}</span>: <a[^>]*href="mailto:${DEMO_PARTNER_MAILBOXES.politi}"`));
  });

  it.each(['', '/en'])('%s/privatliv names the data protection officer and the general contact', async (prefix) => {
    const { body } = await get(`${prefix}/privatliv`);
    expect(body).toContain(mailto(DPO));
    expect(body).toContain(mailto(GENERAL));
  });

  it('the accessibility statement follows the WAS tool, with feedback contacts and the complaint route', async () => {
    const da = (await get('/tilgaengelighed')).body;
    const headings = [...da.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings.slice(0, 5)).toEqual([
      'Overholdelsesstatus',
      'Ikke-tilgængeligt indhold',
      'Udarbejdelse af denne tilgængelighedserklæring',
      'Feedback og kontaktoplysninger',
      'Håndhævelsesprocedure',
    ]);
    expect(da).toContain('lov om tilgængelighed af offentlige organers websteder og mobilapplikationer');
    expect(da).toContain(mailto(ACCESSIBILITY));
    expect(da).toMatch(/<a href="https:\/\/www\.digst\.dk\/digitale-loesninger\/webtilgaengelighed\/"[^>]*>Klag over et websteds tilgængelighed hos Digitaliseringsstyrelsen<\/a>/);
    const en = (await get('/en/tilgaengelighed')).body;
    expect(en).toContain('Enforcement procedure');
    expect(en).toContain(mailto(ACCESSIBILITY));
    expect(en).toContain('href="https://www.digst.dk/digitale-loesninger/webtilgaengelighed/"');
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
      const cookie = await staffSession(dbPath, 'admin');
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
