/**
 * Answering a survey: drafts kept on the server under a random cookie token,
 * and storing a response exactly once. The response carries no IP address,
 * user agent, cookie, account or invitation code, and its day, not its time.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, lt } from 'drizzle-orm';
import { answers as answerRows, areas, responses, surveyDrafts, type ResponseChannel, type Survey, type SurveyDraft } from '../../db/schema.ts';
import { maskPersonalData } from '../lib/pii.ts';
import { DONT_KNOW, NO_AREA, PREFER_NOT, pruneHidden, type Answers, type InstrumentPage } from '../lib/survey/instrument.ts';
import { qualityFlags } from '../lib/survey/quality.ts';
import { missingRequired } from '../lib/survey/validate.ts';
import { randomToken } from './auth/random.ts';
import { copenhagenDay } from './comments.ts';
import type { Queryable } from './db/connection.ts';
import { useCode } from './invitations.ts';

export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

/** The strictly necessary cookie holding the draft token for one wave. */
export function draftCookieName(surveyId: number): string {
  return `__Host-tryghed-svar-${surveyId}`;
}

function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function startDraft(db: Queryable, surveyId: number, invitationCodeId: number | null, now = new Date()): { token: string; expires: Date } {
  // Drafts nobody finished are deleted once they expire.
  db.delete(surveyDrafts).where(lt(surveyDrafts.expiresAt, now)).run();
  const token = randomToken(32);
  const expires = new Date(now.getTime() + DRAFT_TTL_MS);
  db.insert(surveyDrafts)
    .values({ tokenHash: hashToken(token), surveyId, answers: {}, invitationCodeId, startedAt: now, expiresAt: expires })
    .run();
  return { token, expires };
}

export function findDraft(db: Queryable, surveyId: number, token: string | undefined, now = new Date()): SurveyDraft | undefined {
  if (!token || token.length > 100) return undefined;
  const draft = db
    .select()
    .from(surveyDrafts)
    .where(and(eq(surveyDrafts.tokenHash, hashToken(token)), eq(surveyDrafts.surveyId, surveyId)))
    .get();
  return draft && draft.expiresAt > now ? draft : undefined;
}

/** Merges a page's answers into the draft; answers that skip logic now hides are dropped. */
export function saveDraftAnswers(db: Queryable, draft: SurveyDraft, pages: readonly InstrumentPage[], pageQuestionKeys: readonly string[], pageAnswers: Answers): Answers {
  const merged: Answers = { ...(draft.answers as Answers) };
  for (const key of pageQuestionKeys) delete merged[key];
  Object.assign(merged, pageAnswers);
  const pruned = pruneHidden(pages, merged);
  db.update(surveyDrafts).set({ answers: pruned }).where(eq(surveyDrafts.tokenHash, draft.tokenHash)).run();
  return pruned;
}

export type StoreResult = { kind: 'stored'; responseId: number } | { kind: 'missing'; keys: string[] } | { kind: 'code_used' };

/**
 * Stores one response with its answers. Used for web submissions (from a
 * draft) and for staff entering paper or phone questionnaires.
 */
export function storeResponse(
  db: Queryable,
  input: { survey: Survey; pages: readonly InstrumentPage[]; answers: Answers; channel: ResponseChannel; flags: string[]; invitationCodeId?: number | null; demo?: boolean; day?: string },
): StoreResult {
  const all = input.pages.flatMap((p) => p.questions);
  const answers = pruneHidden(input.pages, input.answers);
  const missing = missingRequired(all, answers);
  if (missing.length > 0) return { kind: 'missing', keys: missing };
  return db.transaction((tx) => {
    if (input.invitationCodeId && !useCode(tx, input.invitationCodeId)) return { kind: 'code_used' as const };
    const areaQuestion = all.find((q) => q.type === 'area');
    const areaSlug = areaQuestion ? answers[areaQuestion.key] : undefined;
    const areaId =
      typeof areaSlug === 'string' && ![NO_AREA, DONT_KNOW, PREFER_NOT].includes(areaSlug)
        ? (tx.select({ id: areas.id }).from(areas).where(eq(areas.slug, areaSlug)).get()?.id ?? null)
        : null;
    const response = tx
      .insert(responses)
      .values({ surveyId: input.survey.id, channel: input.channel, submittedOn: input.day ?? copenhagenDay(), areaId, suspicious: input.flags.length > 0, flags: input.flags, demo: input.demo ?? false })
      .returning({ id: responses.id })
      .get();
    const rows: { responseId: number; questionId: number; item: string | null; value: string }[] = [];
    for (const q of all) {
      const a = answers[q.key];
      if (a === undefined) continue;
      if (typeof a === 'string') rows.push({ responseId: response.id, questionId: q.id, item: null, value: q.type === 'text' ? maskPersonalData(a).text : a });
      else if (Array.isArray(a)) for (const v of a) rows.push({ responseId: response.id, questionId: q.id, item: null, value: v });
      else for (const [item, v] of Object.entries(a)) rows.push({ responseId: response.id, questionId: q.id, item, value: v });
    }
    if (rows.length) tx.insert(answerRows).values(rows).run();
    return { kind: 'stored' as const, responseId: response.id };
  });
}

export type SubmitResult = StoreResult | { kind: 'already' };

/**
 * Submits a web draft exactly once: a double click, a reload or a retried
 * post finds the draft already submitted and stores nothing more.
 */
export function submitDraft(db: Queryable, draft: SurveyDraft, survey: Survey, pages: readonly InstrumentPage[], now = new Date()): SubmitResult {
  return db.transaction((tx) => {
    const current = tx.select().from(surveyDrafts).where(eq(surveyDrafts.tokenHash, draft.tokenHash)).get();
    if (!current || current.submittedAt) return { kind: 'already' as const };
    const answers = current.answers as Answers;
    const flags = qualityFlags(pages.flatMap((p) => p.questions), answers, (now.getTime() - current.startedAt.getTime()) / 1000);
    const result = storeResponse(tx, { survey, pages, answers, channel: 'web', flags, invitationCodeId: current.invitationCodeId });
    if (result.kind === 'stored') {
      // Erase the answers and the times; keep only that it was submitted (for
      // idempotency) until it expires. Times to the day only, so drafts cannot
      // be lined up with responses or request logs.
      const day = new Date(`${copenhagenDay(now)}T00:00:00Z`);
      tx.update(surveyDrafts)
        .set({ answers: {}, invitationCodeId: null, submittedAt: day, startedAt: day })
        .where(eq(surveyDrafts.tokenHash, current.tokenHash))
        .run();
    }
    return result;
  });
}
