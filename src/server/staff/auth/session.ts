/**
 * Staff sessions, implemented after the Lucia author's session guide
 * (lucia-auth.com, "Sessions"): the token is `<id>.<secret>`; the database
 * holds the id and the SHA-256 of the secret; validation compares hashes in
 * constant time. Sessions end after 30 minutes without use or 12 hours in
 * all (ASVS V3.3.2), and the cookie is a session cookie (no Expires or
 * Max-Age): it goes when the browser closes.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { and, eq, ne } from 'drizzle-orm';
import { sessions, users, type Session, type User } from '../../../../db/schema.ts';
import type { Queryable } from '../../db/connection.ts';
import { randomToken } from './random.ts';

/** `__Host-`: Secure, Path=/, no Domain, so no subdomain can set or read it. */
export const SESSION_COOKIE = '__Host-tryghed-session';
export const INACTIVITY_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** The last-use time is written at most this often, to spare the database a write per request. */
export const ACTIVITY_WRITE_INTERVAL_MS = 60 * 1000;

export interface SessionWithUser {
  session: Session;
  user: User;
}

function hashSecret(secret: string): Buffer {
  return Buffer.from(sha256(new TextEncoder().encode(secret)));
}

/** Starts a session for a user; the token goes into the cookie and nowhere else. */
export async function createSession(db: Queryable, userId: number, now = new Date()): Promise<{ token: string; session: Session }> {
  const id = randomToken(16); // 128 bits: the lookup key
  const secret = randomToken(32); // 256 bits: the part that proves possession
  const session: Session = {
    id,
    userId,
    secretHash: hashSecret(secret),
    twoFactorVerified: false,
    createdAt: now,
    lastVerifiedAt: now,
  };
  await db.insert(sessions).values(session);
  return { token: `${id}.${secret}`, session };
}

/** The session and its user for a token, or null when the token is unknown, wrong, expired or the user disabled. */
export async function validateSessionToken(db: Queryable, token: string, now = new Date()): Promise<SessionWithUser | null> {
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 128) return null;
  const [row] = await db.select().from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id)).limit(1);
  if (!row) return null;
  const { sessions: session, users: user } = row;
  if (!constantTimeEqual(hashSecret(secret), session.secretHash)) return null;

  const t = now.getTime();
  const expired =
    t - session.createdAt.getTime() >= ABSOLUTE_LIFETIME_MS ||
    t - session.lastVerifiedAt.getTime() >= INACTIVITY_TIMEOUT_MS ||
    user.disabledAt !== null;
  if (expired) {
    await invalidateSession(db, session.id);
    return null;
  }
  if (t - session.lastVerifiedAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS) {
    session.lastVerifiedAt = now;
    await db.update(sessions).set({ lastVerifiedAt: now }).where(eq(sessions.id, session.id));
  }
  return { session, user };
}

export async function markSessionTwoFactorVerified(db: Queryable, sessionId: string): Promise<void> {
  await db.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, sessionId));
}

export async function invalidateSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, except (optionally) the one making the change. */
export async function invalidateUserSessions(db: Queryable, userId: number, exceptSessionId?: string): Promise<number> {
  const where = exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
    : eq(sessions.userId, userId);
  const ended = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return ended.length;
}

/**
 * Cookie attributes for the session cookie (Astro's cookies.set options): no
 * Expires or Max-Age, so the browser forgets it when it closes; the server
 * ends the session itself after the timeouts above.
 */
export function sessionCookieOptions() {
  return { httpOnly: true, secure: true, sameSite: 'lax' as const, path: '/' };
}
