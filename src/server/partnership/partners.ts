/**
 * The partnership's parties: their functional mailboxes, the routing of
 * report categories to them, and the one rule for signing as a partner.
 *
 * Signing: an official reply to a comment and a public note on a report are
 * published under a partner's name. A staff member signs with their own
 * account's partner (users.partner_id) and with no other: a form that asks
 * for another partner's id is refused (nothing stored) and audited as
 * `partner.sign_refused`, and an account without a partner cannot sign.
 * Every place that signs goes through signingPartner().
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { partners, reportCategories, users, type Partner } from '../../../db/schema.ts';
import { recordAudit } from '../staff/audit.ts';
import type { Queryable } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';

export async function listPartners(db: Queryable): Promise<Partner[]> {
  return db.select().from(partners).orderBy(asc(partners.displayOrder), asc(partners.id));
}

export async function findPartner(db: Queryable, id: number): Promise<Partner | undefined> {
  const [partner] = await db.select().from(partners).where(eq(partners.id, id)).limit(1);
  return partner;
}

/** Why signing as a partner was refused. */
export type SignRefusal =
  /** The account belongs to no partner: ask an admin to set one at /staff/users. */
  | 'no_partner'
  /** The form asked for a partner that is not the account's own. */
  | 'other_partner'
  /** The form asked for a partner id that does not exist. */
  | 'unknown_partner';

export type Signing = { ok: true; partner: Partner } | { ok: false; reason: SignRefusal };

/**
 * The partner a staff member signs with: always their own account's partner,
 * read from the database in the caller's transaction (so a partner changed
 * by an admin a moment ago counts). `requested` is what a form asked for, if
 * anything; a request for any other partner is refused, never corrected.
 */
export async function signingPartner(db: Queryable, userId: number, requested?: number | null): Promise<Signing> {
  if (requested !== undefined && requested !== null && !(await findPartner(db, requested))) return { ok: false, reason: 'unknown_partner' };
  const [user] = await db.select({ partnerId: users.partnerId }).from(users).where(eq(users.id, userId)).limit(1);
  const own = user?.partnerId ? await findPartner(db, user.partnerId) : undefined;
  if (!own) return { ok: false, reason: 'no_partner' };
  if (requested !== undefined && requested !== null && requested !== own.id) return { ok: false, reason: 'other_partner' };
  return { ok: true, partner: own };
}

/** Audits a refused signature (`partner.sign_refused`): who, what they tried to sign, and as whom. */
export async function recordSignRefusal(
  db: Queryable,
  input: { userId: number; requested?: number | null | undefined; reason: SignRefusal; what: string },
): Promise<void> {
  await recordAudit(db, {
    userId: input.userId,
    action: 'partner.sign_refused',
    entityType: 'partner',
    entityId: input.requested ?? null,
    summary: `${input.what}: ${input.reason}${input.requested ? ` (asked for partner #${input.requested})` : ''}`,
  });
}

/** A functional mailbox as admins type it: an e-mail address, or empty for none. */
export const mailboxSchema = z
  .string()
  .trim()
  .max(254)
  .transform((x) => x.toLowerCase())
  .pipe(z.union([z.literal(''), z.email()]))
  .transform((x) => (x === '' ? null : x));

export type MailboxResult = 'ok' | 'not_found' | 'invalid_mailbox';

/**
 * Sets (or clears, with '') a partner's functional mailbox, and whether it is
 * shown to everyone on /om (`shown`; an empty mailbox is never shown).
 * Audited.
 */
export async function setPartnerMailbox(db: Queryable, partnerId: number, mailbox: string, actorId: number, shown = false): Promise<MailboxResult> {
  const parsed = mailboxSchema.safeParse(mailbox);
  if (!parsed.success) return 'invalid_mailbox';
  const mailboxPublic = shown && parsed.data !== null;
  return transaction(db, async (tx) => {
    const before = await findPartner(tx, partnerId);
    if (!before) return 'not_found';
    await tx.update(partners).set({ mailbox: parsed.data, mailboxPublic }).where(eq(partners.id, partnerId));
    const visibility = before.mailboxPublic === mailboxPublic ? '' : mailboxPublic ? ', now shown on /om' : ', no longer shown on /om';
    await recordAudit(tx, {
      userId: actorId,
      action: 'partner.mailbox',
      entityType: 'partner',
      entityId: partnerId,
      summary: `${before.slug}: ${before.mailbox ?? '∅'} → ${parsed.data ?? '∅'}${visibility}`,
    });
    return 'ok';
  });
}

export type RouteResult = 'ok' | 'not_found' | 'unknown_partner';

/** Routes a report category to a partner (null: no default, staff choose when forwarding). Audited. */
export async function setCategoryRoute(db: Queryable, categoryId: number, partnerId: number | null, actorId: number): Promise<RouteResult> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(reportCategories).where(eq(reportCategories.id, categoryId)).limit(1);
    if (!before) return 'not_found';
    const partner = partnerId === null ? undefined : await findPartner(tx, partnerId);
    if (partnerId !== null && !partner) return 'unknown_partner';
    await tx.update(reportCategories).set({ partnerId }).where(eq(reportCategories.id, categoryId));
    await recordAudit(tx, {
      userId: actorId,
      action: 'category.route',
      entityType: 'report_category',
      entityId: categoryId,
      summary: `${before.slug}: partner #${before.partnerId ?? '–'} → ${partner ? `#${partner.id} (${partner.slug})` : '–'}`,
    });
    return 'ok';
  });
}
