/**
 * Personal-data masking for residents' free text (comments, survey answers,
 * report descriptions) before any staff member sees it, and the same check
 * on staff-written public text before it is published.
 *
 * The patterns lean towards masking too much: a house number hidden by
 * mistake costs a moderator a moment, a CPR number shown by mistake is a
 * data breach. Every pattern starts with a look-behind that fails inside a
 * run of digits or letters, so a match is only tried at the start of a run
 * and 100 kB of digits is scanned once, not once per position.
 *
 * Text is normalised before matching (see normalizeForPii): NFKC (full-width
 * digits and ＠ become ASCII), every dash to "-", every space to " ", other
 * scripts' decimal digits to ASCII digits, and invisible characters (zero-width
 * spaces, soft hyphens, bidi controls) removed. Only matching uses the
 * normalised text: each match is mapped back to the characters of the input
 * it covers, and those are replaced by the label, so everything around a
 * mask is returned exactly as written.
 *
 * Masked or only flagged, per kind:
 * - cpr, email, phone, plate, handle: always masked.
 * - address: a street name (the project's known streets, or any word ending
 *   in -gade, -vej, -allé, -plads, -stræde, -boulevard …) with a house number
 *   is masked, with its floor and side ("Nørrebrogade 12, 3. th."). A house
 *   number without a street ("Drengene fra nr. 12") or a floor and side on
 *   their own ("bor på 3. th.") are only flagged: far more often an ordinal,
 *   a list item or a bus stop than a home.
 * - name: a first name from src/lib/pii-names.ts, capitalised, as a whole
 *   word, is masked; a name that is also an ordinary word ("Hans", "Per",
 *   "Sten", "Max") is only flagged. A name that is part of a place name
 *   ("Dronning Louises Bro", "Hans Tavsens Park", "Sankt Hans Gade") is left.
 * Flags change nothing in the text; moderators see them beside the text, and
 * editors of public text are warned about them as about masked kinds.
 */

import { AMBIGUOUS_NAMES, FIRST_NAMES } from './pii-names.ts';
import { SEEDED_PLACES } from './seeded-places.ts';
import { STREET_LINES } from './basemap/streets.ts';

export const PII_KINDS = ['cpr', 'email', 'phone', 'plate', 'address', 'handle', 'name'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** Labels are Danish because moderators work in Danish. */
export const PII_LABELS: Record<PiiKind, string> = {
  cpr: '[CPR-nummer skjult]',
  email: '[e-mail skjult]',
  phone: '[telefonnummer skjult]',
  plate: '[nummerplade skjult]',
  address: '[adresse skjult]',
  handle: '[profilnavn skjult]',
  name: '[navn skjult]',
};

export interface MaskResult {
  /** The input with every match replaced by its label; all other characters exactly as in the input. */
  text: string;
  /** Distinct kinds that were masked, in PII_KINDS order. */
  masks: PiiKind[];
  /** Number of replacements. */
  count: number;
}

export interface PiiFlag {
  kind: PiiKind;
  /** The passage that may be personal data, as it stands in the normalised text. */
  match: string;
}

export interface PiiCheck extends MaskResult {
  /** Distinct kinds found but left in the text for a person to judge, in PII_KINDS order. */
  flags: PiiKind[];
  /** Every flagged passage. */
  flagged: PiiFlag[];
}

// --- normalisation -------------------------------------------------------------

/** Format characters (zero-width spaces and joiners, soft hyphen, bidi controls, word joiner, BOM) and the combining grapheme joiner. */
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0]/gu;
/** Every dash and hyphen, the minus sign and the small/full-width hyphen-minus. */
const DASHES = /[\p{Pd}\u2212\u2796\ufe63\uff0d\u2043]/gu;
/** Every space character (NBSP, thin, hair, ideographic …); line breaks are kept. */
const SPACES = /[\p{Zs}\t]/gu;
/** Decimal digits of other scripts that NFKC leaves: Arabic-Indic, Extended Arabic-Indic (Persian/Urdu), Devanagari, Bengali. */
const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef]/gu;
const DIGIT_ZERO = [0x0660, 0x06f0, 0x0966, 0x09e6];

/** The text that patterns are matched against; see the module comment. */
export function normalizeForPii(input: string): string {
  return input
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .replace(OTHER_DIGITS, (d) => {
      const cp = d.codePointAt(0)!;
      const zero = DIGIT_ZERO.find((z) => cp >= z && cp <= z + 9)!;
      return String(cp - zero);
    });
}

