/** Vitest global setup for the http and browser projects: one built server per project run. */
import type { TestProject } from 'vitest/node';
import { startMailbox } from './mailbox.ts';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dbPath: string;
    /** Directory where the test SMTP server writes what the site sends (see mailbox.ts). */
    mailDir: string;
  }
}

export default async function setup(project: TestProject) {
  // Behind-a-proxy mode, so tests can speak for distinct clients with
  // X-Forwarded-For (in-memory throttles are per client).
  const mailbox = await startMailbox();
  const server = await startServer({ TRUST_PROXY: 'true', SMTP_URL: mailbox.smtpUrl, MAIL_FROM: 'Tryghed test <noreply@tryghed.invalid>' });
  project.provide('baseUrl', server.url);
  project.provide('dbPath', server.dbPath);
  project.provide('mailDir', mailbox.dir);
  return async () => {
    await server.stop();
    await mailbox.close();
  };
}
