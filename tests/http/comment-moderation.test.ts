/**
 * Moderation for a busy dialogue (issue #19) over plain HTTP, no JavaScript:
 * a moderator takes an approved comment down (a placeholder with the reason
 * on the page, the history on the staff page), residents flag a comment
 * (one per comment and client a day, a flood refused with 429 and a page in
 * their language), the flagged queue, bulk approve/reject (refused whole
 * when one is no longer pending) and author name edits; every bad input gets
 * a clear message and a 4xx, never a 500, and stores nothing.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { serverRows } from '../support/server-db.ts';
import { postForm, someClient } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const PAGE = '/indsatser/borgerdialog-i-omraadefornyelsen';

/** A form post from one fixed client (the throttles count per client). */
function postAs(client: string, path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': client },
    body: new URLSearchParams(fields).toString(),
  });
}

let moderator: string;
let seq = 0;

/** A resident's comment, through the page; its id. */
async function comment(body: string, name = ''): Promise<number> {
  const text = `${body} (${Date.now()}-${(seq += 1)})`;
  const res = await postForm(base, PAGE, { name, body: text });
  expect(res.status).toBe(303);
  return (await serverRows<{ id: number }>(sql`select id from comments where body = ${text}`))[0]!.id;
}

async function approved(body: string, name = ''): Promise<number> {
  const id = await comment(body, name);
  const row = (await serverRows<{ body: string }>(sql`select body from comments where id = ${id}`))[0]!;
  const res = await postForm(base, '/staff/comments', { intent: 'approve', commentId: String(id), body: row.body }, moderator);
  expect(res.status).toBe(200);
  return id;
}

const staff = (path: string, fields: Record<string, string | readonly string[]>) => postForm(base, path, fields, moderator);
const audits = async (id: number) => (await serverRows<{ action: string; summary: string }>(sql`select action, summary from audit_log where entity_type = 'comment' and entity_id = ${id} order by id`));
const flags = async (id: number) => (await serverRows<{ reason: string; count: number }>(sql`select reason, count from comment_flags where comment_id = ${id} order by reason`));

beforeAll(async () => {
  moderator = await staffSession(dbPath, 'moderator');
}, 60_000);

