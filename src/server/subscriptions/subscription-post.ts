/**
 * Residents' subscription forms (README "Subscriptions"): the request
 * (/abonnement, also posted to from an area's initiatives list, an
 * initiative, the events list and /resultater), and the confirm and
 * unsubscribe links. Drops bots (honeypot), throttles per client and from
 * everyone (SUBSCRIPTIONS_PER_CLIENT, SUBSCRIPTIONS_PER_HOUR), validates,
 * and answers the same whether or not the address is already subscribed.
 * Without SMTP_URL there is nothing here: the pages answer 404.
 */
import type { Locale } from '../../lib/i18n/index.ts';
import { config, siteOrigin, type SubscriptionSettings } from '../platform/config.ts';
import type { Queryable } from '../db/connection.ts';
import { logger } from '../platform/logger.ts';
import { deliverSubscriptionMailsSoon } from './mail.ts';
import { confirmSubscription, normaliseAddress, requestSubscription, resolveTarget, SUBSCRIPTION_EMAIL_MAX, unsubscribe, type ConfirmResult } from './subscriptions.ts';
import { Throttle } from '../platform/throttle.ts';
import { field, readForm } from '../platform/form.ts';
import { EMAIL_PATTERN } from '../reports/report-post.ts';
import { HONEYPOT } from '../content/comment-post.ts';

export { HONEYPOT as SUBSCRIPTION_HONEYPOT };

/** The forms have a few short fields. */
export const SUBSCRIPTION_FORM_LIMIT = 4 * 1024;

export type SubscribeErrorKind = 'emailMissing' | 'emailInvalid' | 'topicMissing' | 'areaMissing' | 'unknownTarget' | 'throttled' | 'flood';

export interface SubscribeFormState {
  topic: string;
  area: string;
  initiative: string;
  email: string;
  errors: Partial<Record<'email' | 'topic' | 'area' | 'form', SubscribeErrorKind>>;
}

export type SubscribePostResult =
  /** Queued, or (same answer) dropped: a bot, or the address's daily limit. */
  | { kind: 'accepted' }
  | { kind: 'unavailable' }
  | { kind: 'invalid'; status: 400 | 429; state: SubscribeFormState; retryAfter?: number }
  | { kind: 'bad_request'; status: 400 | 413 | 415 };

const MINUTE = 60_000;
const limitThrottles = new Map<string, { client: Throttle; all: Throttle }>();
function throttlesFor(limits: Pick<SubscriptionSettings, 'perClient' | 'perHour'>): { client: Throttle; all: Throttle } {
  const key = `${limits.perClient}/${limits.perHour}`;
  let found = limitThrottles.get(key);
  if (!found) {
    found = { client: new Throttle('subscribeClient', limits.perClient, 10 * MINUTE), all: new Throttle('subscribeAll', limits.perHour, 60 * MINUTE) };
    limitThrottles.set(key, found);
  }
  return found;
}
/** Mails one address can be sent through the form a day (whatever it follows): nobody's inbox can be flooded from here. */
const perAddress = new Throttle('subscribeAddress', 3, 24 * 60 * MINUTE);
/** Unknown confirm or unsubscribe links tried per client in 10 minutes. */
const unknownLinks = new Throttle('subscriptionLinkClient', 20, 10 * MINUTE);
const EVERYONE = 'all';

export async function handleSubscribePost(
  db: Queryable,
  request: Request,
  context: { client: string; locale: Locale },
  limits: SubscriptionSettings = config().subscriptions,
): Promise<SubscribePostResult> {
  if (!config().mail) return { kind: 'unavailable' };
  const read = await readForm(request, SUBSCRIPTION_FORM_LIMIT);
  if (!read.ok) return { kind: 'bad_request', status: read.status };
  const form = read.form;
  if (field(form, HONEYPOT) !== '') {
    logger.info({ event: 'honeypot' }, 'subscription discarded');
    return { kind: 'accepted' };
  }
  const state: SubscribeFormState = { topic: field(form, 'topic'), area: field(form, 'area'), initiative: field(form, 'initiative'), email: field(form, 'email'), errors: {} };
  if (state.email === '') state.errors.email = 'emailMissing';
  else if (state.email.length > SUBSCRIPTION_EMAIL_MAX || !EMAIL_PATTERN.test(state.email)) state.errors.email = 'emailInvalid';
  const target = await resolveTarget(db, state.topic, { area: state.area, initiative: state.initiative });
  if (target === 'missing_topic') state.errors.topic = 'topicMissing';
  else if (target === 'missing_area') state.errors.area = 'areaMissing';
  else if (target === 'unknown') state.errors.topic = 'unknownTarget';
  if (Object.keys(state.errors).length > 0 || typeof target === 'string') return { kind: 'invalid', status: 400, state };

  // Everyone's requests first: a flood from many addresses is refused whoever sends the next one.
  const throttles = throttlesFor(limits);
  const all = await throttles.all.hit(db, EVERYONE);
  if (!all.ok) {
    logger.warn({ event: 'subscription_flood' }, 'subscriptions refused: the hourly limit for all clients is reached');
    return { kind: 'invalid', status: 429, state: { ...state, errors: { form: 'flood' } }, retryAfter: all.retryAfter };
  }
  const mine = await throttles.client.hit(db, context.client);
  if (!mine.ok) return { kind: 'invalid', status: 429, state: { ...state, errors: { form: 'throttled' } }, retryAfter: mine.retryAfter };
  // Beyond the address's daily limit the answer is the same and no mail is queued: saying so would tell who asked for it.
  const address = await perAddress.hit(db, normaliseAddress(state.email));
  if (!address.ok) return { kind: 'accepted' };
  const queued = await requestSubscription(db, { email: state.email, target, locale: context.locale, origin: siteOrigin() });
  if (!queued) return { kind: 'invalid', status: 400, state: { ...state, errors: { topic: 'unknownTarget' } } };
  void deliverSubscriptionMailsSoon(db);
  return { kind: 'accepted' };
}

/** Counts an unknown link from a client; false when it has tried too many (the page then says so, 429). */
export async function countUnknownLink(db: Queryable, client: string): Promise<{ ok: boolean; retryAfter: number }> {
  return unknownLinks.hit(db, client);
}

/** The confirmation page's POST (the button): the form has no fields but must be a form. */
export async function handleConfirmPost(db: Queryable, request: Request, token: string): Promise<ConfirmResult | { kind: 'bad_request'; status: 400 | 413 | 415 }> {
  const read = await readForm(request, SUBSCRIPTION_FORM_LIMIT);
  if (!read.ok) return { kind: 'bad_request', status: read.status };
  return confirmSubscription(db, token);
}

/**
 * The unsubscribe POST: the page's button, or a mail client's one-click
 * request (RFC 8058: `List-Unsubscribe=One-Click` as a form body, from
 * another server, without cookies). Either way the token alone decides.
 */
export async function handleUnsubscribePost(db: Queryable, request: Request, token: string): Promise<{ kind: 'done' } | { kind: 'unknown' } | { kind: 'bad_request'; status: 400 | 413 | 415 }> {
  const read = await readForm(request, SUBSCRIPTION_FORM_LIMIT);
  if (!read.ok) return { kind: 'bad_request', status: read.status };
  return (await unsubscribe(db, token)) ? { kind: 'done' } : { kind: 'unknown' };
}
