/**
 * Editors translate a wave's questionnaire over HTTP (README "Languages"):
 * the overview per language, the spreadsheet for translators out and back
 * in, refused posts that store nothing, and who may do it. Works on the
 * closed baseline wave, so the open wave other tests answer stays as seeded.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { serverRow } from '../support/server-db.ts';
import { postForm, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

let editor: string;
let analyst: string;
let waveId: number;
const stored = async () => serverRow<{ state: string; texts: string | Record<string, string> }>(sql`select state, texts from survey_translations where survey_id = ${waveId} and locale = 'ar'`);
const textsOf = (row: { texts: string | Record<string, string> }) => (typeof row.texts === 'string' ? (JSON.parse(row.texts) as Record<string, string>) : row.texts);

beforeAll(async () => {
  [editor, analyst] = await Promise.all([staffSession(dbPath, 'editor'), staffSession(dbPath, 'analyst')]);
  waveId = (await serverRow<{ id: number }>(sql`select id from surveys where slug = 'tryghed-2024'`)).id;
}, SIGN_IN_TIMEOUT_MS);

describe('translating a questionnaire', () => {
  it('the overview shows each language’s state, progress and whether residents are offered it', async () => {
    const res = await fetch(`${base}/staff/surveys/${waveId}/translations`, { headers: { cookie: editor } });
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const name of ['العربية', 'Türkçe', 'Soomaali', 'اردو']) expect(html).toContain(name);
    expect(html.match(/Skal gennemlæses af en med sproget som modersmål/g)).toHaveLength(4);
    expect(html).toMatch(/(\d+) af \1 tekster/);
  });

  it('the spreadsheet for translators holds every text with its Danish, English and translation, and loads back', async () => {
    const res = await fetch(`${base}/staff/surveys/${waveId}/translations/ar.csv`, { headers: { cookie: editor } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'a byte-order mark, so spreadsheets read UTF-8').toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes); // drops the mark
    expect(csv.startsWith('key;da;en;ar\r\n')).toBe(true);
    expect(csv).toContain('title;Hvor tryg føler du dig på Nørrebro?;How safe do you feel in Nørrebro?;');
    // The translator changes one text; the editor loads the file back.
    const changed = csv.replace(/^(title;[^;]*;[^;]*;).*$/m, '$1كم تشعر بالأمان في نوربرو؟');
    const form = new FormData();
    form.append('intent', 'upload');
    form.append('state', 'reviewed');
    form.append('csv', new Blob([changed], { type: 'text/csv' }), 'ar.csv');
    const up = await fetch(`${base}/staff/surveys/${waveId}/translations/ar`, { method: 'POST', body: form, headers: { cookie: editor, origin: base } });
    expect(up.status).toBe(200);
    expect(await up.text()).toContain('Oversættelsen er gemt.');
    const row = await stored();
    expect(row.state).toBe('reviewed');
    expect(textsOf(row)['title']).toBe('كم تشعر بالأمان في نوربرو؟');
    // Audited: who translated is recorded.
    expect((await serverRow<{ n: number }>(sql`select count(*) n from audit_log where action = 'survey.translation' and entity_id = ${waveId}`)).n).toBeGreaterThan(0);
  });

  it('refuses a state outside the allowed set, an over-long text and an unreadable file, and stores nothing', async () => {
    const before = await stored();
    const bad = await postForm(base, `/staff/surveys/${waveId}/translations/ar`, { intent: 'save', state: 'published', 't:title': 'x' }, editor);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Vælg en status.');
    const long = await postForm(base, `/staff/surveys/${waveId}/translations/ar`, { intent: 'save', state: 'draft', 't:title': 'ع'.repeat(2001) }, editor);
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('højst være 2.000 tegn');
    const form = new FormData();
    form.append('intent', 'upload');
    form.append('state', 'draft');
    form.append('csv', new Blob(['nøgle;tekst\nx;y\n'], { type: 'text/csv' }), 'x.csv');
    const noColumns = await fetch(`${base}/staff/surveys/${waveId}/translations/ar`, { method: 'POST', body: form, headers: { cookie: editor, origin: base } });
    expect(noColumns.status).toBe(400);
    expect(await noColumns.text()).toContain('«key» og «ar»');
    expect(await stored()).toEqual(before);
  });

  it('an unknown language or wave is a 404, and only survey editors may translate', async () => {
    expect((await fetch(`${base}/staff/surveys/${waveId}/translations/fa`, { headers: { cookie: editor } })).status).toBe(404);
    expect((await fetch(`${base}/staff/surveys/999999/translations/ar`, { headers: { cookie: editor } })).status).toBe(404);
    const page = await fetch(`${base}/staff/surveys/${waveId}/translations`, { headers: { cookie: analyst } });
    expect(await page.text()).not.toContain('Oversættelser af spørgeskemaet');
    expect((await fetch(`${base}/staff/surveys/${waveId}/translations/ar.csv`, { headers: { cookie: analyst } })).status).toBe(403);
  });
});

describe('a translated survey for residents', () => {
  it('the start page names the languages it can be answered in, and the page in Arabic is the translation', async () => {
    const html = await (await fetch(`${base}/ar/undersoegelser/tryghed-2026`)).text();
    for (const name of ['Dansk', 'English', 'العربية', 'Türkçe', 'Soomaali', 'اردو']) expect(html).toContain(`>${name}</a>`);
    expect(html).toMatch(/<h1 lang="ar"[^>]*>/);
  });
});
