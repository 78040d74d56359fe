/**
 * A resident's sign-up from an event page, and a cancellation from a
 * sign-up's own page. Sign-up: read the small form, drop bots (honeypot),
 * validate, throttle (everyone per hour against a flood, then per client),
 * and sign up in one transaction (src/server/content/event-signups.ts). The address
 * is accepted only when mail is configured. Returns what the page should
 * do; the pages stay thin edges.
 */
import type { Locale } from '../../lib/i18n/index.ts';
import { config } from '../platform/config.ts';
import type { Queryable } from '../db/connection.ts';
import { cancelSignup, EMAIL_MAX, EVENT_SIGNUP_MAX_PEOPLE, findRepeatedSignup, placesLeftShown, signUp, SUBMISSION_PATTERN, type CancelSignupResult } from './event-signups.ts';
import { logger } from '../platform/logger.ts';
import { deliverNoticesSoon } from '../reports/notices.ts';
import { Throttle } from '../platform/throttle.ts';
import { field, readForm } from '../platform/form.ts';
import { HONEYPOT } from './comment-post.ts';
import { EMAIL_PATTERN } from '../reports/report-post.ts';

/** The form has two short fields and the honeypot. */
export const SIGNUP_FORM_LIMIT = 4 * 1024;

export type SignupError = 'people' | 'email' | 'full' | 'closed' | 'cancelled' | 'throttled' | 'flood';

export interface SignupFormState {
  people: string;
  email: string;
  /** The form's one-time submission value, kept when the form comes back, so fixing and resending it is still one sign-up. */
  submission: string;
  errors: Partial<Record<'people' | 'email' | 'form', SignupError>>;
  /** Places left, for the `full` message (undefined: not to be shown, fewer than K have signed up). */
  left?: number | undefined;
}

export type SignupPostResult =
  | { kind: 'signed_up'; token: string }
  /** A bot filled the honeypot: it is shown a plain notice and nothing is stored. */
  | { kind: 'discarded' }
  | { kind: 'invalid'; status: 400 | 409 | 429; state: SignupFormState; retryAfter?: number }
  | { kind: 'bad_request'; status: 400 | 413 | 415 };

/** The sign-up limits (README "Configuration": EVENT_SIGNUPS_PER_CLIENT, EVENT_SIGNUPS_PER_HOUR). */
export interface SignupLimits {
  perClient: number;
  perHour: number;
}

const MINUTE = 60_000;
const signupThrottles = new Map<string, { client: Throttle; all: Throttle }>();
function throttlesFor(limits: SignupLimits): { client: Throttle; all: Throttle } {
  const key = `${limits.perClient}/${limits.perHour}`;
  let found = signupThrottles.get(key);
  if (!found) {
    found = { client: new Throttle('eventSignupClient', limits.perClient, 10 * MINUTE), all: new Throttle('eventSignupAll', limits.perHour, 60 * MINUTE) };
    signupThrottles.set(key, found);
  }
  return found;
}
/** Confirmations to one address: 3 a day, so the form cannot be used to send many mails to a stranger (key hashed like every throttle key). */
const signupAddress = new Throttle('eventSignupAddress', 3, 24 * 60 * MINUTE);

export async function handleSignupPost(
  db: Queryable,
  request: Request,
  context: { locale: Locale; client: string; eventId: number },
  limits: SignupLimits = config().eventSignups,
): Promise<SignupPostResult> {
  const read = await readForm(request, SIGNUP_FORM_LIMIT);
  if (!read.ok) return { kind: 'bad_request', status: read.status };
  const form = read.form;
  if (field(form, HONEYPOT) !== '') {
    logger.info({ event: 'honeypot' }, 'event sign-up discarded');
    return { kind: 'discarded' };
  }
  const mailOn = config().mail !== undefined;
  const state: SignupFormState = { people: field(form, 'people'), email: mailOn ? field(form, 'email') : '', submission: field(form, 'submission'), errors: {} };
  const people = /^\d{1,2}$/.test(state.people) ? Number(state.people) : NaN;
  if (!(people >= 1 && people <= EVENT_SIGNUP_MAX_PEOPLE)) state.errors.people = 'people';
  if (state.email !== '' && (state.email.length > EMAIL_MAX || !EMAIL_PATTERN.test(state.email))) state.errors.email = 'email';
  if (Object.keys(state.errors).length > 0) return { kind: 'invalid', status: 400, state };

  // A repeat of a form that was stored (double click, resend) leads to the first sign-up's page: not throttled, nothing new.
  if (SUBMISSION_PATTERN.test(state.submission)) {
    const earlier = await findRepeatedSignup(db, context.eventId, state.submission);
    if (earlier) return { kind: 'signed_up', token: earlier.token };
  }
  // Everyone's sign-ups first: a flood from many addresses is refused whoever sends the next one.
  const all = await throttlesFor(limits).all.hit(db, 'all');
  if (!all.ok) {
    logger.warn({ event: 'event_signup_flood' }, 'event sign-ups refused: the hourly limit for all clients is reached');
    return { kind: 'invalid', status: 429, state: { ...state, errors: { form: 'flood' } }, retryAfter: all.retryAfter };
  }
  const mine = await throttlesFor(limits).client.hit(db, context.client);
  if (!mine.ok) return { kind: 'invalid', status: 429, state: { ...state, errors: { form: 'throttled' } }, retryAfter: mine.retryAfter };
  if (state.email !== '') {
    const address = await signupAddress.hit(db, state.email.toLowerCase());
    if (!address.ok) return { kind: 'invalid', status: 429, state: { ...state, errors: { form: 'throttled' } }, retryAfter: address.retryAfter };
  }

  const result = await signUp(db, { eventId: context.eventId, people, email: state.email === '' ? null : state.email, locale: context.locale, submission: state.submission });
  if (!result.ok) {
    if (result.reason === 'people') return { kind: 'invalid', status: 400, state: { ...state, errors: { people: 'people' } } };
    if (result.reason === 'full') {
      // How many places are left is said only once K have signed up (placesLeftShown); below that, only that there
      // is not room, unless none is left (which the page says anyway: fully booked).
      const exact = result.left ?? 0;
      const left = exact === 0 || placesLeftShown(result.signedUp ?? 0, config().privacyK) ? exact : undefined;
      return { kind: 'invalid', status: 409, state: { ...state, errors: { form: 'full' }, left } };
    }
    return { kind: 'invalid', status: 409, state: { ...state, errors: { form: result.reason === 'cancelled' ? 'cancelled' : 'closed' } } };
  }
  if (state.email !== '' && !result.repeated) deliverNoticesSoon(db);
  return { kind: 'signed_up', token: result.token };
}

/** Cancel links tried per client: 20 per 10 minutes (a 256-bit token cannot be guessed; this keeps the page from being hammered). */
const cancelClient = new Throttle('eventSignupCancelClient', 20, 10 * MINUTE);

export type CancelPostResult = CancelSignupResult | { ok: false; reason: 'throttled'; retryAfter: number } | { ok: false; reason: 'bad_request'; status: 400 | 413 | 415 };

/** A resident's "cancel my sign-up" post (the token is in the page's URL, not the form). */
export async function handleCancelPost(db: Queryable, request: Request, context: { client: string; token: string }): Promise<CancelPostResult> {
  const read = await readForm(request, 1024);
  if (!read.ok) return { ok: false, reason: 'bad_request', status: read.status };
  const hit = await cancelClient.hit(db, context.client);
  if (!hit.ok) return { ok: false, reason: 'throttled', retryAfter: hit.retryAfter };
  return cancelSignup(db, context.token);
}
