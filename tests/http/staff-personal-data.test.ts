/**
 * Staff-written public text is checked for personal data like residents'
 * text (src/lib/pii.ts): an initiative update, an event description or a
 * report's public note that seems to hold personal data comes back with a
 * warning listing what was found and a "publish anyway" checkbox, and nothing
 * is stored until the form is sent again with the box ticked. Plain HTTP
 * form posts, as without JavaScript.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { serverRow, serverRows } from '../support/server-db.ts';
import { postForm, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
let editor = '';
let moderator = '';
let partnerId = '';
let areaId = '';

/** The first row of a query on the server's database (undefined when there is none). */

beforeAll(async () => {
  editor = await staffSession(dbPath, 'editor');
  moderator = await staffSession(dbPath, 'moderator');
  partnerId = String((await serverRow<{ id: number }>(sql`select id from partners order by display_order, id limit 1`)).id);
  areaId = String((await serverRow<{ id: number }>(sql`select id from areas where retired_at is null order by display_order, id limit 1`)).id);
}, SIGN_IN_TIMEOUT_MS * 2);

const post = (path: string, fields: Record<string, string | readonly string[]>, cookie = editor) => postForm(base, path, fields, cookie);

/** The page's HTML without Astro's scoped-style markers. */
async function html(res: Response): Promise<string> {
  return (await res.text()).replace(/ data-astro-cid-[a-z0-9]+/g, '');
}

async function createInitiative(): Promise<number> {
  const res = await post('/staff/initiatives/new', {
    titleDa: 'Lys i passagen ved skolen',
    summaryDa: 'Nye lamper i passagen.',
    bodyDa: 'Kommunen sætter nye lamper op i passagen.',
    track: 'urban_renewal',
    status: 'planned',
    startsOn: '2026-03-01',
    endsOn: '',
    partnerIds: [partnerId],
    areaIds: [areaId],
  });
  expect(res.status).toBe(303);
  const match = /^\/staff\/initiatives\/(\d+)\?done=created$/.exec(res.headers.get('location') ?? '');
  expect(match, res.headers.get('location') ?? 'no location').not.toBeNull();
  return Number(match![1]);
}

const updates = async (id: number) =>
  (await serverRows(sql`select text_da from initiative_updates where initiative_id = ${id} order by id`)).map((r) => (r as { text_da: string }).text_da);

