/**
 * The outbox of report notices (report_notices), filled in the same
 * transaction as a status change and emptied by deliverDueNotices, which the
 * server runs after each change and once a minute. Two kinds:
 * - follow-up notices to reporters who left an e-mail address ("you said,
 *   we did"): the new status, the public note and the receipt link, in
 *   Danish and English (the report does not record the reporter's
 *   language); never the description or the place;
 * - notices to a partner's functional mailbox when a report is forwarded to
 *   it: the report's number, category, area and day and a link to the staff
 *   page (sign-in needed); no resident text, no point, no personal data.
 */
import { nameIn } from '../../lib/localized.ts';
import { and, asc, eq, lte } from 'drizzle-orm';
import { areas, reportCategories, reportNotices, reports, type ReportStatus } from '../../../db/schema.ts';
import { da } from '../../lib/i18n/da.ts';
import { en } from '../../lib/i18n/en.ts';
import { receiptNumber } from '../../lib/receipt-number.ts';
import type { Queryable } from '../db/connection.ts';
import { inList } from '../db/in-list.ts';
import { eraseRemnants } from '../db/remnants.ts';
import { transaction } from '../db/transaction.ts';
import { config, siteOrigin } from '../platform/config.ts';
import { deliverDueEventNotices } from '../content/event-notices.ts';
import { logger } from '../platform/logger.ts';
import { smtpSender, type OutgoingMail, type SendMail } from '../platform/mail.ts';
import { openAddress, sealAddress } from '../privacy/sealed.ts';

/** A notice is given up (and its address deleted) after this many failed attempts… */
export const MAX_NOTICE_ATTEMPTS = 8;
/** …or when it is older than this (seconds): two days. */
export const MAX_NOTICE_AGE_S = 2 * 24 * 3600;

/** How long a deliverer holds the notices it is sending (seconds). */
const LEASE_S = 300;

/**
 * Notices are due from the application's clock, not the database's: the
 * deliverer compares with the application's `now` (milliseconds), and
 * PostgreSQL's `now()` (microseconds, another machine's clock) could put a
 * fresh notice just after it, to wait for the next minute's run.
 */

/** Puts a reporter's notice in the outbox; call inside the transaction that changes the status. */
export async function queueReportNotice(tx: Queryable, reportId: number, email: string, status: ReportStatus, publicNote: string | null): Promise<void> {
  await tx.insert(reportNotices).values({ reportId, email: sealAddress(email), recipient: 'reporter', status, publicNote, nextAttemptAt: new Date() });
}

/** Puts a notice to a partner's mailbox (the report was forwarded to it) in the outbox; call inside the forwarding transaction. */
export async function queuePartnerNotice(tx: Queryable, reportId: number, mailbox: string): Promise<void> {
  await tx.insert(reportNotices).values({ reportId, email: sealAddress(mailbox), recipient: 'partner', status: 'forwarded', publicNote: null, nextAttemptAt: new Date() });
}

/** What a partner's notice tells about the report: nothing a resident wrote. */
export interface PartnerNoticeFacts {
  reportId: number;
  category: { nameDa: string; nameEn: string | null };
  area: { nameDa: string; nameEn: string };
  /** The day it was reported (YYYY-MM-DD). */
  createdOn: string;
}

/** The partner's notice: subject and text, in Danish then English; the link opens the report on the staff pages. */
export function composePartnerNotice(facts: PartnerNoticeFacts, staffUrl: string): Omit<OutgoingMail, 'to'> {
  const part = (m: typeof da | typeof en, lang: 'da' | 'en'): string => {
    const n = m.reports.partnerNotice;
    return [
      n.intro,
      '',
      `${n.number}: ${facts.reportId}`,
      `${n.category}: ${nameIn(lang, facts.category)}`,
      `${n.area}: ${nameIn(lang, facts.area)}`,
      `${n.reportedOn}: ${facts.createdOn}`,
      '',
      `${n.link}: ${staffUrl}`,
      '',
      n.footer,
    ].join('\n');
  };
  return {
    subject: `${da.reports.partnerNotice.subject} (${facts.reportId}) / ${en.reports.partnerNotice.subject}`,
    text: `${part(da, 'da')}\n\n— English —\n\n${part(en, 'en')}\n`,
  };
}

/**
 * "Send me the link" on the receipt page: one notice with the report's
 * current status and its link, to an address the resident types there. The
 * address is used for this one mail: it is not stored with the report, and
 * the notice that holds it is deleted once sent (or given up), like every
 * notice. False when there is no report with this receipt.
 */
export async function queueReceiptLink(db: Queryable, receipt: string, email: string): Promise<boolean> {
  const [report] = await db.select({ id: reports.id, status: reports.status }).from(reports).where(eq(reports.receipt, receipt)).limit(1);
  if (!report) return false;
  await queueReportNotice(db, report.id, email, report.status, null);
  return true;
}

/**
 * The notice's subject and text, in Danish then English. The same words
 * serve a status change and a link asked for on the receipt page (the
 * outbox does not record which it is): the status, any public note, the
 * receipt number and the link.
 */
export function composeReportNotice(notice: { status: ReportStatus; publicNote: string | null }, receiptUrl: string, number?: string): Omit<OutgoingMail, 'to'> {
  const part = (m: typeof da | typeof en): string => {
    const n = m.reports.notice;
    return [
      n.intro,
      '',
      ...(number ? [`${m.reports.receiptKeep.number}: ${number}`] : []),
      `${n.status}: ${m.reports.statuses[notice.status]}`,
      ...(notice.publicNote ? [`${n.note}: ${notice.publicNote}`] : []),
      '',
      `${n.link}: ${receiptUrl}`,
      '',
      n.footer,
    ].join('\n');
  };
  return {
    subject: `${da.reports.notice.subject}: ${da.reports.statuses[notice.status]} / ${en.reports.notice.subject}: ${en.reports.statuses[notice.status]}`,
    text: `${part(da)}\n\n— English —\n\n${part(en)}\n`,
  };
}

