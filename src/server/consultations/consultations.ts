/**
 * Consultations on proposed measures (README "Consultations"): editors make
 * them for an area with a set of proposed places; residents answer place by
 * place without an account while they are open; when one closes, its results
 * are released once through the disclosure engine (src/lib/consultations.ts)
 * into `releases`, and the raw answers are deleted in the same transaction.
 * Editors then publish what was decided per place. Staff writes are audited.
 */
import { and, asc, count, desc, eq, gte, isNull, lt, lte, max } from 'drizzle-orm';
import {
  areas,
  comments,
  consultationCodes,
  consultationPlaces,
  consultationResponses,
  consultations,
  consultationStances,
  initiatives,
  releases,
  type Area,
  type Consultation,
  type ConsultationOutcome,
  type ConsultationPlace,
  type ConsultationScale,
  type Initiative,
  type Locale,
  type ProposalIllustration,
  type Stance,
} from '../../../db/schema.ts';
import { publishCount } from '../../lib/disclosure/index.ts';
import { PLACES_MAX, releaseConsultation, SCALE_STANCES, type ConsultationRelease, type PlaceCounts, type ValidResponse } from '../../lib/consultations.ts';
import { slugify } from '../../lib/localized.ts';
import { maskPersonalData } from '../../lib/pii.ts';
import { CODE_ALPHABET, CODE_LENGTH } from '../../lib/survey/codes.ts';
import { randomCode } from '../staff/auth/random.ts';
import { copenhagenDay } from '../../lib/time.ts';
import type { Queryable } from '../db/connection.ts';
import { eraseRemnants, unlinkConsultationAnswers } from '../db/remnants.ts';
import { lockRows } from '../db/lock-rows.ts';
import { transaction } from '../db/transaction.ts';
import { cellKeySum, newRecordKey } from '../disclosure/keys.ts';
import { describeChange, recordAudit } from '../staff/audit.ts';
import { addInitiativeUpdate } from '../content/initiatives.ts';

export interface ConsultationDetail {
  consultation: Consultation;
  area: Area;
  initiative: Pick<Initiative, 'id' | 'slug' | 'titleDa' | 'titleEn' | 'state'> | null;
  places: ConsultationPlace[];
}

async function detailOf(db: Queryable, consultation: Consultation): Promise<ConsultationDetail> {
  const [area] = await db.select().from(areas).where(eq(areas.id, consultation.areaId)).limit(1);
  const [initiative] = consultation.initiativeId
    ? await db
        .select({ id: initiatives.id, slug: initiatives.slug, titleDa: initiatives.titleDa, titleEn: initiatives.titleEn, state: initiatives.state })
        .from(initiatives)
        .where(eq(initiatives.id, consultation.initiativeId))
        .limit(1)
    : [];
  const places = await db.select().from(consultationPlaces).where(eq(consultationPlaces.consultationId, consultation.id)).orderBy(asc(consultationPlaces.position));
  if (!area) throw new Error(`consultation ${consultation.id} has no area`);
  return { consultation, area, initiative: initiative ?? null, places };
}

/** A published consultation by its slug, with its area, initiative and places. */
export async function findPublishedConsultation(db: Queryable, slug: string): Promise<ConsultationDetail | undefined> {
  const [row] = await db
    .select()
    .from(consultations)
    .where(and(eq(consultations.slug, slug), eq(consultations.state, 'published')))
    .limit(1);
  return row ? detailOf(db, row) : undefined;
}

/** Any consultation by id (staff). */
export async function findConsultation(db: Queryable, id: number): Promise<ConsultationDetail | undefined> {
  const [row] = await db.select().from(consultations).where(eq(consultations.id, id)).limit(1);
  return row ? detailOf(db, row) : undefined;
}

/** Published consultations, newest closing day first. */
export async function listPublishedConsultations(db: Queryable): Promise<(Consultation & { area: Area })[]> {
  const rows = await db
    .select({ consultation: consultations, area: areas })
    .from(consultations)
    .innerJoin(areas, eq(areas.id, consultations.areaId))
    .where(eq(consultations.state, 'published'))
    .orderBy(desc(consultations.closesOn), asc(consultations.id));
  return rows.map((r) => ({ ...r.consultation, area: r.area }));
}

