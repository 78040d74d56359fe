/**
 * Answering a survey: drafts kept on the server under a random cookie token,
 * and storing a response exactly once. The response carries no IP address,
 * user agent, cookie, account or invitation code, and its day, not its time.
 *
 * A draft is sealed: its answers, the id of the invitation code it was
 * started with and its start time are encrypted (AES-256-GCM) under a key
 * derived from the cookie token, and the server stores only a hash of the
 * token. So the database files alone (rows, WAL frames, free pages) cannot
 * read a draft or line it up with the response stored from it; the code is
 * used only in the transaction that stores the response.
 */
import type { Locale } from '../../lib/domain.ts';
import { createCipheriv, createDecipheriv, createHash, createHmac, createSecretKey, randomBytes as nodeRandomBytes, type KeyObject } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { ID_BLOCK_SIZE, randomIdBlock, randomRowId } from '../../../db/columns.ts';
import { answers as answerRows, areas, responses, surveyDrafts, type ResponseChannel, type Survey } from '../../../db/schema.ts';
import { maskPersonalData } from '../../lib/pii.ts';
import { dayBoundary } from '../../lib/time.ts';
import { DONT_KNOW, NO_AREA, PREFER_NOT, pruneHidden, type Answers, type InstrumentPage } from '../../lib/survey/instrument.ts';
import { qualityFlags } from '../../lib/survey/quality.ts';
import { missingRequired } from '../../lib/survey/validate.ts';
import { recordAudit } from '../staff/audit.ts';
import { randomToken } from '../staff/auth/random.ts';
import { copenhagenDay } from '../../lib/time.ts';
import type { Queryable } from '../db/connection.ts';
import { eraseRemnants, unlinkCodeClaims } from '../db/remnants.ts';
import { prepared, preparedInsertMany, slot, slots } from '../db/prepared.ts';
import { transaction } from '../db/transaction.ts';
import { useCode } from './invitations.ts';
import { newRecordKey } from '../disclosure/keys.ts';

/** The strictly necessary cookie holding the draft token for one wave. */
export function draftCookieName(surveyId: number): string {
  return `__Host-tryghed-svar-${surveyId}`;
}

/** SHA-256 of the token, hex (Node's native hash: it runs on every survey page). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The draft's key: HMAC-SHA256 keyed with the token (the stored hash is
 * SHA-256 of it, a different function), as a KeyObject, which the cipher
 * takes without checking a raw key's type again.
 */
function draftKey(token: string): KeyObject {
  return createSecretKey(createHmac('sha256', token).update('tryghed survey draft key', 'utf8').digest());
}

/** What a draft holds, sealed. */
export interface DraftContent {
  answers: Answers;
  invitationCodeId: number | null;
  /** Milliseconds: only for the minimum completion time, and never stored unsealed. */
  startedAt: number;
}

/** A draft as the respondent holding its token sees it. */
export interface SurveyDraft {
  tokenHash: string;
  surveyId: number;
  answers: Answers;
  invitationCodeId: number | null;
  startedAt: Date;
  expiresAt: Date;
  submittedAt: Date | null;
  /** Derived from the cookie token; kept in memory only. */
  key: KeyObject;
}

const NONCE = 12;
const TAG = 16;

function seal(key: KeyObject, tokenHash: string, content: DraftContent): Buffer {
  const nonce = nodeRandomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(tokenHash));
  const body = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

function unseal(key: KeyObject, tokenHash: string, sealed: Buffer): DraftContent | undefined {
  if (sealed.length < NONCE + TAG) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE));
    decipher.setAAD(Buffer.from(tokenHash));
    decipher.setAuthTag(sealed.subarray(NONCE, NONCE + TAG));
    const text = Buffer.concat([decipher.update(sealed.subarray(NONCE + TAG)), decipher.final()]).toString('utf8');
    return JSON.parse(text) as DraftContent;
  } catch {
    return undefined;
  }
}

/** What a sealed draft holds, for whoever has its token (the respondent; tests). */
export function openSealedDraft(token: string, sealed: Buffer): DraftContent | undefined {
  return unseal(draftKey(token), hashToken(token), sealed);
}

export async function startDraft(db: Queryable, surveyId: number, invitationCodeId: number | null, now = new Date()): Promise<{ token: string; expires: Date }> {
  // Drafts nobody finished are deleted once they expire.
  await db.delete(surveyDrafts).where(lt(surveyDrafts.expiresAt, now));
  // A draft lives until midnight (UTC) at the end of the day after it was started: 24 to 48 hours.
  const { token, row } = newDraftRow(surveyId, { answers: {}, invitationCodeId, startedAt: now.getTime() }, now);
  await db.insert(surveyDrafts).values(row);
  return { token, expires: row.expiresAt };
}

/** A new draft's token and its row (also for the benchmark's prepared drafts). */
export function newDraftRow(surveyId: number, content: DraftContent, now = new Date()): { token: string; row: { tokenHash: string; surveyId: number; sealed: Buffer; expiresAt: Date } } {
  const token = randomToken(32);
  const tokenHash = hashToken(token);
  return { token, row: { tokenHash, surveyId, sealed: seal(draftKey(token), tokenHash, content), expiresAt: dayBoundary(now, 2) } };
}