// --- patterns (on normalised text: ASCII digits, "-" for dashes, " " for spaces) ---

const TLD = '(?:dk|com|net|org|nu|se|no|de|eu|info|io|me|co|uk|fr|tr|biz|edu|gov|app|dev|online|live)';
const LOCAL = '[\\p{L}\\p{N}._%+-]';
const LABEL = '[\\p{L}\\p{N}-]+';

/**
 * Profile URLs on the social networks residents use. Taken before e-mail
 * addresses so "tiktok.com/@navn" is one match.
 */
const PROFILE_URL = new RegExp(
  `(?<![\\p{L}\\p{N}.\\-/@])(?:https?://)?(?:(?:www|m|vm|mobile)\\.)?` +
    `(?:instagram\\.com|instagr\\.am|tiktok\\.com|facebook\\.com|fb\\.com|fb\\.me|snapchat\\.com|twitter\\.com|x\\.com|t\\.me|youtube\\.com|linkedin\\.com|threads\\.net)` +
    `/[^\\s<>"'()\\[\\]\\uffff]*[^\\s<>"'()\\[\\].,!?;:\\uffff]`,
  'giu',
);

/**
 * E-mail addresses: a pragmatic shape, not RFC 5322. The plain form
 * ("navn@gmail.com", "navn@gmail") needs no top-level domain. Written-out
 * forms ("navn @ gmail.com", "navn(at)gmail(dot)com", "navn [at] gmail [dot]
 * com", "navn at gmail dot com", "snabel-a") must end in a known top-level
 * domain, so "lyst at gå" is not an address. The domain labels are separated
 * by dots that the label class excludes, so backtracking stays linear.
 */
const AT_WORD = '(?:at|snabel-?a)';
const DOT_WORD = '(?:dot|punkt|punktum|prik)';
const EMAIL = new RegExp(
  `(?<!${LOCAL})${LOCAL}+(?:` +
    `@${LABEL}(?:\\.${LABEL})*` +
    `|(?: @ | ?[(\\[{] ?${AT_WORD} ?[)\\]}] ?| ${AT_WORD} )${LABEL}(?:(?: ?[(\\[{] ?${DOT_WORD} ?[)\\]}] ?| ${DOT_WORD} | ?\\. ?)${LABEL})*` +
    `(?: ?[(\\[{] ?${DOT_WORD} ?[)\\]}] ?| ${DOT_WORD} | ?\\. ?)${TLD}(?![\\p{L}\\p{N}])` +
    `)`,
  'giu',
);

/** "@navn" where no e-mail address is: a handle on some network. */
const AT_HANDLE = /(?<![\p{L}\p{N}._%+\-@/])@[\p{L}\p{N}_](?:[\p{L}\p{N}._]*[\p{L}\p{N}_])?/gu;

/**
 * A user name given for a network: "min snap er xyz", "snap: xyz", "insta
 * navn = xyz", "tilføj mig på snap xyz_99". Without "min/my" before or ":"
 * after, only a token with a digit or underscore counts, so "Instagram er
 * fyldt med …" is left. Only the name itself (group h) is masked.
 */