/** Published consultations belonging to an initiative (its page links to them). */
export async function listConsultationsForInitiative(db: Queryable, initiativeId: number): Promise<Consultation[]> {
  return db
    .select()
    .from(consultations)
    .where(and(eq(consultations.initiativeId, initiativeId), eq(consultations.state, 'published')))
    .orderBy(desc(consultations.closesOn));
}

/** Every consultation (staff overview), newest closing day first. */
export async function listAllConsultations(db: Queryable): Promise<Consultation[]> {
  return db.select().from(consultations).orderBy(desc(consultations.closesOn), desc(consultations.id));
}

// ---------------------------------------------------------------------------
// Residents' answers
// ---------------------------------------------------------------------------

export type StoreOutcome = { stored: true } | { stored: false; reason: 'not_open' | 'code_unknown' | 'code_used' };

/**
 * Stores one resident's answer: one response row (for counting), one row per
 * answered place (not linked to each other or to the response: each has its
 * own random id and record key), and each comment masked and pending
 * moderation, like the dialogue's. With an invitation code, the code is
 * marked used in the same transaction (refused when unknown or used), and
 * nothing links it to the answer. All or nothing. Refused when the
 * consultation is not open on `today` (checked inside the transaction).
 */
export async function storeConsultationResponse(
  db: Queryable,
  consultationId: number,
  response: ValidResponse,
  locale: Locale,
  today = copenhagenDay(),
): Promise<StoreOutcome> {
  const outcome = await transaction(db, async (tx): Promise<StoreOutcome> => {
    // On PostgreSQL, a release running at the same time waits for this answer, or this answer sees the release.
    await lockRows(tx, consultations, consultations.id, [consultationId]);
    const [c] = await tx.select().from(consultations).where(eq(consultations.id, consultationId)).limit(1);
    if (!c || c.state !== 'published' || c.releaseId !== null || today < c.opensOn || today > c.closesOn) return { stored: false, reason: 'not_open' };
    const code = response.code ?? null;
    if (code !== null) {
      // Used in this transaction only if still unused: two letters' answers with one code cannot both get through.
      const used = await tx
        .update(consultationCodes)
        .set({ used: true })
        .where(and(eq(consultationCodes.consultationId, consultationId), eq(consultationCodes.code, code), eq(consultationCodes.used, false)))
        .returning({ id: consultationCodes.id });
      if (used.length === 0) {
        const [known] = await tx.select({ id: consultationCodes.id }).from(consultationCodes).where(and(eq(consultationCodes.consultationId, consultationId), eq(consultationCodes.code, code))).limit(1);
        return { stored: false, reason: known ? 'code_used' : 'code_unknown' };
      }
    }
    await tx.insert(consultationResponses).values({ consultationId, respondent: response.respondent, cellKey: newRecordKey() });
    if (response.stances.length > 0) {
      await tx.insert(consultationStances).values(
        response.stances.map((s) => ({ consultationId, placeId: s.placeId, respondent: response.respondent, stance: s.stance, cellKey: newRecordKey() })),
      );
    }
    for (const comment of response.comments) {
      const body = maskPersonalData(comment.body);
      await tx.insert(comments).values({ targetType: 'consultation_place', targetId: comment.placeId, authorName: null, body: body.text, masks: body.masks, locale, postedOn: today });
    }
    return { stored: true };
  });
  if (outcome.stored) {
    eraseRemnants(db);
    unlinkConsultationAnswers(db);
  }
  return outcome;
}

/**
 * While a consultation is open, the only figure shown: how many have
 * answered so far, through the engine (a count below K is not shown, a
 * larger one carries the noise of its records' keys). undefined: too few.
 */
export async function openResponseCount(db: Queryable, consultationId: number, k: number): Promise<number | undefined> {
  const [row] = await db
    .select({ n: count(), ck: cellKeySum(consultationResponses.cellKey) })
    .from(consultationResponses)
    .where(eq(consultationResponses.consultationId, consultationId));
  return publishCount(row?.n ?? 0, row?.ck ?? 0, k);
}

// ---------------------------------------------------------------------------
// Releasing the results
// ---------------------------------------------------------------------------

