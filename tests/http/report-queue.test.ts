/**
 * The moderation queue over plain HTTP (no JavaScript), on the built server:
 * - the list is one compact row per report (place names, never raw points),
 *   with the count of every status tab, filters, sorting and paging in the URL;
 * - the detail view (`?report=<id>`) has the text, a map of the point and the
 *   action forms; a change redirects (303) back to it, filters kept;
 * - a bulk change redirects back to the same filtered page with a message,
 *   each report audited; one ineligible report refuses it all (400, named);
 * - unknown filter values and page numbers are ignored and named, never a 500.
 *
 * Its reports are stored straight in the server's database (as submitReport
 * stores them), in one category and area that other tests leave alone.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { serverRow, serverRows, sharedServerDatabase } from '../support/server-db.ts';
import { setReportStatus, submitReport } from '../../src/server/reports/reports.ts';
import { postForm, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

const CATEGORY = 'hidden_places';
const AREA = 'ydre-norrebro';
/** The list of this test's category and area, newest first. */
const FILTERED = `/staff/reports?status=received&category=${CATEGORY}&area=${AREA}&sort=newest`;

let moderator: string;
let categoryId: number;
let moderatorId: number;
/** Newest first: 30 reports, 28 of them received, so that the filtered list has two pages. */
const ids: number[] = [];

async function get(path: string): Promise<{ status: number; html: string }> {
  const res = await fetch(base + path, { headers: { cookie: moderator }, redirect: 'manual' });
  return { status: res.status, html: (await res.text()).replace(/ data-astro-cid-[a-z0-9]+/g, '') };
}

/** The figure a status tab shows, e.g. "Modtaget (27)". */
const tabCount = (html: string, label: string) => Number(new RegExp(`>\\s*${label} \\((\\d+)\\)\\s*</a>`).exec(html)?.[1]);

beforeAll(async () => {
  moderator = await staffSession(dbPath, 'moderator');
  const db = sharedServerDatabase();
  categoryId = (await serverRow<{ id: number }>(sql`select id from report_categories where slug = ${CATEGORY}`)).id;
  moderatorId = (await serverRow<{ id: number }>(sql`select id from users where email like 'moderator@%'`)).id;
  for (let i = 0; i < 30; i++) {
    const day = new Date(Date.UTC(2026, 0, 1 + i, 10));
    const r = await submitReport(
      db,
      {
        categoryId,
        location: i % 3 === 2 ? { kind: 'point', point: { lat: 55.7001, lon: 12.5421 } } : { kind: 'place', placeId: 'superkilen' },
        timeOfDay: 'night',
        weekday: null,
        description: `Kø-test ${i} ved cykelstien. Ring 12 34 56 78.`,
        reporterType: 'resident',
        email: null,
      },
      day,
    );
    if (!r.ok) throw new Error(r.reason);
    ids.unshift(r.report.id);
  }
  // One already handled, one being handled: other tabs of the same filter.
  await setReportStatus(db, ids[29]!, { status: 'handled' }, moderatorId);
  await setReportStatus(db, ids[28]!, { status: 'in_progress' }, moderatorId);
}, SIGN_IN_TIMEOUT_MS + 30_000);

const countWhere = async (status: string) =>
  (await serverRow<{ n: number }>(sql`select count(*) n from reports join areas on areas.id = reports.area_id where category_id = ${categoryId} and areas.slug = ${AREA} and status = ${status}`)).n;

