/**
 * Answering the seeded questionnaire with a plain HTTP client (form posts, no
 * browser), invitation codes, and malformed answers of every kind: clear 400
 * pages in the respondent's language, never a 500, nothing stored.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { invitationCodes, surveys } from '../../db/schema.ts';
import { generateCodes } from '../../src/server/surveys/invitations.ts';
import { ON_POSTGRES } from '../support/postgres.ts';
import { serverRow, serverRows, sharedServerDatabase } from '../support/server-db.ts';
import { SEEDED_PAGES, SurveyClient } from '../support/survey-client.ts';

const base = inject('baseUrl');
const SLUG = 'tryghed-2026';

const responseCount = async () =>
  (await serverRow<{ n: number }>(sql`select count(*) n from responses r join surveys s on s.id = r.survey_id where s.slug = ${SLUG}`)).n;

describe('answering with a plain HTTP client', () => {
  it('the list shows the open wave and the introduction explains anonymity', async () => {
    expect(await (await fetch(`${base}/undersoegelser`)).text()).toContain(`/undersoegelser/${SLUG}`);
    const intro = await (await fetch(`${base}/undersoegelser/${SLUG}`)).text();
    expect(intro).toContain('Du er anonym');
    expect(intro).toContain('112');
  });

  it('every page shows "Side n af 6", and the whole questionnaire stores exactly one response', async () => {
    const before = await responseCount();
    const c = new SurveyClient(base, SLUG);
    const start = await c.start();
    expect(start.status).toBe(303);
    expect(start.headers.get('location')).toBe(`/undersoegelser/${SLUG}/side/1`);
    expect(c.cookie).toMatch(/^__Host-tryghed-svar-\d+=/);
    const cookieHeader = start.headers.getSetCookie().find((h) => h.startsWith('__Host-tryghed-svar-'))!;
    expect(cookieHeader).toMatch(/HttpOnly/i);
    expect(cookieHeader).toMatch(/Expires=/i);

    const page1 = await (await c.get(`/undersoegelser/${SLUG}/side/1`)).text();
    expect(page1).toContain('Side 1 af 6');
    // "Which area do you live in" shows where the borders run: the areas on a map, named below it.
    const areaQuestion = page1.slice(page1.indexOf('id="q-area"'), page1.indexOf('name="q_area"'));
    expect(areaQuestion).toContain('<figure class="area-map"');
    expect(areaQuestion).toMatch(/<title id="area-map-title"[^>]*>Kort over områderne: Indre Nørrebro, /);
    const done = await c.answerAll();
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/undersoegelser/${SLUG}/tak`);
    expect(await responseCount()).toBe(before + 1);

    // A retried final post (a double click, a reload) stores nothing more.
    const again = await c.page(6, SEEDED_PAGES[5]!, 'submit');
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/undersoegelser/${SLUG}/tak`);
    expect(await responseCount()).toBe(before + 1);
  });

  it('going back keeps the answers already given', async () => {
    const c = new SurveyClient(base, SLUG);
    await c.start();
    await c.page(1, SEEDED_PAGES[0]!);
    const back = await c.page(2, [['q_safety_evening', 'safe']], 'back');
    expect(back.headers.get('location')).toBe(`/undersoegelser/${SLUG}/side/1`);
    const page1 = await (await c.get(`/undersoegelser/${SLUG}/side/1`)).text();
    expect(page1).toMatch(/value="indre-norrebro" checked/);
    const page2 = await (await c.get(`/undersoegelser/${SLUG}/side/2`)).text();
    expect(page2).toMatch(/name="q_safety_evening" value="safe" checked/);
  });

  it('skip logic: "yes" to avoiding places shows the places questions on the same page, says so and goes to the first', async () => {
    const c = new SurveyClient(base, SLUG);
    await c.start();
    for (let i = 0; i < 3; i++) await c.page(i + 1, SEEDED_PAGES[i]!);
    const res = await c.page(4, [['q_avoids_places', 'yes']]);
    // Without JavaScript the page comes back: not silently, but with a notice, at the first new question.
    expect(res.headers.get('location')).toBe(`/undersoegelser/${SLUG}/side/4?nye=2#q-unsafe_places`);
    const page4 = await (await c.get(`/undersoegelser/${SLUG}/side/4?nye=2`)).text();
    expect(page4).toContain('name="q_unsafe_places"');
    expect(page4).toMatch(/<p class="notice" role="status"[^>]*>Dit svar har åbnet 2 nye spørgsmål på siden\./);
    // The places question's hint does not speak of a map it may not show (the map island brings its own words).
    expect(page4).toMatch(/<p class="hint" id="q_unsafe_places-hint"[^>]*>Vælg steder fra listen, eller skriv et sted\.<\/p>/);
    // A made-up count shows nothing.
    expect(await (await c.get(`/undersoegelser/${SLUG}/side/4?nye=x`)).text()).not.toContain('class="notice" role="status"');
  });

  it('skip logic: answering "no" to avoiding places leaves out the places questions', async () => {
    const c = new SurveyClient(base, SLUG);
    await c.start();
    for (let i = 0; i < 3; i++) await c.page(i + 1, SEEDED_PAGES[i]!);
    await c.page(4, [['q_avoids_places', 'no']]);
    const page4 = await (await c.get(`/undersoegelser/${SLUG}/side/4`)).text();
    expect(page4).not.toContain('name="q_unsafe_places"');
    expect(page4).not.toContain('name="q_avoid_why"');
  });
});

describe('malformed answers get a clear 400 page, no 500, nothing stored', () => {
  const cases: { what: string; page: number; fields: [string, string][]; message: string }[] = [
    { what: 'a missing required answer', page: 1, fields: [['q_area', 'indre-norrebro']], message: 'Besvar venligst spørgsmålet.' },
    { what: 'an unknown option', page: 1, fields: [['q_area', 'atlantis'], ['q_safety_general', 'safe']], message: 'Vælg en af svarmulighederne.' },
    { what: 'a value out of range', page: 6, fields: [['q_years_in_area', '250']], message: 'Tallet er uden for det tilladte interval.' },
    { what: 'not a number', page: 6, fields: [['q_years_in_area', 'mange']], message: 'Skriv et helt tal, fx 5.' },
    { what: 'an over-long text', page: 4, fields: [['q_avoids_places', 'yes'], ['q_avoid_why', 'x'.repeat(1001)]], message: 'Teksten er for lang.' },
    { what: 'too many places', page: 4, fields: [['q_avoids_places', 'yes'], ['q_unsafe_places', 'stengade'], ['q_unsafe_places', 'korsgade'], ['q_unsafe_places', 'todesgade'], ['q_unsafe_places', 'folkets-park']], message: 'Du har valgt for mange.' },
    { what: 'a place that is not offered', page: 4, fields: [['q_avoids_places', 'yes'], ['q_unsafe_places', 'no-such-place']], message: 'Vælg en af svarmulighederne.' },
    { what: 'a map point outside the areas', page: 4, fields: [['q_avoids_places', 'yes'], ['q_unsafe_places__point', '55.74000,12.60000']], message: 'Et af stederne ligger uden for områderne.' },
    { what: 'a half-answered matrix', page: 3, fields: [['q_problems__drug_dealing', 'big']], message: 'Besvar venligst alle linjer.' },
    { what: 'a scale point that does not exist', page: 5, fields: [['q_worry_victim', '9'], ['q_trust_police', '4'], ['q_trust_municipality', '3']], message: 'Vælg en af svarmulighederne.' },
  ];

  it.each(cases)('$what', async ({ page, fields, message }) => {
    const c = new SurveyClient(base, SLUG);
    await c.start();
    for (let i = 1; i < page; i++) expect((await c.page(i, SEEDED_PAGES[i - 1]!)).status).toBe(303);
    const before = await responseCount();
    const res = await c.page(page, fields, page === 6 ? 'submit' : 'next');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(message);
    expect(html).toContain('Nogle svar mangler eller skal rettes:');
    expect(html).toMatch(/<title>Fejl: /);
    expect(await responseCount()).toBe(before);
  });

  it('English respondents get the messages in English', async () => {
    const c = new SurveyClient(base, SLUG);
    await c.post(`/en/undersoegelser/${SLUG}`, []);
    const res = await c.post(`/en/undersoegelser/${SLUG}/side/1`, [['q_area', 'indre-norrebro'], ['action', 'next']]);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Please answer the question.');
  });

  it('a body that is not a form is refused without a 500', async () => {
    const c = new SurveyClient(base, SLUG);
    await c.start();
    const res = await fetch(`${base}/undersoegelser/${SLUG}/side/1`, {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/json', cookie: c.cookie },
      body: '{"q_area": "indre-norrebro"}',
    });
    expect([403, 415]).toContain(res.status);
  });

  it('a closed wave refuses answers with a clear message', async () => {
    const c = new SurveyClient(base, 'tryghed-2024');
    const intro = await (await c.get('/undersoegelser/tryghed-2024')).text();
    expect(intro).toContain('Undersøgelsen er lukket');
    const res = await c.start();
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Undersøgelsen er lukket, så svarene kan ikke sendes.');
  });

  it('a page without a draft sends the respondent to the start, not to an error', async () => {
    const res = await fetch(`${base}/undersoegelser/${SLUG}/side/3`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/undersoegelser/${SLUG}`);
  });
});

describe('invitation codes', () => {
  it('a code works once; the second use is refused with a clear message; no response references a code', async () => {
    const db = sharedServerDatabase();
    const [survey] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, SLUG));
    const [code] = (await generateCodes(db, survey!.id, 1, null)).codes;

    const first = new SurveyClient(base, SLUG);
    expect((await first.start(code!.toLowerCase())).status).toBe(303);
    expect((await first.answerAll()).headers.get('location')).toBe(`/undersoegelser/${SLUG}/tak`);
    expect(await db.select({ used: invitationCodes.used }).from(invitationCodes).where(eq(invitationCodes.code, code!))).toEqual([{ used: true }]);

    const second = new SurveyClient(base, SLUG);
    const refused = await second.start(code!);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Koden er allerede brugt.');

    const bogus = await new SurveyClient(base, SLUG).start('ZZZZ-ZZZZ');
    expect(bogus.status).toBe(400);
    expect(await bogus.text()).toContain('Koden findes ikke.');

    const columns = await serverRows<{ name: string }>(
      ON_POSTGRES ? sql`select column_name as name from information_schema.columns where table_name = 'responses'` : sql`select name from pragma_table_info('responses')`,
    );
    expect(columns.length).toBeGreaterThan(3);
    expect(columns.map((c) => c.name).some((n) => /code|invit|ip|agent|cookie|user/i.test(n))).toBe(false);
  });
});