export interface DeliveryResult {
  sent: number;
  failed: number;
  givenUp: number;
}

/**
 * Sends every due notice, oldest first. A sent notice is deleted; a failed
 * one waits (1, 2, 4 … minutes, at most an hour) and is given up after
 * MAX_NOTICE_ATTEMPTS or MAX_NOTICE_AGE_S, deleting the address either way.
 */
export async function deliverDueNotices(db: Queryable, send: SendMail, origin: string, now = new Date()): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, givenUp: 0 };
  // Claim the due notices first (a lease of LEASE_S), in one transaction: a
  // second deliverer running meanwhile (the minute timer, the trigger after a
  // status change, another server process or instance) skips them, so no
  // notice goes out twice. The claim is conditional: on PostgreSQL a second
  // instance that read the same rows waits for this claim and then finds
  // them no longer due, so it sends only what it claimed itself.
  const lease = new Date(now.getTime() + LEASE_S * 1000);
  const due = await transaction(db, async (tx) => {
    const rows = await tx
      .select({
        notice: reportNotices,
        receipt: reports.receipt,
        createdOn: reports.createdOn,
        category: { nameDa: reportCategories.nameDa, nameEn: reportCategories.nameEn },
        area: { nameDa: areas.nameDa, nameEn: areas.nameEn },
      })
      .from(reportNotices)
      .innerJoin(reports, eq(reports.id, reportNotices.reportId))
      .innerJoin(reportCategories, eq(reportCategories.id, reports.categoryId))
      .innerJoin(areas, eq(areas.id, reports.areaId))
      .where(lte(reportNotices.nextAttemptAt, now))
      .orderBy(asc(reportNotices.id))
      .limit(100);
    if (rows.length === 0) return rows;
    const claimed = await tx
      .update(reportNotices)
      .set({ nextAttemptAt: lease })
      .where(and(inList(tx, reportNotices.id, rows.map((r) => r.notice.id)), lte(reportNotices.nextAttemptAt, now)))
      .returning({ id: reportNotices.id });
    const mine = new Set(claimed.map((c) => c.id));
    return rows.filter((r) => mine.has(r.notice.id));
  });
  for (const { notice, receipt, createdOn, category, area } of due) {
    const ageS = (now.getTime() - notice.createdAt.getTime()) / 1000;
    const to = openAddress(notice.email);
    // Too old, or sealed under a replaced secret: given up, and the address goes with it.
    if (ageS > MAX_NOTICE_AGE_S || to === undefined) {
      await db.delete(reportNotices).where(eq(reportNotices.id, notice.id));
      result.givenUp++;
      continue;
    }
    const mail =
      notice.recipient === 'partner'
        ? composePartnerNotice({ reportId: notice.reportId, category, area, createdOn }, new URL(`/staff/reports?report=${notice.reportId}`, origin).href)
        : composeReportNotice(notice, new URL(`/meld/${receipt}`, origin).href, receiptNumber(receipt));
    try {
      await send({ to, ...mail });
      await db.delete(reportNotices).where(eq(reportNotices.id, notice.id));
      result.sent++;
    } catch {
      const attempts = notice.attempts + 1;
      if (attempts >= MAX_NOTICE_ATTEMPTS) {
        await db.delete(reportNotices).where(eq(reportNotices.id, notice.id));
        result.givenUp++;
      } else {
        const waitS = Math.min(3600, 60 * 2 ** (attempts - 1));
        await db.update(reportNotices)
          .set({ attempts, nextAttemptAt: new Date(now.getTime() + waitS * 1000) })
          .where(eq(reportNotices.id, notice.id));
        result.failed++;
      }
    }
  }
  // Deleted notices held addresses: leave no copy in SQLite's write-ahead log (secure_delete zeroes the rows).
  if (result.sent + result.givenUp > 0) eraseRemnants(db);
  return result;
}

/**
 * Delivers due notices (reports' and events') in the background with the
 * configured SMTP server (nothing when none is configured). Called after each status change and
 * every minute by the server; errors are logged without addresses.
 */
export function deliverNoticesSoon(db: Queryable): void {
  const cfg = config();
  if (!cfg.mail) return;
  const origin = siteOrigin(cfg);
  senderCache ??= smtpSender(cfg.mail);
  const send = senderCache;
  deliverDueNotices(db, send, origin).then(
    (r) => {
      if (r.sent + r.failed + r.givenUp > 0) logger.info({ notices: r }, 'report notices delivered');
      if (r.givenUp > 0) logger.warn({ givenUp: r.givenUp }, 'report notices given up');
    },
    (error: unknown) => logger.error({ err: error }, 'report notice delivery failed'),
  );
  // The events' part of the outbox (sign-up confirmations, cancellation notices), under the same rules.
  deliverDueEventNotices(db, send, origin).then(
    (r) => {
      if (r.sent + r.failed + r.givenUp > 0) logger.info({ notices: r }, 'event notices delivered');
      if (r.givenUp > 0) logger.warn({ givenUp: r.givenUp }, 'event notices given up');
    },
    (error: unknown) => logger.error({ err: error }, 'event notice delivery failed'),
  );
}

let senderCache: SendMail | undefined;
