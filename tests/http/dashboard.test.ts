/**
 * The authority dashboard's front and goals over HTTP, on the seeded demo
 * waves: each goal shows baseline, latest, change, interval, significance
 * and target; the exported figures equal a count done by hand in SQL; viewers
 * read but cannot export; analysts define goals and margins, with clear
 * errors for bad input and nothing stored.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { serverRow } from '../support/server-db.ts';
import { publishCount } from '../../src/lib/disclosure/index.ts';
import { SIGN_IN_TIMEOUT_MS, postForm } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

let analyst: string;
let viewer: string;
beforeAll(async () => {
  analyst = await staffSession(dbPath, 'analyst');
  viewer = await staffSession(dbPath, 'viewer');
}, 2 * SIGN_IN_TIMEOUT_MS);

const get = (path: string, cookie: string) => fetch(base + path, { headers: { cookie }, redirect: 'manual' });

/**
 * The unweighted share of unsafe evenings among substantive, non-suspicious answers, counted in SQL, with
 * the number of those answers as the disclosure engine publishes it (K = 5, the server's default): the
 * count perturbed by the sum of the respondents' record keys.
 */
async function sqlShare(waveSlug: string, areaSlug: string): Promise<{ p: number; n: number; shownN: number | undefined }> {
  const row = await serverRow<{ unsafe: number; n: number; ck: number }>(sql`select sum(case when a.value in ('unsafe', 'very_unsafe') then 1 else 0 end) unsafe, count(*) n, sum(r.cell_key) % 2147483648 ck
       from answers a
       join responses r on r.id = a.response_id
       join surveys s on s.id = r.survey_id
       join questions q on q.id = a.question_id
       join areas ar on ar.id = r.area_id
      where s.slug = ${waveSlug} and ar.slug = ${areaSlug} and q.key = 'safety_evening'
        and not r.suspicious and a.value not in ('dont_know', 'prefer_not')
        -- The demo waves have invitation codes: goals use the invited sample (letters and paper).
        and r.channel in ('invitation', 'paper')
        -- The goals count residents only (the relation question's "I live here").
        and exists (select 1 from answers x join questions qx on qx.id = x.question_id
                     where x.response_id = r.id and qx.key = 'relation' and x.value = 'resident')`);
  return { p: row.unsafe / row.n, n: row.n, shownN: publishCount(row.n, row.ck, 5) };
}

describe('the dashboard front', () => {
  it('shows every demo goal with baseline, latest wave, change, interval, significance and target', async () => {
    const res = await get('/staff/dashboard', analyst);
    expect(res.status).toBe(200);
    const html = await res.text();
    const goals = [...html.matchAll(/<article class="goal" data-goal="(\d+)"/g)].map((m) => m[1]);
    expect(goals.length).toBeGreaterThanOrEqual(3);
    for (const label of ['Udgangspunkt', 'Seneste måling', 'Ændring', '95 %-interval', 'Statistisk sikker?', 'Mål']) expect(html).toContain(label);
    expect(html).toMatch(/Utryghed om aftenen i Indre Nørrebro faldt fra \d+\s%\stil \d+\s%; faldet er statistisk sikkert\./);
    expect(html).toContain('<svg');
    expect(html).toContain('href="/staff/dashboard/export/goals.csv');
  });

  it('the exported unweighted figures equal a count done by hand in SQL', async () => {
    const res = await get('/staff/dashboard/export/goals.json?vaegtet=0', analyst);
    expect(res.status).toBe(200);
    const table = (await res.json()) as { rows: Record<string, unknown>[] };
    const row = table.rows.find((r) => r['goal'] === 'Utryghed om aftenen i Indre Nørrebro')!;
    const before = await sqlShare('tryghed-2024', 'indre-norrebro');
    const after = await sqlShare('tryghed-2025', 'indre-norrebro');
    expect(row['baseline']).toBeCloseTo(before.p, 10);
    expect(row['baselineN']).toBe(before.shownN);
    expect(Math.abs((row['baselineN'] as number) - before.n)).toBeLessThanOrEqual(2);
    expect(row['latest']).toBeCloseTo(after.p, 10);
    expect(row['latestN']).toBe(after.shownN);
    expect(Math.abs((row['latestN'] as number) - after.n)).toBeLessThanOrEqual(2);
    expect(row['change']).toBeCloseTo(after.p - before.p, 10);
  });

  it('the Danish CSV has a BOM, semicolons and decimal commas; the standard one commas and points', async () => {
    const danish = await (await get('/staff/dashboard/export/goals.csv', analyst)).arrayBuffer();
    const bytes = new Uint8Array(danish);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toContain('Mål;Område;');
    expect(text).toMatch(/;0,\d+;/);
    const standard = await (await get('/staff/dashboard/export/goals.comma.csv', analyst)).text();
    expect(standard.charCodeAt(0)).not.toBe(0xfeff);
    expect(standard.split('\r\n')[0]).toContain('Mål,Område,');
    expect(standard).toMatch(/,0\.\d+,/);
  });

  it('a viewer reads the dashboard but gets no export links, and an export is refused', async () => {
    const html = await (await get('/staff/dashboard', viewer)).text();
    expect(html).toContain('data-goal=');
    expect(html).not.toContain('/staff/dashboard/export/');
    expect((await get('/staff/dashboard/export/goals.csv', viewer)).status).toBe(403);
  });

  it('an unknown export is a 404, not an error', async () => {
    expect((await get('/staff/dashboard/export/no-such-table.csv', analyst)).status).toBe(404);
    expect((await get('/staff/dashboard/export/goals.exe', analyst)).status).toBe(404);
  });
});

