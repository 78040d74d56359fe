/**
 * Signing in: password first (a new session that can only reach the second
 * factor), then TOTP or a recovery code (the session becomes full). A wrong
 * e-mail costs the same time as a wrong password, so nothing reveals who has
 * an account.
 *
 * Against guessing (ASVS V2.2.1), without letting strangers lock staff out:
 * - per client: 20 sign-in attempts per 15 minutes over all accounts;
 * - per account and client: a wait that doubles after each failure from the
 *   third (1 s … 5 min) and at most 10 failures a day;
 * - per account over all clients: a wait of at most 30 s from the tenth
 *   failure of the day, so the real user's correct password and code still
 *   work after that short wait, however many addresses an attacker uses;
 * - every failure is audited with the account; at 20 failed passwords (or 20
 *   failed second factors) in a day the admins are alerted
 *   (src/server/staff/security-alerts.ts); after 20 failed second factors the
 *   second factor is refused for the rest of the day (whoever gets there
 *   knows the password).
 * Sensitive actions from a live session ask again for the password or a
 * fresh code (confirmIdentity).
 */
import type { Session, User } from '../../../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import type { Queryable } from '../../db/connection.ts';
import { logger } from '../../platform/logger.ts';
import { loginDelays, throttles } from '../../platform/throttle.ts';
import { alertAdmins } from '../security-alerts.ts';
import {
  completeTotpEnrolment,
  findUserByEmail,
  normaliseEmail,
  recordTotpStep,
  setPassword,
  useRecoveryCode,
  UserError,
} from '../users.ts';
import type { PasswordProblem } from '../../../lib/password-policy.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { createSession, invalidateSession, markSessionTwoFactorVerified } from './session.ts';
import { verifyTotp } from './totp.ts';

export type SignInResult =
  | { kind: 'ok'; token: string; session: Session; user: User }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfter: number };

/** Seconds until the next UTC day, when the day's counters end (their key changes). */
function secondsToNextDay(now = new Date()): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}

export async function signIn(
  db: Queryable,
  input: { email: string; password: string; client: string },
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const perClient = await throttles.loginClient.hit(db, input.client);
  if (!perClient.ok) return { kind: 'throttled', retryAfter: perClient.retryAfter };
  const pair = `${email}|${input.client}`;
  const [mine, all] = await Promise.all([loginDelays.accountClient.check(db, pair), loginDelays.account.check(db, email)]);
  if (mine.failures >= loginDelays.accountClientDailyCap) return { kind: 'throttled', retryAfter: secondsToNextDay() };
  const wait = Math.max(mine.waitSeconds, all.waitSeconds);
  if (wait > 0) return { kind: 'throttled', retryAfter: wait };

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid || user.disabledAt !== null) {
    const mineToday = await loginDelays.accountClient.fail(db, pair);
    const today = await loginDelays.account.fail(db, email);
    logger.info({ event: 'login_failed' }, 'staff login failed');
    // With the account when there is one; a mistyped or unknown e-mail is not written down.
    await recordAudit(db, {
      userId: null,
      action: 'session.login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      summary: user ? `${user.email}: ${user.disabledAt ? 'disabled account' : 'wrong password'} (${today} today)` : 'unknown account',
    });
    if (user) await auditLockout(db, user, mineToday, today);
    if (user && today === loginDelays.accountAlertAt) {
      await alertAdmins(db, { action: 'security.login_attack', userId: user.id, summary: `${today} failed sign-ins today for ${user.email}` });
    }
    return { kind: 'invalid' };
  }
  await loginDelays.accountClient.reset(db, pair);
  const { token, session } = await createSession(db, user.id);
  await recordAudit(db, { userId: user.id, action: 'session.login', entityType: 'session', summary: 'password accepted' });
  return { kind: 'ok', token, session, user };
}

/**
 * A lockout is written down once, when it begins (not at every refused try,
 * which a stranger could repeat to fill the log): the failure that makes
 * this client wait for the account for the rest of the day, and the one
 * from which every client waits before trying the account.
 */
async function auditLockout(db: Queryable, user: User, mineToday: number, today: number): Promise<void> {
  const client = mineToday === loginDelays.accountClientDailyCap;
  const everyone = today === loginDelays.accountWideFrom;
  if (!client && !everyone) return;
  const what = [
    client ? `one client may not try again until tomorrow (${mineToday} failures from it today)` : '',
    everyone ? `every client waits before each try until tomorrow (${today} failures today)` : '',
  ].filter(Boolean);
  await recordAudit(db, { userId: null, action: 'session.login_locked', entityType: 'user', entityId: user.id, summary: `${user.email}: ${what.join('; ')}` });
}

export type SecondFactorResult =
  /** `token`: the new session's token (the old session is ended: a new one at every change of privilege). */
  | { kind: 'ok'; token: string; session: Session; recoveryCodes?: string[] }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfter: number };

/**
 * Checks a TOTP code (or, once enrolled, a recovery code) for a session that
 * has passed the password. During enrolment a correct code finishes it and
 * returns the ten recovery codes to show once.
 */
