/**
 * Rule: dashboard exports are audited once per session, table and format a
 * day (the first successful download), so scanning filters does not flood
 * the audit log; a refused download is not audited.
 */
import { and, eq, gte } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { sharedServerDatabase } from '../support/server-db.ts';
import { auditLog, users } from '../../db/schema.ts';
import { demoAccount, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

describe('export audit', () => {
  it(
    'ten downloads of one table and format in a session write one audit row; another format writes its own',
    async () => {
      const db = sharedServerDatabase();
      const since = new Date(Date.now() - 1000);
      const cookie = await staffSession(dbPath, 'admin');
      for (let i = 0; i < 10; i++) {
        const res = await fetch(`${base}/staff/dashboard/export/goals.csv?vaegtet=${i % 2}`, { headers: { cookie } });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
      }
      expect((await fetch(`${base}/staff/dashboard/export/goals.json`, { headers: { cookie } })).status).toBe(200);
      expect((await fetch(`${base}/staff/dashboard/export/no-such-table.csv`, { headers: { cookie } })).status).toBe(404);
      const [admin] = await db.select().from(users).where(eq(users.email, demoAccount('admin').email)).limit(1);
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.userId, admin!.id), eq(auditLog.action, 'dashboard.export'), gte(auditLog.at, since)));
      expect(rows.map((r) => r.summary.split('?')[0]).sort()).toEqual(['goals.csv', 'goals.json']);
    },
    SIGN_IN_TIMEOUT_MS,
  );
});
