/**
 * Signing in: password first (a new session that can only reach the second
 * factor), then TOTP or a recovery code (the session becomes full). Both
 * steps are throttled per account and per client, and a wrong e-mail costs
 * the same time as a wrong password, so nothing reveals who has an account.
 */
import type { Session, User } from '../../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import type { Queryable } from '../db/connection.ts';
import { logger } from '../logger.ts';
import { throttles } from '../throttle.ts';
import {
  completeTotpEnrolment,
  findUserByEmail,
  normaliseEmail,
  recordTotpStep,
  setPassword,
  useRecoveryCode,
  UserError,
} from '../users.ts';
import type { PasswordProblem } from '../../lib/password-policy.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { createSession, invalidateSession, markSessionTwoFactorVerified } from './session.ts';
import { verifyTotp } from './totp.ts';

export type SignInResult =
  | { kind: 'ok'; token: string; session: Session; user: User }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfter: number };

export async function signIn(
  db: Queryable,
  input: { email: string; password: string; client: string },
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const perClient = await throttles.loginClient.hit(db, input.client);
  if (!perClient.ok) return { kind: 'throttled', retryAfter: perClient.retryAfter };
  // Count the attempt before the (slow) password check, so parallel attempts
  // cannot all pass the limit; a successful sign-in clears the count.
  const perAccount = await throttles.loginAccount.hit(db, email);
  if (!perAccount.ok) return { kind: 'throttled', retryAfter: perAccount.retryAfter };

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid || user.disabledAt !== null) {
    logger.info({ event: 'login_failed' }, 'staff login failed');
    return { kind: 'invalid' };
  }
  await throttles.loginAccount.reset(db, email);
  const { token, session } = await createSession(db, user.id);
  await recordAudit(db, { userId: user.id, action: 'session.login', entityType: 'session', summary: 'password accepted' });
  return { kind: 'ok', token, session, user };
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
  if (!user.totpKey) return { kind: 'invalid' };

  const enrolled = user.totpEnrolledAt !== null;
  const step = verifyTotp(user.totpKey, input.code, user.totpLastStep);
  let recoveryCodes: string[] | undefined;
  if (step !== null) {
    if (enrolled) await recordTotpStep(db, user.id, step);
    else recoveryCodes = await completeTotpEnrolment(db, user.id, step);
  } else if (!(enrolled && /[a-z]/i.test(input.code) && (await useRecoveryCode(db, user.id, input.code)))) {
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
  | { kind: 'weak'; problem: PasswordProblem }
  | { kind: 'throttled'; retryAfter: number };

/**
 * A signed-in member of staff changes their own password. The current
 * password is checked against the same per-account counter as signing in
 * (5 tries per 15 minutes), so a session left open on a shared computer
 * cannot be used to guess it; the other sessions end, this one stays.
 */
export async function changeOwnPassword(
  db: Queryable,
  input: { user: User; sessionId: string; current: string; next: string },
): Promise<PasswordChangeResult> {
  const attempt = await throttles.loginAccount.hit(db, input.user.email);
  if (!attempt.ok) return { kind: 'throttled', retryAfter: attempt.retryAfter };
  if (!(await verifyPassword(input.user.passwordHash, input.current))) return { kind: 'wrong' };
  try {
    await setPassword(db, input.user.id, input.next, input.user.id, input.sessionId);
  } catch (e) {
    if (!(e instanceof UserError) || e.code !== 'weak_password') throw e;
    return { kind: 'weak', problem: e.problem ?? 'too_short' };
  }
  await throttles.loginAccount.reset(db, input.user.email);
  return { kind: 'ok' };
}
