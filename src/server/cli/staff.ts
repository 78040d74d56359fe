/**
 * `npm run staff -- <command>`: staff accounts from the command line.
 *
 *   create --email X --role ROLE [--name "Full Name"] [--partner SLUG]
 *   disable --email X
 *   enable --email X
 *   reset-password --email X
 *   demo-code            the current TOTP code of the demo accounts' key
 *   open311-key --name "Client"   a new Open311 api_key for a client (printed once)
 *   open311-keys                  the Open311 keys (names, not the keys)
 *   open311-revoke --id N         revokes an Open311 key
 *
 * New and reset passwords are random and printed once; the person sets up
 * two-step verification at first sign-in. Every change is audited (as the
 * command line).
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../../db/schema.ts';
import { currentTotp } from '../staff/auth/totp.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { closeDb, getDb } from '../db/connection.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createOpen311Key, listOpen311Keys, revokeOpen311Key } from '../reports/open311-keys.ts';
import { listPartners } from '../partnership/partners.ts';
import { demoTotpKey } from '../seed/demo-staff.ts';
import { createUser, findUserByEmail, setPassword, setUserDisabled, temporaryPassword, UserError } from '../staff/users.ts';

function usage(message?: string): never {
  if (message) process.stderr.write(`${message}\n\n`);
  process.stderr.write(
    'Usage: npm run staff -- create --email X --role ' +
      ROLES.join('|') +
      ' [--name "Full Name"] [--partner SLUG]\n' +
      '       npm run staff -- disable|enable|reset-password --email X\n' +
      '       npm run staff -- demo-code\n' +
      '       npm run staff -- open311-key --name "Client" | open311-keys | open311-revoke --id N\n',
  );
  process.exit(2);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, partner: { type: 'string' }, id: { type: 'string' } },
});
const [command] = positionals;

if (command === 'demo-code') {
  process.stdout.write(`${currentTotp(demoTotpKey())}\n`);
  process.exit(0);
}

let cfg;
try {
  cfg = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) usage(e.message);
  throw e;
}
const db = getDb(cfg.databaseUrl);
await migrateDatabase(db);

try {
  if (command?.startsWith('open311-')) {
    if (command === 'open311-key') {
      if (!values.name?.trim()) usage('--name is required (who the key is for).');
      const { key, row } = await createOpen311Key(db, values.name, null);
      process.stdout.write(`Open311 api_key for "${row.name}" (id ${row.id}), shown once:\n${key}\n`);
    } else if (command === 'open311-keys') {
      for (const k of await listOpen311Keys(db)) process.stdout.write(`${k.id}\t${k.name}\t${k.createdAt.toISOString()}\t${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active'}\n`);
    } else if (command === 'open311-revoke') {
      const id = Number(values.id);
      if (!Number.isInteger(id) || id <= 0) usage('--id N is required.');
      if (!(await revokeOpen311Key(db, id, null))) usage(`No active Open311 key ${id}.`);
      process.stdout.write(`Revoked Open311 key ${id}.\n`);
    } else usage(`Unknown command "${command}".`);
    process.exitCode = 0;
  } else {
    const email = values.email;
    if (!email) usage('--email is required.');
    switch (command) {
      case 'create': {
        const role = values.role as Role | undefined;
        if (!role || !ROLES.includes(role)) usage(`--role must be one of ${ROLES.join(', ')}.`);
        const partner = values.partner ? (await listPartners(db)).find((p) => p.slug === values.partner) : undefined;
        if (values.partner && !partner) usage(`Unknown partner "${values.partner}". Known: ${(await listPartners(db)).map((p) => p.slug).join(', ')}`);
        const password = temporaryPassword();
        await createUser(db, { email, displayName: values.name ?? email, role, partnerId: partner?.id ?? null, password, temporary: true }, null);
        process.stdout.write(`Created ${email.toLowerCase()} (${role}).\nTemporary password: ${password}\nTwo-step verification is set up at first sign-in, and the password must then be changed.\n`);
        break;
      }
      case 'disable':
      case 'enable': {
        const user = await findUserByEmail(db, email);
        if (!user) usage(`No staff account ${email}.`);
        await setUserDisabled(db, user.id, command === 'disable', null);
        process.stdout.write(`${command === 'disable' ? 'Disabled' : 'Enabled'} ${user.email}${command === 'disable' ? '; all its sessions have ended' : ''}.\n`);
        break;
      }
      case 'reset-password': {
        const user = await findUserByEmail(db, email);
        if (!user) usage(`No staff account ${email}.`);
        const password = temporaryPassword();
        await setPassword(db, user.id, password, null);
        process.stdout.write(`New temporary password for ${user.email}: ${password}\nAll its sessions have ended.\n`);
        break;
      }
      default:
        usage(command ? `Unknown command "${command}".` : undefined);
    }
  }
} catch (e) {
  if (e instanceof UserError) {
    process.stderr.write(e.code === 'email_taken' ? 'A staff account with that e-mail exists already.\n' : `${e.message}\n`);
    process.exit(1);
  }
  throw e;
} finally {
  await closeDb();
}
