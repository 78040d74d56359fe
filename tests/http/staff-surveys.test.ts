/**
 * Staff and a wave over HTTP: while it is open they see only counts per day
 * and channel; they enter a paper questionnaire through the same questions;
 * they generate invitation codes and download them as CSV for letters.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { epochSeconds, serverRow } from '../support/server-db.ts';
import { postForm, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';
import { SEEDED_PAGES } from '../support/survey-client.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

let cookie: string;
let openId: number;
beforeAll(async () => {
  cookie = await staffSession(dbPath, 'admin');
  openId = (await serverRow<{ id: number }>(sql`select id from surveys where slug = 'tryghed-2026'`)).id;
}, SIGN_IN_TIMEOUT_MS);

describe('a wave for staff', () => {
  it('while open, staff see responses per day and channel, and no results', async () => {
    const html = await (await fetch(`${base}/staff/surveys/${openId}`, { headers: { cookie } })).text();
    expect(html).toContain('Svar pr. dag og kanal');
    expect(html).toContain('Resultaterne vises først, når bølgen er lukket');
    expect(html).not.toMatch(/Utryg|Meget utryg/); // no answer distributions on this page
  });

  it('a closed wave shows its results, with small counts replaced by "for få svar"', async () => {
    const closedId = (await serverRow<{ id: number }>(sql`select id from surveys where slug = 'tryghed-2024'`)).id;
    const html = await (await fetch(`${base}/staff/surveys/${closedId}`, { headers: { cookie } })).text();
    expect(html).toContain('Resultater');
    expect(html).toContain('Hvor tryg eller utryg føler du dig, når du går alene i dit nabolag om aftenen?');
    expect(html).toContain('Meget utryg');
    // The open wave's page has no results section.
    expect(await (await fetch(`${base}/staff/surveys/${openId}`, { headers: { cookie } })).text()).not.toContain('id="results"');
  });

  it('a paper questionnaire entered by staff is stored with channel "paper" and audited', async () => {
    const before = (await serverRow<{ n: number }>(sql`select count(*) n from responses where survey_id = ${openId} and channel = 'paper'`)).n;
    const fields: [string, string][] = [...SEEDED_PAGES.flat(), ['channel', 'paper']];
    const res = await postForm(base, `/staff/surveys/${openId}/paper`, groupFields(fields), cookie);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Besvarelsen er gemt.');
    expect((await serverRow<{ n: number }>(sql`select count(*) n from responses where survey_id = ${openId} and channel = 'paper'`)).n).toBe(before + 1);
    expect((await serverRow<{ n: number }>(sql`select count(*) n from audit_log where action = 'survey.enter_response'`)).n).toBeGreaterThan(0);
  });

  it('an incomplete paper questionnaire is refused with 400 and nothing is stored', async () => {
    const before = (await serverRow<{ n: number }>(sql`select count(*) n from responses`)).n;
    const res = await postForm(base, `/staff/surveys/${openId}/paper`, { channel: 'phone', q_area: 'indre-norrebro' }, cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Besvar venligst spørgsmålet.');
    expect((await serverRow<{ n: number }>(sql`select count(*) n from responses`)).n).toBe(before);
  });

  it('codes are generated and downloaded as CSV with a BOM and semicolons, for letters', async () => {
    const res = await postForm(base, `/staff/surveys/${openId}`, { intent: 'codes', count: '25' }, cookie);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('25 nye koder er lavet.');
    const csv = await fetch(`${base}/staff/surveys/${openId}/codes.csv`, { headers: { cookie } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('kode;parti');
    expect(lines.length).toBeGreaterThanOrEqual(26);
    // Which code was used is never exported (it would tell who answered).
    expect(lines[1]).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4};\d+$/);
  });

  it('a closed wave with responses cannot be opened again (no results by difference)', async () => {
    const closedId = (await serverRow<{ id: number }>(sql`select id from surveys where slug = 'tryghed-2024'`)).id;
    const res = await postForm(base, `/staff/surveys/${closedId}`, { intent: 'open' }, cookie);
    expect(res.status).toBe(409);
    expect((await serverRow<{ status: string }>(sql`select status from surveys where id = ${closedId}`)).status).toBe('closed');
  });

  it('the wave settings set opening hours in Danish time, and a closing time before the opening is refused', async () => {
    const base_ = `/staff/surveys/${openId}/settings`;
    const fields = {
      titleDa: 'Hvor tryg føler du dig på Nørrebro?', titleEn: '', waveDa: '2026 (demo)', waveEn: '', introDa: 'Intro', introEn: '',
      mode: 'both', areaIds: ['1', '2', '3'],
    };
    const bad = await postForm(base, base_, { ...fields, opensAt: '2026-12-01T10:00', closesAt: '2026-11-01T10:00' }, cookie);
    expect(bad.status).toBe(400);
    const ok = await postForm(base, base_, { ...fields, opensAt: '', closesAt: '2027-01-31T12:00' }, cookie);
    expect(ok.status).toBe(200);
    expect((await serverRow<{ t: number }>(sql`select ${epochSeconds('closes_at')} t from surveys where id = ${openId}`)).t).toBe(Date.UTC(2027, 0, 31, 11, 0) / 1000);
  });

  it('asking for too many codes at once is a 400, not a 500', async () => {
    const res = await postForm(base, `/staff/surveys/${openId}`, { intent: 'codes', count: '999999' }, cookie);
    expect(res.status).toBe(400);
  });
});

/** URLSearchParams from [name, value] pairs where names repeat (checkboxes). */
function groupFields(fields: [string, string][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of fields) (out[k] ??= []).push(v);
  return out;
}

describe('report categories', () => {
  it('an admin adds a category, and residents can choose it on /meld; a bad code is a 400', async () => {
    const bad = await postForm(base, '/staff/categories', { intent: 'add', slug: 'Bad Code!', nameDa: 'X', nameEn: '' }, cookie);
    expect(bad.status).toBe(400);
    const ok = await postForm(base, '/staff/categories', { intent: 'add', slug: 'noise_test', nameDa: 'Larm om natten', nameEn: 'Noise at night' }, cookie);
    expect(ok.status).toBe(200);
    expect(await (await fetch(`${base}/meld`)).text()).toContain('Larm om natten');
    expect(await (await fetch(`${base}/en/meld`)).text()).toContain('Noise at night');
  });
});
