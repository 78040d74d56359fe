/**
 * Concern reports against a real SQLite file: masking on submit, areas from
 * the point, the e-mail deleted on closing, forwarding needs a partner, every
 * staff change audited, and a receipt view without personal details.
 */
import { asc, eq } from 'drizzle-orm';
import { latLngToCell } from 'h3-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, reports, reportUpdates } from '../../db/schema.ts';
import { addArea, editArea, listAreas, listCurrentAreas, reinstateArea, retireArea } from '../../src/server/partnership/areas.ts';
import { resolveTarget } from '../../src/server/subscriptions/subscriptions.ts';
import { listPartners } from '../../src/server/partnership/partners.ts';
import {
  areaCentre,
  changeCategory,
  editReportDescription,
  findReportByReceipt,
  linkReportToInitiative,
  listActiveCategories,
  listReportQueue,
  mergeReport,
  setReportStatus,
  submitReport,
  type NewReport,
} from '../../src/server/reports/reports.ts';
import { latestRelease, makeReportRelease, MAP_RESOLUTION, NO_CELL } from '../../src/server/disclosure/releases.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeInitiative, makeUser, seedReference } from '../support/factories.ts';
import { openAddress, sealAddress } from '../../src/server/privacy/sealed.ts';
import { RETENTION_DEFAULTS, runRetention } from '../../src/server/privacy/retention.ts';

let t: TestDb;
let input: NewReport;

beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  input = {
    categoryId: (await listActiveCategories(t.db))[0]!.id,
    location: { kind: 'place', placeId: 'blaagaards-plads' },
    timeOfDay: 'evening',
    weekday: 5,
    description: 'Handel hver aften. Ring 12 34 56 78 eller se CPR 010203-1234.',
    reporterType: 'resident',
    email: 'nabo@example.dk',
  };
});
afterEach(() => t.close());

async function submit(overrides: Partial<NewReport> = {}) {
  const result = await submitReport(t.db, { ...input, ...overrides });
  if (!result.ok) throw new Error(`not stored: ${result.reason}`);
  return result.report;
}

async function auditActions(id: number): Promise<string[]> {
  return (await t.db.select().from(auditLog).where(eq(auditLog.entityId, id))).filter((a) => a.entityType === 'report').map((a) => a.action);
}

describe('submitReport', () => {
  it('masks CPR numbers and phone numbers in the description', async () => {
    const r = await submit();
    expect(r.description).not.toContain('12 34 56 78');
    expect(r.description).not.toContain('010203-1234');
    expect(r.masks).toEqual(expect.arrayContaining(['cpr', 'phone']));
  });

  it('assigns the area the point lies in, and a random receipt, with a first "received" update', async () => {
    const a = await submit({ location: { kind: 'point', point: { lat: 55.6864, lon: 12.5572 } } });
    const b = await submit();
    const indre = (await listAreas(t.db)).find((x) => x.slug === 'indre-norrebro')!;
    expect(a.areaId).toBe(indre.id);
    expect(a.placeName).toBeNull();
    expect(b.placeName).toBe('blaagaards-plads');
    expect(a.receipt).not.toBe(b.receipt);
    expect(a.receipt.length).toBeGreaterThanOrEqual(20);
    const updates = await t.db.select().from(reportUpdates).where(eq(reportUpdates.reportId, a.id));
    expect(updates.map((u) => u.status)).toEqual(['received']);
  });

  it('refuses a point outside all areas and stores nothing', async () => {
    const result = await submitReport(t.db, { ...input, location: { kind: 'point', point: { lat: 55.72, lon: 12.6 } } });
    expect(result).toEqual({ ok: false, reason: 'outside' });
    expect(await t.db.select().from(reports)).toHaveLength(0);
  });

  it('puts a typed place at its area’s centre and keeps the text masked', async () => {
    const area = (await listAreas(t.db))[1]!;
    const r = await submit({ location: { kind: 'text', text: 'Hjørnet ved nr. 12, ring 22 33 44 55', areaId: area.id } });
    expect(r.areaId).toBe(area.id);
    expect({ lat: r.lat, lon: r.lon }).toEqual(areaCentre(area));
    expect(r.placeName).toContain('Hjørnet');
    expect(r.placeName).not.toContain('22 33 44 55');
  });

  it('a typed name of a known place is that place, with its point and area', async () => {
    const other = (await listAreas(t.db)).find((x) => x.slug !== 'indre-norrebro')!;
    for (const typed of ['Blågårds Plads', 'blaagaards plads', ' BLÅGÅRDS  PLADS. ', 'Blågårds Plads (square)']) {
      const r = await submit({ location: { kind: 'text', text: typed, areaId: other.id } });
      expect(r.placeName, typed).toBe('blaagaards-plads');
      expect({ lat: r.lat, lon: r.lon }).toEqual({ lat: 55.6864, lon: 12.5572 });
      expect(r.areaId).toBe((await listAreas(t.db)).find((x) => x.slug === 'indre-norrebro')!.id);
    }
  });

  it('a typed place that is no known place is in its area but in no hexagon of the public release', async () => {
    const { user } = await makeUser(t.db, 'moderator');
    const area = (await listAreas(t.db)).find((x) => x.slug === 'indre-norrebro')!;
    const typed = await submit({ location: { kind: 'text', text: 'Bag kiosken ved hjørnet', areaId: area.id } });
    const placed = await submit();
    for (const r of [typed, placed]) expect(await setReportStatus(t.db, r.id, { status: 'in_progress' }, user.id)).toEqual({ ok: true });
    await makeReportRelease(t.db);
    const release = await latestRelease(t.db);
    const cells = release.records.toArray().map((r) => r.cell);
    expect(cells.filter((c) => c === NO_CELL)).toHaveLength(1);
    expect(cells).toContain(latLngToCell(55.6864, 12.5572, MAP_RESOLUTION));
    // The made-up point (the area's centre) is nobody's hexagon.
    expect(cells).not.toContain(latLngToCell(typed.lat, typed.lon, MAP_RESOLUTION));
    expect(release.records.toArray().every((r) => r.areaId === area.id)).toBe(true);
  });
});

