/**
 * Open311 GeoReport v2 over HTTP: discovery, services and requests with the
 * spec's field names; GET requests lists no request it is not asked for by
 * id (a list of single reports would undo what the public map hides), and a
 * request asked for by its id (given only to the client that posted it)
 * answers with its status, public note and day, never a position or an
 * address; posting validates like the form, answers errors in the spec's
 * format and stores nothing when refused. Reports are crafted in the test
 * server's database in a category no other test uses.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { areas, reportCategories, reports, reportUpdates } from '../../db/schema.ts';
import type { Db } from '../../src/server/db/connection.ts';
import { sharedServerDatabase } from '../support/server-db.ts';
import { copenhagenDay } from '../../src/lib/time.ts';
import { makeReportRelease } from '../../src/server/disclosure/releases.ts';
import { copenhagenNoon, publicRequestId } from '../../src/server/reports/open311.ts';
import { createOpen311Key, DEMO_OPEN311_KEY, revokeOpen311Key } from '../../src/server/reports/open311-keys.ts';

const base = inject('baseUrl');
const API = `${base}/api/open311/v2`;
/** Near Folkets Park, in Indre Nørrebro. */
const POINT = { lat: 55.688, lon: 12.5555 };
/** The day the crafted reports are made: reports reach Open311 the day they are posted. */
const TODAY = copenhagenDay();

let db: Db;
let categoryId: number;
let areaId: number;
const receipts: string[] = [];

async function addReport(status: 'forwarded' | 'handled' = 'forwarded', note?: string): Promise<string> {
  const receipt = randomBytes(12).toString('base64url');
  const [report] = await db
    .insert(reports)
    .values({
      receipt,
      categoryId,
      lat: POINT.lat + receipts.length * 0.00001,
      lon: POINT.lon,
      areaId,
      timeOfDay: 'evening',
      reporterType: 'business',
      status,
      createdOn: TODAY,
      description: 'HEMMELIG-OPEN311',
      demo: false,
    })
    .returning();
  await db.insert(reportUpdates).values({ reportId: report!.id, status: 'received' });
  await db.insert(reportUpdates).values({ reportId: report!.id, status, publicNote: note ?? null });
  receipts.push(receipt);
  return receipt;
}

let clients = 0;
function post(body: string | URLSearchParams, type = 'application/x-www-form-urlencoded', path = '/requests.json', headers: Record<string, string> = {}): Promise<Response> {
  return fetch(API + path, {
    method: 'POST',
    // Like a real Open311 client (another server): no Origin header, no cookies.
    headers: { 'content-type': type, 'x-forwarded-for': `10.31.1.${++clients}`, ...headers },
    body,
  });
}

const stored = (marker: string) => db.select().from(reports).where(eq(reports.description, marker));

beforeAll(async () => {
  db = sharedServerDatabase();
  categoryId = (await db.select().from(reportCategories).where(eq(reportCategories.slug, 'hidden_places')).limit(1))[0]!.id;
  areaId = (await db.select().from(areas).where(eq(areas.slug, 'indre-norrebro')).limit(1))[0]!.id;
});


