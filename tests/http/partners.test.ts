/**
 * Partner inboxes over plain HTTP (form posts, as without JavaScript), on the
 * built server with its SMTP sink:
 * - rule: replies are signed only as one's own partner. The reply forms have
 *   no partner field; a posted id of another partner, an unknown id, and an
 *   account without a partner are refused with a clear message, nothing is
 *   stored, and the attempt is audited;
 * - an admin sets a user's partner (re-authenticated), a partner's mailbox
 *   (validated) and a category's routing at /staff/partners;
 * - forwarding puts the report in the partner's queue and mails the partner's
 *   mailbox a notice with a staff link and no resident text;
 * - the receipt names the partner, and signs public notes "Fra: <partner>".
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serverRow, serverRows, sharedServerDatabase } from '../support/server-db.ts';
import { demoTotpKey } from '../../src/server/seed/demo-staff.ts';
import { createUser } from '../../src/server/staff/users.ts';
import { readMailbox, type ReceivedMail } from '../support/mailbox.ts';
import { demoAccount, postForm, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const mailDir = inject('mailDir');

const partnerId = async (slug: string) => (await serverRow<{ id: number }>(sql`select id from partners where slug = ${slug}`)).id;
const refusals = async () => (await serverRow<{ n: number }>(sql`select count(*) n from audit_log where action = 'partner.sign_refused'`)).n;

/** The page's HTML without Astro's scoped-style markers. */
async function html(res: Response): Promise<string> {
  return (await res.text()).replace(/ data-astro-cid-[a-z0-9]+/g, '');
}

let n = 0;
async function report(category: string): Promise<{ id: number; receipt: string }> {
  const res = await postForm(base, '/meld', {
    submission: `partners-test-${Date.now()}-${++n}`,
    category,
    location: 'blaagaards-plads',
    timeOfDay: 'evening',
    weekday: '5',
    description: `Hemmelig beskrivelse ${n}`,
    reporterType: 'resident',
    email: '',
    website: '',
  });
  expect(res.status).toBe(303);
  const receipt = res.headers.get('location')!.split('/').pop()!;
  return { id: (await serverRow<{ id: number }>(sql`select id from reports where receipt = ${receipt}`)).id, receipt };
}

async function approvedComment(moderator: string): Promise<number> {
  const marker = `Hvornår sker der noget ved porten? ${Date.now()}-${++n}`;
  expect((await postForm(base, '/indsatser/borgerdialog-i-omraadefornyelsen', { name: '', body: marker })).status).toBe(303);
  const { id } = (await serverRow<{ id: number }>(sql`select id from comments where body = ${marker}`));
  expect((await postForm(base, '/staff/comments', { intent: 'approve', commentId: String(id), body: marker }, moderator)).status).toBe(200);
  return id;
}

