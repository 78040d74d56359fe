/**
 * GET /staff/dashboard/export/<table>.<format>: a dashboard table as CSV
 * (Danish: BOM, `;`, decimal commas; `.comma.csv`: standard), JSON, or for
 * H3 cells GeoJSON, built by the same function as its page and so through
 * the same privacy rules. Needs dashboard.export (analysts and admins).
 * Audited once per session, table and format a day (the first successful
 * download; failed ones are not audited): a scan of every filter used to
 * write one row per download.
 */
import type { APIRoute } from 'astro';
import { toCsv, toJson } from '../../../../lib/data-table.ts';
import { messages } from '../../../../lib/i18n/index.ts';
import { can } from '../../../../lib/permissions.ts';
import { recordAudit } from '../../../../server/staff/audit.ts';
import { config } from '../../../../server/platform/config.ts';
import { EXPORT_GEOJSON, EXPORT_TABLES, parseExportFile } from '../../../../server/dashboard/exports.ts';
import { db } from '../../../../server/db/index.ts';
import { throttles } from '../../../../server/platform/throttle.ts';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  'comma.csv': 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
} as const;

export const GET: APIRoute = async ({ locals, params, url }) => {
  const staff = locals.staff;
  if (!staff || !can(staff.user.role, 'dashboard.export')) return new Response(null, { status: 403 });
  const file = parseExportFile(params['file'] ?? '');
  if (!file) return new Response(null, { status: 404 });
  const ctx = { db: db(), locale: locals.locale, role: staff.user.role, k: config().privacyK, params: url.searchParams };
  let body: string | undefined;
  if (file.format === 'geojson') {
    const geo = await EXPORT_GEOJSON[file.id]?.(ctx);
    body = geo === undefined ? undefined : JSON.stringify(geo);
  } else {
    const table = await EXPORT_TABLES[file.id]?.(ctx);
    const m = messages(locals.locale).dashboard;
    const suppressed = table?.counts === 'reports' ? m.tooFewReports : m.tooFew;
    if (table) body = file.format === 'json' ? toJson(table) : toCsv(table, file.format === 'csv' ? 'danish' : 'standard', suppressed);
  }
  if (body === undefined) return new Response(null, { status: 404 });
  const first = await throttles.exportAudit.hit(db(), `${staff.session.id}|${file.id}.${file.format}`);
  if (first.ok) await recordAudit(db(), {
    userId: staff.user.id,
    action: 'dashboard.export',
    entityType: 'dashboard',
    entityId: null,
    summary: `${file.id}.${file.format}${url.search}`,
  });
  return new Response(body, {
    headers: {
      'Content-Type': TYPES[file.format],
      'Content-Disposition': `attachment; filename="${file.id}${file.format === 'comma.csv' ? '-comma.csv' : `.${file.format}`}"`,
      'Cache-Control': 'no-store',
    },
  });
};