export async function findDraft(db: Queryable, surveyId: number, token: string | undefined, now = new Date()): Promise<SurveyDraft | undefined> {
  if (!token || token.length > 100) return undefined;
  const tokenHash = hashToken(token);
  const [row] = await draftRow(db, { tokenHash, surveyId });
  if (!row || row.expiresAt <= now) return undefined;
  const key = draftKey(token);
  const base = { tokenHash, surveyId, expiresAt: row.expiresAt, key };
  if (row.submittedAt) return { ...base, answers: {}, invitationCodeId: null, startedAt: row.submittedAt, submittedAt: row.submittedAt };
  const content = row.sealed ? unseal(key, tokenHash, row.sealed) : undefined;
  if (!content) return undefined;
  return { ...base, answers: content.answers, invitationCodeId: content.invitationCodeId, startedAt: new Date(content.startedAt), submittedAt: null };
}

// The statements of a resident's answering, prepared once (src/server/db/prepared.ts).
const draftRow = prepared('find_draft', (q) =>
  q
    .select()
    .from(surveyDrafts)
    .where(and(eq(surveyDrafts.tokenHash, slot('tokenHash', surveyDrafts.tokenHash)), eq(surveyDrafts.surveyId, slot('surveyId', surveyDrafts.surveyId))))
    .limit(1),
);
const sealDraft = prepared('seal_draft', (q) =>
  q
    .update(surveyDrafts)
    .set({ sealed: slot('sealed', surveyDrafts.sealed) })
    .where(and(eq(surveyDrafts.tokenHash, slot('tokenHash', surveyDrafts.tokenHash)), isNull(surveyDrafts.submittedAt))),
);
const claimDraft = prepared('claim_draft', (q) =>
  q
    .update(surveyDrafts)
    .set({ sealed: null, submittedAt: slot('submittedAt', surveyDrafts.submittedAt) })
    .where(and(eq(surveyDrafts.tokenHash, slot('tokenHash', surveyDrafts.tokenHash)), isNull(surveyDrafts.submittedAt)))
    .returning({ tokenHash: surveyDrafts.tokenHash }),
);
const areaIdBySlug = prepared('area_id_by_slug', (q) => q.select({ id: areas.id }).from(areas).where(eq(areas.slug, slot('slug', areas.slug))).limit(1));
const insertResponse = prepared('insert_response', (q) =>
  q
    .insert(responses)
    .values(slots(responses, ['id', 'surveyId', 'cellKey', 'channel', 'submittedOn', 'areaId', 'suspicious', 'flags', 'locale', 'demo']))
    .returning({ id: responses.id }),
);
const insertAnswers = preparedInsertMany('insert_answer', answerRows, ['id', 'responseId', 'questionId', 'item', 'value']);

/** Merges a page's answers into the draft; answers that skip logic now hides are dropped. */
export async function saveDraftAnswers(db: Queryable, draft: SurveyDraft, pages: readonly InstrumentPage[], pageQuestionKeys: readonly string[], pageAnswers: Answers): Promise<Answers> {
  const merged = mergePageAnswers(draft, pages, pageQuestionKeys, pageAnswers);
  await keepDraftAnswers(db, draft, merged);
  return merged;
}

/** The draft's answers with a page's answers in place of that page's earlier ones, without those skip logic now hides. */
export function mergePageAnswers(draft: SurveyDraft, pages: readonly InstrumentPage[], pageQuestionKeys: readonly string[], pageAnswers: Answers): Answers {
  const merged: Answers = { ...draft.answers };
  for (const key of pageQuestionKeys) delete merged[key];
  Object.assign(merged, pageAnswers);
  return pruneHidden(pages, merged);
}

/** Seals and stores a draft's answers (as merged by mergePageAnswers). */
export async function keepDraftAnswers(db: Queryable, draft: SurveyDraft, answers: Answers): Promise<void> {
  const sealed = seal(draft.key, draft.tokenHash, { answers, invitationCodeId: draft.invitationCodeId, startedAt: draft.startedAt.getTime() });
  await sealDraft(db, { sealed, tokenHash: draft.tokenHash });
}

/** How a questionnaire was entered: by the respondent on the web, or by staff from paper or the phone. */
export type EntryMode = 'web' | 'paper';

/**
 * The response's coarse channel: `paper` for staff entry, `invitation` for a
 * web answer that used a code, `open` for one through the open link. Only
 * that a code was used is kept, never which (README "Privacy").
 */
export function responseChannel(mode: EntryMode, invitationCodeId: number | null | undefined): ResponseChannel {
  if (mode === 'paper') return 'paper';
  return invitationCodeId ? 'invitation' : 'open';
}

export type StoreResult = { kind: 'stored'; responseId: number } | { kind: 'missing'; keys: string[] } | { kind: 'code_used' };

/**
 * Stores one response with its answers. Used for web submissions (from a
 * draft) and for staff entering paper or phone questionnaires.
 */
