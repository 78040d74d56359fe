/**
 * The survey builder's forms as pure rules: a question's configuration typed
 * as plain fields (options as lines `value | Dansk tekst | English text`),
 * parsed into the type's zod config; a new wave's fields; and each field's
 * error. Pages read the form, call a `parse…` function here, and pass the
 * input to one function in src/server/surveys/builder.ts.
 */
import { z } from 'zod';
import type { Question } from '../../../db/schema.ts';
import { QUESTION_TYPES, SURVEY_MODES, type QuestionType, type SurveyMode } from '../domain.ts';
import type { BuilderMessages } from '../i18n/builder-da.ts';
import type { Locale } from '../i18n/index.ts';
import { configSchemas, DONT_KNOW, NO_AREA, NONE_OF_THESE, PREFER_NOT } from './instrument.ts';

/** What is wrong with one field. Turned into words by `builderErrorText`. */
export type BuilderError =
  | { code: 'required' }
  | { code: 'tooLong'; max: number }
  | { code: 'invalidChoice' }
  | { code: 'badKey' }
  | { code: 'keyTaken' }
  | { code: 'keyReferenced' }
  | { code: 'badSlug' }
  | { code: 'slugTaken' }
  | { code: 'badLine'; line: number }
  | { code: 'duplicateValue'; value: string }
  | { code: 'tooFew'; min: number }
  | { code: 'tooMany'; max: number }
  | { code: 'notANumber' }
  | { code: 'outOfRange'; min: number; max: number }
  | { code: 'minAboveMax' }
  | { code: 'showIfValues' }
  | { code: 'showIfNotEarlier' }
  | { code: 'optionReferenced'; values: string };

export type BuilderErrors<F extends string> = Partial<Record<F, BuilderError>>;
export type BuilderFormResult<T, F extends string> = { ok: true; input: T } | { ok: false; errors: BuilderErrors<F> };

export const TEXT_LIMITS = { text: 500, help: 1000, title: 200, intro: 5000, key: 60, slug: 80 } as const;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
}
function texts(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === 'string');
}
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** Required text: its error, if any. */
function requiredError(v: string, max: number): BuilderError | undefined {
  if (v.trim() === '') return { code: 'required' };
  if (v.trim().length > max) return { code: 'tooLong', max };
  return undefined;
}
function optionalError(v: string, max: number): BuilderError | undefined {
  return v.trim().length > max ? { code: 'tooLong', max } : undefined;
}

// ---------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------

/** The question form's values as typed. Config fields that do not apply to the type stay ''. */
export interface QuestionValues {
  key: string;
  textDa: string;
  textEn: string;
  helpDa: string;
  helpEn: string;
  required: boolean;
  allowDontKnow: boolean;
  allowPreferNot: boolean;
  /** single, multi, matrix: lines `value | Dansk | English`. */
  options: string;
  /** matrix: the rows, as lines. */
  items: string;
  /** multi: at most this many choices ('' for no limit). */
  maxChoices: string;
  /** multi: offer "None of these". */
  noneOption: boolean;
  /** scale: '5' or '7', and its end labels. */
  points: string;
  lowDa: string;
  lowEn: string;
  highDa: string;
  highEn: string;
  /** text */
  maxLength: string;
  /** number */
  min: string;
  max: string;
  integer: boolean;
  /** places */
  maxPlaces: string;
  /** Skip logic: the key of an earlier question ('' = always shown), and its values (`key:value`). */
  showIfQuestion: string;
  showIfValues: string[];
}
export type QuestionField = keyof QuestionValues;

/** The config fields each type's form shows, in form order. */
export const CONFIG_FIELDS: Record<QuestionType, QuestionField[]> = {
  single: ['options'],
  multi: ['options', 'maxChoices', 'noneOption'],
  scale: ['points', 'lowDa', 'lowEn', 'highDa', 'highEn'],
  matrix: ['items', 'options'],
  text: ['maxLength'],
  number: ['min', 'max', 'integer'],
  area: [],
  places: ['maxPlaces'],
};

export function isQuestionType(v: string): v is QuestionType {
  return (QUESTION_TYPES as readonly string[]).includes(v);
}

