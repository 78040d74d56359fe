/**
 * The moderated public dialogue. A resident's text is masked for personal
 * data before it is stored; nothing is public until a moderator approves it;
 * official replies are signed with the partner's name.
 */
import { and, asc, count, desc, eq } from 'drizzle-orm';
import {
  commentReplies,
  comments,
  events,
  initiatives,
  partners,
  type Comment,
  type CommentTarget,
  type Partner,
} from '../../db/schema.ts';
import type { Locale } from '../lib/i18n/index.ts';
import { maskPersonalData } from '../lib/pii.ts';
import { recordAudit } from './audit.ts';
import type { Queryable } from './db/connection.ts';
import { eraseRemnants } from './db/remnants.ts';
import { inList } from './db/in-list.ts';
import { transaction } from './db/transaction.ts';

export const COMMENT_MAX = 2000;
export const NAME_MAX = 80;

export interface NewComment {
  targetType: CommentTarget;
  targetId: number;
  authorName: string | null;
  body: string;
  locale: Locale;
}

/** Made once: building a formatter costs far more than using one, and every post asks for the day. */
const COPENHAGEN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

/** The day in Copenhagen (YYYY-MM-DD): comments keep no time of day. */
export function copenhagenDay(now = new Date()): string {
  return COPENHAGEN_DAY.format(now);
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
}

/** Approved comments with their official replies, oldest first. */
export async function listApprovedComments(db: Queryable, targetType: CommentTarget, targetId: number): Promise<PublicComment[]> {
  const rows = await db
    .select()
    .from(comments)
    .where(and(eq(comments.targetType, targetType), eq(comments.targetId, targetId), eq(comments.status, 'approved')))
    // Ids are random (README "Privacy"): by day, then id, for a stable order.
    .orderBy(asc(comments.postedOn), asc(comments.id));
  if (rows.length === 0) return [];
  const replies = await db
    .select({ reply: commentReplies, partner: partners })
    .from(commentReplies)
    .innerJoin(partners, eq(partners.id, commentReplies.partnerId))
    .where(inList(db, commentReplies.commentId, rows.map((r) => r.id)))
    .orderBy(asc(commentReplies.id));
  return rows.map((c) => ({
    id: c.id,
    authorName: c.authorName,
    body: c.body,
    locale: c.locale,
    postedOn: c.postedOn,
    replies: replies
      .filter((r) => r.reply.commentId === c.id)
      .map((r) => ({ body: r.reply.body, partner: r.partner, createdAt: r.reply.createdAt })),
  }));
}

export async function countPendingComments(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(comments).where(eq(comments.status, 'pending')).limit(1);
  return row?.n ?? 0;
}

export interface QueueItem {
  comment: Comment;
  targetTitle: string;
  targetPath: string;
  replies: { body: string; partnerName: string }[];
}

/** The moderation queue: pending first (oldest first), then the latest moderated ones. */
export async function listModerationQueue(db: Queryable, status: 'pending' | 'approved' | 'rejected'): Promise<QueueItem[]> {
  const rows = await db
    .select()
    .from(comments)
    .where(eq(comments.status, status))
    .orderBy(...(status === 'pending' ? [asc(comments.postedOn), asc(comments.id)] : [desc(comments.postedOn), desc(comments.id)]))
    .limit(200);
  const queue: QueueItem[] = [];
  for (const c of rows) {
    const [target] =
      c.targetType === 'initiative'
        ? await db.select({ title: initiatives.titleDa, slug: initiatives.slug }).from(initiatives).where(eq(initiatives.id, c.targetId)).limit(1)
        : await db.select({ title: events.titleDa, slug: events.slug }).from(events).where(eq(events.id, c.targetId)).limit(1);
    const replies = await db
      .select({ body: commentReplies.body, partnerName: partners.nameDa })
      .from(commentReplies)
      .innerJoin(partners, eq(partners.id, commentReplies.partnerId))
      .where(eq(commentReplies.commentId, c.id));
    queue.push({
      comment: c,
      targetTitle: target?.title ?? '–',
      targetPath: target ? `/${c.targetType === 'initiative' ? 'indsatser' : 'arrangementer'}/${target.slug}` : '/',
      replies,
    });
  }
  return queue;
}

export type ModerationDecision =
  | { kind: 'approve'; body?: string }
  | { kind: 'reject'; reason: string };

/** Approves (optionally with an edited text, masked again) or rejects a comment. */
export async function moderateComment(db: Queryable, commentId: number, decision: ModerationDecision, actorId: number): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(comments).where(eq(comments.id, commentId)).limit(1);
    if (!before) return false;
    const now = new Date();
    if (decision.kind === 'approve') {
      const edited = decision.body !== undefined && decision.body !== before.body ? maskPersonalData(decision.body) : undefined;
      if (edited && edited.text.length > COMMENT_MAX) return false;
      await tx.update(comments)
        .set({
          status: 'approved',
          body: edited?.text ?? before.body,
          masks: edited ? [...new Set([...before.masks, ...edited.masks])] : before.masks,
          moderatedBy: actorId,
          moderatedAt: now,
          rejectReason: null,
        })
        .where(eq(comments.id, commentId));
    } else {
      await tx.update(comments)
        .set({ status: 'rejected', rejectReason: decision.reason, moderatedBy: actorId, moderatedAt: now })
        .where(eq(comments.id, commentId));
    }
    await recordAudit(tx, {
      userId: actorId,
      action: decision.kind === 'approve' ? 'comment.approve' : 'comment.reject',
      entityType: 'comment',
      entityId: commentId,
      summary: decision.kind === 'reject' ? `${before.status} → rejected: ${decision.reason}` : `${before.status} → approved${decision.body !== undefined && decision.body !== before.body ? ' (edited)' : ''}`,
    });
    return true;
  });
}

/** An official reply under an approved comment, signed with a partner. */
export async function replyToComment(
  db: Queryable,
  input: { commentId: number; partnerId: number; body: string },
  actorId: number,
): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [c] = await tx.select().from(comments).where(eq(comments.id, input.commentId)).limit(1);
    if (!c || c.status !== 'approved') return false;
    const [reply] = await tx.insert(commentReplies).values({ ...input, userId: actorId }).returning();
    await recordAudit(tx, {
      userId: actorId,
      action: 'comment.reply',
      entityType: 'comment',
      entityId: input.commentId,
      summary: `reply #${reply!.id}: ${input.body.slice(0, 60)}`,
    });
    return true;
  });
}
