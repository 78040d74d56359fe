/** The demo staff logins, as printed by `npm start` when demo data is on and the demo accounts exist. */
import { like } from 'drizzle-orm';
import { users } from '../../../db/schema.ts';
import type { Queryable } from '../db/connection.ts';
import { totpKeyText } from '../staff/auth/totp.ts';
import { DEMO_ACCOUNTS, demoTotpKey } from './demo-staff.ts';
import { DEMO_OPEN311_KEY, findOpen311Key } from '../reports/open311-keys.ts';

export async function demoLoginNote(db: Queryable): Promise<string> {
  const present = new Set(
    (await db.select({ email: users.email }).from(users).where(like(users.email, '%@demo.tryghed.invalid'))).map((u) => u.email),
  );
  const accounts = DEMO_ACCOUNTS.filter((a) => present.has(a.email));
  if (accounts.length === 0) return '';
  const lines = accounts.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(32)} ${a.password}`);
  return [
    '',
    'Demo staff logins (demo data only; never enable demo data in production):',
    ...lines,
    `  Second factor: add the key ${totpKeyText(demoTotpKey())} to an authenticator app,`,
    '  or print the current code with `npm run staff -- demo-code`.',
    ...((await findOpen311Key(db, DEMO_OPEN311_KEY)) ? [`Demo Open311 api_key (for POST requests.json): ${DEMO_OPEN311_KEY}`] : []),
    '',
  ].join('\n');
}