export async function storeResponse(
  db: Queryable,
  input: { survey: Survey; pages: readonly InstrumentPage[]; answers: Answers; channel: EntryMode; flags: string[]; invitationCodeId?: number | null; demo?: boolean; day?: string; locale?: Locale },
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
      typeof areaSlug === 'string' && ![NO_AREA, DONT_KNOW, PREFER_NOT].includes(areaSlug) ? ((await areaIdBySlug(tx, { slug: areaSlug }))[0]?.id ?? null) : null;
    const [response] = await insertResponse(tx, {
      id: randomRowId(),
      surveyId: input.survey.id,
      cellKey: newRecordKey(),
      channel: responseChannel(input.channel, input.invitationCodeId),
      submittedOn: input.day ?? copenhagenDay(),
      areaId,
      suspicious: input.flags.length > 0,
      flags: input.flags,
      locale: input.locale ?? 'da',
      demo: input.demo ?? false,
    });
    if (!response) throw new Error('response not inserted');
    const rows: { id: number; responseId: number; questionId: number; item: string | null; value: string }[] = [];
    for (const q of all) {
      const a = answers[q.key];
      if (a === undefined) continue;
      if (typeof a === 'string') rows.push({ id: 0, responseId: response.id, questionId: q.id, item: null, value: q.type === 'text' ? maskPersonalData(a).text : a });
      else if (Array.isArray(a)) for (const v of a) rows.push({ id: 0, responseId: response.id, questionId: q.id, item: null, value: v });
      else for (const [item, v] of Object.entries(a)) rows.push({ id: 0, responseId: response.id, questionId: q.id, item, value: v });
    }
    // One block of ids for the response's answers (randomIdBlock); a response with more
    // answers than a block holds (no instrument comes close) takes one random id per answer.
    if (rows.length <= ID_BLOCK_SIZE) {
      const start = randomIdBlock();
      rows.forEach((row, i) => (row.id = start + i));
    } else {
      for (const row of rows) row.id = randomRowId();
    }
    await insertAnswers(tx, rows);
    return { kind: 'stored' as const, responseId: response.id };
  });
}

export type SubmitResult = StoreResult | { kind: 'already' };

/**
 * Stores a paper or phone questionnaire entered by staff, as storeResponse
 * does (channel `paper`), then folds the WAL into the database file at once
 * (a questionnaire's answers, README "Privacy") and records who entered it,
 * and how, in the audit log.
 */
export async function enterPaperResponse(
  db: Queryable,
  input: { survey: Survey; pages: readonly InstrumentPage[]; answers: Answers; how: 'paper' | 'phone'; userId: number },
): Promise<StoreResult> {
  const result = await storeResponse(db, { survey: input.survey, pages: input.pages, answers: input.answers, channel: 'paper', flags: [] });
  if (result.kind !== 'stored') return result;
  eraseRemnants(db);
  await recordAudit(db, { userId: input.userId, action: 'survey.enter_response', entityType: 'survey', entityId: input.survey.id, summary: input.how });
  return result;
}

/**
 * Submits a web draft exactly once, with `draft.answers` (the answers the
 * posting request read and merged: the last page is not stored first). A
 * double click, a reload or a retried post finds the draft already
 * submitted and stores nothing more.
 */
export async function submitDraft(
  db: Queryable,
  draft: SurveyDraft,
  survey: Survey,
  pages: readonly InstrumentPage[],
  options: { locale?: Locale; now?: Date } = {},
): Promise<SubmitResult> {
  const now = options.now ?? new Date();
  if (draft.submittedAt) return { kind: 'already' };
  const answers = draft.answers;
  const flags = qualityFlags(pages.flatMap((p) => p.questions), answers, (now.getTime() - draft.startedAt.getTime()) / 1000);
  let result: SubmitResult;
  try {
    result = await transaction(db, async (tx) => {
      // Claim the draft before storing: a second "Send" of it at the same
      // moment, on this or another instance, waits for this row and then
      // finds it submitted. The claim erases the sealed content and keeps
      // only that it was submitted (for idempotency), to the day, until it expires.
      const claimed = await claimDraft(tx, { tokenHash: draft.tokenHash, submittedAt: dayBoundary(now, 0) });
      if (claimed.length === 0) return { kind: 'already' as const };
      const stored = await storeResponse(tx, { survey, pages, answers, channel: 'web', flags, invitationCodeId: draft.invitationCodeId, locale: options.locale ?? 'da' });
      // Not stored (an answer missing, the code used meanwhile): undo the claim.
      if (stored.kind !== 'stored') throw new NotStored(stored);
      return stored;
    });
  } catch (error) {
    if (error instanceof NotStored) return error.result;
    throw error;
  }
  // The transaction that used the code and stored the answers leaves its page
  // images in the WAL: fold them into the main file and truncate it (within half a second).
  if (result.kind === 'stored') {
    eraseRemnants(db);
    unlinkCodeClaims(db);
  }
  return result;
}

/** Rolls a draft's submission back when its response is not stored. */
class NotStored extends Error {
  readonly result: SubmitResult;
  constructor(result: SubmitResult) {
    super('response not stored');
    this.result = result;
  }
}
