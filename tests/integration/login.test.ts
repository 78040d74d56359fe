import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../db/schema.ts';
import { changeOwnPassword, signIn, verifySecondFactor } from '../../src/server/staff/auth/login.ts';
import { currentTotp } from '../../src/server/staff/auth/totp.ts';
import { createUser, findUser, unusedRecoveryCodes } from '../../src/server/staff/users.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { seedReference } from '../support/factories.ts';
import { createTotpKey } from '../../src/server/staff/auth/totp.ts';
import { startTotpEnrolment } from '../../src/server/staff/users.ts';
import { validateSessionToken } from '../../src/server/staff/auth/session.ts';

let t: TestDb;
const PASSWORD = 'correct horse battery staple';
beforeEach(async () => {
  // A fresh database each time: the throttle counters live in it.
  t = await createTestDb();
  await seedReference(t.db);
});
afterEach(() => t.close());

async function user(options: { enrolled: boolean }) {
  const key = createTotpKey();
  const u = await createUser(
    t.db,
    { email: 'Staff@Example.org', displayName: 'Staff', role: 'editor', partnerId: null, password: PASSWORD, ...(options.enrolled ? { totpKey: key } : {}) },
    null,
  );
  return { user: u, key };
}

describe('password step', () => {
  it('the right password starts a session that has not passed the second factor', async () => {
    await user({ enrolled: true });
    const r = await signIn(t.db, { email: 'staff@example.org', password: PASSWORD, client: 'c1' });
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') expect(r.session.twoFactorVerified).toBe(false);
  });

  it('a wrong password and an unknown e-mail get the same answer', async () => {
    await user({ enrolled: true });
    expect((await signIn(t.db, { email: 'staff@example.org', password: 'wrong password!!', client: 'c1' })).kind).toBe('invalid');
    expect((await signIn(t.db, { email: 'nobody@example.org', password: PASSWORD, client: 'c1' })).kind).toBe('invalid');
  });

  it('after 3 failures one client waits before its next try for the account, even with the right password', async () => {
    await user({ enrolled: true });
    // The clock stands still (the first wait is one second, which password hashing on a busy machine can outlast).
    vi.useFakeTimers({ toFake: ['Date'], now: new Date() });
    try {
      for (let i = 0; i < 3; i++) await signIn(t.db, { email: 'staff@example.org', password: 'wrong password!!', client: 'c1' });
      const r = await signIn(t.db, { email: 'staff@example.org', password: PASSWORD, client: 'c1' });
      expect(r.kind).toBe('throttled');
      if (r.kind === 'throttled') expect(r.retryAfter).toBeGreaterThan(0);
      // Once the wait is over, the right password is let in.
      vi.setSystemTime(Date.now() + 2000);
      expect((await signIn(t.db, { email: 'staff@example.org', password: PASSWORD, client: 'c1' })).kind).toBe('ok');
    } finally {
      vi.useRealTimers();
    }
  });

  it('one client is throttled after 20 attempts across accounts', async () => {
    for (let i = 0; i < 20; i++) await signIn(t.db, { email: `x${i}@example.org`, password: 'whatever password', client: 'same' });
    expect((await signIn(t.db, { email: 'y@example.org', password: 'whatever password', client: 'same' })).kind).toBe('throttled');
  });

  it('a disabled account cannot sign in', async () => {
    const { user: u } = await user({ enrolled: true });
    const { setUserDisabled } = await import('../../src/server/staff/users.ts');
    await setUserDisabled(t.db, u.id, true, null);
    expect((await signIn(t.db, { email: 'staff@example.org', password: PASSWORD, client: 'c1' })).kind).toBe('invalid');
  });
});

