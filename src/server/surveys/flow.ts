/**
 * The answering flow, page by page, as decisions the survey pages carry out:
 * which page to show, what a posted page means (next, back, submit), and
 * what went wrong. Thin pages, one place for the rules.
 */
import type { Locale } from '../../lib/domain.ts';
import type { Survey } from '../../../db/schema.ts';
import { findAreaForPoint } from '../../lib/geo.ts';
import { isVisible, visiblePages, type Answers, type InstrumentPage } from '../../lib/survey/instrument.ts';
import { formValues, validatePage, type AnswerError } from '../../lib/survey/validate.ts';
import type { Queryable } from '../db/connection.ts';
import type { SurveyWithInstrument } from './surveys.ts';
import { isAnswerable } from './surveys.ts';
import { keepDraftAnswers, mergePageAnswers, saveDraftAnswers, submitDraft, type SurveyDraft } from './answering.ts';
import { listPlaces } from '../partnership/places.ts';
import { PlaceBook } from '../../lib/places.ts';

/** What a page without a places question validates against: no places. */
const NO_PLACES = new PlaceBook([]);

export const SURVEY_HONEYPOT = 'website';

export interface PageView {
  /** 1-based among the pages visible with the current answers. */
  number: number;
  total: number;
  page: InstrumentPage;
  answers: Answers;
}

/** The n-th visible page (1-based) for the draft's answers, or undefined when there is none. */
export function pageView(pages: readonly InstrumentPage[], answers: Answers, n: number): PageView | undefined {
  const visible = visiblePages(pages, answers);
  const page = visible[n - 1];
  return page ? { number: n, total: visible.length, page, answers } : undefined;
}

export type PagePostOutcome =
  | { kind: 'go'; page: number }
  /** Answers on this page opened follow-up questions on it: shown again, saying so, at the first of them. */
  | { kind: 'revealed'; page: number; first: string; count: number }
  | { kind: 'done' }
  | { kind: 'invalid'; errors: Record<string, AnswerError>; answers: Answers }
  | { kind: 'missing_elsewhere'; page: number }
  | { kind: 'closed' }
  | { kind: 'code_used' };

export async function handlePagePost(
  db: Queryable,
  input: { found: SurveyWithInstrument; draft: SurveyDraft; n: number; form: FormData; answeredIn?: Locale },
): Promise<PagePostOutcome> {
  const { found, draft, n, form } = input;
  const { survey, pages, areas } = found;
  if (draft.submittedAt) return { kind: 'done' };
  if (!isAnswerable(survey)) return { kind: 'closed' };
  const saved = draft.answers;
  const view = pageView(pages, saved, n);
  if (!view) return { kind: 'go', page: 1 };
  const action = form.get('action');
  const values = formValues(form);
  const { answers: pageAnswers, errors } = validatePage(view.page.questions, values, {
    previous: saved,
    areaSlugs: areas.map((a) => a.slug),
    inArea: (p) => findAreaForPoint(areas, p) !== undefined,
    // Read only for a page that asks for places: checking that they are unchanged is a query (0.05 ms) a post.
    places: view.page.questions.some((q) => q.type === 'places') ? await listPlaces(db) : NO_PLACES,
  });
  const keys = view.page.questions.map((q) => q.key);
  if (action === 'back') {
    // Going back keeps every valid answer on this page, without complaining about the rest.
    await saveDraftAnswers(db, draft, pages, keys, Object.fromEntries(Object.entries(pageAnswers).filter(([key]) => !(key in errors))));
    return { kind: 'go', page: Math.max(1, n - 1) };
  }
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors, answers: { ...saved, ...pageAnswers } };
  const answers = mergePageAnswers(draft, pages, keys, pageAnswers);
  // An answer on this page revealed follow-up questions on this page (skip
  // logic): show the page again so they can be answered, with or without JavaScript.
  const revealed = view.page.questions.filter((q) => !isVisible(q, saved) && isVisible(q, answers));
  const total = visiblePages(pages, answers).length;
  if (revealed.length > 0 || n < total) {
    await keepDraftAnswers(db, draft, answers);
    if (revealed.length > 0) return { kind: 'revealed', page: n, first: revealed[0]!.key, count: revealed.length };
    return { kind: 'go', page: n + 1 };
  }
  // The last page: sent with the answers in hand, stored with the response in one transaction.
  const result = await submitDraft(db, { ...draft, answers }, survey, pages, { locale: input.answeredIn ?? 'da' });
  if (result.kind === 'stored' || result.kind === 'already') return { kind: 'done' };
  // Not sent: the last page's answers are kept in the draft, as after any other page.
  await keepDraftAnswers(db, draft, answers);
  if (result.kind === 'code_used') return { kind: 'code_used' };
  const firstMissing = visiblePages(pages, answers).findIndex((p) => p.questions.some((q) => result.keys.includes(q.key)));
  return { kind: 'missing_elsewhere', page: firstMissing + 1 };
}

/** Whether a wave takes web answers without a code. */
export function openToAll(survey: Survey): boolean {
  return survey.mode === 'open' || survey.mode === 'both';
}
