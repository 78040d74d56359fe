/**
 * A resident's answer to a consultation, posted from its page: read the form,
 * drop bots (honeypot), refuse what no page of ours sends (a place of another
 * consultation, a stance or respondent outside the allowed set: 400, nothing
 * stored), show errors with what was typed, throttle per client, and store
 * all or nothing. The page stays a thin edge.
 */
import { parseResponse, readResponse, type ParsedResponse, type ResponseRefusal, type ResponseValues } from '../../lib/consultations.ts';
import type { Locale } from '../../lib/domain.ts';
import type { Queryable } from '../db/connection.ts';
import { field, readForm } from '../platform/form.ts';
import { logger } from '../platform/logger.ts';
import { throttles } from '../platform/throttle.ts';
import { storeConsultationResponse, type ConsultationDetail } from './consultations.ts';

/** The honeypot field's name: a plausible word people never see. */
export const CONSULTATION_HONEYPOT = 'website';

/** The cookie that remembers, in this browser only, which consultations were answered (ids only; nothing about the answers). */
export const ANSWERED_COOKIE = 'hoert';

export type ConsultationPostResult =
  | { kind: 'stored' }
  /** A bot filled the honeypot: pretend success, store nothing. */
  | { kind: 'discarded' }
  | { kind: 'invalid'; status: 400; values: ResponseValues; errors: Extract<ParsedResponse, { values: ResponseValues }>['errors'] }
  | { kind: 'refused'; status: 400 | 409 | 429; reason: ResponseRefusal | 'notOpen' | 'throttled'; retryAfter?: number; values?: ResponseValues }
  | { kind: 'bad_request'; status: 400 | 413 | 415 };

export async function handleConsultationPost(
  db: Queryable,
  request: Request,
  context: { detail: ConsultationDetail; locale: Locale; client: string },
): Promise<ConsultationPostResult> {
  const read = await readForm(request, 64 * 1024);
  if (!read.ok) return { kind: 'bad_request', status: read.status };
  if (field(read.form, CONSULTATION_HONEYPOT) !== '') {
    logger.info({ event: 'honeypot' }, 'consultation answer discarded');
    return { kind: 'discarded' };
  }
  const { consultation, places } = context.detail;
  const parsed = parseResponse(readResponse(read.form), places.map((p) => p.id), consultation.scale);
  if (!parsed.ok) {
    if (parsed.refused) return { kind: 'refused', status: 400, reason: parsed.refused };
    return { kind: 'invalid', status: 400, values: parsed.values, errors: parsed.errors };
  }
  // Refused for now, not for good: what was typed comes back with the message.
  const typed = readResponse(read.form);
  const throttle = await throttles.consultationClient.hit(db, context.client);
  if (!throttle.ok) return { kind: 'refused', status: 429, reason: 'throttled', retryAfter: throttle.retryAfter, values: typed };
  // Codes are guessed no faster than the surveys' codes can be.
  if (parsed.response.code) {
    const guesses = await throttles.codeClient.hit(db, context.client);
    if (!guesses.ok) return { kind: 'refused', status: 429, reason: 'throttled', retryAfter: guesses.retryAfter, values: typed };
  }
  const stored = await storeConsultationResponse(db, consultation.id, parsed.response, context.locale);
  if (stored.stored) return { kind: 'stored' };
  if (stored.reason === 'not_open') return { kind: 'refused', status: 409, reason: 'notOpen' };
  // A code that is not this consultation's, or used: the form again with what was typed, nothing stored.
  return { kind: 'invalid', status: 400, values: typed, errors: { code: stored.reason === 'code_used' ? 'codeUsed' : 'codeUnknown', places: {} } };
}

/** The consultation ids this browser has answered, from the cookie's value ("12.15"). */
export function answeredIds(value: string | undefined): number[] {
  if (!value || !/^\d{1,9}(\.\d{1,9}){0,49}$/.test(value)) return [];
  return value.split('.').map(Number);
}

/** The cookie's value with one more consultation (at most the 50 newest). */
export function withAnswered(value: string | undefined, id: number): string {
  return [...new Set([...answeredIds(value), id])].slice(-50).join('.');
}
