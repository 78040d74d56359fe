/**
 * Consultations end to end on a real database (a SQLite file; PostgreSQL in
 * the integration-pg project): answers are stored all or nothing and refused
 * outside the open days; the results are released once, through the
 * disclosure engine, never changed afterwards, and the raw answers are
 * deleted in the same transaction; figures below K are suppressed and the
 * same records give the same published value as the engine computes from
 * their record keys; decisions only after the release and only for the
 * consultation's own places. Then what staff see of it: the dashboard's
 * overview and exports (src/server/dashboard/consultations.ts), the annual
 * status report's section, and the comments in the moderation queue.
 */
import { and, eq, sql } from 'drizzle-orm';
import { rawRows as sqlRows } from '../../src/server/db/raw.ts';
import { ON_POSTGRES } from '../support/postgres.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, comments, consultationResponses, consultations, consultationStances, releases, type ReporterType, type Stance } from '../../db/schema.ts';
import { addKeys, publishCount } from '../../src/lib/disclosure/index.ts';
import { SUPPRESSED, isSuppressed } from '../../src/lib/data-table.ts';
import { listModerationQueue, moderateComment } from '../../src/server/content/comments.ts';
import {
  addConsultationPlace,
  consultationResults,
  createConsultation,
  generateConsultationCodes,
  openResponseCount,
  publishDecisions,
  releaseClosedConsultation,
  releaseClosedConsultations,
  setConsultationState,
  storeConsultationResponse,
  updateConsultation,
  type ConsultationInput,
} from '../../src/server/consultations/consultations.ts';
import { consultationOverview, overviewTable, placesGeoJson, resultsTable } from '../../src/server/dashboard/consultations.ts';
import { consultationsOfYear, consultationYearTable } from '../../src/server/dashboard/status-report.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeUser, seedReference } from '../support/factories.ts';

const K = 5;
const OPENS = '2026-03-01';
const CLOSES = '2026-03-31';
/** A moment on a Copenhagen day (noon UTC is the same day in Copenhagen). */
const at = (day: string): Date => new Date(`${day}T12:00:00Z`);

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
});
afterEach(() => t.close());

async function makeConsultation(title = 'Lys i Folkets Park', options: { opensOn?: string; closesOn?: string; scale?: 'stance' | 'five'; places?: number } = {}) {
  const area = (await listAreas(t.db)).find((a) => a.slug === 'indre-norrebro')!;
  const input: ConsultationInput = {
    titleDa: title,
    titleEn: null,
    summaryDa: 'Forslag om mere lys',
    summaryEn: null,
    bodyDa: '',
    bodyEn: null,
    areaId: area.id,
    initiativeId: null,
    scale: options.scale ?? 'stance',
    opensOn: options.opensOn ?? OPENS,
    closesOn: options.closesOn ?? CLOSES,
  };
  const c = await createConsultation(t.db, input, null);
  const places = [];
  for (let i = 1; i <= (options.places ?? 2); i++) {
    const added = await addConsultationPlace(
      t.db,
      c.id,
      { nameDa: `Sted ${i}`, nameEn: `Place ${i}`, descriptionDa: 'Ny lygtepæl', descriptionEn: null, lat: 55.69 + i / 1000, lon: 12.55 + i / 1000, illustration: 'lighting' },
      null,
      '2026-02-01',
    );
    if (!added.ok) throw new Error(added.reason);
    places.push(added.place);
  }
  // Published before it opens, as an editor would.
  expect(await setConsultationState(t.db, c.id, 'published', null, '2026-02-01')).toEqual({ ok: true });
  return { consultation: c, input, places };
}

/** Stores `n` answers of one kind, all on an open day. */
async function answer(consultationId: number, n: number, respondent: ReporterType, stances: { placeId: number; stance: Stance }[], comment?: { placeId: number; body: string }) {
  for (let i = 0; i < n; i++) {
    const r = await storeConsultationResponse(t.db, consultationId, { respondent, stances, comments: comment ? [comment] : [] }, 'da', '2026-03-15');
    expect(r).toEqual({ stored: true });
  }
}

