/**
 * TOTP codes for the tests of signing in, computed for a given time so that
 * no test waits for the next 30-second step.
 *
 * The server accepts the code of the previous, current or next step (clock
 * drift), each only if it is newer than the last step the account used
 * (replay protection, src/server/staff/auth/totp.ts). So when this step's code has
 * been used, the next step's code is accepted at once.
 */
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.ts';
import { currentTotp, TOTP_PERIOD } from '../../src/server/staff/auth/totp.ts';
import type { Queryable } from '../../src/server/db/connection.ts';

/** The time step of a moment. */
export function totpStep(at: number = Date.now()): number {
  return Math.floor(at / 1000 / TOTP_PERIOD);
}

/** The code of a key at a given moment (a Date or milliseconds). */
export function totpAt(key: Uint8Array, at: Date | number): string {
  return currentTotp(key, typeof at === 'number' ? at : at.getTime());
}

/**
 * A code the server accepts now from an account whose last used step is
 * `lastStep`: this step's code, or the next step's when this one was used.
 * (Never the previous step's: it would stop being accepted if the step
 * changed on the way.) Undefined when both were used: three sign-ins of one
 * account within one step.
 */
export function unusedTotp(key: Uint8Array, lastStep: number | null, now: number = Date.now()): string | undefined {
  const step = totpStep(now);
  for (const candidate of [step, step + 1]) {
    if (lastStep === null || candidate > lastStep) return totpAt(key, candidate * TOTP_PERIOD * 1000);
  }
  return undefined;
}

/** An account's TOTP key and last used step, read through the data-access layer. */
export async function totpState(db: Queryable, email: string): Promise<{ key: Uint8Array; lastStep: number | null }> {
  const [row] = await db.select({ key: users.totpKey, lastStep: users.totpLastStep }).from(users).where(eq(users.email, email)).limit(1);
  if (!row?.key) throw new Error(`${email} has no TOTP key`);
  return { key: new Uint8Array(row.key), lastStep: row.lastStep };
}

/**
 * A code the server will accept now for an account in `db`. In the rare case
 * that this step's and the next step's codes were both used, waits for the
 * step after (at most 30 s) rather than send a wrong code, which would count
 * against the account's second-factor limits.
 */
export async function acceptedTotp(db: Queryable, email: string): Promise<string> {
  const { key, lastStep } = await totpState(db, email);
  const code = unusedTotp(key, lastStep);
  if (code !== undefined) return code;
  const period = TOTP_PERIOD * 1000;
  await new Promise((resolve) => setTimeout(resolve, period - (Date.now() % period) + 50));
  return unusedTotp(key, lastStep)!;
}
