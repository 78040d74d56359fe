/**
 * Kept public pages (src/server/platform/page-cache.ts): the same page while its
 * release, areas and categories (the map), its initiatives (/indsatser) or its
 * categories, areas and places (the report form) are unchanged, a fresh one as
 * soon as any of them changes, visitor tokens of its own for every copy,
 * nothing kept that is not a plain 200 HTML page, and a bounded number of pages.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { areas, partners, places, reportCategories, type AreaGeometry } from '../../db/schema.ts';
import { addInitiativeUpdate, setInitiativeState, updateInitiative } from '../../src/server/content/initiatives.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { listPartners } from '../../src/server/partnership/partners.ts';
import { partnerMarks } from '../../src/server/platform/brand.ts';
import { makeReportRelease } from '../../src/server/disclosure/releases.ts';
import { CACHED_PAGES, cachedPage, clearPageCache, isCachedRoute, visitorToken } from '../../src/server/platform/page-cache.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeInitiative, seedReference } from '../support/factories.ts';

let t: TestDb;
let rendered = 0;
/** A page renderer that counts its renders and numbers its pages. */
const render = (body?: string, init: ResponseInit = { headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'self'" } }) => async () =>
  new Response(body ?? `page ${++rendered}`, init);
/** A request's locals as the middleware gives them to a page. */
const locals = (): App.Locals => ({ locale: 'da', path: '/kort', staff: null, client: 'c' });
const get = async (key = 'da /kort', r = render()) => (await cachedPage(t.db, locals(), '/kort', key, r)).text();

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  clearPageCache();
  rendered = 0;
});
afterEach(() => t.close());

