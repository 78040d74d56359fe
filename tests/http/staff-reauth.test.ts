/**
 * Rule: sensitive staff actions need re-authentication (the password or a
 * fresh code), not only a live session: new recovery codes, and an admin's
 * changes to users (role, password reset, disabling, creating).
 */
import { describe, expect, inject, it } from 'vitest';
import { demoAccount, postForm, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

describe('re-authentication for sensitive actions', () => {
  it(
    'recovery codes are not regenerated from a session alone; the password confirms it',
    async () => {
      const cookie = await staffSession(dbPath, 'analyst');
      const bare = await postForm(base, '/staff/account', { intent: 'codes' }, cookie);
      expect(bare.status).toBe(403);
      expect(await bare.text()).not.toMatch(/<code>[a-z0-9]{5}-[a-z0-9]{5}<\/code>/);
      const wrong = await postForm(base, '/staff/account', { intent: 'codes', confirm: 'not the password' }, cookie);
      expect(wrong.status).toBe(403);
      const ok = await postForm(base, '/staff/account', { intent: 'codes', confirm: demoAccount('analyst').password }, cookie);
      expect(ok.status).toBe(200);
      expect((await ok.text()).match(/<code>[a-z0-9]{5}-[a-z0-9]{5}<\/code>/g)).toHaveLength(10);
    },
    SIGN_IN_TIMEOUT_MS,
  );

  it(
    "an admin's role change or password reset for another user needs the admin's password",
    async () => {
      const cookie = await staffSession(dbPath, 'admin');
      const page = await (await fetch(`${base}/staff/users`, { headers: { cookie } })).text();
      const viewerId = new RegExp(`${demoAccount('viewer').email}[\\s\\S]*?name="userId" value="(\\d+)"`).exec(page)?.[1];
      expect(viewerId).toBeDefined();
      for (const intent of ['set_role', 'reset_password', 'disable']) {
        const res = await postForm(base, '/staff/users', { intent, userId: viewerId!, role: 'admin' }, cookie);
        expect(res.status, intent).toBe(403);
      }
      const after = await (await fetch(`${base}/staff/users`, { headers: { cookie } })).text();
      // Nothing changed for the viewer (the row; other test files may add users meanwhile).
      const viewerRow = (html: string) => new RegExp(`<tr[^>]*>\\s*<td[^>]*>${demoAccount('viewer').email}[\\s\\S]*?</tr>`).exec(html)?.[0];
      expect(viewerRow(page)).toBeDefined();
      expect(viewerRow(after)).toBe(viewerRow(page));
      const confirmed = await postForm(base, '/staff/users', { intent: 'set_role', userId: viewerId!, role: 'viewer', confirm: demoAccount('admin').password }, cookie);
      expect(confirmed.status).toBe(200);
    },
    SIGN_IN_TIMEOUT_MS,
  );
});
