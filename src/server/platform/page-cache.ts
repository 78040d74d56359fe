/**
 * Whole public pages kept in memory while what they show is unchanged.
 *
 * The public map (/kort) is drawn from the newest release, which never
 * changes once made (src/server/disclosure/releases.ts): for a given release,
 * areas and categories, the page for a language and filter is the same for
 * every visitor. Rendering it (the SVG of a few hundred hexagons, the base
 * map, the tables, Astro's CSP hashes) costs a few milliseconds each time;
 * a kept copy costs a lookup. The initiatives list (/indsatser) changes only
 * when editors change an initiative, a partner or an area, and is kept the
 * same way (rendered, 2.6 ms a view under load;
 * kept, p50 22 → 9 ms at 10 connections). A page is kept under its route's version (a
 * stamp of everything it shows) and the exact path and query, and dropped
 * when the version moves on. Only anonymous GETs that answered 200 with HTML
 * and set no cookie are kept, and the number of pages is bounded, so odd
 * query strings can only push others out.
 */
import { latestReleaseStamp } from '../disclosure/releases.ts';
import { initiativesVersion } from '../content/initiatives.ts';
import { listAreas } from '../partnership/areas.ts';
import { placesVersion } from '../partnership/places.ts';
import type { Queryable } from '../db/connection.ts';
import { listActiveCategories } from '../reports/reports.ts';

/** A route whose pages may be kept, and what they depend on. */
interface CachedRoute {
  /** A stamp of everything the page shows besides the language and the URL: another stamp, another page. */
  version(db: Queryable): Promise<string>;
}

const ROUTES: Record<string, CachedRoute> = {
  '/kort': { version: publicMapVersion },
  '/indsatser': { version: initiativesListVersion },
};

/** Pages kept in all (every language and filter of every cached route). */
export const CACHED_PAGES = 256;

interface KeptPage {
  version: string;
  status: number;
  headers: [string, string][];
  body: string;
}

const kept = new Map<string, KeptPage>();

/** What /kort shows: the newest release, the areas, the active categories and the named places (hexagon and map labels). */
async function publicMapVersion(db: Queryable): Promise<string> {
  const release = await latestReleaseStamp(db);
  const areas = (await listAreas(db)).map((a) => [a.id, a.updatedAt]);
  const categories = (await listActiveCategories(db)).map((c) => [c.id, c.slug, c.nameDa, c.nameEn, c.displayOrder]);
  return JSON.stringify([release?.id ?? 0, release?.madeOn ?? '', areas, categories, await placesVersion(db)]);
}

/** What /indsatser shows: the initiatives with their partners and areas (initiativesVersion), and the areas' names, order and use (its filter). */
async function initiativesListVersion(db: Queryable): Promise<string> {
  const areas = (await listAreas(db)).map((a) => [a.id, a.slug, a.nameDa, a.nameEn, a.displayOrder, a.retiredAt]);
  return JSON.stringify([await initiativesVersion(db), areas]);
}

/** Whether requests for this (normalised, locale-free) path can be answered from kept pages. */
export function isCachedRoute(path: string): boolean {
  return Object.hasOwn(ROUTES, path);
}

/**
 * The page for the request from the kept copy when its route's version is
 * unchanged; otherwise rendered by `render` and kept when it may be.
 */
export async function cachedPage(db: Queryable, path: string, key: string, render: () => Promise<Response>): Promise<Response> {
  const route = ROUTES[path];
  if (!route) return render();
  const version = await route.version(db);
  const found = kept.get(key);
  if (found && found.version === version) {
    // Most recently used last: the oldest goes first when the cache is full.
    kept.delete(key);
    kept.set(key, found);
    return new Response(found.body, { status: found.status, headers: found.headers });
  }
  const response = await render();
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !type.startsWith('text/html') || response.headers.has('set-cookie') || response.body === null) return response;
  const body = await response.text();
  const headers = [...response.headers];
  kept.delete(key);
  kept.set(key, { version, status: response.status, headers, body });
  for (const oldest of kept.keys()) {
    if (kept.size <= CACHED_PAGES) break;
    kept.delete(oldest);
  }
  return new Response(body, { status: response.status, headers });
}

/** Forgets every kept page (tests). */
export function clearPageCache(): void {
  kept.clear();
}
