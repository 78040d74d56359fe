/**
 * Property-based tests (fast-check) of the pure validators and parsers that
 * stand between hostile input and the database, a page or an export. Each
 * property is named after the rule it proves; the seed is fixed (and
 * printed) so that CI is reproducible: replay with FUZZ_SEED=n.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../db/schema.ts';
import { DEFAULT_NOISE, KEY_RANGE, MIN_K, NO_NOISE, suppressRow } from '../../src/lib/disclosure/index.ts';
import { SUPPRESSED, toCsv, type DataTable, type TableValue } from '../../src/lib/data-table.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { isForbiddenCrossSite } from '../../src/lib/origin-check.ts';
import { maskPersonalData, PII_LABELS } from '../../src/lib/pii.ts';
import { formatPoint, parsePoint, PlaceBook, POINT_BOUNDS } from '../../src/lib/places.ts';
import { SEEDED_PLACES } from '../../src/lib/seeded-places.ts';

const PLACES = new PlaceBook(SEEDED_PLACES.map((p) => ({ ...p, retired: false })));
import { DONT_KNOW, NO_AREA, parseQuestion, PREFER_NOT, type InstrumentQuestion } from '../../src/lib/survey/instrument.ts';
import { formValues, validatePage, type AnswerError, type FormValues } from '../../src/lib/survey/validate.ts';
import { FUZZ_SEED, fuzzOptions, HOSTILE_STRINGS, hostileText, XSS_STRINGS } from '../support/fuzz.ts';

beforeAll(() => {
  console.info(`fuzz-validators: fast-check seed ${FUZZ_SEED} (replay with FUZZ_SEED=${FUZZ_SEED})`);
});

// --- survey answers (src/lib/survey/validate.ts) ------------------------------

let questionId = 0;
function question(partial: Partial<Question> & Pick<Question, 'key' | 'type' | 'config'>): InstrumentQuestion {
  questionId += 1;
  return parseQuestion({
    id: questionId,
    surveyId: 1,
    pageId: 1,
    position: questionId,
    textDa: partial.key,
    textEn: null,
    helpDa: null,
    helpEn: null,
    required: false,
    allowDontKnow: false,
    allowPreferNot: false,
    showIf: null,
    ...partial,
  } as Question);
}
const options = (...values: string[]) => values.map((value) => ({ value, da: value }));

const QUESTIONS: InstrumentQuestion[] = [
  question({ key: 'safe', type: 'single', required: true, allowDontKnow: true, config: { options: options('yes', 'no') } }),
  question({ key: 'multi', type: 'multi', allowPreferNot: true, config: { options: options('a', 'b', 'c'), maxChoices: 2 } }),
  question({ key: 'scale', type: 'scale', required: true, config: { points: 5, lowDa: 'lav', highDa: 'høj' } }),
  question({ key: 'm', type: 'matrix', required: true, allowDontKnow: true, config: { items: options('x', 'y'), options: options('none', 'big') } }),
  question({ key: 'text', type: 'text', config: { maxLength: 50 } }),
  question({ key: 'years', type: 'number', allowDontKnow: true, config: { min: 0, max: 100, integer: true } }),
  question({ key: 'share', type: 'number', config: { min: -5, max: 5, integer: false } }),
  question({ key: 'area', type: 'area', required: true, config: {} }),
  question({ key: 'places', type: 'places', allowDontKnow: true, config: { max: 2 } }),
  question({ key: 'follow', type: 'text', config: { maxLength: 10 }, showIf: { question: 'safe', anyOf: ['no'] } }),
];
const AREA_SLUGS = ['indre-norrebro', 'skt-hans-torv'];
const inArea = (p: { lat: number; lon: number }) => p.lat < 55.7;
const CONTEXT = { previous: {}, areaSlugs: AREA_SLUGS, inArea, places: PLACES };
const ERRORS: readonly AnswerError[] = ['required', 'unknown_option', 'out_of_range', 'not_a_number', 'too_long', 'too_many', 'incomplete_matrix', 'outside_areas', 'exclusive_answer'];

/** Field names the page's form has, plus some it has not. */
const FIELD_NAMES = [
  'q_safe', 'q_multi', 'q_scale', 'q_m__x', 'q_m__y', 'q_m__z', 'q_text', 'q_years', 'q_share', 'q_area',
  'q_places', 'q_places__point', 'q_places__text', 'q_follow', 'action', 'website', 'q_', 'q_m', 'q_m__', '__proto__', 'constructor',
];
/** Values that are right for some question, near misses, and hostile ones. */
const FIELD_VALUES = [
  'yes', 'no', 'a', 'b', 'c', 'x', 'none', 'big', '1', '3', '5', '6', '0', '-1', '100', '101', '2.5', '2,5', '1e2', '0x10', 'NaN',
  'Infinity', ' 7 ', DONT_KNOW, PREFER_NOT, NO_AREA, ...AREA_SLUGS, 'blaagaards-plads', 'stengade', 'findes-ikke',
  '55.68700,12.55600', '55.72000,12.55600', '55.687,12.556', '-55.687,12.556', '55.687, 12.556', '1e1,1e1', '',
  '010190-1234', 'ring 12345678', 'a@b.dk',
];
const fieldName = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const fieldValue = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_VALUES) }, { weight: 2, arbitrary: hostileText(80) });
const formEntries = fc.array(fc.tuple(fieldName, fieldValue), { maxLength: 30 });

