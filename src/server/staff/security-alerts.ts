/**
 * Alerts to administrators about attacks on staff accounts: an entry in the
 * audit log (shown at /staff/audit), and, when SMTP_URL is set, an e-mail to
 * every active admin through the site's SMTP sender (src/server/platform/mail.ts).
 * Sending happens in the background; a failure is logged, never shown.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { users } from '../../../db/schema.ts';
import { recordAudit } from './audit.ts';
import { config } from '../platform/config.ts';
import type { Queryable } from '../db/connection.ts';
import { logger } from '../platform/logger.ts';
import { smtpSender, type SendMail } from '../platform/mail.ts';

export interface SecurityAlert {
  /** e.g. `security.login_attack`. */
  action: string;
  /** The account concerned. */
  userId: number;
  /** One line for the audit log and the mail's subject: no passwords, codes or addresses of clients. */
  summary: string;
}

let sender: SendMail | undefined;

/** Records the alert and e-mails the admins (when mail is configured). Returns the addresses mailed. */
export async function alertAdmins(db: Queryable, alert: SecurityAlert, send?: SendMail): Promise<string[]> {
  await recordAudit(db, { userId: null, action: alert.action, entityType: 'user', entityId: alert.userId, summary: alert.summary });
  const mail = config().mail;
  const deliver = send ?? (mail ? (sender ??= smtpSender(mail)) : undefined);
  if (!deliver) return [];
  const admins = await db.select({ email: users.email }).from(users).where(and(eq(users.role, 'admin'), isNull(users.disabledAt)));
  const text =
    `${alert.summary}\n\n` +
    'Tryghed har registreret mange mislykkede forsøg på en medarbejderkonto. Se revisionsloggen under /staff/audit.\n' +
    'Tryghed has recorded many failed attempts on a staff account. See the audit log at /staff/audit.\n';
  for (const admin of admins) {
    deliver({ to: admin.email, subject: `Tryghed: ${alert.summary}`.slice(0, 200), text }).catch((error: unknown) => {
      logger.warn({ err: error instanceof Error ? error.message : String(error), action: alert.action }, 'security alert mail failed');
    });
  }
  return admins.map((a) => a.email);
}
