/**
 * `npm run digest [-- --force]`: puts together the subscribers' digests
 * (src/server/subscriptions/mail.ts, README "Subscriptions") against
 * DATABASE_URL, as the server does every day at SUBSCRIPTION_DIGEST_HOUR, and
 * sends what is in the subscriptions' outbox. Prints counts only, never an
 * address. A subscriber whose digest of the day was already made gets none;
 * with --force every confirmed subscriber gets the news since their last
 * digest now (e.g. after the server was down at the digest hour).
 *
 * Safe while the server runs: a digest is queued once (a conditional move of
 * its window) and a mail is sent once (the outbox's lease). Exit 0 when done;
 * 1 when SMTP_URL is not set, the configuration is invalid or sending failed
 * (the mails stay queued and are retried); 2 for a usage error.
 */
import { parseArgs } from 'node:util';
import { siteOrigin } from '../platform/config.ts';
import { loadConfigOrExit, usageExit } from './common.ts';
import { closeDb, describeDatabase, getDb } from '../db/connection.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { smtpSender } from '../platform/mail.ts';
import { deliverDueSubscriptionMails, runDigest } from '../subscriptions/mail.ts';

function usage(message?: string): never {
  return usageExit('Usage: npm run digest [-- --force]', message);
}

let force = false;
try {
  const parsed = parseArgs({ allowPositionals: false, options: { force: { type: 'boolean', default: false } } });
  force = parsed.values.force ?? false;
} catch (e) {
  usage(e instanceof Error ? e.message : String(e));
}

const cfg = loadConfigOrExit();
if (!cfg.mail) {
  process.stderr.write('SMTP_URL is not set: subscriptions are switched off, so there is no digest to send. See README "Subscriptions".\n');
  process.exit(1);
}

const db = getDb(cfg.databaseUrl);
try {
  await migrateDatabase(db);
  const origin = siteOrigin(cfg);
  const run = await runDigest(db, { hour: cfg.subscriptions.digestHour, force, origin });
  const sent = await deliverDueSubscriptionMails(db, smtpSender(cfg.mail), origin);
  process.stdout.write(
    `Digest on ${describeDatabase(cfg.databaseUrl)}${force ? ' (forced)' : ''}: ${run.due} subscriptions due, ${run.queued} digests queued; ` +
      `mails sent ${sent.sent}, failed ${sent.failed} (retried later), given up ${sent.givenUp}\n`,
  );
  if (sent.failed > 0) process.exitCode = 1;
} finally {
  await closeDb();
}