describe('discovery and services', () => {
  it('discovery.json names the GeoReport v2 endpoint and its formats', async () => {
    const res = await fetch(`${API}/discovery.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const d = await res.json();
    expect(d).toHaveProperty('changeset');
    expect(d).toHaveProperty('contact');
    expect(d.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production' });
    expect(d.endpoints[0].url).toMatch(/\/api\/open311\/v2$/);
    const xml = await (await fetch(`${API}/discovery.xml`)).text();
    expect(xml).toContain('<discovery>');
    expect(xml).toContain('<endpoints><endpoint>');
    expect(xml).toContain('<formats><format>application/json</format><format>text/xml</format></formats>');
  });

  it('services.json lists the active categories with the spec fields', async () => {
    const services = await (await fetch(`${API}/services.json`)).json();
    const s = services.find((x: { service_code: string }) => x.service_code === 'hidden_places');
    expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
    expect(s).toMatchObject({ service_name: 'Skjulte eller uoverskuelige steder', metadata: false, type: 'realtime' });
    const en = await (await fetch(`${base}/en/api/open311/v2/services.json`)).json();
    expect(en.find((x: { service_code: string }) => x.service_code === 'hidden_places').service_name).toBe('Hidden or unclear places');
    const xml = await (await fetch(`${API}/services.xml`)).text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>/);
    expect(xml).toContain('<metadata>false</metadata>');
  });
});

describe('requests are answered only when asked for by id', () => {
  it('requests.json lists nothing without ids, even for moderated reports in a released hexagon and with any filter', async () => {
    for (let i = 0; i < 5; i++) await addReport();
    await addReport('handled', 'Lampen er skiftet.');
    await makeReportRelease(db);
    for (const query of ['', '?service_code=hidden_places', '?status=closed', '?status=open', `?start_date=${TODAY}T00:00:00Z`, '?service_request_id=', '?service_request_id=not-an-id']) {
      const res = await fetch(`${API}/requests.json${query}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual([]);
    }
    const xml = await (await fetch(`${API}/requests.xml?service_code=hidden_places`)).text();
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<service_requests></service_requests>\n');
  });

  it('asked for by id, a request answers with its status, latest public note and day at noon, and no position or address', async () => {
    const handled = publicRequestId(receipts[5]!);
    const open = publicRequestId(receipts[0]!);
    const one = await fetch(`${API}/requests/${handled}.json`);
    expect(one.status).toBe(200);
    const [body] = await one.json();
    expect(body).toEqual({
      service_request_id: handled,
      status: 'closed',
      status_notes: 'Lampen er skiftet.',
      service_name: 'Skjulte eller uoverskuelige steder',
      service_code: 'hidden_places',
      requested_datetime: copenhagenNoon(TODAY),
    });
    const list = await (await fetch(`${API}/requests.json?service_request_id=${handled},${open}`)).json();
    expect(list.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([handled, open].sort());
    expect(list.find((r: { service_request_id: string }) => r.service_request_id === open)).toMatchObject({ status: 'open', status_notes: null });
    // Filters narrow what is asked for by id.
    expect(await (await fetch(`${API}/requests.json?service_request_id=${handled},${open}&status=closed`)).json()).toHaveLength(1);
    expect(await (await fetch(`${API}/requests.json?service_request_id=${handled}&service_code=lighting`)).json()).toEqual([]);
    const text = JSON.stringify(list);
    for (const field of ['lat', 'long', 'address', 'address_id', 'zipcode']) expect(text).not.toContain(`"${field}"`);
    // The receipt is the reporter's private link: never published, and not an id.
    for (const r of receipts) expect(text).not.toContain(r);
    expect(text).not.toContain('HEMMELIG-OPEN311');
    expect(text).not.toContain(String(POINT.lon));
    expect((await fetch(`${API}/requests/${receipts[5]}.json`)).status).toBe(404);
    const xml = await (await fetch(`${API}/requests/${handled}.xml`)).text();
    expect(xml).toContain('<service_requests><request><service_request_id>');
    expect(xml).toContain('<status_notes>Lampen er skiftet.</status_notes>');
    expect(xml).not.toMatch(/<lat>|<long>|<address>/);
  });

  it('an unknown well-formed id answers 404 in the spec format', async () => {
    const unknown = publicRequestId(`no-such-receipt-${Date.now()}`);
    expect(unknown).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const one = await fetch(`${API}/requests/${unknown}.json`);
    expect(one.status).toBe(404);
    expect(await one.json()).toEqual([{ code: 404, description: 'No such service request' }]);
    const xml = await fetch(`${API}/requests/${unknown}.xml`);
    expect(xml.status).toBe(404);
    expect(await xml.text()).toContain('<errors><error><code>404</code>');
    expect(await (await fetch(`${API}/requests.json?service_request_id=${unknown}`)).json()).toEqual([]);
  });
});

describe('POST requests.json', () => {
  const valid = (marker: string, extra: Record<string, string> = {}) =>
    new URLSearchParams({ api_key: DEMO_OPEN311_KEY, service_code: 'lighting', lat: '55.6874', long: '12.556', description: marker, ...extra });

  it('a valid request stores one report (received, in no public figure) and returns its public id, which answers with status open, and the private receipt link', async () => {
    const marker = `open311-valid-${Date.now()}`;
    const res = await post(valid(marker, { 'attribute[reporter_type]': 'works_here' }));
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toHaveLength(1);
    const rows = await stored(marker);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'received', reporterType: 'works_here', timeOfDay: 'often', categoryId: expect.any(Number) });
    expect(body[0].service_request_id).toBe(publicRequestId(rows[0]!.receipt));
    expect(body[0].service_notice).toContain(`${base}/meld/${rows[0]!.receipt}`);
    // The poster can follow it by its id: open, no note yet, no position.
    const own = await fetch(`${API}/requests/${body[0].service_request_id}.json`);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual([
      {
        service_request_id: body[0].service_request_id,
        status: 'open',
        status_notes: null,
        service_name: 'Dårlig belysning',
        service_code: 'lighting',
        requested_datetime: copenhagenNoon(rows[0]!.createdOn),
      },
    ]);
    // Without its id it is listed nowhere.
    expect(await (await fetch(`${API}/requests.json?service_code=lighting`)).json()).toEqual([]);
  });

  it.each([
    ['missing service_code', (m: string) => { const f = valid(m); f.delete('service_code'); return f; }, 'service_code'],
    ['unknown service_code', (m: string) => valid(m, { service_code: 'nope' }), 'service_code'],
    ['missing lat/long', (m: string) => { const f = valid(m); f.delete('lat'); return f; }, 'lat'],
    ['coordinates outside the areas', (m: string) => valid(m, { lat: '55.6761', long: '12.5683' }), 'outside'],
    ['coordinates far away', (m: string) => valid(m, { lat: '0', long: '0' }), 'lat'],
    ['a bad reporter type', (m: string) => valid(m, { 'attribute[reporter_type]': 'police' }), 'reporter_type'],
    ['a bad e-mail', (m: string) => valid(m, { email: 'not-an-address' }), 'email'],
  ])('%s → 400 in the spec format, nothing stored', async (_name, make, word) => {
    const marker = `open311-bad-${Date.now()}-${Math.random()}`;
    const res = await post(make(marker));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toHaveLength(1);
    expect(body[0].code).toBe(400);
    expect(body[0].description).toContain(word);
    expect(await stored(marker)).toHaveLength(0);
  });

  it('a malformed body (JSON instead of a form) → 400 in the spec format; XML errors for .xml', async () => {
    const marker = `open311-json-${Date.now()}`;
    const res = await post(JSON.stringify({ service_code: 'lighting', lat: 55.6874, long: 12.556, description: marker }), 'application/json');
    expect(res.status).toBe(400);
    expect((await res.json())[0].code).toBe(400);
    const xml = await post(new URLSearchParams({ api_key: DEMO_OPEN311_KEY, description: marker }), 'application/x-www-form-urlencoded', '/requests.xml');
    expect(xml.status).toBe(400);
    expect(await xml.text()).toMatch(/<errors><error><code>400<\/code><description>service_code is required<\/description><\/error><\/errors>/);
    expect(await stored(marker)).toHaveLength(0);
  });

  it('a body over 16 KiB → 413 in the spec format, nothing stored', async () => {
    const marker = `open311-big-${Date.now()}`;
    const res = await post(valid(marker, { padding: 'x'.repeat(17 * 1024) }));
    expect(res.status).toBe(413);
    expect((await res.json())[0].code).toBe(413);
    expect(await stored(marker)).toHaveLength(0);
  });
});

