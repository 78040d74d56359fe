/**
 * A closed wave's answer distributions, per question (and matrix item), for
 * staff: counts of respondents per answer, passed through the privacy rule
 * (src/lib/disclosure/index.ts). Free text, numbers and places are not shown here;
 * the dashboard (a later part) analyses them with their own rules.
 */
import { count, eq } from 'drizzle-orm';
import { answers, responses } from '../../../db/schema.ts';
import { addKeys, suppressRow, type Row } from '../../lib/disclosure/index.ts';
import { cellKeySum } from '../disclosure/keys.ts';
import { exclusiveAnswers, NO_AREA, type InstrumentPage, type InstrumentQuestion } from '../../lib/survey/instrument.ts';
import type { Queryable } from '../db/connection.ts';

export interface Distribution {
  question: InstrumentQuestion;
  /** Matrix item value, or null. */
  item: string | null;
  row: Row;
}

const SHOWN_TYPES = new Set(['single', 'multi', 'scale', 'matrix', 'area']);

/** The answer values a question can have, in the order they are offered. */
function answerKeys(q: InstrumentQuestion, areaSlugs: readonly string[]): string[] {
  const extras = exclusiveAnswers(q);
  switch (q.type) {
    case 'single':
    case 'multi':
    case 'matrix':
      return [...q.config.options.map((o) => o.value), ...extras];
    case 'scale':
      return [...Array.from({ length: q.config.points }, (_, i) => String(i + 1)), ...extras];
    case 'area':
      return [...areaSlugs, NO_AREA];
    default:
      return [];
  }
}

export async function waveDistributions(db: Queryable, surveyId: number, pages: readonly InstrumentPage[], areaSlugs: readonly string[], k: number): Promise<Distribution[]> {
  // One row per respondent and answer value (the storage does not forbid a repeated value), so
  // that the count is of respondents and the cell key the sum of their record keys.
  const given = db
    .selectDistinct({ responseId: answers.responseId, questionId: answers.questionId, item: answers.item, value: answers.value, cellKey: responses.cellKey })
    .from(answers)
    .innerJoin(responses, eq(responses.id, answers.responseId))
    .where(eq(responses.surveyId, surveyId))
    .as('given');
  const counts = await db
    .select({ questionId: given.questionId, item: given.item, value: given.value, n: count(), ck: cellKeySum(given.cellKey) })
    .from(given)
    .groupBy(given.questionId, given.item, given.value);
  // A multiple-choice question's options overlap: each is a row of its own (chose / did not),
  // out of the respondents who answered the question at all.
  const answeredBy = db
    .selectDistinct({ responseId: answers.responseId, questionId: answers.questionId, cellKey: responses.cellKey })
    .from(answers)
    .innerJoin(responses, eq(responses.id, answers.responseId))
    .where(eq(responses.surveyId, surveyId))
    .as('answered_by');
  const respondents = await db
    .select({ questionId: answeredBy.questionId, n: count(), ck: cellKeySum(answeredBy.cellKey) })
    .from(answeredBy)
    .groupBy(answeredBy.questionId);
  const out: Distribution[] = [];
  for (const q of pages.flatMap((p) => p.questions)) {
    if (!SHOWN_TYPES.has(q.type)) continue;
    const items = q.type === 'matrix' ? q.config.items.map((i) => i.value) : [null];
    for (const item of items) {
      const cells = answerKeys(q, areaSlugs).map((key) => {
        const found = counts.find((c) => c.questionId === q.id && c.item === item && c.value === key);
        return { key, n: found?.n ?? 0, ck: found?.ck ?? 0 };
      });
      if (q.type !== 'multi') {
        out.push({ question: q, item, row: suppressRow(cells, k) });
        continue;
      }
      const all = respondents.find((r) => r.questionId === q.id) ?? { n: 0, ck: 0 };
      const total = suppressRow([{ key: 'all', n: all.n, ck: all.ck }], k).total;
      const shown = cells.map((c) => {
        const row = suppressRow(
          [
            { key: 'chose', n: c.n, ck: c.ck },
            { key: 'not', n: all.n - c.n, ck: addKeys(all.ck, -c.ck) },
          ],
          k,
        );
        const chose = row.cells[0]!;
        return chose.suppressed || total.suppressed ? { key: c.key, suppressed: true as const } : { key: c.key, suppressed: false as const, n: chose.n };
      });
      out.push({ question: q, item, row: { cells: shown, total } });
    }
  }
  return out;
}
