/**
 * Areas as data (issue #19), over plain HTTP: an admin adds a watched area
 * with its boundary, and the map, the report form and the displacement
 * monitor list it at once; a report placed inside it is filed under it; the
 * admin renames it and changes its kind; bad input (a code in use or
 * malformed, missing names, no or a broken boundary, an unknown area) is a
 * 400 or 404 with a clear message that stores nothing; editors may not.
 * The admin retires it: no longer offered, a report inside it is refused,
 * its history stays; the last target area cannot be retired.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { serverRows } from '../support/server-db.ts';
import { postForm } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** A square on Amager, well away from the seeded areas (lon, lat). */
const SQUARE = { type: 'Polygon', coordinates: [[[12.58, 55.66], [12.6, 55.66], [12.6, 55.67], [12.58, 55.67], [12.58, 55.66]]] };

let admin: string;
let editor: string;
beforeAll(async () => {
  admin = await staffSession(dbPath, 'admin');
  editor = await staffSession(dbPath, 'editor');
}, 60_000);

function add(fields: Record<string, string>, boundary: string | undefined, cookie = admin): Promise<Response> {
  const form = new FormData();
  form.set('intent', 'add');
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (boundary !== undefined) form.set('geojson', new File([boundary], 'area.geojson', { type: 'application/geo+json' }));
  return fetch(`${base}/staff/areas`, { method: 'POST', body: form, headers: { cookie, origin: base }, redirect: 'manual' });
}
const areaRows = async (slug: string) => serverRows<{ id: number; name_da: string; name_en: string; kind: string }>(sql`select id, name_da, name_en, kind from areas where slug = ${slug}`);