function toValues(entries: readonly (readonly [string, string])[]): FormValues {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return formValues(form);
}

const CPR_SHAPE = /(?<!\d)(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[-\u2010\u2013 \u00a0]?\d{4}(?!\d)/u;
const isSpecial = (q: InstrumentQuestion, v: string) => (q.allowDontKnow && v === DONT_KNOW) || (q.allowPreferNot && v === PREFER_NOT);

/** Why an answer that passed validation breaks its question's rules; undefined when it does not. */
function answerProblem(q: InstrumentQuestion, value: unknown): string | undefined {
  switch (q.type) {
    case 'single':
    case 'scale':
    case 'area': {
      if (typeof value !== 'string') return 'not one value';
      if (isSpecial(q, value)) return undefined;
      const allowed =
        q.type === 'single' ? q.config.options.map((o) => o.value) : q.type === 'scale' ? ['1', '2', '3', '4', '5', '6', '7'].slice(0, q.config.points) : [...AREA_SLUGS, NO_AREA];
      return allowed.includes(value) ? undefined : `unknown option ${JSON.stringify(value)}`;
    }
    case 'multi': {
      if (!Array.isArray(value) || value.length === 0) return 'not a non-empty list';
      if (value.length === 1 && isSpecial(q, value[0]!)) return undefined;
      if (new Set(value).size !== value.length) return 'duplicated choices';
      if (q.config.maxChoices && value.length > q.config.maxChoices) return 'too many choices';
      return value.every((v) => q.config.options.some((o) => o.value === v)) ? undefined : 'unknown option';
    }
    case 'matrix': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a row';
      const row = value as Record<string, string>;
      if (q.required && Object.keys(row).length !== q.config.items.length) return 'incomplete row for a required matrix';
      for (const [item, v] of Object.entries(row)) {
        if (!q.config.items.some((i) => i.value === item)) return `unknown item ${item}`;
        if (!q.config.options.some((o) => o.value === v) && !isSpecial(q, v)) return `unknown option ${v}`;
      }
      return undefined;
    }
    case 'text':
      if (typeof value !== 'string' || value.trim() === '') return 'empty text';
      return [...value].length <= q.config.maxLength ? undefined : 'longer than maxLength';
    case 'number': {
      if (typeof value !== 'string') return 'not one value';
      if (isSpecial(q, value)) return undefined;
      const n = Number(value);
      if (!Number.isFinite(n) || String(n) !== value) return `not a plain number: ${value}`;
      if (q.config.integer && !Number.isInteger(n)) return 'not an integer';
      return n >= q.config.min && n <= q.config.max ? undefined : 'out of range';
    }
    case 'places': {
      if (!Array.isArray(value) || value.length === 0) return 'not a non-empty list';
      if (value.length === 1 && isSpecial(q, value[0]!)) return undefined;
      if (value.length > q.config.max) return 'too many places';
      for (const v of value) {
        if (v.startsWith('place:')) {
          if (!PLACES.offered(v.slice(6))) return `unknown place ${v}`;
        } else if (v.startsWith('point:')) {
          const p = parsePoint(v.slice(6));
          if (!p || !inArea(p)) return `bad point ${v}`;
        } else if (v.startsWith('text:')) {
          if (CPR_SHAPE.test(v)) return 'unmasked CPR number in a typed place';
        } else return `unknown kind ${v}`;
      }
      return undefined;
    }
  }
}

