/**
 * The moderated public dialogue. A resident's text is masked for personal
 * data before it is stored; nothing is public until a moderator approves it;
 * official replies are signed with the partner's name.
 */
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
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
export function submitComment(db: Queryable, input: NewComment): Comment {
  const body = maskPersonalData(input.body);
  const name = input.authorName ? maskPersonalData(input.authorName) : null;
  const masks = [...new Set([...body.masks, ...(name?.masks ?? [])])];
  return db
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
    .returning()
    .get();
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
export function listApprovedComments(db: Queryable, targetType: CommentTarget, targetId: number): PublicComment[] {
  const rows = db
    .select()
    .from(comments)
    .where(and(eq(comments.targetType, targetType), eq(comments.targetId, targetId), eq(comments.status, 'approved')))
    .orderBy(asc(comments.id))
    .all();
  if (rows.length === 0) return [];
  const replies = db
    .select({ reply: commentReplies, partner: partners })
    .from(commentReplies)
    .innerJoin(partners, eq(partners.id, commentReplies.partnerId))
    .where(inArray(commentReplies.commentId, rows.map((r) => r.id)))
    .orderBy(asc(commentReplies.id))
    .all();
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

export function countPendingComments(db: Queryable): number {
  return db.select({ n: count() }).from(comments).where(eq(comments.status, 'pending')).get()?.n ?? 0;
}

export interface QueueItem {
  comment: Comment;
  targetTitle: string;
  targetPath: string;
  replies: { body: string; partnerName: string }[];
}

/** The moderation queue: pending first (oldest first), then the latest moderated ones. */
export function listModerationQueue(db: Queryable, status: 'pending' | 'approved' | 'rejected'): QueueItem[] {
  const rows = db
    .select()
    .from(comments)
    .where(eq(comments.status, status))
    .orderBy(status === 'pending' ? asc(comments.id) : desc(comments.id))
    .limit(200)
    .all();
  return rows.map((c) => {
    const target =
      c.targetType === 'initiative'
        ? db.select({ title: initiatives.titleDa, slug: initiatives.slug }).from(initiatives).where(eq(initiatives.id, c.targetId)).get()
        : db.select({ title: events.titleDa, slug: events.slug }).from(events).where(eq(events.id, c.targetId)).get();
    const replies = db
      .select({ body: commentReplies.body, partnerName: partners.nameDa })
      .from(commentReplies)
      .innerJoin(partners, eq(partners.id, commentReplies.partnerId))
      .where(eq(commentReplies.commentId, c.id))
      .all();
    return {
      comment: c,
      targetTitle: target?.title ?? '–',
      targetPath: target ? `/${c.targetType === 'initiative' ? 'indsatser' : 'arrangementer'}/${target.slug}` : '/',
      replies,
    };
  });
}

export type ModerationDecision =
  | { kind: 'approve'; body?: string }
  | { kind: 'reject'; reason: string };

/** Approves (optionally with an edited text, masked again) or rejects a comment. */
export function moderateComment(db: Queryable, commentId: number, decision: ModerationDecision, actorId: number): boolean {
  return db.transaction((tx) => {
    const before = tx.select().from(comments).where(eq(comments.id, commentId)).get();
    if (!before) return false;
    const now = new Date();
    if (decision.kind === 'approve') {
      const edited = decision.body !== undefined && decision.body !== before.body ? maskPersonalData(decision.body) : undefined;
      if (edited && edited.text.length > COMMENT_MAX) return false;
      tx.update(comments)
        .set({
          status: 'approved',
          body: edited?.text ?? before.body,
          masks: edited ? [...new Set([...before.masks, ...edited.masks])] : before.masks,
          moderatedBy: actorId,
          moderatedAt: now,
          rejectReason: null,
        })
        .where(eq(comments.id, commentId))
        .run();
    } else {
      tx.update(comments)
        .set({ status: 'rejected', rejectReason: decision.reason, moderatedBy: actorId, moderatedAt: now })
        .where(eq(comments.id, commentId))
        .run();
    }
    recordAudit(tx, {
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
export function replyToComment(
  db: Queryable,
  input: { commentId: number; partnerId: number; body: string },
  actorId: number,
): boolean {
  return db.transaction((tx) => {
    const c = tx.select().from(comments).where(eq(comments.id, input.commentId)).get();
    if (!c || c.status !== 'approved') return false;
    const reply = tx.insert(commentReplies).values({ ...input, userId: actorId }).returning().get();
    recordAudit(tx, {
      userId: actorId,
      action: 'comment.reply',
      entityType: 'comment',
      entityId: input.commentId,
      summary: `reply #${reply.id}: ${input.body.slice(0, 60)}`,
    });
    return true;
  });
}
