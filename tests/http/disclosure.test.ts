/**
 * The disclosure rules of the public report figures (README "Privacy";
 * src/lib/disclosure, src/server/disclosure/releases.ts), over HTTP on a
 * server of the test's own: public figures come from dated releases, never
 * from live data; every figure is perturbed by the cell key method, the same
 * way wherever the same reports are counted; Open311 lists nothing it is not
 * asked for by id; "publish now" is audited and needs reports.moderate.
 *
 * Reports are crafted in the server's database with record keys chosen here,
 * so each expected figure is publishCount(n, sum of the keys, K), as the
 * engine computes it. Each rule uses its own hexagon and category, and every
 * group of released reports in the area has 0 or at least K reports, so the
 * differencing rules never hide a figure these tests read.
 */
import { randomBytes } from 'node:crypto';
import { and, count, desc, eq } from 'drizzle-orm';
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areas, auditLog, initiatives, releases, reportCategories, reports, users, type ReportStatus } from '../../db/schema.ts';
import { addKeys, noiseFor, publishCount } from '../../src/lib/disclosure/index.ts';
import { copenhagenDay } from '../../src/lib/time.ts';
import type { Db } from '../../src/server/db/connection.ts';
import { closeServerDatabase, serverDatabase } from '../support/server-db.ts';
import { makeReportRelease } from '../../src/server/disclosure/releases.ts';
import { DEMO_OPEN311_KEY } from '../../src/server/reports/open311-keys.ts';
import { copenhagenNoon, publicRequestId } from '../../src/server/reports/open311.ts';
import { keyForNoise, recordKeys } from '../support/cell-keys.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { demoAccount, postForm, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

/** The server's K (PRIVACY_K's default). */
const K = 5;

/** One hexagon per rule, all in Indre Nørrebro (checked in beforeAll). */
const POINTS = {
  moderation: { lat: 55.6912, lon: 12.549 },
  linking: { lat: 55.6895, lon: 12.5535 },
  releaseDay: { lat: 55.688, lon: 12.5555 },
  sameCount: { lat: 55.6864, lon: 12.5572 },
  differences: { lat: 55.6885, lon: 12.5525 },
} as const;
type PointName = keyof typeof POINTS;
const cellOf = (name: PointName) => latLngToCell(POINTS[name].lat, POINTS[name].lon, 9);
/** Reports of a hexagon are spread over a few metres (i mod 5), all in the hexagon. */
const spread = (name: PointName, i: number) => ({ lat: POINTS[name].lat + (i % 5) * 0.00001, lon: POINTS[name].lon });

let server: RunningServer;
let base: string;
let db: Db;
let areaId: number;
const categoryIds = new Map<string, number>();
let moderator: string;
let viewer: string;
let analyst: string;
let moderatorId: number;
let crafted = 0;

/** Inserts moderated (or other) reports with the given record keys in a hexagon; returns their ids. */
async function craft(
  name: PointName,
  category: string,
  keys: readonly number[],
  options: { status?: ReportStatus; initiativeId?: number | null } = {},
): Promise<number[]> {
  const ids: number[] = [];
  for (const key of keys) {
    const [row] = await db
      .insert(reports)
      .values({
        receipt: randomBytes(12).toString('base64url'),
        cellKey: key,
        categoryId: categoryIds.get(category)!,
        ...spread(name, crafted++),
        areaId,
        timeOfDay: 'evening',
        reporterType: 'resident',
        status: options.status ?? 'forwarded',
        initiativeId: options.initiativeId ?? null,
        createdOn: copenhagenDay(),
        description: 'HEMMELIG-DISCLOSURE',
        demo: false,
      })
      .returning({ id: reports.id });
    ids.push(row!.id);
  }
  return ids;
}

async function page(path: string): Promise<string> {
  const res = await fetch(base + path);
  expect(res.status).toBe(200);
  // Astro's scoping attributes are not part of what is asserted.
  return (await res.text()).replace(/ data-astro-cid-\w+/g, '');
}