describe('validatePage (survey answers from a form post)', () => {
  it('any form, however malformed, is answered with known error codes and never throws', () => {
    fc.assert(
      fc.property(formEntries, (entries) => {
        const { answers, errors } = validatePage(QUESTIONS, toValues(entries), CONTEXT);
        for (const [key, error] of Object.entries(errors)) {
          expect(QUESTIONS.map((q) => q.key)).toContain(key);
          expect(ERRORS).toContain(error);
        }
        for (const key of Object.keys(answers)) expect(QUESTIONS.map((q) => q.key)).toContain(key);
      }),
      fuzzOptions(2000),
    );
  });

  it('an answer that passed validation is one its question allows', () => {
    fc.assert(
      fc.property(formEntries, (entries) => {
        const { answers, errors } = validatePage(QUESTIONS, toValues(entries), CONTEXT);
        for (const q of QUESTIONS) {
          if (errors[q.key] || answers[q.key] === undefined) continue;
          expect(answerProblem(q, answers[q.key]), `${q.key} = ${JSON.stringify(answers[q.key])}`).toBeUndefined();
        }
      }),
      fuzzOptions(2000),
    );
  });

  it('a required question left without a valid answer always has an error', () => {
    fc.assert(
      fc.property(formEntries, (entries) => {
        const { answers, errors } = validatePage(QUESTIONS, toValues(entries), CONTEXT);
        for (const q of QUESTIONS.filter((x) => x.required)) if (answers[q.key] === undefined) expect(errors[q.key]).toBeDefined();
      }),
      fuzzOptions(1000),
    );
  });

  it('a one-answer question posted twice (a duplicated field) is refused as too many', () => {
    fc.assert(
      fc.property(fc.constantFrom('safe', 'scale', 'area', 'years'), fc.constantFrom(...FIELD_VALUES.filter((v) => v.trim() !== '')), fc.constantFrom(...FIELD_VALUES.filter((v) => v.trim() !== '')), (key, a, b) => {
        const { answers, errors } = validatePage(QUESTIONS, toValues([[`q_${key}`, a], [`q_${key}`, b]]), CONTEXT);
        if (key !== 'years') expect(errors[key]).toBe('too_many');
        // The number question reads its first value; either way it never stores both.
        expect(Array.isArray(answers[key])).toBe(false);
      }),
      fuzzOptions(300),
    );
  });

  it('a hidden follow-up question is never answered, whatever the form says', () => {
    fc.assert(
      fc.property(fc.constantFrom('yes', DONT_KNOW, ''), hostileText(20), (safe, follow) => {
        const { answers, errors } = validatePage(QUESTIONS, toValues([['q_safe', safe], ['q_follow', follow]]), CONTEXT);
        expect(answers['follow']).toBeUndefined();
        expect(errors['follow']).toBeUndefined();
      }),
      fuzzOptions(300),
    );
  });
});

// --- personal data (src/lib/pii.ts) ------------------------------------------

const two = (n: number) => String(n).padStart(2, '0');
const cprNumber = fc
  .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('', '-', '\u2010', '\u2013', ' ', '\u00a0'), fc.integer({ min: 0, max: 9999 }))
  .map(([d, m, y, sep, serial]) => `${two(d)}${two(m)}${two(y)}${sep}${String(serial).padStart(4, '0')}`);
const emailAddress = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,15}$/), fc.stringMatching(/^[a-z0-9]{1,10}$/), fc.constantFrom('dk', 'com', 'org', 'nu'))
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
const danishPhone = fc
  .tuple(fc.constantFrom('', '+45 ', '0045', '+45'), fc.integer({ min: 10_000_000, max: 99_999_999 }), fc.constantFrom('plain', 'pairs', 'halves'))
  .map(([prefix, n, style]) => {
    const s = String(n);
    const body = style === 'pairs' ? s.match(/../g)!.join(' ') : style === 'halves' ? `${s.slice(0, 4)} ${s.slice(4)}` : s;
    return prefix + body;
  });
/** Ordinary words and punctuation around the personal data (never digits, so no longer number is formed). */
const prose = fc.string({ unit: fc.constantFrom(...'abc æøå.,:;!?()[]"\'/\n'.split('')), maxLength: 12 });
const withSpaces = (parts: readonly string[]) => ` ${parts.join(' ')} `;