describe('taking an approved comment down', () => {
  it('leaves a placeholder with the reason on the page; the staff page shows it under Taken down with its history', async () => {
    const id = await approved('Naboen i opgang B larmer hver nat');
    expect(await (await fetch(base + PAGE)).text()).toContain('Naboen i opgang B larmer');

    const res = await staff('/staff/comments?status=approved', { intent: 'takedown', commentId: String(id), reason: 'personal', note: 'Udpeger en bestemt nabo' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Kommentaren er fjernet.');

    const page = await (await fetch(base + PAGE)).text();
    expect(page).not.toContain('Naboen i opgang B larmer');
    expect(page).toContain('Kommentaren er fjernet af redaktionen: personoplysninger.');
    expect(await (await fetch(`${base}/en${PAGE}`)).text()).toContain('The comment has been removed by the editors: personal data.');

    const queue = await (await fetch(`${base}/staff/comments?status=taken_down`, { headers: { cookie: moderator } })).text();
    expect(queue).toContain(`#${id}`);
    expect(queue).toContain('Udpeger en bestemt nabo');
    expect(queue).toContain('comment.takedown');
    expect((await audits(id)).map((a) => a.action)).toEqual(['comment.approve', 'comment.takedown']);

    // Again: refused, nothing more stored.
    const again = await staff('/staff/comments', { intent: 'takedown', commentId: String(id), reason: 'spam', note: '' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Kommentaren er ikke godkendt og vist');
    expect((await serverRows<{ takedown_reason: string }>(sql`select takedown_reason from comments where id = ${id}`))[0]!.takedown_reason).toBe('personal');
    expect(await audits(id)).toHaveLength(2);
  });

  it('the hand-made POST is closed: "reject" or "approve" on an approved comment is refused with 409 and it stays up', async () => {
    const id = await approved('En helt almindelig kommentar om lys');
    const reject = await staff('/staff/comments', { intent: 'reject', commentId: String(id), reason: 'offensive' });
    expect(reject.status).toBe(409);
    expect(await reject.text()).toContain(`venter ikke længere på moderation: #${id}`);
    const reword = await staff('/staff/comments', { intent: 'approve', commentId: String(id), body: 'Ændret tekst' });
    expect(reword.status).toBe(409);
    expect((await serverRows<{ status: string; body: string }>(sql`select status, body from comments where id = ${id}`))[0]!).toMatchObject({ status: 'approved' });
    expect(await (await fetch(base + PAGE)).text()).toContain('En helt almindelig kommentar om lys');
    expect((await audits(id)).map((a) => a.action)).toEqual(['comment.approve']);
  });

  it('bad input gets a clear 4xx, never a 500, and changes nothing', async () => {
    const id = await approved('Kommentar til dårligt input');
    const cases: [Record<string, string>, number, string][] = [
      [{ intent: 'takedown', commentId: String(id), reason: 'rude', note: '' }, 400, 'Vælg en begrundelse på listen'],
      [{ intent: 'takedown', commentId: String(id), reason: 'spam', note: 'x'.repeat(501) }, 400, 'Teksten er for lang'],
      [{ intent: 'takedown', commentId: '987654321', reason: 'spam', note: '' }, 404, 'Kommentaren findes ikke (#987654321)'],
      [{ intent: 'takedown', commentId: 'abc', reason: 'spam', note: '' }, 400, 'Handlingen kunne ikke udføres'],
      [{ intent: 'dismissFlags', commentId: String(id) }, 409, 'ingen markeringer'],
      [{ intent: 'author', commentId: String(id), name: 'x'.repeat(81) }, 400, 'Teksten er for lang'],
      [{ intent: 'nonsense', commentId: String(id) }, 400, 'Handlingen kunne ikke udføres'],
    ];
    for (const [fields, status, message] of cases) {
      const res = await staff('/staff/comments', fields);
      expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(status);
      expect(await res.text()).toContain(message);
    }
    expect((await serverRows<{ t: number | null }>(sql`select taken_down_at t from comments where id = ${id}`))[0]!.t).toBeNull();
    expect((await audits(id)).map((a) => a.action)).toEqual(['comment.approve']);
  });
});

describe('residents flag a comment', () => {
  it('a flag is counted and the resident is sent back to the comment with a thank-you; a second one the same day is not counted', async () => {
    const id = await approved('En kommentar, som nogen vil markere');
    const client = someClient();
    const res = await postAs(client, PAGE, { intent: 'flag', commentId: String(id), reason: 'offensive' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${PAGE}?markeret=${id}#kommentar-${id}`);
    const back = await (await fetch(`${base}${PAGE}?markeret=${id}`)).text();
    expect(back).toContain('Tak. Redaktionen ser på kommentaren.');

    const again = await postAs(client, PAGE, { intent: 'flag', commentId: String(id), reason: 'spam' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`${PAGE}?markeret=${id}&igen=1#kommentar-${id}`);
    expect(await (await fetch(`${base}${PAGE}?markeret=${id}&igen=1`)).text()).toContain('Du har allerede markeret denne kommentar i dag');
    expect(await flags(id)).toEqual([{ reason: 'offensive', count: 1 }]);
  });

  it('the page offers a flag form under each approved comment, with the reasons', async () => {
    const id = await approved('Kommentar med markeringsformular');
    const html = await (await fetch(base + PAGE)).text();
    expect(html).toContain('Markér kommentaren');
    expect(html).toContain(`id="flag-${id}-reason"`);
    expect(html).toMatch(/<option value="personal"[^>]*>Den udpeger eller beskriver personer<\/option>/);
  });

  it('an unknown comment, a comment of another page, a pending one and a reason outside the list are refused with 400 and a message', async () => {
    const id = await approved('Kommentar på den første side');
    const pending = await comment('Venter på moderation');
    const other = (await serverRows<{ slug: string }>(sql`select slug from initiatives where state = 'published' and slug != 'borgerdialog-i-omraadefornyelsen' limit 1`))[0]!.slug;
    const cases: [string, Record<string, string>, string][] = [
      [PAGE, { intent: 'flag', commentId: '123456789', reason: 'spam' }, 'kommentaren findes ikke på denne side'],
      [`/indsatser/${other}`, { intent: 'flag', commentId: String(id), reason: 'spam' }, 'kommentaren findes ikke på denne side'],
      [PAGE, { intent: 'flag', commentId: String(pending), reason: 'spam' }, 'kommentaren findes ikke på denne side'],
      [PAGE, { intent: 'flag', commentId: 'x', reason: 'spam' }, 'kommentaren findes ikke på denne side'],
      [PAGE, { intent: 'flag', commentId: String(id), reason: 'boring' }, 'vælg en begrundelse på listen'],
      [`/en${PAGE}`, { intent: 'flag', commentId: String(id), reason: 'boring' }, 'choose a reason from the list'],
    ];
    for (const [path, fields, message] of cases) {
      const res = await postAs(someClient(), path, fields);
      expect(res.status, `${path} ${JSON.stringify(fields)}`).toBe(400);
      expect(await res.text()).toContain(message);
    }
    expect(await flags(id)).toEqual([]);
    expect(await flags(pending)).toEqual([]);
  });

  it('a flag flood from one client is refused with 429, Retry-After and a page in the visitor\'s language', async () => {
    const id = await approved('Kommentar, der bliver markeret igen og igen');
    const client = someClient();
    for (let i = 0; i < 10; i++) {
      expect((await postAs(client, PAGE, { intent: 'flag', commentId: String(id), reason: 'spam' })).status).toBe(303);
    }
    const da = await postAs(client, PAGE, { intent: 'flag', commentId: String(id), reason: 'spam' });
    expect(da.status).toBe(429);
    expect(Number(da.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await da.text();
    expect(html).toContain('<html lang="da"');
    expect(html).toContain('du har markeret mange kommentarer på kort tid');
    const en = await postAs(client, `/en${PAGE}`, { intent: 'flag', commentId: String(id), reason: 'spam' });
    expect(en.status).toBe(429);
    expect(await en.text()).toContain('you have flagged many comments in a short time');
    expect(await flags(id)).toEqual([{ reason: 'spam', count: 1 }]);
  });
  it('an event page takes flags the same way, and the staff home page links to the flagged queue', async () => {
    const event = (await serverRows<{ slug: string }>(sql`select slug from events where state = 'published' limit 1`))[0]!.slug;
    const path = `/arrangementer/${event}`;
    const text = `Kommentar til arrangementet (${Date.now()})`;
    expect((await postForm(base, path, { body: text })).status).toBe(303);
    const id = (await serverRows<{ id: number }>(sql`select id from comments where body = ${text}`))[0]!.id;
    expect((await staff('/staff/comments', { intent: 'approve', commentId: String(id), body: text })).status).toBe(200);
    const res = await postAs(someClient(), path, { intent: 'flag', commentId: String(id), reason: 'spam' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${path}?markeret=${id}#kommentar-${id}`);
    // The same comment posted against an initiative page is not that page's.
    expect((await postAs(someClient(), PAGE, { intent: 'flag', commentId: String(id), reason: 'spam' })).status).toBe(400);
    expect(await flags(id)).toEqual([{ reason: 'spam', count: 1 }]);
    const home = await (await fetch(`${base}/staff`, { headers: { cookie: moderator } })).text();
    expect(home).toMatch(/\d+ kommentar(er)? er markeret af beboere\./);
  });
});

describe('the flagged queue', () => {
  it('lists flagged comments with their counts in a tab; a moderator dismisses the flags or takes the comment down', async () => {
    const keep = await approved('Kommentar, der bliver stående');
    const remove = await approved('Kommentar, der bliver fjernet');
    for (const reason of ['offensive', 'offensive', 'spam']) await postAs(someClient(), PAGE, { intent: 'flag', commentId: String(keep), reason });
    await postAs(someClient(), PAGE, { intent: 'flag', commentId: String(remove), reason: 'personal' });

    const queue = await (await fetch(`${base}/staff/comments?status=flagged`, { headers: { cookie: moderator } })).text();
    expect(queue).toMatch(/Markeret \(\d+\)/);
    expect(queue).toContain(`#${keep}`);
    expect(queue).toContain('Markeringer fra beboere: 3 markeringer');
    expect(queue).toContain('Krænkende eller truende: 2');

    const dismiss = await staff('/staff/comments?status=flagged', { intent: 'dismissFlags', commentId: String(keep) });
    expect(dismiss.status).toBe(200);
    expect(await flags(keep)).toEqual([]);
    expect((await audits(keep)).at(-1)).toEqual({ action: 'comment.flags.dismiss', summary: 'flags dismissed: offensive 2, spam 1' });

    const down = await staff('/staff/comments?status=flagged', { intent: 'takedown', commentId: String(remove), reason: 'personal', note: '' });
    expect(down.status).toBe(200);
    expect(await flags(remove)).toEqual([]);
    const after = await (await fetch(`${base}/staff/comments?status=flagged`, { headers: { cookie: moderator } })).text();
    expect(after).not.toContain(`#${keep} `);
    expect(after).not.toContain(`#${remove} `);
  });
});

describe('bulk moderation', () => {
  it('approves several pending comments at once, each audited', async () => {
    const a = await comment('Bulk A');
    const b = await comment('Bulk B');
    const queue = await (await fetch(`${base}/staff/comments`, { headers: { cookie: moderator } })).text();
    expect(queue).toContain(`id="select-${a}"`);
    const res = await staff('/staff/comments', { intent: 'bulkApprove', ids: [String(a), String(b)], reason: 'other' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('2 kommentarer er godkendt.');
    expect((await serverRows<{ status: string }>(sql`select status from comments where id in (${a}, ${b})`)).map((r) => r.status)).toEqual(['approved', 'approved']);
    expect((await audits(a)).map((x) => x.action)).toEqual(['comment.approve']);
    expect((await audits(b)).map((x) => x.action)).toEqual(['comment.approve']);
  });

  it('is refused whole when one of them is no longer pending, naming it; unknown ids and an empty selection are refused too', async () => {
    const a = await comment('Bulk C');
    const done = await approved('Bulk D');
    const res = await staff('/staff/comments', { intent: 'bulkReject', ids: [String(a), String(done)], reason: 'spam' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(`venter ikke længere på moderation: #${done}`);
    expect((await serverRows<{ status: string }>(sql`select status from comments where id = ${a}`))[0]!.status).toBe('pending');
    expect(await audits(a)).toEqual([]);

    const unknown = await staff('/staff/comments', { intent: 'bulkApprove', ids: [String(a), '987654321'] });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('#987654321');
    const none = await staff('/staff/comments', { intent: 'bulkApprove' });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Vælg mindst én kommentar');
    const bad = await staff('/staff/comments', { intent: 'bulkReject', ids: [String(a)], reason: 'because' });
    expect(bad.status).toBe(400);
    expect((await serverRows<{ status: string }>(sql`select status from comments where id = ${a}`))[0]!.status).toBe('pending');
  });
});

describe("editing an author's display name", () => {
  it('a moderator removes a leftover phone number; the log keeps only lengths', async () => {
    const id = await comment('Kommentar med et navn', 'Mette 20 30 40 50');
    expect((await serverRows<{ n: string }>(sql`select author_name n from comments where id = ${id}`))[0]!.n).toBe('Mette [telefonnummer skjult]');
    const res = await staff('/staff/comments', { intent: 'author', commentId: String(id), name: 'Mette' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Navnet er ændret.');
    expect((await serverRows<{ n: string }>(sql`select author_name n from comments where id = ${id}`))[0]!.n).toBe('Mette');
    // A new name with a phone number is masked too.
    await staff('/staff/comments', { intent: 'author', commentId: String(id), name: 'Mette 21 31 41 51' });
    expect((await serverRows<{ n: string }>(sql`select author_name n from comments where id = ${id}`))[0]!.n).toBe('Mette [telefonnummer skjult]');
    expect(await audits(id)).toEqual([
      { action: 'comment.author.edit', summary: 'author name: 28 → 5 characters' },
      { action: 'comment.author.edit', summary: 'author name: 5 → 28 characters' },
    ]);
  });
});