export function newQuestionValues(type: QuestionType): QuestionValues {
  return {
    key: '',
    textDa: '',
    textEn: '',
    helpDa: '',
    helpEn: '',
    required: false,
    allowDontKnow: false,
    allowPreferNot: false,
    options: '',
    items: '',
    maxChoices: '',
    noneOption: false,
    points: '5',
    lowDa: '',
    lowEn: '',
    highDa: '',
    highEn: '',
    maxLength: type === 'text' ? '1000' : '',
    min: type === 'number' ? '0' : '',
    max: type === 'number' ? '100' : '',
    integer: true,
    maxPlaces: type === 'places' ? '3' : '',
    showIfQuestion: '',
    showIfValues: [],
  };
}

type Label = { value: string; da: string; en?: string | null | undefined };
const toLines = (labels: readonly Label[]) => labels.map((l) => [l.value, l.da, l.en ?? ''].join(' | ').replace(/ \| $/, '')).join('\n');
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** A stored question as form values. */
export function questionValues(q: Question): QuestionValues {
  const c = q.config as Record<string, unknown>;
  const labels = (v: unknown) => (Array.isArray(v) ? toLines(v as Label[]) : '');
  return {
    ...newQuestionValues(q.type),
    key: q.key,
    textDa: q.textDa,
    textEn: q.textEn ?? '',
    helpDa: q.helpDa ?? '',
    helpEn: q.helpEn ?? '',
    required: q.required,
    allowDontKnow: q.allowDontKnow,
    allowPreferNot: q.allowPreferNot,
    options: labels(c['options']),
    items: labels(c['items']),
    maxChoices: str(c['maxChoices']),
    noneOption: c['noneOption'] === true,
    points: str(c['points'] ?? 5),
    lowDa: str(c['lowDa']),
    lowEn: str(c['lowEn']),
    highDa: str(c['highDa']),
    highEn: str(c['highEn']),
    maxLength: str(c['maxLength']),
    min: str(c['min']),
    max: q.type === 'number' ? str(c['max']) : '',
    integer: c['integer'] !== false,
    maxPlaces: q.type === 'places' ? str(c['max']) : '',
    showIfQuestion: q.showIf?.question ?? '',
    showIfValues: q.showIf ? q.showIf.anyOf.map((v) => `${q.showIf!.question}:${v}`) : [],
  };
}

export function readQuestionValues(form: FormData): QuestionValues {
  const flags = texts(form, 'flags');
  return {
    key: text(form, 'key').trim(),
    textDa: text(form, 'textDa'),
    textEn: text(form, 'textEn'),
    helpDa: text(form, 'helpDa'),
    helpEn: text(form, 'helpEn'),
    required: flags.includes('required'),
    allowDontKnow: flags.includes('allowDontKnow'),
    allowPreferNot: flags.includes('allowPreferNot'),
    options: text(form, 'options'),
    items: text(form, 'items'),
    maxChoices: text(form, 'maxChoices'),
    noneOption: form.get('noneOption') === 'on',
    points: text(form, 'points'),
    lowDa: text(form, 'lowDa'),
    lowEn: text(form, 'lowEn'),
    highDa: text(form, 'highDa'),
    highEn: text(form, 'highEn'),
    maxLength: text(form, 'maxLength'),
    min: text(form, 'min'),
    max: text(form, 'max'),
    integer: form.get('integer') === 'on',
    maxPlaces: text(form, 'maxPlaces'),
    showIfQuestion: text(form, 'showIfQuestion').trim(),
    showIfValues: texts(form, 'showIfValues'),
  };
}

/** Lines `value | Dansk | English` as labels, remembering each label's line number for errors. */
function parseLines(input: string): { labels: Label[]; lines: number[] } | { error: BuilderError } {
  const labels: Label[] = [];
  const lines: number[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of input.split('\n').entries()) {
    if (raw.trim() === '') continue;
    const parts = raw.split('|').map((p) => p.trim());
    if (parts.length < 2 || parts.length > 3) return { error: { code: 'badLine', line: i + 1 } };
    const [value, da, en] = parts as [string, string, string | undefined];
    if (seen.has(value)) return { error: { code: 'duplicateValue', value } };
    seen.add(value);
    labels.push({ value, da, en: en ? en : null });
    lines.push(i + 1);
  }
  return { labels, lines };
}

