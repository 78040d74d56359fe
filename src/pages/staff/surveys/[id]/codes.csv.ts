/** GET: a wave's invitation codes as CSV for mail merge (UTF-8 with BOM, `;`, as Danish spreadsheets expect). */
import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { can } from '../../../../lib/permissions.ts';
import { formatCode } from '../../../../lib/survey/codes.ts';
import { recordAudit } from '../../../../server/staff/audit.ts';
import { db } from '../../../../server/db/index.ts';
import { listCodes } from '../../../../server/surveys/invitations.ts';
import { findSurvey } from '../../../../server/surveys/surveys.ts';

export const GET: APIRoute = async ({ locals, params }) => {
  if (!locals.staff || !can(locals.staff.user.role, 'surveys.edit')) return new Response(null, { status: 403 });
  const id = Number.parseInt(params['id'] ?? '', 10);
  const found = Number.isInteger(id) ? await findSurvey(db(), id) : undefined;
  if (!found) return new Response(null, { status: 404 });
  // Which code was used is deliberately not exported: with the mail-merge
  // file it would tell who has answered. Staff see only how many are used.
  const rows = (await listCodes(db(), id)).map((c) => [formatCode(c.code), String(c.batch)]);
  const csv = stringify([['kode', 'parti'], ...rows], { delimiter: ';', bom: true, record_delimiter: '\r\n' });
  await recordAudit(db(), { userId: locals.staff.user.id, action: 'survey.export_codes', entityType: 'survey', entityId: id, summary: `${rows.length} codes` });
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="koder-${found.survey.slug}.csv"`,
    },
  });
};
