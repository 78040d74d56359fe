/**
 * The editors' journey over HTTP: create, validate, preview and publish
 * initiatives and events, as an editor signed in once for the whole file.
 * Publication is checked in the preview and in the server's database itself
 * (SQLite or PostgreSQL, read through the data-access layer: server-db.ts).
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { events } from '../../db/schema.ts';
import { serverRow, serverRows, sharedServerDatabase } from '../support/server-db.ts';
import { postForm, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
let cookie = '';
let partnerIds: string[] = [];
let areaIds: string[] = [];

beforeAll(async () => {
  cookie = await staffSession(dbPath, 'editor');
  partnerIds = (await serverRows(sql`select id from partners order by display_order, id`)).map((r) => String((r as { id: number }).id));
  areaIds = (await serverRows(sql`select id from areas where retired_at is null order by display_order, id`)).map((r) => String((r as { id: number }).id));
}, SIGN_IN_TIMEOUT_MS);

/** The page's HTML without Astro's scoped-style markers, so assertions read like the markup we wrote. */
async function html(res: Response): Promise<string> {
  return (await res.text()).replace(/ data-astro-cid-[a-z0-9]+/g, '').replace(/ class="astro-[a-z0-9]+"/g, '');
}

async function get(path: string) {
  const res = await fetch(base + path, { redirect: 'manual', headers: { cookie } });
  return { res, body: await html(res) };
}

const post = (path: string, fields: Record<string, string | readonly string[]>) => postForm(base, path, fields, cookie);

function initiativeForm(overrides: Record<string, string | readonly string[]> = {}) {
  return {
    titleDa: 'Bedre lys i Nørrebroparken',
    titleEn: 'Better lighting in Nørrebroparken',
    summaryDa: 'Flere og bedre lamper langs stierne i parken.',
    summaryEn: 'More and better lamps along the paths in the park.',
    bodyDa: '## Hvad sker der?\n\nKommunen sætter **nye lamper** op.',
    bodyEn: '## What is happening?\n\nThe city is putting up **new lamps**.',
    track: 'urban_renewal',
    status: 'planned',
    startsOn: '2026-03-01',
    endsOn: '2026-09-30',
    partnerIds: partnerIds.slice(0, 1),
    areaIds: areaIds.slice(0, 1),
    ...overrides,
  };
}

function eventForm(overrides: Record<string, string> = {}) {
  return {
    kind: 'safety_walk',
    titleDa: 'Tryghedsvandring i Blågårdskvarteret',
    titleEn: 'Safety walk in the Blågård quarter',
    descriptionDa: 'Vi går en tur og ser på lys og stier.',
    descriptionEn: '',
    place: 'Blågårds Plads',
    lat: '55,6867',
    lon: '12.5531',
    startsAt: '2030-05-12T17:00',
    endsAt: '2030-05-12T19:00',
    areaId: areaIds[0] ?? '',
    partnerId: partnerIds[0] ?? '',
    initiativeId: '',
    ...overrides,
  };
}

/** Creates an initiative and returns its id, from the redirect to its edit page. */
async function createInitiative(overrides: Record<string, string | readonly string[]> = {}): Promise<number> {
  const res = await post('/staff/initiatives/new', initiativeForm(overrides));
  expect(res.status).toBe(303);
  const match = /^\/staff\/initiatives\/(\d+)\?done=created$/.exec(res.headers.get('location') ?? '');
  expect(match, res.headers.get('location') ?? 'no location').not.toBeNull();
  return Number(match![1]);
}

/** The first row of a query on the server's database (undefined when there is none). */

const count = async (table: 'initiatives' | 'events') => (await serverRow<{ n: number }>(sql`select count(*) as n from ${sql.identifier(table)}`)).n;

