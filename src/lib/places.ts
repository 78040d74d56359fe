/**
 * Named places and streets that residents can choose instead of using a map
 * (the non-map alternative of every place question), and the "lat,lon" text
 * form of a point chosen on the map.
 *
 * Coordinates are approximate WGS84 points (within a block or so), each
 * checked to lie inside one of the seeded area polygons
 * (db/seed/areas-approx.geo.json; tests/unit/places.test.ts proves it).
 * Streets are represented by a point on the part inside the area. Places on a
 * border street (Nørrebrogade, Jagtvej, Åboulevard) sit on the side of the
 * area they are listed under. Housing estates are deliberately not listed:
 * naming them in a safety survey would point at their residents.
 *
 * No I/O and no imports at run time: the place picker island bundles this.
 */
import type { Locale } from './i18n/index.ts';

export type PlaceKind = 'square' | 'street' | 'park' | 'station' | 'passage' | 'other';

export interface NamedPlace {
  /** URL-safe and stable (submitted as a form value and stored with answers), e.g. `blaagaards-plads`. */
  id: string;
  nameDa: string;
  nameEn: string;
  kind: PlaceKind;
  lat: number;
  lon: number;
}

export interface Point {
  lat: number;
  lon: number;
}

/** Ordered by area (Indre Nørrebro, Skt. Hans Torv quarter, Ydre Nørrebro), then by Danish name. */
export const NAMED_PLACES: readonly NamedPlace[] = [
  // Indre Nørrebro (the target area)
  { id: 'assistens-kirkegaard', nameDa: 'Assistens Kirkegård', nameEn: 'Assistens Cemetery', kind: 'park', lat: 55.6912, lon: 12.549 },
  { id: 'baggesensgade', nameDa: 'Baggesensgade', nameEn: 'Baggesensgade', kind: 'street', lat: 55.6874, lon: 12.556 },
  { id: 'blaagaards-plads', nameDa: 'Blågårds Plads', nameEn: 'Blågårds Plads (square)', kind: 'square', lat: 55.6864, lon: 12.5572 },
  { id: 'blaagaardsgade', nameDa: 'Blågårdsgade', nameEn: 'Blågårdsgade', kind: 'street', lat: 55.6873, lon: 12.559 },
  { id: 'folkets-park', nameDa: 'Folkets Park', nameEn: 'Folkets Park (park)', kind: 'park', lat: 55.688, lon: 12.5555 },
  { id: 'griffenfeldsgade', nameDa: 'Griffenfeldsgade', nameEn: 'Griffenfeldsgade', kind: 'street', lat: 55.6895, lon: 12.553 },
  { id: 'kapelvej', nameDa: 'Kapelvej', nameEn: 'Kapelvej', kind: 'street', lat: 55.6885, lon: 12.548 },
  { id: 'korsgade', nameDa: 'Korsgade', nameEn: 'Korsgade', kind: 'street', lat: 55.6852, lon: 12.559 },
  {
    id: 'norrebrogade-dronning-louises-bro',
    nameDa: 'Nørrebrogade ved Dronning Louises Bro',
    nameEn: 'Nørrebrogade by Dronning Louises Bro',
    kind: 'street',
    lat: 55.687,
    lon: 12.563,
  },
  { id: 'peblinge-dossering', nameDa: 'Peblinge Dossering', nameEn: 'Peblinge Dossering (lakeside)', kind: 'street', lat: 55.6827, lon: 12.5576 },
  { id: 'rantzausgade', nameDa: 'Rantzausgade', nameEn: 'Rantzausgade', kind: 'street', lat: 55.6872, lon: 12.549 },
  { id: 'stengade', nameDa: 'Stengade', nameEn: 'Stengade', kind: 'street', lat: 55.6888, lon: 12.5568 },
  { id: 'todesgade', nameDa: 'Todesgade', nameEn: 'Todesgade', kind: 'street', lat: 55.6868, lon: 12.5535 },
  { id: 'aaboulevard-blaagaardsgade', nameDa: 'Åboulevard ved Blågårdsgade', nameEn: 'Åboulevard by Blågårdsgade', kind: 'street', lat: 55.683, lon: 12.554 },
  // Skt. Hans Torv quarter (adjacent)
  { id: 'birkegade', nameDa: 'Birkegade', nameEn: 'Birkegade', kind: 'street', lat: 55.6913, lon: 12.5577 },
  { id: 'elmegade', nameDa: 'Elmegade', nameEn: 'Elmegade', kind: 'street', lat: 55.6903, lon: 12.559 },
  { id: 'faelledvej', nameDa: 'Fælledvej', nameEn: 'Fælledvej', kind: 'street', lat: 55.6897, lon: 12.5617 },
  { id: 'guldbergsgade', nameDa: 'Guldbergsgade', nameEn: 'Guldbergsgade', kind: 'street', lat: 55.693, lon: 12.556 },
  { id: 'ravnsborggade', nameDa: 'Ravnsborggade', nameEn: 'Ravnsborggade', kind: 'street', lat: 55.6878, lon: 12.565 },
  { id: 'ryesgade', nameDa: 'Ryesgade', nameEn: 'Ryesgade', kind: 'street', lat: 55.6905, lon: 12.5655 },
  { id: 'sankt-hans-gade', nameDa: 'Sankt Hans Gade', nameEn: 'Sankt Hans Gade', kind: 'street', lat: 55.6898, lon: 12.5635 },
  { id: 'skt-hans-torv', nameDa: 'Skt. Hans Torv', nameEn: 'Skt. Hans Torv (square)', kind: 'square', lat: 55.6908, lon: 12.5607 },
  // Ydre Nørrebro (adjacent)
  { id: 'hans-tavsens-park', nameDa: 'Hans Tavsens Park', nameEn: 'Hans Tavsens Park', kind: 'park', lat: 55.693, lon: 12.5425 },
  { id: 'jagtvej', nameDa: 'Jagtvej', nameEn: 'Jagtvej', kind: 'street', lat: 55.6912, lon: 12.5456 },
  { id: 'norrebro-station', nameDa: 'Nørrebro Station', nameEn: 'Nørrebro Station', kind: 'station', lat: 55.7007, lon: 12.5379 },
  { id: 'norrebroparken', nameDa: 'Nørrebroparken', nameEn: 'Nørrebroparken (park)', kind: 'park', lat: 55.6978, lon: 12.5385 },
  { id: 'norrebros-runddel', nameDa: 'Nørrebros Runddel', nameEn: 'Nørrebros Runddel (roundabout)', kind: 'square', lat: 55.6945, lon: 12.5488 },
  { id: 'stefansgade', nameDa: 'Stefansgade', nameEn: 'Stefansgade', kind: 'street', lat: 55.6975, lon: 12.5465 },
  { id: 'superkilen', nameDa: 'Superkilen', nameEn: 'Superkilen (park)', kind: 'park', lat: 55.7003, lon: 12.5424 },
];

