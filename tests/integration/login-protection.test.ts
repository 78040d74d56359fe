/**
 * Rules against guessing staff credentials (issue #16), on SQLite and PostgreSQL:
 * failures are audited with the account, and a lockout once when it begins;
 * waits grow per account and client with a daily cap; strangers can delay the real user only briefly, never lock the
 * account; admins are alerted; sensitive actions need re-authentication.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, throttleHits } from '../../db/schema.ts';
import { confirmIdentity, signIn, verifySecondFactor } from '../../src/server/staff/auth/login.ts';
import { createTotpKey, currentTotp } from '../../src/server/staff/auth/totp.ts';
import type { OutgoingMail } from '../../src/server/platform/mail.ts';
import { alertAdmins } from '../../src/server/staff/security-alerts.ts';
import { loginDelays } from '../../src/server/platform/throttle.ts';
import { createUser, findUser } from '../../src/server/staff/users.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { seedReference } from '../support/factories.ts';

let t: TestDb;
const PASSWORD = 'correct horse battery staple';
const EMAIL = 'staff@example.org';
beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
});
afterEach(() => t.close());

async function user(role: 'editor' | 'admin' = 'editor', email = EMAIL) {
  const key = createTotpKey();
  const u = await createUser(t.db, { email, displayName: 'Staff', role, partnerId: null, password: PASSWORD, totpKey: key }, null);
  return { user: u, key };
}

/** Lets every running wait end, as if its time had passed (the day's counts stay). */
async function letWaitsEnd() {
  await t.db.update(throttleHits).set({ resetAt: new Date(Date.now() - 1000) }).where(like(throttleHits.scope, '%.wait'));
}

const audits = async (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));

describe('failed sign-ins are audited with the account', () => {
  it('a wrong password is recorded against the account; an unknown e-mail without one', async () => {
    const { user: u } = await user();
    await signIn(t.db, { email: EMAIL, password: 'wrong password!!', client: 'c1' });
    await signIn(t.db, { email: 'nobody@example.org', password: 'wrong password!!', client: 'c1' });
    const failed = await audits('session.login_failed');
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ entityType: 'user', entityId: u.id });
    expect(failed[0]!.summary).toContain(EMAIL);
    expect(failed[1]).toMatchObject({ entityId: null, summary: 'unknown account' });
    expect(JSON.stringify(failed)).not.toContain('wrong password!!');
  });

  it('a wrong second factor is recorded against the account', async () => {
    const { user: u } = await user();
    const r = await signIn(t.db, { email: EMAIL, password: PASSWORD, client: 'c1' });
    if (r.kind !== 'ok') throw new Error('sign-in failed');
    expect((await verifySecondFactor(t.db, { session: r.session, user: r.user, code: '000000', client: 'c1' })).kind).toBe('invalid');
    expect(await audits('session.two_factor_failed')).toMatchObject([{ userId: u.id, entityId: u.id }]);
  });
});

