/**
 * Follow-up notices to reporters who left an e-mail address ("you said, we
 * did"): an outbox in the database (report_notices), filled in the same
 * transaction as a status change and emptied by deliverDueNotices, which the
 * server runs after each change and once a minute. A notice tells the new
 * status, the public note and the receipt link, in Danish and English (the
 * report does not record the reporter's language); never the description or
 * the place.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import { reportNotices, reports, type ReportStatus } from '../../db/schema.ts';
import { da } from '../lib/i18n/da.ts';
import { en } from '../lib/i18n/en.ts';
import type { Queryable } from './db/connection.ts';
import { inList } from './db/in-list.ts';
import { transaction } from './db/transaction.ts';
import { config, siteOrigin } from './config.ts';
import { logger } from './logger.ts';
import { smtpSender, type OutgoingMail, type SendMail } from './mail.ts';

/** A notice is given up (and its address deleted) after this many failed attempts… */
export const MAX_NOTICE_ATTEMPTS = 8;
/** …or when it is older than this (seconds): two days. */
export const MAX_NOTICE_AGE_S = 2 * 24 * 3600;

/** How long a deliverer holds the notices it is sending (seconds). */
const LEASE_S = 300;

/** Puts a notice in the outbox; call inside the transaction that changes the status. */
export async function queueReportNotice(tx: Queryable, reportId: number, email: string, status: ReportStatus, publicNote: string | null): Promise<void> {
  await tx.insert(reportNotices).values({ reportId, email, status, publicNote });
}

/** The notice's subject and text, in Danish then English. */
export function composeReportNotice(notice: { status: ReportStatus; publicNote: string | null }, receiptUrl: string): Omit<OutgoingMail, 'to'> {
  const part = (m: typeof da | typeof en): string => {
    const n = m.reports.notice;
    return [
      n.intro,
      '',
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
      .select({ notice: reportNotices, receipt: reports.receipt })
      .from(reportNotices)
      .innerJoin(reports, eq(reports.id, reportNotices.reportId))
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
  for (const { notice, receipt } of due) {
    const ageS = (now.getTime() - notice.createdAt.getTime()) / 1000;
    if (ageS > MAX_NOTICE_AGE_S) {
      await db.delete(reportNotices).where(eq(reportNotices.id, notice.id));
      result.givenUp++;
      continue;
    }
    const receiptUrl = new URL(`/meld/${receipt}`, origin).href;
    try {
      await send({ to: notice.email, ...composeReportNotice(notice, receiptUrl) });
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
  return result;
}

/**
 * Delivers due notices in the background with the configured SMTP server
 * (nothing when none is configured). Called after each status change and
 * every minute by the server; errors are logged without addresses.
 */
export function deliverNoticesSoon(db: Queryable): void {
  const cfg = config();
  if (!cfg.mail) return;
  const origin = siteOrigin(cfg);
  senderCache ??= smtpSender(cfg.mail);
  deliverDueNotices(db, senderCache, origin).then(
    (r) => {
      if (r.sent + r.failed + r.givenUp > 0) logger.info({ notices: r }, 'report notices delivered');
      if (r.givenUp > 0) logger.warn({ givenUp: r.givenUp }, 'report notices given up');
    },
    (error: unknown) => logger.error({ err: error }, 'report notice delivery failed'),
  );
}

let senderCache: SendMail | undefined;