describe('a business\'s callback number', () => {
  it('is stored sealed, opens to the number, and is deleted by closing or merging the report and by the retention rule', async () => {
    const { user } = await makeUser(t.db, 'moderator');
    const r = await submit({ reporterType: 'business', callback: '33 12 34 56' });
    expect(r.callback).toMatch(/^sealed1:/);
    expect(openAddress(r.callback!)).toBe('33 12 34 56');
    expect(await setReportStatus(t.db, r.id, { status: 'handled' }, user.id)).toEqual({ ok: true });
    expect((await t.db.select({ callback: reports.callback }).from(reports).where(eq(reports.id, r.id)))[0]!.callback).toBeNull();

    const a = await submit({ reporterType: 'business', callback: '33 12 34 57' });
    const b = await submit({ reporterType: 'business', callback: null });
    await mergeReport(t.db, a.id, b.id, user.id);
    expect((await t.db.select({ callback: reports.callback }).from(reports).where(eq(reports.id, a.id)))[0]!.callback).toBeNull();

    // One left behind on a closed report (e.g. written by an older version) is erased by the rule.
    await t.db.update(reports).set({ callback: sealAddress('33 12 34 58') }).where(eq(reports.id, r.id));
    const run = await runRetention(t.db, RETENTION_DEFAULTS);
    expect(run.results.find((x) => x.rule === 'report_email')).toEqual({ rule: 'report_email', count: 1 });
    expect((await t.db.select({ callback: reports.callback }).from(reports).where(eq(reports.id, r.id)))[0]!.callback).toBeNull();
  });

  it('categories choose their form: a business category added by an admin, then moved to both forms', async () => {
    const { user } = await makeUser(t.db, 'admin');
    expect(await changeCategory(t.db, { kind: 'add', slug: 'shoplifting', nameDa: 'Butikstyveri', nameEn: null, audience: 'business' }, user.id)).toBe('ok');
    const added = (await listActiveCategories(t.db)).find((c) => c.slug === 'shoplifting')!;
    expect(added.audience).toBe('business');
    expect(await changeCategory(t.db, { kind: 'audience', id: added.id, audience: 'everyone' }, user.id)).toBe('ok');
    expect((await listActiveCategories(t.db)).find((c) => c.slug === 'shoplifting')!.audience).toBe('everyone');
    expect(await changeCategory(t.db, { kind: 'audience', id: 999_999, audience: 'business' }, user.id)).toBe('not_found');
  });
});