describe('the list', () => {
  it('shows compact rows with place names, never raw points, with tab counts for the filters', async () => {
    const { status, html } = await get(FILTERED);
    expect(status).toBe(200);
    expect(tabCount(html, 'Modtaget')).toBe(await countWhere('received'));
    expect(tabCount(html, 'Under behandling')).toBe(await countWhere('in_progress'));
    expect(tabCount(html, 'Håndteret')).toBe(await countWhere('handled'));
    expect(tabCount(html, 'Afvist')).toBe(await countWhere('rejected'));
    expect(await countWhere('received')).toBeGreaterThanOrEqual(25);
    // 25 a page, newest first.
    const listed = [...html.matchAll(/<li id="report-(\d+)"/g)].map((m) => Number(m[1]));
    expect(listed).toEqual(ids.slice(0, 25));
    expect(html).toContain(`Viser 1–25 af ${await countWhere('received')} meldinger.`);
    expect(html).toContain('Sted: Superkilen');
    expect(html).toContain('Sted: nær Superkilen');
    expect(html).toContain('Personoplysninger skjult');
    expect(html).not.toContain('12 34 56 78');
    expect(html).not.toMatch(/55[.,]\d{3,}/);
    expect(html).toContain(`<label for="select-${ids[0]}" class="visually-hidden">Vælg melding ${ids[0]}</label>`);
    expect(html).toContain(`href="/staff/reports?report=${ids[0]}&amp;status=received&amp;category=${CATEGORY}&amp;area=${AREA}&amp;sort=newest"`);
    // Only the reports' own place in the row, no forms but the bulk one and the release.
    expect(html).not.toContain('name="reportId"');
    // The filter form is a GET form with the current values chosen.
    expect(html).toMatch(/<form method="get" action="\/staff\/reports"/);
    expect(html).toContain(`<option value="${CATEGORY}" selected>`);
    expect(html).toContain('<option value="newest" selected>');
  });

  it('pages: page 2 has the rest, links back, and a page past the end shows the last page', async () => {
    const total = await countWhere('received');
    const second = await get(`${FILTERED}&page=2`);
    expect(second.status).toBe(200);
    const listed = [...second.html.matchAll(/<li id="report-(\d+)"/g)].map((m) => Number(m[1]));
    expect(listed).toHaveLength(total - 25);
    expect(second.html).toContain('rel="prev"');
    expect(second.html).toMatch(/aria-current="page" aria-label="Side 2">2<\/a>/);
    const beyond = await get(`${FILTERED}&page=999`);
    expect(beyond.status).toBe(200);
    expect([...beyond.html.matchAll(/<li id="report-(\d+)"/g)].map((m) => Number(m[1]))).toEqual(listed);
  });

  it('sorts oldest first when asked, and by category or area', async () => {
    const oldest = await get(FILTERED.replace('sort=newest', 'sort=oldest'));
    const received: number[] = [];
    for (const id of ids) if ((await serverRow<{ status: string }>(sql`select status from reports where id = ${id}`)).status === 'received') received.push(id);
    expect([...oldest.html.matchAll(/<li id="report-(\d+)"/g)].map((m) => Number(m[1]))).toEqual([...received].reverse().slice(0, 25));
    for (const sort of ['category', 'area']) expect((await get(FILTERED.replace('sort=newest', `sort=${sort}`))).status).toBe(200);
  });

  it('unknown values in the address are ignored and named, never an error', async () => {
    for (const query of ['status=bogus', 'category=aliens', 'area=atlantis', 'partner=nobody', 'sort=sideways', 'page=0', 'page=abc', 'page=-1', 'page=99999999999', 'report=abc', 'queue=other']) {
      const { status, html } = await get(`/staff/reports?${query}`);
      expect(status, query).toBe(200);
      if (query !== 'queue=other') expect(html, query).toContain('Ukendte værdier i adressen er ignoreret');
    }
    const { html } = await get('/staff/reports?status=bogus&category=aliens&page=x');
    expect(html).toContain('Ukendte værdier i adressen er ignoreret: status, kategori, side.');
    const en = await get('/en/staff/reports?sort=sideways');
    expect(en.status).toBe(200);
    expect(en.html).toContain('Unknown values in the address were ignored: sorting.');
  });
});

