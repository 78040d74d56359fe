/**
 * A signed-in staff session of any role, made directly in the database a
 * server uses, for the tests whose subject is not signing in.
 *
 * The session is made by the app's own session code, as the second factor
 * leaves it (src/server/staff/auth/login.ts, verifySecondFactor): createSession,
 * then markSessionTwoFactorVerified. No password hash to compute, no TOTP
 * step used up, so no test waits for the next 30-second code. The tests of
 * signing in itself (password, second factor, recovery codes, lockout,
 * enrolment) go through the real forms instead (staff-login.ts,
 * staff-browser.ts, with codes from totp.ts).
 *
 * The http and browser projects share one built server (global-server.ts);
 * `inject('dbPath')` is its DATABASE_URL (see server-db.ts).
 */
import type { Role } from '../../db/schema.ts';
import { createSession, markSessionTwoFactorVerified, SESSION_COOKIE } from '../../src/server/staff/auth/session.ts';
import type { Queryable } from '../../src/server/db/connection.ts';
import { DEMO_ACCOUNTS } from '../../src/server/seed/demo-staff.ts';
import { findUserByEmail } from '../../src/server/staff/users.ts';
import { serverDatabase } from './server-db.ts';

export { SESSION_COOKIE };

export function demoAccount(role: Role) {
  const a = DEMO_ACCOUNTS.find((x) => x.role === role);
  if (!a) throw new Error(`no demo account for ${role}`);
  return a;
}

/** A demo account by its role, or any account by its e-mail. */
export type StaffMember = Role | { email: string };

/**
 * Starts a fully signed-in (two-factor verified) session for a staff member
 * and returns the cookie pair `__Host-tryghed-session=<token>` for requests.
 * `database`: the server's DATABASE_URL (`inject('dbPath')`), or a handle.
 * The account must exist, be enabled and have its second factor enrolled,
 * as the real sign-in requires.
 */
export async function staffSession(database: string | Queryable, who: StaffMember): Promise<string> {
  const db = typeof database === 'string' ? serverDatabase(database) : database;
  const email = typeof who === 'string' ? demoAccount(who).email : who.email;
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`no staff account ${email}`);
  if (user.disabledAt !== null) throw new Error(`${email} is disabled: it cannot sign in`);
  if (user.totpEnrolledAt === null) throw new Error(`${email} has not enrolled a second factor: it cannot be fully signed in`);
  const { token, session } = await createSession(db, user.id);
  await markSessionTwoFactorVerified(db, session.id);
  return `${SESSION_COOKIE}=${token}`;
}
