/**
 * Public results and the staff analysis pages on the built site, with the
 * demo data: /resultater (and /en/resultater) show the published closed
 * waves only, no figure rests on fewer than K responses, and publishing is
 * an analyst's POST that a viewer cannot make.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serverRow } from '../support/server-db.ts';
import { postForm, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
/** The server's default threshold (PRIVACY_K is not set for the test server). */
const K = 5;

async function page(path: string, cookie?: string): Promise<{ status: number; body: string }> {
  const res = await fetch(base + path, { redirect: 'manual', ...(cookie ? { headers: { cookie } } : {}) });
  return { status: res.status, body: await res.text() };
}

/** The visible text of a page, tags and styles removed. */
function text(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\s+/g, ' ');
}

let analyst: string;
let viewer: string;
let followUp: number;
let baseline: number;
let open: number;
beforeAll(async () => {
  analyst = await staffSession(dbPath, 'analyst');
  viewer = await staffSession(dbPath, 'viewer');
  baseline = (await serverRow<{ id: number }>(sql`select id from surveys where slug = 'tryghed-2024'`)).id;
  followUp = (await serverRow<{ id: number }>(sql`select id from surveys where slug = 'tryghed-2025'`)).id;
  open = (await serverRow<{ id: number }>(sql`select id from surveys where slug = 'tryghed-2026'`)).id;
}, SIGN_IN_TIMEOUT_MS * 2);

afterAll(async () => {
  // Leave the demo data as it was for other test files: both closed waves published.
  for (const id of [baseline, followUp]) await postForm(base, `/staff/dashboard/waves/${id}`, { intent: 'publish' }, analyst);
});

describe('/resultater', () => {
  it('shows the published closed demo waves with their key figures, in Danish and in English', async () => {
    const da = await page('/resultater');
    expect(da.status).toBe(200);
    expect(da.body).toMatch(/<html lang="da"/);
    expect(da.body.match(/<h1[\s>]/g)).toHaveLength(1);
    const daText = text(da.body);
    expect(daText).toContain('Baseline 2024 (demo)');
    expect(daText).toContain('2025 (demo)');
    expect(daText).toContain('Føler sig utryg, når de går alene i nabolaget om aftenen');
    expect(daText).toContain('Indre Nørrebro');
    expect(daText).toContain('Partnerskabets mål');
    expect(da.body).not.toContain('<script');

    const en = await page('/en/resultater');
    expect(en.status).toBe(200);
    expect(en.body).toMatch(/<html lang="en"/);
    const enText = text(en.body);
    expect(enText).toContain('Results');
    expect(enText).toContain('Baseline 2024 (demo)');
    expect(enText).toContain('Feel unsafe walking alone in the neighbourhood in the evening');
  });

  it('an open wave is never on it', async () => {
    for (const path of ['/resultater', '/en/resultater']) {
      const body = text((await page(path)).body);
      expect(body, path).not.toContain('2026 (demo)');
    }
  });

  it('no figure on it rests on fewer than K responses', async () => {
    for (const [path, pattern] of [
      ['/resultater', /(\d[\d.]*) svar/g],
      ['/en/resultater', /(\d[\d,]*) responses/g],
    ] as const) {
      const counts = [...text((await page(path)).body).matchAll(pattern)].map((m) => Number(m[1]!.replace(/[.,]/g, '')));
      expect(counts.length, path).toBeGreaterThan(0);
      for (const n of counts) expect(n, path).toBeGreaterThanOrEqual(K);
    }
  });

  it('a wave withdrawn by an analyst disappears from it, and comes back when published again', async () => {
    const withdraw = await postForm(base, `/staff/dashboard/waves/${followUp}`, { intent: 'unpublish' }, analyst);
    expect(withdraw.status).toBe(200);
    expect(await withdraw.text()).toContain('Offentliggørelsen er ændret.');
    expect((await serverRow<{ p: number }>(sql`select results_published p from surveys where id = ${followUp}`)).p).toBeFalsy();
    const without = text((await page('/resultater')).body);
    expect(without).toContain('Baseline 2024 (demo)');
    expect(without).not.toContain('2025 (demo)');
    expect((await serverRow<{ n: number }>(sql`select count(*) n from audit_log where action = 'survey.unpublish_results' and entity_id = ${followUp}`)).n).toBeGreaterThan(0);

    const publish = await postForm(base, `/staff/dashboard/waves/${followUp}`, { intent: 'publish' }, analyst);
    expect(publish.status).toBe(200);
    expect(text((await page('/resultater')).body)).toContain('2025 (demo)');
  });
});

describe('the staff analysis pages', () => {
  it('a viewer reads a wave’s analysis without export links and cannot publish', async () => {
    const read = await page(`/staff/dashboard/waves/${baseline}`, viewer);
    expect(read.status).toBe(200);
    expect(read.body).toContain('Fordelinger');
    expect(read.body).not.toContain('/staff/dashboard/export/');
    const post = await postForm(base, `/staff/dashboard/waves/${baseline}`, { intent: 'unpublish' }, viewer);
    expect(post.status).toBe(403);
    expect((await serverRow<{ p: number }>(sql`select results_published p from surveys where id = ${baseline}`)).p).toBeTruthy();
  });

  it('an analyst sees distributions, the ranked problems and a breakdown, with export links', async () => {
    const { status, body } = await page(`/staff/dashboard/waves/${baseline}?area=indre-norrebro&question=safety_evening&by=age_band`, analyst);
    expect(status).toBe(200);
    expect(body).toContain('Hvor tryg eller utryg føler du dig, når du går alene i dit nabolag om aftenen?');
    expect(body).toContain('Problemer i nabolaget, rangeret');
    expect(body).toContain('/staff/dashboard/export/wave-breakdown.csv?wave=');
    expect(body).toContain('by=age_band');
  });

  it('an open wave’s page shows no distributions', async () => {
    const { status, body } = await page(`/staff/dashboard/waves/${open}`, analyst);
    expect(status).toBe(200);
    expect(body).toContain('Målingen er ikke afsluttet');
    expect(body).not.toContain('Meget utryg');
    expect(body).not.toContain('<svg');
  });

  it('the trends page follows a question across the closed waves only', async () => {
    const { status, body } = await page('/staff/dashboard/trends?question=safety_evening&area=indre-norrebro', analyst);
    expect(status).toBe(200);
    const visible = text(body.replace(/<option[\s\S]*?<\/option>/g, ''));
    expect(visible).toContain('Baseline 2024 (demo)');
    expect(visible).toContain('2025 (demo)');
    expect(visible).not.toContain('2026 (demo)');
  });
});
