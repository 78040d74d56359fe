import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema.ts';
import {
  ABSOLUTE_LIFETIME_MS,
  ACTIVITY_WRITE_INTERVAL_MS,
  createSession,
  INACTIVITY_TIMEOUT_MS,
  validateSessionToken,
} from '../../src/server/staff/auth/session.ts';
import { setPassword, setUserDisabled, endUserSessions } from '../../src/server/staff/users.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
});
afterEach(() => t.close());

describe('session tokens', () => {
  it('only the SHA-256 of the secret is stored, never the token', async () => {
    const { user } = await makeUser(t.db, 'editor');
    const { token, session } = await createSession(t.db, user.id);
    const [id, secret] = token.split('.');
    const row = (await t.db.select().from(sessions).where(eq(sessions.id, id!)).limit(1))[0]!;
    expect(row.secretHash).toHaveLength(32);
    expect(JSON.stringify(row)).not.toContain(secret!);
    expect(session.id).toBe(id);
  });

  it('the secret part carries at least 256 bits', async () => {
    const { user } = await makeUser(t.db, 'editor');
    const { token } = await createSession(t.db, user.id);
    expect(token.split('.')[1]!.length * 5).toBeGreaterThanOrEqual(256);
  });

  it('a valid token finds its session and user; a tampered one finds nothing', async () => {
    const { user } = await makeUser(t.db, 'editor');
    const { token } = await createSession(t.db, user.id);
    expect((await validateSessionToken(t.db, token))?.user.id).toBe(user.id);
    const tampered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    expect(await validateSessionToken(t.db, tampered)).toBeNull();
    expect(await validateSessionToken(t.db, 'no-dot')).toBeNull();
    expect(await validateSessionToken(t.db, `${token}.extra`)).toBeNull();
  });
});

describe('session lifetime', () => {
  it('ends after 30 minutes without use (idle timeout)', async () => {
    const { user } = await makeUser(t.db, 'editor');
    const start = new Date('2026-01-01T08:00:00Z');
    const { token } = await createSession(t.db, user.id, start);
    expect(await validateSessionToken(t.db, token, new Date(start.getTime() + INACTIVITY_TIMEOUT_MS - 1000))).not.toBeNull();
    const later = new Date(start.getTime() + 2 * INACTIVITY_TIMEOUT_MS);
    expect(await validateSessionToken(t.db, token, later)).toBeNull();
  });

  it('use keeps it alive, but never beyond 12 hours in all (absolute timeout)', async () => {
    expect(INACTIVITY_TIMEOUT_MS).toBe(30 * 60_000);
    expect(ABSOLUTE_LIFETIME_MS).toBe(12 * 3_600_000);
    const { user } = await makeUser(t.db, 'editor');
    const start = new Date('2026-01-01T08:00:00Z');
    const { token } = await createSession(t.db, user.id, start);
    let now = start.getTime();
    while (now + 20 * 60_000 < start.getTime() + ABSOLUTE_LIFETIME_MS) {
      now += 20 * 60_000;
      expect(await validateSessionToken(t.db, token, new Date(now))).not.toBeNull();
    }
    expect(await validateSessionToken(t.db, token, new Date(start.getTime() + ABSOLUTE_LIFETIME_MS))).toBeNull();
  });

  it('writes the last-use time at most once a minute', async () => {
    const { user } = await makeUser(t.db, 'editor');
    const start = new Date('2026-01-01T08:00:00Z');
    const { token, session } = await createSession(t.db, user.id, start);
    const read = async () => (await t.db.select().from(sessions).where(eq(sessions.id, session.id)).limit(1))[0]!.lastVerifiedAt.getTime();
    await validateSessionToken(t.db, token, new Date(start.getTime() + 30_000));
    expect(await read()).toBe(start.getTime());
    await validateSessionToken(t.db, token, new Date(start.getTime() + ACTIVITY_WRITE_INTERVAL_MS + 1000));
    expect(await read()).toBe(start.getTime() + ACTIVITY_WRITE_INTERVAL_MS + 1000);
  });
});

describe('ending sessions', () => {
  it('disabling a user ends all their sessions', async () => {
    const { user } = await makeUser(t.db, 'editor');
    const a = (await createSession(t.db, user.id)).token;
    const b = (await createSession(t.db, user.id)).token;
    await setUserDisabled(t.db, user.id, true, null);
    expect(await validateSessionToken(t.db, a)).toBeNull();
    expect(await validateSessionToken(t.db, b)).toBeNull();
  });

  it('changing a password ends the other sessions but keeps the current one', async () => {
    const { user } = await makeUser(t.db, 'editor');
    const current = await createSession(t.db, user.id);
    const other = await createSession(t.db, user.id);
    await setPassword(t.db, user.id, 'a brand new long passphrase', user.id, current.session.id);
    expect(await validateSessionToken(t.db, current.token)).not.toBeNull();
    expect(await validateSessionToken(t.db, other.token)).toBeNull();
  });

  it('an admin can end any user\'s sessions', async () => {
    const { user } = await makeUser(t.db, 'viewer');
    const { user: admin } = await makeUser(t.db, 'admin');
    const s = (await createSession(t.db, user.id)).token;
    expect(await endUserSessions(t.db, user.id, admin.id)).toBe(1);
    expect(await validateSessionToken(t.db, s)).toBeNull();
  });
});

describe('temporary passwords', () => {
  it('a password set by an admin or the command line is temporary; one the user chooses is not', async () => {
    const { findUser } = await import('../../src/server/staff/users.ts');
    const { user } = await makeUser(t.db, 'editor');
    const { user: admin } = await makeUser(t.db, 'admin');
    await setPassword(t.db, user.id, 'temporary pass from admin', admin.id);
    expect((await findUser(t.db, user.id))!.passwordTemporary).toBe(true);
    await setPassword(t.db, user.id, 'my own long passphrase', null);
    expect((await findUser(t.db, user.id))!.passwordTemporary).toBe(true);
    await setPassword(t.db, user.id, 'my own long passphrase 2', user.id);
    expect((await findUser(t.db, user.id))!.passwordTemporary).toBe(false);
  });

  it('a signed-in user with a temporary password is sent to change it before anything else', async () => {
    const { decideStaffAccess } = await import('../../src/server/staff/auth/guard.ts');
    const { user } = await makeUser(t.db, 'admin');
    const { session } = await createSession(t.db, user.id);
    const staff = { user: { ...user, passwordTemporary: true }, session: { ...session, twoFactorVerified: true } };
    expect(decideStaffAccess('/staff/users', staff)).toEqual({ kind: 'change_password' });
    expect(decideStaffAccess('/staff/account', staff)).toEqual({ kind: 'allow' });
  });
});
