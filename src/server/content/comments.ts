/**
 * The moderated public dialogue. A resident's text is masked for personal
 * data before it is stored; nothing is public until a moderator approves it;
 * official replies are signed with the name of the replier's own partner.
 */
import { and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  auditLog,
  commentFlags,
  commentReplies,
  comments,
  consultationPlaces,
  consultations,
  events,
  FLAG_REASONS,
  initiatives,
  partners,
  TAKEDOWN_REASONS,
  users,
  type Comment,
  type CommentTarget,
  type FlagReason,
  type Partner,
  type TakedownReason,
} from '../../../db/schema.ts';
import type { Locale } from '../../lib/i18n/index.ts';
import { can } from '../../lib/permissions.ts';
import { copenhagenDay } from '../../lib/time.ts';
import { maskPersonalData } from '../../lib/pii.ts';
import { recordAudit } from '../staff/audit.ts';
import type { Queryable } from '../db/connection.ts';
import { eraseRemnants } from '../db/remnants.ts';
import { inList } from '../db/in-list.ts';
import { transaction } from '../db/transaction.ts';
import { recordSignRefusal, signingPartner, type SignRefusal } from '../partnership/partners.ts';

export const COMMENT_MAX = 2000;
export const NAME_MAX = 80;
/** The longest internal note on a take-down. */
export const TAKEDOWN_NOTE_MAX = 500;
/** The most comments one bulk action takes (the queue shows 200). */
export const BULK_MAX = 200;
export { FLAG_REASONS, TAKEDOWN_REASONS, type FlagReason, type TakedownReason };

export interface NewComment {
  targetType: CommentTarget;
  targetId: number;
  authorName: string | null;
  body: string;
  locale: Locale;
}

/** Stores a resident's comment, masked, as pending. */
export async function submitComment(db: Queryable, input: NewComment): Promise<Comment> {
  const body = maskPersonalData(input.body);
  // The name field asks for a first name or a nickname: a first name there is kept; everything else is masked.
  const name = input.authorName ? maskPersonalData(input.authorName, { keep: ['name'] }) : null;
  const masks = [...new Set([...body.masks, ...(name?.masks ?? [])])];
  const [comment] = await db
    .insert(comments)
    .values({
      targetType: input.targetType,
      targetId: input.targetId,
      authorName: name?.text || null,
      body: body.text,
      masks,
      locale: input.locale,
      postedOn: copenhagenDay(),
    })
    .returning();
  eraseRemnants(db);
  return comment!;
}

export interface PublicReply {
  body: string;
  partner: Partner;
  createdAt: Date;
}

export interface PublicComment {
  id: number;
  authorName: string | null;
  body: string;
  locale: Locale;
  postedOn: string;
  replies: PublicReply[];
  /**
   * Taken down by the editors: the page shows only a placeholder with this
   * reason in the comment's place (no name, no text, no replies).
   */
  takenDown: TakedownReason | null;
}

/** Approved comments with their official replies, oldest first; taken-down ones as placeholders. */
export async function listApprovedComments(db: Queryable, targetType: CommentTarget, targetId: number): Promise<PublicComment[]> {
  const rows = await db
    .select()
    .from(comments)
    .where(and(eq(comments.targetType, targetType), eq(comments.targetId, targetId), eq(comments.status, 'approved')))
    // Ids are random (README "Privacy"): by day, then id, for a stable order.
    .orderBy(asc(comments.postedOn), asc(comments.id));
  if (rows.length === 0) return [];
  const shown = rows.filter((r) => r.takenDownAt === null).map((r) => r.id);
  const replies =
    shown.length === 0
      ? []
      : await db
          .select({ reply: commentReplies, partner: partners })
          .from(commentReplies)
          .innerJoin(partners, eq(partners.id, commentReplies.partnerId))
          .where(inList(db, commentReplies.commentId, shown))
          .orderBy(asc(commentReplies.id));
  return rows.map((c) =>
    c.takenDownAt !== null
      ? { id: c.id, authorName: null, body: '', locale: c.locale, postedOn: c.postedOn, replies: [], takenDown: c.takedownReason ?? 'other' }
      : {
          id: c.id,
          authorName: c.authorName,
          body: c.body,
          locale: c.locale,
          postedOn: c.postedOn,
          replies: replies
            .filter((r) => r.reply.commentId === c.id)
            .map((r) => ({ body: r.reply.body, partner: r.partner, createdAt: r.reply.createdAt })),
          takenDown: null,
        },
  );
}

