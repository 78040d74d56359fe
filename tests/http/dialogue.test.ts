/**
 * The moderated dialogue over plain HTTP (no JavaScript): a resident's comment
 * with a CPR number is masked before a moderator sees it, is approved, gets an
 * official reply, and both appear on the initiative's public page.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { jsonValue, serverRows } from '../support/server-db.ts';
import { postForm, someClient } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const PAGE = '/indsatser/borgerdialog-i-omraadefornyelsen';

describe('a resident comments without an account', () => {
  it('the initiative page offers the comment form with a honeypot and says it is not for emergencies', async () => {
    const html = await (await fetch(base + PAGE)).text();
    expect(html).toContain('name="body"');
    expect(html).toContain('name="website"');
    expect(html).toContain('Siden er ikke til at anmelde forbrydelser');
  });

  it('an empty comment gets 400 with the message next to the field, and nothing is stored', async () => {
    const before = (await serverRows<{ n: number }>(sql`select count(*) n from comments`))[0]!.n;
    const res = await postForm(base, PAGE, { name: 'Bo', body: '   ' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Skriv en kommentar eller et spørgsmål.');
    expect(html).toContain('value="Bo"');
    expect(html).toMatch(/id="comment-body"[^>]*aria-invalid="true"/);
    expect((await serverRows<{ n: number }>(sql`select count(*) n from comments`))[0]!.n).toBe(before);
  });

  it('a comment over 2,000 characters is refused with 400 and kept for editing', async () => {
    const res = await postForm(base, `/en${PAGE}`, { body: 'x'.repeat(2001) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('The comment can be at most 2000 characters.');
  });

  it('a bot that fills the honeypot is told "thanks" but nothing is stored', async () => {
    const before = (await serverRows<{ n: number }>(sql`select count(*) n from comments`))[0]!.n;
    const res = await postForm(base, PAGE, { body: 'Køb billige ure', website: 'http://spam.example' });
    expect(res.status).toBe(303);
    expect((await serverRows<{ n: number }>(sql`select count(*) n from comments`))[0]!.n).toBe(before);
  });

  it('a body that is not a form is 415, never a 500', async () => {
    const res = await fetch(base + PAGE, {
      method: 'POST',
      headers: { origin: base, 'content-type': 'text/plain', 'x-forwarded-for': someClient() },
      body: 'hello',
    });
    expect([403, 415]).toContain(res.status);
  });
});

describe('moderation, approval and an official reply', () => {
  let moderator: string;
  beforeAll(async () => {
    moderator = await staffSession(dbPath, 'moderator');
  }, 60_000);

  it('from a CPR number in a comment to an approved, answered comment on the page', async () => {
    const text = 'Min nabo 010190-1234 siger, at lyset i passagen ved skolen er gået. Hvornår bliver det lavet?';
    const posted = await postForm(base, PAGE, { name: 'Nabo', body: text });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/kommentar-modtaget?tilbage=%2Findsatser%2Fborgerdialog-i-omraadefornyelsen');
    const received = await (await fetch(base + posted.headers.get('location')!)).text();
    expect(received).toContain('venter på moderation');
    expect(received).toContain('112');

    const [stored] = (await serverRows<{ id: number; body: string; status: string; masks: string }>(sql`select id, body, status, masks from comments where body like 'Min nabo%' order by id desc limit 1`));
    expect(stored!.status).toBe('pending');
    expect(stored!.body).not.toContain('010190');
    expect(stored!.body).toContain('[CPR-nummer skjult]');
    expect(jsonValue(stored!.masks)).toEqual(['cpr']);

    // Not public before approval.
    expect(await (await fetch(base + PAGE)).text()).not.toContain('Min nabo');

    const queue = await (await fetch(`${base}/staff/comments`, { headers: { cookie: moderator } })).text();
    expect(queue).toContain('[CPR-nummer skjult]');
    expect(queue).toContain('Skjult automatisk: CPR-nummer');

    const approve = await postForm(base, '/staff/comments', { intent: 'approve', commentId: String(stored!.id), body: stored!.body }, moderator);
    expect(approve.status).toBe(200);
    const partnerId = (await serverRows<{ id: number }>(sql`select id from partners where slug = 'omraadefornyelsen'`))[0]!.id;
    const reply = await postForm(
      base,
      '/staff/comments?status=approved',
      { intent: 'reply', commentId: String(stored!.id), partnerId: String(partnerId), body: 'Tak. Lyset bliver skiftet i næste uge.' },
      moderator,
    );
    expect(reply.status).toBe(200);

    const page = await (await fetch(base + PAGE)).text();
    expect(page).toContain('[CPR-nummer skjult] siger, at lyset');
    expect(page).toContain('Svar fra Områdefornyelsen Indre Nørrebro');
    expect(page).toContain('Tak. Lyset bliver skiftet i næste uge.');
    expect(page).not.toContain('010190');

    const actions = (await serverRows<{ action: string }>(sql`select action from audit_log where entity_type = ${'comment'} and entity_id = ${stored!.id}`)).map((a) => a.action);
    expect(actions).toEqual(['comment.approve', 'comment.reply']);
  });

  it('a rejected comment never appears publicly', async () => {
    await postForm(base, PAGE, { body: 'En tekst der skal afvises af moderatoren' });
    const [c] = await serverRows<{ id: number }>(sql`select id from comments where body like 'En tekst der skal afvises%'`);
    const res = await postForm(base, '/staff/comments', { intent: 'reject', commentId: String(c!.id), reason: 'offensive' }, moderator);
    expect(res.status).toBe(200);
    expect(await (await fetch(base + PAGE)).text()).not.toContain('En tekst der skal afvises');
  });
});
