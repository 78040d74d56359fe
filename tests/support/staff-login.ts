/**
 * Signing staff in over plain HTTP (form posts, as a browser without
 * JavaScript would), returning the session cookie pair for later requests.
 *
 * A TOTP code is accepted once per 30-second step per user (replay
 * protection), so sign each user in once per test file and reuse the cookie.
 * If another test just used this step's code for the same user, we wait for
 * the next step once: give the calling hook a timeout of SIGN_IN_TIMEOUT_MS.
 */
import type { Role } from '../../db/schema.ts';
import { currentTotp, TOTP_PERIOD } from '../../src/server/auth/totp.ts';
import { DEMO_ACCOUNTS, demoTotpKey } from '../../src/server/seed/demo-staff.ts';

export const SESSION_COOKIE = '__Host-tryghed-session';
/** Enough for one wait for the next TOTP step. */
export const SIGN_IN_TIMEOUT_MS = 45_000;

export function demoAccount(role: Role) {
  const a = DEMO_ACCOUNTS.find((x) => x.role === role);
  if (!a) throw new Error(`no demo account for ${role}`);
  return a;
}

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

/** Signs a staff member with the demo TOTP key in with password and code; returns the cookie pair. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const login = await postForm(base, '/staff/login', { email, password });
  const cookie = sessionCookie(login);
  if (login.status !== 303 || !cookie) throw new Error(`password step failed for ${email}: ${login.status}`);
  for (let attempt = 0; attempt < 2; attempt++) {
    const mfa = await postForm(base, '/staff/mfa', { code: currentTotp(demoTotpKey()) }, cookie);
    // The second factor ends the password-only session and starts a new one.
    if (mfa.status === 303) return sessionCookie(mfa) ?? cookie;
    if (attempt === 0) {
      const msIntoStep = Date.now() % (TOTP_PERIOD * 1000);
      await new Promise((r) => setTimeout(r, TOTP_PERIOD * 1000 - msIntoStep + 200));
    }
  }
  throw new Error(`second factor failed for ${email}`);
}

export function signInDemo(base: string, role: Role): Promise<string> {
  const a = demoAccount(role);
  return signIn(base, a.email, a.password);
}
