/**
 * TOTP second factor (RFC 6238: 30-second steps, 6 digits, SHA-1 as every
 * authenticator app expects), with replay protection: a code's time step must
 * be newer than the last one accepted for the user.
 */
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { renderSVG } from 'uqr';
import { randomBytes } from './random.ts';

export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
const ISSUER = 'Tryghed';

export function createTotpKey(): Uint8Array {
  return randomBytes(20);
}

export function totpUri(key: Uint8Array, email: string): string {
  return createTOTPKeyURI(ISSUER, email, key, TOTP_PERIOD, TOTP_DIGITS);
}

/** The key as people type it into an app that cannot scan: base32 in groups of four. */
export function totpKeyText(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key).replace(/(.{4})/g, '$1 ').trim();
}

/** The QR code of the key URI, as inline SVG rendered on the server (no external service). */
export function totpQrSvg(uri: string): string {
  return renderSVG(uri, { ecc: 'M', border: 2 });
}

/** The current TOTP code for a key (used by tests and the demo login note). */
export function currentTotp(key: Uint8Array, now = Date.now()): string {
  return generateHOTP(key, BigInt(Math.floor(now / 1000 / TOTP_PERIOD)), TOTP_DIGITS);
}

/**
 * Checks a code against the previous, current and next time step (clock
 * drift of ±30 s). Returns the matched step, or null. A step at or before
 * `lastStep` is refused, so an observed code cannot be used twice.
 */
export function verifyTotp(key: Uint8Array, code: string, lastStep: number | null, now = Date.now()): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const step = Math.floor(now / 1000 / TOTP_PERIOD);
  for (const candidate of [step, step - 1, step + 1]) {
    if (lastStep !== null && candidate <= lastStep) continue;
    if (generateHOTP(key, BigInt(candidate), TOTP_DIGITS) === clean) return candidate;
  }
  return null;
}
