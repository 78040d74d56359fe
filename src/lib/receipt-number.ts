/**
 * A short receipt number a person can read aloud or write down, derived from
 * the report's secret receipt token: 8 characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), in two groups of four ("K7QM-3XWD").
 *
 * It is a one-way digest of the token, so it reveals nothing about the
 * token, holds no personal data, and cannot be counted up to find other
 * reports: nothing on the site looks a report up by its number (the secret
 * link stays the only way in). 31^8 ≈ 8.5 × 10^11 numbers: two reports
 * sharing one is possible but rare, which is fine for a number that only
 * helps a person recognise their own report.
 */
import { sha256 } from '@oslojs/crypto/sha2';

/** Capital letters without I, L and O, and the digits 2–9: 31 characters. */
export const RECEIPT_NUMBER_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

export function receiptNumber(receipt: string): string {
  const digest = sha256(new TextEncoder().encode(`tryghed receipt number\u0000${receipt}`));
  // 64 bits of the digest, written in base 31 (the bias of 2^64 mod 31^8 is below one in a million).
  let value = 0n;
  for (const byte of digest.subarray(0, 8)) value = (value << 8n) | BigInt(byte);
  const base = BigInt(RECEIPT_NUMBER_ALPHABET.length);
  let out = '';
  for (let i = 0; i < LENGTH; i++) {
    out += RECEIPT_NUMBER_ALPHABET[Number(value % base)];
    value /= base;
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}