describe('moderation', () => {
  it('closing a report deletes the e-mail in the same change', async () => {
    const { user } = await makeUser(t.db, 'moderator');
    for (const status of ['handled', 'not_possible', 'rejected'] as const) {
      const r = await submit();
      // The address is sealed at rest: a copy of the database holds no readable address.
      expect(r.email).toMatch(/^sealed1:/);
      expect(r.email).not.toContain('nabo');
      expect(openAddress(r.email!)).toBe('nabo@example.dk');
      expect(await setReportStatus(t.db, r.id, { status: 'in_progress' }, user.id)).toEqual({ ok: true });
      expect(openAddress((await t.db.select().from(reports).where(eq(reports.id, r.id)).limit(1))[0]!.email!)).toBe('nabo@example.dk');
      expect(await setReportStatus(t.db, r.id, { status, internalNote: 'dublet' }, user.id)).toEqual({ ok: true });
      const after = (await t.db.select().from(reports).where(eq(reports.id, r.id)).limit(1))[0]!;
      expect(after.status).toBe(status);
      expect(after.email).toBeNull();
    }
  });

  it('forwarding needs a partner (chosen, or the category\'s routed one)', async () => {
    const { user } = await makeUser(t.db, 'moderator');
    // "Other" is routed to no partner (src/server/seed/report-categories.ts).
    const r = await submit({ categoryId: (await listActiveCategories(t.db)).find((c) => c.slug === 'other')!.id });
    expect(await setReportStatus(t.db, r.id, { status: 'forwarded' }, user.id)).toEqual({ ok: false, reason: 'partner_required' });
    expect(await setReportStatus(t.db, r.id, { status: 'forwarded', forwardedTo: 99_999 }, user.id)).toEqual({ ok: false, reason: 'unknown_partner' });
    const partner = (await listPartners(t.db))[0]!;
    expect(await setReportStatus(t.db, r.id, { status: 'forwarded', forwardedTo: partner.id, publicNote: 'Sendt til politiet' }, user.id)).toEqual({ ok: true });
    const after = (await t.db.select().from(reports).where(eq(reports.id, r.id)).limit(1))[0]!;
    expect(after.status).toBe('forwarded');
    expect(after.forwardedTo).toBe(partner.id);
  });

  it('a rejection needs an internal reason', async () => {
    const { user } = await makeUser(t.db, 'moderator');
    const r = await submit();
    expect(await setReportStatus(t.db, r.id, { status: 'rejected' }, user.id)).toEqual({ ok: false, reason: 'reason_required' });
    expect(await setReportStatus(t.db, r.id, { status: 'rejected', internalNote: 'Handler om en navngiven person' }, user.id)).toEqual({ ok: true });
    // Ids are random: the order is by time (the resident's "received" keeps only its day, so it comes first).
    const updates = await t.db.select().from(reportUpdates).where(eq(reportUpdates.reportId, r.id)).orderBy(asc(reportUpdates.createdAt));
    expect(updates.map((u) => u.status)).toEqual(['received', 'rejected']);
    expect(updates[0]!.createdAt.getTime() % 86_400_000).toBe(0);
    expect(updates.at(-1)).toMatchObject({ status: 'rejected', internalNote: 'Handler om en navngiven person', publicNote: null });
  });

  it('every change is audited', async () => {
    const { user } = await makeUser(t.db, 'moderator');
    const r = await submit();
    const other = await submit();
    const initiative = await makeInitiative(t.db, { published: true });
    expect(await editReportDescription(t.db, r.id, 'Ny tekst, mail mig på a@b.dk', user.id)).toBe(true);
    expect((await t.db.select().from(reports).where(eq(reports.id, r.id)).limit(1))[0]!.description).not.toContain('a@b.dk');
    expect((await setReportStatus(t.db, r.id, { status: 'in_progress' }, user.id)).ok).toBe(true);
    expect(await linkReportToInitiative(t.db, r.id, initiative.id, user.id)).toBe(true);
    expect(await mergeReport(t.db, other.id, r.id, user.id)).toEqual({ ok: true });
    expect(await mergeReport(t.db, r.id, r.id, user.id)).toEqual({ ok: false, reason: 'same' });
    expect(await auditActions(r.id)).toEqual(['report.edit', 'report.status', 'report.link']);
    expect(await auditActions(other.id)).toEqual(['report.merge']);
    const merged = (await t.db.select().from(reports).where(eq(reports.id, other.id)).limit(1))[0]!;
    expect(merged).toMatchObject({ status: 'merged', mergedInto: r.id, email: null });
    expect((await listReportQueue(t.db, 'merged')).map((i) => i.report.id)).toEqual([other.id]);
  });
});