const byId = new Map(NAMED_PLACES.map((p) => [p.id, p]));

export function findPlace(id: string): NamedPlace | undefined {
  return byId.get(id);
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

const byTypedName = new Map<string, NamedPlace>();
for (const p of NAMED_PLACES) for (const name of [p.nameDa, p.nameEn, p.id]) byTypedName.set(typedForm(name), p);

/**
 * The named place a typed place name means, when it is one ("blaagaards
 * plads", "Skt Hans Torv", "Nørrebrogade"); undefined for anything else, which
 * then has no point on the public map (there is no geocoder to guess one).
 */
export function matchTypedPlace(text: string): NamedPlace | undefined {
  return byTypedName.get(typedForm(text));
}

/** Whether a report's stored place is typed text (not a pin, which stores none, nor a named place's id). */
export function isTypedPlace(placeName: string | null): boolean {
  return placeName !== null && !byId.has(placeName);
}

/** The place's name in the reader's language. */
export function placeName(place: NamedPlace, locale: Locale): string {
  return locale === 'da' ? place.nameDa : place.nameEn;
}

/** Approximate distance in metres (equirectangular: accurate to well under 1 % across a few kilometres). */
export function distanceMetres(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.hypot(x, y) * 6_371_000;
}

/** The named place nearest to a point: how a map pin is described in words. */
export function nearestPlace(point: Point): NamedPlace {
  let best = NAMED_PLACES[0]!;
  let bestDistance = Infinity;
  for (const place of NAMED_PLACES) {
    const d = distanceMetres(point, place);
    if (d < bestDistance) {
      best = place;
      bestDistance = d;
    }
  }
  return best;
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