describe('an analyst defines goals and margins', () => {
  it('chooses the question first, then creates a goal that the front then shows', async () => {
    const seriesId = (await serverRow<{ id: number }>(sql`select id from survey_series where slug = 'tryghedsmaaling-indre-norrebro'`)).id;
    const step = await (await get(`/staff/dashboard/goals?serie=${seriesId}&spoergsmaal=safety_night`, analyst)).text();
    expect(step).toContain('name="successValues"');
    const baselineId = (await serverRow<{ id: number }>(sql`select id from surveys where slug = 'tryghed-2024'`)).id;
    const areaId = (await serverRow<{ id: number }>(sql`select id from areas where slug = 'ydre-norrebro'`)).id;
    const goal = {
      intent: 'create',
      series: String(seriesId),
      question: 'safety_night',
      titleDa: 'Utryghed om natten i Ydre Nørrebro',
      titleEn: '',
      successValues: ['unsafe', 'very_unsafe'],
      area: String(areaId),
      direction: 'decrease',
      baselineKind: 'wave',
      baselineWave: String(baselineId),
      target: '20',
      targetDate: '2028-06-30',
    };
    // The series has a wave that opened, so its analysis plan is locked: a new goal needs a reason.
    const goals = async () => (await serverRow<{ n: number }>(sql`select count(*) n from goals`)).n;
    const before = await goals();
    const refused = await postForm(base, '/staff/dashboard/goals', goal, analyst);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Analyseplanen er låst: skriv, hvorfor målet ændres.');
    expect(await goals()).toBe(before);
    const res = await postForm(base, '/staff/dashboard/goals', { ...goal, reason: 'Styregruppen bad om et mål for natten.' }, analyst);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Målet er oprettet.');
    const front = await (await get('/staff/dashboard', analyst)).text();
    expect(front).toContain('Utryghed om natten i Ydre Nørrebro');
  });

  it('bad input gets a clear message in Danish and stores nothing', async () => {
    const count = async () => (await serverRow<{ n: number }>(sql`select count(*) n from goals`)).n;
    const before = await count();
    const seriesId = (await serverRow<{ id: number }>(sql`select id from survey_series where slug = 'tryghedsmaaling-indre-norrebro'`)).id;
    const res = await postForm(
      base,
      '/staff/dashboard/goals',
      { intent: 'create', series: String(seriesId), question: 'safety_night', titleDa: '', successValues: ['maybe'], area: '999', baselineKind: 'manual', baselineValue: '140', baselineN: '0', baselineSource: '', target: 'x', targetDate: '31-12-2027' },
      analyst,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const message of ['Skriv et navn på dansk.', 'Sæt kryds ved mindst ét af spørgsmålets svar.', 'Vælg et område.', 'Skriv en andel mellem 0 og 100.', 'Skriv antallet af svar', 'Skriv, hvor tallet kommer fra.', 'Skriv en målværdi mellem 0 og 100.', 'Skriv en dato']) {
      expect(html).toContain(message);
    }
    expect(await count()).toBe(before);
  });

  it('margins with an answer value the question does not offer are refused', async () => {
    const seriesId = (await serverRow<{ id: number }>(sql`select id from survey_series where slug = 'tryghedsmaaling-indre-norrebro'`)).id;
    const areaId = (await serverRow<{ id: number }>(sql`select id from areas where slug = 'ydre-norrebro'`)).id;
    const res = await postForm(base, '/staff/dashboard/goals', { intent: 'margins', series: String(seriesId), area: String(areaId), variable: 'gender', lines: 'woman = 100\nalien = 5', source: 'Test' }, analyst);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('svarværdi = antal');
    expect((await serverRow<{ n: number }>(sql`select count(*) n from population_margins where area_id = ${areaId}`)).n).toBe(0);
  });

  it('a viewer cannot change goals', async () => {
    const res = await postForm(base, '/staff/dashboard/goals', { intent: 'delete', goalId: '1' }, viewer);
    expect(res.status).toBe(403);
    expect((await serverRow<{ n: number }>(sql`select count(*) n from goals where id = 1`)).n).toBe(1);
  });
});
