/**
 * The survey instrument: what each question type's configuration holds, and
 * the in-memory shape a questionnaire is answered from. Pure: no I/O.
 */
import { z } from 'zod';
import type { Question } from '../../../db/schema.ts';
import type { QuestionType } from '../domain.ts';

const localizedLabel = z.object({ value: z.string().regex(/^[a-z0-9_]+$/).max(40), da: z.string().min(1), en: z.string().nullish() });
export type Option = z.infer<typeof localizedLabel>;

const scale = z.object({
  points: z.union([z.literal(5), z.literal(7)]),
  lowDa: z.string().min(1),
  lowEn: z.string().nullish(),
  highDa: z.string().min(1),
  highEn: z.string().nullish(),
});

/** Configuration per question type. */
export const configSchemas = {
  single: z.object({ options: z.array(localizedLabel).min(2).max(30) }),
  multi: z.object({
    options: z.array(localizedLabel).min(2).max(30),
    maxChoices: z.number().int().min(1).optional(),
    /** Offer "None of these": an answer of its own, so that ticking nothing is told apart from skipping. */
    noneOption: z.boolean().optional(),
  }),
  scale,
  matrix: z.object({
    items: z.array(localizedLabel).min(2).max(30),
    options: z.array(localizedLabel).min(2).max(10),
  }),
  text: z.object({ maxLength: z.number().int().min(1).max(5000) }),
  number: z.object({ min: z.number(), max: z.number(), integer: z.boolean().default(true) }),
  area: z.object({}),
  places: z.object({ max: z.number().int().min(1).max(10) }),
} satisfies Record<QuestionType, z.ZodType>;

export type ConfigFor<T extends QuestionType> = z.infer<(typeof configSchemas)[T]>;

/** Special answers offered when the question allows them. */
export const DONT_KNOW = 'dont_know';
export const PREFER_NOT = 'prefer_not';
/** The area question's "I do not live or work here". */
export const NO_AREA = 'none';
/** A multiple-choice question's "None of these" (when its configuration offers it). */
export const NONE_OF_THESE = 'none_of_these';

export type InstrumentQuestion =
  | (Omit<Question, 'config' | 'type'> & { type: 'single'; config: ConfigFor<'single'> })
  | (Omit<Question, 'config' | 'type'> & { type: 'multi'; config: ConfigFor<'multi'> })
  | (Omit<Question, 'config' | 'type'> & { type: 'scale'; config: ConfigFor<'scale'> })
  | (Omit<Question, 'config' | 'type'> & { type: 'matrix'; config: ConfigFor<'matrix'> })
  | (Omit<Question, 'config' | 'type'> & { type: 'text'; config: ConfigFor<'text'> })
  | (Omit<Question, 'config' | 'type'> & { type: 'number'; config: ConfigFor<'number'> })
  | (Omit<Question, 'config' | 'type'> & { type: 'area'; config: ConfigFor<'area'> })
  | (Omit<Question, 'config' | 'type'> & { type: 'places'; config: ConfigFor<'places'> });

export interface InstrumentPage {
  id: number;
  position: number;
  titleDa: string;
  titleEn: string | null;
  questions: InstrumentQuestion[];
}

/**
 * The answers a question offers that stand alone: "don't know", "prefer not"
 * and a multiple-choice question's "none of these". Chosen with anything else
 * they make no sense, so validation refuses the combination.
 */
export function exclusiveAnswers(q: Pick<Question, 'allowDontKnow' | 'allowPreferNot' | 'type'> & { config: unknown }): string[] {
  const none = q.type === 'multi' && (q.config as { noneOption?: boolean } | null)?.noneOption === true;
  return [...(none ? [NONE_OF_THESE] : []), ...(q.allowDontKnow ? [DONT_KNOW] : []), ...(q.allowPreferNot ? [PREFER_NOT] : [])];
}

/** Parses a stored question's configuration for its type; throws on a stored value that breaks the schema. */
export function parseQuestion(q: Question): InstrumentQuestion {
  const config = configSchemas[q.type].parse(q.config);
  return { ...q, config } as InstrumentQuestion;
}

/** An answer as kept in a draft: by question key. */
export type AnswerValue = string | string[] | Record<string, string>;
export type Answers = Record<string, AnswerValue>;

/** Whether a question is shown, given the answers so far (skip logic). */
export function isVisible(q: Pick<Question, 'showIf'>, answers: Answers): boolean {
  if (!q.showIf) return true;
  const given = answers[q.showIf.question];
  const values = typeof given === 'string' ? [given] : Array.isArray(given) ? given : [];
  return values.some((v) => q.showIf!.anyOf.includes(v));
}

/** Pages with at least one visible question, in order. */
export function visiblePages(pages: readonly InstrumentPage[], answers: Answers): InstrumentPage[] {
  return pages.filter((p) => p.questions.some((q) => isVisible(q, answers)));
}

/** Drops answers to questions that skip logic now hides (an earlier answer changed). */
export function pruneHidden(pages: readonly InstrumentPage[], answers: Answers): Answers {
  const out: Answers = {};
  for (const p of pages) for (const q of p.questions) if (q.key in answers && isVisible(q, { ...answers, ...out })) out[q.key] = answers[q.key]!;
  return out;
}