describe('waits grow per account and client, with a daily cap', () => {
  it('the wait doubles after each failure from the third, and a client gets 10 failures a day for an account', async () => {
    await user();
    // The clock stands still, so each wait is read exactly (hashing on a busy machine takes a good part of a second).
    vi.useFakeTimers({ toFake: ['Date'], now: new Date() });
    try {
      const waits: number[] = [];
      for (let i = 0; i < loginDelays.accountClientDailyCap; i++) {
        await letWaitsEnd();
        expect((await signIn(t.db, { email: EMAIL, password: `wrong guess ${i}`, client: 'stranger' })).kind).toBe('invalid');
        waits.push((await loginDelays.accountClient.check(t.db, `${EMAIL}|stranger`)).waitSeconds);
      }
      expect(waits).toEqual([0, 0, 1, 2, 4, 8, 16, 32, 64, 128]);
      // The lockout is written down once, when it begins.
      const locked = await audits('session.login_locked');
      expect(locked).toHaveLength(1);
      expect(locked[0]!.summary).toContain(`${EMAIL}: one client may not try again until tomorrow (10 failures from it today)`);
      await letWaitsEnd();
      const capped = await signIn(t.db, { email: EMAIL, password: PASSWORD, client: 'stranger' });
      expect(capped.kind).toBe('throttled');
      if (capped.kind === 'throttled') expect(capped.retryAfter).toBeGreaterThan(60);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('strangers cannot lock the account', () => {
  it('after 40 failures from 40 addresses, the right password and code from another client work after at most 30 seconds', async () => {
    const { key } = await user();
    for (let i = 0; i < 40; i++) {
      await letWaitsEnd();
      await signIn(t.db, { email: EMAIL, password: `botnet guess ${i}`, client: `bot${i}` });
    }
    const first = await signIn(t.db, { email: EMAIL, password: PASSWORD, client: 'office' });
    expect(first.kind).toBe('throttled');
    // The account-wide wait began at the tenth failure: one audit row says so, not one per refused try.
    const locked = await audits('session.login_locked');
    expect(locked.map((r) => r.summary)).toEqual([`${EMAIL}: every client waits before each try until tomorrow (10 failures today)`]);
    if (first.kind === 'throttled') expect(first.retryAfter).toBeLessThanOrEqual(30);
    await letWaitsEnd();
    const r = await signIn(t.db, { email: EMAIL, password: PASSWORD, client: 'office' });
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect((await verifySecondFactor(t.db, { session: r.session, user: r.user, code: currentTotp(key), client: 'office' })).kind).toBe('ok');
  });
});

describe('admins are alerted', () => {
  it('the 20th failed sign-in of the day writes one alert to the audit log', async () => {
    const { user: u } = await user();
    await user('admin', 'admin@example.org');
    for (let i = 0; i < 25; i++) {
      await letWaitsEnd();
      await signIn(t.db, { email: EMAIL, password: `guess ${i}`, client: `bot${i}` });
    }
    const alerts = await audits('security.login_attack');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ entityId: u.id });
    expect(alerts[0]!.summary).toContain('20 failed sign-ins');
  });

  it('with mail configured, every active admin gets the alert by e-mail', async () => {
    const { user: u } = await user();
    await user('admin', 'admin1@example.org');
    await user('admin', 'admin2@example.org');
    const sent: OutgoingMail[] = [];
    const to = await alertAdmins(t.db, { action: 'security.login_attack', userId: u.id, summary: `20 failed sign-ins today for ${EMAIL}` }, async (m) => {
      sent.push(m);
    });
    expect(to.sort()).toEqual(['admin1@example.org', 'admin2@example.org']);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.subject).toContain('20 failed sign-ins');
  });

  it('20 failed second factors in a day alert the admins and refuse the second factor until the day ends', async () => {
    const { key } = await user();
    const r = await signIn(t.db, { email: EMAIL, password: PASSWORD, client: 'c1' });
    if (r.kind !== 'ok') throw new Error('sign-in failed');
    for (let i = 0; i < loginDelays.secondFactorDailyCap; i++) {
      // The 15-minute counter (5 tries) is let go each time to reach the daily cap.
      await t.db.delete(throttleHits).where(and(eq(throttleHits.scope, 'totpAccount')));
      expect((await verifySecondFactor(t.db, { session: r.session, user: r.user, code: '000000', client: `c${i}` })).kind).toBe('invalid');
    }
    await t.db.delete(throttleHits).where(eq(throttleHits.scope, 'totpAccount'));
    expect((await verifySecondFactor(t.db, { session: r.session, user: r.user, code: currentTotp(key), client: 'c1' })).kind).toBe('throttled');
    expect(await audits('security.second_factor_attack')).toHaveLength(1);
    expect((await audits('session.two_factor_locked')).map((row) => row.summary)).toEqual([`${EMAIL}: the second factor is refused until tomorrow (20 failures today)`]);
  });
});

describe('sensitive actions need re-authentication (password or a fresh code)', () => {
  it('the password or a fresh TOTP code confirms; a session alone, a wrong password or a used code do not', async () => {
    const { user: u, key } = await user();
    expect((await confirmIdentity(t.db, { user: u, proof: '', action: 'test' })).kind).toBe('wrong');
    expect((await confirmIdentity(t.db, { user: u, proof: 'not my password', action: 'test' })).kind).toBe('wrong');
    expect((await confirmIdentity(t.db, { user: u, proof: PASSWORD, action: 'test' })).kind).toBe('ok');
    const code = currentTotp(key);
    expect((await confirmIdentity(t.db, { user: (await findUser(t.db, u.id))!, proof: code, action: 'test' })).kind).toBe('ok');
    // The same code again (replay): refused.
    expect((await confirmIdentity(t.db, { user: (await findUser(t.db, u.id))!, proof: code, action: 'test' })).kind).toBe('wrong');
    expect((await audits('user.reauth_failed')).length).toBe(3);
  });

  it('guessing through re-authentication is throttled: 5 wrong passwords, then not even the right one', async () => {
    const { user: u } = await user();
    for (let i = 0; i < 5; i++) expect((await confirmIdentity(t.db, { user: u, proof: `guess ${i}`, action: 'test' })).kind).toBe('wrong');
    expect((await confirmIdentity(t.db, { user: u, proof: PASSWORD, action: 'test' })).kind).toBe('throttled');
  });
});