/** The count the /kort table shows for a hexagon, or undefined when the hexagon is not shown. */
function hexCount(html: string, cell: string): number | undefined {
  const m = new RegExp(`<tr data-cell="${cell}">\\s*<th scope="row">[^<]*</th>\\s*<td>[^<]*</td>\\s*<td>([^<]*)</td>`).exec(html);
  if (!m) {
    expect(html).not.toContain(`data-cell="${cell}"`);
    return undefined;
  }
  // The map's hexagon says the same figure as the table.
  expect(html).toMatch(new RegExp(`<path class="hex" data-cell="${cell}"[^>]*>\\s*<title>[^<]*: ${m[1]} (?:meldinger|reports)</title>`));
  return Number(m[1]);
}

/** The /kort table's total for Indre Nørrebro ("for få" when hidden). */
const areaTotal = (html: string) => /<tr data-area="indre-norrebro">.*?<td>(.*?)<\/td>/s.exec(html)?.[1];

/** The "reports that led to this" section of an initiative page. */
const reportsSection = (html: string) => /<section aria-labelledby="reports-heading">.*?<\/section>/s.exec(html)?.[0];

/** The published total an initiative page states, or undefined when it states none. */
const initiativeTotal = (html: string) => {
  const m = /(\d+) meldinger fra beboere og erhvervsdrivende er knyttet til indsatsen\./.exec(html);
  return m ? Number(m[1]) : undefined;
};

async function initiativeId(slug: string): Promise<number> {
  return (await db.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.slug, slug)).limit(1))[0]!.id;
}

async function releaseCount(): Promise<number> {
  return (await db.select({ n: count() }).from(releases))[0]!.n;
}

/** The long Danish or English date the pages use for a release day. */
function longDay(day: string, locale: 'da-DK' | 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(new Date(`${day}T12:00:00Z`));
}

beforeAll(async () => {
  server = await startServer();
  base = server.url;
  db = serverDatabase(server.dbPath);
  areaId = (await db.select().from(areas).where(eq(areas.slug, 'indre-norrebro')).limit(1))[0]!.id;
  for (const c of await db.select().from(reportCategories)) categoryIds.set(c.slug, c.id);
  // Five different hexagons, each holding its spread reports.
  const names = Object.keys(POINTS) as PointName[];
  expect(new Set(names.map(cellOf)).size).toBe(names.length);
  for (const name of names) for (let i = 0; i < 5; i++) expect(latLngToCell(spread(name, i).lat, spread(name, i).lon, 9)).toBe(cellOf(name));
  moderatorId = (await db.select({ id: users.id }).from(users).where(eq(users.email, demoAccount('moderator').email)).limit(1))[0]!.id;
  moderator = await staffSession(db, 'moderator');
  viewer = await staffSession(db, 'viewer');
  analyst = await staffSession(db, 'analyst');
}, 3 * SIGN_IN_TIMEOUT_MS);

afterAll(async () => {
  if (server) await closeServerDatabase(server.dbPath);
  await server?.stop();
});

