/**
 * The shape of a dashboard table builder. Each dashboard module exports its
 * builders (`export const tables: Record<string, TableBuilder>`); pages call
 * them to render, and the export endpoint (/staff/dashboard/export/<id>.<format>,
 * composed in exports.ts) calls the same ones, so an export never holds more
 * than the page shows.
 */
import type { DataTable } from '../../lib/data-table.ts';
import type { Locale } from '../../lib/i18n/index.ts';
import type { Role } from '../../../db/schema.ts';
import type { Queryable } from '../db/connection.ts';

export interface TableContext {
  db: Queryable;
  locale: Locale;
  role: Role;
  /** The privacy threshold. */
  k: number;
  /** The page's query parameters (wave, area, filters…), allow-listed by each builder. */
  params: URLSearchParams;
}

/** Builds one table, or undefined when the parameters name nothing (404). */
export type TableBuilder = (ctx: TableContext) => Promise<DataTable | undefined>;

/** A GeoJSON FeatureCollection export (H3 cells), built through the same rules. */
export type GeoJsonBuilder = (ctx: TableContext) => Promise<object | undefined>;