export async function countPendingComments(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(comments).where(eq(comments.status, 'pending')).limit(1);
  return row?.n ?? 0;
}

/** Comments shown on one page of a moderation tab; the tab's count says how many pages there are. */
export const QUEUE_PAGE_SIZE = 100;

export const QUEUE_TABS = ['pending', 'flagged', 'approved', 'taken_down', 'rejected'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

/** How many comments each tab of the staff queue holds (a staff work queue, not a figure about residents). */
export async function countQueueTabs(db: Queryable): Promise<Record<QueueTab, number>> {
  const rows = await db // not for display: the sizes of a staff work queue
    .select({ status: comments.status, down: sql<number>`case when ${comments.takenDownAt} is null then 0 else 1 end`, n: count() })
    .from(comments)
    .groupBy(comments.status, sql`case when ${comments.takenDownAt} is null then 0 else 1 end`);
  const [flagged] = await db // not for display: the size of a staff work queue
    .select({ n: sql<number>`count(distinct ${commentFlags.commentId})` })
    .from(commentFlags)
    .innerJoin(comments, eq(comments.id, commentFlags.commentId))
    .where(and(eq(comments.status, 'approved'), isNull(comments.takenDownAt)));
  const n = (status: string, down: number) => rows.filter((r) => r.status === status && Number(r.down) === down).reduce((a, r) => a + Number(r.n), 0);
  return {
    pending: n('pending', 0),
    flagged: Number(flagged?.n ?? 0),
    approved: n('approved', 0),
    taken_down: n('approved', 1),
    rejected: n('rejected', 0) + n('rejected', 1),
  };
}

export interface QueueHistoryEntry {
  at: Date;
  actor: string | null;
  action: string;
  summary: string;
}

export interface QueueItem {
  comment: Comment;
  targetTitle: string;
  targetPath: string;
  replies: { body: string; partnerName: string }[];
  /** Residents' flags by reason (only reasons with flags). */
  flags: Partial<Record<FlagReason, number>>;
  /** The comment's audit trail, oldest first (moderation, take-down, flags dismissed, name edits). */
  history: QueueHistoryEntry[];
}

/**
 * What a comment is about, for the moderation queue: the Danish title and
 * the public path of its initiative, event, or consultation's proposed place
 * ("<consultation> · <place>", at the place's anchor on the consultation's
 * page). Undefined when the target is gone.
 */
async function commentTarget(db: Queryable, c: Pick<Comment, 'targetType' | 'targetId'>): Promise<{ title: string; path: string } | undefined> {
  switch (c.targetType) {
    case 'initiative': {
      const [row] = await db.select({ title: initiatives.titleDa, slug: initiatives.slug }).from(initiatives).where(eq(initiatives.id, c.targetId)).limit(1);
      return row && { title: row.title, path: `/indsatser/${row.slug}` };
    }
    case 'event': {
      const [row] = await db.select({ title: events.titleDa, slug: events.slug }).from(events).where(eq(events.id, c.targetId)).limit(1);
      return row && { title: row.title, path: `/arrangementer/${row.slug}` };
    }
    case 'consultation_place': {
      const [row] = await db
        .select({ title: consultations.titleDa, slug: consultations.slug, place: consultationPlaces.nameDa, position: consultationPlaces.position })
        .from(consultationPlaces)
        .innerJoin(consultations, eq(consultations.id, consultationPlaces.consultationId))
        .where(eq(consultationPlaces.id, c.targetId))
        .limit(1);
      return row && { title: `${row.title} · ${row.place}`, path: `/hoeringer/${row.slug}#sted-${row.position}` };
    }
  }
}

/**
 * Comments waiting for moderation on each consultation's places, by
 * consultation id (consultations without any are absent): the size of a
 * staff work queue, shown on the dashboard's consultation overview once a
 * consultation has closed, not a figure about residents.
 */
export async function countPendingConsultationComments(db: Queryable, consultationIds: readonly number[]): Promise<Map<number, number>> {
  if (consultationIds.length === 0) return new Map();
  const rows = await db
    .select({ consultationId: consultationPlaces.consultationId, n: count() })
    .from(comments)
    .innerJoin(consultationPlaces, eq(consultationPlaces.id, comments.targetId))
    .where(and(eq(comments.targetType, 'consultation_place'), eq(comments.status, 'pending'), inList(db, consultationPlaces.consultationId, consultationIds)))
    .groupBy(consultationPlaces.consultationId);
  return new Map(rows.map((r) => [r.consultationId, Number(r.n)]));
}

/**
 * One page of a moderation tab: pending (oldest first), flagged (most
 * flags first), or approved, taken-down or rejected ones (newest first).
 */
export async function listModerationQueue(db: Queryable, tab: QueueTab, page = 1, size = QUEUE_PAGE_SIZE): Promise<QueueItem[]> {
  const offset = (Math.max(1, Math.floor(page)) - 1) * size;
  let rows: Comment[];
  if (tab === 'flagged') {
    const flagged = await db // not for display: orders a staff work queue
      .select({ id: commentFlags.commentId, n: sql<number>`sum(${commentFlags.count})` })
      .from(commentFlags)
      .innerJoin(comments, eq(comments.id, commentFlags.commentId))
      .where(and(eq(comments.status, 'approved'), isNull(comments.takenDownAt)))
      .groupBy(commentFlags.commentId)
      .orderBy(desc(sql`sum(${commentFlags.count})`), asc(commentFlags.commentId))
      .limit(size)
      .offset(offset);
    const found = flagged.length === 0 ? [] : await db.select().from(comments).where(inList(db, comments.id, flagged.map((f) => f.id)));
    rows = flagged.map((f) => found.find((c) => c.id === f.id)).filter((c): c is Comment => c !== undefined);
  } else {
    const where =
      tab === 'pending' || tab === 'rejected'
        ? eq(comments.status, tab)
        : and(eq(comments.status, 'approved'), tab === 'approved' ? isNull(comments.takenDownAt) : isNotNull(comments.takenDownAt));
    rows = await db
      .select()
      .from(comments)
      .where(where)
      .orderBy(...(tab === 'pending' ? [asc(comments.postedOn), asc(comments.id)] : [desc(comments.postedOn), desc(comments.id)]))
      .limit(size)
      .offset(offset);
  }
  if (rows.length === 0) return [];
  const ids = rows.map((c) => c.id);
  const flags = await db.select().from(commentFlags).where(inList(db, commentFlags.commentId, ids));
  const history = await db
    .select({ entityId: auditLog.entityId, at: auditLog.at, actor: users.email, action: auditLog.action, summary: auditLog.summary })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entityType, 'comment'), inList(db, auditLog.entityId, ids)))
    .orderBy(asc(auditLog.id));
  const queue: QueueItem[] = [];
  for (const c of rows) {
    const target = await commentTarget(db, c);
    const replies = await db
      .select({ body: commentReplies.body, partnerName: partners.nameDa })
      .from(commentReplies)
      .innerJoin(partners, eq(partners.id, commentReplies.partnerId))
      .where(eq(commentReplies.commentId, c.id));
    queue.push({
      comment: c,
      targetTitle: target?.title ?? '–',
      targetPath: target?.path ?? '/',
      replies,
      flags: Object.fromEntries(flags.filter((f) => f.commentId === c.id).map((f) => [f.reason, f.count])),
      history: history.filter((h) => Number(h.entityId) === c.id).map(({ at, actor, action, summary }) => ({ at, actor, action, summary })),
    });
  }
  return queue;
}

