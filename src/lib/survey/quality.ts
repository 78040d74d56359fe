/**
 * Signs that a response may not be a person answering honestly. They flag a
 * response for the analyst to exclude with one switch; nothing is dropped.
 */
import type { Answers, InstrumentQuestion } from './instrument.ts';

/** Fewer seconds than this for the whole questionnaire is not humanly possible. */
export const MIN_COMPLETION_SECONDS = 30;

export type QualityFlag = 'too_fast' | 'straight_lining';

export function qualityFlags(
  questions: readonly InstrumentQuestion[],
  answers: Answers,
  secondsTaken: number,
): QualityFlag[] {
  const flags: QualityFlag[] = [];
  if (secondsTaken < MIN_COMPLETION_SECONDS) flags.push('too_fast');
  // The same answer on every item of every matrix with several items.
  const matrices = questions.filter((q) => q.type === 'matrix' && q.config.items.length >= 4);
  const rows = matrices.map((q) => answers[q.key]).filter((a): a is Record<string, string> => !!a && typeof a === 'object' && !Array.isArray(a));
  if (rows.length > 0) {
    const values = rows.flatMap((r) => Object.values(r));
    const complete = matrices.every((q, i) => Object.keys(rows[i] ?? {}).length === (q.type === 'matrix' ? q.config.items.length : 0));
    if (complete && values.length >= 4 && new Set(values).size === 1) flags.push('straight_lining');
  }
  return flags;
}
