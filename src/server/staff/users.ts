/**
 * Staff accounts: creating, finding, disabling, passwords, TOTP enrolment and
 * recovery codes. Every change that ends trust in a session (disable, new
 * password) ends the user's other sessions.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { partners, recoveryCodes, users, type Role, type User } from '../../../db/schema.ts';
import { recordAudit } from './audit.ts';
import { hashPassword, passwordProblem } from './auth/password.ts';
import { randomCode } from './auth/random.ts';
import type { PasswordProblem } from '../../lib/password-policy.ts';
import { invalidateUserSessions } from './auth/session.ts';
import type { Queryable } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';

export class UserError extends Error {
  readonly code: 'email_taken' | 'weak_password' | 'not_found' | 'unknown_partner';
  /** For weak_password: which rule the password broke. */
  readonly problem: PasswordProblem | undefined;

  constructor(code: UserError['code'], problem?: PasswordProblem) {
    super(problem ? `${code}: ${problem}` : code);
    this.code = code;
    this.problem = problem;
  }
}

/** A temporary password for a new account or a reset: 20 unambiguous characters in groups. */
export function temporaryPassword(): string {
  return randomCode(20).replace(/(.{5})(?=.)/g, '$1-');
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Queryable, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, normaliseEmail(email))).limit(1);
  return user;
}

export async function findUser(db: Queryable, id: number): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

export interface UserListRow {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  partnerId: number | null;
  partner: string | null;
  enrolled: boolean;
  disabled: boolean;
}

export async function listUsers(db: Queryable): Promise<UserListRow[]> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      partnerId: users.partnerId,
      partner: partners.nameDa,
      totpEnrolledAt: users.totpEnrolledAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .orderBy(asc(users.email));
  return rows.map(({ totpEnrolledAt, disabledAt, ...u }) => ({ ...u, enrolled: totpEnrolledAt !== null, disabled: disabledAt !== null }));
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  partnerId: number | null;
  password: string;
  /** Pre-set TOTP key (demo accounts only); enrolment then counts as done. */
  totpKey?: Uint8Array;
  /** A temporary password handed out by an admin or the command line: it must be changed at first sign-in. */
  temporary?: boolean;
}

export async function createUser(db: Queryable, input: NewUser, actorId: number | null): Promise<User> {
  const email = normaliseEmail(input.email);
  if (await findUserByEmail(db, email)) throw new UserError('email_taken');
  const problem = passwordProblem(input.password, email);
  if (problem) throw new UserError('weak_password', problem);
  const passwordHash = await hashPassword(input.password);
  return transaction(db, async (tx) => insertUser(tx, { ...input, email, passwordHash }, actorId));
}

/**
 * Inserts an account whose password is already hashed (and checked), so that
 * callers can create accounts inside a larger transaction (the demo seed).
 */
export async function insertUser(
  db: Queryable,
  input: Omit<NewUser, 'password'> & { passwordHash: string },
  actorId: number | null,
): Promise<User> {
  const now = new Date();
  const [user] = await db
    .insert(users)
    .values({
      email: normaliseEmail(input.email),
      displayName: input.displayName.trim(),
      role: input.role,
      partnerId: input.partnerId,
      passwordHash: input.passwordHash,
      passwordChangedAt: now,
      passwordTemporary: input.temporary ?? false,
      totpKey: input.totpKey ? Buffer.from(input.totpKey) : null,
      totpEnrolledAt: input.totpKey ? now : null,
    })
    .returning();
  if (!user) throw new Error('user not inserted');
  await recordAudit(db, {
    userId: actorId,
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    summary: `${user.email} (${input.role})`,
  });
  return user;
}

/**
 * Sets a new password and ends the user's other sessions. A password set by
 * someone else (an admin, the command line) is temporary: the user must
 * choose their own at the next sign-in.
 */
export async function setPassword(
  db: Queryable,
  userId: number,
  password: string,
  actorId: number | null,
  keepSessionId?: string,
): Promise<void> {
  const user = await findUser(db, userId);
  if (!user) throw new UserError('not_found');
  const problem = passwordProblem(password, user.email);
  if (problem) throw new UserError('weak_password', problem);
  const passwordHash = await hashPassword(password);
  await transaction(db, async (tx) => {
    await tx.update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), passwordTemporary: actorId !== userId })
      .where(eq(users.id, userId));
    await invalidateUserSessions(tx, userId, keepSessionId);
    await recordAudit(tx, {
      userId: actorId,
      action: actorId === userId ? 'user.change_password' : 'user.reset_password',
      entityType: 'user',
      entityId: userId,
      summary: user.email,
    });
  });
}