/**
 * Releases a closed consultation's results once: counts the answers with
 * their cell keys, passes them through the engine, stores what it publishes
 * as a release, links it, and deletes the raw answers and the letters'
 * invitation codes, all in one transaction. Does nothing for a consultation that is still open, already
 * released, or a draft no one answered (a consultation withdrawn after
 * answers came in is released, so they do not stay behind). Its figures
 * are then shown only if it is published again. Returns whether it released.
 */
export async function releaseClosedConsultation(db: Queryable, consultationId: number, k: number, now = new Date()): Promise<boolean> {
  const today = copenhagenDay(now);
  return transaction(db, async (tx) => {
    // Two releases at once (the hourly job, a visit, another instance) take turns; the second sees the first's.
    await lockRows(tx, consultations, consultations.id, [consultationId]);
    const [c] = await tx.select().from(consultations).where(eq(consultations.id, consultationId)).limit(1);
    if (!c || c.releaseId !== null || today <= c.closesOn) return false;
    // A consultation withdrawn after residents answered is released all the same, so its raw answers do not stay behind.
    if (c.state !== 'published') {
      const [any] = await tx.select({ id: consultationResponses.id }).from(consultationResponses).where(eq(consultationResponses.consultationId, c.id)).limit(1);
      if (!any) return false;
    }
    const responses = await tx
      .select({ respondent: consultationResponses.respondent, n: count(), ck: cellKeySum(consultationResponses.cellKey) })
      .from(consultationResponses)
      .where(eq(consultationResponses.consultationId, c.id))
      .groupBy(consultationResponses.respondent);
    const stanceRows = await tx
      .select({ placeId: consultationStances.placeId, respondent: consultationStances.respondent, stance: consultationStances.stance, key: consultationStances.cellKey })
      .from(consultationStances)
      .where(eq(consultationStances.consultationId, c.id));
    const places = await tx.select({ id: consultationPlaces.id }).from(consultationPlaces).where(eq(consultationPlaces.consultationId, c.id)).orderBy(asc(consultationPlaces.position));
    const counts: PlaceCounts[] = places.map((p) => ({ placeId: p.id, cells: new Map() }));
    for (const row of stanceRows) {
      const place = counts.find((p) => p.placeId === row.placeId);
      if (!place) continue;
      const key = `${row.respondent}|${row.stance}` as const;
      const cell = place.cells.get(key) ?? { n: 0, ck: 0 };
      place.cells.set(key, { n: cell.n + 1, ck: (cell.ck + row.key) % 2 ** 31 });
    }
    const payload = releaseConsultation(c.scale, responses, counts, k);
    const [made] = await tx.insert(releases).values({ kind: 'consultation', madeOn: today, madeBy: null, payload }).returning({ id: releases.id });
    if (!made) throw new Error('consultation release not stored');
    await tx.update(consultations).set({ releaseId: made.id }).where(eq(consultations.id, c.id));
    await tx.delete(consultationStances).where(eq(consultationStances.consultationId, c.id));
    await tx.delete(consultationResponses).where(eq(consultationResponses.consultationId, c.id));
    // Its letters' codes have done their work: kept, a copy with the mail-merge file would show which households took part.
    await tx.delete(consultationCodes).where(eq(consultationCodes.consultationId, c.id));
    await recordAudit(tx, { userId: null, action: 'consultation.release', entityType: 'consultation', entityId: c.id, summary: `release ${made.id}` });
    return true;
  }).then((released) => {
    if (released) eraseRemnants(db);
    return released;
  });
}

/** Releases every consultation that has closed and is not released yet (the server runs this hourly and at start-up; see releaseClosedConsultation). */
export async function releaseClosedConsultations(db: Queryable, k: number, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(isNull(consultations.releaseId), lt(consultations.closesOn, copenhagenDay(now))));
  let released = 0;
  for (const { id } of due) if (await releaseClosedConsultation(db, id, k, now)) released++;
  return released;
}

/** A released consultation's published figures and the day they were released, or undefined before the release. */
export async function consultationResults(db: Queryable, consultation: Pick<Consultation, 'releaseId'>): Promise<{ madeOn: string; release: ConsultationRelease } | undefined> {
  if (consultation.releaseId === null) return undefined;
  const [row] = await db
    .select({ madeOn: releases.madeOn, payload: releases.payload })
    .from(releases)
    .where(and(eq(releases.id, consultation.releaseId), eq(releases.kind, 'consultation')))
    .limit(1);
  return row ? { madeOn: row.madeOn, release: row.payload as ConsultationRelease } : undefined;
}