const rawRows = async (consultationId: number) => ({
  responses: (await t.db.select().from(consultationResponses).where(eq(consultationResponses.consultationId, consultationId))).length,
  stances: (await t.db.select().from(consultationStances).where(eq(consultationStances.consultationId, consultationId))).length,
});

describe.skipIf(!ON_POSTGRES)('consultation answers on PostgreSQL', () => {
  it('the rows of one answer (its places, its comment, a letter’s code) share no transaction id (xmin) with each other for long', async () => {
    const { consultation, places } = await makeConsultation();
    const { codes } = await generateConsultationCodes(t.db, consultation.id, 2, null);
    for (const code of codes) {
      const r = await storeConsultationResponse(
        t.db,
        consultation.id,
        { respondent: 'resident', code, stances: places.map((p) => ({ placeId: p.id, stance: 'for' as const })), comments: [{ placeId: places[0]!.id, body: 'Godt' }] },
        'da',
        '2026-03-15',
      );
      expect(r).toEqual({ stored: true });
    }
    // Within half a second every raw row, used code and recent comment is rewritten in one transaction of its own.
    const distinct = async () =>
      (await sqlRows<{ n: number }>(t.db, sql`select count(distinct xmin::text)::int as n from (select xmin from consultation_stances union all select xmin from consultation_responses union all select xmin from consultation_codes where used union all select xmin from comments where target_type = 'consultation_place') x`))[0]!.n;
    for (let i = 0; i < 40 && (await distinct()) > 1; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await distinct()).toBe(1);
  });
});

describe('answering', () => {
  it('stores one response row, one row per answered place and each comment masked and pending', async () => {
    const { consultation, places } = await makeConsultation();
    const r = await storeConsultationResponse(
      t.db,
      consultation.id,
      { respondent: 'resident', stances: [{ placeId: places[0]!.id, stance: 'for' }, { placeId: places[1]!.id, stance: 'against' }], comments: [{ placeId: places[1]!.id, body: 'Ring til mig på 22 33 44 55' }] },
      'da',
      '2026-03-01',
    );
    expect(r).toEqual({ stored: true });
    expect(await rawRows(consultation.id)).toEqual({ responses: 1, stances: 2 });
    const [comment] = await t.db.select().from(comments).where(eq(comments.targetType, 'consultation_place'));
    expect(comment).toMatchObject({ targetId: places[1]!.id, status: 'pending', authorName: null, postedOn: '2026-03-01' });
    expect(comment!.body).not.toContain('22 33 44 55');
    expect(comment!.masks.length).toBeGreaterThan(0);
  });

  it('is all or nothing: an answer that fails part-way leaves no response, no stance and no comment', async () => {
    const { consultation, places } = await makeConsultation();
    // A place that does not exist fails the foreign key after the response row and a first stance row were written.
    await expect(
      storeConsultationResponse(
        t.db,
        consultation.id,
        { respondent: 'resident', stances: [{ placeId: places[0]!.id, stance: 'for' }, { placeId: 987_654, stance: 'for' }], comments: [{ placeId: places[0]!.id, body: 'Godt' }] },
        'da',
        '2026-03-10',
      ),
    ).rejects.toThrow();
    // A stance no scale has fails the CHECK constraint.
    await expect(
      storeConsultationResponse(t.db, consultation.id, { respondent: 'resident', stances: [{ placeId: places[0]!.id, stance: 'maybe' as Stance }], comments: [] }, 'da', '2026-03-10'),
    ).rejects.toThrow();
    expect(await rawRows(consultation.id)).toEqual({ responses: 0, stances: 0 });
    expect(await t.db.select().from(comments)).toEqual([]);
  });

  it('is refused before it opens, after it closes, as a draft and once released', async () => {
    const { consultation, places } = await makeConsultation();
    const one = { respondent: 'resident' as const, stances: [{ placeId: places[0]!.id, stance: 'for' as const }], comments: [] };
    expect(await storeConsultationResponse(t.db, consultation.id, one, 'da', '2026-02-28')).toEqual({ stored: false, reason: 'not_open' });
    expect(await storeConsultationResponse(t.db, consultation.id, one, 'da', CLOSES)).toEqual({ stored: true });
    expect(await storeConsultationResponse(t.db, consultation.id, one, 'da', '2026-04-01')).toEqual({ stored: false, reason: 'not_open' });
    expect(await storeConsultationResponse(t.db, 999_999, one, 'da', '2026-03-10')).toEqual({ stored: false, reason: 'not_open' });
    const draft = await makeConsultation('Kladde');
    await setConsultationState(t.db, draft.consultation.id, 'draft', null);
    expect(await storeConsultationResponse(t.db, draft.consultation.id, { ...one, stances: [{ placeId: draft.places[0]!.id, stance: 'for' }] }, 'da', '2026-03-10')).toEqual({ stored: false, reason: 'not_open' });
    expect(await releaseClosedConsultation(t.db, consultation.id, K, at('2026-04-01'))).toBe(true);
    // Even on a day inside its period (a clock set back): released is closed for good.
    expect(await storeConsultationResponse(t.db, consultation.id, one, 'da', '2026-03-20')).toEqual({ stored: false, reason: 'not_open' });
    expect(await rawRows(consultation.id)).toEqual({ responses: 0, stances: 0 });
  });
});