describe('the detail view', () => {
  it('shows the whole text, a map of the point and the forms, with a link back to the same list', async () => {
    const id = ids[0]!;
    const { status, html } = await get(`/staff/reports?report=${id}&status=received&category=${CATEGORY}&area=${AREA}&sort=newest&page=1`);
    expect(status).toBe(200);
    expect(html).toContain(`<h1>Melding nr. ${id}</h1>`);
    expect(html).toContain(`Kø-test 29 ved cykelstien.`);
    expect(html).toMatch(/<svg viewBox="[^"]+" role="img" aria-labelledby="map-\d+-title">/);
    expect(html).toContain('Kort over stedet: nær Superkilen, Ydre Nørrebro');
    expect(html).toContain('Punktet ligger ca.');
    expect(html).toContain('name="intent" value="status"');
    expect(html).toContain(`href="/staff/reports?status=received&amp;category=${CATEGORY}&amp;area=${AREA}&amp;sort=newest#report-${id}"`);
  });

  it('an unknown report is a 404 with a message', async () => {
    const { status, html } = await get('/staff/reports?report=123456789');
    expect(status).toBe(404);
    expect(html).toContain('Melding nr. 123456789 findes ikke.');
  });

  it('a change redirects back to the detail view, filters kept, with a message', async () => {
    const id = ids[1]!;
    const from = `/staff/reports?report=${id}&status=received&category=${CATEGORY}&sort=newest&page=2`;
    const res = await postForm(base, from, { intent: 'edit', reportId: String(id), description: 'Ny tekst fra moderator' }, moderator);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/reports?report=${id}&status=received&category=${CATEGORY}&sort=newest&page=2&done=saved`);
    const back = await get(res.headers.get('location')!);
    expect(back.html).toContain('Ændringen er gemt.');
    expect(back.html).toContain('Ny tekst fra moderator');
    // A refused change shows the report again with its message.
    const refused = await postForm(base, from, { intent: 'status', reportId: String(id), status: 'rejected', internalNote: '' }, moderator);
    expect(refused.status).toBe(400);
    const html = (await refused.text()).replace(/ data-astro-cid-[a-z0-9]+/g, '');
    expect(html).toContain('Skriv den interne grund til afvisningen.');
    expect(html).toContain(`<h1>Melding nr. ${id}</h1>`);
  });
});

describe('bulk changes', () => {
  const audits = async (id: number) => (await serverRows<{ action: string }>(sql`select action from audit_log where entity_type = 'report' and entity_id = ${id}`)).map((a) => a.action);

  it('marks the selected reports as being handled and returns to the same filtered page', async () => {
    const chosen = [ids[2]!, ids[3]!];
    const from = `${FILTERED}&page=1`;
    const res = await postForm(base, from, { intent: 'bulk', ids: chosen.map(String), action: 'in_progress', reason: '' }, moderator);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${FILTERED}&done=bulk&n=2&to=in_progress#queue-results`);
    for (const id of chosen) {
      expect((await serverRow<{ status: string }>(sql`select status from reports where id = ${id}`)).status).toBe('in_progress');
      expect(await audits(id)).toContain('report.status');
    }
    const back = await get(res.headers.get('location')!.split('#')[0]!);
    expect(back.html).toContain('2 meldinger har fået status „Under behandling“.');
    expect(back.html).not.toContain(`id="report-${chosen[0]}"`);
  });

  it('refuses all when one selected report may not take the change, naming it; nothing changes', async () => {
    const handled = ids[29]!;
    const fresh = ids[4]!;
    const before = (await serverRows(sql`select id from audit_log`)).length;
    const res = await postForm(base, FILTERED, { intent: 'bulk', ids: [String(fresh), String(handled)], action: 'in_progress', reason: '' }, moderator);
    expect(res.status).toBe(400);
    const html = (await res.text()).replace(/ data-astro-cid-[a-z0-9]+/g, '');
    expect(html).toContain(`Intet er ændret: nr. ${handled} (Håndteret) kan ikke få status „Under behandling“ på én gang.`);
    expect((await serverRow<{ status: string }>(sql`select status from reports where id = ${fresh}`)).status).toBe('received');
    expect((await serverRow<{ status: string }>(sql`select status from reports where id = ${handled}`)).status).toBe('handled');
    expect((await serverRows(sql`select id from audit_log`)).length).toBe(before);
    // The selection is kept for another try.
    expect(html).toMatch(new RegExp(`id="select-${fresh}" name="ids" value="${fresh}" checked`));
  });

  it('rejects as spam only with a reason; bad input is a 400 with a message', async () => {
    const chosen = [ids[5]!, ids[6]!];
    const noReason = await postForm(base, FILTERED, { intent: 'bulk', ids: chosen.map(String), action: 'rejected', reason: ' ' }, moderator);
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Skriv den interne grund til afvisningen.');
    for (const [fields, message] of [
      [{ intent: 'bulk', action: 'in_progress' }, 'Vælg mindst én melding.'],
      [{ intent: 'bulk', ids: [String(chosen[0])], action: '' }, 'Vælg en handling for de valgte meldinger.'],
      [{ intent: 'bulk', ids: [String(chosen[0])], action: 'handled' }, 'Ændringen kunne ikke gemmes. Tjek felterne.'],
      [{ intent: 'bulk', ids: ['abc'], action: 'in_progress' }, 'Ændringen kunne ikke gemmes. Tjek felterne.'],
    ] as const) {
      const res = await postForm(base, FILTERED, fields, moderator);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(await res.text()).toContain(message);
    }
    for (const id of chosen) expect((await serverRow<{ status: string }>(sql`select status from reports where id = ${id}`)).status).toBe('received');
    const res = await postForm(base, FILTERED, { intent: 'bulk', ids: chosen.map(String), action: 'rejected', reason: 'Reklame' }, moderator);
    expect(res.status).toBe(303);
    for (const id of chosen) {
      expect((await serverRow<{ status: string }>(sql`select status from reports where id = ${id}`)).status).toBe('rejected');
      expect((await serverRow<{ internal_note: string }>(sql`select internal_note from report_updates where report_id = ${id} and status = 'rejected'`)).internal_note).toBe('Reklame');
    }
  });

  it('a bulk post from another site is refused like every other form', async () => {
    const res = await fetch(`${base}/staff/reports`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded', cookie: moderator },
      body: new URLSearchParams({ intent: 'bulk', ids: String(ids[7]), action: 'in_progress' }).toString(),
    });
    expect(res.status).toBe(403);
    expect((await serverRow<{ status: string }>(sql`select status from reports where id = ${ids[7]}`)).status).toBe('received');
  });
});
