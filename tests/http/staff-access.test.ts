/**
 * Route protection, as an explicit table of who may open what, checked over
 * HTTP for every role: a role without the permission gets 403 on GET and
 * POST, an anonymous visitor gets the login page, and every staff page file
 * in src/pages/staff is covered by the table.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ROLES, type Role } from '../../db/schema.ts';
import { postForm } from '../support/staff-login.ts';
import { sharedServerDatabase } from '../support/server-db.ts';
import { staffSession } from '../support/staff-session.ts';
import { acceptedTotp } from '../support/totp.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const ALL = [...ROLES];
/** The dashboard and the status report: analysts and admins, and viewers (read-only). */
const DASHBOARD: Role[] = ['admin', 'analyst', 'viewer'];

/** Who may open each staff route (GET). Written out by hand: the intent, not derived from the code. */
const ACCESS: Record<string, Role[]> = {
  '/staff': ALL,
  '/staff/account': ALL,
  '/staff/users': ['admin'],
  '/staff/open311': ['admin'],
  '/staff/partners': ['admin'],
  '/staff/audit': ['admin'],
  '/staff/areas': ['admin'],
  '/staff/places': ['admin'],
  '/staff/categories': ['admin'],
  '/staff/comments': ['admin', 'moderator'],
  '/staff/reports': ['admin', 'moderator'],
  '/staff/initiatives': ['admin', 'editor'],
  '/staff/initiatives/new': ['admin', 'editor'],
  '/staff/initiatives/1': ['admin', 'editor'],
  '/staff/initiatives/1/preview': ['admin', 'editor'],
  '/staff/events': ['admin', 'editor'],
  '/staff/events/new': ['admin', 'editor'],
  '/staff/events/1': ['admin', 'editor'],
  '/staff/consultations': ['admin', 'editor'],
  '/staff/consultations/new': ['admin', 'editor'],
  '/staff/consultations/1': ['admin', 'editor'],
  '/staff/consultations/1/codes.csv': ['admin', 'editor'],
  '/staff/surveys': ['admin', 'editor'],
  '/staff/surveys/1': ['admin', 'editor'],
  '/staff/surveys/1/paper': ['admin', 'editor'],
  '/staff/surveys/1/codes.csv': ['admin', 'editor'],
  '/staff/surveys/1/settings': ['admin', 'editor'],
  '/staff/surveys/new': ['admin', 'editor'],
  '/staff/surveys/1/questions': ['admin', 'editor'],
  '/staff/surveys/1/questions/new': ['admin', 'editor'],
  '/staff/surveys/1/preview': ['admin', 'editor'],
  '/staff/surveys/1/translations': ['admin', 'editor'],
  '/staff/surveys/1/translations/ar': ['admin', 'editor'],
  '/staff/surveys/1/translations/ar.csv': ['admin', 'editor'],
  '/staff/surveys/questions/1': ['admin', 'editor'],
  '/staff/dashboard': DASHBOARD,
  '/staff/dashboard/goals': ['admin', 'analyst'],
  '/staff/dashboard/export/goals.json': ['admin', 'analyst'],
  '/staff/dashboard/waves': DASHBOARD,
  '/staff/dashboard/waves/1': DASHBOARD,
  '/staff/dashboard/trends': DASHBOARD,
  '/staff/dashboard/reports': DASHBOARD,
  '/staff/dashboard/displacement': DASHBOARD,
  '/staff/dashboard/consultations': DASHBOARD,
  '/staff/report/2025': DASHBOARD,
};

/** Pages that are part of signing in or out, not protected by a permission. */
const AUTH_PAGES = ['/staff/login', '/staff/mfa', '/staff/mfa/setup', '/staff/logout', '/staff/forbidden'];

function staffPageRoutes(): string[] {
  const dir = fileURLToPath(new URL('../../src/pages/staff', import.meta.url));
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return walk(dir).map((f) =>
    ('/staff/' + relative(dir, f))
      .replace(/\.(astro|ts)$/, '')
      .replace(/\/index$/, '')
      .replace(/\[id\]/g, '1')
      .replace('[file]', 'goals.json')
      .replace('[year]', '2025')
      .replace('[locale]', 'ar'),
  );
}