const PLATFORM = '(?:snap(?:chat)?|insta(?:gram)?|ig|sc|tik ?tok|telegram|discord|kik|twitter|facebook|fb|threads)';
const NAME_WORD = '(?: (?:navn|name|id|profil|brugernavn|username|user|handle))?';
const TOKEN = '@?[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}._-]*[\\p{L}\\p{N}_])?';
const PLATFORM_NAME = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:` +
    `(?:(?:min|mit|mine|hans|hendes|deres|vores|my|his|her|their) )${PLATFORM}${NAME_WORD}(?: ?[:=] ?| er | is | hedder | - )(?<h>${TOKEN})` +
    `|${PLATFORM}${NAME_WORD}(?: ?[:=] ?)(?<h2>${TOKEN})` +
    `|${PLATFORM}${NAME_WORD} (?<h3>(?=[\\p{L}\\p{N}._-]*[\\d_])${TOKEN})` +
    `)`,
  'giu',
);

/** Day, month, year with or without "." "-" "/" " " between them. */
const SEP = '[ .\\-/]';
/**
 * DDMMYY, then a separator ("-", "/", ".", " - ", " ") or nothing, then four
 * digits: 010190-1234, 01.01.90-1234, 010190/1234, 01 01 90 1234. Only a
 * plausible date is a CPR number, so arbitrary 10-digit numbers stay. No
 * modulus-11 check: CPR numbers issued since 2007 need not pass it.
 */
const CPR = new RegExp(
  `(?<!\\d)(?:0[1-9]|[12]\\d|3[01])${SEP}?(?:0[1-9]|1[0-2])${SEP}?\\d{2}(?: ?[\\-/.] ?| )?\\d{4}(?!\\d)`,
  'gu',
);

/**
 * Danish numbers: eight digits in groups of two or more, separated by a
 * space, "-" or ".", optionally after +45, 0045 or (+45): 12345678,
 * 12 34 56 78, 1234-5678, 12.34.56.78, 123 45 678, 12 345 678. International
 * numbers: + and 8–15 digits in any grouping. One pattern, so the leftmost
 * match wins: "+44 20 7946 0958" is taken whole rather than its last eight
 * digits as a Danish number. isPhone then refuses shapes that are not phone
 * numbers: a thousands separator (12.345.678), year ranges (2019-2020) and
 * time ranges (17.30-19.00) and dates with the year in full (2024-05-12).
 */
const PHONE = new RegExp(
  `(?<![\\d+])(?:` +
    `(?<dk>(?:\\(?(?:\\+|00) ?45\\)?[ \\-.]?)?)(?<digits>\\d(?:[ \\-.]?\\d){7})` +
    `|\\+\\d(?:[ \\-.]?\\d){7,14}` +
    `)(?!\\d)`,
  'gu',
);

/** Public service numbers that are not anyone's personal data: Københavns Politi. */
const PUBLIC_NUMBERS: ReadonlySet<string> = new Set(['33141448']);

const YEAR = /^(?:19|20)\d\d$/;

function isPhone(prefix: string | undefined, digits: string | undefined): boolean {
  if (digits === undefined) return true; // international
  const groups = digits.split(/[ \-.]/);
  const seps = digits.replace(/\d/g, '');
  if (groups.some((g) => g.length < 2)) return false;
  if (seps.includes('.') && !groups.every((g) => g.length === 2) && !(groups.length === 2 && groups[0]!.length === 4)) return false;
  if (groups.length === 2 && groups.every((g) => YEAR.test(g))) return false;
  // A date with the year in full: 2024-05-12, 12-05-2024.
  if (groups.length === 3 && (YEAR.test(groups[0]!) || YEAR.test(groups[2]!)) && groups.filter((g) => g.length === 2).every((g) => Number(g) <= 31)) return false;
  if (groups.length === 4 && /^[.:]-[.:]$/.test(seps)) {
    const [h1, m1, h2, m2] = groups.map(Number) as [number, number, number, number];
    if (h1 <= 24 && h2 <= 24 && m1 < 60 && m2 < 60) return false;
  }
  if (!prefix && PUBLIC_NUMBERS.has(digits.replace(/\D/g, ''))) return false;
  return true;
}

/** Two letters and five digits: AB 12 345, AB12345, AB-12-345, AB.12.345, ab 12345. Plates use A–Z only. */
const PLATE = new RegExp(`(?<![\\p{L}\\p{N}])[a-z]{2}[ .\\-]?\\d{2}[ .\\-]?\\d{3}(?![\\p{L}\\p{N}])(?![.,]\\d)`, 'giu');

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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Street names the project knows (its map and named places), several of which do not end in a street word. */
const KNOWN_STREETS = [
  ...new Set([
    ...STREET_LINES.map((s) => s.name),
    ...SEEDED_PLACES.filter((p) => p.kind === 'street').map((p) => p.nameDa.split(' ved ')[0]!),
    'Nørrebros Runddel',
  ]),
].sort((a, b) => b.length - a.length);
const STREET_WORD = '(?:gade|vej|allé|plads|stræde|boulevard|torv|vænge|dossering|passage|brygge|runddel)';
/** "Nørrebrogade" or "nørrebrogade": the first letter in either case. */
const eitherCase = (s: string) => `[${s[0]!.toUpperCase()}${s[0]!.toLowerCase()}]${escape(s.slice(1))}`;
const STREET =
  `(?:${KNOWN_STREETS.map(eitherCase).join('|')}` +
  `|\\p{L}[\\p{L}\\-]*${STREET_WORD}` +
  `|(?:\\p{Lu}[\\p{L}\\-]*\\.? ){1,3}(?:Gade|Vej|Allé|Alle|Plads|Stræde|Boulevard|Torv|Vænge|Dossering|Passage|Kaj|Brygge|Bakke|Runddel)` +
  `)`;
/** Floor and side: "3. th.", "st. tv.", "1. sal", "kl.", "2. mf", "4 th". */
const FLOOR = '(?:,? (?:\\d{1,2}\\.?|[Ss]t\\.?|stuen|kl\\.?|kælder(?:en)?)(?: ?(?:sal|th\\.?|tv\\.?|mf\\.?|til (?:højre|venstre)))?(?![\\p{L}\\p{N}]))';
const ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}\\-])${STREET}(?: nr\\.?| nummer)? \\d{1,3}(?:[a-z]\\b)?(?:-\\d{1,3})?(?!\\d)(?![.,]\\d)${FLOOR}?`,
  'gu',
);
/** Only flagged: a house number without a street, or a floor and side on their own. */
const HOUSE_NUMBER = /(?<![\p{L}\p{N}])(?:nr\.?|nummer) ?\d{1,3}[a-z]?(?!\d)|(?<![\p{L}\p{N}.])\d{1,2}\. ?(?:th|tv|mf)\b\.?/giu;