/** Disables (or re-enables) an account; disabling ends all its sessions. */
export async function setUserDisabled(db: Queryable, userId: number, disabled: boolean, actorId: number | null): Promise<void> {
  const user = await findUser(db, userId);
  if (!user) throw new UserError('not_found');
  await transaction(db, async (tx) => {
    await tx.update(users).set({ disabledAt: disabled ? new Date() : null }).where(eq(users.id, userId));
    if (disabled) await invalidateUserSessions(tx, userId);
    await recordAudit(tx, {
      userId: actorId,
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: userId,
      summary: user.email,
    });
  });
}

export async function setUserRole(db: Queryable, userId: number, role: Role, actorId: number | null): Promise<void> {
  const user = await findUser(db, userId);
  if (!user) throw new UserError('not_found');
  await transaction(db, async (tx) => {
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await recordAudit(tx, {
      userId: actorId,
      action: 'user.change_role',
      entityType: 'user',
      entityId: userId,
      summary: `${user.email}: ${user.role} → ${role}`,
    });
  });
}

/**
 * An admin sets the partner a user belongs to (null: none). Official replies
 * and public notes are signed with it and only with it, so it is changed
 * here alone, with re-authentication on the page, and audited.
 */
export async function setUserPartner(db: Queryable, userId: number, partnerId: number | null, actorId: number | null): Promise<void> {
  const user = await findUser(db, userId);
  if (!user) throw new UserError('not_found');
  await transaction(db, async (tx) => {
    const [partner] = partnerId === null ? [] : await tx.select().from(partners).where(eq(partners.id, partnerId)).limit(1);
    if (partnerId !== null && !partner) throw new UserError('unknown_partner');
    await tx.update(users).set({ partnerId }).where(eq(users.id, userId));
    await recordAudit(tx, {
      userId: actorId,
      action: 'user.change_partner',
      entityType: 'user',
      entityId: userId,
      summary: `${user.email}: partner #${user.partnerId ?? '–'} → ${partner ? `#${partner.id} (${partner.slug})` : '–'}`,
    });
  });
}

/** An admin ends all of a user's sessions (a lost laptop, a left job). */
export async function endUserSessions(db: Queryable, userId: number, actorId: number | null): Promise<number> {
  return transaction(db, async (tx) => {
    const n = await invalidateUserSessions(tx, userId);
    await recordAudit(tx, {
      userId: actorId,
      action: 'user.end_sessions',
      entityType: 'user',
      entityId: userId,
      summary: `${n} sessions`,
    });
    return n;
  });
}

// --- TOTP enrolment and recovery codes -------------------------------------

/** Stores a fresh key for a user who has not finished enrolment. */
export async function startTotpEnrolment(db: Queryable, userId: number, key: Uint8Array): Promise<void> {
  await db.update(users)
    .set({ totpKey: Buffer.from(key), totpEnrolledAt: null, totpLastStep: null })
    .where(eq(users.id, userId));
}

/** Finishes enrolment after a correct code; returns ten new recovery codes to show once. */
export async function completeTotpEnrolment(db: Queryable, userId: number, step: number): Promise<string[]> {
  return transaction(db, async (tx) => {
    await tx.update(users).set({ totpEnrolledAt: new Date(), totpLastStep: step }).where(eq(users.id, userId));
    const codes = await replaceRecoveryCodes(tx, userId);
    await recordAudit(tx, { userId, action: 'user.enrol_totp', entityType: 'user', entityId: userId });
    return codes;
  });
}

export async function recordTotpStep(db: Queryable, userId: number, step: number): Promise<void> {
  await db.update(users).set({ totpLastStep: step }).where(eq(users.id, userId));
}

function hashCode(code: string): Buffer {
  return Buffer.from(sha256(new TextEncoder().encode(code.toLowerCase().replace(/[^a-z0-9]/g, ''))));
}

/** Ten new one-time codes (xxxxx-xxxxx); the old ones stop working. */
export async function replaceRecoveryCodes(db: Queryable, userId: number): Promise<string[]> {
  const codes = Array.from({ length: 10 }, () => {
    const c = randomCode(10);
    return `${c.slice(0, 5)}-${c.slice(5)}`;
  });
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes)
    .values(codes.map((c) => ({ userId, codeHash: hashCode(c) })));
  return codes;
}

/** Uses a recovery code; true when it was valid and unused (it is then spent). */
export async function useRecoveryCode(db: Queryable, userId: number, code: string): Promise<boolean> {
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashCode(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  if (spent.length === 1) {
    await recordAudit(db, { userId, action: 'user.use_recovery_code', entityType: 'user', entityId: userId });
    return true;
  }
  return false;
}

export async function unusedRecoveryCodes(db: Queryable, userId: number): Promise<number> {
  const unused = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return unused.length;
}
