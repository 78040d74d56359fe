/** GET: a consultation's invitation codes as CSV for mail merge (UTF-8 with BOM, `;`, as Danish spreadsheets expect). */
import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { can } from '../../../../lib/permissions.ts';
import { formatCode } from '../../../../lib/survey/codes.ts';
import { findConsultation, listConsultationCodes } from '../../../../server/consultations/consultations.ts';
import { db } from '../../../../server/db/index.ts';
import { recordAudit } from '../../../../server/staff/audit.ts';

export const GET: APIRoute = async ({ locals, params }) => {
  if (!locals.staff || !can(locals.staff.user.role, 'content.edit')) return new Response(null, { status: 403 });
  const id = Number.parseInt(params['id'] ?? '', 10);
  const found = Number.isInteger(id) && id > 0 ? await findConsultation(db(), id) : undefined;
  if (!found) return new Response(null, { status: 404 });
  // Which code was used is deliberately not exported: with the mail-merge file it would tell who has answered.
  const rows = (await listConsultationCodes(db(), id)).map((c) => [formatCode(c.code), String(c.batch)]);
  const csv = stringify([['kode', 'oplag'], ...rows], { delimiter: ';', bom: true, record_delimiter: '\r\n' });
  await recordAudit(db(), { userId: locals.staff.user.id, action: 'consultation.export_codes', entityType: 'consultation', entityId: id, summary: `${rows.length} codes` });
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="koder-${found.consultation.slug}.csv"`,
    },
  });
};