describe('maskPersonalData', () => {
  it('masking is idempotent: masked text holds nothing more to mask', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(cprNumber, emailAddress, danishPhone, prose, hostileText(30)), { maxLength: 8 }).map((p) => p.join('')), (text) => {
        const once = maskPersonalData(text);
        const twice = maskPersonalData(once.text);
        expect(twice.text).toBe(once.text);
        expect(twice.count).toBe(0);
      }),
      fuzzOptions(2000),
    );
  });

  it('no CPR number survives masking, whatever stands next to it', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(cprNumber, fc.string({ maxLength: 6 }), fc.constantFrom('+', '-', ' ', 'tlf. ', 'CPR:')), { maxLength: 6 }).map((p) => p.join('')), (text) => {
        expect(maskPersonalData(text).text).not.toMatch(CPR_SHAPE);
      }),
      fuzzOptions(3000),
    );
  });

  it('a CPR number, e-mail address or Danish phone number between words is always masked', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(prose, fc.oneof(cprNumber, emailAddress, danishPhone)), { minLength: 1, maxLength: 4 }), (pairs) => {
        const text = withSpaces(pairs.flat());
        const masked = maskPersonalData(text).text;
        for (const [, secret] of pairs) expect(masked).not.toContain(secret);
        expect(maskPersonalData(text).count).toBeGreaterThanOrEqual(pairs.length);
      }),
      fuzzOptions(2000),
    );
  });

  it('text with no digits and no @ is never changed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => !/[\p{N}@]/u.test(s)), (text) => {
        expect(maskPersonalData(text)).toEqual({ text, masks: [], count: 0 });
      }),
      fuzzOptions(1000),
    );
  });

  it('masking only lengthens text by its labels: never more than the longest label per mask', () => {
    const longest = Math.max(...Object.values(PII_LABELS).map((l) => l.length));
    fc.assert(
      fc.property(fc.array(fc.oneof(cprNumber, emailAddress, danishPhone, prose), { maxLength: 8 }).map((p) => p.join(' ')), (text) => {
        const r = maskPersonalData(text);
        expect(r.text.length).toBeLessThanOrEqual(text.length + r.count * longest);
        expect(r.count === 0).toBe(r.text === text);
      }),
      fuzzOptions(1000),
    );
  });
});

// --- points (src/lib/places.ts) ----------------------------------------------

const b = POINT_BOUNDS;
describe('parsePoint', () => {
  it('a parsed point always lies inside the bounds and has at most five decimals', () => {
    const decimal = fc.tuple(fc.integer({ min: 0, max: 999 }), fc.stringMatching(/^\d{0,16}$/)).map(([i, f]) => (f ? `${i}.${f}` : String(i)));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.tuple(decimal, decimal).map(([x, y]) => `${x},${y}`), fc.constantFrom(...HOSTILE_STRINGS)), (s) => {
        const p = parsePoint(s);
        if (p === null) return;
        expect(p.lat).toBeGreaterThanOrEqual(b.minLat);
        expect(p.lat).toBeLessThanOrEqual(b.maxLat);
        expect(p.lon).toBeGreaterThanOrEqual(b.minLon);
        expect(p.lon).toBeLessThanOrEqual(b.maxLon);
        expect(Math.round(p.lat * 1e5) / 1e5).toBe(p.lat);
        expect(Math.round(p.lon * 1e5) / 1e5).toBe(p.lon);
      }),
      fuzzOptions(3000),
    );
  });

  it('anything but plain digits, one dot per number and one comma is refused (no signs, exponents, spaces, NaN)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => /[^0-9.,]/.test(s)), (s) => {
        expect(parsePoint(s)).toBeNull();
      }),
      fuzzOptions(2000),
    );
  });

  it('a point inside the bounds survives formatPoint then parsePoint', () => {
    fc.assert(
      fc.property(fc.double({ min: b.minLat, max: b.maxLat, noNaN: true }), fc.double({ min: b.minLon, max: b.maxLon, noNaN: true }), (lat, lon) => {
        const p = parsePoint(formatPoint({ lat, lon }));
        expect(p).not.toBeNull();
        expect(Math.abs(p!.lat - lat)).toBeLessThanOrEqual(0.5e-5 + 1e-12);
        expect(Math.abs(p!.lon - lon)).toBeLessThanOrEqual(0.5e-5 + 1e-12);
        expect(formatPoint(p!)).toBe(formatPoint({ lat, lon }));
      }),
      fuzzOptions(1000),
    );
  });

  it('every named place is a point parsePoint accepts', () => {
    for (const place of SEEDED_PLACES) expect(parsePoint(formatPoint(place))).toEqual({ lat: place.lat, lon: place.lon });
  });
});

