/**
 * Shared material for the fuzz tests (tests/unit/fuzz-validators.test.ts and
 * tests/reliability/fuzz-http.test.ts): one fixed fast-check seed, so a CI
 * failure can be replayed (override with FUZZ_SEED=n), and the hostile
 * strings every text field is tried with.
 */
import fc from 'fast-check';

/** The seed of every property; printed once per file so a failure can be replayed. */
export const FUZZ_SEED = Number.parseInt(process.env['FUZZ_SEED'] ?? '', 10) || 20_261_122;

/** fast-check parameters: the fixed seed and a run count. */
export function fuzzOptions(numRuns: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns };
}

/** The usual cross-site scripting payloads, in and out of HTML attributes and Markdown. */
export const XSS_STRINGS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '"><script>alert(document.cookie)</script>',
  "'><img src=x onerror=alert(1)>",
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="//evil.example">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<style>@import "//evil.example/x.css";</style>',
  '<template><script>alert(1)</script></template>',
  '<!--<script>alert(1)</script>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '![x" onerror="alert(1)](https://evil.example/x.png)',
  '<javascript:alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '＜script＞alert(1)＜/script＞',
] as const;

/** SQL injection and other interpreter-breaking strings. */
export const SQL_STRINGS = [
  "' OR '1'='1",
  "' OR 1=1 --",
  "'; DROP TABLE reports; --",
  '"; DROP TABLE comments; --',
  "1; DELETE FROM responses WHERE 1=1",
  "' UNION SELECT password_hash, email FROM users --",
  "admin'--",
  "1' AND sleep(5)#",
  "%' AND 1=0 UNION SELECT sql FROM sqlite_master --",
  "\\'; SELECT load_extension('x'); --",
  'NULL',
  '\u0000',
  "'\u0000'",
  '../../../../etc/passwd',
  '%00',
  '%s%s%s%n',
  '=cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
] as const;

/** Every hostile string above, XSS first. */
export const HOSTILE_STRINGS: readonly string[] = [...XSS_STRINGS, ...SQL_STRINGS];

/** An arbitrary, any-Unicode string (lone surrogates included) or one of the hostile strings. */
export function hostileText(maxLength = 200): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ maxLength }),
    fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 20 })).map((p) => p.join('')),
  );
}
