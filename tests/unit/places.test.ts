import { describe, expect, it } from 'vitest';
import collection from '../../db/seed/areas-approx.geo.json' with { type: 'json' };
import type { AreaGeometry } from '../../db/schema.ts';
import { findAreaForPoint } from '../../src/lib/geo.ts';
import { distanceMetres, formatPoint, nearestPlace, parsePoint, PlaceBook } from '../../src/lib/places.ts';
import { SEEDED_PLACES } from '../../src/lib/seeded-places.ts';

const NAMED_PLACES = SEEDED_PLACES;
const book = new PlaceBook(SEEDED_PLACES.map((p) => ({ ...p, retired: p.id === 'korsgade' })));
const findPlace = (id: string) => book.find(id);

// The seeded areas in display order (target first), as the database holds them.
const areas = collection.features.map((f) => ({ slug: f.properties.slug, geometry: f.geometry as AreaGeometry }));
const areaIndex = (p: { lat: number; lon: number }) => areas.indexOf(findAreaForPoint(areas, p)!);

describe('the seeded places (migration 0023)', () => {
  it('every named place lies inside one of the seeded areas', () => {
    const outside = NAMED_PLACES.filter((p) => findAreaForPoint(areas, p) === undefined).map((p) => p.id);
    expect(outside).toEqual([]);
  });

  it('every seeded area has named places', () => {
    for (let i = 0; i < areas.length; i++) expect(NAMED_PLACES.some((p) => areaIndex(p) === i)).toBe(true);
  });

  it('ids are unique and url-safe', () => {
    const ids = NAMED_PLACES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('places are listed by area, then by Danish name', () => {
    const collator = new Intl.Collator('da');
    const sorted = [...NAMED_PLACES].sort((a, b) => areaIndex(a) - areaIndex(b) || collator.compare(a.nameDa, b.nameDa));
    expect(NAMED_PLACES.map((p) => p.id)).toEqual(sorted.map((p) => p.id));
  });

  it('every place has a Danish and an English name', () => {
    for (const p of NAMED_PLACES) {
      expect(p.nameDa.trim()).not.toBe('');
      expect(p.nameEn.trim()).not.toBe('');
    }
  });
});

describe('a PlaceBook', () => {
  it('finds a place by id and nothing for an unknown id', () => {
    expect(findPlace('blaagaards-plads')?.nameDa).toBe('Blågårds Plads');
    expect(findPlace('nowhere')).toBeUndefined();
    expect(findPlace('toString')).toBeUndefined();
  });

  it('a retired place still names what chose it, but is not offered, matched or used to describe a pin', () => {
    const korsgade = SEEDED_PLACES.find((p) => p.id === 'korsgade')!;
    expect(book.find('korsgade')?.nameDa).toBe('Korsgade');
    expect(book.offered('korsgade')).toBeUndefined();
    expect(book.offered('blaagaards-plads')?.id).toBe('blaagaards-plads');
    expect(book.current.map((p) => p.id)).not.toContain('korsgade');
    expect(book.matchTyped('korsgade')).toBeUndefined();
    expect(book.isTyped('korsgade')).toBe(false);
    expect(book.isTyped('Korsgade 12, 2. tv')).toBe(true);
    expect(book.isTyped(null)).toBe(false);
    expect(book.nearest(korsgade).id).not.toBe('korsgade');
  });

  it('with every place retired, a pin is still described by the nearest one', () => {
    const allRetired = new PlaceBook(SEEDED_PLACES.map((p) => ({ ...p, retired: true })));
    expect(allRetired.nearest({ lat: 55.6865, lon: 12.5573 }).id).toBe('blaagaards-plads');
    expect(() => new PlaceBook([]).nearest({ lat: 55.6865, lon: 12.5573 })).toThrow();
  });
});

describe('distanceMetres', () => {
  it('Blågårds Plads to Skt. Hans Torv is about 540 m', () => {
    const d = distanceMetres(findPlace('blaagaards-plads')!, findPlace('skt-hans-torv')!);
    expect(d).toBeGreaterThan(520);
    expect(d).toBeLessThan(560);
  });
});

describe('nearestPlace', () => {
  it('a point on a named place is described by that place', () => {
    for (const p of NAMED_PLACES) expect(nearestPlace(p, NAMED_PLACES).id).toBe(p.id);
  });
  it('a point a few metres off is described by the place it is nearest to', () => {
    expect(nearestPlace({ lat: 55.6865, lon: 12.5573 }, NAMED_PLACES).id).toBe('blaagaards-plads');
  });
});

describe('formatPoint and parsePoint', () => {
  it('format with five decimals, latitude first', () => {
    expect(formatPoint({ lat: 55.6864, lon: 12.5572 })).toBe('55.68640,12.55720');
  });

  it('round-trip: a formatted point parses back to itself', () => {
    for (const p of NAMED_PLACES) {
      const text = formatPoint(p);
      expect(parsePoint(text)).toEqual({ lat: p.lat, lon: p.lon });
      expect(formatPoint(parsePoint(text)!)).toBe(text);
    }
  });

  it('parse keeps at most five decimals', () => {
    expect(parsePoint('55.686412345,12.557298765')).toEqual({ lat: 55.68641, lon: 12.5573 });
  });

  it('parse refuses malformed input', () => {
    for (const s of [
      '',
      '55.6864',
      '55.6864,',
      ',12.5572',
      '55.6864;12.5572',
      '55,6864,12,5572',
      '55.6864, 12.5572',
      ' 55.6864,12.5572',
      '55.6864,12.5572,0',
      '55.6864,12.5572\n',
      '+55.6864,12.5572',
      '5.56864e1,12.5572',
      '0x37,12.5572',
      'lat,lon',
      '55.6864,12.5572<script>',
    ]) {
      expect(parsePoint(s), s).toBeNull();
    }
  });

  it('parse refuses NaN and Infinity', () => {
    expect(parsePoint('NaN,12.5572')).toBeNull();
    expect(parsePoint('55.6864,NaN')).toBeNull();
    expect(parsePoint('Infinity,Infinity')).toBeNull();
    expect(parsePoint(formatPoint({ lat: Number.NaN, lon: 12.5 }))).toBeNull();
  });

  it('parse refuses points outside lat 55.6–55.75 and lon 12.45–12.65', () => {
    expect(parsePoint('55.59999,12.55')).toBeNull();
    expect(parsePoint('55.75001,12.55')).toBeNull();
    expect(parsePoint('55.68,12.44999')).toBeNull();
    expect(parsePoint('55.68,12.65001')).toBeNull();
    // Swapped order (lon,lat) is outside the box too.
    expect(parsePoint('12.5572,55.6864')).toBeNull();
    expect(parsePoint('-55.6864,12.5572')).toBeNull();
  });

  it('parse accepts the edges of the box', () => {
    expect(parsePoint('55.6,12.45')).toEqual({ lat: 55.6, lon: 12.45 });
    expect(parsePoint('55.75,12.65')).toEqual({ lat: 55.75, lon: 12.65 });
  });
});

describe('street lines shipped for the tile-less map', () => {
  it('every street line has at least two points inside the map box', async () => {
    const { STREET_LINES } = await import('../../src/lib/basemap/streets.ts');
    expect(STREET_LINES.length).toBeGreaterThanOrEqual(5);
    for (const s of STREET_LINES) {
      expect(s.coordinates.length, s.name).toBeGreaterThanOrEqual(2);
      for (const [lon, lat] of s.coordinates) {
        expect(lat).toBeGreaterThan(55.6);
        expect(lat).toBeLessThan(55.75);
        expect(lon).toBeGreaterThan(12.45);
        expect(lon).toBeLessThan(12.65);
      }
    }
  });
});

describe('typed place names', () => {
  const matchTypedPlace = (text: string) => book.matchTyped(text);
  const isTypedPlace = (text: string | null) => book.isTyped(text);
  it('match a named place however it is spelled', () => {
    expect(matchTypedPlace('Blågårds Plads')?.id).toBe('blaagaards-plads');
    expect(matchTypedPlace('blaagaards plads')?.id).toBe('blaagaards-plads');
    expect(matchTypedPlace('Sankt Hans Torv')?.id).toBe('skt-hans-torv');
    expect(matchTypedPlace('skt. hans torv')?.id).toBe('skt-hans-torv');
    expect(matchTypedPlace('Nørrebros Runddel (roundabout)')?.id).toBe('norrebros-runddel');
    expect(matchTypedPlace('Blågårds Plads 12, 2. th')).toBeUndefined();
    expect(matchTypedPlace('bag kiosken')).toBeUndefined();
    expect(matchTypedPlace('')).toBeUndefined();
  });

  it('tell typed text from a named place id and from a pin', () => {
    expect(isTypedPlace(null)).toBe(false);
    expect(isTypedPlace('blaagaards-plads')).toBe(false);
    expect(isTypedPlace('Bag kiosken')).toBe(true);
  });
});
