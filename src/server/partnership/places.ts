/**
 * Named places as data: admins add, rename, move and retire them at
 * /staff/places; the report form's list, the survey's places question, the
 * map's landmarks, event minutes, the staff queue and the dashboard read
 * them through listPlaces. Ids are stable (they are stored with answers and
 * reports), so a place is retired, never deleted or renamed in its id.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { places, type Area, type PlaceKind, type PlaceRow } from '../../../db/schema.ts';
import type { Locale } from '../../lib/domain.ts';
import { findAreaForPoint } from '../../lib/geo.ts';
import { nameIn } from '../../lib/localized.ts';
import { PlaceBook, placeName, type NamedPlace, type Point } from '../../lib/places.ts';
import { listCurrentAreas } from './areas.ts';
import { recordAudit } from '../staff/audit.ts';
import type { Queryable } from '../db/connection.ts';
import { groupConcat, rawRow } from '../db/raw.ts';
import { transaction } from '../db/transaction.ts';

/**
 * The named places. Read on every report post, survey page and map, and
 * changed only by admins: kept until any row's id, names, kind, point or
 * retirement differs (one small query, so a change made by another instance
 * is seen at once).
 */
export async function listPlaces(db: Queryable): Promise<PlaceBook> {
  // Everything a change can touch (a change time alone is not enough: SQLite keeps seconds, and two edits can share one).
  const signature = sql`id || ':' || name_da || ':' || name_en || ':' || kind || ':' || cast(lat as text) || ':' || cast(lon as text) || ':' || coalesce(cast(retired_at as text), '')`;
  const key = (await rawRow<{ key: string | null }>(db, sql`select ${groupConcat(db, signature, ',')} as key from ${places}`))?.key ?? '';
  if (kept?.key === key) return kept.book;
  const rows = await db.select().from(places).orderBy(asc(places.nameDa), asc(places.id));
  const book = new PlaceBook(rows.map(({ retiredAt, updatedAt: _, ...p }) => ({ ...p, retired: retiredAt !== null })));
  kept = { key, book };
  generation += 1;
  return book;
}
let kept: { key: string; book: PlaceBook } | undefined;
let generation = 0;

/** A number that changes whenever the places change (in this process): for caches of pages that name places. */
export async function placesVersion(db: Queryable): Promise<number> {
  await listPlaces(db);
  return generation;
}

/** What a place question offers: the places grouped by area, and the same for its map island. */
export interface PlaceChoices {
  /** The areas that have places in use, in display order, each with its places (by the area their point lies in). */
  groups: { area: Area; places: NamedPlace[] }[];
  /**
   * The map island's areas and places as one JSON text (`{ areas, places }`,
   * names in the page's language; PlacePicker.svelte parses it). One string
   * prop: Astro serialises an island's props on every view, and walking the
   * areas' polygons coordinate by coordinate was a tenth of the report form's
   * time under load.
   */
  picker: string;
}

/**
 * placeChoices worked out once per areas, places and language: `areas` from
 * listCurrentAreas and `offered` from listPlaces are the same arrays until
 * a row changes, so this is kept by their identity (and let go with them).
 */
export function placeChoices(areas: readonly Area[], offered: readonly NamedPlace[], locale: Locale): PlaceChoices {
  let byPlaces = choicesKept.get(areas);
  if (!byPlaces) choicesKept.set(areas, (byPlaces = new WeakMap()));
  let byLocale = byPlaces.get(offered);
  if (!byLocale) byPlaces.set(offered, (byLocale = new Map()));
  let choices = byLocale.get(locale);
  if (!choices) {
    // A place outside every area is not offered: the map refuses such points too.
    const groups = areas
      .map((area) => ({ area, places: offered.filter((p) => findAreaForPoint(areas, p)?.id === area.id) }))
      .filter((g) => g.places.length > 0);
    const picker = JSON.stringify({
      areas: areas.map((a) => ({ slug: a.slug, name: nameIn(locale, a), kind: a.kind, geometry: a.geometry })),
      places: groups.flatMap((g) => g.places).map((p) => ({ id: p.id, name: placeName(p, locale), lat: p.lat, lon: p.lon })),
    });
    choices = { groups, picker };
    byLocale.set(locale, choices);
  }
  return choices;
}
const choicesKept = new WeakMap<readonly Area[], WeakMap<readonly NamedPlace[], Map<Locale, PlaceChoices>>>();

