/**
 * Consultations for staff over HTTP: the dashboard's overview
 * (/staff/dashboard/consultations) for analysts and viewers, its exports
 * (CSV, JSON, GeoJSON under /staff/dashboard/export: dashboard.export only,
 * audited, no figure from 1 to K−1, suppressed ones as "for få svar" or null
 * with a flag) and the annual status report's section. The consultations are
 * made through the server module on the server's own database, then
 * released as the hourly job does.
 */
import { and, eq, gte, like } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { auditLog, consultations, users, type ReporterType, type Stance } from '../../db/schema.ts';
import {
  addConsultationPlace,
  consultationResults,
  createConsultation,
  openResponseCount,
  releaseClosedConsultation,
  setConsultationState,
  storeConsultationResponse,
} from '../../src/server/consultations/consultations.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { sharedServerDatabase } from '../support/server-db.ts';
import { demoAccount, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
/** The server's privacy threshold (PRIVACY_K's default). */
const K = 5;
const run = Math.random().toString(36).slice(2, 8);

let analyst: string;
let viewer: string;
let editor: string;
let closedId: number;
let openId: number;
let closedTitle: string;
let openTitle: string;

const get = (path: string, cookie: string) => fetch(base + path, { headers: { cookie }, redirect: 'manual' });

async function makeConsultation(title: string, opensOn: string, closesOn: string) {
  const db = sharedServerDatabase();
  const area = (await listAreas(db)).find((a) => a.slug === 'indre-norrebro')!;
  const c = await createConsultation(
    db,
    { titleDa: title, titleEn: `${title} (en)`, summaryDa: 'Forslag', summaryEn: null, bodyDa: '', bodyEn: null, areaId: area.id, initiativeId: null, scale: 'stance', opensOn, closesOn },
    null,
  );
  const places = [];
  for (const [i, name] of ['Hjørnet ved skolen', 'Stien langs søen'].entries()) {
    const added = await addConsultationPlace(db, c.id, { nameDa: name, nameEn: null, descriptionDa: 'Mere lys', descriptionEn: null, lat: 55.69 + i / 500, lon: 12.55 + i / 500, illustration: 'lighting' }, null, '2000-01-01');
    if (!added.ok) throw new Error(added.reason);
    places.push(added.place);
  }
  // Published before it opens, as an editor would.
  expect((await setConsultationState(db, c.id, 'published', null, '2000-01-01')).ok).toBe(true);
  return { consultation: c, places };
}

async function answer(consultationId: number, n: number, respondent: ReporterType, stances: { placeId: number; stance: Stance }[], day: string) {
  for (let i = 0; i < n; i++) {
    const r = await storeConsultationResponse(sharedServerDatabase(), consultationId, { respondent, stances, comments: [] }, 'da', day);
    if (!r.stored) throw new Error(r.reason);
  }
}

beforeAll(async () => {
  analyst = await staffSession(dbPath, 'analyst');
  viewer = await staffSession(dbPath, 'viewer');
  editor = await staffSession(dbPath, 'editor');
  closedTitle = `Lys i parken ${run}`;
  openTitle = `Kameraer ved pladsen ${run}`;
  // Closed in 2025 and released: 12 residents for place 1, 2 visitors against place 2 (too few).
  const closed = await makeConsultation(closedTitle, '2025-03-01', '2025-03-31');
  closedId = closed.consultation.id;
  await answer(closedId, 12, 'resident', [{ placeId: closed.places[0]!.id, stance: 'for' }], '2025-03-10');
  await answer(closedId, 8, 'resident', [{ placeId: closed.places[0]!.id, stance: 'against' }, { placeId: closed.places[1]!.id, stance: 'for' }], '2025-03-11');
  await answer(closedId, 2, 'visitor', [{ placeId: closed.places[1]!.id, stance: 'against' }], '2025-03-12');
  expect(await releaseClosedConsultation(sharedServerDatabase(), closedId, K, new Date('2025-04-01T12:00:00Z'))).toBe(true);
  // Open until 2099: staff see the public count only.
  const open = await makeConsultation(openTitle, '2020-01-01', '2099-12-31');
  openId = open.consultation.id;
  await answer(openId, 7, 'resident', [{ placeId: open.places[0]!.id, stance: 'for' }], '2026-01-10');
}, 4 * SIGN_IN_TIMEOUT_MS);

/** The article of one consultation on the overview page. */
const article = (html: string, id: number): string => new RegExp(`<article[^>]*data-consultation="${id}"[\\s\\S]*?</article>`).exec(html)?.[0] ?? '';

describe('the consultation overview', () => {
  it('is linked from the dashboard, and shows a released consultation’s figures with their exports to an analyst', async () => {
    expect(await (await get('/staff/dashboard', analyst)).text()).toContain('href="/staff/dashboard/consultations"');
    const res = await get('/staff/dashboard/consultations', analyst);
    expect(res.status).toBe(200);
    const html = await res.text();
    const closed = article(html, closedId);
    expect(closed).toContain(closedTitle);
    expect(closed).toContain('data-phase="released"');
    expect(closed).toContain('Resultaterne blev offentliggjort');
    expect(closed).toContain('Hjørnet ved skolen');
    // The 2 visitors read "too few", never a number.
    expect(closed).toContain('for få svar');
    expect(closed).toContain(`href="/staff/dashboard/export/consultation-results.csv?hoering=${closedId}"`);
    expect(closed).toContain(`href="/staff/dashboard/export/consultation-results.geojson?hoering=${closedId}"`);
    expect(html).toContain('href="/staff/dashboard/export/consultations.csv"');
  });

  it('shows an open consultation’s public count and nothing more', async () => {
    const html = await (await get('/staff/dashboard/consultations', analyst)).text();
    const open = article(html, openId);
    expect(open).toContain('data-phase="open"');
    const count = await openResponseCount(sharedServerDatabase(), openId, K);
    expect(open).toContain(count === undefined ? 'for få svar indtil nu' : `${count} har svaret indtil nu`);
    expect(open).not.toContain('<table');
    expect(open).not.toContain('/staff/dashboard/export/');
    expect(open).toContain('Vises, når høringen er slut.');
  });

  it('a viewer reads it without export links and is refused the exports; an editor may not open it', async () => {
    const res = await get('/staff/dashboard/consultations', viewer);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(closedTitle);
    expect(html).not.toContain('/staff/dashboard/export/');
    expect((await get(`/staff/dashboard/export/consultation-results.csv?hoering=${closedId}`, viewer)).status).toBe(403);
    expect((await get('/staff/dashboard/export/consultations.json', viewer)).status).toBe(403);
    expect((await get('/staff/dashboard/consultations', editor)).status).toBe(403);
  });

  it('is in English at /en', async () => {
    const html = await (await get('/en/staff/dashboard/consultations', analyst)).text();
    expect(html).toContain('Consultations');
    expect(article(html, closedId)).toContain('too few responses');
  });
});

describe('the exports', () => {
  it('JSON and CSV hold the release’s figures, suppressed ones as “too few”, and no count from 1 to K−1', async () => {
    const db = sharedServerDatabase();
    const [row] = await db.select().from(consultations).where(eq(consultations.id, closedId));
    const { release } = (await consultationResults(db, row!))!;
    const res = await get(`/staff/dashboard/export/consultation-results.json?hoering=${closedId}`, analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const table = (await res.json()) as { columns: { key: string; kind?: string }[]; rows: Record<string, unknown>[] };
    const all1 = table.rows.find((r) => r['placeNumber'] === 1 && r['respondent'] === 'Alle')!;
    const forTotal = release.places[0]!.table.columnTotals.find((c) => c.key === 'for')!;
    expect(all1['for']).toEqual(forTotal.suppressed ? { suppressed: true } : forTotal.n);
    const visitor2 = table.rows.find((r) => r['placeNumber'] === 2 && r['respondent'] === 'Besøgende')!;
    expect(visitor2['against']).toEqual({ suppressed: true });
    for (const r of table.rows) {
      for (const col of table.columns) {
        const v = r[col.key];
        if (col.kind === 'count' && col.key !== 'placeNumber' && typeof v === 'number') expect(v === 0 || v >= K, `${col.key} = ${v}`).toBe(true);
      }
    }

    const bytes = new Uint8Array(await (await get(`/staff/dashboard/export/consultation-results.csv?hoering=${closedId}`, analyst)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain('for få svar');
    const cells = csv.split('\r\n').slice(1).flatMap((line) => line.split(';').slice(5));
    expect(cells.filter((c) => /^[1-4]$/.test(c))).toEqual([]);
    const standard = await (await get(`/staff/dashboard/export/consultation-results.comma.csv?hoering=${closedId}`, analyst)).text();
    expect(standard.split('\r\n')[0]).toContain('Høring,Område,');

    const overview = (await (await get('/staff/dashboard/export/consultations.json', analyst)).json()) as { rows: Record<string, unknown>[] };
    const closedRow = overview.rows.find((r) => r['consultation'] === closedTitle)!;
    expect(closedRow['visitor']).toEqual({ suppressed: true });
    expect(closedRow['releasedOn']).toBe('2025-04-01');
    const openRow = overview.rows.find((r) => r['consultation'] === openTitle)!;
    expect(openRow['responses']).toBeNull();
    expect(openRow['resident']).toBeNull();
  });

  it('GeoJSON has the places as points with their published figures, suppressed ones null with a flag', async () => {
    const res = await get(`/staff/dashboard/export/consultation-results.geojson?hoering=${closedId}`, analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const geo = (await res.json()) as { type: string; features: { geometry: { type: string }; properties: Record<string, unknown> }[] };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(2);
    expect(geo.features.every((f) => f.geometry.type === 'Point')).toBe(true);
    const p2 = geo.features.find((f) => f.properties['place'] === 2)!;
    expect(p2.properties['visitor_against']).toBeNull();
    expect(p2.properties['visitor_against_suppressed']).toBe(true);
    for (const f of geo.features) {
      for (const [key, v] of Object.entries(f.properties)) if (typeof v === 'number' && key !== 'place') expect(v === 0 || v >= K, key).toBe(true);
    }
    // The open consultation's places carry no figures at all.
    const open = (await (await get(`/staff/dashboard/export/consultation-results.geojson?hoering=${openId}`, analyst)).json()) as typeof geo;
    expect(open.features.every((f) => f.properties['released'] === false && !('all_total' in f.properties))).toBe(true);
  });

  it('an unknown or malformed consultation is a 404, and each download is audited as the other exports are', async () => {
    const since = new Date(Date.now() - 60_000);
    expect((await get('/staff/dashboard/export/consultation-results.csv?hoering=abc', analyst)).status).toBe(404);
    expect((await get('/staff/dashboard/export/consultation-results.json?hoering=999999999', analyst)).status).toBe(404);
    const fresh = await staffSession(dbPath, 'analyst');
    for (let i = 0; i < 3; i++) expect((await get(`/staff/dashboard/export/consultation-results.csv?hoering=${closedId}`, fresh)).status).toBe(200);
    expect((await get(`/staff/dashboard/export/consultation-results.geojson?hoering=${closedId}`, fresh)).status).toBe(200);
    const db = sharedServerDatabase();
    const [user] = await db.select().from(users).where(eq(users.email, demoAccount('analyst').email)).limit(1);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, user!.id), eq(auditLog.action, 'dashboard.export'), gte(auditLog.at, since), like(auditLog.summary, 'consultation-results.%')));
    const summaries = rows.map((r) => r.summary);
    expect(summaries).toContain(`consultation-results.csv?hoering=${closedId}`);
    expect(summaries).toContain(`consultation-results.geojson?hoering=${closedId}`);
    // A refused download is not audited.
    expect(summaries.filter((s) => s.includes('hoering=abc') || s.includes('hoering=999999999'))).toEqual([]);
  });
});

describe('the annual status report', () => {
  it('has a section on the consultations closed in the year, with their released stance totals', async () => {
    const res = await get('/staff/report/2025', analyst);
    expect(res.status).toBe(200);
    const html = await res.text();
    const section = /<section[^>]*id="consultations"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(section).toContain('Høringer afsluttet i året');
    expect(section).toContain(closedTitle);
    expect(section).toContain('Hjørnet ved skolen');
    expect(section).toContain('for få svar');
    expect(section).not.toContain(openTitle);
    expect(html).toContain('href="#consultations"');
    // The English report too.
    const en = await (await get('/en/staff/report/2025', viewer)).text();
    expect(en).toContain('Consultations closed in the year');
  });
});