describe('POST requests.json needs an API key and refuses cross-site browser requests', () => {
  const form = (marker: string, key?: string) =>
    new URLSearchParams({ ...(key === undefined ? {} : { api_key: key }), service_code: 'lighting', lat: '55.6874', long: '12.556', description: marker });

  it.each([
    ['no api_key', undefined],
    ['an unknown api_key', 'not-a-key'],
    ['an empty api_key', ''],
  ])('%s → 403 in the spec format, nothing stored', async (_name, key) => {
    const marker = `open311-nokey-${Date.now()}-${Math.random()}`;
    const res = await post(form(marker, key));
    expect(res.status).toBe(403);
    expect((await res.json())[0]).toMatchObject({ code: 403, description: expect.stringContaining('api_key') });
    expect(await stored(marker)).toHaveLength(0);
  });

  it('a key made for a client works until an admin revokes it', async () => {
    const { key, row } = await createOpen311Key(db, 'Test client', null);
    const first = `open311-ownkey-${Date.now()}`;
    expect((await post(form(first, key))).status).toBe(201);
    expect(await stored(first)).toHaveLength(1);
    await revokeOpen311Key(db, row.id, null);
    const second = `open311-revoked-${Date.now()}`;
    expect((await post(form(second, key))).status).toBe(403);
    expect(await stored(second)).toHaveLength(0);
  });

  it.each([
    ['an Origin of another site', { origin: 'https://evil.example' }],
    ['Origin: null (a sandboxed frame)', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['a text/plain form from another site', { origin: 'https://evil.example', 'content-type': 'text/plain' }],
  ])('a browser request with %s is refused even with a valid key', async (_name, headers) => {
    const marker = `open311-xsite-${Date.now()}-${Math.random()}`;
    const res = await post(form(marker, DEMO_OPEN311_KEY), 'application/x-www-form-urlencoded', '/requests.json', headers);
    expect(res.status).toBe(403);
    expect(await stored(marker)).toHaveLength(0);
  });

  it('discovery tells clients that posting needs a key', async () => {
    const d = await (await fetch(`${API}/discovery.json`, { headers: { 'x-forwarded-for': '10.31.9.1' } })).json();
    expect(d.key_service).toContain('api_key');
  });
});

describe('Open311 reads are throttled per client', () => {
  it('the 61st GET in a minute from one client → 429 with Retry-After in the spec format; another client still reads', async () => {
    const headers = { 'x-forwarded-for': '10.31.200.7' };
    for (let i = 0; i < 60; i++) expect((await fetch(`${API}/services.json`, { headers })).status).toBe(200);
    const refused = await fetch(`${API}/services.json`, { headers });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json())[0].code).toBe(429);
    expect((await fetch(`${API}/requests/${'a'.repeat(22)}.json`, { headers })).status).toBe(429);
    expect((await fetch(`${API}/services.json`, { headers: { 'x-forwarded-for': '10.31.200.8' } })).status).toBe(200);
  });
});
