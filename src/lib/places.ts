/**
 * Named places and streets that residents can choose instead of using a map
 * (the non-map alternative of every place question), and the "lat,lon" text
 * form of a point chosen on the map.
 *
 * The places are data (the `places` table, kept by admins at /staff/places;
 * src/server/partnership/places.ts reads them into a PlaceBook). This module holds what
 * works on a list of places: finding one, matching a typed name, telling a
 * typed place from a named one, the nearest place to a pin. Housing estates
 * are deliberately not listed: naming them in a safety survey would point
 * at their residents.
 *
 * No I/O and no imports at run time: the place picker island bundles this.
 */
import type { PlaceKind } from './domain.ts';
import type { Locale } from './i18n/index.ts';

export type { PlaceKind };

export interface NamedPlace {
  /** URL-safe and stable (submitted as a form value and stored with answers), e.g. `blaagaards-plads`. */
  id: string;
  nameDa: string;
  nameEn: string;
  kind: PlaceKind;
  lat: number;
  lon: number;
  /** Retired by admins: still named where it was chosen, no longer offered. */
  retired: boolean;
}

export interface Point {
  lat: number;
  lon: number;
}

/**
 * A name as people type it, for comparing: lower case, æ/ø/å and their
 * ASCII spellings made one (ae, oe, aa), accents and punctuation dropped,
 * "sankt"/"skt" made one, and the English names' "(park)"-style notes ignored.
 */
function typedForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bsankt\b/g, 'skt')
    .trim();
}

/**
 * The named places, as read from the database: all of them (a retired one
 * still names the answers and reports that chose it) and those in use (what
 * forms offer, what a typed name or a pin is matched to).
 */
export class PlaceBook {
  readonly all: readonly NamedPlace[];
  readonly current: readonly NamedPlace[];
  readonly #byId: Map<string, NamedPlace>;
  readonly #byTypedName = new Map<string, NamedPlace>();

  constructor(places: readonly NamedPlace[]) {
    this.all = places;
    this.current = places.filter((p) => !p.retired);
    this.#byId = new Map(places.map((p) => [p.id, p]));
    for (const p of this.current) for (const name of [p.nameDa, p.nameEn, p.id]) this.#byTypedName.set(typedForm(name), p);
  }

  /** Any place by id, retired or not (for naming what was chosen). */
  find(id: string): NamedPlace | undefined {
    return this.#byId.get(id);
  }

  /** A place in use by id: what a new answer, report or minutes may choose. */
  offered(id: string): NamedPlace | undefined {
    const p = this.#byId.get(id);
    return p && !p.retired ? p : undefined;
  }

  /**
   * The place in use a typed place name means, when it is one ("blaagaards
   * plads", "Skt Hans Torv", "Nørrebrogade"); undefined for anything else,
   * which then has no point on the public map (there is no geocoder to guess one).
   */
  matchTyped(text: string): NamedPlace | undefined {
    return this.#byTypedName.get(typedForm(text));
  }

  /** Whether a report's stored place is typed text (not a pin, which stores none, nor a named place's id, retired or not). */
  isTyped(placeName: string | null): boolean {
    return placeName !== null && !this.#byId.has(placeName);
  }

  /** The place in use nearest to a point (how a pin is described in words); any place when all are retired. */
  nearest(point: Point): NamedPlace {
    return nearestPlace(point, this.current.length > 0 ? this.current : this.all);
  }
}

/** Approximate distance in metres (equirectangular: accurate to well under 1 % across a few kilometres). */
export function distanceMetres(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.hypot(x, y) * 6_371_000;
}

/** The place nearest to a point among `places` (which must not be empty). */
export function nearestPlace<P extends Point>(point: Point, places: readonly P[]): P {
  let best: P | undefined;
  let bestDistance = Infinity;
  for (const place of places) {
    const d = distanceMetres(point, place);
    if (d < bestDistance) {
      best = place;
      bestDistance = d;
    }
  }
  if (!best) throw new Error('no named places');
  return best;
}

/** The place's name in the reader's language: English on English pages, else Danish (as localized.ts's nameIn, which this island-safe module does not import). */
export function placeName(place: { nameDa: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' && place.nameEn ? place.nameEn : place.nameDa;
}

/** The box a submitted point must lie in: Nørrebro with a wide margin (areas are checked separately). */
export const POINT_BOUNDS = { minLat: 55.6, maxLat: 55.75, minLon: 12.45, maxLon: 12.65 } as const;

/** Five decimals is about one metre: precise enough for a pin, and all we keep. */
const DECIMALS = 5;

/** {lat: 55.6864, lon: 12.5572} → "55.68640,12.55720" (the value of a map pin's form field). */
export function formatPoint(p: Point): string {
  return `${p.lat.toFixed(DECIMALS)},${p.lon.toFixed(DECIMALS)}`;
}

const POINT_PATTERN = /^(\d{1,3}(?:\.\d{1,15})?),(\d{1,3}(?:\.\d{1,15})?)$/;

/**
 * "55.68640,12.55720" → {lat, lon}, rounded to five decimals; null for
 * anything malformed or outside POINT_BOUNDS. Plain decimals only: no signs,
 * exponents, spaces, NaN or Infinity.
 */
export function parsePoint(s: string): Point | null {
  const match = POINT_PATTERN.exec(s);
  if (!match) return null;
  const lat = round(Number(match[1]));
  const lon = round(Number(match[2]));
  const b = POINT_BOUNDS;
  if (!(lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon)) return null;
  return { lat, lon };
}

function round(n: number): number {
  const f = 10 ** DECIMALS;
  return Math.round(n * f) / f;
}
