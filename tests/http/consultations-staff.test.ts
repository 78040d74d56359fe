/**
 * The editors' consultation pages over HTTP (issue #22): an editor creates a
 * consultation, adds, corrects and removes proposed places, publishes it;
 * once answers may exist the server refuses to change what they were given
 * about and the page says so; bad input is answered 400 with a message per
 * field and nothing stored; other roles and cross-site posts are refused;
 * after a release the figures are shown and the decisions are published and
 * corrected. The server's database (SQLite or PostgreSQL) is read and written
 * through the data-access layer (server-db.ts), so the file runs on both.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { consultations } from '../../db/schema.ts';
import { releaseClosedConsultation, storeConsultationResponse } from '../../src/server/consultations/consultations.ts';
import { copenhagenDay } from '../../src/lib/time.ts';
import { serverRow, serverRows, sharedServerDatabase } from '../support/server-db.ts';
import { postForm, someClient, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
let editor = '';
let areaIds: string[] = [];
let named: { id: string; lat: number; lon: number };
const today = copenhagenDay();

beforeAll(async () => {
  editor = await staffSession(dbPath, 'editor');
  areaIds = (await serverRows<{ id: number }>(sql`select id from areas where retired_at is null order by display_order, id`)).map((r) => String(r.id));
  named = await serverRow(sql`select id, lat, lon from places where retired_at is null order by id`);
}, SIGN_IN_TIMEOUT_MS);

/** The page's HTML without Astro's scoped-style markers. */
async function html(res: Response): Promise<string> {
  return (await res.text()).replace(/ data-astro-cid-[a-z0-9]+/g, '').replace(/ class="astro-[a-z0-9]+"/g, '');
}

async function get(path: string, cookie = editor) {
  const res = await fetch(base + path, { redirect: 'manual', headers: { cookie } });
  return { res, body: await html(res) };
}

const post = (path: string, fields: Record<string, string>, cookie = editor) => postForm(base, path, fields, cookie);

function consultationForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    titleDa: 'Kameraer omkring Blågårds Plads',
    titleEn: 'Cameras around Blågårds Plads',
    summaryDa: 'Seks mulige steder til kameraer. Hvad mener du?',
    summaryEn: '',
    bodyDa: '## Hvorfor?\n\nPartnerne overvejer **kameraer**.',
    bodyEn: '',
    areaId: areaIds[0]!,
    initiativeId: '',
    scale: 'stance',
    opensOn: '2031-05-01',
    closesOn: '2031-05-21',
    ...overrides,
  };
}

function placeForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    nameDa: 'Kamera ved indgangen fra Blågårdsgade',
    nameEn: '',
    descriptionDa: 'Et kamera over indgangen til pladsen.',
    descriptionEn: '',
    namedPlace: '',
    lat: '55,6868',
    lon: '12.5530',
    illustration: 'camera',
    ...overrides,
  };
}

async function create(overrides: Record<string, string> = {}): Promise<number> {
  const res = await post('/staff/consultations/new', consultationForm(overrides));
  expect(res.status).toBe(303);
  const match = /^\/staff\/consultations\/(\d+)\?done=created$/.exec(res.headers.get('location') ?? '');
  expect(match, res.headers.get('location') ?? 'no location').not.toBeNull();
  return Number(match![1]);
}

const count = async (table: 'consultations' | 'consultation_places', id?: number) =>
  Number(
    (
      await serverRow<{ n: number }>(
        table === 'consultations' ? sql`select count(*) as n from consultations` : sql`select count(*) as n from consultation_places where consultation_id = ${id ?? 0}`,
      )
    ).n,
  );

async function places(id: number) {
  return serverRows<{ id: number; position: number; name_da: string; lat: number; lon: number; illustration: string | null }>(
    sql`select id, position, name_da, lat, lon, illustration from consultation_places where consultation_id = ${id} order by position`,
  );
}

async function auditOf(id: number): Promise<string[]> {
  return (await serverRows<{ action: string }>(sql`select action from audit_log where entity_type = 'consultation' and entity_id = ${id} order by id`)).map((r) => r.action);
}

