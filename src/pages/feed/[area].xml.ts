/** GET /feed/<area>.xml: RSS of the published initiatives in one area. */
import type { APIRoute } from 'astro';
import { listAreas } from '../../server/partnership/areas.ts';
import { siteOrigin } from '../../server/platform/config.ts';
import { db } from '../../server/db/index.ts';
import { initiativesFeed } from '../../server/content/feeds.ts';

export const GET: APIRoute = async ({ locals, params }) => {
  const area = (await listAreas(db())).find((a) => a.slug === params['area']);
  if (!area) return new Response('Unknown area', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const xml = await initiativesFeed(db(), { locale: locals.locale, origin: siteOrigin(), area });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
};