describe('second factor', () => {
  it('a correct TOTP code completes the session, and the same code cannot be used again', async () => {
    const { key } = await user({ enrolled: true });
    const r = await signIn(t.db, { email: 'staff@example.org', password: PASSWORD, client: 'c1' });
    if (r.kind !== 'ok') throw new Error('sign-in failed');
    const code = currentTotp(key);
    const ok = await verifySecondFactor(t.db, { session: r.session, user: r.user, code, client: 'c1' });
    if (ok.kind !== 'ok') throw new Error('second factor failed');
    expect((await validateSessionToken(t.db, ok.token))?.session.twoFactorVerified).toBe(true);
    // The password-only session is gone: a new session is issued at the change of privilege.
    expect(await validateSessionToken(t.db, r.token)).toBeNull();

    const again = await signIn(t.db, { email: 'staff@example.org', password: PASSWORD, client: 'c1' });
    if (again.kind !== 'ok') throw new Error('sign-in failed');
    const fresh = (await findUser(t.db, r.user.id))!;
    expect((await verifySecondFactor(t.db, { session: again.session, user: fresh, code, client: 'c1' })).kind).toBe('invalid');
  });

  it('enrolment ends with ten one-time recovery codes, and one of them works once', async () => {
    const { user: u } = await user({ enrolled: false });
    const key = createTotpKey();
    await startTotpEnrolment(t.db, u.id, key);
    const r = await signIn(t.db, { email: 'staff@example.org', password: PASSWORD, client: 'c1' });
    if (r.kind !== 'ok') throw new Error('sign-in failed');
    const enrolled = await verifySecondFactor(t.db, { session: r.session, user: (await findUser(t.db, u.id))!, code: currentTotp(key), client: 'c1' });
    expect(enrolled.kind).toBe('ok');
    const codes = enrolled.kind === 'ok' ? enrolled.recoveryCodes! : [];
    expect(codes).toHaveLength(10);
    expect(await unusedRecoveryCodes(t.db, u.id)).toBe(10);

    const s2 = await signIn(t.db, { email: 'staff@example.org', password: PASSWORD, client: 'c1' });
    if (s2.kind !== 'ok') throw new Error('sign-in failed');
    expect((await verifySecondFactor(t.db, { session: s2.session, user: (await findUser(t.db, u.id))!, code: codes[0]!.toUpperCase(), client: 'c1' })).kind).toBe('ok');
    const s3 = await signIn(t.db, { email: 'staff@example.org', password: PASSWORD, client: 'c1' });
    if (s3.kind !== 'ok') throw new Error('sign-in failed');
    expect((await verifySecondFactor(t.db, { session: s3.session, user: (await findUser(t.db, u.id))!, code: codes[0]!, client: 'c1' })).kind).toBe('invalid');
    expect(await unusedRecoveryCodes(t.db, u.id)).toBe(9);
  });

  it('wrong codes are throttled per account after 5 attempts', async () => {
    const { key } = await user({ enrolled: true });
    const r = await signIn(t.db, { email: 'staff@example.org', password: PASSWORD, client: 'c1' });
    if (r.kind !== 'ok') throw new Error('sign-in failed');
    for (let i = 0; i < 5; i++) await verifySecondFactor(t.db, { session: r.session, user: r.user, code: '000000', client: `k${i}` });
    expect((await verifySecondFactor(t.db, { session: r.session, user: r.user, code: currentTotp(key), client: 'other' })).kind).toBe('throttled');
  });

  it('sign-ins and second factors are in the audit log', async () => {
    const { key } = await user({ enrolled: true });
    const r = await signIn(t.db, { email: 'staff@example.org', password: PASSWORD, client: 'c1' });
    if (r.kind !== 'ok') throw new Error('sign-in failed');
    await verifySecondFactor(t.db, { session: r.session, user: r.user, code: currentTotp(key), client: 'c1' });
    const actions = (await t.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'session.login', 'session.two_factor']));
  });
});

describe('changing one\'s own password', () => {
  const NEW_PASSWORD = 'a brand new passphrase for me';

  it('needs the current password; the new one then signs in and the old one does not', async () => {
    const { user: u } = await user({ enrolled: true });
    expect((await changeOwnPassword(t.db, { user: u, sessionId: 'none', current: 'not my password', next: NEW_PASSWORD })).kind).toBe('wrong');
    expect(await changeOwnPassword(t.db, { user: u, sessionId: 'none', current: PASSWORD, next: NEW_PASSWORD })).toEqual({ kind: 'ok' });
    expect((await signIn(t.db, { email: u.email, password: NEW_PASSWORD, client: 'c1' })).kind).toBe('ok');
    expect((await signIn(t.db, { email: u.email, password: PASSWORD, client: 'c1' })).kind).toBe('invalid');
  });

  it('a temporary password cannot be changed to itself: the new password must differ from the current one', async () => {
    const { user: u } = await user({ enrolled: true });
    expect(await changeOwnPassword(t.db, { user: u, sessionId: 'none', current: PASSWORD, next: PASSWORD })).toEqual({ kind: 'same' });
    expect((await findUser(t.db, u.id))!.passwordHash).toBe(u.passwordHash);
  });

  it('a weak new password is refused with the rule it breaks', async () => {
    const { user: u } = await user({ enrolled: true });
    expect(await changeOwnPassword(t.db, { user: u, sessionId: 'none', current: PASSWORD, next: 'short' })).toEqual({ kind: 'weak', problem: 'too_short' });
  });

  it('guessing the current password from an open session is throttled like signing in: 5 tries, then not even the right one', async () => {
    const { user: u } = await user({ enrolled: true });
    for (let i = 0; i < 5; i++) {
      expect((await changeOwnPassword(t.db, { user: u, sessionId: 'none', current: `guess number ${i}`, next: NEW_PASSWORD })).kind).toBe('wrong');
    }
    const blocked = await changeOwnPassword(t.db, { user: u, sessionId: 'none', current: PASSWORD, next: NEW_PASSWORD });
    expect(blocked.kind).toBe('throttled');
    if (blocked.kind === 'throttled') expect(blocked.retryAfter).toBeGreaterThan(0);
    // The session holder's guesses do not shut the account out of the sign-in form (that is per client).
    expect((await signIn(t.db, { email: u.email, password: PASSWORD, client: 'c2' })).kind).toBe('ok');
  });
});
