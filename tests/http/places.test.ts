/**
 * Named places as data (issue #19), over plain HTTP: an admin adds a place,
 * and the report form offers it and files a report at it at once; renames
 * and moves it; retires it, after which the form no longer offers or takes
 * it while the staff queue still names the report's place; bad input (a
 * malformed code, a code in use, a missing name, a malformed point, a point
 * outside the areas) is refused with a clear message and stores nothing;
 * editors may not.
 *
 * The test place sits exactly on Skt. Hans Torv's point and sorts after it,
 * so it is never the nearest place to any pin (other tests read "Nær …"
 * labels from the shared server) and, being of kind "other", draws no map
 * label.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { serverRows } from '../support/server-db.ts';
import { postForm } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

let admin: string;
let editor: string;
let moderator: string;
beforeAll(async () => {
  admin = await staffSession(dbPath, 'admin');
  editor = await staffSession(dbPath, 'editor');
  moderator = await staffSession(dbPath, 'moderator');
}, 60_000);

const id = `zz-testplads-${Date.now().toString(36)}`;
const SKT_HANS_TORV = '55.69080,12.56070';
const placeRows = () => serverRows<{ name_da: string; name_en: string; kind: string; lat: number; lon: number; retired_at: unknown }>(sql`select name_da, name_en, kind, lat, lon, retired_at from places where id = ${id}`);
const meldHtml = async () => (await fetch(`${base}/meld`)).text();
const report = (placeId: string) =>
  postForm(base, '/meld', {
    submission: `place-test-${placeId}-${Math.random().toString(36).slice(2)}`,
    category: 'lighting',
    location: placeId,
    timeOfDay: 'evening',
    weekday: 'any',
    description: '',
    reporterType: 'resident',
    website: '',
  });

describe('an admin keeps the named places as data', () => {
  const fields = { intent: 'add', id, nameDa: 'Zz Testplads', nameEn: 'Zz Test square', kind: 'other', point: SKT_HANS_TORV };

  it('bad input is refused with a clear message and stores nothing; editors may not', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [{ ...fields, id: 'Zz Testplads!' }, 400, 'Koden skal bestå af små bogstaver, tal og -'],
      [{ ...fields, nameDa: ' ' }, 400, 'begge navne skal udfyldes'],
      [{ ...fields, kind: 'housing_estate' }, 400, 'typen skal være en af de viste'],
      [{ ...fields, point: '12.5607,55.6908' }, 400, 'punktet skal skrives som bredde,længde'],
      [{ ...fields, point: '55.72000,12.60000' }, 400, 'Punktet ligger uden for de områder, der er i brug.'],
      [{ ...fields, id: 'blaagaards-plads' }, 409, 'Koden «blaagaards-plads» er allerede i brug.'],
    ];
    for (const [f, status, message] of cases) {
      const res = await postForm(base, '/staff/places', f, admin);
      expect(res.status, message).toBe(status);
      expect(text(await res.text()), message).toContain(message);
    }
    expect(await placeRows()).toEqual([]);
    expect((await postForm(base, '/staff/places', fields, editor)).status).toBe(403);
    expect(await placeRows()).toEqual([]);
    expect((await serverRows(sql`select name_da from places where id = 'blaagaards-plads'`))).toEqual([{ name_da: 'Blågårds Plads' }]);
  });

  it('a new place is offered by the report form at once and takes a report; a rename and a move follow; each step is audited', async () => {
    const res = await postForm(base, '/staff/places', fields, admin);
    expect(res.status).toBe(200);
    expect(text(await res.text())).toContain('Stedet Zz Testplads er tilføjet.');
    expect(await placeRows()).toEqual([{ name_da: 'Zz Testplads', name_en: 'Zz Test square', kind: 'other', lat: 55.6908, lon: 12.5607, retired_at: null }]);
    expect(await meldHtml()).toMatch(new RegExp(`<option value="${id}"[^>]*>\\s*Zz Testplads\\s*</option>`));

    const filed = await report(id);
    expect(filed.status).toBe(303);
    const receipt = filed.headers.get('location')!.split('/').pop()!;
    const [stored] = await serverRows<{ place_name: string; lat: number; lon: number }>(sql`select place_name, lat, lon from reports where receipt = ${receipt}`);
    expect(stored).toEqual({ place_name: id, lat: 55.6908, lon: 12.5607 });

    const bad = await postForm(base, '/staff/places', { intent: 'edit', id, nameDa: 'Zz Testpladsen', nameEn: 'Zz Test square', kind: 'other', point: 'nord for torvet' }, admin);
    expect(bad.status).toBe(400);
    const unknown = await postForm(base, '/staff/places', { intent: 'edit', id: 'findes-ikke', nameDa: 'x', nameEn: 'x', kind: 'other', point: SKT_HANS_TORV }, admin);
    expect(unknown.status).toBe(404);
    expect(text(await unknown.text())).toContain('Stedet findes ikke.');
    expect((await placeRows())[0]!.name_da).toBe('Zz Testplads');

    const renamed = await postForm(base, '/staff/places', { intent: 'edit', id, nameDa: 'Zz Testpladsen', nameEn: 'Zz Test square', kind: 'other', point: '55.69081,12.56070' }, admin);
    expect(renamed.status).toBe(200);
    expect(text(await renamed.text())).toContain('Ændringen er gemt.');
    expect(await meldHtml()).toMatch(new RegExp(`<option value="${id}"[^>]*>\\s*Zz Testpladsen\\s*</option>`));
    // A move does not move what was already placed there.
    expect(await serverRows(sql`select lat from reports where receipt = ${receipt}`)).toEqual([{ lat: 55.6908 }]);
    // Back on Skt. Hans Torv's point, so it is never the nearest place to anything.
    expect((await postForm(base, '/staff/places', { intent: 'edit', id, nameDa: 'Zz Testpladsen', nameEn: 'Zz Test square', kind: 'other', point: SKT_HANS_TORV }, admin)).status).toBe(200);
    const audit = await serverRows<{ action: string; summary: string }>(sql`select action, summary from audit_log where entity_type = 'place' and summary like ${`${id}%`} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['place.add', 'place.edit', 'place.edit']);
    expect(audit[1]!.summary).toBe(`${id}: Zz Testplads → Zz Testpladsen; 55.6908,12.5607 → 55.69081,12.5607`);
  });

  it('a retired place is no longer offered or taken, and still names the reports that chose it', async () => {
    const retired = await postForm(base, '/staff/places', { intent: 'retire', id }, admin);
    expect(retired.status).toBe(200);
    const page = text(await retired.text());
    expect(page).toContain('Zz Testpladsen er taget ud af brug.');
    expect(page).toMatch(/Udgået \d/);
    expect((await placeRows())[0]!.retired_at).not.toBeNull();
    expect((await postForm(base, '/staff/places', { intent: 'retire', id }, admin)).status).toBe(409);

    expect(await meldHtml()).not.toContain(`value="${id}"`);
    const before = await serverRows<{ n: number }>(sql`select count(*) as n from reports where place_name = ${id}`);
    const refused = await report(id);
    expect(refused.status).toBe(400);
    expect(await serverRows(sql`select count(*) as n from reports where place_name = ${id}`)).toEqual(before);

    const [filed] = await serverRows<{ id: number }>(sql`select id from reports where place_name = ${id} limit 1`);
    const queue = await (await fetch(`${base}/staff/reports?report=${filed!.id}`, { headers: { cookie: moderator } })).text();
    expect(text(queue)).toContain('Zz Testpladsen');

    const back = await postForm(base, '/staff/places', { intent: 'reinstate', id }, admin);
    expect(back.status).toBe(200);
    expect(text(await back.text())).toContain('Zz Testpladsen er taget i brug igen.');
    expect(await meldHtml()).toContain(`value="${id}"`);
    // Retired again: the other tests' forms do not offer the test place.
    expect((await postForm(base, '/staff/places', { intent: 'retire', id }, admin)).status).toBe(200);
    const audit = await serverRows<{ action: string }>(sql`select action from audit_log where entity_type = 'place' and summary = ${id} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['place.retire', 'place.reinstate', 'place.retire']);
  });
});