// ---------------------------------------------------------------------------
// Editors
// ---------------------------------------------------------------------------

/** What a valid consultation form gives to store. */
export type ConsultationInput = {
  titleDa: string;
  titleEn: string | null;
  summaryDa: string;
  summaryEn: string | null;
  bodyDa: string;
  bodyEn: string | null;
  areaId: number;
  initiativeId: number | null;
  scale: ConsultationScale;
  opensOn: string;
  closesOn: string;
};

/** What a valid proposed-place form gives to store. */
export type PlaceInput = {
  nameDa: string;
  nameEn: string | null;
  descriptionDa: string;
  descriptionEn: string | null;
  lat: number;
  lon: number;
  illustration: ProposalIllustration | null;
};

/** Why an editor's change was refused; nothing is stored. */
export type EditRefusal =
  /** Not found. */
  | 'not_found'
  /** The consultation has answers or has opened: its places, scale and opening can no longer change (answers would change meaning). */
  | 'answers_exist'
  /** Released: closed for good. */
  | 'released'
  /** Decisions can only be published after the results are released. */
  | 'not_released'
  /** Publishing needs at least one place. */
  | 'no_places'
  /** A consultation has at most PLACES_MAX places. */
  | 'too_many_places'
  /** The last day lies before the first. */
  | 'bad_dates'
  /** Its last day has passed: it cannot be reopened (its closing day moved later) or published now. */
  | 'closed'
  /** Decisions are published only for a published consultation; a released one cannot be withdrawn. */
  | 'not_published';

async function uniqueSlug(db: Queryable, title: string): Promise<string> {
  const base = slugify(title) || 'hoering';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [row] = await db.select({ id: consultations.id }).from(consultations).where(eq(consultations.slug, slug)).limit(1);
    if (!row) return slug;
  }
}

/**
 * Whether residents may already have answered: released, published and
 * opened, or any answer stored. Then the scale, first day, area and the
 * places' points and number are fixed (the staff page shows them as locked).
 */
export async function consultationLocked(db: Queryable, c: Pick<Consultation, 'id' | 'state' | 'opensOn' | 'releaseId'>, today = copenhagenDay()): Promise<boolean> {
  if (c.releaseId !== null) return true;
  if (c.state === 'published' && today >= c.opensOn) return true;
  const [any] = await db.select({ id: consultationResponses.id }).from(consultationResponses).where(eq(consultationResponses.consultationId, c.id)).limit(1);
  return any !== undefined;
}

export async function createConsultation(db: Queryable, input: ConsultationInput, actorId: number | null): Promise<Consultation> {
  return transaction(db, async (tx) => {
    const [row] = await tx
      .insert(consultations)
      .values({ ...input, slug: await uniqueSlug(tx, input.titleDa), state: 'draft' })
      .returning();
    if (!row) throw new Error('consultation not inserted');
    await recordAudit(tx, { userId: actorId, action: 'consultation.create', entityType: 'consultation', entityId: row.id, summary: row.titleDa });
    return row;
  });
}

/**
 * Updates a consultation's texts and dates. Once it may have answers, its
 * scale, area and opening day stay as they were (answers would change
 * meaning); once its last day has passed that day stays too (no reopening);
 * once released nothing but the texts changes.
 */
export async function updateConsultation(
  db: Queryable,
  id: number,
  input: ConsultationInput,
  actorId: number | null,
  today = copenhagenDay(),
): Promise<{ ok: true } | { ok: false; reason: EditRefusal }> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(consultations).where(eq(consultations.id, id)).limit(1);
    if (!before) return { ok: false, reason: 'not_found' } as const;
    if (input.closesOn < input.opensOn) return { ok: false, reason: 'bad_dates' } as const;
    const locked = await consultationLocked(tx, before, today);
    if (locked && (input.scale !== before.scale || input.opensOn !== before.opensOn || input.areaId !== before.areaId)) return { ok: false, reason: 'answers_exist' } as const;
    if (before.releaseId !== null && input.closesOn !== before.closesOn) return { ok: false, reason: 'released' } as const;
    // A published consultation past its last day stays closed: moving the day later would reopen it.
    if (before.state === 'published' && today > before.closesOn && input.closesOn !== before.closesOn) return { ok: false, reason: 'closed' } as const;
    await tx.update(consultations).set({ ...input, updatedAt: new Date() }).where(eq(consultations.id, id));
    await recordAudit(tx, { userId: actorId, action: 'consultation.update', entityType: 'consultation', entityId: id, summary: describeChange(before, input) || 'no change' });
    return { ok: true } as const;
  });
}

