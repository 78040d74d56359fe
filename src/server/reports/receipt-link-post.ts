/**
 * "Send me the link" on a report's receipt page: an e-mail address, used once
 * to queue one notice (the receipt link and the current status) in the
 * outbox, and not kept: it is never stored with the report, the notice is
 * deleted once sent, and the address is never logged. Throttled per client
 * and per report, like the other residents' forms. Without SMTP_URL the page
 * offers no form and a post gets 404.
 */
import type { Queryable } from '../db/connection.ts';
import { config } from '../platform/config.ts';
import { deliverNoticesSoon, queueReceiptLink } from './notices.ts';
import { EMAIL_MAX } from './reports.ts';
import { throttles } from '../platform/throttle.ts';
import { field, readForm } from '../platform/form.ts';
import { EMAIL_PATTERN } from './report-post.ts';

/** The form has one short field. */
export const RECEIPT_LINK_FORM_LIMIT = 2 * 1024;

export type ReceiptLinkError = 'linkEmailMissing' | 'emailInvalid' | 'linkThrottled';

export type ReceiptLinkResult =
  | { kind: 'sent' }
  | { kind: 'unavailable' }
  | { kind: 'invalid'; status: 400 | 429; error: ReceiptLinkError; email: string; retryAfter?: number }
  | { kind: 'bad_request'; status: 400 | 413 | 415 };

export async function handleReceiptLinkPost(db: Queryable, request: Request, context: { client: string; receipt: string }): Promise<ReceiptLinkResult> {
  if (!config().mail) return { kind: 'unavailable' };
  const read = await readForm(request, RECEIPT_LINK_FORM_LIMIT);
  if (!read.ok) return { kind: 'bad_request', status: read.status };
  const email = field(read.form, 'email');
  if (email === '') return { kind: 'invalid', status: 400, error: 'linkEmailMissing', email };
  if (email.length > EMAIL_MAX || !EMAIL_PATTERN.test(email)) return { kind: 'invalid', status: 400, error: 'emailInvalid', email };
  for (const [throttle, key] of [
    [throttles.receiptLinkClient, context.client],
    [throttles.receiptLinkReport, context.receipt],
  ] as const) {
    const hit = await throttle.hit(db, key);
    if (!hit.ok) return { kind: 'invalid', status: 429, error: 'linkThrottled', email, retryAfter: hit.retryAfter };
  }
  if (!(await queueReceiptLink(db, context.receipt, email))) return { kind: 'unavailable' };
  deliverNoticesSoon(db);
  return { kind: 'sent' };
}
