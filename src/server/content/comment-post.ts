/**
 * A resident's post from an initiative or event page: a comment (read the
 * form, drop bots (honeypot), throttle per client, validate, store masked),
 * or a flag on an approved comment (`intent=flag`: validate, throttle from
 * everyone and per client, at most one flag per comment and client a day,
 * store a count per reason and nothing about the client).
 * Returns what the page should do; the page stays a thin edge.
 */
import type { CommentTarget } from '../../../db/schema.ts';
import type { Locale } from '../../lib/i18n/index.ts';
import { maskPersonalData } from '../../lib/pii.ts';
import { checkFlaggable, COMMENT_MAX, NAME_MAX, storeFlag, submitComment, type FlagReason } from './comments.ts';
import { config } from '../platform/config.ts';
import type { Queryable } from '../db/connection.ts';
import { logger } from '../platform/logger.ts';
import { Throttle, throttles } from '../platform/throttle.ts';
import { field, readForm } from '../platform/form.ts';

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
  | { kind: 'bad_request'; status: 400 | 413 | 415 }
  /** A flag counted (or, `again`, this client had already flagged the comment today: nothing more stored). */
  | { kind: 'flagged'; commentId: number; again: boolean }
  /** A flag refused, nothing stored: the page answers with `status` and the message for `error`. */
  | { kind: 'flag_refused'; status: 400 | 429; error: FlagErrorKind; commentId: number | null; retryAfter?: number };

/**
 * Why a flag was refused: no such approved comment on this page, a reason
 * outside the list, too many flags from this client, or from everyone (a flood).
 */
export type FlagErrorKind = 'unknownComment' | 'badReason' | 'throttled' | 'flood';

/** The outcome of a resident's flag as the page shows it: a notice at the comment, or why it was refused. */
export type FlagOutcome = { commentId: number | null; error?: FlagErrorKind | undefined; again?: boolean | undefined };

/** The flag limits (README "Configuration": COMMENT_FLAGS_PER_CLIENT, COMMENT_FLAGS_PER_HOUR). */
export interface FlagLimits {
  perClient: number;
  perHour: number;
}

const MINUTE = 60_000;
const flagThrottles = new Map<string, { client: Throttle; all: Throttle }>();
/** The throttles for the given limits, made once per limits. */
function flagThrottlesFor(limits: FlagLimits): { client: Throttle; all: Throttle } {
  const key = `${limits.perClient}/${limits.perHour}`;
  let found = flagThrottles.get(key);
  if (!found) {
    found = { client: new Throttle('commentFlagClient', limits.perClient, 10 * MINUTE), all: new Throttle('commentFlagAll', limits.perHour, 60 * MINUTE) };
    flagThrottles.set(key, found);
  }
  return found;
}
/** One flag per comment and client a day (key `<client>|<comment>`, hashed like every throttle key). */
const flagOnce = new Throttle('commentFlagOnce', 1, 24 * 60 * MINUTE);
/** The one key the global flag counter uses. */
const EVERYONE = 'all';

/** The honeypot field's name: a plausible word that people never see. */
export const HONEYPOT = 'website';

export async function handleCommentPost(
  db: Queryable,
  request: Request,
  context: { locale: Locale; client: string; targetType: CommentTarget; targetId: number },
  flagLimits: FlagLimits = config().commentFlags,
): Promise<CommentPostResult> {
  const read = await readForm(request, 16 * 1024);
  if (!read.ok) return { kind: 'bad_request', status: read.status };
  const form = read.form;
  if (field(form, 'intent') === 'flag') return handleFlag(db, form, context, flagLimits);
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

async function handleFlag(
  db: Queryable,
  form: FormData,
  context: { client: string; targetType: CommentTarget; targetId: number },
  limits: FlagLimits,
): Promise<CommentPostResult> {
  const idText = field(form, 'commentId');
  const commentId = /^[1-9]\d{0,15}$/.test(idText) && Number.isSafeInteger(Number(idText)) ? Number(idText) : null;
  if (commentId === null) return { kind: 'flag_refused', status: 400, error: 'unknownComment', commentId: null };
  const reason = field(form, 'reason');
  const check = await checkFlaggable(db, { commentId, targetType: context.targetType, targetId: context.targetId, reason });
  if (!check.ok) return { kind: 'flag_refused', status: 400, error: check.reason === 'bad_reason' ? 'badReason' : 'unknownComment', commentId };
  // Everyone's flags first: a flood from many addresses is refused whoever sends the next one.
  const all = await flagThrottlesFor(limits).all.hit(db, EVERYONE);
  if (!all.ok) {
    logger.warn({ event: 'comment_flag_flood' }, 'comment flags refused: the hourly limit for all clients is reached');
    return { kind: 'flag_refused', status: 429, error: 'flood', commentId, retryAfter: all.retryAfter };
  }
  const mine = await flagThrottlesFor(limits).client.hit(db, context.client);
  if (!mine.ok) return { kind: 'flag_refused', status: 429, error: 'throttled', commentId, retryAfter: mine.retryAfter };
  const first = await flagOnce.hit(db, `${context.client}|${commentId}`);
  if (!first.ok) return { kind: 'flagged', commentId, again: true };
  await storeFlag(db, commentId, reason as FlagReason);
  return { kind: 'flagged', commentId, again: false };
}

/** Where a counted flag leads: back to the comment, with a notice (`?markeret=<id>`, `&igen=1` when already flagged today). */
export function flaggedLocation(pagePath: string, result: { commentId: number; again: boolean }): string {
  return `${pagePath}?markeret=${result.commentId}${result.again ? '&igen=1' : ''}#kommentar-${result.commentId}`;
}

/** The notice for a page reached after a flag (see flaggedLocation), if any. */
export function flagNotice(url: URL): { commentId: number; again: boolean } | undefined {
  const id = url.searchParams.get('markeret') ?? '';
  if (!/^[1-9]\d{0,15}$/.test(id)) return undefined;
  return { commentId: Number(id), again: url.searchParams.get('igen') === '1' };
}