describe('releasing the results', () => {
  it('is made once, the day after closing, deletes the raw answers in the same step, and never changes', async () => {
    const { consultation, places } = await makeConsultation();
    const other = await makeConsultation('Kameraer ved Blågårds Plads', { closesOn: '2026-05-31' });
    await answer(consultation.id, 12, 'resident', [{ placeId: places[0]!.id, stance: 'for' }]);
    await answer(other.consultation.id, 6, 'resident', [{ placeId: other.places[0]!.id, stance: 'against' }]);

    // Still open on its last day: nothing released.
    expect(await releaseClosedConsultation(t.db, consultation.id, K, at(CLOSES))).toBe(false);
    expect(await rawRows(consultation.id)).toEqual({ responses: 12, stances: 12 });
    expect(await consultationResults(t.db, (await t.db.select().from(consultations).where(eq(consultations.id, consultation.id)))[0]!)).toBeUndefined();

    expect(await releaseClosedConsultations(t.db, K, at('2026-04-01'))).toBe(1);
    const [released] = await t.db.select().from(consultations).where(eq(consultations.id, consultation.id));
    expect(released!.releaseId).not.toBeNull();
    expect(await rawRows(consultation.id)).toEqual({ responses: 0, stances: 0 });
    // The other consultation, still open, keeps its answers.
    expect(await rawRows(other.consultation.id)).toEqual({ responses: 6, stances: 6 });
    const first = await consultationResults(t.db, released!);
    expect(first?.madeOn).toBe('2026-04-01');

    // Asked again, by the hourly job or by hand, later: nothing new, nothing changed.
    expect(await releaseClosedConsultation(t.db, consultation.id, K, at('2026-06-01'))).toBe(false);
    expect(await releaseClosedConsultations(t.db, K, at('2026-04-02'))).toBe(0);
    const [again] = await t.db.select().from(consultations).where(eq(consultations.id, consultation.id));
    expect(again!.releaseId).toBe(released!.releaseId);
    expect(await consultationResults(t.db, again!)).toEqual(first);
    expect(await t.db.select().from(releases).where(eq(releases.kind, 'consultation'))).toHaveLength(1);
    // Its closing day can no longer move.
    const { input } = await makeConsultation('Tredje');
    expect(await updateConsultation(t.db, consultation.id, { ...input, closesOn: '2026-06-30' }, null, '2026-04-02')).toEqual({ ok: false, reason: 'released' });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'consultation.release'), eq(auditLog.entityId, consultation.id)));
    expect(audit).toHaveLength(1);
  });

  it('suppresses every figure below K, and a figure counts as the engine publishes its records', async () => {
    const { consultation, places } = await makeConsultation();
    const [p1, p2] = places as [(typeof places)[0], (typeof places)[0]];
    await answer(consultation.id, 14, 'resident', [{ placeId: p1.id, stance: 'for' }, { placeId: p2.id, stance: 'for' }]);
    await answer(consultation.id, 11, 'resident', [{ placeId: p1.id, stance: 'against' }]);
    await answer(consultation.id, 10, 'resident', [{ placeId: p1.id, stance: 'no_opinion' }]);
    await answer(consultation.id, 2, 'visitor', [{ placeId: p2.id, stance: 'against' }]);
    await answer(consultation.id, 1, 'business', [{ placeId: p2.id, stance: 'no_opinion' }]);

    // The record keys as stored, read back before the release deletes them.
    const keys = await t.db.select().from(consultationStances).where(eq(consultationStances.consultationId, consultation.id));
    const responseKeys = await t.db.select().from(consultationResponses).where(eq(consultationResponses.consultationId, consultation.id));
    const published = (rows: { cellKey: number }[]) => publishCount(rows.length, addKeys(...rows.map((r) => r.cellKey)), K);
    const openCount = await openResponseCount(t.db, consultation.id, K);
    expect(openCount).toBe(published(responseKeys));

    expect(await releaseClosedConsultation(t.db, consultation.id, K, at('2026-04-01'))).toBe(true);
    const [c] = await t.db.select().from(consultations).where(eq(consultations.id, consultation.id));
    const { release } = (await consultationResults(t.db, c!))!;
    expect(release.k).toBe(K);

    // Place 1: residents only, each cell at least 10: every figure is the engine's value of exactly its records.
    const t1 = release.places.find((p) => p.placeId === p1.id)!.table;
    const resident1 = t1.rows.find((r) => r.key === 'resident')!;
    for (const stance of ['for', 'against', 'no_opinion'] as const) {
      const cell = resident1.cells.find((x) => x.key === stance)!;
      const expected = published(keys.filter((k) => k.placeId === p1.id && k.respondent === 'resident' && k.stance === stance));
      expect(cell.suppressed ? undefined : cell.n, stance).toBe(expected);
    }
    expect(t1.total.suppressed ? undefined : t1.total.n).toBe(published(keys.filter((k) => k.placeId === p1.id)));

    // Place 2: 2 visitors and 1 business are hidden, with what would give them away.
    const t2 = release.places.find((p) => p.placeId === p2.id)!.table;
    expect(t2.rows.find((r) => r.key === 'visitor')!.cells.find((x) => x.key === 'against')).toEqual({ key: 'against', suppressed: true });
    expect(t2.rows.find((r) => r.key === 'visitor')!.total).toEqual({ suppressed: true });
    expect(t2.rows.find((r) => r.key === 'business')!.total).toEqual({ suppressed: true });
    // The responses by who answered: 1 business and 2 visitors are hidden too.
    expect(release.responses.cells.find((x) => x.key === 'business')).toEqual({ key: 'business', suppressed: true });
    expect(release.responses.cells.find((x) => x.key === 'visitor')).toEqual({ key: 'visitor', suppressed: true });
    // The same records (every response) give the same value as the open count did while it was open.
    expect(release.responses.total.suppressed ? undefined : release.responses.total.n).toBe(openCount);

    // Nothing anywhere in the release is a count from 1 to K−1.
    const shown: number[] = [];
    JSON.stringify(release, (key, value: unknown) => {
      if (key === 'n' && typeof value === 'number') shown.push(value);
      return value;
    });
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.filter((n) => n > 0 && n < K)).toEqual([]);
  });

  it('a consultation answered by fewer than K shows no figure but zeros', async () => {
    const { consultation, places } = await makeConsultation();
    await answer(consultation.id, 3, 'resident', [{ placeId: places[0]!.id, stance: 'for' }]);
    expect(await openResponseCount(t.db, consultation.id, K)).toBeUndefined();
    await releaseClosedConsultation(t.db, consultation.id, K, at('2026-04-01'));
    const [c] = await t.db.select().from(consultations).where(eq(consultations.id, consultation.id));
    const { release } = (await consultationResults(t.db, c!))!;
    expect(release.responses.total).toEqual({ suppressed: true });
    for (const { table } of release.places) {
      for (const row of table.rows) for (const cell of row.cells) if (!cell.suppressed) expect(cell.n).toBe(0);
    }
  });
});

