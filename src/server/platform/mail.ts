/**
 * Outgoing e-mail, through the SMTP server in SMTP_URL (nodemailer). The
 * platform sends report notices from one outbox (src/server/reports/notices.ts):
 * a reporter's follow-up notice, and a notice to a partner's functional
 * mailbox when a report is forwarded to it; and residents' subscription
 * mails from their own outbox (src/server/subscriptions/mail.ts). Nothing
 * here logs an address.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailConfig } from './config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on subscription mails. */
  headers?: Record<string, string>;
}

/** Sends one message; rejects when the server refuses it or cannot be reached. */
export type SendMail = (mail: OutgoingMail) => Promise<void>;

/** A sender for the configured SMTP server. */
export function smtpSender(mail: MailConfig): SendMail {
  const transport: Transporter = nodemailer.createTransport({
    url: mail.smtpUrl,
    // Fail within seconds: the outbox retries later rather than holding a request.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    // Never write message contents or addresses to our logs.
    logger: false,
    debug: false,
  });
  return async (message) => {
    await transport.sendMail({ from: mail.from, to: message.to, subject: message.subject, text: message.text, ...(message.headers ? { headers: message.headers } : {}) });
  };
}
