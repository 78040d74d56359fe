/** Invitation codes: generated in batches for letters, exported for printing, redeemed once. */
import { createHmac } from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import { invitationCodes } from '../../../db/schema.ts';
import { KEY_RANGE, publishCount, sumKeys } from '../../lib/disclosure/index.ts';
import { CODE_ALPHABET, CODE_LENGTH, normaliseCode } from '../../lib/survey/codes.ts';
import { recordAudit } from '../staff/audit.ts';
import { randomCode } from '../staff/auth/random.ts';
import type { Queryable } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';
import { throttleSecret } from '../platform/throttle.ts';

/** Generates `n` new unique codes for a wave as one batch. */
export async function generateCodes(db: Queryable, surveyId: number, n: number, actorId: number | null): Promise<{ batch: number; codes: string[] }> {
  return transaction(db, async (tx) => {
    const [last] = await tx.select({ b: max(invitationCodes.batch) }).from(invitationCodes).where(eq(invitationCodes.surveyId, surveyId)).limit(1);
    const batch = (last?.b ?? 0) + 1;
    const codes = new Set<string>();
    while (codes.size < n) codes.add(randomCode(CODE_LENGTH, CODE_ALPHABET));
    // 27^8 ≈ 2.8e11 codes: a clash with an existing code is vanishingly rare; the unique index catches it.
    for (const chunk of chunks([...codes], 500)) await tx.insert(invitationCodes).values(chunk.map((code) => ({ surveyId, code, batch })));
    await recordAudit(tx, { userId: actorId, action: 'survey.generate_codes', entityType: 'survey', entityId: surveyId, summary: `batch ${batch}: ${n} codes` });
    return { batch, codes: [...codes] };
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function listCodes(db: Queryable, surveyId: number): Promise<{ code: string; batch: number; used: boolean }[]> {
  return db
    .select({ code: invitationCodes.code, batch: invitationCodes.batch, used: invitationCodes.used })
    .from(invitationCodes)
    .where(eq(invitationCodes.surveyId, surveyId))
    .orderBy(invitationCodes.batch, invitationCodes.id);
}

/**
 * How many codes a wave has, and how many are used: a fieldwork figure, so
 * the used count goes through the disclosure engine (K and the cell key
 * method, with each code's key derived from the code itself), and watching
 * it during fieldwork does not show when one more letter was answered.
 */
export async function codeCounts(db: Queryable, surveyId: number, k: number): Promise<{ total: number; used: number | undefined }> {
  const rows = await db.select({ code: invitationCodes.code, used: invitationCodes.used }).from(invitationCodes).where(eq(invitationCodes.surveyId, surveyId));
  const used = rows.filter((r) => r.used);
  return { total: rows.length, used: publishCount(used.length, sumKeys(used.map((r) => codeKey(r.code))), k) };
}

/**
 * A code's record key: a keyed hash of the code with the server's secret
 * (kept outside the database, src/server/platform/throttle.ts), so staff who hold the
 * printed codes still cannot compute the noise and undo it.
 */
function codeKey(code: string): number {
  return (createHmac('sha256', throttleSecret()).update(`cell-key:${code}`).digest().readUInt32BE(0) % (KEY_RANGE - 1)) + 1;
}

export type CodeCheck = { ok: true; codeId: number } | { ok: false; reason: 'invalid' | 'used' };

/** Checks a typed code for a wave without using it (it is used when the response is stored). */
export async function checkCode(db: Queryable, surveyId: number, input: string): Promise<CodeCheck> {
  const code = normaliseCode(input);
  if (!code) return { ok: false, reason: 'invalid' };
  const [row] = await db
    .select()
    .from(invitationCodes)
    .where(and(eq(invitationCodes.surveyId, surveyId), eq(invitationCodes.code, code)))
    .limit(1);
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.used) return { ok: false, reason: 'used' };
  return { ok: true, codeId: row.id };
}

/** Marks a code used if it is still unused; true when this call used it. */
export async function useCode(db: Queryable, codeId: number): Promise<boolean> {
  const used = await db
    .update(invitationCodes)
    .set({ used: true })
    .where(and(eq(invitationCodes.id, codeId), eq(invitationCodes.used, false)))
    .returning({ id: invitationCodes.id });
  return used.length === 1;
}
