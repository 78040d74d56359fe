/**
 * A real SMTP server on loopback (smtp-server) that writes every message it
 * receives to a directory, one file each: the http and browser tests' mail
 * server, so follow-up notices are tested as sent over SMTP.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { freePort } from './server.ts';

export interface Mailbox {
  smtpUrl: string;
  dir: string;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const dir = mkdtempSync(join(tmpdir(), 'tryghed-mail-'));
  const port = await freePort();
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        writeFileSync(join(dir, `${String(++n).padStart(4, '0')}.eml`), `X-Envelope-To: ${to}\r\n${Buffer.concat(chunks).toString('utf8')}`);
        callback();
      });
    },
  });
  // A sending server stopped by its test while connected resets the socket
  // (ECONNRESET, or EPIPE when the sink answers into it): not a failure of
  // any test, and without a listener it would be an uncaught error in the
  // test process. Any other error is printed, so it is seen without failing
  // whichever test happens to run.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') console.error('SMTP sink:', error);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { smtpUrl: `smtp://127.0.0.1:${port}`, dir, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface ReceivedMail {
  to: string;
  /** Headers and body as received (quoted-printable soft breaks joined). */
  raw: string;
}

/** Every message received so far, oldest first. */
export function readMailbox(dir: string): ReceivedMail[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(dir, f), 'utf8');
      return { to: /^X-Envelope-To: (.*)$/m.exec(raw)?.[1]?.trim() ?? '', raw };
    });
}

/** Waits until a message to `to` arrives (the server sends in the background). */
export async function waitForMail(dir: string, to: string, count = 1, timeoutMs = 10_000): Promise<ReceivedMail[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mails = readMailbox(dir).filter((m) => m.to === to);
    if (mails.length >= count) return mails;
    if (Date.now() > until) throw new Error(`no mail to ${to} within ${timeoutMs} ms (got ${mails.length})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
