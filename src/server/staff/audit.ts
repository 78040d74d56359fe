/** The audit log: every staff write is recorded with who, when, what and a short before/after summary. */
import { desc, eq } from 'drizzle-orm';
import { auditLog, users } from '../../../db/schema.ts';
import type { Queryable } from '../db/connection.ts';

export interface AuditEntry {
  /** Who; null for the command line or the system. */
  userId: number | null;
  /** Verb-noun, e.g. `initiative.publish`. */
  action: string;
  entityType: string;
  entityId?: number | null;
  /** Short before → after; never passwords, codes or residents' e-mail addresses. */
  summary?: string;
}

export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog)
    .values({
      userId: entry.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      summary: (entry.summary ?? '').slice(0, 1000),
    });
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: string | null;
  action: string;
  entityType: string;
  entityId: number | null;
  summary: string;
}

export async function listAudit(db: Queryable, options: { limit: number; offset: number }): Promise<AuditRow[]> {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: users.email,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .orderBy(desc(auditLog.id))
    .limit(options.limit)
    .offset(options.offset);
}

/** Describes a change as `field: before → after` for the fields that differ. */
export function describeChange(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    const show = (v: unknown) => {
      const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '∅');
      return s.length > 40 ? `${s.slice(0, 37)}…` : s;
    };
    if (show(old) !== show(value)) parts.push(`${key}: ${show(old)} → ${show(value)}`);
  }
  return parts.join('; ');
}