/** Words after a name that make it part of a place name ("Hans Tavsens Park", "Dronning Louises Bro"). */
const PLACE_WORD = '(?:Gade|Vej|Allé|Plads|Park|Bro|Boulevard|Kirke|Kirkegård|Skole|Torv|Have|Station|Stræde|Hus|Kollegium|Bibliotek|Hallen)';
const nameAlternation = (names: readonly string[]) => [...names].sort((a, b) => b.length - a.length).map(escape).join('|');
/** A first name (with a genitive s and a following "-sen" surname, if any), not part of a place name. */
const nameRegex = (names: readonly string[]) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}\\-])(?<!(?:Sankt|Skt\\.|Dronning|Kong|Prins|Prinsesse) )(?:${nameAlternation(names)})s?(?: \\p{Lu}\\p{Ll}+sen)?` +
      `(?![\\p{L}\\p{N}])(?!(?: \\p{Lu}[\\p{L}.\\-]*)? ${PLACE_WORD}(?![\\p{L}]))`,
    'gu',
  );
const NAME = nameRegex(FIRST_NAMES);
const AMBIGUOUS_NAME = nameRegex(AMBIGUOUS_NAMES);

// --- masking -----------------------------------------------------------------

type Groups = Record<string, string | undefined>;

export interface MaskOptions {
  /**
   * Kinds neither masked nor flagged, for a field that asks for exactly that:
   * a comment's name field invites "a first name, a nickname or nothing", so
   * a first name there is the resident's choice, not a leak.
   */
  keep?: readonly PiiKind[];
}

/** A character with its combining marks: the unit a match is mapped back to. */
const PIECE = /\P{M}\p{M}*|\p{M}+/gu;
const PLAIN_ASCII = /^[\x20-\x7e\n\r]*$/;
/** Stands in for a masked match while matching goes on: a noncharacter no pattern takes, one per normalised code unit, so positions stay put. */
const HIDDEN = '\uffff';

/**
 * The normalised text and, for each of its code units, where the input
 * character it came from starts and ends. Plain ASCII needs no map.
 */
function normaliseWithMap(input: string): { norm: string; from: number[] | null; to: number[] | null } {
  if (PLAIN_ASCII.test(input)) return { norm: input, from: null, to: null };
  const cache = new Map<string, string>();
  const parts: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (const m of input.matchAll(PIECE)) {
    const orig = m[0];
    let norm = cache.get(orig);
    if (norm === undefined) {
      norm = normalizeForPii(orig).replaceAll(HIDDEN, '');
      cache.set(orig, norm);
    }
    parts.push(norm);
    for (let k = 0; k < norm.length; k++) {
      from.push(m.index);
      to.push(m.index + orig.length);
    }
  }
  return { norm: parts.join(''), from, to };
}

/** Checks free text for personal data: masks what is clearly personal data and flags what a person must judge. */
export function checkPersonalData(input: string, options: MaskOptions = {}): PiiCheck {
  const keep = new Set(options.keep);
  const found = new Set<PiiKind>();
  /** Masked spans of the normalised text: [start, end, kind]. */
  const spans: [number, number, PiiKind][] = [];

  const mask = (text: string, pattern: RegExp, kind: PiiKind, isMatch?: (match: string, groups: Groups) => boolean): string =>
    keep.has(kind)
      ? text
      : text.replace(pattern, (match: string, ...rest: unknown[]) => {
          // (match, ...captures, offset, string[, groups]): groups come last only for a pattern with named groups.
          const last = rest[rest.length - 1];
          const named = typeof last === 'object' && last !== null;
          const groups: Groups = named ? (last as Groups) : {};
          const offset = rest[rest.length - (named ? 3 : 2)] as number;
          if (isMatch !== undefined && !isMatch(match, groups)) return match;
          // A network user name: keep "min snap er", mask the name.
          const handle = groups['h'] ?? groups['h2'] ?? groups['h3'];
          const keepLength = handle === undefined ? 0 : match.length - handle.length;
          found.add(kind);
          spans.push([offset + keepLength, offset + match.length, kind]);
          return match.slice(0, keepLength) + HIDDEN.repeat(match.length - keepLength);
        });

  // Patterns run on the normalised text; a match is replaced by as many
  // HIDDEN characters, so positions stay those of the normalised text, and
  // at the end each masked span is mapped back to the input characters it
  // covers, which are replaced by the label: the rest of the input is
  // returned exactly as written.
  // Order: profile URLs before e-mail ("tiktok.com/@navn"), e-mail before
  // handles and numbers (digits in an address are not a phone number), CPR
  // before phone, so a CPR is never half-masked as a phone number.
  // A match that follows another without a gap ("a@b.dk0@c.dk",
  // "12345678+4512345678") starts inside a run, where the look-behinds
  // refuse it; once its neighbour is hidden it no longer does. So mask again
  // until nothing changes: every change hides characters, so it ends.
  const { norm, from, to } = normaliseWithMap(input);
  let text = norm;
  for (let before = ''; before !== text; ) {
    before = text;
    text = mask(text, PROFILE_URL, 'handle');
    text = mask(text, EMAIL, 'email');
    text = mask(text, AT_HANDLE, 'handle');
    text = mask(text, PLATFORM_NAME, 'handle');
    text = mask(text, CPR, 'cpr');
    text = mask(text, PHONE, 'phone', (_match, g) => isPhone(g['dk'], g['digits']));
    text = mask(text, PLATE, 'plate', isPlate);
    text = mask(text, ADDRESS, 'address');
    text = mask(text, NAME, 'name');
  }

  const flagged: PiiFlag[] = [
    ...[...text.matchAll(HOUSE_NUMBER)].map((m) => ({ kind: 'address' as const, match: m[0] })),
    ...[...text.matchAll(AMBIGUOUS_NAME)].map((m) => ({ kind: 'name' as const, match: m[0] })),
  ].filter((f) => !keep.has(f.kind));
  const flagKinds = new Set(flagged.map((f) => f.kind));

  // Back to the input: each span becomes its label in place of the input
  // characters it came from (a span that overlaps an earlier one joins it).
  const out: string[] = [];
  let done = 0;
  let count = 0;
  for (const [start, end, kind] of spans.sort((a, b) => a[0] - b[0])) {
    const origStart = from ? from[start]! : start;
    const origEnd = to ? to[end - 1]! : end;
    if (origEnd <= done) continue;
    out.push(input.slice(done, Math.max(done, origStart)), PII_LABELS[kind]);
    done = origEnd;
    count += 1;
  }
  out.push(input.slice(done));

  return {
    text: count === 0 ? input : out.join(''),
    masks: PII_KINDS.filter((kind) => found.has(kind)),
    count,
    flags: PII_KINDS.filter((kind) => flagKinds.has(kind)),
    flagged,
  };
}

/** Masks CPR numbers, e-mail addresses, phone numbers, number plates, addresses, handles and first names in free text. */
export function maskPersonalData(input: string, options: MaskOptions = {}): MaskResult {
  const { text, masks, count } = checkPersonalData(input, options);
  return { text, masks, count };
}

/**
 * Every kind of personal data, masked or flagged, in staff-written public
 * text (initiative updates and bodies, event bodies, public replies and
 * notes): the editor is warned and must confirm before it is stored.
 */
export function personalDataKinds(...texts: (string | null | undefined)[]): PiiKind[] {
  const kinds = new Set<PiiKind>();
  for (const t of texts) {
    if (!t) continue;
    const r = checkPersonalData(t);
    for (const k of [...r.masks, ...r.flags]) kinds.add(k);
  }
  return PII_KINDS.filter((k) => kinds.has(k));
}
