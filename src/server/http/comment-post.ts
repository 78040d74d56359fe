/**
 * A resident's comment posted from an initiative or event page: read the
 * form, drop bots (honeypot), throttle per client, validate, store masked.
 * Returns what the page should do; the page stays a thin edge.
 */
import type { CommentTarget } from '../../../db/schema.ts';
import type { Locale } from '../../lib/i18n/index.ts';
import { maskPersonalData } from '../../lib/pii.ts';
import { COMMENT_MAX, NAME_MAX, submitComment } from '../comments.ts';
import type { Queryable } from '../db/connection.ts';
import { logger } from '../logger.ts';
import { throttles } from '../throttle.ts';
import { field, readForm } from './form.ts';

export type CommentErrorKind = 'bodyMissing' | 'bodyTooLong' | 'nameTooLong' | 'throttled';

export interface CommentFormState {
  name: string;
  body: string;
  errors: Partial<Record<'name' | 'body' | 'form', CommentErrorKind>>;
}

export type CommentPostResult =
  | { kind: 'stored' }
  /** A bot filled the honeypot: pretend success, store nothing. */
  | { kind: 'discarded' }
  | { kind: 'invalid'; status: 400 | 429; state: CommentFormState; retryAfter?: number }
  | { kind: 'bad_request'; status: 400 | 413 | 415 };

/** The honeypot field's name: a plausible word that people never see. */
export const HONEYPOT = 'website';

export async function handleCommentPost(
  db: Queryable,
  request: Request,
  context: { locale: Locale; client: string; targetType: CommentTarget; targetId: number },
): Promise<CommentPostResult> {
  const read = await readForm(request, 16 * 1024);
  if (!read.ok) return { kind: 'bad_request', status: read.status };
  const form = read.form;
  if (field(form, HONEYPOT) !== '') {
    logger.info({ event: 'honeypot' }, 'comment discarded');
    return { kind: 'discarded' };
  }
  const name = field(form, 'name');
  const body = field(form, 'body');
  const state: CommentFormState = { name, body, errors: {} };
  // Lengths are checked after masking too: a mask label can be longer than what it hides.
  if ([...body].length === 0) state.errors.body = 'bodyMissing';
  else if ([...body].length > COMMENT_MAX || [...maskPersonalData(body).text].length > COMMENT_MAX) state.errors.body = 'bodyTooLong';
  if ([...name].length > NAME_MAX || [...maskPersonalData(name).text].length > NAME_MAX * 2) state.errors.name = 'nameTooLong';
  if (Object.keys(state.errors).length > 0) return { kind: 'invalid', status: 400, state };

  const throttle = await throttles.commentClient.hit(db, context.client);
  if (!throttle.ok) {
    state.errors.form = 'throttled';
    return { kind: 'invalid', status: 429, state, retryAfter: throttle.retryAfter };
  }
  await submitComment(db, {
    targetType: context.targetType,
    targetId: context.targetId,
    authorName: name === '' ? null : name,
    body,
    locale: context.locale,
  });
  return { kind: 'stored' };
}