describe('public report figures come from dated releases, perturbed', () => {
  it('moderating one report changes nothing public until the next release', async () => {
    const forwarded = recordKeys(11, 7);
    const seven = addKeys(...forwarded);
    // The eighth report's key gives 8 reports the same noise as 7: the published figure moves by one.
    const eighth = keyForNoise(seven, noiseFor(seven));
    const [pending] = await craft('moderation', 'threats', [eighth], { status: 'received' });
    await craft('moderation', 'threats', forwarded);
    await makeReportRelease(db);
    const filter = '/kort?kategori=threats&periode=all&melder=resident';
    const cell = cellOf('moderation');
    const p7 = publishCount(7, seven, K);
    const p8 = publishCount(8, addKeys(seven, eighth), K);
    expect(p7).toBeGreaterThanOrEqual(K);
    expect(p8).not.toBe(p7);

    const before = await page(filter);
    expect(hexCount(before, cell)).toBe(p7);
    expect(areaTotal(before)).toBe(String(p7));

    const res = await postForm(base, '/staff/reports', { intent: 'status', reportId: String(pending), status: 'handled', publicNote: 'Set af en moderator.' }, moderator);
    expect(res.status).toBe(303);
    expect((await db.select({ status: reports.status }).from(reports).where(eq(reports.id, pending!)))[0]!.status).toBe('handled');
    const after = await page(filter);
    expect(hexCount(after, cell)).toBe(p7);
    expect(areaTotal(after)).toBe(String(p7));
    // Not a figure, not a word of the page moved.
    expect(after).toBe(before);

    // "Publish now" with one changed report is refused: comparing the two releases would show where it is.
    const refused = await postForm(base, '/staff/reports', { intent: 'publish' }, moderator);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Der er ikke lavet en ny udgivelse: kun 1 melding er ændret siden den sidste');
    expect(await page(filter)).toBe(before);
    // Seven more reports (another category, outside this filter, and enough that the category
    // comparison hides nothing) make K or more changes: the next release counts the moderated one.
    await craft('moderation', 'violence', recordKeys(12, K + 2));
    const published = await postForm(base, '/staff/reports', { intent: 'publish' }, moderator);
    expect(published.status).toBe(303);
    expect(await (await fetch(base + published.headers.get('location')!, { headers: { cookie: moderator } })).text()).toContain('En ny udgivelse af de offentlige tal er lavet.');
    const next = await page(filter);
    expect(hexCount(next, cell)).toBe(p8);
    expect(areaTotal(next)).toBe(String(p8));
  });

  it('linking a report to an initiative changes the initiative page only at the next release', async () => {
    const slug = 'exitprogrammer';
    const initiative = await initiativeId(slug);
    const first = recordKeys(22, 4);
    first.push(keyForNoise(addKeys(...first), 0));
    const five = addKeys(...first);
    // The sixth report gives the six the noise +1, so the figure moves by 2, not 1.
    const sixth = keyForNoise(five, 1);
    await craft('linking', 'violence', first, { initiativeId: initiative });
    const [unlinked] = await craft('linking', 'violence', [sixth]);
    await makeReportRelease(db);
    const p5 = publishCount(5, five, K);
    const p6 = publishCount(6, addKeys(five, sixth), K);
    expect(p5).toBe(5);
    expect(p6).toBe(7);

    const before = await page(`/indsatser/${slug}`);
    expect(initiativeTotal(before)).toBe(p5);
    expect(reportsSection(before)).toContain(`<tr><th scope="row">Vold</th><td>${p5}</td></tr>`);

    const res = await postForm(base, '/staff/reports', { intent: 'link', reportId: String(unlinked), initiativeId: String(initiative) }, moderator);
    expect(res.status).toBe(303);
    expect((await db.select({ initiativeId: reports.initiativeId }).from(reports).where(eq(reports.id, unlinked!)))[0]!.initiativeId).toBe(initiative);
    const after = await page(`/indsatser/${slug}`);
    expect(initiativeTotal(after)).toBe(p5);
    expect(reportsSection(after)).toBe(reportsSection(before));

    await makeReportRelease(db);
    const next = await page(`/indsatser/${slug}`);
    expect(initiativeTotal(next)).toBe(p6);
    expect(reportsSection(next)).toContain(`<tr><th scope="row">Vold</th><td>${p6}</td></tr>`);
  });

  it('every public figure says the day of its release', async () => {
    const slug = 'registrering-af-kameraer-i-polcam';
    const keys = recordKeys(33, 4);
    keys.push(keyForNoise(addKeys(...keys), 1));
    await craft('releaseDay', 'groups', keys, { initiativeId: await initiativeId(slug) });
    expect(publishCount(5, addKeys(...keys), K)).toBe(6);

    // A release made on an earlier day: every figure says that day, not today.
    const made = await makeReportRelease(db, { now: new Date('2026-03-10T10:00:00Z') });
    expect(made).toMatchObject({ made: true, madeOn: '2026-03-10' });
    expect(await page('/kort')).toContain('<p class="release-date">Tallene er fra udgivelsen 10. marts 2026. De opdateres hver 7. dag');
    expect(await page('/en/kort')).toContain('<p class="release-date">These figures are from the release of 10 March 2026. They are updated every 7 days');
    const initiative = await page(`/indsatser/${slug}`);
    expect(initiativeTotal(initiative)).toBe(6);
    expect(reportsSection(initiative)).toContain('Tal fra udgivelsen 10. marts 2026; hvert tal er let justeret');
    expect(await page(`/en/indsatser/${slug}`)).toContain('Figures from the release of 10 March 2026; each figure is adjusted slightly');

    // The next release says its own day.
    const today = copenhagenDay();
    expect(await makeReportRelease(db)).toMatchObject({ made: true, madeOn: today });
    expect(await page('/kort')).toContain(`Tallene er fra udgivelsen ${longDay(today, 'da-DK')}.`);
    expect(reportsSection(await page(`/indsatser/${slug}`))).toContain(`Tal fra udgivelsen ${longDay(today, 'da-DK')};`);
  });

  it('the same reports show the same count in every view', async () => {
    const keys = recordKeys(44, 6);
    await craft('sameCount', 'littering', keys);
    await makeReportRelease(db);
    const cell = cellOf('sameCount');
    const expected = publishCount(6, addKeys(...keys), K);
    expect(expected).toBeGreaterThanOrEqual(K);
    // Every filter below selects exactly these six reports in this hexagon.
    const year = copenhagenDay().slice(0, 4);
    const views = ['/kort', '/kort?kategori=littering', '/kort?melder=resident', '/kort?kategori=littering&melder=resident', `/kort?periode=${year}&kategori=littering&melder=resident`, '/en/kort?kategori=littering'];
    for (const view of views) expect(hexCount(await page(view), cell), view).toBe(expected);
    // Asking again gives the same figures, to the letter.
    for (const view of views) expect(await page(view)).toBe(await page(view));
  });
});

