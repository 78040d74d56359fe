/**
 * Demo staff: one account per role, with known passwords and one fixed TOTP
 * key, so that a newcomer (and the browser tests) can sign in. Only seeded
 * when demo data is enabled, and printed by `npm start`.
 */
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { ROLES, type Role } from '../../../db/schema.ts';

/** The demo TOTP key (base32). Add it to an authenticator app to sign in as any demo user. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const demoTotpKey = (): Uint8Array => decodeBase32IgnorePadding(DEMO_TOTP_SECRET);

export interface DemoAccount {
  email: string;
  password: string;
  role: Role;
  displayName: string;
  partnerSlug: string | null;
}

/** Name, partner and a password word per role (the password may not contain the e-mail name). */
const demo: Record<Role, [string, string | null, string]> = {
  admin: ['Demo Administrator', 'center-for-sikker-by', 'fyrtaarn'],
  editor: ['Demo Redaktør', 'omraadefornyelsen', 'cykelsti'],
  moderator: ['Demo Moderator', 'omraadefornyelsen', 'bibliotek'],
  analyst: ['Demo Analytiker', 'center-for-sikker-by', 'kanelsnegl'],
  viewer: ['Demo Læser', 'politi', 'springvand'],
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = ROLES.map((role) => ({
  email: `${role}@demo.tryghed.invalid`,
  password: `tryghed-demo-${demo[role][2]}`,
  role,
  displayName: demo[role][0],
  partnerSlug: demo[role][1],
}));
