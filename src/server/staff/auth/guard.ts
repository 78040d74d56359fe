/**
 * The staff gate, as a pure decision: given the path and who is signed in,
 * what should happen? The middleware carries the decision out.
 */
import type { SessionWithUser } from './session.ts';
import { can, isStaffPath, requiredPermission, STAFF_AUTH_PATHS } from '../../../lib/permissions.ts';

export type GateDecision =
  | { kind: 'public' }
  | { kind: 'allow' }
  | { kind: 'login' }
  | { kind: 'second_factor'; enrol: boolean }
  | { kind: 'forbidden' }
  /** A temporary password must be replaced before anything else. */
  | { kind: 'change_password' };

export function decideStaffAccess(path: string, staff: SessionWithUser | null): GateDecision {
  if (!isStaffPath(path)) return { kind: 'public' };
  const clean = path.replace(/\/$/, '') || '/';
  if (clean === '/staff/login') return { kind: 'allow' };
  if (!staff) return { kind: 'login' };
  if ((STAFF_AUTH_PATHS as readonly string[]).includes(clean)) return { kind: 'allow' };
  if (!staff.session.twoFactorVerified) return { kind: 'second_factor', enrol: staff.user.totpEnrolledAt === null };
  if (staff.user.passwordTemporary && clean !== '/staff/account' && clean !== '/staff/forbidden') return { kind: 'change_password' };
  const permission = requiredPermission(clean);
  if (permission !== null && !can(staff.user.role, permission)) return { kind: 'forbidden' };
  return { kind: 'allow' };
}