describe('staff route protection', () => {
  const cookies = {} as Record<Role, string>;
  beforeAll(async () => {
    for (const role of ROLES) cookies[role] = await staffSession(dbPath, role);
  }, 120_000);

  it('every staff page file is in the access table', () => {
    const missing = staffPageRoutes().filter((r) => !(r in ACCESS) && !AUTH_PAGES.includes(r));
    expect(missing).toEqual([]);
  });

  it('an anonymous request for any staff page is sent to the login page', async () => {
    for (const route of Object.keys(ACCESS)) {
      const res = await fetch(base + route, { redirect: 'manual' });
      expect(res.status, route).toBe(303);
      expect(res.headers.get('location'), route).toContain('/staff/login?next=');
    }
  });

  it.each(ALL)('%s gets 200 where allowed and 403 everywhere else', async (role) => {
    for (const [route, allowed] of Object.entries(ACCESS)) {
      const res = await fetch(base + route, { headers: { cookie: cookies[role] }, redirect: 'manual' });
      expect(res.status, `${role} GET ${route}`).toBe(allowed.includes(role) ? 200 : 403);
      await res.body?.cancel();
    }
  });

  it.each(ALL)('%s is refused a POST to every route it may not open', async (role) => {
    for (const [route, allowed] of Object.entries(ACCESS)) {
      if (allowed.includes(role)) continue;
      const res = await postForm(base, route, { intent: 'create' }, cookies[role]);
      expect(res.status, `${role} POST ${route}`).toBe(403);
    }
  });

  it('staff pages are never cached', async () => {
    const res = await fetch(`${base}/staff`, { headers: { cookie: cookies.viewer } });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('an admin replaces an area boundary by uploading GeoJSON; a broken file is a clear 400', async () => {
    const upload = async (content: string) => {
      const form = new FormData();
      form.set('areaId', '3');
      form.set('geojson', new File([content], 'area.geojson', { type: 'application/geo+json' }));
      return fetch(`${base}/staff/areas`, { method: 'POST', body: form, headers: { cookie: cookies.admin, origin: base } });
    };
    const bad = await upload('{"type": "Point"');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Filen er ikke gyldig JSON.');
    const polygon = { type: 'Polygon', coordinates: [[[12.53, 55.694], [12.556, 55.694], [12.556, 55.706], [12.53, 55.706], [12.53, 55.694]]] };
    const good = await upload(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: polygon }] }));
    expect(good.status).toBe(200);
    expect(await good.text()).toContain('Grænsen for Ydre Nørrebro er erstattet.');
  });

  it('after sign-out the old cookie no longer opens anything', async () => {
    const cookie = cookies.viewer;
    const out = await postForm(base, '/staff/logout', {}, cookie);
    expect(out.status).toBe(303);
    const res = await fetch(`${base}/staff`, { headers: { cookie }, redirect: 'manual' });
    expect(res.status).toBe(303);
  });
});

describe('signing in over plain HTTP', () => {
  it('a wrong password gets 401 with a clear Danish message and no session', async () => {
    const res = await postForm(base, '/staff/login', { email: 'editor@demo.tryghed.invalid', password: 'not the password at all' });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Forkert e-mail eller adgangskode.');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('__Host-tryghed-session=') && !c.startsWith('__Host-tryghed-session=;'))).toBe(false);
  });

  it('the session cookie is __Host-, HttpOnly, Secure, SameSite=Lax, Path=/', async () => {
    const res = await postForm(base, '/staff/login', { email: 'analyst@demo.tryghed.invalid', password: 'tryghed-demo-kanelsnegl' });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-tryghed-session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//i);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('a session that passed only the password reaches nothing but the second factor', async () => {
    const res = await postForm(base, '/staff/login', { email: 'analyst@demo.tryghed.invalid', password: 'tryghed-demo-kanelsnegl' });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-tryghed-session='))!.split(';')[0]!;
    const staff = await fetch(`${base}/staff`, { headers: { cookie }, redirect: 'manual' });
    expect(staff.status).toBe(303);
    expect(staff.headers.get('location')).toBe('/staff/mfa');
  });

  it('the next parameter cannot send anyone to another site', async () => {
    const res = await postForm(base, '/staff/login?next=https://evil.example/', {
      email: 'analyst@demo.tryghed.invalid',
      password: 'tryghed-demo-kanelsnegl',
    });
    expect(res.headers.get('location')).toBe('/staff/mfa?next=%2Fstaff');
  });
});

describe('session rotation', () => {
  it('passing the second factor issues a new session cookie and ends the password-only session', async () => {
    const cookieOf = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('__Host-tryghed-session=') && !c.startsWith('__Host-tryghed-session=;'))?.split(';')[0];
    const login = await postForm(base, '/staff/login', { email: 'analyst@demo.tryghed.invalid', password: 'tryghed-demo-kanelsnegl' });
    const partial = cookieOf(login)!;
    // A code the analyst has not used yet (this step's, or the next step's if another test used this one).
    const mfa = await postForm(base, '/staff/mfa', { code: await acceptedTotp(sharedServerDatabase(), 'analyst@demo.tryghed.invalid') }, partial);
    expect(mfa.status).toBe(303);
    const full = cookieOf(mfa)!;
    expect(full).toBeDefined();
    expect(full).not.toBe(partial);
    expect((await fetch(`${base}/staff`, { headers: { cookie: full }, redirect: 'manual' })).status).toBe(200);
    const old = await fetch(`${base}/staff/mfa`, { headers: { cookie: partial }, redirect: 'manual' });
    expect(old.status).toBe(303);
    expect(old.headers.get('location')).toContain('/staff/login');
  }, 60_000);
});

describe('session cookie', () => {
  it('the staff session cookie is non-persistent (no Expires or Max-Age): it goes when the browser closes', async () => {
    const a = (await import('../support/staff-login.ts')).demoAccount('editor');
    const login = await postForm(base, '/staff/login', { email: a.email, password: a.password });
    expect(login.status).toBe(303);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('__Host-tryghed-session='));
    expect(cookie).toBeDefined();
    expect(cookie!).toMatch(/HttpOnly/i);
    expect(cookie!).toMatch(/Secure/i);
    expect(cookie!).not.toMatch(/expires=|max-age=/i);
  });
});
