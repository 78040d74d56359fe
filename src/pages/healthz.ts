/**
 * GET /healthz: JSON for load balancers and monitoring; 503 when not healthy.
 * The public gets only `{ "ok": true|false }`; the database state and the
 * migration name are for signed-in admins (they tell an attacker the version).
 */
import type { APIRoute } from 'astro';
import { can } from '../lib/permissions.ts';
import { db } from '../server/db/index.ts';
import { checkHealth } from '../server/platform/health.ts';

export const GET: APIRoute = async ({ locals }) => {
  const health = await checkHealth(db());
  const staff = locals.staff;
  const detailed = staff !== null && staff.session.twoFactorVerified && can(staff.user.role, 'users.manage');
  return Response.json(detailed ? health : { ok: health.ok }, {
    status: health.ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
};
