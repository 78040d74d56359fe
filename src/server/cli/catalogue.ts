/**
 * `npm run catalogue -- export <ar|tr|so|ur> [file]` writes the residents'
 * interface texts in that language as a spreadsheet for translators (to the
 * file, or to stdout); `npm run catalogue -- import <ar|tr|so|ur> <file>`
 * reads one back: changed texts are written into the catalogue files in
 * src/lib/i18n (only those string literals change), the "status" column is
 * kept in src/lib/i18n/reviewed.json, and templates with a changed text are
 * listed for a developer. README "Languages" says how translators use it.
 * A developers' tool (it needs the TypeScript parser from the devDependencies).
 *
 * `--dir <path>` works on another copy of src/lib/i18n (the tests use it).
 * Exit 0 when done; 1 when the file cannot be read; 2 for a usage error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { TRANSLATION_LOCALES, type TranslationLocale } from '../../lib/domain.ts';
import { applyTexts, catalogueCsv, catalogueLiterals, CatalogueCsvError, readCatalogueCsv, withReviewed, type ReviewState } from '../translation/catalogue.ts';
import { usageExit } from './common.ts';

function usage(message?: string): never {
  return usageExit('Usage: npm run catalogue -- export <ar|tr|so|ur> [file]  |  npm run catalogue -- import <ar|tr|so|ur> <file>  [--dir <i18n folder>]', message);
}

let positionals: string[] = [];
let dir = fileURLToPath(new URL('../../lib/i18n', import.meta.url));
try {
  const parsed = parseArgs({ allowPositionals: true, options: { dir: { type: 'string' } } });
  positionals = parsed.positionals;
  if (parsed.values.dir) dir = resolve(parsed.values.dir);
} catch (e) {
  usage(e instanceof Error ? e.message : String(e));
}
const [command, locale, file] = positionals;
if (command !== 'export' && command !== 'import') usage(command ? `Unknown command "${command}".` : undefined);
if (!(TRANSLATION_LOCALES as readonly string[]).includes(locale ?? '')) usage(`Choose one of ${TRANSLATION_LOCALES.join(', ')}.`);
const l = locale as TranslationLocale;
const reviewedPath = join(dir, 'reviewed.json');
const reviewed = JSON.parse(readFileSync(reviewedPath, 'utf8')) as ReviewState;

if (command === 'export') {
  const csv = catalogueCsv(l, reviewed);
  if (file) writeFileSync(file, csv);
  else process.stdout.write(csv);
  process.exit(0);
}

if (!file) usage('Name the file to import.');
let result;
try {
  result = readCatalogueCsv(readFileSync(file, 'utf8'), l);
} catch (e) {
  if (e instanceof CatalogueCsvError || (e as NodeJS.ErrnoException).code === 'ENOENT') {
    process.stderr.write(`${(e as Error).message}\nNothing was changed.\n`);
    process.exit(1);
  }
  throw e;
}
const literals = catalogueLiterals(join(dir, `${l}.ts`));
const { files, missing } = applyTexts(literals, result.changed);
for (const [path, content] of files) writeFileSync(path, content);
writeFileSync(reviewedPath, `${JSON.stringify(withReviewed(reviewed, l, result.reviewed), null, 2)}\n`);

const line = (label: string, keys: readonly string[]) => process.stdout.write(`${label}: ${keys.length}${keys.length ? `\n  ${keys.join('\n  ')}` : ''}\n`);
line('Texts changed', [...result.changed.keys()].filter((k) => !missing.includes(k)));
line('Marked reviewed', result.reviewed);
line('Templates changed (a developer carries these over by hand)', [...result.templates, ...missing]);
line('Empty translations (left as they were)', result.empty);
line('Unknown keys (skipped)', result.unknown);
