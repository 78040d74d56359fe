/** GET /feed.xml (and /en/feed.xml): RSS of all published initiatives and their updates. */
import type { APIRoute } from 'astro';
import { siteOrigin } from '../server/platform/config.ts';
import { db } from '../server/db/index.ts';
import { initiativesFeed } from '../server/content/feeds.ts';

export const GET: APIRoute = async ({ locals }) => {
  const xml = await initiativesFeed(db(), { locale: locals.locale, origin: siteOrigin() });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
};