// --- Markdown (src/lib/markdown.ts) ------------------------------------------

const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'code', 'pre', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What is wrong with rendered HTML, or undefined: every tag allowed, every attribute harmless, no '<' outside a tag. */
function htmlProblem(html: string): string | undefined {
  const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"]*")*)\s*\/?>/g;
  for (const m of html.matchAll(TAG)) {
    const name = m[2]!.toLowerCase();
    if (!ALLOWED_TAGS.has(name)) return `tag <${name}>`;
    for (const a of m[3]!.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
      const attr = a[1]!.toLowerCase();
      if (!(name === 'a' && (attr === 'href' || attr === 'rel'))) return `attribute ${attr} on <${name}>`;
      if (attr === 'href') {
        // Browsers drop tabs, newlines and leading spaces/controls from a URL before reading its scheme.
        const url = decodeEntities(a[2]!).replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
        const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
        if (scheme !== undefined && !['http', 'https', 'mailto', 'tel'].includes(scheme)) return `href scheme ${scheme}`;
        if (url.startsWith('//') || url.startsWith('\\\\') || url.startsWith('/\\')) return 'protocol-relative href';
      }
    }
  }
  const rest = html.replace(TAG, '');
  if (rest.includes('<')) return `a raw '<' outside an allowed tag: ${JSON.stringify(rest.slice(rest.indexOf('<'), rest.indexOf('<') + 40))}`;
  if (/<script/i.test(html)) return '<script';
  return undefined;
}

const MARKDOWN_BITS = [
  '# ', '## ', '\n', '\n\n', '- ', '1. ', '> ', '```\n', '`', '**', '*', '_', '[', ']', '(', ')', '<', '>', '"', "'", '=', '&', '#',
  '| a | b |\n|---|---|\n| ', 'https://www.kk.dk/', 'mailto:x@kk.dk', 'javascript:', 'java\nscript:', '&#106;', 'onerror=', ' onload="', 'data:',
];
const markdownInput = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...MARKDOWN_BITS) }, { weight: 2, arbitrary: fc.constantFrom(...XSS_STRINGS) }, { weight: 2, arbitrary: fc.string({ maxLength: 10 }) }), { maxLength: 25 })
  .map((p) => p.join(''));

describe('renderMarkdown', () => {
  it('rendered Markdown has only allowed tags, href and rel only, no script URL and no raw <', () => {
    fc.assert(
      fc.property(markdownInput, (md) => {
        const html = renderMarkdown(md);
        expect(htmlProblem(html), `from ${JSON.stringify(md)}:\n${html}`).toBeUndefined();
      }),
      fuzzOptions(1500),
    );
  });

  it('every known XSS payload, alone or as a link target, renders harmless', () => {
    for (const x of XSS_STRINGS) {
      for (const md of [x, `[klik](${x})`, `<p>${x}</p>`, `> ${x}`, `| ${x} | b |\n|---|---|\n| c | d |`]) {
        expect(htmlProblem(renderMarkdown(md)), `from ${JSON.stringify(md)}`).toBeUndefined();
      }
    }
  });

  it('rendering never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (md) => {
        expect(typeof renderMarkdown(md)).toBe('string');
      }),
      fuzzOptions(500),
    );
  });
});

// --- origin check (src/lib/origin-check.ts) ----------------------------------

