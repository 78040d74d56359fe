/**
 * Every dashboard table that can be exported, by id, composed from the
 * modules that build them for their pages: the export endpoint
 * (src/pages/staff/dashboard/export/[file].ts) builds a table with the very
 * function its page uses, so a download never holds more than the page.
 */
import { tables as analysisTables } from './analysis.ts';
import { geojson as consultationGeoJson, tables as consultationTables } from './consultations.ts';
import { tables as displacementTables } from './displacement.ts';
import { tables as goalTables } from './goals.ts';
import { geojson as reportGeoJson, tables as reportTables } from './report-stats.ts';
import { tables as representativenessTables } from './representativeness.ts';
import type { GeoJsonBuilder, TableBuilder } from './tables.ts';

export const EXPORT_TABLES: Readonly<Record<string, TableBuilder>> = {
  ...goalTables,
  ...analysisTables,
  ...reportTables,
  ...displacementTables,
  ...representativenessTables,
  ...consultationTables,
};

export const EXPORT_GEOJSON: Readonly<Record<string, GeoJsonBuilder>> = { ...reportGeoJson, ...consultationGeoJson };

/** A requested file name, e.g. `goals.csv`, `goals.comma.csv`, `goals.json`, `reports-heatmap.geojson`. */
export type ExportFormat = 'csv' | 'comma.csv' | 'json' | 'geojson';

export function parseExportFile(file: string): { id: string; format: ExportFormat } | undefined {
  const m = /^([a-z0-9-]{1,60})\.(comma\.csv|csv|json|geojson)$/.exec(file);
  if (!m) return undefined;
  return { id: m[1]!, format: m[2] as ExportFormat };
}
