/**
 * The named places the platform started with: the rows migration
 * db/migrations/0023_seed_places.sql (and its PostgreSQL twin) inserted into
 * `places`. The live list is that table, kept by admins at /staff/places
 * (src/server/partnership/places.ts); read it with listPlaces, never from here. This
 * copy stays for two uses that need no database: the street names the
 * personal-data masker knows (src/lib/pii.ts), and tests that check the
 * seeded points lie inside the seeded areas.
 *
 * Coordinates are approximate WGS84 points (within a block or so). Streets
 * are represented by a point on the part inside the area. Places on a
 * border street (Nørrebrogade, Jagtvej, Åboulevard) sit on the side of the
 * area they are listed under.
 */
import type { NamedPlace } from './places.ts';

type SeededPlace = Omit<NamedPlace, 'retired'>;

/** Ordered by area (Indre Nørrebro, Skt. Hans Torv quarter, Ydre Nørrebro), then by Danish name. */
export const SEEDED_PLACES: readonly SeededPlace[] = [
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
