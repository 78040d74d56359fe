/** Password hashing (argon2id, OWASP's minimum parameters) and the policy check with the shipped list. */
import { hash, verify } from '@node-rs/argon2';
import { checkPassword, type PasswordProblem } from '../../../lib/password-policy.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

/** argon2id, 19 MiB, 2 iterations, 1 lane (OWASP Password Storage Cheat Sheet). */
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const common = new Set(COMMON_PASSWORDS);

export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  return checkPassword(password, common, email === undefined ? {} : { email });
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/**
 * A hash to verify against when the account does not exist, so a wrong
 * e-mail takes as long as a wrong password and does not reveal who has an account.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
  return dummyHash;
}