describe('initiatives', () => {
  it('an editor creates an initiative in Danish and English and publishes it', async () => {
    const list = await get('/staff/initiatives');
    expect(list.res.status).toBe(200);
    expect(list.body).toContain('href="/staff/initiatives/new"');
    expect((await get('/staff/initiatives/new')).res.status).toBe(200);

    const id = await createInitiative();
    const edit = await get(`/staff/initiatives/${id}?done=created`);
    expect(edit.res.status).toBe(200);
    expect(edit.body).toContain('Indsatsen er oprettet som kladde.');
    expect(edit.body).toContain(`/staff/initiatives/${id}/preview?sprog=en`);
    expect((await get('/staff/initiatives')).body).toContain(`href="/staff/initiatives/${id}"`);

    const draftDa = await get(`/staff/initiatives/${id}/preview?sprog=da`);
    expect(draftDa.res.status).toBe(200);
    expect(draftDa.body).toContain('Forhåndsvisning – ikke offentliggjort');
    expect(draftDa.body).toContain('Bedre lys i Nørrebroparken');
    expect(draftDa.body).toContain('<strong>nye lamper</strong>');
    expect(draftDa.body).toContain('Byfornyelse');

    const draftEn = await get(`/staff/initiatives/${id}/preview?sprog=en`);
    expect(draftEn.body).toContain('Better lighting in Nørrebroparken');
    expect(draftEn.body).toContain('<article lang="en"');
    expect(draftEn.body).toContain('Urban renewal');
    expect(draftEn.body).toContain('Forhåndsvisning – ikke offentliggjort'); // the banner follows the staff page's language

    const publish = await post(`/staff/initiatives/${id}`, { intent: 'publish' });
    expect(publish.status).toBe(303);
    expect(publish.headers.get('location')).toBe(`/staff/initiatives/${id}?done=published`);

    const row = await serverRow<{
      state: string;
      slug: string;
      published_at: number | null;
    }>(sql`select state, slug, published_at from initiatives where id = ${id}`);
    expect(row.state).toBe('published');
    expect(row.published_at).not.toBeNull();
    const audit = (
      await serverRows<{ action: string }>(
        sql`select a.action from audit_log a join users u on u.id = a.user_id
         where a.entity_type = 'initiative' and a.entity_id = ${id} and u.email = 'editor@demo.tryghed.invalid' order by a.id`,
      )
    ).map((r) => r.action);
    expect(audit).toEqual(['initiative.create', 'initiative.publish']);

    const published = await get(`/staff/initiatives/${id}/preview`);
    expect(published.body).toContain('Forhåndsvisning – offentliggjort');
    expect(published.body).not.toContain('ikke offentliggjort');
    const after = await get(`/staff/initiatives/${id}?done=published`);
    expect(after.body).toContain('Indsatsen er offentliggjort.');
    expect(after.body).toContain(`href="/indsatser/${row.slug}"`);

    const english = await get(`/en/staff/initiatives/${id}/preview`);
    expect(english.body).toContain('Preview – published');
    expect(english.body).toContain(`href="/en/indsatser/${row.slug}"`);
  });

  it('an editor saves changes, unpublishes, and adds a dated progress update', async () => {
    const id = await createInitiative({ titleDa: 'Flere bænke på Blågårds Plads' });
    const save = await post(`/staff/initiatives/${id}`, {
      intent: 'save',
      ...initiativeForm({ titleDa: 'Flere bænke og lys på Blågårds Plads', status: 'active', endsOn: '', areaIds }),
    });
    expect(save.status).toBe(303);
    expect(save.headers.get('location')).toBe(`/staff/initiatives/${id}?done=saved`);
    const row = (await serverRow(sql`select title_da, status, ends_on from initiatives where id = ${id}`));
    expect(row).toEqual({ title_da: 'Flere bænke og lys på Blågårds Plads', status: 'active', ends_on: null });
    const linked = await serverRow<{ n: number }>(sql`select count(*) as n from initiative_areas where initiative_id = ${id}`);
    expect(linked.n).toBe(areaIds.length);

    const update = await post(`/staff/initiatives/${id}`, {
      intent: 'add_update',
      happenedOn: '2026-04-02',
      textDa: 'De første bænke er sat op.',
      textEn: 'The first benches are in place.',
    });
    expect(update.status).toBe(303);
    expect(update.headers.get('location')).toBe(`/staff/initiatives/${id}?done=update_added#updates`);
    const edit = await get(`/staff/initiatives/${id}`);
    expect(edit.body).toContain('De første bænke er sat op.');
    const preview = await get(`/staff/initiatives/${id}/preview?sprog=en`);
    expect(preview.body).toContain('<time datetime="2026-04-02">2 April 2026</time>');
    expect(preview.body).toContain('The first benches are in place.');

    expect((await post(`/staff/initiatives/${id}`, { intent: 'publish' })).status).toBe(303);
    expect((await post(`/staff/initiatives/${id}`, { intent: 'unpublish' })).status).toBe(303);
    const state = await serverRow<{ state: string }>(sql`select state from initiatives where id = ${id}`);
    expect(state.state).toBe('draft');
    expect((await get(`/staff/initiatives/${id}/preview`)).body).toContain('Forhåndsvisning – ikke offentliggjort');
  });

  it('initiatives with progress: milestones add up to a progress measure; a corrected update shows its earlier wording, a withdrawn one its reason; the feed carries each change', async () => {
    const id = await createInitiative({ titleDa: 'Lys i passagen ved Korsgade' });
    const slug = (await serverRow<{ slug: string }>(sql`select slug from initiatives where id = ${id}`)).slug;
    const milestone = (fields: Record<string, string>) => post(`/staff/initiatives/${id}`, { intent: 'add_milestone', titleDa: '', titleEn: '', dueOn: '', state: 'planned', doneOn: '', ...fields });
    expect((await milestone({ titleDa: 'Lamperne er bestilt', state: 'done', doneOn: '2026-03-10' })).headers.get('location')).toBe(`/staff/initiatives/${id}?done=milestone_added#milestones`);
    expect((await milestone({ titleDa: 'Lamperne er sat op', dueOn: '2026-05-01' })).status).toBe(303);
    expect((await milestone({ titleDa: 'Belysningen gennemgået med beboerne', state: 'in_progress' })).status).toBe(303);
    expect((await milestone({ titleDa: 'Kameraer (opgivet)', state: 'dropped' })).status).toBe(303);
    // Bad input: no Danish title, an unknown state, an impossible date: 400, nothing stored.
    const before = (await serverRow<{ n: number }>(sql`select count(*) as n from initiative_milestones where initiative_id = ${id}`)).n;
    for (const bad of [{ titleDa: '' }, { titleDa: 'X', state: 'forgotten' }, { titleDa: 'X', dueOn: '2026-02-30' }]) expect((await milestone(bad)).status).toBe(400);
    expect((await serverRow<{ n: number }>(sql`select count(*) as n from initiative_milestones where initiative_id = ${id}`)).n).toBe(before);
    // A milestone reached without a day is reached today.
    const second = await serverRow<{ id: number }>(sql`select id from initiative_milestones where initiative_id = ${id} and title_da = 'Lamperne er sat op'`);
    const saved = await post(`/staff/initiatives/${id}`, { intent: 'save_milestone', milestoneId: String(second.id), titleDa: 'Lamperne er sat op', titleEn: '', dueOn: '2026-05-01', state: 'done', doneOn: '' });
    expect(saved.status).toBe(303);
    expect((await serverRow<{ done_on: string }>(sql`select done_on from initiative_milestones where id = ${second.id}`)).done_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const addUpdate = (textDa: string) => post(`/staff/initiatives/${id}`, { intent: 'add_update', happenedOn: '2026-04-02', textDa, textEn: '' });
    await addUpdate('Lamperne kommer i uge 41.');
    await addUpdate('Arbejdet starter mandag.');
    const updates = (await serverRows(sql`select id, text_da from initiative_updates where initiative_id = ${id} order by id`)) as { id: number; text_da: string }[];
    const [first, other] = updates.map((u) => String(u.id));
    expect((await post(`/staff/initiatives/${id}`, { intent: 'edit_update', updateId: first!, happenedOn: '2026-04-02', textDa: 'Lamperne kommer i uge 42.', textEn: '' })).headers.get('location')).toBe(
      `/staff/initiatives/${id}?done=update_edited#updates`,
    );
    // Withdrawing needs a reason; then the update cannot be corrected any more.
    expect((await post(`/staff/initiatives/${id}`, { intent: 'retract_update', updateId: other!, reason: '' })).status).toBe(400);
    expect((await post(`/staff/initiatives/${id}`, { intent: 'retract_update', updateId: other!, reason: 'Datoen var forkert' })).status).toBe(303);
    expect((await post(`/staff/initiatives/${id}`, { intent: 'edit_update', updateId: other!, happenedOn: '2026-04-02', textDa: 'Ny tekst', textEn: '' })).status).toBe(400);
    // Another initiative's update or an id that is no number: refused, nothing changed.
    expect((await post(`/staff/initiatives/${id}`, { intent: 'retract_update', updateId: '999999999', reason: 'x' })).status).toBe(400);
    expect((await post(`/staff/initiatives/${id}`, { intent: 'edit_update', updateId: 'abc', happenedOn: '2026-04-02', textDa: 'x', textEn: '' })).status).toBe(400);

    expect((await post(`/staff/initiatives/${id}`, { intent: 'publish' })).status).toBe(303);
    const page = await html(await fetch(`${base}/indsatser/${slug}`));
    expect(page).toContain('2 af 3 delmål er nået');
    expect(page).toMatch(/<progress id="initiative-progress" max="3" value="2">/);
    expect(page).toContain('<span class="state">Droppet</span>');
    expect(page).toContain('Lamperne kommer i uge 42.');
    expect(page).toMatch(/Rettet den [^<]+ – se den tidligere ordlyd/);
    expect(page).toContain('<q lang="da">Lamperne kommer i uge 41.</q>');
    expect(page).toMatch(/Opdateringen blev trukket tilbage den [^:]+: Datoen var forkert/);
    expect(page).not.toContain('Arbejdet starter mandag.');
    const feed = await (await fetch(`${base}/feed.xml`)).text();
    expect(feed).toContain(`#opdatering-${first}-rettet-`);
    expect(feed).toContain(`#opdatering-${other}-tilbagetrukket`);
    expect(feed).toContain('Delmål nået: Lamperne er bestilt');
    expect(feed).not.toContain('Arbejdet starter mandag.');
    const audit = (await serverRows(sql`select action from audit_log where entity_type = 'initiative' and entity_id = ${id} order by id`)).map((r) => (r as { action: string }).action);
    expect(audit).toEqual(expect.arrayContaining(['initiative.add_milestone', 'initiative.update_milestone', 'initiative.edit_update', 'initiative.retract_update']));
  });

  it('a form with a missing Danish title gets 400 with the message next to the field and keeps the typed values', async () => {
    const before = await count('initiatives');
    const res = await post(
      '/staff/initiatives/new',
      initiativeForm({ titleDa: '', summaryDa: 'Lys & "tryghed" <i dag>', areaIds: areaIds.slice(0, 2) }),
    );
    const body = await html(res);
    expect(res.status).toBe(400);
    expect(await count('initiatives')).toBe(before);
    expect(body).toMatch(/<div class="error-summary[^"]*" role="alert"/);
    expect(body).toContain('<a href="#titleDa">«Titel på dansk» skal udfyldes.</a>');
    expect(body).toMatch(/<input[^>]*id="titleDa"[^>]*aria-invalid="true"[^>]*aria-describedby="titleDa-error"/);
    expect(body).toMatch(/<p class="field-error[^"]*" id="titleDa-error">«Titel på dansk» skal udfyldes.<\/p>/);
    expect(body).toContain('value="Better lighting in Nørrebroparken"');
    expect(body).toContain('Lys &amp; &quot;tryghed&quot; &lt;i dag&gt;</textarea>');
    expect(body).toMatch(/<option value="urban_renewal" selected/);
    expect(body).toContain('value="2026-09-30"');
    for (const a of areaIds.slice(0, 2)) expect(body).toMatch(new RegExp(`<input[^>]*id="areaIds-${a}"[^>]*checked`));
    expect(body).toMatch(/<title>Fejl: /);
  });

  it('the error messages are English on the English page', async () => {
    const res = await post('/en/staff/initiatives/new', initiativeForm({ titleDa: '', partnerIds: [] }));
    const body = await html(res);
    expect(res.status).toBe(400);
    expect(body).toContain('“Title in Danish” is required.');
    expect(body).toContain(`<a href="#partnerIds-${partnerIds[0]}">Choose at least one option under “Responsible partners”.</a>`);
  });

  it('a script tag in the Markdown body is not rendered in the preview', async () => {
    const id = await createInitiative({
      bodyDa: 'Før\n\n<script>alert("x")</script>\n\n<img src=x onerror="alert(1)">\n\n[klik](javascript:alert(1))',
    });
    const { body } = await get(`/staff/initiatives/${id}/preview?sprog=da`);
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('onerror');
    expect(body).not.toContain('javascript:');
    expect(body).toContain('<p>Før</p>');
  });

  it('an end date before the start date is refused with 400', async () => {
    const before = await count('initiatives');
    const res = await post('/staff/initiatives/new', initiativeForm({ startsOn: '2026-05-01', endsOn: '2026-04-30' }));
    const body = await html(res);
    expect(res.status).toBe(400);
    expect(await count('initiatives')).toBe(before);
    expect(body).toContain('«Slutdato» må ikke ligge før startdatoen.');
    expect(body).toMatch(/<input[^>]*id="endsOn"[^>]*aria-invalid="true"/);
  });

  it('an impossible date, an unknown partner, an unknown track or an overlong title is a 400, never a 500', async () => {
    for (const overrides of [
      { startsOn: '2026-02-30' },
      { partnerIds: ['999999'] },
      { areaIds: ['abc'] },
      { track: 'secret' },
      { titleDa: 'x'.repeat(201) },
    ]) {
      const res = await post('/staff/initiatives/new', initiativeForm(overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
    }
    const id = await createInitiative();
    expect((await post(`/staff/initiatives/${id}`, { intent: 'delete' })).status).toBe(400);
    expect((await post(`/staff/initiatives/${id}`, { intent: 'save', ...initiativeForm({ summaryDa: ' ' }) })).status).toBe(400);
    expect((await post(`/staff/initiatives/${id}`, { intent: 'add_update', happenedOn: 'i går', textDa: '' })).status).toBe(400);
  });

  it('an unknown or non-numeric id is a 404', async () => {
    for (const path of ['/staff/initiatives/999999', '/staff/initiatives/abc', '/staff/initiatives/999999/preview', '/staff/events/999999', '/staff/events/0']) {
      expect((await get(path)).res.status, path).toBe(404);
    }
    expect((await post('/staff/initiatives/999999', { intent: 'publish' })).status).toBe(404);
  });
});

describe('events', () => {
  it('an editor creates an event in Copenhagen time and publishes it', async () => {
    expect((await get('/staff/events/new')).res.status).toBe(200);
    const res = await post('/staff/events/new', eventForm());
    expect(res.status).toBe(303);
    const id = Number(/^\/staff\/events\/(\d+)\?done=created$/.exec(res.headers.get('location') ?? '')?.[1]);
    expect(id).toBeGreaterThan(0);

    const [row] = await sharedServerDatabase()
      .select({ startsAt: events.startsAt, endsAt: events.endsAt, lat: events.lat, lon: events.lon, descriptionEn: events.descriptionEn, state: events.state })
      .from(events)
      .where(eq(events.id, id));
    // 17:00 in Copenhagen in May (summer time, UTC+2) is 15:00 UTC.
    expect(row).toEqual({
      startsAt: new Date(Date.UTC(2030, 4, 12, 15)),
      endsAt: new Date(Date.UTC(2030, 4, 12, 17)),
      lat: 55.6867,
      lon: 12.5531,
      descriptionEn: null,
      state: 'draft',
    });
    const edit = await get(`/staff/events/${id}`);
    expect(edit.body).toContain('value="2030-05-12T17:00"');
    expect((await get('/staff/events')).body).toContain(`href="/staff/events/${id}"`);

    expect((await post(`/staff/events/${id}`, { intent: 'publish' })).status).toBe(303);
    expect((await serverRow<{ state: string }>(sql`select state from events where id = ${id}`)).state).toBe('published');
    const audit = await serverRow<{ n: number }>(sql`select count(*) as n from audit_log where action = 'event.publish' and entity_id = ${id}`);
    expect(audit.n).toBe(1);

    const save = await post(`/staff/events/${id}`, { intent: 'save', ...eventForm({ place: 'Nørrebro Bibliotek', lat: '', lon: '' }) });
    expect(save.status).toBe(303);
    expect((await serverRow(sql`select place, lat, lon from events where id = ${id}`))).toEqual({ place: 'Nørrebro Bibliotek', lat: null, lon: null });
  });

  it('an event with end before start is refused', async () => {
    const before = await count('events');
    const res = await post('/staff/events/new', eventForm({ startsAt: '2030-05-12T19:00', endsAt: '2030-05-12T18:59' }));
    const body = await html(res);
    expect(res.status).toBe(400);
    expect(await count('events')).toBe(before);
    expect(body).toContain('<a href="#endsAt">«Slutter» må ikke ligge før starttidspunktet.</a>');
    expect(body).toContain('value="2030-05-12T18:59"');
  });

  it('a map point needs both coordinates, as numbers within the map', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ lat: '55.69', lon: '' }, '<a href="#lon">Udfyld også «Længdegrad»'],
      [{ lat: 'nord', lon: '12.55' }, '<a href="#lat">«Breddegrad» skal være et tal'],
      [{ lat: '56.1', lon: '12.55' }, '<a href="#lat">«Breddegrad» skal ligge mellem 55,6 og 55,75'],
      [{ lat: '55.69', lon: '12.7' }, '<a href="#lon">«Længdegrad» skal ligge mellem 12,45 og 12,65'],
    ];
    for (const [overrides, message] of cases) {
      const res = await post('/staff/events/new', eventForm(overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(await html(res)).toContain(message);
    }
  });

  it('a missing or impossible time, or an unknown area, is a 400', async () => {
    for (const overrides of [{ startsAt: '' }, { endsAt: '2030-02-30T10:00' }, { areaId: '999999' }, { partnerId: '' }, { kind: 'party' }]) {
      const res = await post('/staff/events/new', eventForm(overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
    }
  });
});
