/** Areas: the named places surveys, reports and goals are tied to. */
import { asc } from 'drizzle-orm';
import { areas, type Area, type NewArea } from '../../db/schema.ts';
import { findAreaForPoint, type LatLon } from '../lib/geo.ts';
import type { Queryable } from './db/connection.ts';

/** All areas, target area first, in display order. */
export function listAreas(db: Queryable): Area[] {
  return db.select().from(areas).orderBy(asc(areas.displayOrder), asc(areas.id)).all();
}

/** The area a point falls in, or undefined when it is outside every area. */
export function areaForPoint(db: Queryable, point: LatLon): Area | undefined {
  return findAreaForPoint(listAreas(db), point);
}

export function insertAreas(db: Queryable, rows: NewArea[]): void {
  if (rows.length > 0) db.insert(areas).values(rows).run();
}
