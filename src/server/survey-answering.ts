/**
 * Answering a survey: drafts kept on the server under a random cookie token,
 * and storing a response exactly once. The response carries no IP address,
 * user agent, cookie, account or invitation code, and its day, not its time.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { answers as answerRows, areas, responses, surveyDrafts, type ResponseChannel, type Survey, type SurveyDraft } from '../../db/schema.ts';
import { maskPersonalData } from '../lib/pii.ts';
import { DONT_KNOW, NO_AREA, PREFER_NOT, pruneHidden, type Answers, type InstrumentPage } from '../lib/survey/instrument.ts';
import { qualityFlags } from '../lib/survey/quality.ts';
import { missingRequired } from '../lib/survey/validate.ts';
import { randomToken } from './auth/random.ts';
import { copenhagenDay } from './comments.ts';
import type { Queryable } from './db/connection.ts';
import { transaction } from './db/transaction.ts';
import { useCode } from './invitations.ts';
import { newRecordKey } from './disclosure/keys.ts';

export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

/** The strictly necessary cookie holding the draft token for one wave. */
export function draftCookieName(surveyId: number): string {
  return `__Host-tryghed-svar-${surveyId}`;
}

function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function startDraft(db: Queryable, surveyId: number, invitationCodeId: number | null, now = new Date()): Promise<{ token: string; expires: Date }> {
  // Drafts nobody finished are deleted once they expire.
  await db.delete(surveyDrafts).where(lt(surveyDrafts.expiresAt, now));
  const token = randomToken(32);
  const expires = new Date(now.getTime() + DRAFT_TTL_MS);
  await db.insert(surveyDrafts)
    .values({ tokenHash: hashToken(token), surveyId, answers: {}, invitationCodeId, startedAt: now, expiresAt: expires });
  return { token, expires };
}

export async function findDraft(db: Queryable, surveyId: number, token: string | undefined, now = new Date()): Promise<SurveyDraft | undefined> {
  if (!token || token.length > 100) return undefined;
  const [draft] = await db
    .select()
    .from(surveyDrafts)
    .where(and(eq(surveyDrafts.tokenHash, hashToken(token)), eq(surveyDrafts.surveyId, surveyId)))
    .limit(1);
  return draft && draft.expiresAt > now ? draft : undefined;
}

/** Merges a page's answers into the draft; answers that skip logic now hides are dropped. */
export async function saveDraftAnswers(db: Queryable, draft: SurveyDraft, pages: readonly InstrumentPage[], pageQuestionKeys: readonly string[], pageAnswers: Answers): Promise<Answers> {
  const merged: Answers = { ...(draft.answers as Answers) };
  for (const key of pageQuestionKeys) delete merged[key];
  Object.assign(merged, pageAnswers);
  const pruned = pruneHidden(pages, merged);
  await db.update(surveyDrafts).set({ answers: pruned }).where(eq(surveyDrafts.tokenHash, draft.tokenHash));
  return pruned;
}

export type StoreResult = { kind: 'stored'; responseId: number } | { kind: 'missing'; keys: string[] } | { kind: 'code_used' };

/**
 * Stores one response with its answers. Used for web submissions (from a
 * draft) and for staff entering paper or phone questionnaires.
 */
export async function storeResponse(
  db: Queryable,
  input: { survey: Survey; pages: readonly InstrumentPage[]; answers: Answers; channel: ResponseChannel; flags: string[]; invitationCodeId?: number | null; demo?: boolean; day?: string },
): Promise<StoreResult> {
  const all = input.pages.flatMap((p) => p.questions);
  const answers = pruneHidden(input.pages, input.answers);
  const missing = missingRequired(all, answers);
  if (missing.length > 0) return { kind: 'missing', keys: missing };
  return transaction(db, async (tx) => {
    if (input.invitationCodeId && !(await useCode(tx, input.invitationCodeId))) return { kind: 'code_used' as const };
    const areaQuestion = all.find((q) => q.type === 'area');
    const areaSlug = areaQuestion ? answers[areaQuestion.key] : undefined;
    const areaId =
      typeof areaSlug === 'string' && ![NO_AREA, DONT_KNOW, PREFER_NOT].includes(areaSlug)
        ? ((await tx.select({ id: areas.id }).from(areas).where(eq(areas.slug, areaSlug)).limit(1))[0]?.id ?? null)
        : null;
    const [response] = await tx
      .insert(responses)
      .values({ surveyId: input.survey.id, cellKey: newRecordKey(), channel: input.channel, submittedOn: input.day ?? copenhagenDay(), areaId, suspicious: input.flags.length > 0, flags: input.flags, demo: input.demo ?? false })
      .returning({ id: responses.id });
    if (!response) throw new Error('response not inserted');
    const rows: { responseId: number; questionId: number; item: string | null; value: string }[] = [];
    for (const q of all) {
      const a = answers[q.key];
      if (a === undefined) continue;
      if (typeof a === 'string') rows.push({ responseId: response.id, questionId: q.id, item: null, value: q.type === 'text' ? maskPersonalData(a).text : a });
      else if (Array.isArray(a)) for (const v of a) rows.push({ responseId: response.id, questionId: q.id, item: null, value: v });
      else for (const [item, v] of Object.entries(a)) rows.push({ responseId: response.id, questionId: q.id, item, value: v });
    }
    if (rows.length) await tx.insert(answerRows).values(rows);
    return { kind: 'stored' as const, responseId: response.id };
  });
}

export type SubmitResult = StoreResult | { kind: 'already' };

/**
 * Submits a web draft exactly once: a double click, a reload or a retried
 * post finds the draft already submitted and stores nothing more.
 */
export async function submitDraft(db: Queryable, draft: SurveyDraft, survey: Survey, pages: readonly InstrumentPage[], now = new Date()): Promise<SubmitResult> {
  try {
    return await transaction(db, async (tx) => {
      const [current] = await tx.select().from(surveyDrafts).where(eq(surveyDrafts.tokenHash, draft.tokenHash)).limit(1);
      if (!current || current.submittedAt) return { kind: 'already' as const };
      const answers = current.answers as Answers;
      const flags = qualityFlags(pages.flatMap((p) => p.questions), answers, (now.getTime() - current.startedAt.getTime()) / 1000);
      // Claim the draft before storing: a second "Send" of it at the same
      // moment, on this or another instance, waits for this row and then
      // finds it submitted. The claim erases the answers and the times and
      // keeps only that it was submitted (for idempotency) until it expires;
      // times to the day only, so drafts cannot be lined up with responses
      // or request logs.
      const day = new Date(`${copenhagenDay(now)}T00:00:00Z`);
      const claimed = await tx
        .update(surveyDrafts)
        .set({ answers: {}, invitationCodeId: null, submittedAt: day, startedAt: day })
        .where(and(eq(surveyDrafts.tokenHash, current.tokenHash), isNull(surveyDrafts.submittedAt)))
        .returning({ tokenHash: surveyDrafts.tokenHash });
      if (claimed.length === 0) return { kind: 'already' as const };
      const result = await storeResponse(tx, { survey, pages, answers, channel: 'web', flags, invitationCodeId: current.invitationCodeId });
      // Not stored (an answer missing, the code used meanwhile): undo the claim.
      if (result.kind !== 'stored') throw new NotStored(result);
      return result;
    });
  } catch (error) {
    if (error instanceof NotStored) return error.result;
    throw error;
  }
}

/** Rolls a draft's submission back when its response is not stored. */
class NotStored extends Error {
  readonly result: SubmitResult;
  constructor(result: SubmitResult) {
    super('response not stored');
    this.result = result;
  }
}
