/**
 * Personal-data masking for residents' free text (comments, survey answers,
 * report descriptions) before any staff member sees it.
 *
 * The patterns lean towards masking too much: a house number hidden by
 * mistake costs a moderator a moment, a CPR number shown by mistake is a
 * data breach. Every pattern starts with a look-behind that fails inside a
 * run of digits or letters, so a match is only tried at the start of a run
 * and 100 kB of digits is scanned once, not once per position.
 */

export const PII_KINDS = ['cpr', 'email', 'phone', 'plate'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** Labels are Danish because moderators work in Danish. */
export const PII_LABELS: Record<PiiKind, string> = {
  cpr: '[CPR-nummer skjult]',
  email: '[e-mail skjult]',
  phone: '[telefonnummer skjult]',
  plate: '[nummerplade skjult]',
};

export interface MaskResult {
  /** The input with every match replaced by its label; all other text unchanged. */
  text: string;
  /** Distinct kinds that were masked, in PII_KINDS order. */
  masks: PiiKind[];
  /** Number of replacements. */
  count: number;
}

// Space or no-break space between digit groups.
const SP = '[ \\u00a0]';

/**
 * DDMMYY, then dash (or the en dash word processors substitute), space or
 * nothing, then four digits. Only a plausible date is a CPR number, so
 * arbitrary 10-digit numbers stay. No modulus-11 check: CPR numbers issued
 * since 2007 need not pass it.
 */
const CPR = new RegExp(
  `(?<!\\d)(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])\\d{2}[-\\u2010\\u2013 \\u00a0]?\\d{4}(?!\\d)`,
  'gu',
);

/**
 * A pragmatic address shape, not RFC 5322. The domain labels are separated
 * by dots that the label class excludes, so backtracking stays linear.
 */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/**
 * Danish numbers: eight digits as 12345678, 1234 5678 or 12 34 56 78,
 * optionally after +45 or 0045. International numbers: + and 8–15 digits in
 * any grouping. One pattern, so the leftmost match wins: "+44 20 7946 0958"
 * is taken whole rather than its last eight digits as a Danish number.
 * Years, times and house numbers have fewer digits, and the look-arounds
 * keep us from taking eight digits out of a longer number.
 */
const PHONE = new RegExp(
  `(?<![\\d+])(?:` +
    `(?:(?:\\+|00)45${SP}?)?(?:\\d{8}|\\d{4}${SP}\\d{4}|\\d{2}(?:${SP}\\d{2}){3})` +
    `|\\+\\d(?:[ \\u00a0-]?\\d){7,14}` +
    `)(?!\\d)`,
  'gu',
);

/** Two letters and five digits: AB 12 345, AB12345, ab 12345. Plates use A–Z only. */
const PLATE = new RegExp(`(?<![\\p{L}\\p{N}])[a-z]{2}${SP}?\\d{2}${SP}?\\d{3}(?![\\p{L}\\p{N}])`, 'giu');

/**
 * Common two-letter Danish words that, written in lower or sentence case,
 * precede a number far more often than a plate does ("der er 12 345 borgere").
 * An all-capitals "ER 12 345" is still taken for a plate.
 */
const PLATE_STOP_WORDS: ReadonlySet<string> = new Set(['af', 'ca', 'da', 'de', 'en', 'er', 'et', 'kr', 'nr', 'og', 'om', 'ud']);

function isPlate(match: string): boolean {
  const letters = match.slice(0, 2);
  return letters === letters.toUpperCase() || !PLATE_STOP_WORDS.has(letters.toLowerCase());
}

/** Masks CPR numbers, e-mail addresses, phone numbers and number plates in free text. */
export function maskPersonalData(input: string): MaskResult {
  const found = new Set<PiiKind>();
  let count = 0;

  const mask = (text: string, pattern: RegExp, kind: PiiKind, isMatch?: (match: string) => boolean): string =>
    text.replace(pattern, (match: string) => {
      if (isMatch !== undefined && !isMatch(match)) return match;
      found.add(kind);
      count += 1;
      return PII_LABELS[kind];
    });

  // E-mail first, so digits in an address are not taken for a CPR or phone
  // number; CPR before phone, so a CPR is never half-masked as a phone number.
  // The labels contain no digits or @, so later passes cannot match inside them.
  // A match that follows another without a gap ("a@b.dk0@c.dk", "12345678+4512345678") starts
  // inside a run, where the look-behinds refuse it; once its neighbour is a label it no longer
  // does. So mask again until nothing changes: every change removes digits or an @, so it ends.
  let text = input;
  for (let before = ''; before !== text; ) {
    before = text;
    text = mask(text, EMAIL, 'email');
    text = mask(text, CPR, 'cpr');
    text = mask(text, PHONE, 'phone');
    text = mask(text, PLATE, 'plate', isPlate);
  }

  return { text, masks: PII_KINDS.filter((kind) => found.has(kind)), count };
}