describe('decisions', () => {
  it('are refused before the release and for another consultation’s place, and published once released', async () => {
    const { consultation, places } = await makeConsultation();
    const other = await makeConsultation('Andet');
    const decide = (placeIds: number[]) => ({
      noteDa: 'Vi hørte jer.',
      noteEn: null,
      places: placeIds.map((placeId) => ({ placeId, outcome: 'adopted' as const, reasonDa: 'Mange var for', reasonEn: null })),
    });
    const ids = places.map((p) => p.id);
    expect(await publishDecisions(t.db, consultation.id, decide(ids), null, '2026-03-20')).toEqual({ ok: false, reason: 'not_released' });
    await answer(consultation.id, 6, 'resident', [{ placeId: ids[0]!, stance: 'for' }]);
    await releaseClosedConsultation(t.db, consultation.id, K, at('2026-04-01'));
    expect(await publishDecisions(t.db, consultation.id, decide([ids[0]!, other.places[0]!.id]), null, '2026-04-05')).toEqual({ ok: false, reason: 'places_mismatch' });
    expect(await publishDecisions(t.db, consultation.id, decide([ids[0]!]), null, '2026-04-05')).toEqual({ ok: false, reason: 'places_mismatch' });
    expect(await publishDecisions(t.db, consultation.id, decide([ids[0]!, ids[0]!]), null, '2026-04-05')).toEqual({ ok: false, reason: 'places_mismatch' });
    expect(await publishDecisions(t.db, 999_999, decide(ids), null, '2026-04-05')).toEqual({ ok: false, reason: 'not_found' });
    const [before] = await t.db.select().from(consultations).where(eq(consultations.id, consultation.id));
    expect(before!.decidedOn).toBeNull();
    expect(await publishDecisions(t.db, consultation.id, decide(ids), null, '2026-04-05')).toEqual({ ok: true });
    expect(await publishDecisions(t.db, consultation.id, decide(ids), null, '2026-04-09')).toEqual({ ok: true });
    const [after] = await t.db.select().from(consultations).where(eq(consultations.id, consultation.id));
    expect(after!.decidedOn).toBe('2026-04-05');
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, consultation.id))).map((a) => a.action);
    expect(actions).toContain('consultation.decisions.publish');
    expect(actions).toContain('consultation.decisions.correct');
  });
});

