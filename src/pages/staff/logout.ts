/** POST /staff/logout: ends the session on the server and clears the cookie. */
import type { APIRoute } from 'astro';
import { localePath } from '../../lib/i18n/index.ts';
import { recordAudit } from '../../server/staff/audit.ts';
import { invalidateSession, SESSION_COOKIE } from '../../server/staff/auth/session.ts';
import { db } from '../../server/db/index.ts';

export const POST: APIRoute = async ({ locals, cookies, redirect }) => {
  if (locals.staff) {
    await invalidateSession(db(), locals.staff.session.id);
    await recordAudit(db(), { userId: locals.staff.user.id, action: 'session.logout', entityType: 'session' });
  }
  cookies.delete(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true });
  return redirect(localePath(locals.locale, '/staff/login'), 303);
};
