/** Vitest global setup for the http and browser projects: one built server per project run. */
import type { TestProject } from 'vitest/node';
import { isPostgresUrl } from '../../src/server/db/postgres.ts';
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
  // The http-pg project sets DATABASE_URL to a PostgreSQL server for its test
  // files; this setup runs outside that environment, so it reads the project's.
  const onPostgres = isPostgresUrl(project.config.env?.['DATABASE_URL'] ?? '');
  const server = await startServer({ TRUST_PROXY: 'true', SMTP_URL: mailbox.smtpUrl, MAIL_FROM: 'Tryghed test <noreply@tryghed.invalid>' }, undefined, onPostgres);
  project.provide('baseUrl', server.url);
  project.provide('dbPath', server.dbPath);
  project.provide('mailDir', mailbox.dir);
  return async () => {
    await server.stop();
    await mailbox.close();
  };
}