describe('Open311', () => {
  it('Open311 lists no request it is not asked for by id', async () => {
    const API = `${base}/api/open311/v2`;
    const marker = `disclosure-open311-${Date.now()}`;
    const posted = await fetch(`${API}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.77.0.1' },
      body: new URLSearchParams({ api_key: DEMO_OPEN311_KEY, service_code: 'lighting', lat: '55.6868', long: '12.5585', description: marker, 'attribute[reporter_type]': 'visitor' }),
    });
    expect(posted.status).toBe(201);
    const id: string = (await posted.json())[0].service_request_id;
    const [stored] = await db.select().from(reports).where(eq(reports.description, marker));
    expect(id).toBe(publicRequestId(stored!.receipt));

    // Without ids: nothing, whatever the filters, though moderated reports are released.
    const today = copenhagenDay();
    for (const query of ['', '?status=closed', '?status=open', '?service_code=lighting', '?service_code=threats&status=closed', `?start_date=${today}T00:00:00Z&end_date=${today}T23:59:59Z`]) {
      const res = await fetch(`${API}/requests.json${query}`);
      expect(res.status, query).toBe(200);
      expect(await res.json(), query).toEqual([]);
    }
    expect(await (await fetch(`${API}/requests.xml?status=closed`)).text()).toBe('<?xml version="1.0" encoding="utf-8"?>\n<service_requests></service_requests>\n');

    // By id: its status, and no position or address.
    const own = await fetch(`${API}/requests/${id}.json`);
    expect(own.status).toBe(200);
    const [open] = await own.json();
    expect(open).toEqual({
      service_request_id: id,
      status: 'open',
      status_notes: null,
      service_name: 'Dårlig belysning',
      service_code: 'lighting',
      requested_datetime: copenhagenNoon(today),
    });
    const rejected = await postForm(base, '/staff/reports', { intent: 'status', reportId: String(stored!.id), status: 'rejected', internalNote: 'Dublet.', publicNote: 'Stedet er allerede meldt.' }, moderator);
    expect(rejected.status).toBe(303);
    const listed = await (await fetch(`${API}/requests.json?service_request_id=${id}`)).json();
    expect(listed).toEqual([{ ...open, status: 'closed', status_notes: 'Stedet er allerede meldt.' }]);
    const text = JSON.stringify(listed) + (await (await fetch(`${API}/requests/${id}.xml`)).text());
    for (const field of ['lat', 'long', 'address', 'address_id', 'zipcode']) {
      expect(text).not.toContain(`"${field}"`);
      expect(text).not.toContain(`<${field}>`);
    }
    expect(text).not.toContain(marker);
    expect(text).not.toContain(stored!.receipt);
    expect(await (await fetch(`${API}/requests.json`)).json()).toEqual([]);

    // An unknown, well-formed id: 404 in the spec's format.
    const unknown = publicRequestId(`no-such-receipt-${Date.now()}`);
    expect(unknown).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const missing = await fetch(`${API}/requests/${unknown}.json`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: 'No such service request' }]);
  });
});

describe('publish now', () => {
  it('publish now is audited and needs the moderation permission', async () => {
    const releasesBefore = await releaseCount();
    const auditsBefore = (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'release.publish')))[0]!.n;
    for (const cookie of [viewer, analyst]) {
      const res = await postForm(base, '/staff/reports', { intent: 'publish' }, cookie);
      expect(res.status).toBe(403);
    }
    const anonymous = await postForm(base, '/staff/reports', { intent: 'publish' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/staff/login');
    expect(await releaseCount()).toBe(releasesBefore);
    expect((await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'release.publish')))[0]!.n).toBe(auditsBefore);

    // K changed reports since the last release, so that one may be made.
    await makeReportRelease(db);
    const releasesReady = await releaseCount();
    await craft('moderation', 'groups', recordKeys(33, K));
    const res = await postForm(base, '/staff/reports', { intent: 'publish' }, moderator);
    expect(res.status).toBe(303);
    expect(await (await fetch(base + res.headers.get('location')!, { headers: { cookie: moderator } })).text()).toContain('En ny udgivelse af de offentlige tal er lavet.');
    expect(await releaseCount()).toBe(releasesReady + 1);
    // Nothing changed since: the next "publish now" makes nothing and audits nothing.
    const again = await postForm(base, '/staff/reports', { intent: 'publish' }, moderator);
    expect(again.status).toBe(400);
    expect(await releaseCount()).toBe(releasesReady + 1);
    const [newest] = await db.select().from(releases).orderBy(desc(releases.id)).limit(1);
    expect(newest).toMatchObject({ kind: 'reports', madeBy: moderatorId, madeOn: copenhagenDay() });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'release.publish'), eq(auditLog.entityId, newest!.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ userId: moderatorId, entityType: 'release' });
    expect(audits[0]!.summary).toMatch(/^reports: \d+$/);
  });
});

describe('differencing releases', () => {
  it('before/after one report: the published difference is not the true difference', async () => {
    const cell = cellOf('differences');
    const filter = '/kort?kategori=drug_dealing&periode=all&melder=resident';
    const keys = recordKeys(55, 5 + 29);
    // The first K reports get the noise −1: published as K − 1, below K, so not shown at all.
    keys[4] = keyForNoise(addKeys(...keys.slice(0, 4)), -1);
    await craft('differences', 'drug_dealing', keys.slice(0, 5));
    const shown: (number | undefined)[] = [];
    for (let n = 5; n <= 5 + 29; n++) {
      if (n > 5) await craft('differences', 'drug_dealing', [keys[n - 1]!]);
      await makeReportRelease(db);
      const html = await page(filter);
      const expected = publishCount(n, addKeys(...keys.slice(0, n)), K);
      const got = hexCount(html, cell);
      expect(got, `${n} reports`).toBe(expected);
      // Shown only at or above K, never below; and the area (the same reports) says the same.
      if (got !== undefined) expect(got).toBeGreaterThanOrEqual(K);
      expect(areaTotal(html), `${n} reports`).toBe(got === undefined ? 'for få' : String(got));
      shown.push(got);
    }
    expect(shown[0]).toBeUndefined();
    // One report was added each time; the published figures did not move by one each time.
    const differences = shown.slice(1).flatMap((x, i) => (x !== undefined && shown[i] !== undefined ? [x - shown[i]!] : []));
    expect(differences.length).toBeGreaterThanOrEqual(25);
    expect(differences.some((d) => d !== 1)).toBe(true);
    expect(new Set(differences).size).toBeGreaterThan(1);
  }, 120_000);
});
