import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema.ts';
import {
  ABSOLUTE_LIFETIME_MS,
  ACTIVITY_WRITE_INTERVAL_MS,
  createSession,
  INACTIVITY_TIMEOUT_MS,
  validateSessionToken,
} from '../../src/server/auth/session.ts';
import { setPassword, setUserDisabled, endUserSessions } from '../../src/server/users.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';

let t: TestDb;
beforeEach(async () => {
  t = createTestDb();
  await seedReference(t.db);
});
afterEach(() => t.close());

describe('session tokens', () => {
  it('only the SHA-256 of the secret is stored, never the token', () => {
    const { user } = makeUser(t.db, 'editor');
    const { token, session } = createSession(t.db, user.id);
    const [id, secret] = token.split('.');
    const row = t.db.select().from(sessions).where(eq(sessions.id, id!)).get()!;
    expect(row.secretHash).toHaveLength(32);
    expect(JSON.stringify(row)).not.toContain(secret!);
    expect(session.id).toBe(id);
  });

  it('the secret part carries at least 256 bits', () => {
    const { user } = makeUser(t.db, 'editor');
    const { token } = createSession(t.db, user.id);
    expect(token.split('.')[1]!.length * 5).toBeGreaterThanOrEqual(256);
  });

  it('a valid token finds its session and user; a tampered one finds nothing', () => {
    const { user } = makeUser(t.db, 'editor');
    const { token } = createSession(t.db, user.id);
    expect(validateSessionToken(t.db, token)?.user.id).toBe(user.id);
    const tampered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    expect(validateSessionToken(t.db, tampered)).toBeNull();
    expect(validateSessionToken(t.db, 'no-dot')).toBeNull();
    expect(validateSessionToken(t.db, `${token}.extra`)).toBeNull();
  });
});

describe('session lifetime', () => {
  it('ends after 8 hours without use', () => {
    const { user } = makeUser(t.db, 'editor');
    const start = new Date('2026-01-01T08:00:00Z');
    const { token } = createSession(t.db, user.id, start);
    expect(validateSessionToken(t.db, token, new Date(start.getTime() + INACTIVITY_TIMEOUT_MS - 1000))).not.toBeNull();
    const later = new Date(start.getTime() + 2 * INACTIVITY_TIMEOUT_MS);
    expect(validateSessionToken(t.db, token, later)).toBeNull();
  });

  it('use keeps it alive, but never beyond 7 days in all', () => {
    const { user } = makeUser(t.db, 'editor');
    const start = new Date('2026-01-01T08:00:00Z');
    const { token } = createSession(t.db, user.id, start);
    let now = start.getTime();
    while (now + 4 * 3_600_000 < start.getTime() + ABSOLUTE_LIFETIME_MS) {
      now += 4 * 3_600_000;
      expect(validateSessionToken(t.db, token, new Date(now))).not.toBeNull();
    }
    expect(validateSessionToken(t.db, token, new Date(start.getTime() + ABSOLUTE_LIFETIME_MS))).toBeNull();
  });

  it('writes the last-use time at most once a minute', () => {
    const { user } = makeUser(t.db, 'editor');
    const start = new Date('2026-01-01T08:00:00Z');
    const { token, session } = createSession(t.db, user.id, start);
    const read = () => t.db.select().from(sessions).where(eq(sessions.id, session.id)).get()!.lastVerifiedAt.getTime();
    validateSessionToken(t.db, token, new Date(start.getTime() + 30_000));
    expect(read()).toBe(start.getTime());
    validateSessionToken(t.db, token, new Date(start.getTime() + ACTIVITY_WRITE_INTERVAL_MS + 1000));
    expect(read()).toBe(start.getTime() + ACTIVITY_WRITE_INTERVAL_MS + 1000);
  });
});

describe('ending sessions', () => {
  it('disabling a user ends all their sessions', () => {
    const { user } = makeUser(t.db, 'editor');
    const a = createSession(t.db, user.id).token;
    const b = createSession(t.db, user.id).token;
    setUserDisabled(t.db, user.id, true, null);
    expect(validateSessionToken(t.db, a)).toBeNull();
    expect(validateSessionToken(t.db, b)).toBeNull();
  });

  it('changing a password ends the other sessions but keeps the current one', async () => {
    const { user } = makeUser(t.db, 'editor');
    const current = createSession(t.db, user.id);
    const other = createSession(t.db, user.id);
    await setPassword(t.db, user.id, 'a brand new long passphrase', user.id, current.session.id);
    expect(validateSessionToken(t.db, current.token)).not.toBeNull();
    expect(validateSessionToken(t.db, other.token)).toBeNull();
  });

  it('an admin can end any user\'s sessions', () => {
    const { user } = makeUser(t.db, 'viewer');
    const { user: admin } = makeUser(t.db, 'admin');
    const s = createSession(t.db, user.id).token;
    expect(endUserSessions(t.db, user.id, admin.id)).toBe(1);
    expect(validateSessionToken(t.db, s)).toBeNull();
  });
});

describe('temporary passwords', () => {
  it('a password set by an admin or the command line is temporary; one the user chooses is not', async () => {
    const { findUser } = await import('../../src/server/users.ts');
    const { user } = makeUser(t.db, 'editor');
    const { user: admin } = makeUser(t.db, 'admin');
    await setPassword(t.db, user.id, 'temporary pass from admin', admin.id);
    expect(findUser(t.db, user.id)!.passwordTemporary).toBe(true);
    await setPassword(t.db, user.id, 'my own long passphrase', null);
    expect(findUser(t.db, user.id)!.passwordTemporary).toBe(true);
    await setPassword(t.db, user.id, 'my own long passphrase 2', user.id);
    expect(findUser(t.db, user.id)!.passwordTemporary).toBe(false);
  });

  it('a signed-in user with a temporary password is sent to change it before anything else', async () => {
    const { decideStaffAccess } = await import('../../src/server/auth/guard.ts');
    const { user } = makeUser(t.db, 'admin');
    const { session } = createSession(t.db, user.id);
    const staff = { user: { ...user, passwordTemporary: true }, session: { ...session, twoFactorVerified: true } };
    expect(decideStaffAccess('/staff/users', staff)).toEqual({ kind: 'change_password' });
    expect(decideStaffAccess('/staff/account', staff)).toEqual({ kind: 'allow' });
  });
});
