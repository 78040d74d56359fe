/**
 * Open311 GeoReport v2: GET discovery.(json|xml), services.(json|xml),
 * requests.(json|xml) and POST requests.(json|xml). The rules live in
 * src/server/reports/open311.ts; this edge maps them to responses.
 */
import type { APIRoute } from 'astro';
import { siteOrigin } from '../../../../server/platform/config.ts';
import { db } from '../../../../server/db/index.ts';
import {
  discovery,
  listPublicRequests,
  listServices,
  open311Error,
  open311Response,
  postRequest,
  splitFormat,
  type RequestQuery,
} from '../../../../server/reports/open311.ts';
import { isCrossSiteBrowserRequest } from '../../../../server/reports/open311-keys.ts';
import { open311ReadRefusal } from '../../../../server/reports/open311-read-limit.ts';

export const GET: APIRoute = async ({ params, locals, url }) => {
  const file = splitFormat(params['file'] ?? '');
  if (!file) return open311Error('json', 404, 'Not found');
  const { name, format } = file;
  const refused = await open311ReadRefusal(db(), locals.client, format);
  if (refused) return refused;
  if (name === 'discovery') {
    return open311Response(format, 200, discovery(siteOrigin()), { root: 'discovery', item: '' });
  }
  if (name === 'services') return open311Response(format, 200, await listServices(db(), locals.locale), { root: 'services', item: 'service' });
  if (name === 'requests') {
    const q = url.searchParams;
    const list = (key: string) => q.get(key)?.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const status = q.get('status');
    const query: RequestQuery = {
      serviceCodes: list('service_code'),
      ids: list('service_request_id'),
      status: status === 'open' || status === 'closed' ? status : undefined,
    };
    const requests = await listPublicRequests(db(), locals.locale, query);
    return open311Response(format, 200, requests, { root: 'service_requests', item: 'request' });
  }
  return open311Error(format, 404, 'Not found');
};

export const POST: APIRoute = async ({ params, locals, request }) => {
  const file = splitFormat(params['file'] ?? '');
  if (!file || file.name !== 'requests') return open311Error(file?.format ?? 'json', 404, 'Not found');
  // A page on another site must not file reports through its visitors' browsers, with or without a key.
  if (isCrossSiteBrowserRequest(request.headers, siteOrigin())) {
    return open311Error(file.format, 403, 'Cross-site requests from browsers are not accepted; post from your server with your api_key');
  }
  const result = await postRequest(db(), request, { client: locals.client, locale: locals.locale, origin: siteOrigin() });
  if (!result.ok) {
    const headers: Record<string, string> = result.retryAfter ? { 'Retry-After': String(result.retryAfter) } : {};
    return open311Error(file.format, result.status, result.error.description, headers);
  }
  return open311Response(file.format, result.status, result.body, { root: 'service_requests', item: 'request' });
};
