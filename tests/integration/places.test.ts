/**
 * Named places as data, on SQLite and PostgreSQL: the migration's places are
 * there; an added place is offered at once and places a report; a rename or
 * a move is seen at once (also within one second) and leaves reports where
 * they were; a retired place is no longer offered, matched or taken, still
 * names the reports that chose it, and keeps them out of no hexagon; refusals
 * store nothing; every step is audited.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, places, reports } from '../../db/schema.ts';
import { SEEDED_PLACES } from '../../src/lib/seeded-places.ts';
import { latestRelease, makeReportRelease, NO_CELL } from '../../src/server/disclosure/releases.ts';
import { listCurrentAreas } from '../../src/server/partnership/areas.ts';
import { addPlace, editPlace, listPlaces, placeChoices, setPlaceRetired } from '../../src/server/partnership/places.ts';
import { listActiveCategories, submitReport, type NewReport } from '../../src/server/reports/reports.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';

let t: TestDb;
let admin: number;
beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  admin = (await makeUser(t.db, 'admin')).user.id;
});
afterEach(async () => {
  await t.close();
});

async function report(location: NewReport['location']) {
  return submitReport(t.db, {
    categoryId: (await listActiveCategories(t.db))[0]!.id,
    location,
    timeOfDay: 'night',
    weekday: null,
    description: '',
    reporterType: 'resident',
    email: null,
  });
}

const INSIDE = { lat: 55.6866, lon: 12.555 };
const input = { nameDa: 'Nørrebrohallen', nameEn: 'Nørrebrohallen (sports hall)', kind: 'other' as const, point: INSIDE };

describe('named places as data', () => {
  it('the migration brought the places residents could choose before', async () => {
    const book = await listPlaces(t.db);
    expect(book.all.map((p) => p.id).sort()).toEqual(SEEDED_PLACES.map((p) => p.id).sort());
    expect(book.find('blaagaards-plads')).toMatchObject({ nameDa: 'Blågårds Plads', kind: 'square', lat: 55.6864, lon: 12.5572, retired: false });
  });

  it('an added place is offered at once and places a report; refusals store nothing', async () => {
    expect(await addPlace(t.db, 'blaagaards-plads', input, admin)).toEqual({ ok: false, reason: 'id_taken' });
    expect(await addPlace(t.db, 'noerrebrohallen', { ...input, point: { lat: 55.72, lon: 12.6 } }, admin)).toEqual({ ok: false, reason: 'outside' });
    expect((await listPlaces(t.db)).find('noerrebrohallen')).toBeUndefined();
    expect(await addPlace(t.db, 'noerrebrohallen', input, admin)).toEqual({ ok: true });
    const book = await listPlaces(t.db);
    expect(book.offered('noerrebrohallen')?.nameDa).toBe('Nørrebrohallen');
    expect(book.matchTyped('nørrebrohallen')?.id).toBe('noerrebrohallen');
    const filed = await report({ kind: 'place', placeId: 'noerrebrohallen' });
    expect(filed).toMatchObject({ ok: true, report: { placeName: 'noerrebrohallen', lat: INSIDE.lat, lon: INSIDE.lon } });
    const typed = await report({ kind: 'text', text: 'Nørrebrohallen', areaId: (await listCurrentAreas(t.db))[0]!.id });
    expect(typed).toMatchObject({ ok: true, report: { placeName: 'noerrebrohallen' } });
  });

  it('a rename or a move is seen at once, within the same second, and leaves placed reports where they were', async () => {
    await addPlace(t.db, 'noerrebrohallen', input, admin);
    const filed = await report({ kind: 'place', placeId: 'noerrebrohallen' });
    if (!filed.ok) throw new Error(filed.reason);
    expect(await editPlace(t.db, 'findes-ikke', input, admin)).toEqual({ ok: false, reason: 'not_found' });
    expect(await editPlace(t.db, 'noerrebrohallen', { ...input, point: { lat: 55.72, lon: 12.6 } }, admin)).toEqual({ ok: false, reason: 'outside' });
    const moved = { lat: 55.6867, lon: 12.5551 };
    expect(await editPlace(t.db, 'noerrebrohallen', { ...input, nameDa: 'Hallen', point: moved }, admin)).toEqual({ ok: true });
    expect((await listPlaces(t.db)).find('noerrebrohallen')).toMatchObject({ nameDa: 'Hallen', lat: moved.lat, lon: moved.lon });
    expect(await editPlace(t.db, 'noerrebrohallen', { ...input, nameDa: 'Hallen 2', point: moved }, admin)).toEqual({ ok: true });
    expect((await listPlaces(t.db)).find('noerrebrohallen')?.nameDa).toBe('Hallen 2');
    const [stored] = await t.db.select().from(reports).where(eq(reports.id, filed.report.id));
    expect([stored!.lat, stored!.lon]).toEqual([INSIDE.lat, INSIDE.lon]);
    const audits = (await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'place'))).map((a) => a.action);
    expect(audits).toEqual(['place.add', 'place.edit', 'place.edit']);
  });

  it('a retired place is no longer offered, matched or taken, still names its reports and keeps them on the map', async () => {
    const before = await report({ kind: 'place', placeId: 'korsgade' });
    if (!before.ok) throw new Error(before.reason);
    expect(await setPlaceRetired(t.db, 'korsgade', true, admin)).toBe(true);
    expect(await setPlaceRetired(t.db, 'korsgade', true, admin)).toBe(false);
    expect(await setPlaceRetired(t.db, 'findes-ikke', true, admin)).toBe(false);
    const book = await listPlaces(t.db);
    expect(book.offered('korsgade')).toBeUndefined();
    expect(book.find('korsgade')?.retired).toBe(true);
    expect(book.matchTyped('Korsgade')).toBeUndefined();
    expect(book.isTyped('korsgade')).toBe(false);
    expect(await report({ kind: 'place', placeId: 'korsgade' })).toEqual({ ok: false, reason: 'unknown_place' });
    expect((await t.db.select().from(reports)).length).toBe(1);

    // A report at a retired place is still a named place: it counts in its hexagon, not as typed text.
    await t.db.update(reports).set({ status: 'forwarded' }).where(eq(reports.id, before.report.id));
    await makeReportRelease(t.db);
    const release = await latestRelease(t.db);
    expect(release.records.toArray().map((r) => r.cell)).not.toContain(NO_CELL);

    expect(await setPlaceRetired(t.db, 'korsgade', false, admin)).toBe(true);
    expect((await listPlaces(t.db)).offered('korsgade')?.id).toBe('korsgade');
    const [row] = await t.db.select().from(places).where(eq(places.id, 'korsgade'));
    expect(row!.retiredAt).toBeNull();
    const audits = (await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'place'))).map((a) => a.action);
    expect(audits).toEqual(['place.retire', 'place.reinstate']);
  });

  it("a place question's choices and its map's data are worked out once, and again after any change", async () => {
    const choicesNow = async (locale: 'da' | 'en' = 'da') => placeChoices(await listCurrentAreas(t.db), (await listPlaces(t.db)).current, locale);
    const first = await choicesNow();
    expect(await choicesNow()).toBe(first);
    const picker = JSON.parse(first.picker) as { areas: { slug: string; name: string; geometry: unknown }[]; places: { id: string; name: string }[] };
    const areasNow = await listCurrentAreas(t.db);
    expect(picker.areas.map((a) => a.slug)).toEqual(areasNow.map((a) => a.slug));
    expect(picker.areas[0]!.geometry).toEqual(areasNow[0]!.geometry);
    // The map offers what the list offers, in the same order.
    expect(picker.places.map((p) => p.id)).toEqual(first.groups.flatMap((g) => g.places.map((p) => p.id)));
    expect(picker.places.find((p) => p.id === 'blaagaards-plads')?.name).toBe('Blågårds Plads');

    const english = await choicesNow('en');
    expect(english).not.toBe(first);
    expect(JSON.parse(english.picker).areas.map((a: { name: string }) => a.name)).toEqual(areasNow.map((a) => a.nameEn ?? a.nameDa));

    await addPlace(t.db, 'noerrebrohallen', input, admin);
    const added = await choicesNow();
    expect(added).not.toBe(first);
    expect(JSON.parse(added.picker).places.map((p: { id: string }) => p.id)).toContain('noerrebrohallen');
    await setPlaceRetired(t.db, 'noerrebrohallen', true, admin);
    const retired = await choicesNow();
    expect(JSON.parse(retired.picker).places.map((p: { id: string }) => p.id)).not.toContain('noerrebrohallen');
    expect(retired.groups.flatMap((g) => g.places.map((p) => p.id))).not.toContain('noerrebrohallen');
  });
});