describe('staff-written public text with personal data', () => {
  it('an initiative update with a phone number is refused with a warning until the editor confirms it', async () => {
    const id = await createInitiative();
    const text = 'Ring til Jens på 22334455, hvis lampen går ud.';
    const update = { intent: 'add_update', happenedOn: '2026-04-02', textDa: text, textEn: '' };

    const refused = await post(`/staff/initiatives/${id}`, update);
    expect(refused.status).toBe(400);
    const page = await html(refused);
    expect(page).toContain('Teksten ser ud til at indeholde personoplysninger');
    expect(page).toContain('Fundet: telefonnummer, navn.');
    expect(page).toMatch(/<input type="checkbox" id="update-pii-confirm" name="piiConfirm" value="yes"/);
    expect(page).toContain('href="#update-pii"');
    expect(page).toContain(`${text}</textarea>`); // the text is kept for editing
    expect(await updates(id)).toEqual([]);

    // Ticking nothing and sending again is refused again; a wrong value is not a confirmation.
    expect((await post(`/staff/initiatives/${id}`, { ...update, piiConfirm: 'on' })).status).toBe(400);
    expect(await updates(id)).toEqual([]);

    const confirmed = await post(`/staff/initiatives/${id}`, { ...update, piiConfirm: 'yes' });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`/staff/initiatives/${id}?done=update_added#updates`);
    expect(await updates(id)).toEqual([text]);
  });

  it('an initiative update without personal data is stored at once, with no warning', async () => {
    const id = await createInitiative();
    const res = await post(`/staff/initiatives/${id}`, { intent: 'add_update', happenedOn: '2026-04-03', textDa: 'Lamperne er sat op d. 3.4. kl. 17.30.', textEn: '' });
    expect(res.status).toBe(303);
    expect(await updates(id)).toEqual(['Lamperne er sat op d. 3.4. kl. 17.30.']);
  });

  it('the English staff page warns in English', async () => {
    const id = await createInitiative();
    const refused = await post(`/en/staff/initiatives/${id}`, { intent: 'add_update', happenedOn: '2026-04-02', textDa: 'Skriv til lise@example.dk', textEn: '' });
    expect(refused.status).toBe(400);
    const page = await html(refused);
    expect(page).toContain('The text seems to contain personal data');
    expect(page).toContain('Found: e-mail.');
    expect(await updates(id)).toEqual([]);
  });

  it('an initiative body with an address is not saved until confirmed', async () => {
    const id = await createInitiative();
    const form = {
      intent: 'save',
      titleDa: 'Lys i passagen ved skolen',
      summaryDa: 'Nye lamper i passagen.',
      bodyDa: 'Kontakt viceværten på Nørrebrogade 12, 3. th.',
      track: 'urban_renewal',
      status: 'planned',
      startsOn: '2026-03-01',
      endsOn: '',
      partnerIds: [partnerId],
      areaIds: [areaId],
    };
    const body = async () => (await serverRow<{ body_da: string }>(sql`select body_da from initiatives where id = ${id}`)).body_da;
    const refused = await post(`/staff/initiatives/${id}`, form);
    expect(refused.status).toBe(400);
    expect(await html(refused)).toContain('Fundet: adresse.');
    expect(await body()).toBe('Kommunen sætter nye lamper op i passagen.');
    expect((await post(`/staff/initiatives/${id}`, { ...form, piiConfirm: 'yes' })).status).toBe(303);
    expect(await body()).toBe('Kontakt viceværten på Nørrebrogade 12, 3. th.');
  });

  it('an event description with a CPR number is not created until confirmed', async () => {
    const count = async () => (await serverRow<{ n: number }>(sql`select count(*) n from events where title_da = 'Møde om lys i passagen'`)).n;
    const form = {
      kind: 'safety_walk',
      titleDa: 'Møde om lys i passagen',
      titleEn: '',
      descriptionDa: 'Tilmelding med cpr 010190-1234.',
      descriptionEn: '',
      place: 'Blågårds Plads',
      lat: '',
      lon: '',
      startsAt: '2030-05-12T17:00',
      endsAt: '2030-05-12T19:00',
      areaId,
      partnerId,
      initiativeId: '',
    };
    const refused = await post('/staff/events/new', form);
    expect(refused.status).toBe(400);
    expect(await html(refused)).toContain('Fundet: CPR-nummer.');
    expect(await count()).toBe(0);
    expect((await post('/staff/events/new', { ...form, piiConfirm: 'yes' })).status).toBe(303);
    expect(await count()).toBe(1);
  });

  it("a moderator's public note on a report with a phone number is refused with a warning and not stored", async () => {
    const marker = `Lyset ved bænkene er gået ${Date.now()}`;
    const reported = await postForm(base, '/meld', {
      submission: `pii-test-${Date.now()}`,
      category: 'drug_dealing',
      location: 'blaagaards-plads',
      timeOfDay: 'evening',
      weekday: '5',
      description: marker,
      reporterType: 'resident',
      email: '',
      website: '',
    });
    expect(reported.status).toBe(303);
    const report = await serverRow<{ id: number; status: string }>(sql`select id, status from reports where description = ${marker}`);
    expect(report?.status).toBe('received');
    const notes = async () => (await serverRow<{ n: number }>(sql`select count(*) n from report_updates where report_id = ${report!.id}`)).n;
    const before = await notes();
    const res = await post(
      '/staff/reports',
      { intent: 'status', reportId: String(report!.id), status: 'in_progress', partnerId: '', publicNote: 'Ring til os på 12 34 56 78.', internalNote: '' },
      moderator,
    );
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain('Fundet: telefonnummer.');
    expect(page).toContain(`id="public-${report!.id}-pii-confirm"`);
    expect(page).toContain('Ring til os på 12 34 56 78.</textarea>');
    expect(await notes()).toBe(before);
    expect((await serverRow<{ status: string }>(sql`select status from reports where id = ${report!.id}`)).status).toBe('received');
  });

  it("a moderator's public reply to a comment with a phone number is refused with a warning until confirmed", async () => {
    const marker = `Hvornår kommer der lys i passagen? ${Date.now()}`;
    expect((await postForm(base, '/indsatser/borgerdialog-i-omraadefornyelsen', { name: '', body: marker })).status).toBe(303);
    const comment = await serverRow<{ id: number }>(sql`select id from comments where body = ${marker}`);
    expect(comment).toBeDefined();
    const approve = await post('/staff/comments', { intent: 'approve', commentId: String(comment!.id), body: marker }, moderator);
    expect(approve.status).toBe(200);
    const replies = async () => (await serverRow<{ n: number }>(sql`select count(*) n from comment_replies where comment_id = ${comment!.id}`)).n;

    // Signed with the moderator's own partner: the form has no partner field.
    const reply = { intent: 'reply', commentId: String(comment!.id), body: 'Ring til Mette på 33 66 33 66.' };
    const refused = await post('/staff/comments?status=approved', reply, moderator);
    expect(refused.status).toBe(400);
    const page = await html(refused);
    expect(page).toContain('Fundet: telefonnummer, navn.');
    expect(page).toContain(`id="reply-${comment!.id}-pii-confirm"`);
    expect(page).toContain('Ring til Mette på 33 66 33 66.</textarea>');
    expect(await replies()).toBe(0);

    expect((await post('/staff/comments?status=approved', { ...reply, piiConfirm: 'yes' }, moderator)).status).toBe(200);
    expect(await replies()).toBe(1);
  });
});
