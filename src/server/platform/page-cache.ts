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
 *
 * A page may hold a value that must differ for each visitor: the report
 * form's submission token (one report however often it is sent). The page
 * asks for it with `visitorToken`, which records it for the request; the kept
 * copy is split where each such token stood, and every answer from it gets
 * tokens of its own, as fresh and as random as a rendered page's. The report
 * form (/meld) is kept this way: its categories, areas and named places
 * change seldom, and rendering it (the form, the map island's props, the
 * layout) was most of its 22 ms p50 under load at 1,000,000 reports
 * (kept: 12 ms at 100,000). So is the front page (its areas' map; 18–19 ms
 * p50 rendered). Every page's footer names the partners, so their names and
 * order are part of every kept page's version.
 */
import { latestReleaseStamp } from '../disclosure/releases.ts';
import { initiativesVersion } from '../content/initiatives.ts';
import { areasVersion } from '../partnership/areas.ts';
import { partnerMarks } from './brand.ts';
import { placesVersion } from '../partnership/places.ts';
import type { Queryable } from '../db/connection.ts';
import { listActiveCategories } from '../reports/reports.ts';
import { randomToken } from '../staff/auth/random.ts';

/** A route whose pages may be kept, and what they depend on. */
interface CachedRoute {
  /** A stamp of everything the page shows besides the language and the URL: another stamp, another page. */
  version(db: Queryable): Promise<string>;
}

const ROUTES: Record<string, CachedRoute> = {
  '/': { version: frontPageVersion },
  '/kort': { version: publicMapVersion },
  '/indsatser': { version: initiativesListVersion },
  '/meld': { version: reportFormVersion },
};

/** Pages kept in all (every language and filter of every cached route). */
export const CACHED_PAGES = 256;

interface KeptPage {
  version: string;
  status: number;
  headers: [string, string][];
  /** The page's text between its visitor tokens; `slots[i]` is the token (by its order of asking) that goes after `parts[i]`. */
  parts: string[];
  slots: number[];
}

/** Random bytes in a visitor token: the same as a rendered page's own (randomToken(16)). */
const VISITOR_TOKEN_BYTES = 16;

/**
 * A fresh random token for this visitor's copy of the page (e.g. a form's
 * submission token). On a kept route it is recorded, so that the kept copy
 * gives every later visitor a token of their own instead of this one.
 */
export function visitorToken(locals: App.Locals): string {
  const token = randomToken(VISITOR_TOKEN_BYTES);
  locals.visitorTokens?.push(token);
  return token;
}

const kept = new Map<string, KeptPage>();

/**
 * What every page's footer shows: the partners with their marks
 * (partnerMarks, the same list the footer renders). Part of every kept
 * page's version, so a renamed partner is seen on kept pages as on rendered ones.
 */
async function footerVersion(db: Queryable): Promise<string> {
  return JSON.stringify(await partnerMarks(db));
}

/** What the front page shows besides its texts: the areas (their map and names) and the named places (the base map's landmarks). */
async function frontPageVersion(db: Queryable): Promise<string> {
  return JSON.stringify([await areasVersion(db), await placesVersion(db)]);
}

/** What /kort shows: the newest release, the areas, the active categories and the named places (hexagon and map labels). */
async function publicMapVersion(db: Queryable): Promise<string> {
  const release = await latestReleaseStamp(db);
  const areas = await areasVersion(db);
  const categories = (await listActiveCategories(db)).map((c) => [c.id, c.slug, c.nameDa, c.nameEn, c.displayOrder]);
  return JSON.stringify([release?.id ?? 0, release?.madeOn ?? '', areas, categories, await placesVersion(db)]);
}

/** What the report form (/meld) shows besides its texts: the active categories (every field, including their audience), the areas and the named places (its place field and map island). */
async function reportFormVersion(db: Queryable): Promise<string> {
  return JSON.stringify([await listActiveCategories(db), await areasVersion(db), await placesVersion(db)]);
}

/** What /indsatser shows: the initiatives with their partners and areas (initiativesVersion), and the areas' names, order and use (its filter). */
async function initiativesListVersion(db: Queryable): Promise<string> {
  return JSON.stringify([await initiativesVersion(db), await areasVersion(db)]);
}

/** Whether requests for this (normalised, locale-free) path can be answered from kept pages. */
export function isCachedRoute(path: string): boolean {
  return Object.hasOwn(ROUTES, path);
}

/**
 * The page for the request from the kept copy when its route's version is
 * unchanged; otherwise rendered by `render` and kept when it may be.
 */
export async function cachedPage(db: Queryable, locals: App.Locals, path: string, key: string, render: () => Promise<Response>): Promise<Response> {
  const route = ROUTES[path];
  if (!route) return render();
  const version = `${await route.version(db)} ${await footerVersion(db)}`;
  const found = kept.get(key);
  if (found && found.version === version) {
    // Most recently used last: the oldest goes first when the cache is full.
    kept.delete(key);
    kept.set(key, found);
    return new Response(withFreshTokens(found), { status: found.status, headers: found.headers });
  }
  const tokens: string[] = [];
  locals.visitorTokens = tokens;
  const response = await render();
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !type.startsWith('text/html') || response.headers.has('set-cookie') || response.body === null) return response;
  const body = await response.text();
  const headers = [...response.headers];
  kept.delete(key);
  kept.set(key, { version, status: response.status, headers, ...splitAtTokens(body, tokens) });
  for (const oldest of kept.keys()) {
    if (kept.size <= CACHED_PAGES) break;
    kept.delete(oldest);
  }
  return new Response(body, { status: response.status, headers });
}

/** The page's text cut wherever one of its visitor tokens stands (they are random, so they stand nowhere else). */
function splitAtTokens(body: string, tokens: readonly string[]): { parts: string[]; slots: number[] } {
  if (tokens.length === 0) return { parts: [body], slots: [] };
  const parts: string[] = [];
  const slots: number[] = [];
  const at = new RegExp(tokens.join('|'), 'g');
  let from = 0;
  for (const match of body.matchAll(at)) {
    parts.push(body.slice(from, match.index));
    slots.push(tokens.indexOf(match[0]));
    from = match.index + match[0].length;
  }
  parts.push(body.slice(from));
  return { parts, slots };
}

/** A kept page with new tokens of its own in place of the ones it was rendered with. */
function withFreshTokens(page: KeptPage): string {
  if (page.slots.length === 0) return page.parts[0]!;
  const fresh = new Map<number, string>();
  let body = page.parts[0]!;
  for (let i = 0; i < page.slots.length; i++) {
    const slot = page.slots[i]!;
    let token = fresh.get(slot);
    if (token === undefined) {
      token = randomToken(VISITOR_TOKEN_BYTES);
      fresh.set(slot, token);
    }
    body += token + page.parts[i + 1]!;
  }
  return body;
}

/** Forgets every kept page (tests). */
export function clearPageCache(): void {
  kept.clear();
}
