import { describe, expect, it } from 'vitest';
import { RECEIPT_NUMBER_ALPHABET, receiptNumber } from '../../src/lib/receipt-number.ts';
import { randomToken } from '../../src/server/staff/auth/random.ts';

describe('receiptNumber', () => {
  it('is 8 unambiguous characters in two groups of four', () => {
    for (let i = 0; i < 200; i++) {
      expect(receiptNumber(randomToken(16))).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    }
    expect(RECEIPT_NUMBER_ALPHABET).not.toMatch(/[01ILO]/);
    expect(new Set(RECEIPT_NUMBER_ALPHABET).size).toBe(RECEIPT_NUMBER_ALPHABET.length);
  });

  it('is the same for the same receipt and differs between receipts', () => {
    const token = randomToken(16);
    expect(receiptNumber(token)).toBe(receiptNumber(token));
    const numbers = new Set(Array.from({ length: 1000 }, () => receiptNumber(randomToken(16))));
    expect(numbers.size).toBe(1000);
  });

  it('is a digest, not a part or an encoding of the secret token', () => {
    const token = 'abcdefghijklmnopqrstuvwxyz234567';
    const number = receiptNumber(token).replace('-', '').toLowerCase();
    expect(token).not.toContain(number.slice(0, 4));
    // Neighbouring tokens (one that counts up) give unrelated numbers.
    expect(receiptNumber('aaaaaaaaaaaaaaaaaaaaaaaaaa')).not.toBe(receiptNumber('aaaaaaaaaaaaaaaaaaaaaaaaab'));
  });
});
