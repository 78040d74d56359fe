/**
 * Staff password rules (OWASP ASVS 2.1): 12 to 256 characters, any
 * characters, no composition rules, and not a common password. "Common"
 * includes a listed password padded with digits or symbols ("password2024!")
 * or repeated ("qwertyqwerty"), and the user's own e-mail name.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

/** Length in characters as a person counts them (code points), after Unicode normalisation. */
function length(password: string): number {
  return [...password.normalize('NFC')].length;
}

export function checkPassword(
  password: string,
  common: ReadonlySet<string>,
  context: { email?: string } = {},
): PasswordProblem | null {
  const n = length(password);
  if (n < PASSWORD_MIN) return 'too_short';
  if (n > PASSWORD_MAX) return 'too_long';
  const lower = password.normalize('NFC').toLowerCase();
  const core = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (common.has(lower) || (core.length >= 4 && common.has(core))) return 'common';
  for (let size = 1; size <= lower.length / 2; size++) {
    if (lower.length % size === 0 && lower.slice(0, size).repeat(lower.length / size) === lower) {
      const unit = lower.slice(0, size);
      if (size < 4 || common.has(unit)) return 'common';
    }
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'contains_email';
  return null;
}
