/** Only editors and admins reach the editors' pages: checked over HTTP as a moderator (its own TOTP step). */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { postForm, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
let cookie = '';

beforeAll(async () => {
  cookie = await staffSession(dbPath, 'moderator');
}, SIGN_IN_TIMEOUT_MS);

describe('the editors pages', () => {
  it('a moderator gets 403 on /staff/initiatives/new (GET and POST)', async () => {
    const get = await fetch(`${base}/staff/initiatives/new`, { redirect: 'manual', headers: { cookie } });
    expect(get.status).toBe(403);
    expect(await get.text()).toContain('Ingen adgang');
    const post = await postForm(base, '/staff/initiatives/new', { titleDa: 'Ikke tilladt', summaryDa: 'x' }, cookie);
    expect(post.status).toBe(403);
  });

  it('a moderator gets 403 on every editor page, in both locales', async () => {
    for (const path of ['/staff/initiatives', '/staff/events', '/staff/events/new', '/en/staff/initiatives/1', '/staff/initiatives/1/preview']) {
      const res = await fetch(base + path, { redirect: 'manual', headers: { cookie } });
      expect(res.status, path).toBe(403);
    }
    expect((await postForm(base, '/staff/initiatives/1', { intent: 'publish' }, cookie)).status).toBe(403);
  });

  it('without a session the editors pages send you to sign in', async () => {
    const res = await fetch(`${base}/staff/initiatives/new`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/login?next=%2Fstaff%2Finitiatives%2Fnew');
  });
});