describe('what staff see', () => {
  it('while open, the overview has only the public count: no figures, no comment count', async () => {
    const { consultation, places } = await makeConsultation();
    await answer(consultation.id, 9, 'resident', [{ placeId: places[0]!.id, stance: 'for' }], { placeId: places[0]!.id, body: 'Fint' });
    const [o] = await consultationOverview(t.db, K, { today: '2026-03-20' });
    expect(o!.phase).toBe('open');
    expect(o!.open).toEqual({ count: await openResponseCount(t.db, consultation.id, K) });
    expect(o!.release).toBeUndefined();
    expect(o!.commentsWaiting).toBeNull();
    expect(o!.places.every((p) => p.table === undefined)).toBe(true);
    const row = overviewTable([o!], 'da').rows[0]!;
    expect(row['responses']).toBeNull();
    expect(row['commentsWaiting']).toBeNull();
    expect(resultsTable([o!], 'da').rows).toEqual([]);
    // Closed but not yet released (the hour after): nothing at all.
    const [closed] = await consultationOverview(t.db, K, { today: '2026-04-01' });
    expect(closed!.phase).toBe('closed');
    expect(closed!.open).toBeUndefined();
    expect(closed!.commentsWaiting).toBe(9);
  });

  it('once released, the overview, the tables and the GeoJSON hold the release’s figures, suppressed ones as “too few” or null with a flag', async () => {
    const { consultation, places } = await makeConsultation();
    await answer(consultation.id, 12, 'resident', [{ placeId: places[0]!.id, stance: 'for' }]);
    await answer(consultation.id, 2, 'visitor', [{ placeId: places[1]!.id, stance: 'against' }], { placeId: places[1]!.id, body: 'Nej tak' });
    await releaseClosedConsultation(t.db, consultation.id, K, at('2026-04-01'));
    const [c] = await t.db.select().from(consultations).where(eq(consultations.id, consultation.id));
    const { release } = (await consultationResults(t.db, c!))!;
    const [o] = await consultationOverview(t.db, K, { today: '2026-04-02' });
    expect(o!.phase).toBe('released');
    expect(o!.release).toEqual({ madeOn: '2026-04-01', k: K, responses: release.responses });
    expect(o!.places.map((p) => p.table)).toEqual(release.places.map((p) => p.table));
    expect(o!.commentsWaiting).toBe(2);

    const results = resultsTable([o!], 'da');
    const allRow = (place: number) => results.rows.find((r) => r['placeNumber'] === place && r['respondent'] === 'Alle')!;
    const t1 = release.places[0]!.table;
    expect(allRow(1)['for']).toEqual(t1.columnTotals[0]!.suppressed ? SUPPRESSED : t1.columnTotals[0]!.n);
    const visitor2 = results.rows.find((r) => r['placeNumber'] === 2 && r['respondent'] === 'Besøgende')!;
    expect(visitor2['against']).toBe(SUPPRESSED);
    expect(visitor2['total']).toBe(SUPPRESSED);
    // No cell of the tables is a count from 1 to K−1.
    for (const table of [results, overviewTable([o!], 'da')]) {
      for (const row of table.rows) {
        for (const col of table.columns) {
          const v = row[col.key];
          // The place's number and the moderation queue's size are not figures about answers.
          if (col.kind !== 'count' || col.key === 'placeNumber' || col.key === 'commentsWaiting' || typeof v !== 'number') continue;
          expect(v === 0 || v >= K, `${table.id} ${col.key}`).toBe(true);
        }
      }
    }
    const overviewRow = overviewTable([o!], 'en').rows[0]!;
    expect(overviewRow['visitor']).toBe(SUPPRESSED);
    expect(overviewRow['commentsWaiting']).toBe(2);

    const geo = placesGeoJson([o!], 'da') as { features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] };
    expect(geo.features).toHaveLength(2);
    const [f1, f2] = geo.features as [(typeof geo.features)[0], (typeof geo.features)[0]];
    // Longitude first, to six decimals (about 10 cm).
    expect(f1.geometry.coordinates[0]).toBeCloseTo(places[0]!.lon, 6);
    expect(f1.geometry.coordinates[1]).toBeCloseTo(places[0]!.lat, 6);
    expect(f2.properties['visitor_against']).toBeNull();
    expect(f2.properties['visitor_against_suppressed']).toBe(true);
    expect(f1.properties['released']).toBe(true);
    for (const f of geo.features) {
      for (const [key, v] of Object.entries(f.properties)) {
        if (typeof v === 'number' && key !== 'place') expect(v === 0 || v >= K, key).toBe(true);
        if (key.endsWith('_suppressed') && v === true) expect(f.properties[key.slice(0, -'_suppressed'.length)], key).toBeNull();
      }
    }
    // Moderating the comments empties the count.
    const moderator = (await makeUser(t.db, 'moderator')).user;
    for (const item of await listModerationQueue(t.db, 'pending')) await moderateComment(t.db, item.comment.id, { kind: 'approve' }, moderator.id);
    expect((await consultationOverview(t.db, K, { today: '2026-04-02' }))[0]!.commentsWaiting).toBe(0);
    expect(isSuppressed(SUPPRESSED)).toBe(true);
  });

  it('the annual report lists the consultations closed in the year with their released stance totals and decisions', async () => {
    const { consultation, places } = await makeConsultation();
    const later = await makeConsultation('Næste år', { opensOn: '2026-12-01', closesOn: '2027-01-15' });
    const draft = await makeConsultation('Kladde');
    await setConsultationState(t.db, draft.consultation.id, 'draft', null);
    await answer(consultation.id, 12, 'resident', [{ placeId: places[0]!.id, stance: 'for' }]);
    await answer(consultation.id, 3, 'business', [{ placeId: places[1]!.id, stance: 'against' }]);

    // Before the release: listed, with no figures.
    let year = await consultationsOfYear(t.db, 2026);
    expect(year.map((x) => x.consultation.id)).toEqual([consultation.id]);
    expect(year[0]!.release).toBeUndefined();
    expect(year[0]!.places.every((p) => p.summary === undefined)).toBe(true);

    await releaseClosedConsultation(t.db, consultation.id, K, at('2026-04-01'));
    await publishDecisions(
      t.db,
      consultation.id,
      { noteDa: 'Vi hørte jer', noteEn: null, places: places.map((p, i) => ({ placeId: p.id, outcome: i === 0 ? ('adopted' as const) : ('dropped' as const), reasonDa: 'Fordi', reasonEn: null })) },
      null,
      '2026-04-10',
    );
    year = await consultationsOfYear(t.db, 2026);
    const [c] = await t.db.select().from(consultations).where(eq(consultations.id, consultation.id));
    const { release } = (await consultationResults(t.db, c!))!;
    const x = year[0]!;
    expect(x.release?.responses).toEqual(release.responses);
    const table = consultationYearTable(x, 'da');
    expect(table.columns.map((col) => col.key)).toEqual(['place', 'for', 'against', 'no_opinion', 'total', 'outcome']);
    const t1 = release.places[0]!.table;
    expect(table.rows[0]!['for']).toEqual(t1.columnTotals[0]!.suppressed ? SUPPRESSED : t1.columnTotals[0]!.n);
    expect(table.rows[0]!['outcome']).toBe('Vedtaget');
    // 3 businesses against at place 2: too few.
    expect(table.rows[1]!['against']).toBe(SUPPRESSED);
    expect(table.rows[1]!['total']).toBe(SUPPRESSED);
    expect(table.rows[1]!['outcome']).toBe('Droppet');
    expect((await consultationsOfYear(t.db, 2027)).map((y) => y.consultation.id)).toEqual([later.consultation.id]);
    expect(await consultationsOfYear(t.db, 2025)).toEqual([]);
  });

  it('moderators find consultation comments in the queue under the consultation and place, linked to the place on its page', async () => {
    const { consultation, places } = await makeConsultation('Lys i Folkets Park');
    await answer(consultation.id, 1, 'resident', [{ placeId: places[1]!.id, stance: 'for' }], { placeId: places[1]!.id, body: 'Gerne mere lys' });
    const [item] = await listModerationQueue(t.db, 'pending');
    expect(item!.targetTitle).toBe('Lys i Folkets Park · Sted 2');
    expect(item!.targetPath).toBe(`/hoeringer/${consultation.slug}#sted-2`);
  });
});