/**
 * Why a moderation action was refused. Nothing is stored when it is:
 * - `forbidden`: the acting account may not moderate comments (or is disabled, or unknown);
 * - `not_found`: no such comment (`ids` lists the unknown ones in a bulk action);
 * - `not_pending`: approve/reject on a comment that is no longer waiting (`ids`);
 * - `not_shown`: take-down or flag dismissal on a comment that is not approved and shown;
 * - `no_flags`: nothing to dismiss;
 * - `too_long`: a text over its limit (after masking);
 * - `bad_reason`: a reason outside the list.
 */
export type ModerationRefusal = 'forbidden' | 'not_found' | 'not_pending' | 'not_shown' | 'no_flags' | 'too_long' | 'bad_reason';
export type ModerationResult = { ok: true; count: number } | { ok: false; reason: ModerationRefusal; ids: number[] };

const refused = (reason: ModerationRefusal, ids: number[] = []): ModerationResult => ({ ok: false, reason, ids });

/** Thrown inside a transaction to roll it back with a refusal. */
class Refused extends Error {
  readonly result: ModerationResult;
  constructor(result: ModerationResult) {
    super('refused');
    this.result = result;
  }
}

/** Runs a moderation step in one transaction; a Refused thrown inside rolls everything back and is returned. */
async function moderation(db: Queryable, actorId: number, fn: (tx: Queryable) => Promise<ModerationResult>): Promise<ModerationResult> {
  try {
    return await transaction(db, async (tx) => {
      // The permission is checked here as well as on the page: a hand-made request reaches this function the same way.
      const [actor] = await tx.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, actorId)).limit(1);
      if (!actor || actor.disabledAt !== null || !can(actor.role, 'comments.moderate')) return refused('forbidden');
      const result = await fn(tx);
      if (!result.ok) throw new Refused(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

export type ModerationDecision =
  | { kind: 'approve'; body?: string }
  | { kind: 'reject'; reason: string };

/**
 * Approves (optionally with an edited text, masked again) or rejects a
 * pending comment. Only `pending` moves: a comment already approved is taken
 * down with takeDownComment, never rejected or re-approved with another text.
 */
export async function moderateComment(db: Queryable, commentId: number, decision: ModerationDecision, actorId: number): Promise<ModerationResult> {
  return moderation(db, actorId, async (tx) => {
    const [before] = await tx.select().from(comments).where(eq(comments.id, commentId)).limit(1);
    if (!before) return refused('not_found', [commentId]);
    if (before.status !== 'pending') return refused('not_pending', [commentId]);
    return decide(tx, before, decision, actorId);
  });
}

async function decide(tx: Queryable, before: Comment, decision: ModerationDecision, actorId: number): Promise<ModerationResult> {
  const now = new Date();
  const edited = decision.kind === 'approve' && decision.body !== undefined && decision.body !== before.body ? maskPersonalData(decision.body) : undefined;
  if (edited && ([...edited.text].length > COMMENT_MAX || edited.text.trim() === '')) return refused('too_long', [before.id]);
  // Conditional on the state read: a concurrent moderator's decision makes this one match nothing.
  const changed = await tx
    .update(comments)
    .set(
      decision.kind === 'approve'
        ? {
            status: 'approved',
            body: edited?.text ?? before.body,
            masks: edited ? [...new Set([...before.masks, ...edited.masks])] : before.masks,
            moderatedBy: actorId,
            moderatedAt: now,
            rejectReason: null,
          }
        : { status: 'rejected', rejectReason: decision.reason, moderatedBy: actorId, moderatedAt: now },
    )
    .where(and(eq(comments.id, before.id), eq(comments.status, 'pending')))
    .returning({ id: comments.id });
  if (changed.length !== 1) return refused('not_pending', [before.id]);
  await recordAudit(tx, {
    userId: actorId,
    action: decision.kind === 'approve' ? 'comment.approve' : 'comment.reject',
    entityType: 'comment',
    entityId: before.id,
    summary: decision.kind === 'reject' ? `${before.status} → rejected: ${decision.reason}` : `${before.status} → approved${edited ? ' (edited)' : ''}`,
  });
  return { ok: true, count: 1 };
}

/**
 * Approves or rejects several pending comments at once, in one transaction:
 * if any of them is unknown or no longer pending, nothing is changed and the
 * refusal names them. Each comment is audited on its own.
 */
export async function bulkModerate(
  db: Queryable,
  commentIds: number[],
  decision: { kind: 'approve' } | { kind: 'reject'; reason: string },
  actorId: number,
): Promise<ModerationResult> {
  const ids = [...new Set(commentIds)];
  return moderation(db, actorId, async (tx) => {
    if (ids.length === 0 || ids.length > BULK_MAX) return refused('not_found', []);
    const found = await tx.select().from(comments).where(inList(tx, comments.id, ids));
    const unknown = ids.filter((id) => !found.some((c) => c.id === id));
    if (unknown.length > 0) return refused('not_found', unknown);
    const moved = found.filter((c) => c.status !== 'pending').map((c) => c.id);
    if (moved.length > 0) return refused('not_pending', moved);
    for (const c of found) {
      const result = await decide(tx, c, decision, actorId);
      if (!result.ok) return result;
    }
    return { ok: true, count: found.length };
  });
}

/**
 * Takes an approved, shown comment down: the public page shows a placeholder
 * with the reason instead (listApprovedComments); its flags are resolved
 * (deleted); the note is internal and masked like any text.
 */
export async function takeDownComment(
  db: Queryable,
  input: { commentId: number; reason: string; note: string },
  actorId: number,
): Promise<ModerationResult> {
  return moderation(db, actorId, async (tx) => {
    if (!(TAKEDOWN_REASONS as readonly string[]).includes(input.reason)) return refused('bad_reason');
    const note = maskPersonalData(input.note.trim());
    if ([...input.note.trim()].length > TAKEDOWN_NOTE_MAX || [...note.text].length > TAKEDOWN_NOTE_MAX) return refused('too_long', [input.commentId]);
    const [before] = await tx.select().from(comments).where(eq(comments.id, input.commentId)).limit(1);
    if (!before) return refused('not_found', [input.commentId]);
    if (before.status !== 'approved' || before.takenDownAt !== null) return refused('not_shown', [input.commentId]);
    const changed = await tx
      .update(comments)
      .set({ takenDownAt: new Date(), takedownReason: input.reason as TakedownReason, takedownNote: note.text || null })
      .where(and(eq(comments.id, before.id), eq(comments.status, 'approved'), isNull(comments.takenDownAt)))
      .returning({ id: comments.id });
    if (changed.length !== 1) return refused('not_shown', [input.commentId]);
    const flags = await tx.delete(commentFlags).where(eq(commentFlags.commentId, before.id)).returning();
    const flagged = flags.reduce((a, f) => a + f.count, 0);
    await recordAudit(tx, {
      userId: actorId,
      action: 'comment.takedown',
      entityType: 'comment',
      entityId: before.id,
      summary: `approved → taken down: ${input.reason}${flagged > 0 ? ` (${flagged} flags resolved)` : ''}${note.text ? `; note: ${note.text.slice(0, 200)}` : ''}`,
    });
    return { ok: true, count: 1 };
  });
}

/** Dismisses residents' flags on a comment that stays up; audited with the counts. */
export async function dismissFlags(db: Queryable, commentId: number, actorId: number): Promise<ModerationResult> {
  return moderation(db, actorId, async (tx) => {
    const [before] = await tx.select().from(comments).where(eq(comments.id, commentId)).limit(1);
    if (!before) return refused('not_found', [commentId]);
    if (before.status !== 'approved' || before.takenDownAt !== null) return refused('not_shown', [commentId]);
    const flags = await tx.delete(commentFlags).where(eq(commentFlags.commentId, commentId)).returning();
    if (flags.length === 0) return refused('no_flags', [commentId]);
    await recordAudit(tx, {
      userId: actorId,
      action: 'comment.flags.dismiss',
      entityType: 'comment',
      entityId: commentId,
      summary: `flags dismissed: ${flags
        .sort((a, b) => a.reason.localeCompare(b.reason))
        .map((f) => `${f.reason} ${f.count}`)
        .join(', ')}`,
    });
    return { ok: true, count: flags.length };
  });
}

/**
 * A moderator changes the author's display name (e.g. to remove a leftover
 * phone number or a full name); empty makes the comment anonymous. The new
 * name is masked like a resident's; the audit log keeps only the lengths.
 */
export async function editAuthorName(db: Queryable, input: { commentId: number; name: string }, actorId: number): Promise<ModerationResult> {
  return moderation(db, actorId, async (tx) => {
    const wanted = input.name.trim();
    const masked = wanted === '' ? null : maskPersonalData(wanted, { keep: ['name'] });
    if ([...wanted].length > NAME_MAX || [...(masked?.text ?? '')].length > NAME_MAX * 2) return refused('too_long', [input.commentId]);
    const [before] = await tx.select().from(comments).where(eq(comments.id, input.commentId)).limit(1);
    if (!before) return refused('not_found', [input.commentId]);
    const after = masked?.text || null;
    if (after === before.authorName) return { ok: true, count: 0 };
    await tx
      .update(comments)
      .set({ authorName: after, masks: [...new Set([...before.masks, ...(masked?.masks ?? [])])] })
      .where(eq(comments.id, before.id));
    await recordAudit(tx, {
      userId: actorId,
      action: 'comment.author.edit',
      entityType: 'comment',
      entityId: before.id,
      // Lengths only: the name itself stays out of the log.
      summary: `author name: ${[...(before.authorName ?? '')].length} → ${[...(after ?? '')].length} characters`,
    });
    return { ok: true, count: 1 };
  });
}

export type FlagResult = { ok: true } | { ok: false; reason: 'not_found' | 'bad_reason' };

/**
 * Counts a resident's flag on an approved, shown comment of the given page.
 * Only the count per reason is stored; throttling (and one flag per client
 * and comment a day) is the caller's (src/server/content/comment-post.ts).
 */
export async function checkFlaggable(
  db: Queryable,
  input: { commentId: number; targetType: CommentTarget; targetId: number; reason: string },
): Promise<FlagResult> {
  if (!(FLAG_REASONS as readonly string[]).includes(input.reason)) return { ok: false, reason: 'bad_reason' };
  const [c] = await db
    .select({ id: comments.id })
    .from(comments)
    .where(
      and(
        eq(comments.id, input.commentId),
        eq(comments.targetType, input.targetType),
        eq(comments.targetId, input.targetId),
        eq(comments.status, 'approved'),
        isNull(comments.takenDownAt),
      ),
    )
    .limit(1);
  return c ? { ok: true } : { ok: false, reason: 'not_found' };
}

export async function storeFlag(db: Queryable, commentId: number, reason: FlagReason): Promise<void> {
  await db
    .insert(commentFlags)
    .values({ commentId, reason, count: 1 })
    .onConflictDoUpdate({ target: [commentFlags.commentId, commentFlags.reason], set: { count: sql`${commentFlags.count} + 1` } });
}

export type ReplyResult =
  | { ok: true }
  | { ok: false; reason: 'not_found' }
  /** The account may not moderate comments (or is disabled). */
  | { ok: false; reason: 'forbidden' }
  /** Signing refused (src/server/partnership/partners.ts): nothing stored, the attempt audited. */
  | { ok: false; reason: 'sign_refused'; refusal: SignRefusal };

/**
 * An official reply under an approved comment, signed with the author's own
 * partner (signingPartner): `partnerId` is what the form asked for, if it
 * asked; another partner's id, an unknown one, or an account without a
 * partner is refused, nothing is stored and the attempt is audited.
 */
export async function replyToComment(
  db: Queryable,
  input: { commentId: number; body: string; partnerId?: number | null | undefined },
  actorId: number,
): Promise<ReplyResult> {
  return transaction(db, async (tx): Promise<ReplyResult> => {
    const [actor] = await tx.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, actorId)).limit(1);
    if (!actor || actor.disabledAt !== null || !can(actor.role, 'comments.moderate')) return { ok: false, reason: 'forbidden' };
    const [c] = await tx.select().from(comments).where(eq(comments.id, input.commentId)).limit(1);
    // A taken-down comment gets no more replies: its page shows only the placeholder.
    if (!c || c.status !== 'approved' || c.takenDownAt !== null) return { ok: false, reason: 'not_found' };
    const signing = await signingPartner(tx, actorId, input.partnerId);
    if (!signing.ok) {
      await recordSignRefusal(tx, { userId: actorId, requested: input.partnerId, reason: signing.reason, what: `comment.reply on comment #${input.commentId}` });
      return { ok: false, reason: 'sign_refused', refusal: signing.reason };
    }
    const [reply] = await tx
      .insert(commentReplies)
      .values({ commentId: input.commentId, partnerId: signing.partner.id, body: input.body, userId: actorId })
      .returning();
    await recordAudit(tx, {
      userId: actorId,
      action: 'comment.reply',
      entityType: 'comment',
      entityId: input.commentId,
      summary: `reply #${reply!.id} as ${signing.partner.slug}: ${input.body.slice(0, 60)}`,
    });
    return { ok: true };
  });
}
