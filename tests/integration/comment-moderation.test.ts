/**
 * Moderation for a busy dialogue (issue #19), against a real database
 * (SQLite, and PostgreSQL in the integration-pg project):
 * - every action checks the comment's current state and the account's
 *   permission: approve/reject only a pending comment (the old hole: a
 *   hand-made "reject" or "approve" on an approved comment), take down only
 *   an approved, shown one; a refusal stores nothing and audits nothing;
 * - a take-down with a reason from the list (and a masked note) leaves a
 *   placeholder on the public page and resolves the flags;
 * - bulk approve/reject in one transaction, refused whole (naming the
 *   comments) when any is unknown or no longer pending;
 * - the author's display name edited, masked, audited with lengths only;
 * - residents' flags through the page's post handler: counts per reason and
 *   nothing about the client, one per comment and client a day, the
 *   per-client limit and the flood limit for everyone (429).
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, commentFlags, comments } from '../../db/schema.ts';
import {
  bulkModerate,
  dismissFlags,
  editAuthorName,
  listApprovedComments,
  listModerationQueue,
  countQueueTabs,
  moderateComment,
  replyToComment,
  submitComment,
  takeDownComment,
} from '../../src/server/content/comments.ts';
import { handleCommentPost, type FlagLimits } from '../../src/server/content/comment-post.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeInitiative, makeUser, seedReference } from '../support/factories.ts';

let t: TestDb;
let moderator: number;
let editor: number;
let initiativeId: number;
let otherInitiativeId: number;

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  moderator = (await makeUser(t.db, 'moderator')).user.id;
  editor = (await makeUser(t.db, 'editor')).user.id;
  initiativeId = (await makeInitiative(t.db, { published: true })).id;
  otherInitiativeId = (await makeInitiative(t.db, { published: true })).id;
});
afterEach(async () => {
  await t.close();
});

async function pending(body = 'Hvornår kommer lyset i passagen?', target = initiativeId, authorName: string | null = null) {
  return submitComment(t.db, { targetType: 'initiative', targetId: target, authorName, body, locale: 'da' });
}
async function approved(body?: string, target?: number) {
  const c = await pending(body, target);
  expect(await moderateComment(t.db, c.id, { kind: 'approve' }, moderator)).toEqual({ ok: true, count: 1 });
  return c;
}
const row = async (id: number) => (await t.db.select().from(comments).where(eq(comments.id, id)).limit(1))[0]!;
const audits = async (id: number) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.entityId, id))).filter((a) => a.entityType === 'comment').map((a) => ({ action: a.action, summary: a.summary }));
const flagsOf = async (id: number) =>
  Object.fromEntries((await t.db.select().from(commentFlags).where(eq(commentFlags.commentId, id))).map((f) => [f.reason, f.count]));

describe('a long queue is paged', () => {
  it('every waiting comment is on exactly one page, oldest day first, and a page past the end is empty', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push((await pending(`Spørgsmål nummer ${i + 1}`)).id);
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push((await listModerationQueue(t.db, 'pending', page, 3)).map((q) => q.comment.id));
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1, 0]);
    expect(pages.flat().sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect((await countQueueTabs(t.db)).pending).toBe(7);
  });
});

describe('state and permission checks: the hand-made POST hole', () => {
  it('an approved comment can no longer be rejected or re-approved with another text; nothing changes, nothing is audited', async () => {
    const c = await approved();
    const before = await row(c.id);
    expect(await moderateComment(t.db, c.id, { kind: 'reject', reason: 'offensive' }, moderator)).toEqual({ ok: false, reason: 'not_pending', ids: [c.id] });
    expect(await moderateComment(t.db, c.id, { kind: 'approve', body: 'Ny tekst, som ingen har skrevet' }, moderator)).toEqual({ ok: false, reason: 'not_pending', ids: [c.id] });
    expect(await row(c.id)).toEqual(before);
    expect((await audits(c.id)).map((a) => a.action)).toEqual(['comment.approve']);
  });

  it('a rejected comment cannot be approved afterwards', async () => {
    const c = await pending();
    expect((await moderateComment(t.db, c.id, { kind: 'reject', reason: 'spam' }, moderator)).ok).toBe(true);
    expect(await moderateComment(t.db, c.id, { kind: 'approve' }, moderator)).toMatchObject({ ok: false, reason: 'not_pending' });
    expect((await row(c.id)).status).toBe('rejected');
  });

  it('an account without comments.moderate is refused every action, and nothing is stored', async () => {
    const p = await pending();
    const a = await approved('En godkendt kommentar');
    expect(await moderateComment(t.db, p.id, { kind: 'approve' }, editor)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await bulkModerate(t.db, [p.id], { kind: 'approve' }, editor)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await takeDownComment(t.db, { commentId: a.id, reason: 'spam', note: '' }, editor)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await editAuthorName(t.db, { commentId: a.id, name: 'X' }, editor)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await dismissFlags(t.db, a.id, editor)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await replyToComment(t.db, { commentId: a.id, body: 'Svar' }, editor)).toEqual({ ok: false, reason: 'forbidden' });
    expect((await row(p.id)).status).toBe('pending');
    expect((await row(a.id)).takenDownAt).toBeNull();
    expect((await audits(a.id)).map((x) => x.action)).toEqual(['comment.approve']);
  });

  it('an unknown comment is not_found', async () => {
    expect(await moderateComment(t.db, 123_456_789, { kind: 'approve' }, moderator)).toEqual({ ok: false, reason: 'not_found', ids: [123_456_789] });
    expect(await takeDownComment(t.db, { commentId: 123_456_789, reason: 'spam', note: '' }, moderator)).toMatchObject({ ok: false, reason: 'not_found' });
  });
});

describe('taking an approved comment down', () => {
  it('leaves a placeholder with the reason on the public page, resolves its flags and is audited', async () => {
    const c = await approved('Naboen i nr. 7 er en tyv');
    await replyToComment(t.db, { commentId: c.id, body: 'Vi ser på det.' }, moderator);
    await t.db.insert(commentFlags).values({ commentId: c.id, reason: 'personal', count: 3 });
    const result = await takeDownComment(t.db, { commentId: c.id, reason: 'personal', note: 'Udpeger en nabo; ring 12345678 ved spørgsmål' }, moderator);
    expect(result).toEqual({ ok: true, count: 1 });
    const stored = await row(c.id);
    expect(stored.status).toBe('approved');
    expect(stored.takenDownAt).toBeInstanceOf(Date);
    expect(stored.takedownReason).toBe('personal');
    // The note is masked like any text.
    expect(stored.takedownNote).not.toContain('12345678');
    expect(await flagsOf(c.id)).toEqual({});

    const [shown] = await listApprovedComments(t.db, 'initiative', initiativeId);
    expect(shown).toMatchObject({ id: c.id, takenDown: 'personal', body: '', authorName: null, replies: [] });

    const log = await audits(c.id);
    expect(log.map((a) => a.action)).toEqual(['comment.approve', 'comment.reply', 'comment.takedown']);
    expect(log[2]!.summary).toContain('approved → taken down: personal (3 flags resolved)');

    const queue = await listModerationQueue(t.db, 'taken_down');
    expect(queue.map((q) => q.comment.id)).toEqual([c.id]);
    expect(queue[0]!.history.map((h) => h.action)).toEqual(['comment.approve', 'comment.reply', 'comment.takedown']);
    expect((await listModerationQueue(t.db, 'approved')).map((q) => q.comment.id)).not.toContain(c.id);
  });

  it('refuses a second take-down, a pending comment, a reason outside the list and an oversize note, storing nothing', async () => {
    const c = await approved();
    const p = await pending('Venter stadig');
    expect(await takeDownComment(t.db, { commentId: c.id, reason: 'rude', note: '' }, moderator)).toMatchObject({ ok: false, reason: 'bad_reason' });
    expect(await takeDownComment(t.db, { commentId: c.id, reason: 'spam', note: 'x'.repeat(501) }, moderator)).toMatchObject({ ok: false, reason: 'too_long' });
    expect(await takeDownComment(t.db, { commentId: p.id, reason: 'spam', note: '' }, moderator)).toMatchObject({ ok: false, reason: 'not_shown' });
    expect((await row(c.id)).takenDownAt).toBeNull();
    expect((await takeDownComment(t.db, { commentId: c.id, reason: 'spam', note: '' }, moderator)).ok).toBe(true);
    expect(await takeDownComment(t.db, { commentId: c.id, reason: 'offensive', note: '' }, moderator)).toMatchObject({ ok: false, reason: 'not_shown' });
    expect((await row(c.id)).takedownReason).toBe('spam');
    // No more replies under a comment that is down.
    expect(await replyToComment(t.db, { commentId: c.id, body: 'Svar' }, moderator)).toEqual({ ok: false, reason: 'not_found' });
    expect((await audits(c.id)).map((a) => a.action)).toEqual(['comment.approve', 'comment.takedown']);
  });
});

describe('bulk moderation', () => {
  it('approves several pending comments in one step, each audited', async () => {
    const a = await pending('Første');
    const b = await pending('Anden');
    expect(await bulkModerate(t.db, [a.id, b.id, a.id], { kind: 'approve' }, moderator)).toEqual({ ok: true, count: 2 });
    expect((await row(a.id)).status).toBe('approved');
    expect((await row(b.id)).status).toBe('approved');
    expect((await audits(a.id)).map((x) => x.action)).toEqual(['comment.approve']);
    expect((await audits(b.id)).map((x) => x.action)).toEqual(['comment.approve']);
  });

  it('is refused whole when one of them is no longer pending, naming it, and when one is unknown', async () => {
    const a = await pending('Første');
    const b = await approved('Allerede godkendt');
    const c = await pending('Tredje');
    expect(await bulkModerate(t.db, [a.id, b.id, c.id], { kind: 'reject', reason: 'spam' }, moderator)).toEqual({ ok: false, reason: 'not_pending', ids: [b.id] });
    expect(await bulkModerate(t.db, [a.id, 987_654_321], { kind: 'approve' }, moderator)).toEqual({ ok: false, reason: 'not_found', ids: [987_654_321] });
    expect((await row(a.id)).status).toBe('pending');
    expect((await row(c.id)).status).toBe('pending');
    expect(await audits(a.id)).toEqual([]);
    expect(await audits(c.id)).toEqual([]);
  });

  it('rejects several at once with one reason', async () => {
    const a = await pending('Spam 1');
    const b = await pending('Spam 2');
    expect(await bulkModerate(t.db, [a.id, b.id], { kind: 'reject', reason: 'spam' }, moderator)).toEqual({ ok: true, count: 2 });
    expect((await row(a.id)).rejectReason).toBe('spam');
    expect((await audits(b.id))[0]!.summary).toBe('pending → rejected: spam');
  });
});

describe('editing the author display name', () => {
  it('masks the new name, audits only the lengths, and an empty name makes the comment anonymous', async () => {
    const c = await pending('Tekst', initiativeId, 'Mette 20 30 40 50');
    expect((await row(c.id)).authorName).toBe('Mette [telefonnummer skjult]');
    expect(await editAuthorName(t.db, { commentId: c.id, name: 'Mette' }, moderator)).toEqual({ ok: true, count: 1 });
    expect((await row(c.id)).authorName).toBe('Mette');
    expect(await editAuthorName(t.db, { commentId: c.id, name: 'Mette på 22 33 44 55' }, moderator)).toEqual({ ok: true, count: 1 });
    expect((await row(c.id)).authorName).not.toContain('22 33 44 55');
    expect(await editAuthorName(t.db, { commentId: c.id, name: '  ' }, moderator)).toEqual({ ok: true, count: 1 });
    expect((await row(c.id)).authorName).toBeNull();
    const log = await audits(c.id);
    expect(log.map((a) => a.summary)[0]).toBe('author name: 28 → 5 characters');
    expect(log.map((a) => a.action)).toEqual(['comment.author.edit', 'comment.author.edit', 'comment.author.edit']);
    expect(JSON.stringify(log)).not.toContain('Mette');
  });

  it('refuses a name over 80 characters and changes nothing', async () => {
    const c = await pending('Tekst', initiativeId, 'Bo');
    expect(await editAuthorName(t.db, { commentId: c.id, name: 'x'.repeat(81) }, moderator)).toMatchObject({ ok: false, reason: 'too_long' });
    expect((await row(c.id)).authorName).toBe('Bo');
    expect(await audits(c.id)).toEqual([]);
  });
});

describe("residents' flags", () => {
  const LIMITS: FlagLimits = { perClient: 10, perHour: 300 };
  function flag(commentId: number | string, reason: string, client = 'client-a', target = initiativeId, limits = LIMITS) {
    const body = new URLSearchParams({ intent: 'flag', commentId: String(commentId), reason });
    const request = new Request('http://localhost/indsatser/x', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    return handleCommentPost(t.db, request, { locale: 'da', client, targetType: 'initiative', targetId: target }, limits);
  }

  it('counts flags per reason, once per comment and client a day, and stores nothing about the client', async () => {
    const c = await approved();
    expect(await flag(c.id, 'offensive')).toEqual({ kind: 'flagged', commentId: c.id, again: false });
    expect(await flag(c.id, 'offensive')).toEqual({ kind: 'flagged', commentId: c.id, again: true });
    expect(await flag(c.id, 'spam')).toEqual({ kind: 'flagged', commentId: c.id, again: true });
    expect(await flag(c.id, 'offensive', 'client-b')).toMatchObject({ kind: 'flagged', again: false });
    expect(await flag(c.id, 'personal', 'client-c')).toMatchObject({ kind: 'flagged', again: false });
    expect(await flagsOf(c.id)).toEqual({ offensive: 2, personal: 1 });
    const columns = Object.keys((await t.db.select().from(commentFlags))[0]!);
    expect(columns.sort()).toEqual(['commentId', 'count', 'reason']);

    expect((await countQueueTabs(t.db)).flagged).toBe(1);
    const [queued] = await listModerationQueue(t.db, 'flagged');
    expect(queued).toMatchObject({ comment: { id: c.id }, flags: { offensive: 2, personal: 1 } });
  });

  it('refuses a comment of another page, an unknown or malformed id, a pending comment and a reason outside the list', async () => {
    const elsewhere = await approved('På en anden side', otherInitiativeId);
    const p = await pending();
    const c = await approved();
    expect(await flag(elsewhere.id, 'spam')).toMatchObject({ kind: 'flag_refused', status: 400, error: 'unknownComment' });
    expect(await flag(555_555_555, 'spam')).toMatchObject({ kind: 'flag_refused', status: 400, error: 'unknownComment' });
    expect(await flag('12abc', 'spam')).toMatchObject({ kind: 'flag_refused', status: 400, error: 'unknownComment', commentId: null });
    expect(await flag(p.id, 'spam')).toMatchObject({ kind: 'flag_refused', status: 400, error: 'unknownComment' });
    expect(await flag(c.id, 'boring')).toMatchObject({ kind: 'flag_refused', status: 400, error: 'badReason' });
    expect(await t.db.select().from(commentFlags)).toEqual([]);
  });

  it('refuses a flag flood: per client, and from everyone together, with 429 and nothing stored', async () => {
    const a = await approved('A');
    const b = await approved('B');
    const small = { perClient: 3, perHour: 5 };
    expect(await flag(a.id, 'spam', 'one', initiativeId, small)).toMatchObject({ kind: 'flagged', again: false });
    expect(await flag(a.id, 'spam', 'one', initiativeId, small)).toMatchObject({ kind: 'flagged', again: true });
    expect(await flag(b.id, 'spam', 'one', initiativeId, small)).toMatchObject({ kind: 'flagged', again: false });
    const throttled = await flag(b.id, 'spam', 'one', initiativeId, small);
    expect(throttled).toMatchObject({ kind: 'flag_refused', status: 429, error: 'throttled' });
    // Everyone together: two more pass, the next is a flood whoever sends it.
    expect(await flag(a.id, 'spam', 'two', initiativeId, small)).toMatchObject({ kind: 'flagged' });
    const flood = await flag(a.id, 'offensive', 'three', initiativeId, small);
    expect(flood).toMatchObject({ kind: 'flag_refused', status: 429, error: 'flood' });
    expect(flood.kind === 'flag_refused' && flood.retryAfter).toBeGreaterThan(0);
    expect(await flagsOf(a.id)).toEqual({ spam: 2 });
    expect(await flagsOf(b.id)).toEqual({ spam: 1 });
  });

  it('a moderator dismisses the flags (audited with the counts); with none left it is refused', async () => {
    const c = await approved();
    await flag(c.id, 'spam');
    await flag(c.id, 'offensive', 'client-b');
    expect(await dismissFlags(t.db, c.id, moderator)).toEqual({ ok: true, count: 2 });
    expect(await flagsOf(c.id)).toEqual({});
    expect((await audits(c.id)).at(-1)).toEqual({ action: 'comment.flags.dismiss', summary: 'flags dismissed: offensive 1, spam 1' });
    expect(await dismissFlags(t.db, c.id, moderator)).toMatchObject({ ok: false, reason: 'no_flags' });
    expect((await listApprovedComments(t.db, 'initiative', initiativeId))[0]!.takenDown).toBeNull();
  });
});