export async function verifySecondFactor(
  db: Queryable,
  input: { session: Session; user: User; code: string; client: string },
): Promise<SecondFactorResult> {
  const { user } = input;
  const perClient = await throttles.totpClient.hit(db, input.client);
  if (!perClient.ok) return { kind: 'throttled', retryAfter: perClient.retryAfter };
  const perAccount = await throttles.totpAccount.hit(db, String(user.id));
  if (!perAccount.ok) return { kind: 'throttled', retryAfter: perAccount.retryAfter };
  const today = await loginDelays.secondFactorDay.check(db, String(user.id));
  if (today.failures >= loginDelays.secondFactorDailyCap) return { kind: 'throttled', retryAfter: secondsToNextDay() };
  if (!user.totpKey) return { kind: 'invalid' };

  const enrolled = user.totpEnrolledAt !== null;
  const step = verifyTotp(user.totpKey, input.code, user.totpLastStep);
  let recoveryCodes: string[] | undefined;
  if (step !== null) {
    if (enrolled) await recordTotpStep(db, user.id, step);
    else recoveryCodes = await completeTotpEnrolment(db, user.id, step);
  } else if (!(enrolled && /[a-z]/i.test(input.code) && (await useRecoveryCode(db, user.id, input.code)))) {
    const failures = await loginDelays.secondFactorDay.fail(db, String(user.id));
    await recordAudit(db, { userId: user.id, action: 'session.two_factor_failed', entityType: 'user', entityId: user.id, summary: `${user.email}: wrong code (${failures} today)` });
    if (failures === loginDelays.secondFactorDailyCap) {
      await recordAudit(db, { userId: null, action: 'session.two_factor_locked', entityType: 'user', entityId: user.id, summary: `${user.email}: the second factor is refused until tomorrow (${failures} failures today)` });
      await alertAdmins(db, {
        action: 'security.second_factor_attack',
        userId: user.id,
        summary: `${failures} failed second factors today for ${user.email}: someone has the password; the second factor is refused until tomorrow`,
      });
    }
    return { kind: 'invalid' };
  }
  await throttles.totpAccount.reset(db, String(user.id));
  // A fresh session for the fully signed-in state, so a token seen before the
  // second factor (e.g. on a shared computer) is worth nothing afterwards.
  const fresh = await createSession(db, user.id);
  await markSessionTwoFactorVerified(db, fresh.session.id);
  await invalidateSession(db, input.session.id);
  await recordAudit(db, { userId: user.id, action: 'session.two_factor', entityType: 'session', summary: 'second factor accepted' });
  const session = { ...fresh.session, twoFactorVerified: true };
  return recoveryCodes ? { kind: 'ok', token: fresh.token, session, recoveryCodes } : { kind: 'ok', token: fresh.token, session };
}

export type PasswordChangeResult =
  | { kind: 'ok' }
  | { kind: 'wrong' }
  /** The new password is the current one (a temporary password cannot be kept). */
  | { kind: 'same' }
  | { kind: 'weak'; problem: PasswordProblem }
  | { kind: 'throttled'; retryAfter: number };

/**
 * A signed-in member of staff changes their own password. The current
 * password is asked again (re-authentication) and checked against a
 * per-account counter (5 tries per 15 minutes, shared with confirmIdentity),
 * so a session left open on a shared computer cannot be used to guess it. The
 * new password must differ from the current one, so a temporary password
 * cannot be "changed" to itself. The other sessions end, this one stays.
 */
export async function changeOwnPassword(
  db: Queryable,
  input: { user: User; sessionId: string; current: string; next: string },
): Promise<PasswordChangeResult> {
  const attempt = await throttles.loginAccount.hit(db, input.user.email);
  if (!attempt.ok) return { kind: 'throttled', retryAfter: attempt.retryAfter };
  if (!(await verifyPassword(input.user.passwordHash, input.current))) {
    await recordAudit(db, { userId: input.user.id, action: 'user.reauth_failed', entityType: 'user', entityId: input.user.id, summary: 'password change: wrong current password' });
    return { kind: 'wrong' };
  }
  if (input.next === input.current) return { kind: 'same' };
  try {
    await setPassword(db, input.user.id, input.next, input.user.id, input.sessionId);
  } catch (e) {
    if (!(e instanceof UserError) || e.code !== 'weak_password') throw e;
    return { kind: 'weak', problem: e.problem ?? 'too_short' };
  }
  await throttles.loginAccount.reset(db, input.user.email);
  return { kind: 'ok' };
}

export type ConfirmResult = { kind: 'ok' } | { kind: 'wrong' } | { kind: 'throttled'; retryAfter: number };

/**
 * Re-authentication for a sensitive action from a live session (ASVS V3.7.1):
 * new recovery codes, another user's role, password or account state. The
 * proof is the user's password, or a fresh code from their authenticator app
 * (six digits; a code already used cannot be used again). Tries count against
 * the same per-account counters as changing the password (5 per 15 minutes)
 * and the second factor, so an open session cannot be used to guess either.
 */
export async function confirmIdentity(db: Queryable, input: { user: User; proof: string; action: string }): Promise<ConfirmResult> {
  const { user } = input;
  const code = input.proof.replace(/\s+/g, '');
  let ok = false;
  if (/^\d{6}$/.test(code) && user.totpKey && user.totpEnrolledAt !== null) {
    const attempt = await throttles.totpAccount.hit(db, String(user.id));
    if (!attempt.ok) return { kind: 'throttled', retryAfter: attempt.retryAfter };
    const step = verifyTotp(user.totpKey, code, user.totpLastStep);
    if (step !== null) {
      await recordTotpStep(db, user.id, step);
      user.totpLastStep = step;
      await throttles.totpAccount.reset(db, String(user.id));
      ok = true;
    }
  } else {
    const attempt = await throttles.loginAccount.hit(db, user.email);
    if (!attempt.ok) return { kind: 'throttled', retryAfter: attempt.retryAfter };
    if (input.proof !== '' && (await verifyPassword(user.passwordHash, input.proof))) {
      await throttles.loginAccount.reset(db, user.email);
      ok = true;
    }
  }
  if (!ok) {
    await recordAudit(db, { userId: user.id, action: 'user.reauth_failed', entityType: 'user', entityId: user.id, summary: input.action });
    return { kind: 'wrong' };
  }
  return { kind: 'ok' };
}
