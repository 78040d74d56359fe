/**
 * Staff over plain HTTP: form posts (as a browser without JavaScript would)
 * and signed-in session cookies for later requests.
 *
 * Tests whose subject is not signing in take a session from staffSession
 * (staff-session.ts). signIn and signInDemo keep their old signatures: for
 * the server the http and browser projects share they check the password and
 * then make the session directly, so they never wait for a TOTP step; for a
 * server a test started itself they sign in through the real forms
 * (signInWithPassword).
 */
import type { Role } from '../../db/schema.ts';
import { verifyPassword } from '../../src/server/staff/auth/password.ts';
import { currentTotp, TOTP_PERIOD } from '../../src/server/staff/auth/totp.ts';
import { demoTotpKey } from '../../src/server/seed/demo-staff.ts';
import { findUserByEmail } from '../../src/server/staff/users.ts';
import { databaseOfServer, serverDatabase } from './server-db.ts';
import { demoAccount, SESSION_COOKIE, staffSession } from './staff-session.ts';
import { acceptedTotp, totpAt } from './totp.ts';

export { demoAccount, SESSION_COOKIE, staffSession };

/** A generous bound for a hook or test that signs in (no sign-in waits for a TOTP step any more). */
export const SIGN_IN_TIMEOUT_MS = 45_000;

function sessionCookie(res: Response): string | undefined {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    if (pair?.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair;
  }
  return undefined;
}

/** A made-up client address, so each test request counts as its own client for throttling. */
export function someClient(): string {
  const octet = () => Math.floor(Math.random() * 250);
  return `10.${octet()}.${octet()}.${octet()}`;
}

/** A form post with the Origin header Astro's origin check requires, never following redirects. */
export async function postForm(
  base: string,
  path: string,
  fields: Record<string, string | readonly string[]>,
  cookie?: string,
): Promise<Response> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of typeof value === 'string' ? [value] : value) body.append(name, v);
  }
  return fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: base,
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': someClient(),
      ...(cookie ? { cookie } : {}),
    },
    body: body.toString(),
  });
}

/**
 * Signs a staff member in through the real forms (password, then a TOTP code
 * of the demo key); returns the full session's cookie pair. With the
 * server's database at hand the code is one the account has not used
 * (totp.ts), so nothing waits; without it, a refused code is followed by the
 * next step's code, and only if that is refused too by a wait for the step.
 */
export async function signInWithPassword(base: string, email: string, password: string, database?: string): Promise<string> {
  const login = await postForm(base, '/staff/login', { email, password });
  const cookie = sessionCookie(login);
  if (login.status !== 303 || !cookie) throw new Error(`password step failed for ${email}: ${login.status}`);
  const db = database === undefined ? undefined : serverDatabase(database);
  const period = TOTP_PERIOD * 1000;
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = db ? await acceptedTotp(db, email) : attempt === 1 ? totpAt(demoTotpKey(), Date.now() + period) : currentTotp(demoTotpKey());
    const mfa = await postForm(base, '/staff/mfa', { code }, cookie);
    // The second factor ends the password-only session and starts a new one.
    if (mfa.status === 303) return sessionCookie(mfa) ?? cookie;
    if (attempt === 1 && !db) await new Promise((r) => setTimeout(r, period - (Date.now() % period) + 200));
  }
  throw new Error(`second factor failed for ${email}`);
}

/**
 * A signed-in session for a staff member with this password. On the shared
 * test server: the password is checked, then the session made directly
 * (staffSession); elsewhere, the real forms (signInWithPassword).
 */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const database = databaseOfServer(base);
  if (database === undefined) return signInWithPassword(base, email, password);
  const user = await findUserByEmail(serverDatabase(database), email);
  if (!user || !(await verifyPassword(user.passwordHash, password))) throw new Error(`password step failed for ${email}`);
  return staffSession(database, { email });
}

export function signInDemo(base: string, role: Role): Promise<string> {
  const a = demoAccount(role);
  return signIn(base, a.email, a.password);
}