/**
 * Publishes or withdraws a consultation. Publishing needs a place and a last
 * day not yet passed; a released consultation cannot be withdrawn (its
 * figures and decisions stay public). Setting the state it has is a no-op.
 */
export async function setConsultationState(
  db: Queryable,
  id: number,
  state: 'draft' | 'published',
  actorId: number | null,
  today = copenhagenDay(),
): Promise<{ ok: true } | { ok: false; reason: EditRefusal }> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(consultations).where(eq(consultations.id, id)).limit(1);
    if (!before) return { ok: false, reason: 'not_found' } as const;
    if (before.state === state) return { ok: true } as const;
    const [place] = await tx.select({ id: consultationPlaces.id }).from(consultationPlaces).where(eq(consultationPlaces.consultationId, id)).limit(1);
    if (state === 'published' && !place) return { ok: false, reason: 'no_places' } as const;
    // Published after its last day it would be released at once with no answers.
    if (state === 'published' && today > before.closesOn) return { ok: false, reason: 'closed' } as const;
    // Its released figures and decisions stay public: what residents said is not withdrawn.
    if (state === 'draft' && before.releaseId !== null) return { ok: false, reason: 'released' } as const;
    await tx.update(consultations).set({ state, updatedAt: new Date() }).where(eq(consultations.id, id));
    await recordAudit(tx, { userId: actorId, action: state === 'published' ? 'consultation.publish' : 'consultation.unpublish', entityType: 'consultation', entityId: id, summary: `${before.state} → ${state}` });
    return { ok: true } as const;
  });
}

/** Adds a proposed place at the end; refused once answers may exist, and beyond PLACES_MAX places. */
export async function addConsultationPlace(db: Queryable, consultationId: number, input: PlaceInput, actorId: number | null, today = copenhagenDay()): Promise<{ ok: true; place: ConsultationPlace } | { ok: false; reason: EditRefusal }> {
  return transaction(db, async (tx) => {
    const [c] = await tx.select().from(consultations).where(eq(consultations.id, consultationId)).limit(1);
    if (!c) return { ok: false, reason: 'not_found' } as const;
    if (await consultationLocked(tx, c, today)) return { ok: false, reason: 'answers_exist' } as const;
    const [last] = await tx.select({ position: consultationPlaces.position }).from(consultationPlaces).where(eq(consultationPlaces.consultationId, consultationId)).orderBy(desc(consultationPlaces.position)).limit(1);
    // Positions run 1…n without gaps (removal renumbers), so the last one is the number of places.
    if ((last?.position ?? 0) >= PLACES_MAX) return { ok: false, reason: 'too_many_places' } as const;
    const [place] = await tx.insert(consultationPlaces).values({ ...input, consultationId, position: (last?.position ?? 0) + 1 }).returning();
    if (!place) throw new Error('place not inserted');
    await recordAudit(tx, { userId: actorId, action: 'consultation.place.add', entityType: 'consultation', entityId: consultationId, summary: place.nameDa });
    return { ok: true, place } as const;
  });
}

/** Changes a proposed place's texts, point or illustration. Its point and existence are fixed once answers may exist; its words can still be corrected. */
export async function updateConsultationPlace(db: Queryable, consultationId: number, placeId: number, input: PlaceInput, actorId: number | null, today = copenhagenDay()): Promise<{ ok: true } | { ok: false; reason: EditRefusal }> {
  return transaction(db, async (tx) => {
    const [c] = await tx.select().from(consultations).where(eq(consultations.id, consultationId)).limit(1);
    const [before] = await tx.select().from(consultationPlaces).where(and(eq(consultationPlaces.id, placeId), eq(consultationPlaces.consultationId, consultationId))).limit(1);
    if (!c || !before) return { ok: false, reason: 'not_found' } as const;
    if ((await consultationLocked(tx, c, today)) && (input.lat !== before.lat || input.lon !== before.lon)) return { ok: false, reason: 'answers_exist' } as const;
    await tx.update(consultationPlaces).set(input).where(eq(consultationPlaces.id, placeId));
    await recordAudit(tx, { userId: actorId, action: 'consultation.place.update', entityType: 'consultation', entityId: consultationId, summary: describeChange(before, input) || before.nameDa });
    return { ok: true } as const;
  });
}