/** The rows as stored (with when each was retired), by Danish name: the admins' list. */
export async function placeRows(db: Queryable): Promise<PlaceRow[]> {
  return db.select().from(places).orderBy(asc(places.nameDa), asc(places.id));
}

export interface PlaceInput {
  nameDa: string;
  nameEn: string;
  kind: PlaceKind;
  point: Point;
}

export type PlaceRefusal = 'id_taken' | 'outside' | 'not_found';

/** A place must lie inside an area in use: that is where reports and answers are placed. */
async function outsideAreas(db: Queryable, point: Point): Promise<boolean> {
  return findAreaForPoint(await listCurrentAreas(db), point) === undefined;
}

/** Adds a place (offered at once everywhere places are listed); audited. */
export async function addPlace(db: Queryable, id: string, input: PlaceInput, actorId: number): Promise<{ ok: true } | { ok: false; reason: PlaceRefusal }> {
  if (await outsideAreas(db, input.point)) return { ok: false, reason: 'outside' };
  return transaction(db, async (tx) => {
    const [taken] = await tx.select({ id: places.id }).from(places).where(eq(places.id, id)).limit(1);
    if (taken) return { ok: false, reason: 'id_taken' } as const;
    const { point, ...rest } = input;
    await tx.insert(places).values({ id, ...rest, lat: point.lat, lon: point.lon, updatedAt: new Date() });
    await recordAudit(tx, { userId: actorId, action: 'place.add', entityType: 'place', entityId: null, summary: `${id}: ${input.nameDa} (${input.kind}) ${point.lat},${point.lon}` });
    return { ok: true } as const;
  });
}

/**
 * Renames, re-kinds or moves a place. Answers and reports that chose it keep
 * the point they were given (a move does not move what was already placed);
 * audited with before and after.
 */
export async function editPlace(db: Queryable, id: string, input: PlaceInput, actorId: number): Promise<{ ok: true } | { ok: false; reason: PlaceRefusal }> {
  if (await outsideAreas(db, input.point)) return { ok: false, reason: 'outside' };
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(places).where(eq(places.id, id)).limit(1);
    if (!before) return { ok: false, reason: 'not_found' } as const;
    const { point, ...rest } = input;
    await tx.update(places).set({ ...rest, lat: point.lat, lon: point.lon, updatedAt: new Date() }).where(eq(places.id, id));
    const parts = [
      before.nameDa !== input.nameDa ? `${before.nameDa} → ${input.nameDa}` : '',
      before.nameEn !== input.nameEn ? `${before.nameEn} → ${input.nameEn}` : '',
      before.kind !== input.kind ? `${before.kind} → ${input.kind}` : '',
      before.lat !== point.lat || before.lon !== point.lon ? `${before.lat},${before.lon} → ${point.lat},${point.lon}` : '',
    ].filter(Boolean);
    await recordAudit(tx, { userId: actorId, action: 'place.edit', entityType: 'place', entityId: null, summary: `${id}: ${parts.join('; ') || 'unchanged'}` });
    return { ok: true } as const;
  });
}

/**
 * Retires a place (no longer offered, still named where it was chosen) or
 * takes it into use again; audited. False when it does not exist or is
 * already in that state.
 */
export async function setPlaceRetired(db: Queryable, id: string, retired: boolean, actorId: number): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [before] = await tx.select().from(places).where(eq(places.id, id)).limit(1);
    if (!before || (before.retiredAt !== null) === retired) return false;
    const now = new Date();
    await tx.update(places).set({ retiredAt: retired ? now : null, updatedAt: now }).where(eq(places.id, id));
    await recordAudit(tx, { userId: actorId, action: retired ? 'place.retire' : 'place.reinstate', entityType: 'place', entityId: null, summary: id });
    return true;
  });
}