describe('an editor', () => {
  it('creates a consultation with places, corrects and removes one, and publishes it', async () => {
    const list = await get('/staff/consultations');
    expect(list.res.status).toBe(200);
    expect(list.body).toContain('href="/staff/consultations/new"');
    expect(list.body).toMatch(/<a href="\/staff\/consultations"[^>]*aria-current="page"/);
    expect((await get('/staff/consultations/new')).res.status).toBe(200);

    const id = await create();
    const row = await serverRow<{ state: string; slug: string; scale: string; opens_on: string; closes_on: string; summary_en: string | null }>(
      sql`select state, slug, scale, opens_on, closes_on, summary_en from consultations where id = ${id}`,
    );
    expect(row).toMatchObject({ state: 'draft', scale: 'stance', opens_on: '2031-05-01', closes_on: '2031-05-21', summary_en: null });
    const page = await get(`/staff/consultations/${id}?done=created`);
    expect(page.res.status).toBe(200);
    expect(page.body).toContain('Høringen er oprettet som kladde.');

    // Publishing needs a place: refused with a message, still a draft.
    const early = await post(`/staff/consultations/${id}`, { intent: 'publish' });
    expect(early.status).toBe(409);
    expect(await html(early)).toContain('Høringen blev ikke offentliggjort: tilføj mindst ét foreslået sted først.');
    expect((await serverRow<{ state: string }>(sql`select state from consultations where id = ${id}`)).state).toBe('draft');

    // One place with typed coordinates, one at a named place, one to remove.
    const add = await post(`/staff/consultations/${id}`, { intent: 'add_place', ...placeForm() });
    expect(add.status).toBe(303);
    expect(add.headers.get('location')).toBe(`/staff/consultations/${id}?done=place_added#places`);
    expect((await post(`/staff/consultations/${id}`, { intent: 'add_place', ...placeForm({ nameDa: 'Lys i passagen', namedPlace: named.id, lat: '', lon: '', illustration: 'lighting' }) })).status).toBe(303);
    expect((await post(`/staff/consultations/${id}`, { intent: 'add_place', ...placeForm({ nameDa: 'Overflødigt sted', illustration: '' }) })).status).toBe(303);
    let rows = await places(id);
    expect(rows.map((p) => [p.position, p.name_da, p.illustration])).toEqual([
      [1, 'Kamera ved indgangen fra Blågårdsgade', 'camera'],
      [2, 'Lys i passagen', 'lighting'],
      [3, 'Overflødigt sted', null],
    ]);
    expect([rows[0]!.lat, rows[0]!.lon]).toEqual([55.6868, 12.553]);
    expect([rows[1]!.lat, rows[1]!.lon]).toEqual([named.lat, named.lon]);

    // Correct the first place's words and move it; remove the third.
    const saved = await post(`/staff/consultations/${id}`, { intent: 'save_place', placeId: String(rows[0]!.id), ...placeForm({ nameDa: 'Kamera ved Blågårdsgade', lat: '55.6869' }) });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/staff/consultations/${id}?done=place_saved#place-${rows[0]!.id}`);
    expect((await post(`/staff/consultations/${id}`, { intent: 'remove_place', placeId: String(rows[2]!.id) })).status).toBe(303);
    rows = await places(id);
    expect(rows.map((p) => [p.position, p.name_da, p.lat])).toEqual([
      [1, 'Kamera ved Blågårdsgade', 55.6869],
      [2, 'Lys i passagen', named.lat],
    ]);

    const edit = await get(`/staff/consultations/${id}`);
    expect(edit.body).toContain('src="/consultations/camera.svg" alt=""');
    expect(edit.body).toContain('Sted 2: <span lang="da">Lys i passagen</span>');
    // The named place's point is recognised in its edit form.
    expect(edit.body).toMatch(new RegExp(`<option value="${named.id}" selected`));

    const publish = await post(`/staff/consultations/${id}`, { intent: 'publish' });
    expect(publish.status).toBe(303);
    expect(publish.headers.get('location')).toBe(`/staff/consultations/${id}?done=published`);
    expect((await serverRow<{ state: string }>(sql`select state from consultations where id = ${id}`)).state).toBe('published');
    const after = await get(`/staff/consultations/${id}?done=published`);
    expect(after.body).toContain(`href="/hoeringer/${row.slug}"`);
    expect((await get('/staff/consultations')).body).toContain(`href="/hoeringer/${row.slug}"`);
    // Not opened yet (2031): places can still change.
    expect(after.body).toContain('name="intent" value="add_place"');

    expect(await auditOf(id)).toEqual([
      'consultation.create',
      'consultation.place.add',
      'consultation.place.add',
      'consultation.place.add',
      'consultation.place.update',
      'consultation.place.remove',
      'consultation.publish',
    ]);

    // Saving the texts (with an initiative) and withdrawing work too.
    const initiative = await serverRow<{ id: number }>(sql`select id from initiatives order by id`);
    expect((await post(`/staff/consultations/${id}`, { intent: 'save', ...consultationForm({ titleDa: 'Kameraer og lys omkring Blågårds Plads', initiativeId: String(initiative.id) }) })).status).toBe(303);
    expect(await serverRow(sql`select title_da, initiative_id from consultations where id = ${id}`)).toEqual({ title_da: 'Kameraer og lys omkring Blågårds Plads', initiative_id: initiative.id });
    expect((await post(`/staff/consultations/${id}`, { intent: 'unpublish' })).status).toBe(303);
    expect((await serverRow<{ state: string }>(sql`select state from consultations where id = ${id}`)).state).toBe('draft');
  });

  it('once the consultation has opened, changes that answers would depend on are refused with a clear message; words can still be corrected', async () => {
    const id = await create({ opensOn: today, closesOn: '2031-12-31' });
    expect((await post(`/staff/consultations/${id}`, { intent: 'add_place', ...placeForm() })).status).toBe(303);
    expect((await post(`/staff/consultations/${id}`, { intent: 'publish' })).status).toBe(303);
    const [first] = await places(id);
    const placeId = String(first!.id);

    const page = await get(`/staff/consultations/${id}`);
    expect(page.body).toContain('Der kan være kommet svar, så stederne kan ikke tilføjes, fjernes eller flyttes længere.');
    expect(page.body).not.toContain('name="intent" value="add_place"');
    expect(page.body).not.toContain('name="intent" value="remove_place"');
    // Area, scale and opening day are shown as text and sent back unchanged.
    expect(page.body).toMatch(/<input type="hidden" name="scale" value="stance"/);
    expect(page.body).not.toMatch(/<select id="scale"/);

    const refused = 'Ændringen blev ikke gemt: høringen er åbnet, så der kan være kommet svar.';
    const before = await auditOf(id);
    for (const [what, fields] of [
      ['a new place', { intent: 'add_place', ...placeForm({ nameDa: 'For sent' }) }],
      ['a moved place', { intent: 'save_place', placeId, ...placeForm({ lat: '55.6900' }) }],
      ['a removed place', { intent: 'remove_place', placeId }],
      ['another scale', { intent: 'save', ...consultationForm({ opensOn: today, closesOn: '2031-12-31', scale: 'five' }) }],
      ['another opening day', { intent: 'save', ...consultationForm({ opensOn: '2031-01-01', closesOn: '2031-12-31' }) }],
    ] as const) {
      const res = await post(`/staff/consultations/${id}`, fields);
      expect(res.status, what).toBe(409);
      const body = await html(res);
      expect(body, what).toContain(refused);
      expect(body, what).toMatch(/<div class="error-summary[^"]*" role="alert"/);
      expect(body, what).toMatch(/<title>Fejl: /);
    }
    expect(await count('consultation_places', id)).toBe(1);
    expect(await serverRow(sql`select scale, opens_on from consultations where id = ${id}`)).toEqual({ scale: 'stance', opens_on: today });
    expect((await places(id))[0]!.lat).toBe(first!.lat);
    expect(await auditOf(id)).toEqual(before);

    // Correcting the words (point unchanged) and the closing day is allowed.
    const corrected = await post(`/staff/consultations/${id}`, { intent: 'save_place', placeId, ...placeForm({ lat: String(first!.lat), lon: String(first!.lon), descriptionDa: 'Rettet beskrivelse.' }) });
    expect(corrected.status).toBe(303);
    expect((await post(`/staff/consultations/${id}`, { intent: 'save', ...consultationForm({ opensOn: today, closesOn: '2031-11-30' }) })).status).toBe(303);
    expect((await serverRow<{ closes_on: string }>(sql`select closes_on from consultations where id = ${id}`)).closes_on).toBe('2031-11-30');

    // In English too.
    const english = await postForm(base, `/en/staff/consultations/${id}`, { intent: 'add_place', ...placeForm() }, editor);
    expect(english.status).toBe(409);
    expect(await html(english)).toContain('The change was not saved: the consultation has opened, so answers may have been given.');
  });

  it('bad input is answered 400 with a message per field, the typed values kept, and nothing stored', async () => {
    const before = await count('consultations');
    const res = await post('/staff/consultations/new', consultationForm({ titleDa: '', summaryDa: 'Lys & "kameraer" <nu>', opensOn: '2031-05-10', closesOn: '2031-05-09' }));
    const body = await html(res);
    expect(res.status).toBe(400);
    expect(body).toContain('<a href="#titleDa">«Titel på dansk» skal udfyldes.</a>');
    expect(body).toContain('<a href="#closesOn">«Slutter» må ikke ligge før den dag, høringen åbner.</a>');
    expect(body).toMatch(/<input[^>]*id="titleDa"[^>]*aria-invalid="true"[^>]*aria-describedby="titleDa-error"/);
    expect(body).toContain('Lys &amp; &quot;kameraer&quot; &lt;nu&gt;</textarea>');
    expect(body).toContain('value="Cameras around Blågårds Plads"');
    expect(body).toMatch(/<title>Fejl: /);

    for (const overrides of [{ areaId: '999999' }, { areaId: 'x' }, { initiativeId: '999999' }, { scale: 'ten' }, { opensOn: '2031-02-30' }, { closesOn: '' }, { titleDa: 'x'.repeat(201) }]) {
      expect((await post('/staff/consultations/new', consultationForm(overrides))).status, JSON.stringify(overrides)).toBe(400);
    }
    expect(await count('consultations')).toBe(before);

    const english = await postForm(base, '/en/staff/consultations/new', consultationForm({ summaryDa: '' }), editor);
    expect(english.status).toBe(400);
    expect(await html(english)).toContain('<a href="#summaryDa">“Summary in Danish” is required.</a>');

    // Places: outside the map, no point, an unknown named place or illustration.
    const id = await create();
    const cases: [Record<string, string>, string][] = [
      [{ lat: '56.1' }, '<a href="#place-lat">«Breddegrad» skal ligge mellem 55,6 og 55,75'],
      [{ lat: '', lon: '' }, '<a href="#place-lat">Udfyld «Breddegrad», eller vælg et kendt sted.</a>'],
      [{ lon: 'øst' }, '<a href="#place-lon">«Længdegrad» skal være et tal'],
      [{ namedPlace: 'findes-ikke' }, '<a href="#place-namedPlace">Vælg en af mulighederne under «Kendt sted».</a>'],
      [{ illustration: 'https://evil.example/x.svg' }, '<a href="#place-illustration">Vælg en af mulighederne under «Illustration».</a>'],
      [{ descriptionDa: '' }, '<a href="#place-descriptionDa">«Beskrivelse på dansk» skal udfyldes.</a>'],
    ];
    for (const [overrides, message] of cases) {
      const r = await post(`/staff/consultations/${id}`, { intent: 'add_place', ...placeForm(overrides) });
      expect(r.status, JSON.stringify(overrides)).toBe(400);
      expect(await html(r), JSON.stringify(overrides)).toContain(message);
    }
    expect(await count('consultation_places', id)).toBe(0);

    // A place's own edit form keeps its errors next to its fields.
    expect((await post(`/staff/consultations/${id}`, { intent: 'add_place', ...placeForm() })).status).toBe(303);
    const [p] = await places(id);
    const rowError = await post(`/staff/consultations/${id}`, { intent: 'save_place', placeId: String(p!.id), ...placeForm({ nameDa: '' }) });
    expect(rowError.status).toBe(400);
    const rowBody = await html(rowError);
    expect(rowBody).toContain(`<a href="#place-${p!.id}-nameDa">«Navn på dansk» skal udfyldes.</a>`);
    expect(rowBody).toMatch(new RegExp(`<input[^>]*id="place-${p!.id}-nameDa"[^>]*aria-invalid="true"`));
    expect((await places(id))[0]!.name_da).toBe('Kamera ved indgangen fra Blågårdsgade');

    // Forms no page sends: an unknown intent, another consultation's place, a place id that is no number, decisions before a release.
    const other = await create();
    expect((await post(`/staff/consultations/${other}`, { intent: 'save_place', placeId: String(p!.id), ...placeForm({ nameDa: 'Kapret' }) })).status).toBe(400);
    expect((await post(`/staff/consultations/${other}`, { intent: 'remove_place', placeId: String(p!.id) })).status).toBe(400);
    expect((await post(`/staff/consultations/${id}`, { intent: 'remove_place', placeId: 'abc' })).status).toBe(400);
    expect((await post(`/staff/consultations/${id}`, { intent: 'delete' })).status).toBe(400);
    const early = await post(`/staff/consultations/${id}`, { intent: 'decisions', noteDa: 'N', [`outcome-${p!.id}`]: 'adopted', [`reasonDa-${p!.id}`]: 'R' });
    expect(early.status).toBe(409);
    expect(await html(early)).toContain('Beslutningen kan først offentliggøres, når tallene er offentliggjort.');
    expect(await count('consultation_places', id)).toBe(1);
    expect((await places(id))[0]!.name_da).toBe('Kamera ved indgangen fra Blågårdsgade');

    // Unknown or malformed ids.
    for (const path of ['/staff/consultations/999999', '/staff/consultations/abc', '/staff/consultations/0']) expect((await get(path)).res.status, path).toBe(404);
    expect((await post('/staff/consultations/999999', { intent: 'publish' })).status).toBe(404);
  });

  it('after the results are released, sees the figures per place and publishes, then corrects, the decisions', async () => {
    const id = await create({ opensOn: today, closesOn: '2031-12-31' });
    expect((await post(`/staff/consultations/${id}`, { intent: 'add_place', ...placeForm() })).status).toBe(303);
    expect((await post(`/staff/consultations/${id}`, { intent: 'add_place', ...placeForm({ nameDa: 'Lys i passagen', illustration: 'lighting' }) })).status).toBe(303);
    expect((await post(`/staff/consultations/${id}`, { intent: 'publish' })).status).toBe(303);
    const [a, b] = await places(id);
    const db = sharedServerDatabase();
    for (let i = 0; i < 12; i++) {
      const stored = await storeConsultationResponse(db, id, { respondent: 'resident', stances: [{ placeId: a!.id, stance: 'for' }, { placeId: b!.id, stance: i % 3 === 0 ? 'against' : 'for' }], comments: [] }, 'da', today);
      expect(stored).toEqual({ stored: true });
    }
    // Before the release: no figures, no decisions form.
    let page = await get(`/staff/consultations/${id}`);
    expect(page.body).toContain('Beslutningen kan offentliggøres, når tallene er offentliggjort.');
    expect(page.body).not.toContain('name="intent" value="decisions"');

    // Closed in the past, then released as the server's hourly job would.
    await db.update(consultations).set({ opensOn: '2020-01-01', closesOn: '2020-01-31' }).where(eq(consultations.id, id));
    expect(await releaseClosedConsultation(db, id, 3)).toBe(true);

    page = await get(`/staff/consultations/${id}`);
    expect(page.res.status).toBe(200);
    expect(page.body).toMatch(/Tallene blev offentliggjort [^<]+\. De har lidt støj/);
    expect(page.body).toContain('<caption>Svar om Kamera ved indgangen fra Blågårdsgade.');
    expect(page.body).toMatch(/<th scope="row">For<\/th>\s*<td>\d+<\/td>/);
    expect(page.body).toContain('name="intent" value="decisions"');
    expect(page.body).toContain(`<select id="outcome-${a!.id}" name="outcome-${a!.id}"`);
    // Released: the closing day is fixed too.
    expect(page.body).toMatch(/<input type="hidden" name="closesOn" value="2020-01-31"/);

    const decide = (fields: Record<string, string>) =>
      post(`/staff/consultations/${id}`, {
        intent: 'decisions',
        noteDa: 'De fleste ønskede kameraet; passagen deler vandene.',
        noteEn: '',
        [`outcome-${a!.id}`]: 'adopted',
        [`reasonDa-${a!.id}`]: 'Et klart flertal for.',
        [`reasonEn-${a!.id}`]: '',
        [`outcome-${b!.id}`]: 'changed',
        [`reasonDa-${b!.id}`]: 'Lys i stedet for kamera.',
        [`reasonEn-${b!.id}`]: 'Lighting instead of a camera.',
        ...fields,
      });

    // Missing reason and an unknown outcome: 400, each linked to its field, nothing stored.
    const bad = await decide({ [`reasonDa-${a!.id}`]: '', [`outcome-${b!.id}`]: 'postponed' });
    expect(bad.status).toBe(400);
    const badBody = await html(bad);
    expect(badBody).toContain(`<a href="#reasonDa-${a!.id}">«Sted 1: Begrundelse på dansk» skal udfyldes.</a>`);
    expect(badBody).toContain(`<a href="#outcome-${b!.id}">Vælg en af mulighederne under «Sted 2: Beslutning».</a>`);
    expect(await serverRow(sql`select decided_on from consultations where id = ${id}`)).toEqual({ decided_on: null });

    const ok = await decide({});
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/staff/consultations/${id}?done=decisions#decisions`);
    const decided = await serverRow<{ decided_on: string; decision_da: string; decision_en: string | null }>(sql`select decided_on, decision_da, decision_en from consultations where id = ${id}`);
    expect(decided).toEqual({ decided_on: today, decision_da: 'De fleste ønskede kameraet; passagen deler vandene.', decision_en: null });
    expect(
      await serverRows(sql`select outcome, reason_da, reason_en from consultation_places where consultation_id = ${id} order by position`),
    ).toEqual([
      { outcome: 'adopted', reason_da: 'Et klart flertal for.', reason_en: null },
      { outcome: 'changed', reason_da: 'Lys i stedet for kamera.', reason_en: 'Lighting instead of a camera.' },
    ]);

    // Correcting: the form shows what was published; publishing again corrects it, audited as a correction.
    page = await get(`/staff/consultations/${id}?done=decisions`);
    expect(page.body).toContain('Beslutningen er offentliggjort.');
    expect(page.body).toContain('Ret beslutningen');
    expect(page.body).toMatch(new RegExp(`<option value="changed" selected`));
    expect((await decide({ [`outcome-${b!.id}`]: 'dropped', [`reasonDa-${b!.id}`]: 'Ingen flertal.' })).status).toBe(303);
    expect(await serverRow(sql`select outcome, reason_da from consultation_places where id = ${b!.id}`)).toEqual({ outcome: 'dropped', reason_da: 'Ingen flertal.' });
    const audit = await auditOf(id);
    expect(audit.filter((x) => x.startsWith('consultation.decisions'))).toEqual(['consultation.decisions.publish', 'consultation.decisions.correct']);
    expect(audit).toContain('consultation.release');
    // The audit names the editor.
    const who = await serverRow<{ email: string }>(
      sql`select u.email from audit_log a join users u on u.id = a.user_id where a.entity_type = 'consultation' and a.entity_id = ${id} and a.action = 'consultation.decisions.correct'`,
    );
    expect(who.email).toBe('editor@demo.tryghed.invalid');

    // After the release the closing day cannot move.
    const moved = await post(`/staff/consultations/${id}`, { intent: 'save', ...consultationForm({ opensOn: '2020-01-01', closesOn: '2020-02-28' }) });
    expect(moved.status).toBe(409);
    expect(await html(moved)).toContain('tallene er offentliggjort, så slutdatoen kan ikke ændres længere');
  });
});