describe('findReportByReceipt', () => {
  it('shows status, public notes and a published initiative, but no description, point or e-mail', async () => {
    const { user } = await makeUser(t.db, 'moderator');
    const r = await submit();
    const initiative = await makeInitiative(t.db, { published: true });
    await setReportStatus(t.db, r.id, { status: 'forwarded', forwardedTo: (await listPartners(t.db))[0]!.id, publicNote: 'Politiet er orienteret.', internalNote: 'hemmeligt' }, user.id);
    await linkReportToInitiative(t.db, r.id, initiative.id, user.id);
    const view = (await findReportByReceipt(t.db, r.receipt))!;
    expect(view.status).toBe('forwarded');
    expect(view.updates.map((u) => u.publicNote)).toEqual([null, 'Politiet er orienteret.']);
    expect(view.initiative?.slug).toBe(initiative.slug);
    const text = JSON.stringify(view);
    for (const secret of [r.description, 'nabo@example.dk', String(r.lat), String(r.lon), 'hemmeligt', 'blaagaards-plads']) {
      expect(text).not.toContain(secret);
    }
    expect(await findReportByReceipt(t.db, 'no-such-receipt')).toBeUndefined();
  });

  it('does not show an unpublished initiative', async () => {
    const { user } = await makeUser(t.db, 'moderator');
    const r = await submit();
    const draft = await makeInitiative(t.db, { published: false });
    await linkReportToInitiative(t.db, r.id, draft.id, user.id);
    expect((await findReportByReceipt(t.db, r.receipt))!.initiative).toBeNull();
  });
});

describe('report categories are data that admins edit', () => {
  it('adding, renaming and retiring a category is audited; a retired one is no longer offered', async () => {
    const { changeCategory, listActiveCategories, listAllCategories } = await import('../../src/server/reports/reports.ts');
    const admin = (await makeUser(t.db, 'admin')).user;
    expect(await changeCategory(t.db, { kind: 'add', slug: 'noise', nameDa: 'Støj', nameEn: 'Noise' }, admin.id)).toBe('ok');
    expect(await changeCategory(t.db, { kind: 'add', slug: 'noise', nameDa: 'Støj igen', nameEn: null }, admin.id)).toBe('slug_taken');
    const noise = (await listAllCategories(t.db)).find((c) => c.slug === 'noise')!;
    expect(await changeCategory(t.db, { kind: 'rename', id: noise.id, nameDa: 'Larm', nameEn: 'Noise' }, admin.id)).toBe('ok');
    expect(await changeCategory(t.db, { kind: 'active', id: noise.id, active: false }, admin.id)).toBe('ok');
    expect((await listActiveCategories(t.db)).some((c) => c.slug === 'noise')).toBe(false);
    expect((await listAllCategories(t.db)).find((c) => c.slug === 'noise')!.nameDa).toBe('Larm');
    const actions = (await t.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['category.add', 'category.rename', 'category.retire']));
  });
});

describe('a merged report is final', () => {
  it('its status cannot be changed, it cannot be merged again, and no merge cycle (6 ↔ 7) can be made', async () => {
    const { user } = await makeUser(t.db, 'moderator');
    const a = await submit();
    const b = await submit();
    expect(await mergeReport(t.db, a.id, b.id, user.id)).toEqual({ ok: true });
    expect(await setReportStatus(t.db, a.id, { status: 'in_progress' }, user.id)).toEqual({ ok: false, reason: 'merged' });
    expect(await mergeReport(t.db, b.id, a.id, user.id)).toEqual({ ok: false, reason: 'target_merged' });
    const c = await submit();
    expect(await mergeReport(t.db, a.id, c.id, user.id)).toEqual({ ok: false, reason: 'already_merged' });
    const rows = await t.db.select().from(reports).where(eq(reports.id, a.id)).limit(1);
    expect(rows[0]).toMatchObject({ status: 'merged', mergedInto: b.id });
    expect((await t.db.select().from(reports).where(eq(reports.id, b.id)).limit(1))[0]!.status).toBe('received');
  });
});


