/** Random tokens and codes from the OS's cryptographic generator. */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** n random bytes as lower-case base32 (5 bits a character). */
export function randomToken(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

/** Characters without look-alikes (no 0/O, 1/I/l), for codes people type. */
export const UNAMBIGUOUS = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A code of `length` unambiguous characters, without modulo bias. */
export function randomCode(length: number, alphabet = UNAMBIGUOUS): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // Reject bytes beyond the largest multiple of the alphabet size.
      if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}
