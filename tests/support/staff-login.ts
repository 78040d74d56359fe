/**
 * Signing demo staff in over plain HTTP (form posts, as a browser without
 * JavaScript would), returning the session cookie.
 *
 * TOTP codes are single-use per 30-second step and user (replay protection),
 * so when another test has just used this user's current code, we wait for
 * the next step and try once more.
 */
import type { Role } from '../../db/schema.ts';
import { currentTotp, TOTP_PERIOD } from '../../src/server/auth/totp.ts';
import { DEMO_ACCOUNTS, demoTotpKey } from '../../src/server/seed/demo-staff.ts';

export const SESSION_COOKIE = '__Host-tryghed-session';

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
  return `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
}

export async function postForm(base: string, path: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: base,
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': someClient(),
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Signs a demo user in with password and TOTP; returns the `name=value` cookie pair. */
export async function signInDemo(base: string, role: Role): Promise<string> {
  const account = demoAccount(role);
  const login = await postForm(base, '/staff/login', { email: account.email, password: account.password });
  const cookie = sessionCookie(login);
  if (login.status !== 303 || !cookie) throw new Error(`password step failed for ${role}: ${login.status}`);
  for (let attempt = 0; attempt < 2; attempt++) {
    const mfa = await postForm(base, '/staff/mfa', { code: currentTotp(demoTotpKey()) }, cookie);
    if (mfa.status === 303) return cookie;
    if (attempt === 0) {
      const msIntoStep = Date.now() % (TOTP_PERIOD * 1000);
      await new Promise((r) => setTimeout(r, TOTP_PERIOD * 1000 - msIntoStep + 200));
    } else {
      throw new Error(`second factor failed for ${role}: ${mfa.status}`);
    }
  }
  return cookie;
}