describe('areas as data', () => {
  it('an added area is listed at once and takes the reports placed inside it; a slug in use is refused; edits are audited', async () => {
    const { user } = await makeUser(t.db, 'admin');
    const square = { type: 'Polygon' as const, coordinates: [[[12.58, 55.66], [12.6, 55.66], [12.6, 55.67], [12.58, 55.67], [12.58, 55.66]]] };
    const added = await addArea(t.db, { slug: 'amager-oest', nameDa: 'Amager Øst', nameEn: 'Amager East', kind: 'adjacent', geometry: square }, user.id);
    if (!added.ok) throw new Error(added.reason);
    expect(await addArea(t.db, { slug: 'amager-oest', nameDa: 'Igen', nameEn: 'Again', kind: 'adjacent', geometry: square }, user.id)).toEqual({ ok: false, reason: 'slug_taken' });
    const listed = await listAreas(t.db);
    expect(listed.at(-1)).toMatchObject({ id: added.id, slug: 'amager-oest', approximate: false });
    const r = await submit({ location: { kind: 'point', point: { lat: 55.665, lon: 12.59 } } });
    expect(r.areaId).toBe(added.id);

    expect(await editArea(t.db, added.id, { nameDa: 'Amagerbro', nameEn: 'Amagerbro', kind: 'target' }, user.id)).toBe(true);
    // The kept list notices the change at once, even within the same second.
    expect((await listAreas(t.db)).find((a) => a.id === added.id)).toMatchObject({ nameDa: 'Amagerbro', kind: 'target' });
    expect(await editArea(t.db, 999_999, { nameDa: 'x', nameEn: 'x', kind: 'target' }, user.id)).toBe(false);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, added.id));
    expect(audits.filter((a) => a.entityType === 'area').map((a) => a.action).sort()).toEqual(['area.add', 'area.edit']);
  });
  it('a retired area takes nothing new but keeps its reports; the last target area cannot be retired; both steps are audited', async () => {
    const { user } = await makeUser(t.db, 'admin');
    const square = { type: 'Polygon' as const, coordinates: [[[12.58, 55.66], [12.6, 55.66], [12.6, 55.67], [12.58, 55.67], [12.58, 55.66]]] };
    const added = await addArea(t.db, { slug: 'amager-oest', nameDa: 'Amager Øst', nameEn: 'Amager East', kind: 'adjacent', geometry: square }, user.id);
    if (!added.ok) throw new Error(added.reason);
    const inside = { location: { kind: 'point' as const, point: { lat: 55.665, lon: 12.59 } } };
    const kept = await submit(inside);

    const target = (await listAreas(t.db)).find((a) => a.kind === 'target')!;
    expect(await retireArea(t.db, target.id, user.id)).toEqual({ ok: false, reason: 'last_target' });
    expect(await retireArea(t.db, 999_999, user.id)).toEqual({ ok: false, reason: 'not_found' });
    expect(await retireArea(t.db, added.id, user.id)).toEqual({ ok: true });
    expect(await retireArea(t.db, added.id, user.id)).toEqual({ ok: false, reason: 'already' });

    expect((await listCurrentAreas(t.db)).map((a) => a.id)).not.toContain(added.id);
    expect((await listAreas(t.db)).find((a) => a.id === added.id)?.retiredAt).toBeInstanceOf(Date);
    expect(await submitReport(t.db, { ...input, ...inside })).toMatchObject({ ok: false, reason: 'outside' });
    expect(await resolveTarget(t.db, 'area', { area: 'amager-oest', initiative: '' })).toBe('unknown');
    expect((await t.db.select().from(reports).where(eq(reports.id, kept.id)))[0]!.areaId).toBe(added.id);

    // With a second target area, the first may go.
    const other = (await listAreas(t.db)).find((a) => a.kind === 'adjacent' && a.id !== added.id)!;
    expect(await editArea(t.db, other.id, { nameDa: other.nameDa, nameEn: other.nameEn, kind: 'target' }, user.id)).toBe(true);
    expect(await retireArea(t.db, target.id, user.id)).toEqual({ ok: true });

    expect(await reinstateArea(t.db, added.id, user.id)).toBe(true);
    expect(await reinstateArea(t.db, added.id, user.id)).toBe(false);
    expect(await submit(inside)).toMatchObject({ areaId: added.id });
    expect(await resolveTarget(t.db, 'area', { area: 'amager-oest', initiative: '' })).toEqual({ topic: 'area', areaId: added.id });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, added.id));
    expect(audits.filter((a) => a.entityType === 'area').map((a) => a.action).sort()).toEqual(['area.add', 'area.reinstate', 'area.retire']);
  });
});