describe('kept public pages', () => {
  it('only the front page, the public map, the initiatives list and the report form are kept', () => {
    for (const path of ['/', '/kort', '/indsatser', '/meld']) expect(isCachedRoute(path), path).toBe(true);
    for (const path of ['/om', '/meld/abc', '/staff/reports', '/kort/x', '/undersoegelser', '/indsatser/x', '/arrangementer']) expect(isCachedRoute(path), path).toBe(false);
  });

  it('the same page, headers included, while release, areas and categories are unchanged', async () => {
    expect(await get()).toBe('page 1');
    const again = await cachedPage(t.db, locals(), '/kort', 'da /kort', render());
    expect(await again.text()).toBe('page 1');
    expect(again.headers.get('content-security-policy')).toBe("default-src 'self'");
    // Another language or filter is another page.
    expect(await get('en /kort')).toBe('page 2');
    expect(await get('da /kort?kategori=vold')).toBe('page 3');
    expect(rendered).toBe(3);
  });

  it('a new release, a renamed area or a renamed or retired category gives a fresh page', async () => {
    expect(await get()).toBe('page 1');
    await makeReportRelease(t.db);
    expect(await get()).toBe('page 2');
    const [area] = await t.db.select().from(areas).limit(1);
    await t.db.update(areas).set({ nameDa: 'Nyt navn', updatedAt: new Date(Date.now() + 60_000) }).where(eq(areas.id, area!.id));
    expect(await get()).toBe('page 3');
    const [category] = await t.db.select().from(reportCategories).limit(1);
    await t.db.update(reportCategories).set({ nameDa: 'Omdøbt' }).where(eq(reportCategories.id, category!.id));
    expect(await get()).toBe('page 4');
    await t.db.update(reportCategories).set({ active: false }).where(eq(reportCategories.id, category!.id));
    expect(await get()).toBe('page 5');
    expect(await get()).toBe('page 5');
  });

  it('the initiatives list: a fresh page as soon as anything it shows changes, even within the same second, and not for what it does not show', async () => {
    const list = async () => (await cachedPage(t.db, locals(), '/indsatser', 'da /indsatser', render())).text();
    expect(await list()).toBe('page 1');
    const one = await makeInitiative(t.db, { title: 'Tryg skolevej' });
    expect(await list()).toBe('page 2');
    expect(await list()).toBe('page 2');
    const [first, second] = await listPartners(t.db);
    const input = {
      titleDa: 'Tryg skolevej',
      titleEn: 'Safe way to school',
      summaryDa: 'Resumé',
      summaryEn: 'Summary',
      bodyDa: 'Tekst',
      bodyEn: null,
      track: 'preventive' as const,
      status: 'active' as const,
      startsOn: '2025-01-01',
      endsOn: null,
      partnerIds: [first!.id],
      areaIds: (await listAreas(t.db)).slice(0, 1).map((a) => a.id),
    };
    // Edits in quick succession (the change time is whole seconds): each one is seen.
    await updateInitiative(t.db, one.id, { ...input, summaryDa: 'Nyt resumé' }, null);
    expect(await list()).toBe('page 3');
    await updateInitiative(t.db, one.id, { ...input, summaryDa: 'Nyt resumé', partnerIds: [second!.id] }, null);
    expect(await list()).toBe('page 4');
    // Text moved from the title to the summary is another page too.
    await updateInitiative(t.db, one.id, { ...input, titleDa: 'Tryg', summaryDa: ' skolevejNyt resumé', partnerIds: [second!.id] }, null);
    expect(await list()).toBe('page 5');
    await t.db.update(partners).set({ nameDa: 'Omdøbt partner' }).where(eq(partners.id, second!.id));
    expect(await list()).toBe('page 6');
    // What the list does not show: a draft, a progress update.
    await makeInitiative(t.db, { published: false });
    await addInitiativeUpdate(t.db, one.id, { happenedOn: '2025-02-01', textDa: 'Opdatering', textEn: null }, null);
    expect(await list()).toBe('page 6');
    await setInitiativeState(t.db, one.id, 'draft', null);
    expect(await list()).toBe('page 7');
    expect(rendered).toBe(7);
  });

  it('the report form: every copy has visitor tokens of its own, the same token wherever it stood twice, and the rendered ones never again', async () => {
    /** A page like the report form: two tokens, the first shown twice. */
    const form = (l: App.Locals) => async () => {
      rendered++;
      const [a, b] = [visitorToken(l), visitorToken(l)];
      return new Response(`<form><input name="submission" value="${a}"><p>${a}</p><input name="other" value="${b}"></form>`, { headers: { 'content-type': 'text/html' } });
    };
    const view = async () => {
      const l = locals();
      return (await cachedPage(t.db, l, '/meld', 'da /meld', form(l))).text();
    };
    const shape = /^<form><input name="submission" value="([a-z2-7]{26})"><p>([a-z2-7]{26})<\/p><input name="other" value="([a-z2-7]{26})"><\/form>$/;
    const views = [await view(), await view(), await view()].map((html) => shape.exec(html)!);
    expect(rendered).toBe(1);
    for (const [, a, shown, b] of views) {
      expect(shown).toBe(a);
      expect(b).not.toBe(a);
    }
    const tokens = views.flatMap(([, a, , b]) => [a, b]);
    expect(new Set(tokens).size).toBe(6);
  });

  it('the report form: a fresh page when a category (its audience too), an area or a named place changes', async () => {
    const view = async () => (await cachedPage(t.db, locals(), '/meld', 'da /meld', render())).text();
    expect(await view()).toBe('page 1');
    expect(await view()).toBe('page 1');
    const [category] = await t.db.select().from(reportCategories).limit(1);
    await t.db.update(reportCategories).set({ audience: category!.audience === 'business' ? 'everyone' : 'business' }).where(eq(reportCategories.id, category!.id));
    expect(await view()).toBe('page 2');
    const [area] = await t.db.select().from(areas).limit(1);
    await t.db.update(areas).set({ nameEn: 'Renamed', updatedAt: new Date(Date.now() + 60_000) }).where(eq(areas.id, area!.id));
    expect(await view()).toBe('page 3');
    const [place] = await t.db.select().from(places).limit(1);
    await t.db.update(places).set({ nameDa: 'Nyt sted' }).where(eq(places.id, place!.id));
    expect(await view()).toBe('page 4');
    expect(await view()).toBe('page 4');
  });

  it('the front page: a fresh page when an area or a named place changes; every kept page when a partner (the footer) is renamed or moved', async () => {
    const view = async (path: string) => (await cachedPage(t.db, locals(), path, `da ${path}`, render())).text();
    expect(await view('/')).toBe('page 1');
    expect(await view('/')).toBe('page 1');
    const [area] = await t.db.select().from(areas).limit(1);
    await t.db.update(areas).set({ nameDa: 'Nyt område', updatedAt: new Date(Date.now() + 60_000) }).where(eq(areas.id, area!.id));
    expect(await view('/')).toBe('page 2');
    const [place] = await t.db.select().from(places).limit(1);
    await t.db.update(places).set({ nameEn: 'New square' }).where(eq(places.id, place!.id));
    expect(await view('/')).toBe('page 3');
    expect(await view('/kort')).toBe('page 4');
    expect(await view('/meld')).toBe('page 5');
    expect(await view('/indsatser')).toBe('page 6');
    const [partner] = await listPartners(t.db);
    await t.db.update(partners).set({ nameEn: 'Renamed partner' }).where(eq(partners.id, partner!.id));
    expect([await view('/'), await view('/kort'), await view('/meld'), await view('/indsatser')]).toEqual(['page 7', 'page 8', 'page 9', 'page 10']);
    // The footer renders the same list the stamp is made of, so the fresh pages name the partner anew.
    expect((await partnerMarks(t.db)).map((p) => p.nameEn)).toContain('Renamed partner');
    await t.db.update(partners).set({ displayOrder: partner!.displayOrder + 100 }).where(eq(partners.id, partner!.id));
    expect(await view('/kort')).toBe('page 11');
    expect(await view('/kort')).toBe('page 11');
  });

  it('an area changed twice within one second (its change time the same) still gives fresh pages', async () => {
    const view = async (path: string) => (await cachedPage(t.db, locals(), path, `da ${path}`, render())).text();
    const [area] = await t.db.select().from(areas).limit(1);
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 120_000);
    await t.db.update(areas).set({ nameDa: 'Først', updatedAt: at }).where(eq(areas.id, area!.id));
    expect(await view('/')).toBe('page 1');
    expect(await view('/kort')).toBe('page 2');
    // The same change time, another boundary: what listAreas reads anew, the kept pages follow.
    // (One coordinate a digit longer: the boundary moves by less than a metre.)
    const moved = JSON.parse(JSON.stringify(area!.geometry).replace(/(\d)\]/, '$11]')) as AreaGeometry;
    expect(moved).not.toEqual(area!.geometry);
    await t.db.update(areas).set({ geometry: moved, updatedAt: at }).where(eq(areas.id, area!.id));
    expect(await view('/')).toBe('page 3');
    expect(await view('/kort')).toBe('page 4');
  });

  it('errors, redirects, non-HTML and responses that set a cookie are never kept', async () => {
    const html = { 'content-type': 'text/html' };
    expect(await get('a', render('error', { status: 500, headers: html }))).toBe('error');
    expect(await get('a')).toBe('page 1');
    await get('b', render('json', { headers: { 'content-type': 'application/json' } }));
    expect(await get('b')).toBe('page 2');
    await get('c', render('cookie', { headers: { ...html, 'set-cookie': 'x=1' } }));
    expect(await get('c')).toBe('page 3');
    await get('d', render('moved', { status: 303, headers: { ...html, location: '/kort' } }));
    expect(await get('d')).toBe('page 4');
  });

  it('holds at most CACHED_PAGES pages, dropping the least recently used', async () => {
    for (let i = 0; i <= CACHED_PAGES; i++) await get(`da /kort?n=${i}`);
    expect(rendered).toBe(CACHED_PAGES + 1);
    // The first was pushed out; the second is still kept.
    await get('da /kort?n=1');
    expect(rendered).toBe(CACHED_PAGES + 1);
    await get('da /kort?n=0');
    expect(rendered).toBe(CACHED_PAGES + 2);
  });
});
