/** Open311 GeoReport v2: GET requests/<id>.(json|xml), one request, for the client that holds its id (src/server/reports/open311.ts). */
import type { APIRoute } from 'astro';
import { db } from '../../../../../server/db/index.ts';
import { findPublicRequest, open311Error, open311Response, splitFormat } from '../../../../../server/reports/open311.ts';
import { open311ReadRefusal } from '../../../../../server/reports/open311-read-limit.ts';

export const GET: APIRoute = async ({ params, locals }) => {
  const file = splitFormat(params['file'] ?? '');
  if (!file) return open311Error('json', 404, 'Not found');
  const refused = await open311ReadRefusal(db(), locals.client, file.format);
  if (refused) return refused;
  const found = /^[A-Za-z0-9_-]{22}$/.test(file.name) ? await findPublicRequest(db(), locals.locale, file.name) : undefined;
  if (!found) return open311Error(file.format, 404, 'No such service request');
  return open311Response(file.format, 200, [found], { root: 'service_requests', item: 'request' });
};