/** Removes a proposed place and renumbers the rest; refused once answers may exist. */
export async function removeConsultationPlace(db: Queryable, consultationId: number, placeId: number, actorId: number | null, today = copenhagenDay()): Promise<{ ok: true } | { ok: false; reason: EditRefusal }> {
  return transaction(db, async (tx) => {
    const [c] = await tx.select().from(consultations).where(eq(consultations.id, consultationId)).limit(1);
    const [place] = await tx.select().from(consultationPlaces).where(and(eq(consultationPlaces.id, placeId), eq(consultationPlaces.consultationId, consultationId))).limit(1);
    if (!c || !place) return { ok: false, reason: 'not_found' } as const;
    if (await consultationLocked(tx, c, today)) return { ok: false, reason: 'answers_exist' } as const;
    await tx.delete(consultationPlaces).where(eq(consultationPlaces.id, placeId));
    const rest = await tx.select({ id: consultationPlaces.id }).from(consultationPlaces).where(eq(consultationPlaces.consultationId, consultationId)).orderBy(asc(consultationPlaces.position));
    // Two passes, so the unique (consultation, position) index never sees a duplicate.
    for (const [i, p] of rest.entries()) await tx.update(consultationPlaces).set({ position: -(i + 1) }).where(eq(consultationPlaces.id, p.id));
    for (const [i, p] of rest.entries()) await tx.update(consultationPlaces).set({ position: i + 1 }).where(eq(consultationPlaces.id, p.id));
    await recordAudit(tx, { userId: actorId, action: 'consultation.place.remove', entityType: 'consultation', entityId: consultationId, summary: place.nameDa });
    return { ok: true } as const;
  });
}

/** One place's decision as the editor gives it. */
export interface DecisionInput {
  placeId: number;
  outcome: ConsultationOutcome;
  reasonDa: string;
  reasonEn: string | null;
}

/**
 * Publishes "what we heard and what we decided": a general note and, per
 * place, the outcome with its reason. Only after the results are released,
 * and only for this consultation's places (every place must be decided).
 * Publishing again corrects it (audited); the day stays the first one.
 * The first publication adds a progress update to the initiative the
 * consultation belongs to, which its subscribers get in their digest.
 */
export async function publishDecisions(
  db: Queryable,
  consultationId: number,
  input: { noteDa: string; noteEn: string | null; places: DecisionInput[] },
  actorId: number | null,
  today = copenhagenDay(),
): Promise<{ ok: true } | { ok: false; reason: EditRefusal | 'places_mismatch' }> {
  return transaction(db, async (tx) => {
    const [c] = await tx.select().from(consultations).where(eq(consultations.id, consultationId)).limit(1);
    if (!c) return { ok: false, reason: 'not_found' } as const;
    if (c.releaseId === null) return { ok: false, reason: 'not_released' } as const;
    if (c.state !== 'published') return { ok: false, reason: 'not_published' } as const;
    const places = await tx.select({ id: consultationPlaces.id }).from(consultationPlaces).where(eq(consultationPlaces.consultationId, consultationId));
    const ids = new Set(places.map((p) => p.id));
    if (input.places.length !== ids.size || input.places.some((p) => !ids.has(p.placeId)) || new Set(input.places.map((p) => p.placeId)).size !== ids.size) {
      return { ok: false, reason: 'places_mismatch' } as const;
    }
    for (const p of input.places) {
      await tx.update(consultationPlaces).set({ outcome: p.outcome, reasonDa: p.reasonDa, reasonEn: p.reasonEn }).where(eq(consultationPlaces.id, p.placeId));
    }
    await tx.update(consultations).set({ decidedOn: c.decidedOn ?? today, decisionDa: input.noteDa, decisionEn: input.noteEn, updatedAt: new Date() }).where(eq(consultations.id, consultationId));
    // The first time, the initiative it belongs to says so in its progress: its page and the subscribers' digests (area and initiative) carry the news.
    if (!c.decidedOn && c.initiativeId !== null) {
      await addInitiativeUpdate(
        tx,
        c.initiativeId,
        {
          happenedOn: today,
          textDa: `Høringen »${c.titleDa}« er afsluttet. Se, hvad vi hørte, og hvad vi besluttede for hvert sted, under Høringer i indsatsen.`,
          textEn: `The consultation “${c.titleEn ?? c.titleDa}” has closed. See what we heard and what we decided for each place under Consultations in this initiative.`,
        },
        actorId,
      );
    }
    await recordAudit(tx, {
      userId: actorId,
      action: c.decidedOn ? 'consultation.decisions.correct' : 'consultation.decisions.publish',
      entityType: 'consultation',
      entityId: consultationId,
      summary: input.places.map((p) => `${p.placeId}: ${p.outcome}`).join(', '),
    });
    return { ok: true } as const;
  });
}