const SITE = new URL('https://tryghed.example/meld');
const UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
/** Content types a plain HTML form (or fetch without a preflight) can send, in any spelling. */
const formType = fc
  .tuple(fc.constantFrom('application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'text/plain;charset=UTF-8'), fc.boolean(), fc.constantFrom('', ' ', '; charset=utf-8'))
  .map(([t, upper, tail]) => (upper ? t.toUpperCase() : t) + tail);
const foreignOrigin = fc.oneof(
  fc.constantFrom('https://evil.example', 'http://tryghed.example', 'https://tryghed.example:8443', 'https://tryghed.example.evil.example', 'null', '', 'https://TRYGHED.example/', 'https://tryghed.example/'),
  fc.webUrl().map((u) => new URL(u).origin),
).filter((o) => o !== SITE.origin);
const publicPath = fc.oneof(fc.constantFrom('/meld', '/en/meld', '/staff/login', '/staff/logout', '/undersoegelser/x/side/1', '/api/open311', '/api/open312/', '/apix/open311/'), fc.webPath());

describe('isForbiddenCrossSite', () => {
  it('a form post from another origin (or none) is always refused outside the Open311 API', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNSAFE_METHODS), formType, fc.option(foreignOrigin, { nil: undefined }), publicPath, (method, type, origin, path) => {
        fc.pre(!path.startsWith('/api/open311/'));
        const headers = new Headers({ 'content-type': type, ...(origin !== undefined ? { origin } : {}) });
        expect(isForbiddenCrossSite(method, headers, SITE, path)).toBe(true);
      }),
      fuzzOptions(1500),
    );
  });

  it('a post with no content type and no same-site Origin is refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNSAFE_METHODS), fc.option(foreignOrigin, { nil: undefined }), publicPath, (method, origin, path) => {
        fc.pre(!path.startsWith('/api/open311/'));
        expect(isForbiddenCrossSite(method, new Headers(origin !== undefined ? { origin } : {}), SITE, path)).toBe(true);
      }),
      fuzzOptions(500),
    );
  });

  it('a same-origin request and a safe method are never refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNSAFE_METHODS, 'GET', 'HEAD', 'OPTIONS'), fc.option(formType, { nil: undefined }), publicPath, (method, type, path) => {
        const same = new Headers({ origin: SITE.origin, ...(type ? { 'content-type': type } : {}) });
        expect(isForbiddenCrossSite(method, same, SITE, path)).toBe(false);
        if (['GET', 'HEAD', 'OPTIONS'].includes(method)) expect(isForbiddenCrossSite(method, new Headers({ origin: 'https://evil.example' }), SITE, path)).toBe(false);
      }),
      fuzzOptions(500),
    );
  });

  it('every content type the form reader accepts is covered by the check', () => {
    // src/server/platform/form.ts reads bodies whose type starts with these; any such post from elsewhere must be refused.
    fc.assert(
      fc.property(fc.constantFrom('application/x-www-form-urlencoded', 'multipart/form-data'), fc.string({ maxLength: 30 }), (prefix, tail) => {
        const headers = new Headers();
        try {
          headers.set('content-type', prefix + tail);
        } catch {
          return; // not a header value a client can send
        }
        headers.set('origin', 'https://evil.example');
        expect(isForbiddenCrossSite('POST', headers, SITE, '/meld')).toBe(true);
      }),
      fuzzOptions(500),
    );
  });
});

// --- privacy threshold (src/lib/disclosure/index.ts) --------------------------------

const counts = fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 500 })), { minLength: 1, maxLength: 10 });
const kValue = fc.integer({ min: 0, max: 12 });
/** A row of cells; their cell keys are 0 unless given (the structural tests run without noise). */
const rowOf = (ns: readonly number[], keys: readonly number[] = []) => ns.map((n, i) => ({ key: `c${i}`, n, ck: keys[i] ?? 0 }));
const cellKeys = fc.array(fc.integer({ min: 0, max: KEY_RANGE - 1 }), { minLength: 10, maxLength: 10 });