describe('an admin keeps the areas as data', () => {
  const slug = `amager-${Date.now().toString(36)}`;

  it('bad input is refused with a clear message and stores nothing', async () => {
    const fields = { slug, nameDa: 'Amager Øst', nameEn: 'Amager East', kind: 'adjacent' };
    const cases: [Record<string, string>, string | undefined, string][] = [
      [{ ...fields, slug: 'Amager Øst!' }, JSON.stringify(SQUARE), 'koden skal bestå af små bogstaver'],
      [{ ...fields, nameEn: ' ' }, JSON.stringify(SQUARE), 'begge navne skal udfyldes'],
      [{ ...fields, kind: 'hotspot' }, JSON.stringify(SQUARE), 'Tjek felterne'],
      [fields, undefined, 'Vælg en fil.'],
      [fields, '{"type": "Polygon"', 'Filen er ikke gyldig JSON.'],
      [{ ...fields, slug: 'indre-norrebro' }, JSON.stringify(SQUARE), 'Koden «indre-norrebro» er allerede i brug.'],
    ];
    for (const [f, boundary, message] of cases) {
      const res = await add(f, boundary);
      expect(res.status, message).toBe(400);
      expect(text(await res.text()), message).toContain(message);
    }
    expect(await areaRows(slug)).toEqual([]);
    const forbidden = await add(fields, JSON.stringify(SQUARE), editor);
    expect(forbidden.status).toBe(403);
    expect(await areaRows(slug)).toEqual([]);
  });

  it('a new watched area appears on the map, the report form and the displacement monitor; a report inside it is filed under it', async () => {
    const res = await add({ slug, nameDa: 'Amager Øst', nameEn: 'Amager East', kind: 'adjacent' }, JSON.stringify({ type: 'Feature', properties: {}, geometry: SQUARE }));
    expect(res.status).toBe(200);
    expect(text(await res.text())).toContain('Området Amager Øst er tilføjet.');
    const [area] = await areaRows(slug);
    expect(area).toMatchObject({ name_da: 'Amager Øst', name_en: 'Amager East', kind: 'adjacent' });

    expect(await (await fetch(`${base}/kort`)).text()).toMatch(new RegExp(`<tr data-area="${slug}"`));
    expect(await (await fetch(`${base}/meld`)).text()).toMatch(new RegExp(`<option value="${slug}"[^>]*>Amager Øst</option>`));
    const analyst = await staffSession(dbPath, 'analyst');
    const displacement = await (await fetch(`${base}/staff/dashboard/displacement`, { headers: { cookie: analyst } })).text();
    expect(text(displacement)).toContain('Amager Øst');

    const report = await postForm(base, '/meld', {
      submission: `area-test-${Date.now()}`,
      category: 'lighting',
      location__point: '55.665,12.59',
      timeOfDay: 'evening',
      weekday: 'any',
      description: '',
      reporterType: 'resident',
      website: '',
    });
    expect(report.status).toBe(303);
    const receipt = report.headers.get('location')!.split('/').pop()!;
    expect(await serverRows(sql`select area_id from reports where receipt = ${receipt}`)).toEqual([{ area_id: area!.id }]);
    const audit = await serverRows<{ summary: string }>(sql`select summary from audit_log where action = 'area.add' and entity_id = ${area!.id}`);
    expect(audit).toEqual([{ summary: `${slug} (adjacent)` }]);
  });

  it('the admin renames it and makes it a target area; the public pages follow; a bad edit changes nothing', async () => {
    const [area] = await areaRows(slug);
    const bad = await postForm(base, '/staff/areas', { intent: 'edit', areaId: String(area!.id), nameDa: '', nameEn: 'x', kind: 'adjacent' }, admin);
    expect(bad.status).toBe(400);
    expect(text(await bad.text())).toContain('begge navne skal udfyldes');
    const unknown = await postForm(base, '/staff/areas', { intent: 'edit', areaId: '999999', nameDa: 'x', nameEn: 'x', kind: 'adjacent' }, admin);
    expect(unknown.status).toBe(404);
    expect((await areaRows(slug))[0]).toEqual(area);

    const ok = await postForm(base, '/staff/areas', { intent: 'edit', areaId: String(area!.id), nameDa: 'Amagerbro', nameEn: 'Amagerbro (en)', kind: 'target' }, admin);
    expect(ok.status).toBe(200);
    expect((await areaRows(slug))[0]).toMatchObject({ name_da: 'Amagerbro', name_en: 'Amagerbro (en)', kind: 'target' });
    expect(await (await fetch(`${base}/meld`)).text()).toMatch(new RegExp(`<option value="${slug}"[^>]*>Amagerbro</option>`));
    expect(await (await fetch(`${base}/en/meld`)).text()).toMatch(new RegExp(`<option value="${slug}"[^>]*>Amagerbro \\(en\\)</option>`));
    const audit = await serverRows<{ summary: string }>(sql`select summary from audit_log where action = 'area.edit' and entity_id = ${area!.id}`);
    expect(audit.map((a) => a.summary)).toEqual([`${slug}: Amager Øst → Amagerbro; Amager East → Amagerbro (en); adjacent → target`]);
    // Back to a watched area (other tests share this server's target area).
    expect((await postForm(base, '/staff/areas', { intent: 'edit', areaId: String(area!.id), nameDa: 'Amagerbro', nameEn: 'Amagerbro (en)', kind: 'adjacent' }, admin)).status).toBe(200);
    expect((await areaRows(slug))[0]!.kind).toBe('adjacent');
  });

  it('the admin retires it: no longer offered, a report inside it is refused, its history stays; the last target area cannot be retired', async () => {
    const [area] = await areaRows(slug);
    const retiredAt = async () => (await serverRows<{ retired_at: unknown }>(sql`select retired_at from areas where slug = ${slug}`))[0]!.retired_at;
    const [target] = await areaRows('indre-norrebro');
    const last = await postForm(base, '/staff/areas', { intent: 'retire', areaId: String(target!.id) }, admin);
    expect(last.status).toBe(409);
    expect(text(await last.text())).toContain('Det sidste indsatsområde i brug kan ikke tages ud af brug');
    expect(await serverRows(sql`select retired_at from areas where slug = 'indre-norrebro'`)).toEqual([{ retired_at: null }]);
    expect((await postForm(base, '/staff/areas', { intent: 'retire', areaId: String(area!.id) }, editor)).status).toBe(403);
    expect((await postForm(base, '/staff/areas', { intent: 'retire', areaId: '999999' }, admin)).status).toBe(404);
    expect(await retiredAt()).toBeNull();

    const ok = await postForm(base, '/staff/areas', { intent: 'retire', areaId: String(area!.id) }, admin);
    expect(ok.status).toBe(200);
    const page = text(await ok.text());
    expect(page).toContain('Amagerbro er taget ud af brug.');
    expect(page).toMatch(/Udgået \d/);
    expect(await retiredAt()).not.toBeNull();
    const again = await postForm(base, '/staff/areas', { intent: 'retire', areaId: String(area!.id) }, admin);
    expect(again.status).toBe(409);
    expect(text(await again.text())).toContain('Området er allerede taget ud af brug.');

    // No longer offered for anything new…
    expect(await (await fetch(`${base}/meld`)).text()).not.toContain(`value="${slug}"`);
    const editorHtml = await (await fetch(`${base}/staff/initiatives/new`, { headers: { cookie: editor } })).text();
    expect(editorHtml).toContain('Indre Nørrebro');
    expect(editorHtml).not.toContain('Amagerbro');
    const before = await serverRows<{ n: number }>(sql`select count(*) as n from reports where area_id = ${area!.id}`);
    const refused = await postForm(base, '/meld', {
      submission: `area-retired-${Date.now()}`,
      category: 'lighting',
      location__point: '55.665,12.59',
      timeOfDay: 'evening',
      weekday: 'any',
      description: '',
      reporterType: 'resident',
      website: '',
    });
    expect(refused.status).toBe(400);
    expect(text(await refused.text())).toContain('Stedet ligger uden for områderne.');
    expect(await serverRows(sql`select count(*) as n from reports where area_id = ${area!.id}`)).toEqual(before);
    // …while its history stays for the analysts.
    const analyst = await staffSession(dbPath, 'analyst');
    const displacement = await (await fetch(`${base}/staff/dashboard/displacement`, { headers: { cookie: analyst } })).text();
    expect(text(displacement)).toContain('Amagerbro');

    const back = await postForm(base, '/staff/areas', { intent: 'reinstate', areaId: String(area!.id) }, admin);
    expect(back.status).toBe(200);
    expect(text(await back.text())).toContain('Amagerbro er taget i brug igen.');
    expect(await (await fetch(`${base}/meld`)).text()).toContain(`value="${slug}"`);
    expect((await postForm(base, '/staff/areas', { intent: 'reinstate', areaId: String(area!.id) }, admin)).status).toBe(409);
    const audit = await serverRows<{ action: string }>(sql`select action from audit_log where entity_type = 'area' and entity_id = ${area!.id} and action in ('area.retire', 'area.reinstate') order by id`);
    expect(audit.map((a) => a.action)).toEqual(['area.retire', 'area.reinstate']);
    // Retired again, so the test area is not offered to the other tests' forms.
    expect((await postForm(base, '/staff/areas', { intent: 'retire', areaId: String(area!.id) }, admin)).status).toBe(200);
  });
});
