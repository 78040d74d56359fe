/**
 * Concern reports against a real SQLite file: masking on submit, areas from
 * the point, the e-mail deleted on closing, forwarding needs a partner, every
 * staff change audited, and a receipt view without personal details.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, reports, reportUpdates } from '../../db/schema.ts';
import { listAreas } from '../../src/server/areas.ts';
import { listPartners } from '../../src/server/partners.ts';
import {
  areaCentre,
  editReportDescription,
  findReportByReceipt,
  linkReportToInitiative,
  listActiveCategories,
  listReportQueue,
  mergeReport,
  setReportStatus,
  submitReport,
  type NewReport,
} from '../../src/server/reports.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeInitiative, makeUser, seedReference } from '../support/factories.ts';

let t: TestDb;
let input: NewReport;

beforeEach(async () => {
  t = createTestDb();
  await seedReference(t.db);
  input = {
    categoryId: listActiveCategories(t.db)[0]!.id,
    location: { kind: 'place', placeId: 'blaagaards-plads' },
    timeOfDay: 'evening',
    weekday: 5,
    description: 'Handel hver aften. Ring 12 34 56 78 eller se CPR 010203-1234.',
    reporterType: 'resident',
    email: 'nabo@example.dk',
  };
});
afterEach(() => t.close());

function submit(overrides: Partial<NewReport> = {}) {
  const result = submitReport(t.db, { ...input, ...overrides });
  if (!result.ok) throw new Error(`not stored: ${result.reason}`);
  return result.report;
}

function auditActions(id: number): string[] {
  return t.db.select().from(auditLog).where(eq(auditLog.entityId, id)).all().filter((a) => a.entityType === 'report').map((a) => a.action);
}

describe('submitReport', () => {
  it('masks CPR numbers and phone numbers in the description', () => {
    const r = submit();
    expect(r.description).not.toContain('12 34 56 78');
    expect(r.description).not.toContain('010203-1234');
    expect(r.masks).toEqual(expect.arrayContaining(['cpr', 'phone']));
  });

  it('assigns the area the point lies in, and a random receipt, with a first "received" update', () => {
    const a = submit({ location: { kind: 'point', point: { lat: 55.6864, lon: 12.5572 } } });
    const b = submit();
    const indre = listAreas(t.db).find((x) => x.slug === 'indre-norrebro')!;
    expect(a.areaId).toBe(indre.id);
    expect(a.placeName).toBeNull();
    expect(b.placeName).toBe('blaagaards-plads');
    expect(a.receipt).not.toBe(b.receipt);
    expect(a.receipt.length).toBeGreaterThanOrEqual(20);
    const updates = t.db.select().from(reportUpdates).where(eq(reportUpdates.reportId, a.id)).all();
    expect(updates.map((u) => u.status)).toEqual(['received']);
  });

  it('refuses a point outside all areas and stores nothing', () => {
    const result = submitReport(t.db, { ...input, location: { kind: 'point', point: { lat: 55.72, lon: 12.6 } } });
    expect(result).toEqual({ ok: false, reason: 'outside' });
    expect(t.db.select().from(reports).all()).toHaveLength(0);
  });

  it('puts a typed place at its area’s centre and keeps the text masked', () => {
    const area = listAreas(t.db)[1]!;
    const r = submit({ location: { kind: 'text', text: 'Hjørnet ved nr. 12, ring 22 33 44 55', areaId: area.id } });
    expect(r.areaId).toBe(area.id);
    expect({ lat: r.lat, lon: r.lon }).toEqual(areaCentre(area));
    expect(r.placeName).toContain('Hjørnet');
    expect(r.placeName).not.toContain('22 33 44 55');
  });
});

describe('moderation', () => {
  it('closing a report deletes the e-mail in the same change', () => {
    const { user } = makeUser(t.db, 'moderator');
    for (const status of ['handled', 'not_possible', 'rejected'] as const) {
      const r = submit();
      expect(r.email).toBe('nabo@example.dk');
      expect(setReportStatus(t.db, r.id, { status: 'in_progress' }, user.id)).toEqual({ ok: true });
      expect(t.db.select().from(reports).where(eq(reports.id, r.id)).get()!.email).toBe('nabo@example.dk');
      expect(setReportStatus(t.db, r.id, { status, internalNote: 'dublet' }, user.id)).toEqual({ ok: true });
      const after = t.db.select().from(reports).where(eq(reports.id, r.id)).get()!;
      expect(after.status).toBe(status);
      expect(after.email).toBeNull();
    }
  });

  it('forwarding needs a partner', () => {
    const { user } = makeUser(t.db, 'moderator');
    const r = submit();
    expect(setReportStatus(t.db, r.id, { status: 'forwarded' }, user.id)).toEqual({ ok: false, reason: 'partner_required' });
    expect(setReportStatus(t.db, r.id, { status: 'forwarded', forwardedTo: 99_999 }, user.id)).toEqual({ ok: false, reason: 'unknown_partner' });
    const partner = listPartners(t.db)[0]!;
    expect(setReportStatus(t.db, r.id, { status: 'forwarded', forwardedTo: partner.id, publicNote: 'Sendt til politiet' }, user.id)).toEqual({ ok: true });
    const after = t.db.select().from(reports).where(eq(reports.id, r.id)).get()!;
    expect(after.status).toBe('forwarded');
    expect(after.forwardedTo).toBe(partner.id);
  });

  it('a rejection needs an internal reason', () => {
    const { user } = makeUser(t.db, 'moderator');
    const r = submit();
    expect(setReportStatus(t.db, r.id, { status: 'rejected' }, user.id)).toEqual({ ok: false, reason: 'reason_required' });
    expect(setReportStatus(t.db, r.id, { status: 'rejected', internalNote: 'Handler om en navngiven person' }, user.id)).toEqual({ ok: true });
    const updates = t.db.select().from(reportUpdates).where(eq(reportUpdates.reportId, r.id)).all();
    expect(updates.at(-1)).toMatchObject({ status: 'rejected', internalNote: 'Handler om en navngiven person', publicNote: null });
  });

  it('every change is audited', () => {
    const { user } = makeUser(t.db, 'moderator');
    const r = submit();
    const other = submit();
    const initiative = makeInitiative(t.db, { published: true });
    expect(editReportDescription(t.db, r.id, 'Ny tekst, mail mig på a@b.dk', user.id)).toBe(true);
    expect(t.db.select().from(reports).where(eq(reports.id, r.id)).get()!.description).not.toContain('a@b.dk');
    expect(setReportStatus(t.db, r.id, { status: 'in_progress' }, user.id).ok).toBe(true);
    expect(linkReportToInitiative(t.db, r.id, initiative.id, user.id)).toBe(true);
    expect(mergeReport(t.db, other.id, r.id, user.id)).toEqual({ ok: true });
    expect(mergeReport(t.db, r.id, r.id, user.id)).toEqual({ ok: false, reason: 'same' });
    expect(auditActions(r.id)).toEqual(['report.edit', 'report.status', 'report.link']);
    expect(auditActions(other.id)).toEqual(['report.merge']);
    const merged = t.db.select().from(reports).where(eq(reports.id, other.id)).get()!;
    expect(merged).toMatchObject({ status: 'merged', mergedInto: r.id, email: null });
    expect(listReportQueue(t.db, 'merged').map((i) => i.report.id)).toEqual([other.id]);
  });
});

describe('findReportByReceipt', () => {
  it('shows status, public notes and a published initiative, but no description, point or e-mail', () => {
    const { user } = makeUser(t.db, 'moderator');
    const r = submit();
    const initiative = makeInitiative(t.db, { published: true });
    setReportStatus(t.db, r.id, { status: 'forwarded', forwardedTo: listPartners(t.db)[0]!.id, publicNote: 'Politiet er orienteret.', internalNote: 'hemmeligt' }, user.id);
    linkReportToInitiative(t.db, r.id, initiative.id, user.id);
    const view = findReportByReceipt(t.db, r.receipt)!;
    expect(view.status).toBe('forwarded');
    expect(view.updates.map((u) => u.publicNote)).toEqual([null, 'Politiet er orienteret.']);
    expect(view.initiative?.slug).toBe(initiative.slug);
    const text = JSON.stringify(view);
    for (const secret of [r.description, 'nabo@example.dk', String(r.lat), String(r.lon), 'hemmeligt', 'blaagaards-plads']) {
      expect(text).not.toContain(secret);
    }
    expect(findReportByReceipt(t.db, 'no-such-receipt')).toBeUndefined();
  });

  it('does not show an unpublished initiative', () => {
    const { user } = makeUser(t.db, 'moderator');
    const r = submit();
    const draft = makeInitiative(t.db, { published: false });
    linkReportToInitiative(t.db, r.id, draft.id, user.id);
    expect(findReportByReceipt(t.db, r.receipt)!.initiative).toBeNull();
  });
});

describe('report categories are data that admins edit', () => {
  it('adding, renaming and retiring a category is audited; a retired one is no longer offered', async () => {
    const { changeCategory, listActiveCategories, listAllCategories } = await import('../../src/server/reports.ts');
    const admin = makeUser(t.db, 'admin').user;
    expect(changeCategory(t.db, { kind: 'add', slug: 'noise', nameDa: 'Støj', nameEn: 'Noise' }, admin.id)).toBe('ok');
    expect(changeCategory(t.db, { kind: 'add', slug: 'noise', nameDa: 'Støj igen', nameEn: null }, admin.id)).toBe('slug_taken');
    const noise = listAllCategories(t.db).find((c) => c.slug === 'noise')!;
    expect(changeCategory(t.db, { kind: 'rename', id: noise.id, nameDa: 'Larm', nameEn: 'Noise' }, admin.id)).toBe('ok');
    expect(changeCategory(t.db, { kind: 'active', id: noise.id, active: false }, admin.id)).toBe('ok');
    expect(listActiveCategories(t.db).some((c) => c.slug === 'noise')).toBe(false);
    expect(listAllCategories(t.db).find((c) => c.slug === 'noise')!.nameDa).toBe('Larm');
    const actions = t.db.select().from(auditLog).all().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['category.add', 'category.rename', 'category.retire']));
  });
});