describe('suppressRow', () => {
  it('with the noise, no shown cell or total is below K (a zero reveals no one and may show), and each is within the noise of its count', () => {
    fc.assert(
      fc.property(counts, cellKeys, kValue, (ns, keys, k) => {
        const K = Math.max(MIN_K, k);
        const row = suppressRow(rowOf(ns, keys), k);
        for (const [i, c] of row.cells.entries()) {
          if (c.suppressed) continue;
          expect(c.n === 0 || c.n >= K).toBe(true);
          expect(c.n === 0).toBe(ns[i] === 0);
          expect(Math.abs(c.n - ns[i]!)).toBeLessThanOrEqual(DEFAULT_NOISE.maxNoise);
        }
        const total = ns.reduce((s, n) => s + n, 0);
        if (!row.total.suppressed) {
          expect(row.total.n === 0 || row.total.n >= K).toBe(true);
          expect(Math.abs(row.total.n - total)).toBeLessThanOrEqual(DEFAULT_NOISE.maxNoise);
        }
      }),
      fuzzOptions(3000),
    );
  });

  it('with the noise, a cell shown in one row is shown with the same value in any other row it is in (same records, same key)', () => {
    fc.assert(
      fc.property(counts, cellKeys, kValue, (ns, keys, k) => {
        const a = suppressRow(rowOf(ns, keys), k);
        // The same first cell next to a large other cell: structurally always shown when at least K.
        const b = suppressRow([rowOf(ns, keys)[0]!, { key: 'rest', n: 1000, ck: 12345 }, { key: 'more', n: 1000, ck: 54321 }], k);
        const first = a.cells[0]!;
        const again = b.cells[0]!;
        if (!first.suppressed && !again.suppressed) expect(again.n).toBe(first.n);
      }),
      fuzzOptions(1000),
    );
  });

  it('the hidden cells together are 0 or at least K, and never a single cell, when the total is shown (structure, without noise)', () => {
    fc.assert(
      fc.property(counts, kValue, (ns, k) => {
        const K = Math.max(MIN_K, k);
        const row = suppressRow(rowOf(ns), k, NO_NOISE);
        if (row.total.suppressed) return;
        const hidden = row.cells.map((c, i) => (c.suppressed ? ns[i]! : 0));
        const sum = hidden.reduce((s, n) => s + n, 0);
        expect(sum === 0 || sum >= K, `hidden sum ${sum} of ${JSON.stringify(ns)} with K=${K}`).toBe(true);
        expect(hidden.filter((n) => n > 0).length).not.toBe(1);
      }),
      fuzzOptions(3000),
    );
  });

  it('without noise, the total is the sum of the cells, shown exactly when it reaches K; a hidden total hides the whole row', () => {
    fc.assert(
      fc.property(counts, kValue, (ns, k) => {
        const K = Math.max(MIN_K, k);
        const total = ns.reduce((s, n) => s + n, 0);
        const row = suppressRow(rowOf(ns), k, NO_NOISE);
        expect(row.cells.map((c) => c.key)).toEqual(ns.map((_, i) => `c${i}`));
        if (total < K) {
          expect(row.total).toEqual({ suppressed: true });
          expect(row.cells.every((c) => c.suppressed)).toBe(true);
        } else {
          expect(row.total).toEqual({ suppressed: false, n: total });
          for (const [i, c] of row.cells.entries()) if (!c.suppressed) expect(c.n).toBe(ns[i]);
        }
      }),
      fuzzOptions(3000),
    );
  });

  it('K below 3 is treated as 3', () => {
    fc.assert(
      fc.property(counts, cellKeys, fc.integer({ min: -10, max: 2 }), (ns, keys, k) => {
        expect(suppressRow(rowOf(ns, keys), k)).toEqual(suppressRow(rowOf(ns, keys), MIN_K));
      }),
      fuzzOptions(500),
    );
  });
});

// --- CSV exports (src/lib/data-table.ts) -------------------------------------

/** RFC 4180 parsing (quotes, doubled quotes, CRLF), with the BOM dropped: what a spreadsheet reads. */
function parseCsv(csv: string, delimiter: string): string[][] {
  const s = csv.startsWith('\ufeff') ? csv.slice(1) : csv;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
      } else {
        cell += ch;
        i += 1;
      }
    } else if (ch === '"') {
      if (cell !== '') throw new Error(`a quote inside an unquoted cell at ${i}`);
      quoted = true;
      i += 1;
    } else if (ch === delimiter) {
      row.push(cell);
      cell = '';
      i += 1;
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else if (ch === '\r' || ch === '\n') {
      throw new Error(`a bare line break in an unquoted cell at ${i}`);
    } else {
      cell += ch;
      i += 1;
    }
  }
  if (quoted) throw new Error('an unterminated quoted cell');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const SUPPRESSED_TEXT = 'for få svar';
