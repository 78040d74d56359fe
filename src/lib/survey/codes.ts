/** Invitation codes as printed on letters: short, upper-case, no look-alike characters. */

/** No 0/O, 1/I/L, 5/S, 8/B: codes are read off paper and typed by hand. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY2345679';
export const CODE_LENGTH = 8;

/** XXXX-XXXX for printing. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed, as stored: upper-case, no spaces or dashes. Null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const c = input.toUpperCase().replace(/[\s-]/g, '');
  if (c.length !== CODE_LENGTH) return null;
  for (const ch of c) if (!CODE_ALPHABET.includes(ch)) return null;
  return c;
}