/** A number as typed ("3,5" or "3.5"); NaN when not a number, undefined when empty. */
function numberOf(v: string): number | undefined {
  const t = v.trim().replace(',', '.');
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** Which form field a config issue belongs to, by its path in the type's config. */
export function configField(type: QuestionType, path: readonly PropertyKey[]): QuestionField {
  const head = String(path[0] ?? '');
  if (type === 'places' && head === 'max') return 'maxPlaces';
  const fields = CONFIG_FIELDS[type];
  return (fields as string[]).includes(head) ? (head as QuestionField) : (fields[0] ?? 'key');
}

function issueError(issue: z.core.$ZodIssue, lines: Partial<Record<string, number[]>>): BuilderError {
  const [head, index] = issue.path;
  if (typeof index === 'number') return { code: 'badLine', line: lines[String(head)]?.[index] ?? index + 1 };
  if (issue.code === 'too_small') return issue.origin === 'array' ? { code: 'tooFew', min: Number(issue.minimum) } : { code: 'required' };
  if (issue.code === 'too_big') return issue.origin === 'array' ? { code: 'tooMany', max: Number(issue.maximum) } : { code: 'tooLong', max: Number(issue.maximum) };
  return { code: 'invalidChoice' };
}

export interface ParsedQuestion {
  key: string;
  textDa: string;
  textEn: string | null;
  helpDa: string | null;
  helpEn: string | null;
  required: boolean;
  allowDontKnow: boolean;
  allowPreferNot: boolean;
  config: Record<string, unknown>;
  showIf: { question: string; anyOf: string[] } | null;
}

/**
 * Parses the question form for a type. Config errors come from the type's
 * zod schema (src/lib/survey/instrument.ts), placed on the field they concern.
 * Skip logic's target and values are checked against the wave by the server.
 */
export function parseQuestionForm(type: QuestionType, values: QuestionValues, configSchema: z.ZodType): BuilderFormResult<ParsedQuestion, QuestionField> {
  const errors: BuilderErrors<QuestionField> = {};
  const set = (f: QuestionField, e: BuilderError | undefined) => {
    if (e && !errors[f]) errors[f] = e;
  };
  if (values.key === '') set('key', { code: 'required' });
  else if (!/^[a-z0-9_]+$/.test(values.key) || values.key.length > TEXT_LIMITS.key) set('key', { code: 'badKey' });
  set('textDa', requiredError(values.textDa, TEXT_LIMITS.text));
  set('textEn', optionalError(values.textEn, TEXT_LIMITS.text));
  set('helpDa', optionalError(values.helpDa, TEXT_LIMITS.help));
  set('helpEn', optionalError(values.helpEn, TEXT_LIMITS.help));

  const config: Record<string, unknown> = {};
  const lines: Partial<Record<string, number[]>> = {};
  const labelsField = (f: 'options' | 'items') => {
    const parsed = parseLines(values[f]);
    if ('error' in parsed) set(f, parsed.error);
    else {
      config[f] = parsed.labels;
      lines[f] = parsed.lines;
    }
  };
  const numberField = (f: QuestionField, target: string, integer: boolean, optional = false) => {
    const n = numberOf(values[f] as string);
    if (n === undefined) {
      if (!optional) set(f, { code: 'required' });
    } else if (Number.isNaN(n) || (integer && !Number.isInteger(n))) set(f, { code: 'notANumber' });
    else config[target] = n;
  };
  switch (type) {
    case 'single':
    case 'multi':
    case 'matrix':
      labelsField('options');
      if (type === 'matrix') labelsField('items');
      if (type === 'multi') {
        numberField('maxChoices', 'maxChoices', true, true);
        if (values.noneOption) config['noneOption'] = true;
      }
      break;
    case 'scale':
      config['points'] = values.points === '7' ? 7 : values.points === '5' ? 5 : Number.NaN;
      config['lowDa'] = values.lowDa.trim();
      config['lowEn'] = orNull(values.lowEn);
      config['highDa'] = values.highDa.trim();
      config['highEn'] = orNull(values.highEn);
      break;
    case 'text':
      numberField('maxLength', 'maxLength', true);
      break;
    case 'number':
      numberField('min', 'min', false);
      numberField('max', 'max', false);
      config['integer'] = values.integer;
      if (typeof config['min'] === 'number' && typeof config['max'] === 'number' && config['min'] >= config['max']) set('max', { code: 'minAboveMax' });
      break;
    case 'places':
      numberField('maxPlaces', 'max', true);
      break;
    case 'area':
      break;
  }
  const checked = configSchema.safeParse(config);
  if (!checked.success) for (const issue of checked.error.issues) set(configField(type, issue.path), issueError(issue, lines));

  let showIf: ParsedQuestion['showIf'] = null;
  if (values.showIfQuestion !== '') {
    const prefix = `${values.showIfQuestion}:`;
    const anyOf = values.showIfValues.filter((v) => v.startsWith(prefix)).map((v) => v.slice(prefix.length));
    if (anyOf.length === 0) set('showIfValues', { code: 'showIfValues' });
    showIf = { question: values.showIfQuestion, anyOf };
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors: inOrder(values, errors) };
  return {
    ok: true,
    input: {
      key: values.key,
      textDa: values.textDa.trim(),
      textEn: orNull(values.textEn),
      helpDa: orNull(values.helpDa),
      helpEn: orNull(values.helpEn),
      required: values.required,
      allowDontKnow: values.allowDontKnow,
      allowPreferNot: values.allowPreferNot,
      config: checked.success ? (checked.data as Record<string, unknown>) : config,
      showIf,
    },
  };
}

/** The server's refusals (see QuestionProblem in src/server/surveys/builder.ts) as field errors. */
export function questionProblemErrors(
  type: QuestionType,
  problems: readonly ({ field: 'key'; code: string } | { field: 'config'; code: string; path: readonly PropertyKey[]; issue: string } | { field: 'showIf'; code: string })[],
): BuilderErrors<QuestionField> {
  const errors: BuilderErrors<QuestionField> = {};
  for (const p of problems) {
    if (p.field === 'key') errors.key ??= p.code === 'taken' ? { code: 'keyTaken' } : p.code === 'referenced' ? { code: 'keyReferenced' } : { code: 'badKey' };
    else if (p.field === 'config') {
      const f = configField(type, p.path);
      errors[f] ??= p.code === 'referenced' ? { code: 'optionReferenced', values: p.issue } : { code: 'invalidChoice' };
    } else if (p.field === 'showIf') {
      if (p.code === 'no_values' || p.code === 'unknown_value') errors.showIfValues ??= { code: 'showIfValues' };
      else errors.showIfQuestion ??= { code: 'showIfNotEarlier' };
    }
  }
  return errors;
}

function inOrder<F extends string>(values: Record<F, unknown>, errors: BuilderErrors<F>): BuilderErrors<F> {
  const out: BuilderErrors<F> = {};
  for (const f of Object.keys(values) as F[]) if (errors[f]) out[f] = errors[f];
  return out;
}

// ---------------------------------------------------------------------------
// Skip logic
// ---------------------------------------------------------------------------

/** Question types whose answers skip logic can test. */
export const SKIP_SOURCE_TYPES: readonly QuestionType[] = ['single', 'multi', 'scale', 'area'];

type Testable = Pick<Question, 'type' | 'config' | 'allowDontKnow' | 'allowPreferNot'>;

/** Words for the special answers, in the editor's language (from the surveys catalogue). */
export interface SpecialLabels {
  dontKnow: string;
  preferNot: string;
  noneOfThese: string;
  noArea: string;
}

/**
 * The answer values skip logic can test on a question (its options, scale
 * points or areas, and "don't know"/"prefer not" when offered), each with its
 * label in the given locale.
 */
export function testableOptions(
  q: Testable,
  areas: readonly { slug: string; nameDa: string; nameEn: string }[],
  locale: Locale,
  special: SpecialLabels,
): { value: string; label: string }[] {
  const t = (da: string, en: string | null | undefined) => (locale === 'en' && en ? en : da);
  const extras = [
    ...(q.type === 'multi' && (q.config as { noneOption?: boolean } | null)?.noneOption === true ? [{ value: NONE_OF_THESE, label: special.noneOfThese }] : []),
    ...(q.allowDontKnow ? [{ value: DONT_KNOW, label: special.dontKnow }] : []),
    ...(q.allowPreferNot ? [{ value: PREFER_NOT, label: special.preferNot }] : []),
  ];
  switch (q.type) {
    case 'single':
    case 'multi': {
      const parsed = configSchemas[q.type].safeParse(q.config);
      return [...(parsed.success ? parsed.data.options.map((o) => ({ value: o.value, label: t(o.da, o.en) })) : []), ...extras];
    }
    case 'scale': {
      const parsed = configSchemas.scale.safeParse(q.config);
      const points = parsed.success ? Array.from({ length: parsed.data.points }, (_, i) => String(i + 1)) : [];
      return [...points.map((p) => ({ value: p, label: p })), ...extras];
    }
    case 'area':
      return [...areas.map((a) => ({ value: a.slug, label: t(a.nameDa, a.nameEn) })), { value: NO_AREA, label: special.noArea }, ...extras];
    default:
      return [];
  }
}

/** Just the values skip logic can test on a question (for the server's check). */
export function testableValues(q: Testable, areaSlugs: readonly string[]): string[] {
  const areas = areaSlugs.map((slug) => ({ slug, nameDa: slug, nameEn: slug }));
  return testableOptions(q, areas, 'da', { dontKnow: '', preferNot: '', noneOfThese: '', noArea: '' }).map((o) => o.value);
}

/** Earlier questions skip logic may test, with their values labelled in the editor's language. */
export function skipSources(
  earlier: readonly (Testable & Pick<Question, 'key' | 'textDa' | 'textEn'>)[],
  areas: readonly { slug: string; nameDa: string; nameEn: string }[],
  locale: Locale,
  special: SpecialLabels,
): { key: string; label: string; values: { value: string; label: string }[] }[] {
  const t = (da: string, en: string | null) => (locale === 'en' && en ? en : da);
  return earlier
    .filter((q) => SKIP_SOURCE_TYPES.includes(q.type))
    .map((q) => ({ key: q.key, label: `${q.key}: ${t(q.textDa, q.textEn)}`, values: testableOptions(q, areas, locale, special) }));
}

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

export function parsePageTitles(form: FormData): { titleDa: string; titleEn: string | null } | null {
  const titleDa = text(form, 'titleDa').trim();
  const titleEn = text(form, 'titleEn').trim();
  if (titleDa === '' || titleDa.length > TEXT_LIMITS.title || titleEn.length > TEXT_LIMITS.title) return null;
  return { titleDa, titleEn: titleEn || null };
}

// ---------------------------------------------------------------------------
// Waves
// ---------------------------------------------------------------------------

/** The new-wave form's values as typed. `seriesId` is an existing series' id, or 'new'. */
export interface SurveyValues {
  seriesId: string;
  seriesSlug: string;
  seriesTitleDa: string;
  seriesTitleEn: string;
  slug: string;
  waveDa: string;
  waveEn: string;
  titleDa: string;
  titleEn: string;
  introDa: string;
  introEn: string;
  mode: string;
  areaIds: string[];
}
export type SurveyField = keyof SurveyValues;

export function newSurveyValues(): SurveyValues {
  return {
    seriesId: 'new',
    seriesSlug: '',
    seriesTitleDa: '',
    seriesTitleEn: '',
    slug: '',
    waveDa: '',
    waveEn: '',
    titleDa: '',
    titleEn: '',
    introDa: '',
    introEn: '',
    mode: 'open',
    areaIds: [],
  };
}

export function readSurveyValues(form: FormData): SurveyValues {
  const v = newSurveyValues();
  for (const k of Object.keys(v) as SurveyField[]) if (k !== 'areaIds') v[k] = text(form, k).trim();
  v.areaIds = texts(form, 'areaIds');
  return v;
}

export interface ParsedSurvey {
  series: { id: number } | { slug: string; titleDa: string; titleEn: string | null };
  slug: string;
  waveDa: string;
  waveEn: string | null;
  titleDa: string;
  titleEn: string | null;
  introDa: string;
  introEn: string | null;
  mode: SurveyMode;
  areaIds: number[];
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function parseSurveyForm(values: SurveyValues, known: { series: ReadonlySet<number>; areas: ReadonlySet<number> }): BuilderFormResult<ParsedSurvey, SurveyField> {
  const errors: BuilderErrors<SurveyField> = {};
  const set = (f: SurveyField, e: BuilderError | undefined) => {
    if (e && !errors[f]) errors[f] = e;
  };
  const newSeries = values.seriesId === 'new';
  const seriesId = Number(values.seriesId);
  if (!newSeries && !known.series.has(seriesId)) set('seriesId', { code: 'invalidChoice' });
  if (newSeries) {
    if (!SLUG.test(values.seriesSlug) || values.seriesSlug.length > TEXT_LIMITS.slug) set('seriesSlug', values.seriesSlug ? { code: 'badSlug' } : { code: 'required' });
    set('seriesTitleDa', requiredError(values.seriesTitleDa, TEXT_LIMITS.title));
    set('seriesTitleEn', optionalError(values.seriesTitleEn, TEXT_LIMITS.title));
  }
  if (!SLUG.test(values.slug) || values.slug.length > TEXT_LIMITS.slug) set('slug', values.slug ? { code: 'badSlug' } : { code: 'required' });
  set('waveDa', requiredError(values.waveDa, TEXT_LIMITS.title));
  set('waveEn', optionalError(values.waveEn, TEXT_LIMITS.title));
  set('titleDa', requiredError(values.titleDa, TEXT_LIMITS.title));
  set('titleEn', optionalError(values.titleEn, TEXT_LIMITS.title));
  set('introDa', optionalError(values.introDa, TEXT_LIMITS.intro));
  set('introEn', optionalError(values.introEn, TEXT_LIMITS.intro));
  if (!(SURVEY_MODES as readonly string[]).includes(values.mode)) set('mode', { code: 'invalidChoice' });
  const areaIds = values.areaIds.map(Number);
  if (areaIds.length === 0) set('areaIds', { code: 'tooFew', min: 1 });
  else if (!areaIds.every((id) => known.areas.has(id))) set('areaIds', { code: 'invalidChoice' });
  if (Object.keys(errors).length > 0) return { ok: false, errors: inOrder(values, errors) };
  return {
    ok: true,
    input: {
      series: newSeries ? { slug: values.seriesSlug, titleDa: values.seriesTitleDa, titleEn: orNull(values.seriesTitleEn) } : { id: seriesId },
      slug: values.slug,
      waveDa: values.waveDa,
      waveEn: orNull(values.waveEn),
      titleDa: values.titleDa,
      titleEn: orNull(values.titleEn),
      introDa: values.introDa,
      introEn: orNull(values.introEn),
      mode: values.mode as SurveyMode,
      areaIds,
    },
  };
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

export function builderErrorText(m: BuilderMessages['errors'], label: string, e: BuilderError): string {
  switch (e.code) {
    case 'tooLong':
      return m.tooLong(label, e.max);
    case 'badLine':
      return m.badLine(label, e.line);
    case 'duplicateValue':
      return m.duplicateValue(label, e.value);
    case 'tooFew':
      return m.tooFew(label, e.min);
    case 'tooMany':
      return m.tooMany(label, e.max);
    case 'outOfRange':
      return m.outOfRange(label, e.min, e.max);
    case 'optionReferenced':
      return m.optionReferenced(label, e.values);
    default:
      return m[e.code](label);
  }
}

export function builderErrorSummary<F extends string>(
  m: BuilderMessages['errors'],
  errors: BuilderErrors<F>,
  labels: Record<F, string>,
  ids: (f: F) => string = (f) => f,
): { href: string; text: string }[] {
  return (Object.entries(errors) as [F, BuilderError][]).map(([f, e]) => ({ href: `#${ids(f)}`, text: builderErrorText(m, labels[f], e) }));
}