/** The mail to `to` about report `id` (the server sends in the background). */
async function mailAbout(to: string, id: number): Promise<ReceivedMail> {
  const until = Date.now() + 10_000;
  for (;;) {
    const mail = readMailbox(mailDir).find((m) => m.to === to && m.raw.replace(/=\r?\n/g, '').includes(`report=3D${id}`));
    if (mail) return mail;
    if (Date.now() > until) throw new Error(`no mail to ${to} about report ${id}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const LONER = { email: 'uden-partner@test.tryghed.invalid', password: 'lygtepæl ved søerne om aftenen' };
let admin = '';
let moderator = '';
let loner = '';
let lonerId = 0;

beforeAll(async () => {
  // A moderator who belongs to no partner (as an admin would create one without choosing a partner).
  const db = sharedServerDatabase();
  const user = await createUser(db, { ...LONER, displayName: 'Moderator uden partner', role: 'moderator', partnerId: null, totpKey: demoTotpKey() }, null);
  lonerId = user.id;
  admin = await staffSession(dbPath, 'admin');
  moderator = await staffSession(dbPath, 'moderator');
  loner = await staffSession(dbPath, { email: LONER.email });
}, SIGN_IN_TIMEOUT_MS * 3);

describe('replies are signed only as one\'s own partner', () => {
  it('the reply forms show "Svarer som: <partner>" and have no partner field', async () => {
    await approvedComment(moderator);
    const comments = await html(await fetch(`${base}/staff/comments?status=approved`, { headers: { cookie: moderator } }));
    expect(comments).toContain('Svarer som: <strong>Områdefornyelsen Indre Nørrebro</strong>');
    expect(comments).not.toContain('name="partnerId"');
    const r = await report('lighting');
    const reportsPage = await html(await fetch(`${base}/staff/reports?report=${r.id}`, { headers: { cookie: moderator } }));
    expect(reportsPage).toContain('Kategoriens partner: Områdefornyelsen Indre Nørrebro');
    expect(reportsPage).toContain('Svarer som: <strong>Områdefornyelsen Indre Nørrebro</strong>');
    expect(reportsPage).not.toContain('name="partnerId"');
  });

  it('a reply is signed with the replier\'s own partner', async () => {
    const commentId = await approvedComment(moderator);
    const res = await postForm(base, '/staff/comments?status=approved', { intent: 'reply', commentId: String(commentId), body: 'Vi kigger på det.' }, moderator);
    expect(res.status).toBe(200);
    expect((await serverRows<{ partner_id: number }>(sql`select partner_id from comment_replies where comment_id = ${commentId}`))).toEqual([{ partner_id: (await partnerId('omraadefornyelsen')) }]);
  });

  it('another partner\'s id is refused with a clear message, nothing stored, the attempt audited', async () => {
    const commentId = await approvedComment(moderator);
    const before = await refusals();
    const res = await postForm(base, '/staff/comments?status=approved', { intent: 'reply', commentId: String(commentId), partnerId: String(await partnerId('politi')), body: 'Som politiet' }, moderator);
    expect(res.status).toBe(403);
    expect(await html(res)).toContain('Du kan kun svare som din egen partner, Områdefornyelsen Indre Nørrebro. Intet er gemt, og forsøget er logget.');
    expect(await serverRows(sql`select id from comment_replies where comment_id = ${commentId}`)).toEqual([]);
    expect(await refusals()).toBe(before + 1);
    const [audit] = (await serverRows<{ user_id: number; entity_id: number; summary: string }>(sql`select user_id, entity_id, summary from audit_log where action = 'partner.sign_refused' order by id desc limit 1`));
    expect(audit).toMatchObject({ entity_id: (await partnerId('politi')) });
    expect(audit!.summary).toContain('other_partner');
  });

  it('in English too', async () => {
    const commentId = await approvedComment(moderator);
    const res = await postForm(base, '/en/staff/comments?status=approved', { intent: 'reply', commentId: String(commentId), partnerId: String(await partnerId('ssp')), body: 'As SSP' }, moderator);
    expect(res.status).toBe(403);
    expect(await html(res)).toContain('You can only reply as your own partner, Inner Nørrebro area renewal. Nothing was saved');
  });

  it('an unknown partner id is refused, nothing stored, audited', async () => {
    const commentId = await approvedComment(moderator);
    const before = await refusals();
    const res = await postForm(base, '/staff/comments?status=approved', { intent: 'reply', commentId: String(commentId), partnerId: '999999', body: 'Hvem?' }, moderator);
    expect(res.status).toBe(400);
    expect(await html(res)).toContain('Partneren findes ikke. Du kan kun svare som din egen partner.');
    expect(await serverRows(sql`select id from comment_replies where comment_id = ${commentId}`)).toEqual([]);
    expect(await refusals()).toBe(before + 1);
  });

  it('a public note on a report posted as another partner changes nothing', async () => {
    const r = await report('lighting');
    const before = await refusals();
    const res = await postForm(
      base,
      '/staff/reports',
      { intent: 'status', reportId: String(r.id), status: 'in_progress', partnerId: String(await partnerId('politi')), publicNote: 'Som politiet', internalNote: '' },
      moderator,
    );
    expect(res.status).toBe(403);
    expect(await html(res)).toContain('Du kan kun svare som din egen partner');
    expect((await serverRow<{ status: string }>(sql`select status from reports where id = ${r.id}`)).status).toBe('received');
    expect((await serverRow<{ n: number }>(sql`select count(*) n from report_updates where report_id = ${r.id}`)).n).toBe(1);
    expect(await refusals()).toBe(before + 1);
  });
});

describe('a staff member without a partner', () => {
  it('sees why they cannot reply, and a posted reply or public note is refused with nothing stored', async () => {
    const commentId = await approvedComment(moderator);
    const page = await html(await fetch(`${base}/staff/comments?status=approved`, { headers: { cookie: loner } }));
    expect(page).toContain('Din konto hører ikke til nogen partner – bed en administrator om at tilknytte den.');
    const before = await refusals();
    const res = await postForm(base, '/staff/comments?status=approved', { intent: 'reply', commentId: String(commentId), body: 'Uden partner' }, loner);
    expect(res.status).toBe(403);
    expect(await html(res)).toContain('Din konto hører ikke til nogen partner – bed en administrator om at tilknytte den.');
    const en = await postForm(base, '/en/staff/comments?status=approved', { intent: 'reply', commentId: String(commentId), partnerId: String(await partnerId('ssp')), body: 'No partner' }, loner);
    expect(en.status).toBe(403);
    expect(await html(en)).toContain('Your account belongs to no partner — ask an admin');
    expect(await serverRows(sql`select id from comment_replies where comment_id = ${commentId}`)).toEqual([]);

    const r = await report('lighting');
    const note = await postForm(base, '/staff/reports', { intent: 'status', reportId: String(r.id), status: 'in_progress', publicNote: 'Uden partner', internalNote: '' }, loner);
    expect(note.status).toBe(403);
    expect(await html(note)).toContain('Din konto hører ikke til nogen partner');
    expect((await serverRow<{ status: string }>(sql`select status from reports where id = ${r.id}`)).status).toBe('received');
    expect(await refusals()).toBe(before + 3);

    const queue = await html(await fetch(`${base}/staff/reports?queue=mine`, { headers: { cookie: loner } }));
    expect(queue).toContain('Din konto hører ikke til nogen partner, så du har ingen kø.');
  });

  it('an admin gives them a partner (with re-authentication), and they can then reply as it', async () => {
    const ssp = String(await partnerId('ssp'));
    const bare = await postForm(base, '/staff/users', { intent: 'set_partner', userId: String(lonerId), partnerId: ssp }, admin);
    expect(bare.status).toBe(403);
    expect((await serverRow<{ partner_id: number | null }>(sql`select partner_id from users where id = ${lonerId}`)).partner_id).toBeNull();
    const unknown = await postForm(base, '/staff/users', { intent: 'set_partner', userId: String(lonerId), partnerId: '999999', confirm: demoAccount('admin').password }, admin);
    expect(unknown.status).toBe(400);
    expect(await html(unknown)).toContain('Partneren findes ikke. Intet er ændret.');
    expect((await serverRow<{ partner_id: number | null }>(sql`select partner_id from users where id = ${lonerId}`)).partner_id).toBeNull();

    const ok = await postForm(base, '/staff/users', { intent: 'set_partner', userId: String(lonerId), partnerId: ssp, confirm: demoAccount('admin').password }, admin);
    expect(ok.status).toBe(200);
    expect(await html(ok)).toContain('Ændringen er gemt.');
    expect((await serverRow<{ partner_id: number }>(sql`select partner_id from users where id = ${lonerId}`)).partner_id).toBe(Number(ssp));
    expect((await serverRow<{ summary: string }>(sql`select summary from audit_log where action = 'user.change_partner' and entity_id = ${lonerId} order by id desc limit 1`)).summary).toContain('(ssp)');

    const commentId = await approvedComment(moderator);
    const reply = await postForm(base, '/staff/comments?status=approved', { intent: 'reply', commentId: String(commentId), body: 'Nu som SSP.' }, loner);
    expect(reply.status).toBe(200);
    expect((await serverRows<{ partner_id: number }>(sql`select partner_id from comment_replies where comment_id = ${commentId}`))).toEqual([{ partner_id: Number(ssp) }]);
  });
});

describe('an admin configures mailboxes and routing at /staff/partners', () => {
  const mailboxOf = async (slug: string) => (await serverRow<{ mailbox: string | null }>(sql`select mailbox from partners where slug = ${slug}`)).mailbox;
  const routeOf = async (slug: string) => (await serverRow<{ partner_id: number | null }>(sql`select partner_id from report_categories where slug = ${slug}`)).partner_id;
  const otherId = async () => String((await serverRow<{ id: number }>(sql`select id from report_categories where slug = 'other'`)).id);

  afterAll(async () => {
    await postForm(base, '/staff/partners', { intent: 'mailbox', partnerId: String(await partnerId('ssp')), mailbox: 'ssp@example.invalid', shown: 'yes' }, admin);
    await postForm(base, '/staff/partners', { intent: 'route', categoryId: (await otherId()), partnerId: '' }, admin);
  });

  it('a mailbox is shown to everyone on /om only while an admin has ticked "Vis på Om-siden"; each change is audited', async () => {
    const ssp = String(await partnerId('ssp'));
    const about = async () => (await fetch(`${base}/om`)).text();
    const shownTo = (page: string) => page.includes('href="mailto:ssp-om@example.invalid"');
    expect((await postForm(base, '/staff/partners', { intent: 'mailbox', partnerId: ssp, mailbox: 'ssp-om@example.invalid' }, admin)).status).toBe(200);
    expect(shownTo(await about())).toBe(false);
    const page = await html(await fetch(`${base}/staff/partners`, { headers: { cookie: admin } }));
    expect(page).toMatch(new RegExp(`<input type="checkbox" id="shown-${ssp}" name="shown" value="yes"\\s*/?>`));
    expect((await postForm(base, '/staff/partners', { intent: 'mailbox', partnerId: ssp, mailbox: 'ssp-om@example.invalid', shown: 'yes' }, admin)).status).toBe(200);
    expect(shownTo(await about())).toBe(true);
    const [last] = await serverRows<{ summary: string }>(sql`select summary from audit_log where action = 'partner.mailbox' order by id desc limit 1`);
    expect(last!.summary).toBe('ssp: ssp-om@example.invalid → ssp-om@example.invalid, now shown on /om');
    // An empty mailbox is never shown, ticked or not.
    expect((await postForm(base, '/staff/partners', { intent: 'mailbox', partnerId: ssp, mailbox: '', shown: 'yes' }, admin)).status).toBe(200);
    expect((await serverRow<{ mailbox_public: unknown }>(sql`select mailbox_public from partners where slug = 'ssp'`)).mailbox_public).toBeFalsy();
    expect((await postForm(base, '/staff/partners', { intent: 'mailbox', partnerId: ssp, mailbox: 'ssp@example.invalid', shown: 'yes' }, admin)).status).toBe(200);
  });

  it('shows the demo mailboxes and routing', async () => {
    const page = await html(await fetch(`${base}/staff/partners`, { headers: { cookie: admin } }));
    expect(page).toContain('Partnere og postkasser');
    expect(page).toContain('value="politi@example.invalid"');
    expect(await mailboxOf('ssp')).toBe('ssp@example.invalid');
    expect(await routeOf('drug_dealing')).toBe(await partnerId('politi'));
  });

  it('an invalid mailbox is refused with a clear message and changes nothing', async () => {
    for (const bad of ['ssp', 'ssp@', 'ssp@example.invalid; politi@example.invalid']) {
      const res = await postForm(base, '/staff/partners', { intent: 'mailbox', partnerId: String(await partnerId('ssp')), mailbox: bad }, admin);
      expect(res.status, bad).toBe(400);
      expect(await html(res)).toContain('Postkassen skal være en gyldig e-mailadresse');
      expect(await mailboxOf('ssp')).toBe('ssp@example.invalid');
    }
    const unknown = await postForm(base, '/staff/partners', { intent: 'mailbox', partnerId: '999999', mailbox: 'x@example.invalid' }, admin);
    expect(unknown.status).toBe(400);
  });

  it('an unknown partner for a category is refused and changes nothing', async () => {
    const res = await postForm(base, '/staff/partners', { intent: 'route', categoryId: (await otherId()), partnerId: '999999' }, admin);
    expect(res.status).toBe(400);
    expect(await html(res)).toContain('Partneren findes ikke. Intet er ændret.');
    expect(await routeOf('other')).toBeNull();
  });

  it('a new mailbox and routing take effect: a forwarded report goes to the queue and the new mailbox', async () => {
    const ssp = await partnerId('ssp');
    expect((await postForm(base, '/staff/partners', { intent: 'mailbox', partnerId: String(ssp), mailbox: 'SSP-Vagt@Example.invalid' }, admin)).status).toBe(200);
    expect(await mailboxOf('ssp')).toBe('ssp-vagt@example.invalid');
    expect((await postForm(base, '/staff/partners', { intent: 'route', categoryId: (await otherId()), partnerId: String(ssp) }, admin)).status).toBe(200);
    expect(await routeOf('other')).toBe(ssp);
    const actions = (await serverRows<{ action: string }>(sql`select action from audit_log where action in ('partner.mailbox', 'category.route')`)).map((a) => a.action);
    expect(actions).toContain('partner.mailbox');
    expect(actions).toContain('category.route');

    const r = await report('other');
    const res = await postForm(base, '/staff/reports', { intent: 'status', reportId: String(r.id), status: 'forwarded', forwardTo: '', internalNote: '' }, moderator);
    expect(res.status).toBe(303);
    const back = await fetch(base + res.headers.get('location')!, { headers: { cookie: moderator } });
    expect(await html(back)).toContain('Meldingen er sendt videre til SSP København, og der er sendt besked til partnerens postkasse.');
    expect((await serverRow<{ forwarded_to: number }>(sql`select forwarded_to from reports where id = ${r.id}`)).forwarded_to).toBe(ssp);
    await mailAbout('ssp-vagt@example.invalid', r.id);
  });
});

describe('forwarding, the partner\'s queue and the receipt', () => {
  it('forwarding by the category\'s routing mails the partner a staff link without resident text', async () => {
    const r = await report('drug_dealing');
    const res = await postForm(
      base,
      '/staff/reports',
      { intent: 'status', reportId: String(r.id), status: 'forwarded', forwardTo: '', publicNote: 'Politiet er orienteret.', internalNote: 'Intern bemærkning' },
      moderator,
    );
    expect(res.status).toBe(303);
    expect((await serverRow<{ forwarded_to: number }>(sql`select forwarded_to from reports where id = ${r.id}`)).forwarded_to).toBe(await partnerId('politi'));
    expect((await serverRow<{ partner_id: number }>(sql`select partner_id from report_updates where report_id = ${r.id} and status = 'forwarded'`)).partner_id).toBe(await partnerId('omraadefornyelsen'));
    const mail = await mailAbout('politi@example.invalid', r.id);
    const raw = mail.raw.replace(/=\r?\n/g, '');
    expect(raw).toContain(`/staff/reports?report=3D${r.id}`);
    for (const secret of ['Hemmelig beskrivelse', 'Politiet er orienteret', 'Intern bem', r.receipt, 'Demo Moderator', 'moderator@demo']) expect(raw, secret).not.toContain(secret);
    await expect.poll(async () => (await serverRow<{ n: number }>(sql`select count(*) n from report_notices where report_id = ${r.id}`)).n).toBe(0);

    // The link opens this one report (sign-in needed).
    const opened = await html(await fetch(`${base}/staff/reports?report=${r.id}`, { headers: { cookie: admin } }));
    expect(opened).toContain(`id="r-${r.id}"`);
    expect(opened).toContain(`Viser kun melding nr. ${r.id}.`);
    expect((await fetch(`${base}/staff/reports?report=${r.id}`, { redirect: 'manual' })).status).toBe(303);
  });

  it('"my partner\'s queue" shows only reports forwarded to the signed-in user\'s partner', async () => {
    const ours = await report('lighting');
    const theirs = await report('violence');
    for (const r of [ours, theirs]) {
      expect((await postForm(base, '/staff/reports', { intent: 'status', reportId: String(r.id), status: 'forwarded', forwardTo: '', internalNote: '' }, moderator)).status).toBe(303);
    }
    const queue = await html(await fetch(`${base}/staff/reports?status=forwarded&queue=mine`, { headers: { cookie: moderator } }));
    expect(queue).toContain('Min partners kø (Områdefornyelsen Indre Nørrebro)');
    expect(queue).toContain(`id="r-${ours.id}"`);
    expect(queue).not.toContain(`id="r-${theirs.id}"`);
    const all = await html(await fetch(`${base}/staff/reports?status=forwarded`, { headers: { cookie: moderator } }));
    expect(all).toContain(`id="r-${theirs.id}"`);
    // The staff home page says how many wait in the partner's queue (other tests share the server: at least this one), and links there.
    const home = await html(await fetch(`${base}/staff`, { headers: { cookie: moderator } }));
    const waiting = /<a href="\/staff\/reports\?status=forwarded&(?:amp;)?partner=mine"[^>]*>(\d+) melding(?:er)? er sendt videre til Områdefornyelsen Indre Nørrebro og venter på svar\.<\/a>/.exec(home);
    expect(waiting, `the partner queue on the staff home page: ${home.slice(home.indexOf('<h1'), home.indexOf('</main>'))}`).not.toBeNull();
    expect(Number(waiting![1])).toBeGreaterThanOrEqual(1);
  });

  it('the receipt shows the handling partner and "Fra: <partner>" on public notes, by day, without staff names', async () => {
    const r = await report('lighting');
    expect((await postForm(base, '/staff/reports', { intent: 'status', reportId: String(r.id), status: 'in_progress', publicNote: 'Vi undersøger belysningen.', internalNote: '' }, moderator)).status).toBe(303);
    const before = await html(await fetch(`${base}/meld/${r.receipt}`));
    expect(before).toContain('Behandles af');
    expect(before).toContain('Fra: Områdefornyelsen Indre Nørrebro');
    expect((await postForm(base, '/staff/reports', { intent: 'status', reportId: String(r.id), status: 'forwarded', forwardTo: String(await partnerId('politi')), publicNote: 'Sendt til politiet.', internalNote: '' }, moderator)).status).toBe(303);
    const page = await html(await fetch(`${base}/meld/${r.receipt}`));
    expect(page).toMatch(/<dt>Behandles af<\/dt>\s*<dd>Københavns Politi<\/dd>/);
    expect(page).toContain('Fra: Områdefornyelsen Indre Nørrebro</span>Sendt til politiet.');
    expect(page).not.toContain('Demo Moderator');
    expect(page).not.toMatch(/datetime="[^"]*T/);
    const en = await html(await fetch(`${base}/en/meld/${r.receipt}`));
    expect(en).toContain('From: Inner Nørrebro area renewal');
    expect(en).toMatch(/<dt>Handled by<\/dt>\s*<dd>Copenhagen Police<\/dd>/);
  });
});