describe('who may', () => {
  it('a viewer and a moderator get 403 on every consultation page, GET and POST', async () => {
    const id = await create();
    for (const role of ['viewer', 'moderator'] as const) {
      const cookie = await staffSession(dbPath, role);
      for (const path of ['/staff/consultations', '/staff/consultations/new', `/staff/consultations/${id}`, `/en/staff/consultations/${id}`]) {
        expect((await get(path, cookie)).res.status, `${role} ${path}`).toBe(403);
      }
      expect((await post('/staff/consultations/new', consultationForm({ titleDa: 'Ikke tilladt' }), cookie)).status).toBe(403);
      expect((await post(`/staff/consultations/${id}`, { intent: 'add_place', ...placeForm() }, cookie)).status).toBe(403);
      // No nav entry for them.
      expect((await get('/staff', cookie)).body).not.toContain('href="/staff/consultations"');
    }
    expect(await count('consultation_places', id)).toBe(0);
    expect(await serverRow<{ n: number }>(sql`select count(*) as n from consultations where title_da = 'Ikke tilladt'`)).toEqual({ n: 0 });
  }, SIGN_IN_TIMEOUT_MS);

  it('without a session the pages send you to sign in', async () => {
    const res = await fetch(`${base}/staff/consultations/new`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/login?next=%2Fstaff%2Fconsultations%2Fnew');
  });

  it('a cross-site post is refused (CSRF), even with the editor’s session, and nothing is stored', async () => {
    const id = await create();
    const before = await count('consultations');
    const body = new URLSearchParams({ intent: 'add_place', ...placeForm() }).toString();
    for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { referer: 'https://evil.example/page' }, {}]) {
      const res = await fetch(`${base}/staff/consultations/${id}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': someClient(), cookie: editor, ...headers },
        body,
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      const created = await fetch(`${base}/staff/consultations/new`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': someClient(), cookie: editor, ...headers },
        body: new URLSearchParams(consultationForm()).toString(),
      });
      expect(created.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await count('consultation_places', id)).toBe(0);
    expect(await count('consultations')).toBe(before);
  });
});