const cellValue: fc.Arbitrary<TableValue> = fc.oneof(
  { weight: 4, arbitrary: hostileText(40) },
  { weight: 2, arbitrary: fc.constantFrom('=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', 'a;b', 'a,b', 'a"b', 'a\r\nb', '"', ' ') },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1, max: 1, noNaN: true })) },
  { weight: 1, arbitrary: fc.constant(SUPPRESSED) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const table: fc.Arbitrary<DataTable> = fc
  .tuple(fc.array(hostileText(20), { minLength: 1, maxLength: 5 }), fc.nat({ max: 6 }))
  .chain(([labels, nRows]) =>
    fc.array(fc.array(cellValue, { minLength: labels.length, maxLength: labels.length }), { minLength: nRows, maxLength: nRows }).map((rows) => ({
      id: 'fuzz',
      title: 'fuzz',
      columns: labels.map((label, i) => ({ key: `k${i}`, label })),
      rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [`k${i}`, v]))),
    })),
  );

/** Characters a spreadsheet takes as the start of a formula (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

describe('toCsv', () => {
  it.each(['danish', 'standard'] as const)('a %s CSV parses back into exactly the table: no separator, quote or line break escapes its cell', (dialect) => {
    const delimiter = dialect === 'danish' ? ';' : ',';
    fc.assert(
      fc.property(table, (t) => {
        const csv = toCsv(t, dialect, SUPPRESSED_TEXT);
        if (dialect === 'danish') expect(csv.startsWith('\ufeff')).toBe(true);
        const parsed = parseCsv(csv, delimiter);
        expect(parsed).toHaveLength(t.rows.length + 1);
        for (const row of parsed) expect(row).toHaveLength(t.columns.length);
        for (const [c, col] of t.columns.entries()) expect([col.label, `'${col.label}`]).toContain(parsed[0]![c]);
        for (const [r, row] of t.rows.entries()) {
          for (const [c, col] of t.columns.entries()) {
            const v = row[col.key] ?? null;
            const got = parsed[r + 1]![c]!;
            if (v === null) expect(got).toBe('');
            else if (typeof v === 'object') expect(got).toBe(SUPPRESSED_TEXT);
            else if (typeof v === 'number') expect(Number(dialect === 'danish' ? got.replace(',', '.') : got)).toBeCloseTo(v, 5);
            // Text comes back as written, or with the formula guard (see the next test).
            else expect([v, `'${v}`]).toContain(got);
          }
        }
      }),
      fuzzOptions(1000),
    );
  });

  it.each(['danish', 'standard'] as const)('a %s CSV never lets a text cell start a spreadsheet formula (=, +, -, @, tab, CR)', (dialect) => {
    const delimiter = dialect === 'danish' ? ';' : ',';
    fc.assert(
      fc.property(table, (t) => {
        const parsed = parseCsv(toCsv(t, dialect, SUPPRESSED_TEXT), delimiter);
        const texts: [string, string][] = t.columns.map((c, i) => [c.label, parsed[0]![i]!]);
        for (const [r, row] of t.rows.entries()) {
          for (const [c, col] of t.columns.entries()) {
            const v = row[col.key];
            if (typeof v === 'string') texts.push([v, parsed[r + 1]![c]!]);
          }
        }
        for (const [written, cell] of texts) {
          expect(cell, `the text ${JSON.stringify(written)} was exported as ${JSON.stringify(cell)}`).not.toMatch(FORMULA_START);
        }
      }),
      fuzzOptions(1000),
    );
  });

  it('a text cell with a bare line break stays one cell (a typed place or a goal title over two lines)', () => {
    const t: DataTable = { id: 'x', title: 'x', columns: [{ key: 'place', label: 'Sted' }, { key: 'n', label: 'n', kind: 'count' }], rows: [{ place: 'Passagen\nved skolen', n: 7 }, { place: 'Porten\rnr. 7', n: 9 }] };
    expect(parseCsv(toCsv(t, 'danish', SUPPRESSED_TEXT), ';')).toEqual([['Sted', 'n'], ['Passagen\nved skolen', '7'], ['Porten\rnr. 7', '9']]);
  });

  it('a negative number stays a number (only text is guarded)', () => {
    const t: DataTable = { id: 'x', title: 'x', columns: [{ key: 'n', label: 'n', kind: 'decimal' }], rows: [{ n: -1.5 }] };
    expect(parseCsv(toCsv(t, 'danish', SUPPRESSED_TEXT), ';')[1]).toEqual(['-1,5']);
    expect(parseCsv(toCsv(t, 'standard', SUPPRESSED_TEXT), ',')[1]).toEqual(['-1.5']);
  });
});
