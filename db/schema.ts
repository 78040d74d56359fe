/**
 * The database schema (SQLite, drizzle sqlite-core). The schema is the
 * documentation: every column says what it holds and why; enumerations are
 * CHECK-constrained so a bad value cannot be stored by any code path.
 *
 * Privacy rule for every table here: nothing identifies a resident. No IP
 * address, user agent, account or tracking identifier is ever stored.
 *
 * After changing this file run `npm run db:generate` and commit the new
 * migration in db/migrations (generated migrations are never edited).
 */
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Area kinds: the partnership's target area, or a neighbouring area watched for displacement. */
export const AREA_KINDS = ['target', 'adjacent'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** A GeoJSON Polygon or MultiPolygon geometry in WGS84 longitude/latitude. */
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

/**
 * Named areas that surveys, reports and goals are tied to. Areas are data:
 * an admin can replace the (approximate) seeded polygons by uploading GeoJSON.
 */
export const areas = sqliteTable(
  'areas',
  {
    /** Surrogate key. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stable URL-safe identifier, e.g. `indre-norrebro`; used in links and exports. */
    slug: text('slug').notNull().unique(),
    /** Danish display name. */
    nameDa: text('name_da').notNull(),
    /** English display name. */
    nameEn: text('name_en').notNull(),
    /** `target` (the partnership's area) or `adjacent` (watched for displacement). */
    kind: text('kind', { enum: AREA_KINDS }).notNull(),
    /** Order in lists and legends; lower first. */
    displayOrder: integer('display_order').notNull().default(0),
    /** The boundary as GeoJSON (Polygon or MultiPolygon, lon/lat). */
    geometry: text('geometry', { mode: 'json' }).$type<AreaGeometry>().notNull(),
    /** True while the boundary is hand-drawn from known points rather than official. */
    approximate: integer('approximate', { mode: 'boolean' }).notNull().default(true),
    /** When the row last changed (Unix seconds). */
    updatedAt: integer('updated_at', { mode: 'timestamp' })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [
    check('areas_kind_check', sql`${t.kind} in ('target', 'adjacent')`),
    check('areas_slug_check', sql`${t.slug} glob '[a-z0-9]*' and ${t.slug} not glob '*[^a-z0-9-]*'`),
  ],
);

export type Area = typeof areas.$inferSelect;
export type NewArea = typeof areas.$inferInsert;