/** Generates `n` new invitation codes for a consultation as one batch (letters to households), audited. */
export async function generateConsultationCodes(db: Queryable, consultationId: number, n: number, actorId: number | null): Promise<{ batch: number; codes: string[] }> {
  return transaction(db, async (tx) => {
    const [last] = await tx.select({ b: max(consultationCodes.batch) }).from(consultationCodes).where(eq(consultationCodes.consultationId, consultationId)).limit(1);
    const batch = (last?.b ?? 0) + 1;
    const codes = new Set<string>();
    while (codes.size < n) codes.add(randomCode(CODE_LENGTH, CODE_ALPHABET));
    // 27^8 ≈ 2.8e11 codes: a clash is vanishingly rare; the unique index catches it (and the batch is not stored).
    const all = [...codes];
    for (let i = 0; i < all.length; i += 500) await tx.insert(consultationCodes).values(all.slice(i, i + 500).map((code) => ({ consultationId, code, batch })));
    await recordAudit(tx, { userId: actorId, action: 'consultation.generate_codes', entityType: 'consultation', entityId: consultationId, summary: `batch ${batch}: ${n} codes` });
    return { batch, codes: all };
  });
}

/** The most codes one batch makes (a printing run of letters). */
export const CODES_PER_BATCH = 5000;

/** A consultation's code batches and their sizes, for the editor (whether a code was used is not shown). */
export async function consultationCodeBatches(db: Queryable, consultationId: number): Promise<{ batch: number; codes: number }[]> {
  const rows = await db /* not for display: the size of each printing run staff made, not a figure about residents */
    .select({ batch: consultationCodes.batch, codes: count() })
    .from(consultationCodes)
    .where(eq(consultationCodes.consultationId, consultationId))
    .groupBy(consultationCodes.batch)
    .orderBy(asc(consultationCodes.batch));
  return rows;
}

/** Whether a consultation sent invitation codes (its form then asks for one, optionally). */
export async function consultationHasCodes(db: Queryable, consultationId: number): Promise<boolean> {
  const [any] = await db.select({ id: consultationCodes.id }).from(consultationCodes).where(eq(consultationCodes.consultationId, consultationId)).limit(1);
  return any !== undefined;
}

/** A consultation's codes for printing, batch by batch; `used` is not given (watching it would show when a letter was answered). */
export async function listConsultationCodes(db: Queryable, consultationId: number): Promise<{ code: string; batch: number }[]> {
  return db
    .select({ code: consultationCodes.code, batch: consultationCodes.batch })
    .from(consultationCodes)
    .where(eq(consultationCodes.consultationId, consultationId))
    .orderBy(asc(consultationCodes.batch), asc(consultationCodes.id));
}

/** The stances a consultation offers, in order (for pages and exports). */
export function stancesOf(c: Pick<Consultation, 'scale'>): readonly Stance[] {
  return SCALE_STANCES[c.scale];
}

/** Published consultations whose last day falls in a year (the annual status report reads their releases). */
export async function consultationsClosedIn(db: Queryable, year: number): Promise<Consultation[]> {
  return db
    .select()
    .from(consultations)
    .where(and(eq(consultations.state, 'published'), gte(consultations.closesOn, `${year}-01-01`), lte(consultations.closesOn, `${year}-12-31`)))
    .orderBy(asc(consultations.closesOn), asc(consultations.id));
}
